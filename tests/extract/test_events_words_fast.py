"""The fast paths of the events stage's word index give what their plain definitions give."""

from __future__ import annotations

from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from marsad.document import Quantity
from marsad.extract.events import words
from marsad.extract.events.counts import CountHit, _scan_back
from marsad.extract.events.lexicon import Phrases, lexicon
from marsad.extract.events.totals import _CUES as _TOTAL_CUES
from marsad.extract.events.totals import is_total
from marsad.extract.events.triggers import _BACK, _CUES, _FRAMES, _NEAR, find_candidates, modality
from marsad.extract.events.words import (
    _CLAUSE_MARKS,
    _SPLIT,
    _STOPS,
    WordIndex,
    _break_word,
    _info,
    columns_of,
)


def _words_of(table: Phrases) -> list[str]:
    """The words of a table's phrases."""
    return sorted({w for stem, bucket in table.index.items() for rest, _p in bucket for w in (stem, *rest)})


def _phrases_of(table: Phrases) -> list[str]:
    """A table's phrases, as text."""
    return sorted({" ".join((stem, *rest)) for stem, bucket in table.index.items() for rest, _p in bucket})


def _a_phrase_of(tables: tuple[tuple[Phrases, object], ...]) -> st.SearchStrategy[str]:
    """A phrase of one of ``tables`` (each table as often)."""
    return st.sampled_from([_phrases_of(table) for table, _extra in tables]).flatmap(st.sampled_from)


# words that start clause-break phrases, words that go on with them, and others; gaps of every kind
_BREAK_WORDS = _words_of(lexicon().phrases("clause_breaks"))
_WORDS = [*_BREAK_WORDS, "وفي", "حينها", "قصفت", "الطائرات", "المدينة", "مقتل", "14", "مدنيا",
          "ا" * 38, "المستشفياتالميدانيةوالعسكرية"]
_GAPS = [" ", " ", " ", "، ", ". ", "\n", "  ", " " * 39, " (", ": ", " - ", "؟ ", "; ", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAPS), st.sampled_from(_WORDS)), max_size=30),
       st.sampled_from(["", " ", "."]))
def test_clause_breaks_read_only_where_a_phrase_may_start(pairs: list[tuple[str, str]], tail: str) -> None:
    """Skipping :func:`words._break_word` where :func:`words._goes_on` says no phrase goes on changes
    no clause number."""
    text = "".join(gap + word for gap, word in pairs) + tail
    with mock.patch.object(words, "_goes_on", lambda *_args: True):
        plain = columns_of(text)
    assert columns_of(text) == plain


def _plain_numbers(text: str) -> tuple[list[int], list[int]]:
    """Clause and sentence numbers word by word: a clause grows after clause punctuation or at a
    clause-break phrase, a sentence after a stop."""
    parts = _SPLIT.split(text)
    breaks = lexicon().phrases("clause_breaks").index
    clauses, sentences, clause, sentence = [], [], 0, 0
    for k, word in enumerate(parts[1::2]):
        gap = parts[2 * k]
        end = len("".join(parts[:2 * k + 2]))
        if not _STOPS.isdisjoint(gap):
            clause, sentence = clause + 1, sentence + 1
        elif not _CLAUSE_MARKS.isdisjoint(gap) or _break_word(parts, k, end, _info(word)[1], breaks):
            clause += 1
        clauses.append(clause)
        sentences.append(sentence)
    return clauses, sentences


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAPS), st.sampled_from(_WORDS)), max_size=30),
       st.sampled_from(["", " ", "."]))
def test_clause_numbers_are_the_plain_ones(pairs: list[tuple[str, str]], tail: str) -> None:
    text = "".join(gap + word for gap, word in pairs) + tail
    assert columns_of(text)[6:] == _plain_numbers(text)


_FRAME_TABLES = _FRAMES.of(lexicon())      # the frame tables looked for before a trigger, with their reach
_FRAME_WORDS = sorted({w for table, _r in _FRAME_TABLES for w in _words_of(table)})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAPS), st.sampled_from(_FRAME_WORDS + _WORDS)), max_size=30))
def test_covered_is_before_for_any_table(pairs: list[tuple[str, str]]) -> None:
    """One look-up in :meth:`WordIndex.covered` answers :meth:`WordIndex.before` for all its tables."""
    idx = WordIndex("".join(gap + word for gap, word in pairs))
    covered = idx.covered(_FRAME_TABLES)
    for i in range(idx.size):
        for lo in range(i + 1):
            plain = any(idx.before(t, i, lo, r) for t, r in _FRAME_TABLES)
            assert (covered.get(i, -1) >= lo) == plain, (i, lo)


_CUE_WORDS = [_words_of(lexicon().phrases(name)) for name, _deep in _CUES.spec]
_CUE = st.sampled_from(_CUE_WORDS).flatmap(st.sampled_from)     # a word of each table as often
_TRIGGERS = ["قصف", "ستقصف", "سيشن", "هجوم", "غارة", "اشتباكات"]


