"""The corpus schema as named migrations, applied in transactions and recorded in the database.

A corpus file made by an older Marsad is upgraded in place when opened; a file made by a newer Marsad is
refused rather than damaged.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from marsad.errors import MarsadError

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", """
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source_key TEXT NOT NULL UNIQUE,
    path TEXT, url TEXT, outlet TEXT, outlet_id TEXT, record_id TEXT,
    title TEXT, published_start TEXT, published_end TEXT,
    n_entities INTEGER NOT NULL, n_events INTEGER NOT NULL, n_quotes INTEGER NOT NULL,
    n_claims INTEGER NOT NULL, n_warnings INTEGER NOT NULL,
    doc BLOB NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_outlet ON documents(outlet_id);
CREATE INDEX documents_published ON documents(published_start);

CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL, kb_id TEXT, type TEXT NOT NULL, canonical TEXT NOT NULL,
    canonical_en TEXT, category TEXT, lat REAL, lon REAL, mentions INTEGER NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX entities_kb ON entities(kb_id);
CREATE INDEX entities_canonical ON entities(canonical);

CREATE TABLE events (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
    modality TEXT NOT NULL, trigger TEXT NOT NULL,
    date_start TEXT, date_end TEXT, date_precision TEXT,
    actor1 TEXT, actor1_kb TEXT, actor2 TEXT, actor2_kb TEXT,
    location TEXT, location_kb TEXT, lat REAL, lon REAL, country TEXT, admin1 TEXT, geo_precision INTEGER,
    killed_low INTEGER, killed_high INTEGER, killed_approx INTEGER,
    injured_low INTEGER, injured_high INTEGER, injured_approx INTEGER,
    arrested_low INTEGER, arrested_high INTEGER, arrested_approx INTEGER,
    kidnapped_low INTEGER, kidnapped_high INTEGER, kidnapped_approx INTEGER,
    displaced_low INTEGER, displaced_high INTEGER, displaced_approx INTEGER,
    attributed_to TEXT, attributed_kb TEXT, evidence TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX events_type ON events(event_type, sub_event_type);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_location ON events(location_kb);
CREATE INDEX events_geo ON events(lat, lon);

CREATE TABLE quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL, speaker TEXT NOT NULL, speaker_kb TEXT, role TEXT,
    cue TEXT NOT NULL, content TEXT NOT NULL, direct INTEGER NOT NULL, medium TEXT,
    PRIMARY KEY (doc_id, quote_id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_kb);

CREATE TABLE claims (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL, kind TEXT NOT NULL, low INTEGER, high INTEGER, approx INTEGER NOT NULL,
    subject TEXT, period_start TEXT, period_end TEXT, location TEXT, location_kb TEXT,
    attributed_to TEXT, attributed_kb TEXT, evidence TEXT NOT NULL,
    PRIMARY KEY (doc_id, claim_id)
);

CREATE TABLE errors (
    source_key TEXT PRIMARY KEY, code TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL
);

CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');
"""),
    ("0002_corpus_analysis", """
CREATE TABLE framing (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, term TEXT NOT NULL, term_en TEXT NOT NULL, grp TEXT NOT NULL,
    actor_kb TEXT, actor TEXT, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX framing_doc ON framing(doc_id);
CREATE INDEX framing_term ON framing(term);

CREATE TABLE signatures (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL
);

CREATE TABLE duplicates (doc_id TEXT PRIMARY KEY, group_id TEXT NOT NULL, similarity REAL NOT NULL);
CREATE TABLE incidents (
    incident_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX incidents_id ON incidents(incident_id);
CREATE TABLE stories (
    story_id TEXT NOT NULL, doc_id TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (story_id, doc_id)
);
CREATE INDEX stories_doc ON stories(doc_id);
CREATE TABLE story_incidents (story_id TEXT NOT NULL, incident_id TEXT NOT NULL PRIMARY KEY);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""),
    ("0003_web_indexes", """
CREATE INDEX events_modality_date ON events(modality, date_start, doc_id, event_id);
CREATE INDEX events_actor1_kb ON events(actor1_kb);
CREATE INDEX events_actor2_kb ON events(actor2_kb);
CREATE INDEX events_actor1 ON events(actor1);
CREATE INDEX events_actor2 ON events(actor2);
CREATE INDEX events_location_name ON events(location);
CREATE INDEX documents_outlet_name ON documents(outlet);
"""),
    ("0004_title_embeddings", """
CREATE TABLE embeddings (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    vector BLOB NOT NULL
);
"""),
    ("0005_web_event_filter_index", """
CREATE INDEX events_filter ON events(modality, date_start, event_type, sub_event_type, actor1_kb, actor2_kb,
    actor1, actor2, location_kb, location, lat, lon, doc_id, event_id);
DROP INDEX events_modality_date;
"""),
    ("0006_summaries", """
CREATE TABLE story_summaries (
    id TEXT PRIMARY KEY, title TEXT, documents INTEGER NOT NULL, outlets INTEGER NOT NULL,
    first TEXT, last TEXT, outlet_names TEXT, incidents INTEGER NOT NULL
);
CREATE INDEX story_summaries_rank ON story_summaries(outlets DESC, last DESC, id);
CREATE TABLE summaries (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""),
    # story summaries count each story's incidents: without it, one scan of the table per story
    ("0007_story_incidents_index", """
CREATE INDEX story_incidents_story ON story_incidents(story_id);
"""),
]


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                 "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the database lacks, each in its own transaction; return the version."""
    version = current_version(conn)
    if version > len(MIGRATIONS):
        raise MarsadError("E_USAGE", f"this corpus was written by a newer Marsad (schema {version}); "
                                     f"this one knows up to {len(MIGRATIONS)}")
    for number, (name, sql) in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in sql.split(";\n"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                         (number, name, datetime.now(UTC).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = number
    return version
