"""Streamed exports of any list: JSONL (the contract), ACLED-layout CSV, GeoJSON.

The rows come from :mod:`marsad.export`; this module only writes them chunk by chunk so that a long
export starts at once and never sits in memory whole.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Iterator

from marsad.document import Document
from marsad.export import ACLED_COLUMNS, acled_row, asserted, geojson_feature

MEDIA = {"jsonl": "application/x-ndjson; charset=utf-8", "acled-csv": "text/csv; charset=utf-8",
         "geojson": "application/geo+json; charset=utf-8"}
SUFFIX = {"jsonl": "jsonl", "acled-csv": "csv", "geojson": "geojson"}


def only_events(doc: Document, event_ids: list[str]) -> Document:
    """``doc`` keeping only the events named (for an export of an event list)."""
    keep = set(event_ids)
    return dataclasses.replace(doc, events=[e for e in doc.events if e.id in keep])


def stream(docs: Iterable[Document], fmt: str) -> Iterator[str]:
    """The export of ``docs`` in ``fmt``, one chunk per document."""
    if fmt == "jsonl":
        for doc in docs:
            yield doc.to_json() + "\n"
    elif fmt == "acled-csv":
        yield from _csv(docs)
    elif fmt == "geojson":
        yield from _geojson(docs)
    else:
        raise ValueError(f"unknown export format {fmt!r}")


def _csv(docs: Iterable[Document]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for doc in docs:
        for d, event in asserted([doc]):
            writer.writerow(acled_row(d, event))
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def _geojson(docs: Iterable[Document]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": [\n'
    n = 0
    for doc in docs:
        parts = []
        for d, event in asserted([doc]):
            feature = geojson_feature(d, event)
            if feature is not None:
                parts.append((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
                n += 1
        if parts:
            yield "".join(parts)
    yield "\n]}\n"


def filename(stem: str, fmt: str) -> str:
    return f"marsad-{stem}.{SUFFIX[fmt]}"
