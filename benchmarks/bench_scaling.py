"""How cost grows with the size of one input: a single line of prose without a break (the hostile
"50 MB single line"), read with a raised ``max_bytes``, and the whole analysis of one long article.

Each row gives the CPU time at one size; the ``growth exponent`` row is the slope of log(time)
against log(size) between the smallest and the largest size (1: linear, 2: quadratic).
"""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path

SENTENCE = ("قتل ثلاثة مدنيين في قصف استهدف بلدة الباب بريف حلب يوم الثلاثاء، وقال مصدر طبي إن عدد "
            "الجرحى بلغ 12 شخصا بينهم أطفال، فيما اعتقلت قوات الأمن خمسة أشخاص في حي الصناعة. ")


def _line(size: int) -> str:
    text = SENTENCE * (size // len(SENTENCE.encode("utf-8")) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def _cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def _exponent(points: list[tuple[int, float]]) -> float:
    (s0, t0), (s1, t1) = points[0], points[-1]
    return math.log(max(t1, 1e-9) / max(t0, 1e-9)) / math.log(s1 / s0)


def ingest_rows(sizes_mb: list[int]) -> list[dict]:
    from marsad.ingest import IngestOptions, read_file

    options = IngestOptions(max_bytes=max(sizes_mb) * 1_000_000 + 1)
    points, rows = [], []
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        for mb in sizes_mb:
            path = Path(tmp) / f"line-{mb}.txt"
            path.write_text(_line(mb * 1_000_000), "utf-8")
            items: list = []
            cpu = _cpu(lambda path=path, items=items: items.extend(read_file(path, options)))
            assert len(items) == 1 and hasattr(items[0], "text"), items[:1]
            points.append((mb, cpu))
            rows.append({"stage": "scaling: ingest", "metric": f"single line of {mb} MB", "value": cpu,
                         "unit": "s CPU", "note": f"{mb / cpu:.1f} MB/s; decode + clean, limit raised"})
            path.unlink()
    rows.append({"stage": "scaling: ingest", "metric": "growth exponent", "value": _exponent(points),
                 "unit": "", "note": "1 = linear, 2 = quadratic"})
    return rows


def analyze_rows(sizes_kb: list[int]) -> list[dict]:
    from marsad.document import validate
    from marsad.ingest import Article
    from marsad.pipeline import build

    pipe = build().prepare()
    pipe.analyze(Article(text=SENTENCE))  # lazy tables
    points, rows = [], []
    for kb in sizes_kb:
        article = Article(text=_line(kb * 1000).strip())
        docs: list = []
        cpu = _cpu(lambda article=article, docs=docs: docs.append(pipe.analyze(article)))
        assert not validate(docs[0])
        points.append((kb, cpu))
        rows.append({"stage": "scaling: analyze", "metric": f"one line of {kb} kB", "value": cpu,
                     "unit": "s CPU", "note": f"{kb / cpu:.0f} kB/s; {len(docs[0].events)} events"})
    rows.append({"stage": "scaling: analyze", "metric": "growth exponent", "value": _exponent(points),
                 "unit": "", "note": "1 = linear, 2 = quadratic"})
    return rows


def bench(quick: bool) -> list[dict]:
    if quick:
        return ingest_rows([1, 4]) + analyze_rows([10, 40])
    return ingest_rows([1, 4, 16, 50]) + analyze_rows([25, 50, 100, 200])
