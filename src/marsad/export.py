"""Exports: JSONL (the contract), an ACLED-layout CSV of events, GeoJSON of located events.

The CSV uses ACLED's column names and codes so that Marsad's events can sit beside ACLED data:
``inter1``/``inter2`` from the actor category (1 state forces … 8 external/other forces),
``time_precision`` 1 day / 2 week / 3 month or coarser, ``fatalities`` the killed count (its lower bound
when a range; 0 when none is reported), ``notes`` the evidence sentences, ``source`` the outlet.
Only asserted events are exported as events; others stay in the JSONL.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from functools import lru_cache
from typing import IO, Any

from marsad.document import ActorRef, Document, Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
INTER = {"state_forces": 1, "government": 1, "rebel_group": 2, "political_militia": 3,
         "identity_militia": 4, "civilians": 7, "external_forces": 8, "international_org": 8,
         "media": 8, "other": 8}
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations",
            "Strategic developments": "Strategic developments"}
TIME_PRECISION = {"day": 1, "week": 2}
FORMATS = ("jsonl", "acled-csv", "geojson")


def write(docs: Iterable[Document], fmt: str, out: IO[str]) -> int:
    """Write ``docs`` in ``fmt``; return how many records (documents or events) were written."""
    if fmt == "jsonl":
        return write_jsonl(docs, out)
    if fmt == "acled-csv":
        return write_acled_csv(docs, out)
    if fmt == "geojson":
        return write_geojson(docs, out)
    raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")


def write_jsonl(docs: Iterable[Document], out: IO[str]) -> int:
    n = 0
    for doc in docs:
        out.write(doc.to_json() + "\n")
        n += 1
    return n


def asserted(docs: Iterable[Document]) -> Iterable[tuple[Document, Event]]:
    for doc in docs:
        for event in doc.events:
            if event.modality == "asserted":
                yield doc, event


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    from marsad.kb.loader import countries

    return countries()


def _inter(doc: Document, actor: ActorRef | None) -> int | str:
    entity = doc.entity(actor.entity) if actor and actor.entity else None
    return INTER.get(entity.category or "", "") if entity else ""


def acled_row(doc: Document, event: Event) -> dict[str, Any]:
    loc, date = event.location, event.date
    killed = event.counts.killed
    day = date.start.isoformat() if date and date.start else ""
    i1, i2 = _inter(doc, event.actor1), _inter(doc, event.actor2)
    country = _countries().get(loc.country or "", {}) if loc else {}
    return {
        "event_id_cnty": f"{doc.id}:{event.id}",
        "event_date": day,
        "year": day[:4],
        "time_precision": TIME_PRECISION.get(date.precision, 3) if date else "",
        "disorder_type": DISORDER.get(event.event_type, "Political violence"),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": (event.actor1.name_en or event.actor1.name) if event.actor1 else "",
        "assoc_actor_1": "",
        "inter1": i1,
        "actor2": (event.actor2.name_en or event.actor2.name) if event.actor2 else "",
        "assoc_actor_2": "",
        "inter2": i2,
        "interaction": f"{min(i1, i2)}{max(i1, i2)}" if i1 != "" and i2 != "" else (f"{i1}0" if i1 else ""),
        "civilian_targeting": "Civilian targeting" if i2 == 7 else "",
        "iso": loc.country if loc and loc.country else "",
        "region": "",
        "country": country.get("name_en", loc.country if loc else "") or "",
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": "", "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": (loc.geo_precision or "") if loc else "",
        "source": doc.source.outlet or "",
        "source_scale": "",
        "notes": " ".join(s.text for s in event.evidence),
        "fatalities": (killed.low or 0) if killed else 0,
        "tags": "",
        "timestamp": "",
    }


def write_acled_csv(docs: Iterable[Document], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for doc, event in asserted(docs):
        writer.writerow(acled_row(doc, event))
        n += 1
    return n


def geojson_feature(doc: Document, event: Event) -> dict[str, Any] | None:
    loc = event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    props = {k: v for k, v in acled_row(doc, event).items() if v != "" and k not in ("latitude", "longitude")}
    props.update(document=doc.id, event=event.id, title=doc.title)
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
            "properties": props}


def write_geojson(docs: Iterable[Document], out: IO[str]) -> int:
    """A FeatureCollection, streamed feature by feature (events without coordinates are skipped)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for doc, event in asserted(docs):
        feature = geojson_feature(doc, event)
        if feature is None:
            continue
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
