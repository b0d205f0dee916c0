"""When an incident happened: its own date if the sentence states one, else the report day, else
(for background incidents) the month of the report.  Dates come from ``a.dates`` (marsad.arabic).
"""

from __future__ import annotations

import calendar
from datetime import date

from marsad.document import DateValue, Span
from marsad.extract.base import Analysis
from marsad.extract.events.lexicon import lexicon
from marsad.extract.events.views import dates
from marsad.extract.events.words import WordIndex

_KEY = "events.incident_dates"


def incident_date(a: Analysis, idx: WordIndex, sentence: Span, first: int,
                  lo: int) -> tuple[DateValue | None, bool]:
    """(date, stated): ``stated`` is false when the date defaults to the report."""
    ref = a.reference_date
    best = None
    trigger_at = idx.starts[first]
    for at, value in _incident_dates(a):
        if not (sentence.start <= at < sentence.end):
            continue
        key = abs(at - trigger_at)
        if best is None or key < best[0]:
            best = (key, value)
    if best is not None:
        return best[1], True
    if ref is None:
        return None, False
    background = idx.has(lexicon().phrases("background"), max(lo, first - 6), first)
    return (month_of(ref) if background else DateValue(ref, ref, "day", None)), False


def _incident_dates(a: Analysis) -> list[tuple[int, DateValue]]:
    """(start offset, value) of the document's dates usable as incident dates (computed once)."""
    found = a.scratch.get(_KEY)
    if found is None:
        ref = a.reference_date
        found = a.scratch[_KEY] = [(span.start, since) for span, value in dates(a)
                                   if _usable(since := _recent_since(value, ref), ref)]
    return found


def _recent_since(value: DateValue, ref: date | None, days: int = 31) -> DateValue:
    """"منذ السبت الماضي" in a report: the campaign ran from then to the report day."""
    if value.precision == "range" and value.end is None and value.start is not None and ref is not None \
            and 0 <= (ref - value.start).days <= days:
        return DateValue(value.start, ref, "range", value.text)
    return value


def _usable(value: DateValue, ref: date | None) -> bool:
    """An incident date: closed, not after the report, not a bare year holding the report."""
    if value.start is None or (value.precision == "range" and value.end is None):
        return False
    if ref is not None and value.start > ref:
        return False
    return not (value.precision == "year" and ref is not None and value.start.year == ref.year)


def month_of(day: date) -> DateValue:
    last = calendar.monthrange(day.year, day.month)[1]
    return DateValue(day.replace(day=1), day.replace(day=last), "month", None)


def more_precise(x: DateValue | None, y: DateValue | None) -> bool:
    """Whether ``y`` says more than ``x`` (a shorter closed interval)."""
    if y is None or y.start is None:
        return False
    if x is None or x.start is None:
        return True
    return _length(y) < _length(x)


def _length(v: DateValue) -> int:
    if v.start is None or v.end is None:
        return 10 ** 6
    return (v.end - v.start).days


def compatible(x: DateValue | None, y: DateValue | None) -> bool:
    """Two dates that may name the same day (overlapping intervals, or one unknown)."""
    if x is None or y is None or x.start is None or y.start is None:
        return True
    x_end = x.end or date.max
    y_end = y.end or date.max
    return x.start <= y_end and y.start <= x_end
