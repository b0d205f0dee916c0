"""Corpus-level analysis, recomputed from the stored documents: near-duplicate groups, merged
incidents and stories. ``refresh`` runs after every ingest, in one transaction."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import numpy as np

from marsad.corpus import dedup, views
from marsad.corpus.incidents import EventRow, merge
from marsad.corpus.stories import build_stories, short_id


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def load_events(conn: sqlite3.Connection) -> list[EventRow]:
    """Asserted events, dated by their own date or else their article's publication date."""
    rows = conn.execute(
        "SELECT e.doc_id, e.event_id, e.event_type, e.sub_event_type, e.date_start, e.date_end, "
        "d.published_start, e.location_kb, e.lat, e.lon, e.geo_precision, e.actor1_kb, e.actor2_kb "
        "FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.modality = 'asserted' "
        "ORDER BY d.published_start, d.rowid, e.event_id")
    events = []
    for doc_id, event_id, etype, sub, ds, de, pub, loc, lat, lon, prec, a1, a2 in rows:
        start = _date(ds) or _date(pub)
        end = (_date(de) if ds else None) or start
        events.append(EventRow(doc_id, event_id, etype, sub, start, end, loc, lat, lon, prec,
                               frozenset(a for a in (a1, a2) if a)))
    return events


def semantic_enabled(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = 'semantic'").fetchone()
    return bool(row and row[0] == "on")


def semantic_links(conn: sqlite3.Connection, published: dict[str, date | None]) -> list[tuple[str, str]]:
    """Embed the titles not yet embedded (stored for next time), then link close ones."""
    from marsad.corpus import semantic

    missing = conn.execute("SELECT id, COALESCE(title, '') FROM documents d WHERE NOT EXISTS "
                           "(SELECT 1 FROM embeddings e WHERE e.doc_id = d.id)").fetchall()
    if missing:
        vectors = semantic.encode([t for _, t in missing])
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?)",
                         [(d, v.tobytes()) for (d, _), v in zip(missing, vectors, strict=True)])
        conn.execute("COMMIT")
    rows = conn.execute("SELECT doc_id, vector FROM embeddings").fetchall()
    if not rows:
        return []
    ids = [d for d, _ in rows]
    matrix = np.stack([np.frombuffer(b, dtype=np.float16) for _, b in rows])
    return semantic.links(ids, matrix, [published.get(d) for d in ids])


def refresh(conn: sqlite3.Connection) -> dict[str, int]:
    """Recompute duplicates, incidents and stories; return how many of each."""
    sigs = conn.execute("SELECT s.doc_id, s.minhash FROM signatures s JOIN documents d ON d.id = s.doc_id "
                        "ORDER BY d.published_start, d.rowid")
    dups = dedup.groups(sigs)
    groups = merge(load_events(conn))
    incidents = [(short_id("m", f"{g[0].doc_id}:{g[0].event_id}"), g) for g in groups]
    published = {d: _date(p) for d, p in conn.execute("SELECT id, published_start FROM documents")}
    links = semantic_links(conn, published) if semantic_enabled(conn) else []
    stories = build_stories(incidents, published, {c: f for c, (f, _) in dups.items() if c != f}, links)
    cur = conn.cursor()
    cur.execute("BEGIN IMMEDIATE")
    try:
        for table in ("duplicates", "incidents", "stories", "story_incidents"):
            cur.execute(f"DELETE FROM {table}")
        cur.executemany("INSERT INTO duplicates VALUES (?, ?, ?)",
                        [(d, g, round(s, 4)) for d, (g, s) in dups.items()])
        cur.executemany("INSERT INTO incidents VALUES (?, ?, ?)",
                        [(i, e.doc_id, e.event_id) for i, events in incidents for e in events])
        cur.executemany("INSERT INTO stories VALUES (?, ?, ?)",
                        [(s.id, d, role) for s in stories for d, role in s.members.items()])
        cur.executemany("INSERT INTO story_incidents VALUES (?, ?)",
                        [(s.id, i) for s in stories for i in s.incidents])
        views.summarize(conn)
        cur.execute("INSERT OR REPLACE INTO meta VALUES ('refreshed_at', ?)",
                    (datetime.now(UTC).isoformat(timespec="seconds"),))
        cur.execute("COMMIT")
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    return {"duplicates": len(dups), "incidents": len(incidents), "stories": len(stories)}
