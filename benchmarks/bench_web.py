"""Web API latency: p50/p95 of ``/api/events`` (varied filters), ``/api/search`` and the whole-store
aggregates (``/api/overview``, ``/api/stories``, ``/api/outlets``) on a synthetic store.

The store is generated here: documents built directly as ``Document`` objects (short invented Arabic
texts, three events each) and written through ``Corpus.add``. Sizes: 2,000 articles with ``--quick``,
10,000 by default, 100,000 with ``MARSAD_BENCH_FULL=1`` (goal: p95 <= 100 ms). The store is cached under
``.bench/`` and reused. Latency is measured in process through FastAPI's TestClient (HTTP parsing and
JSON included, no network).
"""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLACES = [("raqqa", "الرقة", 35.95, 39.01), ("aleppo", "حلب", 36.2, 37.16), ("idlib", "إدلب", 35.93, 36.63),
          ("deir_ez_zor", "دير الزور", 35.33, 40.14), ("mosul", "الموصل", 36.34, 43.13),
          ("kirkuk", "كركوك", 35.47, 44.39), ("sanaa", "صنعاء", 15.35, 44.2), ("marib", "مأرب", 15.46, 45.32),
          ("khartoum", "الخرطوم", 15.5, 32.56), ("hasakah", "الحسكة", 36.5, 40.75)]
ACTORS = [("sdf", "قسد"), ("isis", "داعش"), ("syrian_army", "الجيش السوري"), ("iraqi_army", "الجيش العراقي"),
          ("houthis", "الحوثيون"), ("rsf", "الدعم السريع"), ("global_coalition", "التحالف"),
          ("turkish_army", "الجيش التركي")]
