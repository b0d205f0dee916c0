"""The two hot queries of the API, shaped for large stores: the event list and search.

``events_page`` counts without joining documents unless the outlet filter needs them and orders by an
index (``0003_web_indexes``), joining the page's 50 rows only. ``search_hits`` is
:func:`marsad.corpus.search.search` reading only the ``text`` of each hit's stored JSON for the snippet
(decoding a whole ``Document`` costs milliseconds per hit).
"""

from __future__ import annotations

import json
import re
import sqlite3
import zlib
from typing import Any

from marsad.corpus.search import Filters, Hit, fts_query, snippet, term
from marsad.corpus.views import EVENT_LIST_COLUMNS, EventFilters
from marsad.web.queries import dicts

_WORD = re.compile(r"\w+")


def events_page(conn: sqlite3.Connection, filters: EventFilters, *, limit: int, offset: int
                ) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of events, latest first, with the document's outlet and title)."""
    where, args = filters.sql()
    source = "events e JOIN documents d ON d.id = e.doc_id" if filters.outlet else "events e"
    total = conn.execute(f"SELECT COUNT(*) FROM {source} WHERE {where}", args).fetchone()[0]
    cols = ", ".join(f"p.{c}" for c in EVENT_LIST_COLUMNS)
    page = dicts(conn.execute(
        f"SELECT {cols}, d.outlet, d.title, i.incident_id FROM (SELECT e.* FROM {source} WHERE {where} "
        f"ORDER BY e.date_start DESC, e.doc_id DESC, e.event_id DESC LIMIT ? OFFSET ?) p "
        f"JOIN documents d ON d.id = p.doc_id "
        f"LEFT JOIN incidents i ON i.doc_id = p.doc_id AND i.event_id = p.event_id "
        f"ORDER BY p.date_start DESC, p.doc_id DESC, p.event_id DESC", [*args, limit, offset]))
    return total, page


def search_hits(conn: sqlite3.Connection, query: str, filters: Filters | None = None, *, limit: int = 20,
                offset: int = 0) -> list[Hit]:
    """Documents matching ``query`` and ``filters``, best first, with highlighted snippets."""
    where, args = (filters or Filters()).sql()
    match = fts_query(query)
    if match:
        sql = (f"SELECT d.id, d.title, d.outlet, d.published_start, bm25(docs_fts, 2.0, 1.0), d.doc "
               f"FROM docs_fts JOIN documents d ON d.rowid = docs_fts.rowid "
               f"WHERE docs_fts MATCH ? AND {where} ORDER BY bm25(docs_fts, 2.0, 1.0) LIMIT ? OFFSET ?")
        params = [match, *args, limit, offset]
    else:
        sql = (f"SELECT d.id, d.title, d.outlet, d.published_start, 0.0, d.doc FROM documents d "
               f"WHERE {where} ORDER BY d.published_start DESC, d.rowid LIMIT ? OFFSET ?")
        params = [*args, limit, offset]
    keys = {term(w) for w in _WORD.findall(query)}
    hits = []
    for doc_id, title, outlet, published, score, blob in conn.execute(sql, params):
        hit = Hit(doc_id, title, outlet, published, -score)
        hit.snippet, hit.highlights = snippet(stored_text(blob), keys)
        hits.append(hit)
    return hits


def stored_text(blob: bytes) -> str:
    """The ``text`` of a stored document (zlib-compressed contract JSON), without building a Document."""
    return json.loads(zlib.decompress(blob).decode("utf-8"))["text"]
