"""Durations back from the reference: "قبل يومين", "قبل 3 أسابيع", "منذ ثلاث سنوات",
and the last N units up to it: "الأسبوعين الماضيين", "الـ24 ساعة الماضية"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from marsad.arabic import _dresolve as cal
from marsad.arabic._dpatterns import vocab
from marsad.arabic.numbers import lexicon
from marsad.document import DateValue


def ago_value(m: re.Match[str], ref: date, text: str) -> DateValue | None:
    """The unit ``count`` units before ``ref``; after "منذ" an open range from there."""
    v = vocab()
    unit, implied = v.durations[v.key(m.group("du"))]
    count = _count(m) or implied
    if count is None:
        return None
    if unit == "hour":
        day = ref - timedelta(days=-(-count // 24))
        value = DateValue(day, day, "day", text)
    elif unit == "day":
        day = ref - timedelta(days=count)
        value = DateValue(day, day, "day", text)
    elif unit == "week":
        value = cal.week_value(cal.week_start(ref - timedelta(days=7 * count)), text)
    elif unit == "month":
        value = cal.month_value(*cal.add_months(ref.year, ref.month, -count), text)
    else:
        value = cal.year_value(ref.year - count, text)
    if v.key(m.group("ago")) not in v.ago_words:
        return DateValue(value.start, None, "range", text)
    return value


def past_value(m: re.Match[str], ref: date, text: str) -> DateValue | None:
    """The range from ``count`` units before ``ref`` up to ``ref``."""
    v = vocab()
    unit, implied = v.durations[v.key(m.group("du"))]
    count = _count(m) or implied
    if count is None:
        return None
    if unit in ("hour", "day", "week"):
        hours = count * {"hour": 1, "day": 24, "week": 24 * 7}[unit]
        start = ref - timedelta(days=-(-hours // 24))
    elif unit == "month":
        y, mo = cal.add_months(ref.year, ref.month, -count)
        start = date(y, mo, min(ref.day, cal.month_end(y, mo).day))
    else:
        start = date(ref.year - count, ref.month, min(ref.day, 28) if ref.month == 2 else ref.day)
    return DateValue(start, ref, "range", text)


def _count(m: re.Match[str]) -> int | None:
    digits = m.group("n") or ("n2" in m.re.groupindex and m.group("n2"))
    if digits:
        return int(digits)
    if m.group("nw"):
        entry = lexicon().lookup(m.group("nw"))
        return entry[1] if entry else None
    return None
