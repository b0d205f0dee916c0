"""Ingest killed with SIGKILL mid-way leaves a consistent store, and a rerun completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.corpus import Corpus

N_ARTICLES = 120


def write_articles(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_ARTICLES):
        (folder / f"a{i:03d}.txt").write_text(
            f"خبر رقم {i}\n\nقتل {i % 7 + 1} مدنيين في قصف على بلدة في ريف حلب يوم {i % 28 + 1} آذار 2020، "
            f"وقال مصدر طبي إن عدد الجرحى بلغ {i} شخصا.", "utf-8")


def ingest(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "marsad", "ingest", str(folder), "--db", str(db),
                             "--batch", "3", "--no-progress"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def documents_in(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def assert_consistent(db: Path) -> int:
    with Corpus(db) as corpus:
        assert corpus.integrity() == "ok"
        conn = corpus.conn
        bad = conn.execute("SELECT COUNT(*) FROM documents d WHERE n_events != "
                           "(SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id)").fetchone()[0]
        assert bad == 0, "a document was stored without its events"
        assert conn.execute("SELECT COUNT(*) FROM docs_fts").fetchone()[0] == corpus.counts()["documents"]
        return corpus.counts()["documents"]


@pytest.mark.slow
def test_kill_9_during_ingest_never_corrupts_and_rerun_completes(tmp_path):
    folder, db = tmp_path / "news", tmp_path / "c.db"
    write_articles(folder)
    kills = 0
    for target in (5, 30, 60):
        proc = ingest(folder, db)
        deadline = time.monotonic() + 120
        while proc.poll() is None and documents_in(db) < target and time.monotonic() < deadline:
            time.sleep(0.02)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        assert assert_consistent(db) <= N_ARTICLES
    assert kills >= 1, "ingest finished before it could be killed"
    proc = ingest(folder, db)
    assert proc.wait(timeout=300) == 0
    assert assert_consistent(db) == N_ARTICLES
