"""Side-by-side comparison of each outlet's version of one incident, with agreement flagged.

Tolerances:

* counts agree when the reported ranges intersect, an approximate figure ("نحو 40") standing for ±10%
  and an open range ("أكثر من 40") reaching to infinity; so 14 vs 14 agree, 11 vs 14 conflict, and
  "more than 40" vs 41 agree;
* dates agree when the reported ranges intersect, give or take one day (reports date by publication);
* places agree as in :func:`marsad.corpus.incidents.places_agree` (same place, or close enough);
* actors agree when they are the same knowledge-base entity or the same name once folded.

A field only one outlet reports is ``single``; a field no one reports is ``none``. A value missing from
one report while others give it is an omission, shown, not a conflict.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from marsad.document import COUNT_KINDS

COUNT_SLACK = 0.10
DATE_SLACK = timedelta(days=1)


def _interval(low: int | None, high: int | None, approx: bool) -> tuple[float, float] | None:
    if low is None and high is None:
        return None
    lo = float(low if low is not None else 0)
    hi = float(high) if high is not None else float("inf")
    if approx:
        lo, hi = lo * (1 - COUNT_SLACK), hi * (1 + COUNT_SLACK)
    return lo, hi


def _counts_agree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _dates_agree(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] + DATE_SLACK and b[0] <= a[1] + DATE_SLACK


def _status(values: list[Any], agree: Any) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "none"
    if len(present) == 1:
        return "single"
    ok = all(agree(present[0], v) for v in present[1:]) and all(
        agree(a, b) for i, a in enumerate(present) for b in present[i + 1:])
    return "agree" if ok else "conflict"


def _fold(name: str | None) -> str | None:
    if not name:
        return None
    from marsad.corpus.search import index_terms

    return index_terms(name)


def compare(reports: list[dict[str, Any]]) -> dict[str, str]:
    """Field -> agree | conflict | single | none, over the reports of one incident.

    Each report is a row of the ``events`` table (as a dict), with its document's outlet.
    """
    status: dict[str, str] = {}
    for kind in COUNT_KINDS:
        ranges = [_interval(r[f"{kind}_low"], r[f"{kind}_high"], bool(r.get(f"{kind}_approx")))
                  for r in reports]
        status[kind] = _status(ranges, _counts_agree)
    dates = [(date.fromisoformat(r["date_start"]), date.fromisoformat(r["date_end"] or r["date_start"]))
             if r["date_start"] else None for r in reports]
    status["date"] = _status(dates, _dates_agree)
    for role in ("actor1", "actor2", "location"):
        keys = [r[f"{role}_kb"] or _fold(r[role]) for r in reports]
        status[role] = _status(keys, lambda a, b: a == b)
    if status["location"] == "conflict":
        status["location"] = _location_status(reports)
    return status


def _location_status(reports: list[dict[str, Any]]) -> str:
    from marsad.corpus.incidents import km

    located = [r for r in reports if r["lat"] is not None and r["lon"] is not None]
    if len(located) < 2:
        return "conflict"
    far = any(km(a["lat"], a["lon"], b["lat"], b["lon"]) > 25.0
              for i, a in enumerate(located) for b in located[i + 1:])
    return "conflict" if far else "agree"
