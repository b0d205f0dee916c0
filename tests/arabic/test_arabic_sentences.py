"""Sentence spans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from arabic_strategies import mixed
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic import sentences
from marsad.arabic._data import table
from marsad.arabic.sentences import _ends_here, _extend, _rules, _spans
from marsad.document import Span


def texts(text: str) -> list[str]:
    return [s.text for s in sentences(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل خمسة. وأصيب عشرة.", ["قتل خمسة.", "وأصيب عشرة."]),
    ("هل انتهت الحرب؟ لا! ستستمر؛ هكذا قالوا", ["هل انتهت الحرب؟", "لا!", "ستستمر؛", "هكذا قالوا"]),
    ("وقع الانفجار في 12.3.2019 عند الظهر. ثم هدأ", ["وقع الانفجار في 12.3.2019 عند الظهر.", "ثم هدأ"]),
    ("بلغت الخسائر 2.5 مليون. وقيل أكثر", ["بلغت الخسائر 2.5 مليون.", "وقيل أكثر"]),
    ("قال د. سامي إن الوضع هادئ.", ["قال د. سامي إن الوضع هادئ."]),
    ("تحديث 10:15 ت.غ\nعاد الهدوء", ["تحديث 10:15 ت.غ", "عاد الهدوء"]),
    ("قال: «انتهى القتال. عدنا» ثم غادر.", ["قال: «انتهى القتال. عدنا» ثم غادر."]),
    ('قال: "هذا خطأ. كبير" ومضى. ثم عاد', ['قال: "هذا خطأ. كبير" ومضى.', "ثم عاد"]),
    ("قال: «بداية بلا نهاية\n\nسطر جديد", ["قال: «بداية بلا نهاية", "سطر جديد"]),
    ("عنوان\nنص أول. نص ثان", ["عنوان", "نص أول.", "نص ثان"]),
    ("المدينة... مقبرة جماعية", ["المدينة... مقبرة جماعية"]),
    ("انتهت المعركة.بدأت أخرى", ["انتهت المعركة.", "بدأت أخرى"]),
    ("*الخبر.نت", ["*الخبر.نت"]),
    ("قالوا: «كفى!» وغادروا.", ["قالوا: «كفى!» وغادروا."]),
    ("وانتهى الأمر.» ثم", ["وانتهى الأمر.»", "ثم"]),
    ("  \n  ", []),
    ("", []),
    ("Attack on Monday. U.S. forces left.", ["Attack on Monday.", "U.S. forces left."]),
    ("هل هذا صحيح?! نعم", ["هل هذا صحيح?!", "نعم"]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@given(mixed)
@settings(max_examples=300, deadline=None)
def test_sentence_spans_valid_and_ordered(text: str) -> None:
    prev = 0
    for s in sentences(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        assert s.start >= prev
        prev = s.end


def test_seed_sentences(seeds: dict[str, Path]) -> None:
    for path in seeds.values():
        text = path.read_text(encoding="utf-8")
        spans = sentences(text)
        assert len(spans) >= 10
        for s in spans:
            assert text[s.start:s.end] == s.text and s.text.strip() == s.text
        joined = [s.text for s in spans]
        for needle in ("24.10.2017", "18/02/2023", "16:45 ت.غ"):
            if needle in text:
                assert any(needle in j for j in joined), needle


def test_seed_dateline_not_split(seeds: dict[str, Path]) -> None:
    text = seeds["002"].read_text(encoding="utf-8")
    assert any(s.text.startswith("24.10.2017") for s in sentences(text))


@given(st.one_of(mixed, st.text(alphabet="ab .…\r\n\u2028«»“”\"؟!", max_size=40)))
@settings(max_examples=300, deadline=None)
def test_scan_matches_what_the_plain_alternation_matches(text: str) -> None:
    import re

    from marsad.arabic._data import table
    from marsad.arabic.sentences import _rules

    t = table("sentences")
    marks = t["terminators"] + t["openers"] + t["closers"] + t["toggles"]
    plain = re.compile("|".join([*(re.escape(e) for e in sorted(t["ellipses"], key=len, reverse=True)),
                                 r"\r\n|[\n\r\u2028\u2029\x85]", "[" + re.escape(marks) + "]"]))
    assert ([m.span() for m in _rules().scan.finditer(text)] == [m.span() for m in plain.finditer(text)])


def plain_sentences(text: str) -> list[Span]:
    """:func:`sentences` by its plain definition: every mark found by one alternation, classed by
    set look-ups, and every period judged by ``_ends_here`` (no plain-period branch in the scan)."""
    t = table("sentences")
    ellipses = sorted(t["ellipses"], key=len, reverse=True)
    marks = t["terminators"] + t["openers"] + t["closers"] + t["toggles"]
    scan = "|".join([*map(re.escape, ellipses), "\r\n", "[\n\r\u2028\u2029\x85]", f"[{re.escape(marks)}]"])
    cuts: list[int] = []
    depth = 0
    for m in re.finditer(scan, text):
        mark = m.group()
        if mark[0] in "\n\r\u2028\u2029\x85":
            cuts.append(m.start())
            depth = 0
        elif mark in t["openers"]:
            depth += 1
        elif mark in t["closers"]:
            depth = max(0, depth - 1)
        elif mark in t["toggles"]:
            depth = 0 if depth else 1
        elif mark in t["terminators"] and depth == 0 and _ends_here(text, m.start(), mark, _rules()):
            cuts.append(_extend(text, m.end(), _rules()))
    return _spans(text, cuts)


# periods after short and long words, initials and abbreviations, before spaces, letters and the end
_SENTENCE_PARTS = ("د", "ت.غ", "U.S", "Prof", "etc", "هـ", "المعركة", "قتل", "خمسة", "attack", "12", "2.5",
                   ".", ". ", "..", "…", "!", "؟", "؛", "«", "»", "“", "”", "\"", "'", ")", "نت", "com",
                   " ", "  ", "\n", "\r\n", "\u00a0", "\u2028")


@given(st.one_of(mixed, st.lists(st.sampled_from(_SENTENCE_PARTS), max_size=30).map("".join)))
@settings(max_examples=500, deadline=None)
def test_sentences_match_plain_definition(text: str) -> None:
    assert sentences(text) == plain_sentences(text)
