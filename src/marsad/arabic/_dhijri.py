"""Resolution of Hijri month expressions ("15 رمضان 1444 هـ", "شهر رمضان")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from marsad.arabic import _dresolve as cal
from marsad.arabic._dpatterns import vocab
from marsad.document import DateValue


def hijri_value(m: re.Match[str], ref: date | None, text: str) -> DateValue | None:
    """The Gregorian value of a Hijri day or month (a month without a year needs ``ref``)."""
    v = vocab()
    month = v.hijri[v.key(m.group("hm"))]
    from marsad.arabic._dvalues import day_of

    day = day_of(m)
    if m.group("hy"):
        year: int | None = int(m.group("hy"))
    else:
        year = _recent_year(month, day or 1, ref)
    if year is None:
        return None
    if day is not None:
        g = cal.hijri_to_date(year, month, day)
        return DateValue(g, g, "day", text) if g else None
    length = cal.hijri_month_length(year, month)
    first = cal.hijri_to_date(year, month, 1)
    if first is None or length is None:
        return None
    value = DateValue(first, first + timedelta(days=length - 1), "month", text)
    part = m.group("part")
    if part:
        lo, hi = v.part_ranges[v.parts[v.key(part)]]["month"]
        return DateValue(first + timedelta(days=lo - 1), first + timedelta(days=min(hi, length) - 1),
                         "range", text)
    return value


def _recent_year(month: int, day: int, ref: date | None) -> int | None:
    if ref is None:
        return None
    year = cal.hijri_year_of(ref)
    if year is None:
        return None
    start = cal.hijri_to_date(year, month, day)
    return year if start is not None and start <= ref else year - 1
