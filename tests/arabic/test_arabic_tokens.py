"""Tokens with offsets and clitic analyses."""

from __future__ import annotations

import pytest
from arabic_strategies import mixed
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic import Stem, fold, stems, tokens
from marsad.arabic.tokens import strip_marks


def test_token_kinds_and_offsets() -> None:
    text = "أعلنت «قسد» في ٢٤.١٠.٢٠١٧، مقتل 1,000 عنصر\u200f من U.S. café لـ138 ألف"
    toks = tokens(text)
    assert [(t.text, t.kind) for t in toks[:6]] == [
        ("أعلنت", "word"), ("«", "punct"), ("قسد", "word"), ("»", "punct"), ("في", "word"),
        ("٢٤.١٠.٢٠١٧", "number")]
    assert ("1,000", "number") in [(t.text, t.kind) for t in toks]
    assert ("café", "latin") in [(t.text, t.kind) for t in toks]
    assert "\u200f" not in [t.text for t in toks]
    assert [t.text for t in toks[-3:]] == ["لـ", "138", "ألف"]
    for t in toks:
        assert text[t.start:t.end] == t.text


def test_words_keep_their_marks() -> None:
    toks = tokens("وَقالَ المُتَحَدِّثُ")
    assert [t.text for t in toks] == ["وَقالَ", "المُتَحَدِّثُ"]


@given(mixed)
@settings(max_examples=300, deadline=None)
def test_token_offsets_reproduce_tokens(text: str) -> None:
    prev = 0
    for t in tokens(text):
        assert text[t.start:t.end] == t.text
        assert prev <= t.start < t.end
        prev = t.end
        assert t.kind in {"word", "number", "latin", "punct"}
        assert t.stems


@pytest.mark.parametrize(("word", "wanted", "first"), [
    ("بالرقة", {"الرقة", "رقة"}, "الرقة"),
    ("والرقة", {"الرقة", "رقة"}, "الرقة"),
    ("للتحالف", {"التحالف", "تحالف"}, "التحالف"),
    ("وقواتها", {"قوات", "قواتها"}, "قوات"),
    ("فالمدينة", {"المدينة", "مدينة"}, "المدينة"),
    ("وبالقرب", {"القرب", "قرب"}, "القرب"),
    ("وللمدنيين", {"المدنيين", "مدنيين"}, "المدنيين"),
    ("فللجيش", {"الجيش"}, "الجيش"),
    ("كالعادة", {"العادة"}, "العادة"),
    ("مدينتهم", {"مدينة"}, "مدينة"),
    ("قريتها", {"قرية"}, "قرية"),
    ("وزارة", {"وزارة"}, "وزارة"),
    ("بيان", {"بيان"}, "بيان"),
    ("الرقة", {"الرقة", "رقة"}, "الرقة"),
    ("وسيعلن", {"يعلن"}, None),
    ("بمقاتليهم", {"مقاتلي"}, None),
    ("لنا", {"لنا"}, "لنا"),
    ("وَالرَّقَّة", {"الرقة"}, "الرقة"),
    ("قادتنا", {"قادة"}, None),
])
def test_stems(word: str, wanted: set[str], first: str | None) -> None:
    got = stems(word)
    assert wanted <= {s.stem for s in got}
    if first is not None:
        assert got[0].stem == first
    assert strip_marks(word) in {s.stem for s in got}


def test_stem_parts() -> None:
    got = stems("وبالرقة")
    assert Stem("الرقة", "وب", "") in got
    assert Stem("رقة", "وبال", "") in got
    assert Stem("قوات", "و", "ها") in stems("وقواتها")


@pytest.mark.parametrize("word", ["بال", "وله", "لل", "فها", "ب", "وبه", "كم"])
def test_never_strip_below_two_letters(word: str) -> None:
    for s in stems(word):
        assert len(s.stem) >= 2 or s.stem == word


@given(st.text(alphabet="وفبلكسالهمانتيةقر", max_size=12))
@settings(max_examples=300, deadline=None)
def test_stems_are_well_formed(word: str) -> None:
    got = stems(word)
    assert got and word in {s.stem for s in got}
    assert len(set(got)) == len(got)
    for s in got:
        assert len(s.stem) >= 2 or s.stem == word
        assert word.startswith(s.proclitic) and word.endswith(s.enclitic)


def test_stems_fold_for_keys() -> None:
    assert fold(stems("بالرقة")[0].stem) == fold("الرقة")


@given(st.one_of(mixed, st.text(alphabet="بسم\u200c\u200d e\u0301\u0300", max_size=30)))
@settings(max_examples=300, deadline=None)
def test_token_columns_are_the_tokens(text: str) -> None:
    from marsad.arabic.tokens import token_columns, token_kind

    toks = tokens(text)
    assert token_columns(text) == ([t.start for t in toks], [t.end for t in toks], [t.text for t in toks])
    assert [token_kind(t.text) for t in toks] == [t.kind for t in toks]


# Text the array steps of vector_columns cover (no joiner, Latin mark or character outside the BMP),
# with what they must tell apart: Arabic, Latin and other letters side by side, digits and their
# separators, punctuation, marks of Arabic words, spaces and format controls.
_COVERED = "بسمةﻻﷲ\u064b\u0670ـ aZéß²ا 019٣.,٫٬:-«\u200f\u00ad\t\n\u00a0\u2028\ufd3e\ud800!"


@given(st.one_of(mixed, st.text(alphabet=_COVERED, max_size=40),
                 st.lists(st.sampled_from(["1", "22", ".", ",", "ab", "سم", " ", "٫", "x."]),
                          max_size=12).map("".join)))
@settings(max_examples=500, deadline=None)
def test_vector_columns_are_the_split_columns(text: str) -> None:
    import re
    from itertools import pairwise

    from marsad.arabic.tokens import ARABIC_LETTER, split_columns, vector_columns

    found = vector_columns(text)
    if found is not None:
        assert found == split_columns(text)
    elif text and all(c in _COVERED for c in text):
        # only another letter before an Arabic letter sends a covered text back to the split
        arabic, letter = re.compile(f"[{ARABIC_LETTER}]"), re.compile(r"[^\W\d_]")
        assert any(letter.match(a) and not arabic.match(a) and arabic.match(b)
                   for a, b in pairwise(text))


def test_vector_columns_cover_long_texts() -> None:
    from marsad.arabic.tokens import split_columns, token_columns, vector_columns

    text = "أعلنت «قسد» في 24.10.2017، مقتل 1,000 عنصر\u200f من U.S. café (لـ138 ألف)...\n" * 5
    assert vector_columns(text) == split_columns(text) == token_columns(text)
    assert vector_columns(text.replace("café", "cafe\u0301")) is None     # a Latin mark: the split's
    assert vector_columns("a\U0001f600") is None and vector_columns("") is None
