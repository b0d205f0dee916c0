"""Storing a document reads its words, their offsets and search keys from one split of the text
(:func:`marsad.corpus.search.text_words`): they must be those of the ``\\w+`` matches, whatever the text."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.corpus.search import term, text_words, word_terms

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "arabic"))
from arabic_strategies import mixed, soup

_WORD = re.compile(r"\w+")


@settings(max_examples=400, deadline=None)
@given(st.one_of(mixed, st.lists(soup, max_size=6).map("_".join)))
def test_text_words_are_the_word_matches(text: str) -> None:
    found = list(_WORD.finditer(text))
    tw = text_words(text)
    assert tw.words == [m.group() for m in found]
    assert tw.starts == [m.start() for m in found]
    assert tw.keys == [term(m.group()) for m in found] == word_terms(text)
