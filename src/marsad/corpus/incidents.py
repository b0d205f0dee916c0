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


@dataclass(slots=True)
class EventRow:
    """One asserted event as merging sees it (not frozen: a corpus loads one per stored event, and a
    frozen dataclass costs five times as much to build)."""

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
    """The module's rule for two reports, as written above. :func:`merge` applies it through
    ``_admits``, the same tests written out for speed (tests/corpus/test_incidents_merge.py holds the
    two equal)."""
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


# km along a meridian per degree of latitude: a great-circle distance is never shorter than this times
# the two points' difference in latitude, so that difference alone can rule a pair out (cheaply)
KM_PER_DEGREE = 6371.0 * math.pi / 180
FAR_DEGREES = NEAR_KM_COARSE / KM_PER_DEGREE * (1 + 1e-9)   # beyond this, no radius is met


@dataclass(slots=True)
class _Open:
    """An incident that later reports can still join (sorted by start), with its latest end, and
    where its first report is: a report must agree with that one too, so a latitude too far from it
    (and no shared place id) rules the incident out without looking at each member."""

    members: list[EventRow]
    until: date            # the latest start a report can have to join: the latest end + tolerance
    lat: float | None      # the first report's latitude, when it has both coordinates
    place: str | None      # the first report's place id

    @classmethod
    def of(cls, e: EventRow, tol: timedelta) -> _Open:
        placed = e.lat is not None and e.lon is not None
        return cls([e], e.end + tol, e.lat if placed else None, e.location_kb or None)  # type: ignore[operator]


def merge(events: list[EventRow]) -> list[list[EventRow]]:
    """Groups of events that are one incident (singletons included), each sorted by date.

    Complete linkage: a report joins an incident only when it agrees with every report already in it
    (the largest such incident wins), so daily strikes on one city never chain into one "incident".
    """
    dated = sorted((e for e in events if e.start is not None), key=lambda e: (e.start, e.doc_id, e.event_id))
    groups: list[list[EventRow]] = []
    tol = timedelta(days=DATE_TOLERANCE_DAYS)
    active: dict[str, list[_Open]] = {}
    checked: dict[str, date] = {}   # per type, the start at which its open incidents were last listed
    for e in dated:
        assert e.start is not None and e.end is not None
        open_groups = active.get(e.event_type, [])
        if checked.get(e.event_type) != e.start:   # reports come by start: only a new day closes any
            open_groups = active[e.event_type] = [g for g in open_groups if g.until >= e.start]
            checked[e.event_type] = e.start
        if e.lat is not None and e.lon is not None:
            lat, place = e.lat, e.location_kb
            fits = [g for g in open_groups if (g.lat is None or abs(g.lat - lat) <= FAR_DEGREES
                                               or (g.place is not None and g.place == place))
                    and _admits(g.members, e, tol)]
        else:
            fits = [g for g in open_groups if _admits(g.members, e, tol)]
        if fits:
            best = max(fits, key=lambda g: len(g.members))
            best.members.append(e)
            best.members.sort(key=lambda o: o.start)  # type: ignore[arg-type, return-value]
            best.until = max(best.until, e.end + tol)
        else:
            best = _Open.of(e, tol)
            groups.append(best.members)
            open_groups.append(best)
            active[e.event_type] = open_groups
    for e in events:
        if e.start is None:
            _attach_undated(e, groups)
    return [sorted(g, key=lambda e: (e.start or date.max, e.doc_id)) for g in groups]


def _admits(members: list[EventRow], e: EventRow, tol: timedelta) -> bool:
    """``all(same_incident(o, e) for o in members)`` for members of ``e``'s event type, written out:
    this test runs for every open incident at every report (millions of times in a large corpus)."""
    e_end = e.end + tol  # type: ignore[operator]
    for o in members:
        if o.doc_id == e.doc_id or o.start > e_end or e.start > o.end + tol:  # type: ignore[operator]
            return False
        if o.location_kb and o.location_kb == e.location_kb:
            continue
        if o.lat is None or o.lon is None or e.lat is None or e.lon is None:
            if o.lat is not None and e.lat is not None:
                return False              # a longitude missing: the places disagree
            if o.sub_event_type != e.sub_event_type or not o.actors & e.actors:
                return False              # a place missing: same sub-type and a shared actor instead
            continue
        near = NEAR_KM_COARSE if 3 in (o.geo_precision, e.geo_precision) else NEAR_KM
        if abs(o.lat - e.lat) * KM_PER_DEGREE > near * (1 + 1e-9) or km(o.lat, o.lon, e.lat, e.lon) > near:
            return False
    return True


def _attach_undated(e: EventRow, groups: list[list[EventRow]]) -> None:
    """Add an undatable report to the best dated incident of the same kind and place, else alone."""
    fits = [g for g in groups if g[0].start is not None and any(
        o.doc_id != e.doc_id and o.event_type == e.event_type and o.sub_event_type == e.sub_event_type
        and places_agree(o, e) for o in g)]
    if fits:
        max(fits, key=len).append(e)
    else:
        groups.append([e])
