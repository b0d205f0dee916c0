"""Fast paths of the quotes stage against their plain definitions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.quotes.words import _WORD_SPLIT, split_parts

# letters, digits and other numerals, diacritics and tatweel (word characters outside str.isalnum),
# the underscore, punctuation, quotation marks and every kind of space
CHARS = st.sampled_from(list("قالمصدرأإةى abcXY019٣²½Ⅻ_\u064b\u0651\u0670\u0640"
                             "،,.:؛«»\"()-/\n\t\u00a0\u200f "))


@settings(max_examples=500, deadline=None)
@given(st.text(CHARS, max_size=60) | st.text(max_size=30))
def test_split_parts_is_the_pattern_split(text: str) -> None:
    assert split_parts(text) == _WORD_SPLIT.split(text)


def test_split_parts_of_a_sentence() -> None:
    text = "وقال المتحدث  باسم الوزارة، في بيان: «إن الوضع خطير»."
    assert split_parts(text) == _WORD_SPLIT.split(text)
    assert split_parts(text)[:4] == ["", "وقال", " ", "المتحدث"]
    assert split_parts("") == [""] and split_parts(" ،") == [" ،"]


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("قال 19²½_.!؟?…\n\u064b«» ")), max_size=40))
def test_sentence_ends_keep_the_sentences_with_a_letter(text: str) -> None:
    from marsad.extract.quotes.words import _has_letter, _sentence_ends, statement_boundaries

    ends = statement_boundaries(text)
    starts = [0, *(e + 1 for e in ends)][:len(ends)]
    assert _sentence_ends(text, ends) == [e for s, e in zip(starts, ends, strict=True)
                                          if e > s and _has_letter(text, s, e)]
