"""The two hot queries of the API, shaped for large stores: the event list and search.

``events_page`` filters, counts (up to a cap) and orders on one covering index, reading the table for the
page's rows only. ``search_hits`` is :func:`marsad.corpus.search.search` ranking only the top of large
result sets and reading only the ``text`` of each hit's stored JSON for the snippet (decoding a whole
``Document`` costs milliseconds per hit).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
import zlib
from typing import Any

from marsad.corpus.search import Filters, Hit, fts_query, snippet, term
from marsad.corpus.views import EVENT_LIST_COLUMNS, EventFilters
from marsad.web.queries import dicts

_WORD = re.compile(r"\w+")


COUNT_CAP = 10_000   # counts stop here ("10,000 or more"): an exact count over 300k rows costs ~100 ms
RANK_CAP = 5_000     # bm25 ranks at most this many matches; beyond it, the latest matches come first


def events_page(conn: sqlite3.Connection, filters: EventFilters, *, limit: int, offset: int
                ) -> tuple[int, bool, list[dict[str, Any]]]:
    """(matching events counted up to ``COUNT_CAP``, whether that count is exact, one page of events,
    latest first, with the document's outlet and title).

    Both queries read the covering index ``events_filter`` (migration 0005), so filtering touches no
    table row; only the page's rows are read.
    """
    where, args = _index_only(filters)
    source = "events e INDEXED BY events_filter"
    if _rare(conn, filters):   # a few matches: look them up by actor / place instead of scanning
        where, source = _OTHER_INDEXES.sub(r"+e.\1 ", where), "events e"
    total = conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM {source} WHERE {where} LIMIT ?)",
                         [*args, COUNT_CAP]).fetchone()[0]
    cols = ", ".join(f"p.{c}" for c in EVENT_LIST_COLUMNS)
    page = dicts(conn.execute(
        f"SELECT {cols}, d.outlet, d.title, i.incident_id FROM events p JOIN (SELECT e.doc_id, e.event_id "
        f"FROM {source} WHERE {where} ORDER BY e.date_start DESC, e.doc_id DESC, e.event_id DESC "
        f"LIMIT ? OFFSET ?) k ON p.doc_id = k.doc_id AND p.event_id = k.event_id "
        f"JOIN documents d ON d.id = p.doc_id "
        f"LEFT JOIN incidents i ON i.doc_id = p.doc_id AND i.event_id = p.event_id "
        f"ORDER BY p.date_start DESC, p.doc_id DESC, p.event_id DESC", [*args, limit, offset]))
    return total, total < COUNT_CAP, page


RARE = 2_000        # an actor or place named by fewer events is looked up by its own index
_OTHER_INDEXES = re.compile(r"\be\.(modality|date_start|event_type|sub_event_type) ")


def _rare(conn: sqlite3.Connection, filters: EventFilters) -> bool:
    """Whether the actor / place filter matches fewer than ``RARE`` events (probing its indexes)."""
    probes = [(c, filters.actor) for c in ("actor1_kb", "actor2_kb", "actor1", "actor2") if filters.actor]
    probes += [(c, filters.place) for c in ("location_kb", "location") if filters.place]
    found = 0
    for column, value in probes:
        found += conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE {column} = ? LIMIT ?)",
                              (value, RARE)).fetchone()[0]
        if found >= RARE:
            return False
    return bool(probes)


def _index_only(filters: EventFilters) -> tuple[str, list[Any]]:
    """The filters' WHERE clause with the outlet as a set of document ids (no join per event row)."""
    where, args = dataclasses.replace(filters, outlet=None).sql()
    if filters.outlet:
        where += " AND e.doc_id IN (SELECT id FROM documents WHERE outlet_id = ? OR outlet = ?)"
        args += [filters.outlet, filters.outlet]
    return where, args


def search_hits(conn: sqlite3.Connection, query: str, filters: Filters | None = None, *, limit: int = 20,
                offset: int = 0) -> list[Hit]:
    """Documents matching ``query`` and ``filters`` with highlighted snippets: best first (bm25) when at
    most ``RANK_CAP`` documents match, else latest first."""
    where, args = (filters or Filters()).sql()
    match = fts_query(query)
    if not match:
        sql = (f"SELECT d.id, d.title, d.outlet, d.published_start, 0.0, d.doc FROM documents d "
               f"WHERE {where} ORDER BY d.published_start DESC, d.rowid LIMIT ? OFFSET ?")
        rows = conn.execute(sql, [*args, limit, offset])
    else:
        found = conn.execute("SELECT COUNT(*) FROM docs_fts WHERE docs_fts MATCH ?", (match,)).fetchone()[0]
        ranked = found <= RANK_CAP
        order = "bm25(docs_fts, 2.0, 1.0)" if ranked else "docs_fts.rowid DESC"
        joined = "" if where == "1" else " JOIN documents d ON d.rowid = docs_fts.rowid"
        rows = conn.execute(
            f"SELECT d.id, d.title, d.outlet, d.published_start, f.score, d.doc FROM (SELECT docs_fts.rowid "
            f"AS rowid, bm25(docs_fts, 2.0, 1.0) AS score FROM docs_fts{joined} WHERE docs_fts MATCH ? "
            f"AND {where} ORDER BY {order} LIMIT ? OFFSET ?) f JOIN documents d ON d.rowid = f.rowid "
            f"ORDER BY {'f.score' if ranked else 'f.rowid DESC'}", [match, *args, limit, offset])
    keys = {term(w) for w in _WORD.findall(query)}
    hits = []
    for doc_id, title, outlet, published, score, blob in rows:
        hit = Hit(doc_id, title, outlet, published, -score)
        hit.snippet, hit.highlights = snippet(stored_text(blob), keys)
        hits.append(hit)
    return hits


def stored_text(blob: bytes) -> str:
    """The ``text`` of a stored document (zlib-compressed contract JSON), without building a Document."""
    return json.loads(zlib.decompress(blob).decode("utf-8"))["text"]
