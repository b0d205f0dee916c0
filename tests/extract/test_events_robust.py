"""Any text goes through events, claims and consistency without error, with valid spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_events_support import analyze

WORDS = ["قتل", "غارة", "على", "مدينة", "الرقة", "5", "مدنيين", "و", "،", ".", "منذ", "عام", "2014",
         "اعتقلت", "قوات", "سوريا", "الديمقراطية", "لم", "سيقصف", "جرحى", "بينهم", "طفلان", "\n", "الهجوم",
         "ما", "يزيد", "أربعين", "بحسب", "المرصد", "«", "»", "ـ", "x"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_word_salad(words: list[str]) -> None:
    doc = analyze(" ".join(words))
    for v in doc.events:
        assert v.evidence and v.trigger.text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_unicode(text: str) -> None:
    analyze(text, published=None)
