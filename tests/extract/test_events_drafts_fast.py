"""The fast paths of the events stage's drafts give what their plain definitions give."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st
from test_events_support import analyze

from marsad.document import Span
from marsad.extract.base import Analysis
from marsad.extract.events import arguments
from marsad.extract.events.arguments import _actor_lists, _word_ranges, is_actor, word_of
from marsad.extract.events.drafts import _kept_alone, _reduce
from marsad.extract.events.lexicon import Trigger, TriggerForm, lexicon
from marsad.extract.events.triggers import Candidate
from marsad.extract.events.words import WordIndex

_SUBS = sorted({sub for pair in lexicon().events.get("one_incident", ()) for sub in pair} | {"Armed clash"})


@st.composite
def _candidates(draw: st.DrawFn) -> Candidate:
    sub = draw(st.sampled_from(_SUBS))
    trig = Trigger("t", "Battles", sub, weak=draw(st.booleans()), absorbable=draw(st.booleans()))
    form = TriggerForm(trig, "masdar", draw(st.booleans()))
    return Candidate(form, 3, 3, Span(0, 4, "قصف"), "Battles", sub, generic=draw(st.booleans()),
                     anaphoric=draw(st.booleans()), distinct=draw(st.booleans()))


@given(_candidates(), st.booleans())
def test_a_candidate_alone_is_kept_as_reduce_keeps_it(c: Candidate, self_drop: bool) -> None:
    """:func:`_kept_alone` says what :func:`_reduce` does with a sentence's only
    candidate (also under a rule that drops a sub-type for itself)."""
    events = dict(lexicon().events)
    if self_drop:
        events["one_incident"] = [*events.get("one_incident", ()), [c.sub_event_type, c.sub_event_type]]
    with mock.patch.object(lexicon(), "events", events):
        assert _kept_alone(c) == (_reduce([c]) == [c])


drafts_module = sys.modules["marsad.extract.events.drafts"]     # the package names its function drafts
_DEMO = Path(__file__).resolve().parents[2] / "samples" / "demo" / "articles"
_TEXTS = sorted(_DEMO.glob("*/*.txt"))


def _demo_texts() -> list[str]:
    texts = []
    for path in _TEXTS:
        raw = path.read_bytes()
        try:
            texts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:              # some demo outlets write windows-1256
            texts.append(raw.decode("cp1256"))
    return texts


def test_sentences_without_a_trigger_are_skipped_as_they_give_no_draft() -> None:
    """Reading only :func:`_trigger_sentences` gives the events and claims of reading every sentence."""
    events = 0
    for path, text in zip(_TEXTS, _demo_texts(), strict=True):
        fast = analyze(text)
        with mock.patch.object(drafts_module, "_trigger_sentences", lambda _a, sents: list(enumerate(sents))):
            plain = analyze(text)
        assert fast.events == plain.events and fast.claims == plain.claims, path.name
        events += len(fast.events)
    assert events > len(_TEXTS)


def test_actor_lists_are_is_actor_either_way() -> None:
    """A sentence's two actor lists, made in one pass, are its mentions that :func:`is_actor` takes
    with countries acting and without."""
    actors = 0

    def checked(a: Analysis, mentions: list) -> tuple[list, list]:
        nonlocal actors
        got = _actor_lists(a, mentions)
        assert got == ([t for t in mentions if is_actor(a, t[2], True)],
                       [t for t in mentions if is_actor(a, t[2], False)])
        actors += len(got[0]) + len(got[1])
        return got

    with mock.patch.object(arguments, "_actor_lists", checked):
        for text in _demo_texts():
            analyze(text)
    assert actors


_PIECES = ["قصف", "الطائرات", "، ", " ", "مدينة", "حلب", ".", "\n", "لـ138"]


@given(st.lists(st.sampled_from(_PIECES), max_size=20),
       st.lists(st.tuples(st.integers(0, 80), st.integers(0, 30)), max_size=8))
def test_mention_word_ranges_are_word_of_and_last_before(pieces: list[str],
                                                         spans: list[tuple[int, int]]) -> None:
    """:func:`_word_ranges` gives each mention the words :func:`word_of` and ``last_before`` give it."""
    text = " ".join(pieces)
    idx = WordIndex(text)
    mentions = [SimpleNamespace(span=Span(start, start + length, "")) for start, length in spans]
    assert _word_ranges(idx, mentions) == [(word_of(idx, m.span.start), idx.last_before(m.span.end), m)
                                          for m in mentions]


def test_events_with_every_cue_table_read_are_the_same() -> None:
    """The look-ups skipped when :meth:`WordIndex.has_any` finds no cue of a group of tables near a
    trigger (modality, anaphora, frames, agent cues, sources) change no event of the demo articles."""
    texts = _demo_texts()
    fast = [analyze(text) for text in texts]
    with mock.patch.object(WordIndex, "has_any", lambda *_args: True):
        plain = [analyze(text) for text in texts]
    assert [d.events for d in fast] == [d.events for d in plain]
    assert [d.claims for d in fast] == [d.claims for d in plain]
