"""Storing a document reads its words, their offsets and search keys at once
(:func:`marsad.corpus.search.text_words`: array steps for a long text, one split for a short one):
they must be those of the ``\\w+`` matches, whatever the text."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.corpus.search import _split_words, _vector_words, term, text_words, word_terms

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "arabic"))
from arabic_strategies import mixed, soup

_WORD = re.compile(r"\w+")
texts = st.one_of(mixed, st.lists(st.one_of(mixed, soup), max_size=12).map("_".join),
                  st.lists(mixed, min_size=3, max_size=12).map(" ".join))


def _matches(text: str) -> tuple[list[str], list[int]]:
    found = list(_WORD.finditer(text))
    return [m.group() for m in found], [m.start() for m in found]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_text_words_are_the_word_matches(text: str) -> None:
    words, starts = _matches(text)
    assert _split_words(text) == (words, starts)
    assert _vector_words(text) in ((words, starts), None)   # None: a character beyond the BMP
    if all(ord(c) < 0x10000 for c in text):
        assert _vector_words(text) is not None
    tw = text_words(text)
    assert (tw.words, tw.starts) == (words, starts)
    assert tw.keys == [term(w) for w in words] == word_terms(text)
