"""Stories: incidents reported together as news, and every article that reports them.

A merged incident is *news* for an article when its date lies within :data:`NEWS_WINDOW_DAYS` before the
article's publication (or it is undated); otherwise the article mentions it as *background*. Incidents
that are news in the same article belong to the same story, and so do articles that tell the same news
in other words (optional, see :mod:`marsad.corpus.semantic`). An article belongs to every story whose
incidents it reports, as news or as background, so a 2023 article recalling the October 2017 capture of
Raqqa joins that story without merging it with the 2023 news. Near-duplicate copies follow their group.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from marsad.corpus.disjoint import DisjointSet
from marsad.corpus.incidents import EventRow

NEWS_WINDOW_DAYS = 10
STORY_MAX_DAYS = 21   # links that would make a story span longer are refused (no snowballing)


def short_id(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]


@dataclass
class Story:
    id: str
    incidents: list[str] = field(default_factory=list)          # merged incident ids
    members: dict[str, str] = field(default_factory=dict)       # doc id -> "news" | "background"


def is_news(event: EventRow, published: date | None) -> bool:
    if published is None or event.start is None or event.end is None:
        return True
    earliest = published - timedelta(days=NEWS_WINDOW_DAYS)
    return earliest <= event.end and event.start <= published + timedelta(days=1)


def build_stories(incidents: Sequence[tuple[str, list[EventRow]]], published: dict[str, date | None],
                  duplicates: dict[str, str], links: Sequence[tuple[str, str]] = ()) -> list[Story]:
    """Stories from ``(incident id, member events)`` pairs.

    ``duplicates`` maps a copy to the first of its group; ``links`` are pairs of documents that tell the
    same news by meaning (see :mod:`marsad.corpus.semantic`), joined into one story.
    """
    sets: DisjointSet[str] = DisjointSet(i for i, _ in incidents)
    spans: dict[str, tuple[date, date]] = {}
    for incident_id, events in incidents:
        days = [d for e in events for d in (e.start, e.end) if d is not None]
        if days:
            spans[incident_id] = (min(days), max(days))
    for incident_id, events in incidents:
        for e in events:
            if is_news(e, published.get(e.doc_id)):
                _join(sets, spans, _doc_node(e.doc_id), incident_id)
    for a, b in links:
        _join(sets, spans, _doc_node(a), _doc_node(b))
    by_id = dict(incidents)
    copies: dict[str, list[str]] = {}        # first of a group -> its copies, in ``duplicates`` order
    for copy, first in duplicates.items():
        copies.setdefault(first, []).append(copy)
    order = {copy: n for n, copy in enumerate(duplicates)}
    stories = []
    for group in sets.groups():
        story = _story(group, by_id, published)
        if story is None:
            continue
        # copies follow their group's first (looked up per member: a loop over every copy for every
        # story took minutes in a corpus with many syndicated copies)
        found = sorted((c for d in story.members if d in copies for c in copies[d]), key=order.__getitem__)
        for copy in found:
            if copy not in story.members:
                story.members[copy] = story.members[duplicates[copy]]
        stories.append(story)
    return stories


def _join(sets: DisjointSet[str], spans: dict[str, tuple[date, date]], a: str, b: str) -> None:
    """Union ``a`` and ``b`` unless the story would then span more than :data:`STORY_MAX_DAYS`."""
    ra, rb = sets.find(a), sets.find(b)
    if ra == rb:
        return
    sa, sb = spans.get(ra), spans.get(rb)
    if sa and sb:
        merged = (min(sa[0], sb[0]), max(sa[1], sb[1]))
        if (merged[1] - merged[0]).days > STORY_MAX_DAYS:
            return
    sets.union(ra, rb)
    joined = [x for x in (sa, sb) if x]
    if joined:
        spans[sets.find(ra)] = (min(x[0] for x in joined), max(x[1] for x in joined))


def _doc_node(doc_id: str) -> str:
    return "d:" + doc_id


def _story(group: list[str], by_id: dict[str, list[EventRow]],
           published: dict[str, date | None]) -> Story | None:
    incident_ids = sorted(i for i in group if i in by_id)
    linked_docs = [node[2:] for node in group if node.startswith("d:")]
    story = Story(short_id("s", min(incident_ids or group)), incident_ids)
    for incident_id in incident_ids:
        for e in by_id[incident_id]:
            role = "news" if is_news(e, published.get(e.doc_id)) else "background"
            if story.members.get(e.doc_id) != "news":
                story.members[e.doc_id] = role
    for doc_id in linked_docs:
        story.members[doc_id] = "news"
    return story if incident_ids or len(story.members) > 1 else None
