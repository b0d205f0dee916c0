"""Normalisation: folding groups, the offset map, and fold/normalize agreement."""

from __future__ import annotations

import pytest
from arabic_strategies import mixed
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic import fold, normalize
from marsad.arabic._charmap import whitespace


@pytest.mark.parametrize(("raw", "folded"), [
    ("أحمد", "احمد"), ("إسرائيل", "اسراييل"), ("آذار", "اذار"), ("ٱلله", "الله"),
    ("مستشفى", "مستشفي"), ("الرقة", "الرقه"), ("مؤتمر", "موتمر"), ("هيئة", "هييه"), ("سماء", "سماء"),
    ("كَتَبَ", "كتب"), ("مُحَمَّدٌ", "محمد"), ("قـــوات", "قوات"), ("٢٠١٧", "2017"), ("۱۴۰۲", "1402"),
    ("١٢٫٥", "12.5"), ("١٣٨٬٠٠٠", "138,000"), ("قال، ثم؛ لماذا؟", "قال, ثم; لماذا?"),
    ("«قسد»", '"قسد"'), ("“نعم”", '"نعم"'), ("الرقة\u200f", "الرقه"), ("\ufeffنص", "نص"),
    ("a  b", "a b"), ("a \t b", "a b"), ("a\r\nb", "a\nb"), ("a \n\n b", "a\nb"), ("a\u00a0b", "a b"),
    ("ﻻ", "لا"), ("ﷲ", "الله"), ("ی", "ي"), ("ک", "ك"), ("قال…", "قال..."), ("2010–2014", "2010-2014"),
])
def test_fold_examples(raw: str, folded: str) -> None:
    assert fold(raw) == folded
    assert normalize(raw).text == folded


@pytest.mark.parametrize(("option", "raw"), [
    ("taa", "ة"), ("alef", "أ"), ("yaa", "ى"), ("hamza", "ؤ"), ("diacritics", "\u064e"),
    ("tatweel", "\u0640"), ("digits", "٣"), ("punct", "،"), ("controls", "\u200f"), ("spaces", "a  b"),
    ("forms", "ﻻ"),
])
def test_each_option_can_be_switched_off(option: str, raw: str) -> None:
    assert normalize(raw, **{option: False}).text == raw
    assert fold(raw, **{option: False}) == raw
    assert fold(raw) != raw


def test_all_off_is_identity() -> None:
    off = dict.fromkeys(["taa", "alef", "yaa", "hamza", "diacritics", "tatweel", "digits", "punct",
                         "controls", "spaces", "forms"], False)
    text = "أَعلنتْ  «قسد»\u200f ٢٠١٧ــ\r\n"
    assert normalize(text, **off).text == text


def test_map_back_to_original_examples() -> None:
    text = "  أَعلنتْ  «قسد»\u200f ٢٠١٧ــ\r\nﻻ"
    n = normalize(text)
    assert n.text == ' اعلنت "قسد" 2017\nلا'
    start = n.text.index("اعلنت")
    s, e = n.to_original(start, start + 5)
    assert text[s:e] == "أَعلنتْ"
    s, e = n.to_original(n.text.index("2017"), n.text.index("2017") + 4)
    assert text[s:e] == "٢٠١٧ــ"
    s, e = n.to_original(n.text.index("لا"), n.text.index("لا") + 1)
    assert text[s:e] == "ﻻ"
    assert n.to_normalized(text.index("«"), text.index("»") + 1) == (7, 12)


def test_span_helper_and_fold_key() -> None:
    from marsad.arabic import fold_key

    text = "قالَ  المتحدثُ"
    n = normalize(text)
    span = n.span(n.text.index("المتحدث"), len(n.text))
    assert span.text == "المتحدثُ" and text[span.start:span.end] == span.text
    assert fold_key("الرقة") == fold("الرقة") == "الرقه"


def test_whitespace_table_matches_isspace() -> None:
    ws = whitespace()
    assert all(c.isspace() for c in ws)
    assert "\u3000" in ws and "\u2028" in ws and "\u200b" not in ws


@given(mixed)
@settings(max_examples=300, deadline=None)
def test_fold_agrees_with_normalize(text: str) -> None:
    assert fold(text) == normalize(text).text


@given(mixed, st.booleans(), st.booleans(), st.booleans())
@settings(max_examples=200, deadline=None)
def test_fold_agrees_with_options(text: str, spaces: bool, diacritics: bool, controls: bool) -> None:
    opts = {"spaces": spaces, "diacritics": diacritics, "controls": controls}
    assert fold(text, **opts) == normalize(text, **opts).text


@given(mixed)
@settings(max_examples=200, deadline=None)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(mixed)
@settings(max_examples=300, deadline=None)
def test_offset_map_is_monotonic_and_valid(text: str) -> None:
    n = normalize(text)
    size = len(text)
    prev_start = prev_end = 0
    for i in range(len(n.text)):
        s, e = n.to_original(i, i + 1)
        assert 0 <= s < e <= size
        assert s >= prev_start and e >= prev_end
        prev_start, prev_end = s, e
    assert n.to_original(len(n.text), len(n.text)) == (size, size)


