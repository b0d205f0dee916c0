"""Calendar arithmetic for date expressions: months, weeks, parts of periods, Hijri."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from marsad.document import DateValue


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_value(year: int, month: int, text: str) -> DateValue:
    return DateValue(date(year, month, 1), month_end(year, month), "month", text)


def year_value(year: int, text: str) -> DateValue:
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year", text)


def week_start(day: date) -> date:
    """Monday of the (ISO) week holding ``day``."""
    return day - timedelta(days=day.weekday())


def week_value(monday: date, text: str) -> DateValue:
    return DateValue(monday, monday + timedelta(days=6), "week", text)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def recent_month(month: int, ref: date, strict: bool) -> int:
    """Year of the most recent ``month`` on or before ``ref`` (strictly before if ``strict``)."""
    if month < ref.month or (month == ref.month and not strict):
        return ref.year
    return ref.year - 1


def next_month(month: int, ref: date) -> int:
    """Year of the first ``month`` after ``ref``'s month."""
    return ref.year if month > ref.month else ref.year + 1


def recent_day(month: int, day: int, ref: date) -> int:
    """Year of the most recent ``day``/``month`` on or before ``ref``."""
    return ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1


def recent_weekday(weekday: int, ref: date, offset: int) -> date:
    """Most recent ``weekday`` on or before ``ref`` (offset -1: strictly before; +1: next after)."""
    if offset > 0:
        return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    back = (ref.weekday() - weekday) % 7
    if back == 0 and offset < 0:
        back = 7
    return ref - timedelta(days=back)


def part_of(value: DateValue, unit: str, bounds: tuple[int, int], text: str) -> DateValue | None:
    """The early/middle/late part of a month, year or week value, as a range."""
    start = value.start
    if start is None:
        return None
    lo, hi = bounds
    if unit == "month":
        last = calendar.monthrange(start.year, start.month)[1]
        a, b = date(start.year, start.month, min(lo, last)), date(start.year, start.month, min(hi, last))
    elif unit == "year":
        a, b = date(start.year, lo, 1), month_end(start.year, hi)
    else:
        a, b = start + timedelta(days=lo - 1), start + timedelta(days=hi - 1)
    return DateValue(a, b, "range", text)


def hijri_to_date(year: int, month: int, day: int) -> date | None:
    """Gregorian date of a Hijri (Umm al-Qura) date, ``None`` when out of range."""
    try:
        from hijridate import Hijri

        g = Hijri(year, month, day).to_gregorian()
        return date(g.year, g.month, g.day)
    except (ValueError, OverflowError, ImportError):
        return None


def hijri_month_length(year: int, month: int) -> int | None:
    try:
        from hijridate import Hijri

        return int(Hijri(year, month, 1).month_length())
    except (ValueError, OverflowError, ImportError):
        return None


def hijri_year_of(day: date) -> int | None:
    try:
        from hijridate import Gregorian

        return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
    except (ValueError, OverflowError, ImportError):
        return None