_PLAIN = st.sampled_from(_TRIGGERS + _WORDS[:12])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAPS[:6]), st.one_of(_PLAIN, _PLAIN, _CUE)),
                min_size=1, max_size=16), st.data())
def test_modality_without_cues_is_the_plain_one(pairs: list[tuple[str, str]], data: st.DataObject) -> None:
    """Answering "asserted" (or "future") when no cue table has a phrase before the trigger gives what
    reading every cue gives."""
    idx = WordIndex("".join(gap + word for gap, word in pairs))
    if not idx.size:
        return
    first = data.draw(st.integers(0, idx.size - 1))
    lo = data.draw(st.integers(max(first - 4, 0), first))
    with mock.patch.object(WordIndex, "has_any", lambda *_args: True):
        plain = modality(idx, first, lo)
    assert modality(idx, first, lo) == plain


_BACK_CUE = _a_phrase_of((*_BACK.of(lexicon()), *_NEAR.of(lexicon())))
_UNITS = st.sampled_from(_phrases_of(lexicon().phrases("frame.duration_units")))
_TRIGGER_FORMS = ["قصف", "القصف", "الهجوم", "هجوما", "اشتباكات", "غارة", "استهدف", "اغتيال"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAPS[:6]),
                          st.one_of(_PLAIN, _BACK_CUE, _UNITS, st.sampled_from(_TRIGGER_FORMS))),
                min_size=1, max_size=16), st.data())
def test_candidates_without_back_cues_are_the_plain_ones(pairs: list[tuple[str, str]],
                                                         data: st.DataObject) -> None:
    """Skipping the anaphora, condemnation and response checks when none of their tables has a
    phrase in the six words before a trigger, and the habit and duration frames when neither has one
    within eight words, gives the candidates of making every check."""
    text = "".join(gap + word for gap, word in pairs)
    idx = WordIndex(text)
    if not idx.size:
        return
    lo = data.draw(st.integers(0, idx.size - 1))
    with mock.patch.object(WordIndex, "has_any", lambda *_args: True):
        plain = find_candidates(text, idx, lo, idx.size)
    assert find_candidates(text, idx, lo, idx.size) == plain


_TOTAL_CUE = _a_phrase_of(_TOTAL_CUES.of(lexicon()))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAPS[:6]),
                          st.one_of(_PLAIN, _PLAIN, _PLAIN, _TOTAL_CUE, st.sampled_from(["14", "مدنيا"]))),
                min_size=1, max_size=20),
       st.integers(0, 30), st.integers(0, 2), st.one_of(st.none(), st.integers(-16, 3)),
       st.sampled_from(["killed", "other", "displaced"]), st.sampled_from([None, "civilians"]))
@example([(" ", "احصاءات"), (" ", "14"), (" ", "مدنيا")], 1, 1, None, "killed", None)     # an estimate
@example([(" ", "الحرب"), (" ", "14"), (" ", "مدنيا")], 1, 1, None, "killed", None)       # a campaign
def test_totals_without_cues_are_the_plain_ones(pairs: list[tuple[str, str]], first: int, length: int,
                                                 cue: int | None, kind: str, group: str | None) -> None:
    """Skipping the period, rate, estimate and campaign checks of :func:`is_total` when none of their
    tables has a phrase in the count's clause (or up to its cue) gives what making them gives."""
    idx = WordIndex("".join(gap + word for gap, word in pairs))
    if not idx.size:
        return
    first = first % idx.size
    last = min(first + length, idx.size - 1)
    cue = None if cue is None else min(max(first + cue, 0), idx.size - 1)
    hit = CountHit(kind, Quantity(14, 14), group, None, None, first, last, cue=cue)
    with mock.patch.object(WordIndex, "has_any", lambda *_args: True):
        plain = is_total(idx, hit)
    assert is_total(idx, hit) == plain


_COUNT_CUE = st.sampled_from(_phrases_of(lexicon().cues)).flatmap(
    lambda cue: st.sampled_from([cue, cue + "هم", "و" + cue]))     # with clitics: read with deep stems


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAPS[:6]), st.one_of(_PLAIN, _COUNT_CUE, st.just("14"))),
                min_size=1, max_size=24),
       st.integers(0, 30), st.sampled_from([4, 16]), st.sets(st.integers(0, 30), max_size=4))
@example([(" ", "مقتل"), (" ", "في"), (" ", "في"), (" ", "في"), (" ", "14")], 4, 4, set())   # at the reach
@example([(" ", "قتلهم"), (" ", "14")], 1, 4, set())                                         # an enclitic
def test_scan_back_without_cues_is_the_plain_one(pairs: list[tuple[str, str]], first: int, reach: int,
                                                 covered: set[int]) -> None:
    """Answering no cue when no cue phrase starts within reach before a number gives what scanning the
    words back gives."""
    idx = WordIndex("".join(gap + word for gap, word in pairs))
    if not idx.size:
        return
    first = first % idx.size
    with mock.patch.object(WordIndex, "has", lambda *_args, **_kw: True):
        plain = _scan_back(idx, first, reach, covered)
    assert _scan_back(idx, first, reach, covered) == plain