@given(mixed)
@settings(max_examples=300, deadline=None)
def test_segment_search_agrees_with_the_per_character_map(text: str) -> None:
    n = normalize(text)
    starts, ends = n._maps()
    for i in range(len(n.text)):
        assert n.to_original(i, i + 1) == (starts[i], ends[i])
        assert n.to_original(0, i + 1) == (starts[0], ends[i])


@given(mixed, st.integers(0, 90), st.integers(0, 90))
@settings(max_examples=300, deadline=None)
def test_mapped_spans_are_valid_and_cover(text: str, a: int, b: int) -> None:
    n = normalize(text)
    a, b = sorted((min(a, len(n.text)), min(b, len(n.text))))
    s, e = n.to_original(a, b)
    assert 0 <= s <= e <= len(text)
    assert n.text[a:b] in fold(text[s:e])
    ns, ne = n.to_normalized(s, e)
    assert 0 <= ns <= ne <= len(n.text)
    if b > a:  # an empty span inside an expansion ("ﷲ" -> "الله") maps to an empty span at its start
        assert ns <= a and ne >= b


@given(mixed, st.integers(0, 90), st.integers(0, 90))
@settings(max_examples=200, deadline=None)
def test_to_normalized_is_valid(text: str, a: int, b: int) -> None:
    n = normalize(text)
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    ns, ne = n.to_normalized(a, b)
    assert 0 <= ns <= ne <= len(n.text)


def test_round_trip_of_words_with_marks() -> None:
    text = "وَقالَ المُتَحَدِّثُ: «قُتِلَ ١٤ مَدَنِيّاً»"
    n = normalize(text)
    for word in ("وقال", "المتحدث", "قتل", "14", "مدنيا"):
        i = n.text.index(word)
        s, e = n.to_original(i, i + len(word))
        assert fold(text[s:e]) == word


@given(st.one_of(mixed, st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=60)),
       st.lists(st.booleans(), min_size=11, max_size=11))
@settings(max_examples=300, deadline=None)
def test_byte_fold_is_the_table_translation(text: str, opts: list[bool]) -> None:
    from marsad.arabic._charmap import folding

    fo = folding(tuple(opts))
    assert fo.translate(text) == text.translate(fo.fast_table)


def test_byte_fold_uses_the_codec_map() -> None:
    """codecs.charmap_build gives a plain dict (a slow encoder) unless NUL is code 0."""
    from marsad.arabic._charmap import folding

    fold_ = folding((True,) * 11).byte_fold
    assert type(fold_.encoding).__name__ == "EncodingMap"
    assert fold_.translate("أحمد ٢٠١٧ «قال»") == "احمد 2017 \"قال\""


@given(st.one_of(mixed, st.text(alphabet="   \n\t\u00a0\u064b\u0651\u0640\u200f\ufefb\ufdf2ab", max_size=40)),
       st.lists(st.booleans(), min_size=11, max_size=11))
@settings(max_examples=300, deadline=None)
def test_changes_match_what_the_plain_alternation_matches(text: str, opts: list[bool]) -> None:
    """The change scans (a class first, branches told apart by look-behinds; runs that open with " "
    apart) find what the plain alternation finds:
    ``(?P<w>[ws][ws+deleted]*[ws])|(?P<d>[deleted]+)|(?P<x>[expanded])``."""
    import re

    from marsad.arabic._charmap import _cls, folding

    fo = folding(tuple(opts))
    mapping = fo.full_table
    deleted = "".join(chr(k) for k, v in mapping.items() if v == "")
    expanded = "".join(chr(k) for k, v in mapping.items() if len(v) > 1)
    ws = whitespace() if fo.spaces else ""
    alts = [f"(?P<w>{_cls(ws)}{_cls(ws + deleted)}*{_cls(ws)})"] if ws else []
    alts += [f"(?P<d>{_cls(deleted)}+)"] if deleted else []
    alts += [f"(?P<x>{_cls(expanded)})"] if expanded else []
    if not alts:
        assert fo.changes is None and fo.space_runs is None
        return
    plain = re.compile("|".join(alts))
    assert ([(m.span(), m.lastgroup) for m in fo.find_changes(text)]
            == [(m.span(), m.lastgroup) for m in plain.finditer(text)])


@given(mixed, st.integers(-5, 95), st.integers(-5, 95))
@settings(max_examples=300, deadline=None)
def test_to_original_is_the_per_character_map(text: str, a: int, b: int) -> None:
    """to_original (clamps by comparisons, segment searches) against its plain definition: clamped by
    min and max, then read off the per-character map."""
    n = normalize(text)
    size = len(n.text)
    start = min(max(a, 0), size)
    end = min(max(b, start), size)
    starts, ends = n._maps()
    first = starts[start] if start < size else len(text)
    assert n.to_original(a, b) == (first, first if start == end else ends[end - 1])
