"""Near-duplicate copies join every story their group's first joins: `build_stories` looks copies up
per member; the plain definition loops over every copy for every story. Both must agree (members,
roles and order), on random incidents and duplicate groups."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.corpus.incidents import EventRow
from marsad.corpus.stories import build_stories

DOCS = [f"d{i}" for i in range(12)]
DAY0 = date(2021, 5, 1)


def _event(doc: str, n: int, day: int) -> EventRow:
    start = DAY0 + timedelta(days=day)
    return EventRow(doc, f"v{n}", "Battles", "Armed clash", start, start, None, None, None, None,
                    frozenset())


@st.composite
def cases(draw):  # type: ignore[no-untyped-def]
    incidents = []
    for n in range(draw(st.integers(0, 8))):
        docs = draw(st.lists(st.sampled_from(DOCS), min_size=1, max_size=4, unique=True))
        day = draw(st.integers(0, 40))
        incidents.append((f"m{n}", [_event(d, n, day) for d in docs]))
    published = {d: DAY0 + timedelta(days=draw(st.integers(-5, 60))) for d in DOCS}
    firsts = draw(st.lists(st.sampled_from(DOCS[:4]), max_size=3, unique=True))
    copies = draw(st.lists(st.sampled_from(DOCS[4:]), max_size=8, unique=True))
    duplicates = {c: draw(st.sampled_from(firsts)) for c in copies} if firsts else {}
    return incidents, published, duplicates


@settings(max_examples=300, deadline=None)
@given(cases())
def test_copies_follow_their_first_as_the_plain_loop_does(case) -> None:  # type: ignore[no-untyped-def]
    incidents, published, duplicates = case
    plain = build_stories(incidents, published, {})
    for story in plain:
        for copy, first in duplicates.items():
            if first in story.members and copy not in story.members:
                story.members[copy] = story.members[first]
    fast = build_stories(incidents, published, duplicates)
    assert [(s.id, s.incidents, list(s.members.items())) for s in fast] == \
           [(s.id, s.incidents, list(s.members.items())) for s in plain]
