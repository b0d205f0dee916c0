"""`incidents.merge` equals its plain definition (complete linkage over `same_incident`), tested on
random reports: the fast paths (a cached latest end per incident, a latitude bound before the
great-circle distance, the first report's latitude as a filter) never change a grouping."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.corpus.incidents import DATE_TOLERANCE_DAYS, NEAR_KM, EventRow, merge, same_incident

DAY0 = date(2020, 3, 1)


def plain_merge(events: list[EventRow]) -> list[list[EventRow]]:
    """The definition, written the slow and obvious way (undatable reports are not generated)."""
    dated = sorted(events, key=lambda e: (e.start, e.doc_id, e.event_id))
    groups: list[list[EventRow]] = []
    tol = timedelta(days=DATE_TOLERANCE_DAYS)
    active: dict[str, list[list[EventRow]]] = {}
    for e in dated:
        open_groups = [g for g in active.get(e.event_type, []) if max(o.end for o in g) + tol >= e.start]
        fits = [g for g in open_groups if all(same_incident(o, e) for o in g)]
        if fits:
            best = max(fits, key=len)
            best.append(e)
            best.sort(key=lambda o: o.start)
        else:
            best = [e]
            groups.append(best)
            open_groups.append(best)
        active[e.event_type] = open_groups
    return [sorted(g, key=lambda e: (e.start, e.doc_id)) for g in groups]


# latitudes around 35.0 in steps near the 25 km and 80 km radii (0.2248 and 0.7194 degrees)
LATS = st.one_of(st.none(), st.sampled_from([35.0, 35.2247, 35.2249, 35.5, 35.7193, 35.7195, 36.0, 38.0]),
                 st.floats(34.0, 36.5, allow_nan=False))
LONS = st.one_of(st.none(), st.sampled_from([40.0, 40.1, 40.3, 41.0]))


@st.composite
def reports(draw: st.DrawFn) -> list[EventRow]:
    n = draw(st.integers(1, 40))
    out = []
    for i in range(n):
        start = DAY0 + timedelta(days=draw(st.integers(0, 8)))
        lat = draw(LATS)
        out.append(EventRow(
            doc_id=f"d{draw(st.integers(0, 6))}", event_id=f"e{i}",
            event_type=draw(st.sampled_from(["Battles", "Explosions/Remote violence"])),
            sub_event_type=draw(st.sampled_from(["Armed clash", "Air/drone strike"])),
            start=start, end=start + timedelta(days=draw(st.integers(0, 2))),
            location_kb=draw(st.sampled_from([None, "", "p1", "p2"])),
            lat=lat, lon=draw(LONS) if lat is not None or draw(st.booleans()) else None,
            geo_precision=draw(st.sampled_from([None, 1, 2, 3])),
            actors=frozenset(draw(st.sets(st.sampled_from(["a", "b", "c"]), max_size=2)))))
    return out


@settings(max_examples=300, deadline=None)
@given(reports())
def test_merge_equals_its_definition(events: list[EventRow]) -> None:
    assert merge(events) == plain_merge(events)


def test_the_latitude_bound_keeps_reports_just_inside_the_radius() -> None:
    """Two reports 24.99 km apart along a meridian are one incident, 25.01 km apart two."""
    step = 1 / (6371.0 * 3.141592653589793 / 180)       # degrees per km along a meridian
    def row(i: int, lat: float) -> EventRow:
        return EventRow(f"d{i}", "e", "Battles", "Armed clash", DAY0, DAY0, None, lat, 40.0, 1, frozenset())
    assert len(merge([row(0, 35.0), row(1, 35.0 + (NEAR_KM - 0.01) * step)])) == 1
    assert len(merge([row(0, 35.0), row(1, 35.0 + (NEAR_KM + 0.01) * step)])) == 2
