"""Read-side queries over the corpus: stories, one story's comparison, outlets' coverage and framing,
events with filters. Every function returns plain JSON-ready data (the API and the CLI print it)."""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from marsad.corpus.compare import compare
from marsad.document import COUNT_KINDS


def _dicts(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


STORY_SUMMARY = (
    "SELECT s.story_id AS id, COUNT(*) AS documents, COUNT(DISTINCT COALESCE(d.outlet_id, d.outlet)) "
    "AS outlets, MIN(d.published_start) AS first, MAX(d.published_start) AS last, "
    "GROUP_CONCAT(DISTINCT COALESCE(d.outlet, d.outlet_id)) AS outlet_names, "
    "(SELECT COUNT(*) FROM story_incidents i WHERE i.story_id = s.story_id) AS incidents "
    "FROM stories s JOIN documents d ON d.id = s.doc_id GROUP BY s.story_id")


def stories(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0,
            min_outlets: int = 1) -> list[dict[str, Any]]:
    """Stories, those covered by the most outlets first, then the latest.

    Read from the summaries :func:`summarize` writes at every refresh; computed live when they are stale.
    """
    if _fresh(conn):
        rows = _dicts(conn.execute(
            "SELECT id, documents, outlets, first, last, outlet_names, incidents, title FROM story_summaries "
            "WHERE outlets >= ? ORDER BY outlets DESC, last DESC, id LIMIT ? OFFSET ?",
            (min_outlets, limit, offset)))
    else:
        rows = _dicts(conn.execute(f"{STORY_SUMMARY} HAVING outlets >= ? ORDER BY outlets DESC, last DESC, "
                                   "s.story_id LIMIT ? OFFSET ?", (min_outlets, limit, offset)))
        for row in rows:
            row["title"] = story_title(conn, row["id"])
    for row in rows:
        row["outlet_names"] = sorted((row["outlet_names"] or "").split(",")) if row["outlet_names"] else []
    return rows


def story_count(conn: sqlite3.Connection, min_outlets: int = 1) -> int:
    """How many stories at least ``min_outlets`` outlets tell."""
    if _fresh(conn):
        sql = "SELECT COUNT(*) FROM story_summaries WHERE outlets >= ?"
    else:
        sql = f"SELECT COUNT(*) FROM ({STORY_SUMMARY} HAVING outlets >= ?)"
    return conn.execute(sql, (min_outlets,)).fetchone()[0]


def _fresh(conn: sqlite3.Connection) -> bool:
    """Whether the summaries were written by the last refresh and nothing was stored since."""
    return conn.execute("SELECT 1 FROM summaries WHERE key = 'fresh'").fetchone() is not None


def _cached(conn: sqlite3.Connection, key: str) -> Any:
    if not _fresh(conn):
        return None
    row = conn.execute("SELECT value FROM summaries WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None


def summarize(conn: sqlite3.Connection) -> None:
    """Write the whole-store aggregates (story list, outlet profiles, overview) once, at refresh time,
    inside the caller's transaction; readers then pay nothing for them."""
    conn.execute("DELETE FROM story_summaries")
    conn.execute("DELETE FROM summaries")
    conn.execute(f"INSERT INTO story_summaries (id, documents, outlets, first, last, outlet_names, "
                 f"incidents, title) SELECT *, NULL FROM ({STORY_SUMMARY})")
    conn.execute(
        "UPDATE story_summaries SET title = (SELECT d.title FROM stories s JOIN documents d "
        "ON d.id = s.doc_id WHERE s.story_id = story_summaries.id "
        "ORDER BY s.role = 'news' DESC, d.published_start, d.rowid LIMIT 1)")
    values = {"outlets": _outlets(conn), "overview": _overview(conn)}
    conn.executemany("INSERT INTO summaries VALUES (?, ?)",
                     [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()])
    conn.execute("INSERT INTO summaries VALUES ('fresh', '1')")


def mark_stale(conn: sqlite3.Connection) -> None:
    """Documents changed: readers compute aggregates live until the next refresh."""
    conn.execute("DELETE FROM summaries WHERE key = 'fresh'")


def story_title(conn: sqlite3.Connection, story_id: str) -> str | None:
    row = conn.execute("SELECT d.title FROM stories s JOIN documents d ON d.id = s.doc_id "
                       "WHERE s.story_id = ? ORDER BY s.role = 'news' DESC, d.published_start, d.rowid "
                       "LIMIT 1", (story_id,)).fetchone()
    return row[0] if row else None


def story(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    """One story: its documents, each incident as every outlet reports it, coverage and framing."""
    docs = _dicts(conn.execute(
        "SELECT d.id, d.title, d.outlet, d.outlet_id, d.published_start AS published, s.role, "
        "dup.group_id AS duplicate_of FROM stories s JOIN documents d ON d.id = s.doc_id "
        "LEFT JOIN duplicates dup ON dup.doc_id = d.id AND dup.group_id != d.id "
        "WHERE s.story_id = ? ORDER BY d.published_start, d.rowid", (story_id,)))
    if not docs:
        return None
    incidents = [incident(conn, i) for (i,) in conn.execute(
        "SELECT incident_id FROM story_incidents WHERE story_id = ?", (story_id,))]
    incidents.sort(key=lambda x: (-len(x["reports"]), x["date"] or ""))
    covering = {d["outlet_id"] or d["outlet"] for d in docs}
    return {
        "id": story_id,
        "title": story_title(conn, story_id),
        "documents": docs,
        "incidents": incidents,
        "coverage": dict(Counter(d["outlet"] or d["outlet_id"] or "?" for d in docs)),
        "missing_outlets": [o for o in active_outlets(conn, docs) if o["id"] not in covering],
        "framing": framing_by_outlet(conn, [d["id"] for d in docs]),
    }


def incident(conn: sqlite3.Connection, incident_id: str) -> dict[str, Any]:
    reports = _dicts(conn.execute(
        "SELECT e.*, d.outlet, d.outlet_id, d.title, d.published_start AS published FROM incidents i "
        "JOIN events e ON e.doc_id = i.doc_id AND e.event_id = i.event_id "
        "JOIN documents d ON d.id = e.doc_id WHERE i.incident_id = ? ORDER BY d.published_start, d.rowid",
        (incident_id,)))
    types = Counter((r["event_type"], r["sub_event_type"]) for r in reports).most_common(1)
    dates = sorted(r["date_start"] for r in reports if r["date_start"])
    places = Counter(r["location"] for r in reports if r["location"]).most_common(1)
    return {"id": incident_id, "event_type": types[0][0][0] if types else None,
            "sub_event_type": types[0][0][1] if types else None, "date": dates[0] if dates else None,
            "location": places[0][0] if places else None, "reports": reports,
            "agreement": compare(reports) if reports else {}}


def active_outlets(conn: sqlite3.Connection, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Outlets that published anything within the story's dates (so their silence is informative)."""
    dates = [d["published"] for d in docs if d["published"]]
    if not dates:
        return []
    return _dicts(conn.execute(
        "SELECT COALESCE(outlet_id, outlet) AS id, MAX(outlet) AS name, COUNT(*) AS documents "
        "FROM documents WHERE published_start BETWEEN date(?, '-3 days') AND date(?, '+3 days') "
        "AND COALESCE(outlet_id, outlet) IS NOT NULL GROUP BY 1 ORDER BY 1", (min(dates), max(dates))))


def framing_by_outlet(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """outlet -> framing terms used in these documents, with counts, actors and one example each."""
    if not doc_ids:
        return {}
    marks = ",".join("?" * len(doc_ids))
    rows = _dicts(conn.execute(
        f"SELECT COALESCE(d.outlet, d.outlet_id, '?') AS outlet, f.kind, f.term, f.term_en, f.grp, "
        f"f.actor_kb, f.actor, COUNT(*) AS n, MIN(f.text) AS example, MIN(f.doc_id) AS doc_id, "
        f"MIN(f.start) AS start, MIN(f.end) AS end FROM framing f JOIN documents d ON d.id = f.doc_id "
        f"WHERE f.doc_id IN ({marks}) GROUP BY 1, 2, 3, 6 ORDER BY 1, n DESC, 3", doc_ids))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row.pop("outlet")].append(row)
    return dict(out)


def outlets(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every outlet: documents, stories covered, share of multi-outlet stories covered, framing."""
    cached = _cached(conn, "outlets")
    return cached if cached is not None else _outlets(conn)


def _outlets(conn: sqlite3.Connection, *, terms: int = 200) -> list[dict[str, Any]]:
    """:func:`outlets` computed: three passes over the tables whatever the number of outlets."""
    stories_of: dict[Any, set[str]] = defaultdict(set)
    outlets_of: dict[str, set[Any]] = defaultdict(set)
    for outlet, story_id in conn.execute(
            "SELECT COALESCE(d.outlet_id, d.outlet), s.story_id FROM stories s JOIN documents d "
            "ON d.id = s.doc_id"):
        stories_of[outlet].add(story_id)
        outlets_of[story_id].add(outlet)
    multi = {s for s, o in outlets_of.items() if len(o) >= 2}
    profiles = framing_profiles(conn, terms)
    rows = _dicts(conn.execute(
        "SELECT COALESCE(outlet_id, outlet) AS id, MAX(outlet) AS name, COUNT(*) AS documents, "
        "MIN(published_start) AS first, MAX(published_start) AS last FROM documents "
        "GROUP BY 1 ORDER BY documents DESC, 1"))
    for row in rows:
        covered = stories_of.get(row["id"], set())
        row["stories"] = len(covered)
        row["coverage"] = round(len(covered & multi) / len(multi), 3) if multi else None
        row["framing"] = profiles.get(row["id"], [])
    return rows


def framing_profiles(conn: sqlite3.Connection, terms: int = 200) -> dict[Any, list[dict[str, Any]]]:
    """outlet -> its framing terms by actor, most used first (at most ``terms`` each), in one pass."""
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for outlet, kind, term, term_en, grp, actor_kb, actor, n in conn.execute(
            "SELECT COALESCE(d.outlet_id, d.outlet), f.kind, f.term, f.term_en, f.grp, f.actor_kb, "
            "MAX(f.actor), COUNT(*) AS n FROM framing f JOIN documents d ON d.id = f.doc_id "
            "GROUP BY 1, f.kind, f.term, f.actor_kb ORDER BY 1, n DESC, f.term"):
        if len(out[outlet]) < terms:
            out[outlet].append({"kind": kind, "term": term, "term_en": term_en, "grp": grp,
                                "actor_kb": actor_kb, "actor": actor, "n": n})
    return dict(out)


@dataclass
class EventFilters:
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    place: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    bbox: tuple[float, float, float, float] | None = None   # west, south, east, north
    modality: str | None = "asserted"

    def sql(self) -> tuple[str, list[Any]]:
        where, args = [], []
        simple = (("e.event_type = ?", self.event_type), ("e.sub_event_type = ?", self.sub_event_type),
                  ("e.modality = ?", self.modality), ("e.date_start >= ?", self.date_from),
                  ("e.date_start <= ?", self.date_to))
        for clause, value in simple:
            if value:
                where.append(clause)
                args.append(value)
        for clause, value, n in (
                ("(e.actor1_kb = ? OR e.actor2_kb = ? OR e.actor1 = ? OR e.actor2 = ?)", self.actor, 4),
                ("(e.location_kb = ? OR e.location = ?)", self.place, 2),
                ("(d.outlet_id = ? OR d.outlet = ?)", self.outlet, 2)):
            if value:
                where.append(clause)
                args += [value] * n
        if self.bbox:
            west, south, east, north = self.bbox
            where.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            args += [west, east, south, north]
        return " AND ".join(where) or "1", args


EVENT_LIST_COLUMNS = ("doc_id", "event_id", "event_type", "sub_event_type", "modality", "date_start",
                      "date_end", "actor1", "actor2", "location", "lat", "lon", "geo_precision",
                      *(f"{k}_{b}" for k in COUNT_KINDS for b in ("low", "high")), "evidence")


COUNT_CAP = 10_000   # counts stop here ("10,000 or more"): an exact count over 300k rows costs ~100 ms


def events(conn: sqlite3.Connection, filters: EventFilters | None = None, *, limit: int = 100,
           offset: int = 0) -> tuple[int, bool, list[dict[str, Any]]]:
    """(matching events counted up to ``COUNT_CAP``, whether that count is exact, one page of events,
    latest first, with the document's outlet and title).

    Both queries read the covering index ``events_filter`` (migration 0005), so filtering touches no
    table row; only the page's rows are read.
    """
    filters = filters or EventFilters()
    where, args = _index_only(filters)
    source = "events e INDEXED BY events_filter"
    if _rare(conn, filters):   # a few matches: look them up by actor / place instead of scanning
        where, source = _OTHER_INDEXES.sub(r"+e.\1 ", where), "events e"
    total = conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM {source} WHERE {where} LIMIT ?)",
                         [*args, COUNT_CAP]).fetchone()[0]
    cols = ", ".join(f"p.{c}" for c in EVENT_LIST_COLUMNS)
    page = _dicts(conn.execute(
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


def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts by event type, by month and by outlet (asserted events), and the leading stories."""
    cached = _cached(conn, "overview")
    found = cached if cached is not None else _overview(conn)
    return {**found, "stories": stories(conn, limit=10)}


def _overview(conn: sqlite3.Connection) -> dict[str, Any]:
    asserted = "FROM events e WHERE e.modality = 'asserted'"
    return {
        "by_type": _dicts(conn.execute(
            f"SELECT e.event_type, COUNT(*) AS n {asserted} GROUP BY 1 ORDER BY n DESC, 1")),
        "by_month": _dicts(conn.execute(
            f"SELECT substr(e.date_start, 1, 7) AS period, COUNT(*) AS n {asserted} "
            f"AND e.date_start IS NOT NULL GROUP BY 1 ORDER BY 1")),
        "by_outlet": _dicts(conn.execute(
            "SELECT COALESCE(d.outlet_id, d.outlet) AS id, MAX(d.outlet) AS name, COUNT(*) AS documents, "
            "SUM(d.n_events) AS events FROM documents d GROUP BY 1 ORDER BY documents DESC, 1")),
    }
