"""Merging events from different articles that are the same real incident.

Two asserted events from different documents are the same incident when:

* they have the same ACLED event type;
* their dates overlap, allowing :data:`DATE_TOLERANCE_DAYS` on either side (an undated event takes its
  article's publication date as a day-precision guess);
* their places agree: the same knowledge-base place, or coordinates within :data:`NEAR_KM` (within
  :data:`NEAR_KM_COARSE` when either is only known to province level); when a place is missing on one
  side, the same sub-event type and a shared actor are required instead.

Actors never keep two reports apart: outlets disagree precisely about who did it, and the comparison
shows that disagreement instead of hiding it.

A report that cannot be dated at all (no date of its own, no publication date) joins the dated incident
with the same type, sub-type and place that has the most reports, if there is one; it never joins two
incidents together, since it would bridge every such incident across the years.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

DATE_TOLERANCE_DAYS = 1
NEAR_KM = 25.0
NEAR_KM_COARSE = 80.0


@dataclass(frozen=True, slots=True)
class EventRow:
    doc_id: str
    event_id: str
    event_type: str
    sub_event_type: str
    start: date | None   # None: undatable (no date of its own and no publication date)
    end: date | None
    location_kb: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    actors: frozenset[str]

    @property
    def key(self) -> tuple[str, str]:
        return self.doc_id, self.event_id


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def places_agree(a: EventRow, b: EventRow) -> bool | None:
    """True/False when both places are known, None when one is missing."""
    if a.location_kb and a.location_kb == b.location_kb:
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None if (a.lat is None or b.lat is None) else False
    coarse = 3 in (a.geo_precision, b.geo_precision)
    return km(a.lat, a.lon, b.lat, b.lon) <= (NEAR_KM_COARSE if coarse else NEAR_KM)  # type: ignore[arg-type]


def same_incident(a: EventRow, b: EventRow) -> bool:
    if a.doc_id == b.doc_id or a.event_type != b.event_type:
        return False
    tol = timedelta(days=DATE_TOLERANCE_DAYS)
    assert a.start and a.end and b.start and b.end
    if a.start > b.end + tol or b.start > a.end + tol:
        return False
    agree = places_agree(a, b)
    if agree is None:
        return a.sub_event_type == b.sub_event_type and bool(a.actors & b.actors)
    return agree


def merge(events: list[EventRow]) -> list[list[EventRow]]:
    """Groups of events that are one incident (singletons included), each sorted by date.

    Complete linkage: a report joins an incident only when it agrees with every report already in it
    (the largest such incident wins), so daily strikes on one city never chain into one "incident".
    """
    dated = sorted((e for e in events if e.start is not None), key=lambda e: (e.start, e.doc_id, e.event_id))
    groups: list[list[EventRow]] = []
    tol = timedelta(days=DATE_TOLERANCE_DAYS)
    active: dict[str, list[list[EventRow]]] = {}
    for e in dated:
        open_groups = [g for g in active.get(e.event_type, [])
                       if max(o.end for o in g) + tol >= e.start]  # type: ignore[operator, type-var]
        fits = [g for g in open_groups if all(same_incident(o, e) for o in g)]
        if fits:
            best = max(fits, key=len)
            best.append(e)
            best.sort(key=lambda o: o.start)  # type: ignore[arg-type, return-value]
        else:
            best = [e]
            groups.append(best)
            open_groups.append(best)
        active[e.event_type] = open_groups
    for e in events:
        if e.start is None:
            _attach_undated(e, groups)
    return [sorted(g, key=lambda e: (e.start or date.max, e.doc_id)) for g in groups]


def _attach_undated(e: EventRow, groups: list[list[EventRow]]) -> None:
    """Add an undatable report to the best dated incident of the same kind and place, else alone."""
    fits = [g for g in groups if g[0].start is not None and any(
        o.doc_id != e.doc_id and o.event_type == e.event_type and o.sub_event_type == e.sub_event_type
        and places_agree(o, e) for o in g)]
    if fits:
        max(fits, key=len).append(e)
    else:
        groups.append([e])
