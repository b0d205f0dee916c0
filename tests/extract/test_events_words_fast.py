"""The fast paths of the events stage's word index give what their plain definitions give."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.events import words
from marsad.extract.events.lexicon import lexicon
from marsad.extract.events.words import columns_of

# words that start clause-break phrases, words that go on with them, and others; gaps of every kind
_BREAK_WORDS = sorted({w for stem, bucket in lexicon().phrases("clause_breaks").index.items()
                       for rest, _p in bucket for w in (stem, *rest)})
_WORDS = [*_BREAK_WORDS, "وفي", "حينها", "قصفت", "الطائرات", "المدينة", "مقتل", "14", "مدنيا",
          "ا" * 38, "المستشفياتالميدانيةوالعسكرية"]
_GAPS = [" ", " ", " ", "، ", ". ", "\n", "  ", " " * 39, " (", ": ", " - "]


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