KINDS = [("Battles", "Armed clash", "اشتباكات"), ("Explosions/Remote violence", "Air/drone strike", "غارة"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack", "قصف"),
         ("Violence against civilians", "Attack", "هجوم"), ("Strategic developments", "Arrests", "اعتقال")]
FILLER = ("وأفادت مصادر محلية بأن الوضع ما زال متوترا في المنطقة وسط انتشار أمني كثيف وحركة نزوح "
          "محدودة للأهالي نحو القرى المجاورة بحسب شهود عيان تحدثوا للمراسل.")
OUTLETS = [f"outlet_{i:02d}" for i in range(12)]


def make_doc(n: int, rng: random.Random):  # -> Document
    """One synthetic article with three events at known places."""
    from marsad.document import (
        ActorRef,
        Counts,
        DateValue,
        Document,
        Entity,
        Event,
        Geo,
        Location,
        Quantity,
        Source,
    )

    day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    picks = [(rng.choice(KINDS), rng.choice(PLACES), rng.choice(ACTORS), rng.randrange(0, 40))
             for _ in range(3)]
    sentences = [f"{trig} نفذها {actor[1]} في {place[1]} أسفرت عن مقتل {k} أشخاص، في الخبر رقم {n}."
                 for (_, _, trig), place, actor, k in picks]
    text = " ".join(sentences) + " " + FILLER
    doc = Document(id=f"{n:016x}", text=text, title=sentences[0][:60],
                   source=Source(path=f"bench/{n}.txt", outlet=rng.choice(OUTLETS).replace("_", " ").title(),
                                 outlet_id=None), published=DateValue(day, day, "day"))
    doc.source.outlet_id = doc.source.outlet.lower().replace(" ", "_")
    offset = 0
    for i, ((etype, sub, trig), place, actor, k) in enumerate(picks, start=1):
        sent = sentences[i - 1]
        start = text.index(sent, offset)
        offset = start + len(sent)
        a = start + sent.index(actor[1])
        p = start + sent.index(place[1], len(trig))
        doc.entities += [Entity(f"e{2 * i - 1}", "organization", actor[1], kb_id=actor[0],
                                category="rebel_group", mentions=[doc.span(a, a + len(actor[1]))]),
                         Entity(f"e{2 * i}", "location", place[1], kb_id=place[0],
                                geo=Geo(place[2], place[3]), mentions=[doc.span(p, p + len(place[1]))])]
        doc.events.append(Event(
            f"v{i}", etype, sub, doc.span(start, start + len(trig)),
            actor1=ActorRef(f"e{2 * i - 1}", actor[1]),
            location=Location(f"e{2 * i}", place[1], place[2] + rng.uniform(-.05, .05),
                              place[3] + rng.uniform(-.05, .05), "SY", None, 1),
            date=DateValue(day, day, "day"), counts=Counts(killed=Quantity(k, k)),
            evidence=[doc.span(start, offset)]))
    return doc


BASE = 10_000   # articles written through Corpus.add; larger stores replicate them in SQL


def build_store(path: Path, size: int) -> Path:
    """A store of ``size`` articles: up to 10,000 through ``Corpus.add``, the rest copies made in SQL
    (new ids, dates shifted by a few days) so that a 100k store builds in seconds."""
    from marsad.corpus import Corpus

    if path.is_file():
        with Corpus(path) as corpus:
            if corpus.counts()["documents"] >= size:
                if corpus.conn.execute("SELECT COUNT(*) FROM summaries").fetchone()[0] == 0:
                    corpus.refresh()   # a store built before summaries existed
                return path
        path.unlink()
    rng = random.Random(7)
    base = min(size, BASE)
    with Corpus(path) as corpus:
        corpus.add((make_doc(n, rng) for n in range(base)), batch=1000)
        for copy in range(1, -(-size // base)):
            _replicate(corpus.conn, copy)
        corpus.refresh()   # stories, incidents and the whole-store summaries, as after `marsad ingest`
    return path


def _replicate(conn, copy: int) -> None:
    """Copy the first ``BASE`` documents and their rows under new ids, ``copy`` days later."""
    new_id = f"printf('%02x', {copy}) || substr({{col}}, 3)"
    shift = f"date({{col}}, '+{copy} days')"
    special = {"documents": {"id": new_id, "source_key": f"'copy{copy}:' || source_key",
                             "published_start": shift, "published_end": shift, "rowid": "NULL"},
               "events": {"doc_id": new_id, "date_start": shift, "date_end": shift},
               "entities": {"doc_id": new_id}, "framing": {"doc_id": new_id}}
    conn.execute("BEGIN IMMEDIATE")
    for table, exprs in special.items():
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        values = ", ".join(exprs.get(c, c).format(col=c) for c in cols)
        key = "id" if table == "documents" else "doc_id"
        conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {values} FROM {table} "
                     f"WHERE substr({key}, 1, 2) = '00'")
    conn.execute("INSERT INTO docs_fts (rowid, title, body) SELECT n.rowid, f.title, f.body FROM documents n "
                 "JOIN documents o ON o.id = '00' || substr(n.id, 3) JOIN docs_fts f ON f.rowid = o.rowid "
                 f"WHERE substr(n.id, 1, 2) = printf('%02x', {copy})")
    conn.execute("COMMIT")


def _requests(rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    filters = ["", "event_type=Battles", "sub_event_type=Air/drone strike", "actor=sdf", "place=aleppo",
               "outlet=outlet_03", "date_from=2019-01-01&date_to=2019-06-30", "bbox=38,34,41,37",
               "event_type=Violence against civilians&place=raqqa", "actor=isis&date_from=2020-01-01"]
    words = ["الرقة", "غارة", "قسد", "اشتباكات", "الخبر رقم", "\"مقتل\"", "الحوثيون صنعاء", "نزوح"]
    events = [f"/api/events?limit=50&{rng.choice(filters)}" for _ in range(count)]
    search = [f"/api/search?limit=20&q={rng.choice(words)}" for _ in range(count)]
    return events, search


def _latency(client, urls: list[str]) -> tuple[list[float], list[float]]:
    """Sorted wall-clock and process CPU times (ms) of each request: the CPU time is what the request
    costs on a machine shared with other work, where the wall time also counts waiting for a core."""
    wall, cpu = [], []
    for url in urls:
        start, cpu_start = time.perf_counter(), time.process_time()
        r = client.get(url)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
        assert r.status_code == 200, (url, r.text[:200])
    return sorted(wall), sorted(cpu)


def _pct(values: list[float], q: float) -> float:
    return statistics.median(values) if q == 0.5 else values[max(0, int(len(values) * q) - 1)]


def bench(quick: bool) -> list[dict]:
    from fastapi.testclient import TestClient

    from marsad.web import WebSettings, create_app

    size = 100_000 if os.environ.get("MARSAD_BENCH_FULL") == "1" else (2_000 if quick else 10_000)
    store = ROOT / ".bench" / f"web-{size}.db"
    store.parent.mkdir(exist_ok=True)
    start = time.perf_counter()
    build_store(store, size)
    built = time.perf_counter() - start
    events, search = _requests(random.Random(11), 40 if quick else 200)
    rows = [{"stage": "web", "metric": "store build (or reuse)", "value": built, "unit": "s",
             "note": f"{size:,} articles, {3 * size:,} events"}]
    with TestClient(create_app(WebSettings(db=store))) as client:
        client.get(events[0])
        client.get(search[0])
        aggregates = ["/api/overview", "/api/stories?limit=50", "/api/outlets"] * (3 if quick else 10)
        for name, urls in (("events", events), ("search", search), ("overview+stories+outlets", aggregates)):
            wall, cpu = _latency(client, urls)
            note = f"{len(urls)} requests, {size:,} articles; goal p95 <= 100 ms at 100k"
            for kind, values in (("", wall), (" cpu", cpu)):
                rows += [{"stage": "web", "metric": f"/api/{name}{kind} p{int(q * 100)}",
                          "value": _pct(values, q), "unit": "ms", "note": note} for q in (0.5, 0.95)]
    return rows
