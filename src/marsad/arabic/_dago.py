"""Durations back from the reference: "قبل يومين", "قبل 3 أسابيع", "منذ ثلاث سنوات"."""

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
    if unit == "day":
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


def _count(m: re.Match[str]) -> int | None:
    if m.group("n"):
        return int(m.group("n"))
    if m.group("nw"):
        entry = lexicon().lookup(m.group("nw"))
        return entry[1] if entry else None
    return None
