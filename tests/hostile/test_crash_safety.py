"""Crash safety of `marsad ingest`: SIGKILL at random moments never corrupts the store and a rerun
completes it; a full disk gives a clear error (no traceback) and keeps the batches already stored."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_helpers import GOOD_A, GOOD_B

from marsad.corpus import Corpus

N_ARTICLES = 60
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


def _time_one_run(folder: Path, db: Path) -> float:
    started = time.monotonic()
    proc = ingest(folder, db)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    return time.monotonic() - started


@pytest.mark.slow
def test_sigkill_at_random_moments(tmp_path: Path):
    folder = tmp_path / "news"
    write_articles(folder, N_ARTICLES)
    duration = _time_one_run(folder, tmp_path / "probe.db")  # how long a whole run takes here
    rng = random.Random(SEED)
    db = tmp_path / "c.db"
    kills, counts = 0, []
    for _ in range(KILLS):
        proc = ingest(folder, db)
        time.sleep(rng.uniform(0.1, 0.8) * duration)  # from start-up to late in the run
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        counts.append(assert_consistent(db))
        if counts[-1] == N_ARTICLES:  # the run completed before its kill: start over from empty
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    assert kills >= 10, f"only {kills} runs were killed before they finished"
    assert any(0 < c < N_ARTICLES for c in counts), f"no kill landed mid-ingest: {counts}"
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
