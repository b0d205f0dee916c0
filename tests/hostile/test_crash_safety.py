"""Crash safety of `marsad ingest`: SIGKILL at random moments never corrupts the store and a rerun
completes it; a full disk gives a clear error (no traceback) and keeps the batches already stored."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_helpers import GOOD_A, GOOD_B

from marsad.corpus import Corpus

N_ARTICLES = 120
KILLS = 12
SEED = 20240611


def write_articles(folder: Path, n: int, offset: int = 0) -> None:
    """``n`` distinct small articles (the good ones, numbered so each has its own id)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(offset, offset + n):
        base = GOOD_A if i % 2 else GOOD_B
        tail = f"وبلغ عدد النازحين من القرية {i + 3} عائلة."
        (folder / f"a{i:04d}.txt").write_text(f"{base}\n\n{tail}", "utf-8")


def ingest(folder: Path, db: Path, batch: int = 4) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "marsad", "ingest", str(folder), "--db", str(db),
                             "--batch", str(batch), "--no-progress"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def assert_consistent(db: Path) -> int:
    """The store is intact and holds only whole documents; returns how many."""
    if not db.exists():
        return 0
    with Corpus(db) as corpus:
        assert corpus.integrity() == "ok"
        conn = corpus.conn
        for table, column in (("events", "n_events"), ("entities", "n_entities"), ("quotes", "n_quotes")):
            bad = conn.execute(f"SELECT COUNT(*) FROM documents d WHERE {column} != "
                               f"(SELECT COUNT(*) FROM {table} t WHERE t.doc_id = d.id)").fetchone()[0]
            assert bad == 0, f"a document was stored without all its {table}"
        docs = corpus.counts()["documents"]
        assert conn.execute("SELECT COUNT(*) FROM docs_fts").fetchone()[0] == docs
        return docs


def documents_in(db: Path) -> int:
    """Documents committed so far (0 while the store does not exist yet), read as another process would."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _wait_for_writes(proc: subprocess.Popen, db: Path, above: int, deadline: float) -> float:
    """Wait until ``proc`` has committed more than ``above`` documents; the time it took."""
    start = time.monotonic()
    while proc.poll() is None and documents_in(db) <= above and time.monotonic() < deadline:
        time.sleep(0.01)
    return time.monotonic() - start


def _writing_phase(folder: Path, db: Path) -> float:
    """Seconds a whole run spends writing documents (from its first commit to its last; the refresh
    and exit that follow are not part of it, so kills timed from it land among the writes)."""
    proc = ingest(folder, db)
    _wait_for_writes(proc, db, 0, time.monotonic() + 300)
    first = time.monotonic()
    _wait_for_writes(proc, db, N_ARTICLES - 1, time.monotonic() + 300)
    last = time.monotonic()
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    return last - first


@pytest.mark.slow
def test_sigkill_at_random_moments(tmp_path: Path):
    """Each run is killed at a random moment of its writing phase (after start-up, which has no writes)."""
    folder = tmp_path / "news"
    write_articles(folder, N_ARTICLES)
    phase = _writing_phase(folder, tmp_path / "probe.db")
    rng = random.Random(SEED)
    db = tmp_path / "c.db"
    kills, counts = 0, []
    for _ in range(KILLS):
        before = documents_in(db)
        proc = ingest(folder, db)
        _wait_for_writes(proc, db, before, time.monotonic() + 300)
        time.sleep(rng.uniform(0.0, 0.7) * phase * (N_ARTICLES - before) / N_ARTICLES)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        counts.append(assert_consistent(db))
        if counts[-1] > N_ARTICLES * 3 // 4:  # little left to write: start over from an empty store
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    assert kills >= 10, f"only {kills} runs were killed before they finished: {counts}"
    assert sum(1 for c in counts if 0 < c < N_ARTICLES) >= 5, f"too few kills landed mid-ingest: {counts}"
    proc = ingest(folder, db)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    assert assert_consistent(db) == N_ARTICLES


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 1.5 MB tmpfs (root only; skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_disk_full_is_a_clear_error_and_keeps_earlier_batches(small_disk: Path, tmp_path: Path):
    first, more = tmp_path / "first", tmp_path / "more"
    write_articles(first, 4)
    write_articles(more, 400, offset=4)
    db = small_disk / "c.db"
    proc = ingest(first, db)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    assert assert_consistent(db) == 4
    proc = ingest(more, db, batch=10)
    code = proc.wait(timeout=600)
    err = proc.stderr.read().decode()
    assert code != 0, "a full disk went unnoticed"
    assert "Traceback" not in err, err
    assert "marsad: error" in err and "full" in err, err
    stored = assert_consistent(db)
    assert 4 <= stored < 404
    with Corpus(db) as corpus:
        names = {Path(d.source.path or "").name for d in corpus.documents()}
    assert {f"a{i:04d}.txt" for i in range(4)} <= names, "the first ingest's documents were lost"
