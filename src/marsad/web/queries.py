"""The web's own read queries: document lists, the overview, one event, a timeline, entity pages and
outlet profiles. Each returns JSON-ready data; values are always bound parameters."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from marsad.corpus import views
from marsad.corpus.search import Filters

DOC_LIST = ("d.id, d.title, d.outlet, d.outlet_id, d.published_start AS published, d.n_entities AS entities, "
            "d.n_events AS events, d.n_quotes AS quotes, d.n_claims AS claims")


def dicts(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    """The rows of an executed query as dicts keyed by column name."""
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def documents(conn: sqlite3.Connection, filters: Filters, *, limit: int, offset: int
              ) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of documents, latest first)."""
    where, args = filters.sql()
    total = conn.execute(f"SELECT COUNT(*) FROM documents d WHERE {where}", args).fetchone()[0]
    page = dicts(conn.execute(
        f"SELECT {DOC_LIST} FROM documents d WHERE {where} "
        f"ORDER BY d.published_start DESC, d.rowid LIMIT ? OFFSET ?", [*args, limit, offset]))
    return total, page


def outlet_names(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Outlets for filter menus: id (or name when it has no id), display name, documents."""
    return dicts(conn.execute(
        "SELECT COALESCE(outlet_id, outlet) AS id, MAX(outlet) AS name, COUNT(*) AS documents "
        "FROM documents WHERE COALESCE(outlet_id, outlet) IS NOT NULL GROUP BY 1 ORDER BY 2"))


def story_count(conn: sqlite3.Connection, min_outlets: int) -> int:
    return views.story_count(conn, min_outlets)


def document_ids(conn: sqlite3.Connection, filters: Filters, limit: int) -> list[str]:
    where, args = filters.sql()
    return [r[0] for r in conn.execute(
        f"SELECT d.id FROM documents d WHERE {where} ORDER BY d.published_start DESC, d.rowid LIMIT ?",
        [*args, limit])]


def event_keys(conn: sqlite3.Connection, filters: views.EventFilters, limit: int
               ) -> Iterator[tuple[str, list[str]]]:
    """(document id, its matching event ids), for exports; documents in the list's order."""
    where, args = filters.sql()
    source = "events e JOIN documents d ON d.id = e.doc_id" if filters.outlet else "events e"
    grouped: dict[str, list[str]] = {}
    for doc_id, event_id in conn.execute(
            f"SELECT e.doc_id, e.event_id FROM {source} WHERE {where} "
            f"ORDER BY e.date_start DESC, e.doc_id DESC, e.event_id DESC LIMIT ?", [*args, limit]):
        grouped.setdefault(doc_id, []).append(event_id)
    yield from grouped.items()


def timeline(conn: sqlite3.Connection, filters: views.EventFilters) -> list[dict[str, Any]]:
    """Matching events per month (events without a date left out)."""
    where, args = filters.sql()
    return dicts(conn.execute(
        f"SELECT substr(e.date_start, 1, 7) AS period, COUNT(*) AS n FROM events e "
        f"JOIN documents d ON d.id = e.doc_id WHERE {where} AND e.date_start IS NOT NULL "
        f"GROUP BY 1 ORDER BY 1", args))


def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts by event type, by month and by outlet (asserted events), and the leading stories."""
    return views.overview(conn)


def event(conn: sqlite3.Connection, doc_id: str, event_id: str) -> dict[str, Any] | None:
    """One event row with its document's outlet and title, and its merged incident's other reports."""
    cols = ", ".join(f"e.{c}" for c in views.EVENT_LIST_COLUMNS)
    rows = dicts(conn.execute(
        f"SELECT {cols}, e.trigger, e.attributed_to, d.outlet, d.outlet_id, d.title, "
        f"d.published_start AS published, i.incident_id FROM events e JOIN documents d ON d.id = e.doc_id "
        f"LEFT JOIN incidents i ON i.doc_id = e.doc_id AND i.event_id = e.event_id "
        f"WHERE e.doc_id = ? AND e.event_id = ?", (doc_id, event_id)))
    if not rows:
        return None
    row = rows[0]
    row["incident"] = views.incident(conn, row["incident_id"]) if row["incident_id"] else None
    row["story_id"] = story_of(conn, doc_id)
    return row


def framing_marks(conn: sqlite3.Connection, doc_id: str) -> list[dict[str, Any]]:
    """The framing terms found in one document (offsets into its text)."""
    return dicts(conn.execute(
        "SELECT start, end, term, term_en, kind, actor FROM framing WHERE doc_id = ? ORDER BY start",
        (doc_id,)))


def story_of(conn: sqlite3.Connection, doc_id: str) -> str | None:
    found = conn.execute("SELECT story_id FROM stories WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone()
    return found[0] if found else None


def entity(conn: sqlite3.Connection, kb_id: str, *, limit: int = 200) -> dict[str, Any] | None:
    """An entity of the knowledge base: its names, the documents naming it, its events and quotes."""
    names = dicts(conn.execute(
        "SELECT canonical, canonical_en, type, category, COUNT(*) AS documents, SUM(mentions) AS mentions "
        "FROM entities WHERE kb_id = ? GROUP BY canonical, type ORDER BY documents DESC", (kb_id,)))
    if not names:
        return None
    docs = dicts(conn.execute(
        f"SELECT {DOC_LIST}, e.mentions AS mentions FROM entities e JOIN documents d ON d.id = e.doc_id "
        f"WHERE e.kb_id = ? ORDER BY d.published_start DESC, d.rowid LIMIT ?", (kb_id, limit)))
    cols = ", ".join(f"e.{c}" for c in views.EVENT_LIST_COLUMNS)
    evs = dicts(conn.execute(
        f"SELECT {cols}, d.outlet, d.title FROM events e JOIN documents d ON d.id = e.doc_id "
        f"WHERE e.actor1_kb = ? OR e.actor2_kb = ? OR e.location_kb = ? "
        f"ORDER BY e.date_start DESC, d.rowid LIMIT ?", (kb_id, kb_id, kb_id, limit)))
    quotes = dicts(conn.execute(
        "SELECT q.doc_id, q.quote_id, q.speaker, q.role, q.cue, q.content, q.direct, q.medium, d.outlet, "
        "d.published_start AS published FROM quotes q JOIN documents d ON d.id = q.doc_id "
        "WHERE q.speaker_kb = ? ORDER BY d.published_start DESC, d.rowid LIMIT ?", (kb_id, limit)))
    first = names[0]
    return {"kb_id": kb_id, "canonical": first["canonical"], "canonical_en": first["canonical_en"],
            "type": first["type"], "category": first["category"], "names": names,
            "documents": docs, "events": evs, "quotes": quotes}


def outlet_profile(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """One outlet's coverage and framing, each term's rate per document against the other outlets'."""
    rows = views.outlets(conn)
    mine = next((r for r in rows if r["id"] == key or r["name"] == key), None)
    if mine is None:
        return None
    others = [r for r in rows if r is not mine]
    other_docs = sum(r["documents"] for r in others) or 1
    other_terms: dict[tuple[str, str | None], int] = {}
    for r in others:
        for f in r["framing"]:
            k = (f["term"], f["actor_kb"])
            other_terms[k] = other_terms.get(k, 0) + f["n"]
    for f in mine["framing"]:
        f["rate"] = round(f["n"] / max(1, mine["documents"]), 3)
        f["others_rate"] = round(other_terms.get((f["term"], f["actor_kb"]), 0) / other_docs, 3)
    types = dicts(conn.execute(
        "SELECT e.event_type, COUNT(*) AS n FROM events e JOIN documents d ON d.id = e.doc_id "
        "WHERE COALESCE(d.outlet_id, d.outlet) IS ? AND e.modality = 'asserted' GROUP BY 1 ORDER BY n DESC",
        (mine["id"],)))
    return {**mine, "event_types": types,
            "others": [{k: r[k] for k in ("id", "name", "documents", "stories", "coverage")} for r in others]}
