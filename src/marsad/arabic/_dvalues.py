"""Values of matched date expressions: the resolution half of :mod:`marsad.arabic.dates`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.arabic import _dresolve as cal
from marsad.arabic._dpatterns import vocab
from marsad.document import DateValue


@dataclass(slots=True)
class Hit:
    """A matched date expression: its kind, its match, or the hits it joins (ranges, "منذ")."""

    start: int                  # normalised offsets of the expression (proclitics excluded)
    end: int
    kind: str
    m: re.Match[str] | None = None
    inner: tuple[Hit, ...] = ()

    @property
    def anchored(self) -> bool:
        """Whether the value does not depend on the reference date."""
        if self.kind in ("numeric", "year", "hyear"):
            return True
        if self.kind in ("greg", "hijri") and self.m is not None:
            return bool(self.m.group("y" if self.kind == "greg" else "hy"))
        return bool(self.inner) and all(h.anchored for h in self.inner)


def resolve(h: Hit, ref: date | None, text: str) -> DateValue | None:
    """The value of ``h`` against the reference date (``None`` if it needs one or is invalid)."""
    try:
        return _resolve_kind(h, ref, text)
    except (ValueError, OverflowError):
        return None


def _resolve_kind(h: Hit, ref: date | None, text: str) -> DateValue | None:
    if h.kind == "range":
        return _resolve_range(h, ref, text)
    if h.kind in ("since", "wd_date"):
        inner = resolve(h.inner[0], ref, text)
        if inner is None or h.kind == "wd_date":
            return inner
        return DateValue(_since_start(h.inner[0], inner), None, "range", text)
    m = h.m
    assert m is not None
    if h.kind == "numeric":
        return _numeric(m, text)
    if h.kind == "year":
        return _with_part(cal.year_value(int(m.group("y")), text), m.group("part"), "year", text)
    if h.kind == "hyear":
        return _hijri_year(int(m.group("hy")), text)
    if h.kind == "greg":
        return _greg(m, ref, text)
    if h.kind == "hijri":
        from marsad.arabic._dhijri import hijri_value

        return hijri_value(m, ref, text)
    if ref is None:
        return None
    if h.kind == "rel_day":
        day = ref + timedelta(days=vocab().rel_days[vocab().key(m.group("rel"))])
        return DateValue(day, day, "day", text)
    if h.kind in ("ago", "past"):
        from marsad.arabic._dago import ago_value, past_value

        return (ago_value if h.kind == "ago" else past_value)(m, ref, text)
    if h.kind == "weekday":
        v = vocab()
        off = v.which[v.key(m.group("w"))] if m.group("w") else 0
        day = cal.recent_weekday(v.weekdays[v.key(m.group("wd"))], ref, off)
        return DateValue(day, day, "day", text)
    return _period(m, ref, text)


def _since_start(h: Hit, value: DateValue) -> date | None:
    """Where "منذ X" starts: X's start, or the part's own day ("منذ منتصف نيسان" -> the 15th)."""
    start = value.start
    part = h.m.group("part") if h.m is not None and "part" in h.m.re.groupindex else None
    if start is None or not part or value.end is None:
        return start
    v = vocab()
    since = v.part_since.get(v.parts[v.key(part)], {})
    if value.start.month == value.end.month and "month" in since:
        return date(start.year, start.month, since["month"])
    if value.start.month != value.end.month and "year" in since:
        return date(start.year, since["year"], 1)
    return start


def _resolve_range(h: Hit, ref: date | None, text: str) -> DateValue | None:
    a, b = h.inner
    vb = resolve(b, ref, text)
    if vb is None:
        return None
    ref_a = ref if a.anchored or vb.start is None else (vb.end or vb.start)
    va = resolve(a, ref_a, text)
    if va is None or va.start is None:
        return None
    end = vb.end or vb.start
    if end is not None and end < va.start:
        return None
    return DateValue(va.start, end, "range", text)


def _numeric(m: re.Match[str], text: str) -> DateValue:
    if m.group("y"):
        day = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    else:
        day = date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    return DateValue(day, day, "day", text)


def _greg(m: re.Match[str], ref: date | None, text: str) -> DateValue | None:
    v = vocab()
    month = v.months[v.key(m.group("m1"))]
    d1 = day_of(m)
    year = _greg_year(m, month, d1, ref)
    if year is None:
        return None
    if d1 is not None:
        first = date(year, month, d1)
        if m.group("d2"):
            return DateValue(first, date(year, month, int(m.group("d2"))), "range", text)
        return DateValue(first, first, "day", text)
    return _with_part(cal.month_value(year, month, text), m.group("part"), "month", text)


def day_of(m: re.Match[str]) -> int | None:
    """The day of the month, in digits or as an ordinal word ("الخامس")."""
    if m.group("d1"):
        return int(m.group("d1"))
    if m.group("dw"):
        v = vocab()
        return v.day_words[v.key(m.group("dw"))]
    return None


def _greg_year(m: re.Match[str], month: int, d1: int | None, ref: date | None) -> int | None:
    v = vocab()
    if m.group("y"):
        return int(m.group("y"))
    if ref is None:
        return None
    if m.group("ru") or m.group("this"):
        return ref.year + (v.which[v.key(m.group("rw"))] if m.group("rw") else 0)
    if m.group("w"):
        off = v.which[v.key(m.group("w"))]
        if off > 0:
            return cal.next_month(month, ref)
        return cal.recent_month(month, ref, strict=off < 0) if off else ref.year
    if d1 is not None:
        return cal.recent_day(month, d1, ref)
    return cal.recent_month(month, ref, strict=False)


def _with_part(value: DateValue, part: str | None, unit: str, text: str) -> DateValue | None:
    if not part:
        return value
    v = vocab()
    return cal.part_of(value, unit, v.part_ranges[v.parts[v.key(part)]][unit], text)


def _period(m: re.Match[str], ref: date, text: str) -> DateValue | None:
    v = vocab()
    unit = v.units[v.key(m.group("ru") or m.group("ru2") or m.group("ru3"))]
    off = v.which[v.key(m.group("rw"))] if m.group("rw") else 0
    if unit == "week":
        value = cal.week_value(cal.week_start(ref) + timedelta(days=7 * off), text)
    elif unit == "month":
        value = cal.month_value(*cal.add_months(ref.year, ref.month, off), text)
    else:
        value = cal.year_value(ref.year + off, text)
    return _with_part(value, m.group("part"), unit, text)


def _hijri_year(hy: int, text: str) -> DateValue | None:
    start = cal.hijri_to_date(hy, 1, 1)
    nxt = cal.hijri_to_date(hy + 1, 1, 1)
    if start is None or nxt is None:
        return None
    return DateValue(start, nxt - timedelta(days=1), "range", text)
