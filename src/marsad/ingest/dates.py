"""Publication dates: whole-line datelines in scraped text and date fields of records.

Numeric dates are read day-first ("18/02/2023", "24.10.2017"), as Arab outlets write them;
a day-first reading that is impossible ("02/18/2023") falls back to month-first.  Month names
(Gregorian and Levantine), weekdays and label words come from ``boilerplate.yaml``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any

from marsad.document import DateValue
from marsad.ingest.fold import fold
from marsad.ingest.rules import Rules, load_rules

_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*([./\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})([./\-])(\d{1,2})\2(\d{1,2})(?!\d)")
_YM = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_LETTER = re.compile(r"[^\W\d_]")
_YEAR = re.compile(r"\d{4}")   # what every date pattern below holds
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")


@dataclass(frozen=True, slots=True)
class _Patterns:
    textual: re.Pattern[str]      # "18 شباط 2023", "18 شباط/ فبراير 2023"
    month_first: re.Pattern[str]  # "February 18, 2023"
    months: dict[str, int]
    noise: re.Pattern[str]        # labels, weekdays and time words of a dateline


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _patterns(rules: Rules) -> _Patterns:
    spec = rules.dateline
    months = {fold(str(name)): int(num) for num, names in spec.get("months", {}).items() for name in names}
    alt = _alternation(list(months))
    textual = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({alt})(?:\s*/\s*(?:{alt}))?\s*[،,]?\s+(\d{{4}})(?!\d)")
    month_first = re.compile(rf"(?<!\w)({alt})\s+(\d{{1,2}})\s*[،,]?\s+(\d{{4}})(?!\d)")
    keys = ("labels", "weekdays", "time_words", "hijri_words")
    noise_words = [fold(str(w)) for key in keys for w in spec.get(key, ())]
    noise = re.compile(rf"(?<!\w)(?:{_alternation(noise_words)})(?!\w)")
    return _Patterns(textual, month_first, months, noise)


def _make(year: int, first: int, second: int, day_first: bool = True) -> date | None:
    day, month = (first, second) if day_first else (second, first)
    for d, m in ((day, month), (month, day)):
        try:
            return date(year, m, d)
        except ValueError:
            continue
    return None


def _find(text: str, pats: _Patterns) -> tuple[date, re.Match[str]] | None:
    """The first date written in ``text`` (folded) and the match that wrote it."""
    if _YEAR.search(text) is None:     # (most lines) every pattern needs a year: no search of each
        return None
    return _first_date(text, pats)


def _first_date(text: str, pats: _Patterns) -> tuple[date, re.Match[str]] | None:
    """:func:`_find` with every pattern searched (the plain definition)."""
    for regex, build in (
        (_YMD, lambda m: _make(int(m[1]), int(m[4]), int(m[3]))),
        (_DMY, lambda m: _make(int(m[4]), int(m[1]), int(m[3]))),
        (pats.textual, lambda m: _make(int(m[3]), int(m[1]), pats.months[m[2]])),
        (pats.month_first, lambda m: _make(int(m[3]), int(m[2]), pats.months[m[1]])),
    ):
        match = regex.search(text)
        if match is not None:
            found = build(match)
            if found is not None:
                return found, match
    return None


def find_date(text: str, rules: Rules | None = None) -> date | None:
    """The first date written anywhere in ``text`` (numeric day-first, ISO, or with a month name)."""
    hit = _find(fold(text), _patterns(rules or load_rules()))
    return hit[0] if hit else None


def parse_dateline(line: str, rules: Rules | None = None) -> DateValue | None:
    """A day-precision date when ``line`` is nothing but a dateline ("24.10.2017 | 20:35")."""
    pats = _patterns(rules or load_rules())
    key = fold(line)
    hit = _find(key, pats)
    if hit is None:
        return None
    found, match = hit
    rest = key[: match.start()] + " " + key[match.end():]
    rest = pats.noise.sub(" ", _TIME.sub(" ", rest))
    if _LETTER.search(rest):  # other numbers (a Hijri date, seconds) may remain; words may not
        return None
    return DateValue(start=found, end=found, precision="day", text=line.strip())


def parse_date_value(value: Any, rules: Rules | None = None) -> DateValue | None:
    """A record's date field: ISO 8601, day-first numeric, RFC 2822 or a written date."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 10**8:
        day = datetime.fromtimestamp(value / (1000 if value > 10**11 else 1), tz=UTC).date()
        return DateValue(day, day, "day", str(value))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    day = _iso(text) or _rfc2822(text) or find_date(text, rules)
    if day is not None:
        return DateValue(day, day, "day", text)
    return _year_month(text)


def _iso(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1) if " " in text else text).date()
    except ValueError:
        return None


def _rfc2822(text: str) -> date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _year_month(text: str) -> DateValue | None:
    match = _YM.match(text)
    if match is None or not 1 <= int(match[2]) <= 12:
        return None
    year, month = int(match[1]), int(match[2])
    last = calendar.monthrange(year, month)[1]
    return DateValue(date(year, month, 1), date(year, month, last), "month", text)
