"""Whole-system speed on generated corpora (``benchmarks.generate``): per-stage throughput, the full
pipeline, peak memory, ingest into a corpus with 1 and 2 workers, search and API latency.

Corpus sizes come from ``MARSAD_BENCH_SIZES`` (default ``1000,10000,100000``: the corpus goals, ingest
rate and search latency, are set on 100,000 articles; ``--quick``: 200).  Stores of more than
``MARSAD_BENCH_ANALYZE_MAX`` articles (default 10000) are filled by re-storing the analysed
documents of the first ``MARSAD_BENCH_ANALYZE_MAX`` under fresh ids (the note says so): search and the
API then see the size, without hours of analysis.  Work files go to ``.bench/`` (ignored by git).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import vocab, write

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".bench"
SEED = 11
STAGE_SAMPLE = 300
ANALYZE_MAX = int(os.environ.get("MARSAD_BENCH_ANALYZE_MAX", "10000"))


def sizes(quick: bool) -> list[int]:
    if quick:
        return [200]
    raw = os.environ.get("MARSAD_BENCH_SIZES", "1000,10000,100000")
    return [int(x) for x in raw.split(",") if x.strip()]


def row(stage: str, metric: str, value: float | int, unit: str, note: str = "") -> dict:
    return {"stage": stage, "metric": metric, "value": value, "unit": unit, "note": note}


def feed(n: int) -> Path:
    """The generated JSONL feed of ``n`` articles (made once, then reused)."""
    path = WORK / f"feed-{SEED}-{n}.jsonl"
    if not path.exists():
        WORK.mkdir(exist_ok=True)
        write(n, path.with_suffix(".part.jsonl"), SEED)
        path.with_suffix(".part.jsonl").replace(path)
    return path


def _cpu(fn: Callable[[], object]) -> float:
    """CPU seconds of this process spent in ``fn`` (per core, whatever else runs on the machine)."""
    start = time.process_time()
    fn()
    return time.process_time() - start


# ---------------------------------------------------------------- per stage, on a sample


def _articles(path: Path, n: int) -> tuple[list, list[dict]]:
    from marsad.document import Source
    from marsad.ingest import IngestOptions
    from marsad.ingest.records import record_article

    records = [json.loads(line) for _, line in zip(range(n), path.open(encoding="utf-8"), strict=False)]
    options = IngestOptions()
    make = [lambda r=r, i=i: record_article(r, Source(path=f"bench#{i}"), options)
            for i, r in enumerate(records)]
    record_article(records[0], Source(path="warm"), options)  # outlet registry, rules
    cpu = _cpu(lambda: [m() for m in make])
    return [m() for m in make], [{"cpu": cpu, "bytes": sum(len(r["body"].encode()) for r in records)}]


def stage_rows(quick: bool) -> list[dict]:
    from marsad.arabic import normalize, sentences, tokens
    from marsad.pipeline import DEFAULT_STAGES, build

    n = 40 if quick else STAGE_SAMPLE
    articles, (ingest,) = _articles(feed(max(n, 200)), n)
    mb = ingest["bytes"] / 1e6
    rows = [row("ingest/cleaning", "records -> articles", n / ingest["cpu"], "articles/s/core",
                f"{mb / ingest['cpu']:.1f} MB/s; record fields, cleaning, outlet, dates")]
    texts = [a.text for a in articles]
    arabic = _cpu(lambda: [(normalize(t), tokens(t), sentences(t)) for t in texts])
    rows.append(row("arabic", "normalize+tokens+sentences", mb / arabic, "MB/s/core",
                    f"{n / arabic:,.0f} articles/s/core"))
    from benchmarks.bench_pipeline import _stage_times

    pipe = build(list(DEFAULT_STAGES)).prepare()
    for name, seconds in _stage_times(pipe, articles).items():   # shared views on their own rows
        rows.append(row(name if name in DEFAULT_STAGES else f"view:{name}", "alone",
                        n / max(seconds, 1e-9), "articles/s/core", f"{seconds / n * 1000:.2f} ms/article"))
    previous = _cpu(lambda: [pipe.analyze(a) for a in articles])
    rows.append(row("pipeline", "full analysis", n / previous, "articles/s/core",
                    f"{mb / previous:.2f} MB/s; {n} generated articles of "
                    f"~{ingest['bytes'] / n / 1000:.1f} kB"))
    rows.append(row("pipeline", "peak memory (RSS)", _peak_rss(feed(max(n, 200))), "MB",
                    "marsad analyze of the sample in a fresh process"))
    return rows


def _peak_rss(path: Path) -> float:
    """Peak resident memory of ``marsad analyze`` over ``path`` in a child process."""
    code = ("import resource, sys; from marsad.cli import main; "
            "main(['analyze', sys.argv[1], '--format', 'jsonl', '--no-progress']); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=True)
    return int(out.stderr.split()[-1]) / 1024


# ---------------------------------------------------------------- corpus, search, API


def _ingest(path: Path, db: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds of ``marsad ingest`` (a child process) of ``path`` into a fresh ``db``."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "marsad", "ingest", str(path), "--db", str(db), "--workers",
                    str(workers), "--no-progress"], check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - start, cpu


PER_DOC_TABLES = ("entities", "events", "quotes", "claims", "framing")


def _replicate(db: Path, target: int) -> int:
    """Copy the stored documents (rows of every per-document table and the full-text index) under
    fresh ids in SQL until the store holds ``target`` documents; returns how many were added."""
    conn = sqlite3.connect(db, isolation_level=None)
    base = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] != "rowid"]
               for t in ("documents", *PER_DOC_TABLES)}
    added, copy = 0, 0
    while base + added < target:
        copy += 1
        n = min(base, target - base - added)
        tag = f"~{copy}"
        conn.execute("BEGIN")
        subset = f"SELECT id FROM documents WHERE id NOT LIKE '%~%' ORDER BY rowid LIMIT {n}"
        fields = [f"{c} || '{tag}'" if c in ("id", "source_key") else c for c in columns["documents"]]
        conn.execute(f"INSERT INTO documents ({', '.join(columns['documents'])}) SELECT {', '.join(fields)} "
                     f"FROM documents WHERE id IN ({subset})")
        for table in PER_DOC_TABLES:
            fields = [f"doc_id || '{tag}'" if c == "doc_id" else c for c in columns[table]]
            conn.execute(f"INSERT INTO {table} SELECT {', '.join(fields)} FROM {table} "
                         f"WHERE doc_id IN ({subset})")
        conn.execute("INSERT INTO docs_fts (rowid, title, body) SELECT d2.rowid, f.title, f.body "
                     "FROM docs_fts f JOIN documents d1 ON d1.rowid = f.rowid "
                     "JOIN documents d2 ON d2.id = d1.id || ? "
                     f"WHERE d1.id IN ({subset})", (tag,))
        conn.execute("COMMIT")
        added += n
    conn.close()
    return added


def build_store(n: int) -> tuple[Path, list[dict]]:
    """A corpus of ``n`` generated articles, with ingest rows (1 and 2 workers at the smallest size)."""
    analysed = min(n, ANALYZE_MAX)
    path, db = feed(analysed), WORK / f"store-{SEED}-{n}.db"
    rows = []
    workers = (1, 2) if n <= 1000 else (2,)  # the 1-vs-2 comparison once, on the small corpus
    base = WORK / f"store-{SEED}-{analysed}.db"
    if n > analysed and base.exists():  # the analysed part was stored by this run: copy it
        shutil.copyfile(base, db)
        workers = ()
    for w in workers:
        took, cpu = _ingest(path, db, w)
        rows.append(row(f"ingest {n:,}", f"marsad ingest, {w} worker(s)", analysed / took, "articles/s",
                        f"{took:.0f} s wall, {cpu:.0f} s CPU; analysis + store + refresh"))
    if n > analysed:
        start = time.perf_counter()
        added = _replicate(db, n)
        took = time.perf_counter() - start
        rows.append(row(f"ingest {n:,}", "store replicas (SQL copy)", added / took, "documents/s",
                        f"{added:,} analysed documents copied under fresh ids"))
    rows.append(row(f"store {n:,}", "file size", db.stat().st_size / 1e6, "MB", ""))
    return db, rows


def queries() -> list[tuple[str, dict]]:
    """Search queries: place and actor names of the generated corpus, phrases, and filtered ones."""
    v = vocab()
    words = [(t, {}) for t in v.towns[::17][:12]] + [(a, {}) for a in v.armed[::23][:10]]
    words += [('"قصف مدفعي"', {}), ("اشتباكات عنيفة", {}), ("عبوة ناسفة", {}), ("مدنيين أطفال", {})]
    words += [(t, {"event_type": "Battles"}) for t in v.towns[5::41][:4]]
    words += [("قصف", {"date_from": "2018-01-01", "date_to": "2018-12-31"}),
              ("اعتقلت", {"outlet": "Sputnik"})]
    return words


def _percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples), cuts[18]


def search_rows(db: Path, n: int, note: str) -> list[dict]:
    from marsad.corpus import Corpus
    from marsad.corpus.search import Filters

    times = []
    with Corpus(db, readonly=True) as corpus:
        for q, f in queries():
            corpus.search(q, Filters(**f))  # first run warms the page cache
        for _ in range(3):
            for q, f in queries():
                start = time.perf_counter()
                corpus.search(q, Filters(**f), limit=20)
                times.append((time.perf_counter() - start) * 1000)
    p50, p95 = _percentiles(times)
    return [row(f"search {n:,}", "Corpus.search p50", p50, "ms", note),
            row(f"search {n:,}", "Corpus.search p95", p95, "ms", f"{len(times)} queries, limit 20")]


def api_rows(db: Path, n: int, note: str) -> list[dict]:
    try:
        from fastapi.testclient import TestClient

        from marsad.web import WebSettings, create_app
    except ImportError as exc:
        return [row(f"api {n:,}", "skipped", 0, "", f"web app not available: {exc}")]
    client = TestClient(create_app(WebSettings(db=db)))
    paths = [("/api/search", {"q": q, **f}) for q, f in queries()]
    paths += [("/api/events", {"limit": 50}), ("/api/documents", {"limit": 20}), ("/api/stories", {}),
              ("/api/outlets", {}), ("/api/overview", {}), ("/api/events", {"event_type": "Battles"})]
    for path, params in paths:
        client.get(path, params=params)
    times = []
    for _ in range(3):
        for path, params in paths:
            start = time.perf_counter()
            response = client.get(path, params=params)
            times.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                return [row(f"api {n:,}", "error", response.status_code, "HTTP", f"{path} {params}")]
    p50, p95 = _percentiles(times)
    return [row(f"api {n:,}", "GET p50", p50, "ms", note),
            row(f"api {n:,}", "GET p95", p95, "ms", f"{len(times)} requests: search, events, stories...")]


def bench(quick: bool) -> list[dict]:
    rows = stage_rows(quick)
    for n in sizes(quick):
        start = time.perf_counter()
        feed(min(n, ANALYZE_MAX))
        db, built = build_store(n)
        rows += built
        note = "" if n <= ANALYZE_MAX else f"first {ANALYZE_MAX:,} analysed, rest replicas"
        rows += search_rows(db, n, note)
        rows += api_rows(db, n, note)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"… corpus of {n:,}: {time.perf_counter() - start:.0f} s, peak RSS so far {rss:.0f} MB",
              file=sys.stderr, flush=True)
    return rows
