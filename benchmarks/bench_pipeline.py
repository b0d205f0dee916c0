"""Full pipeline speed (entities, quotes, events, claims, consistency) on one core.

Articles come from :mod:`benchmarks.generate` (about 500 words each, real KB names, original
sentence templates); they are analysed one after the other in this process (CPU time of this
process, so a busy machine does not skew the figure), after a warm-up that
loads the knowledge base and builds the matchers.  Rows: articles per second for the whole pipeline
and milliseconds per article spent in each stage.
"""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.pipeline import Pipeline

STAGES = ["entities", "quotes", "events", "claims", "consistency"]


def _articles(count: int) -> list:
    from benchmarks.generate import articles
    from marsad.document import DateValue
    from marsad.ingest.article import Article

    out = []
    for g in articles(count, seed=11):
        day = date.fromisoformat(g.published)
        out.append(Article(text=f"{g.title}\n\n{g.body}", title=g.title,
                           published=DateValue(day, day, "day", None)))
    return out


def _stage_times(pipe: Pipeline, batch: list) -> dict[str, float]:
    from marsad.extract.base import Analysis
    from marsad.pipeline import document_from_article

    spent = dict.fromkeys(STAGES, 0.0)
    for art in batch:
        a = Analysis(document_from_article(art), pipe.kb)
        for spec in pipe.stages:
            t0 = time.process_time()
            spec.fn(a)
            spent[spec.name] += time.process_time() - t0
    return spent


def bench(quick: bool) -> list[dict]:
    from marsad import pipeline

    count = 60 if quick else 500
    batch = _articles(count)
    words = sum(len(a.text.split()) for a in batch) / len(batch)
    pipe = pipeline.build(STAGES)
    for art in batch[:5]:
        pipe.analyze(art)                       # warm-up: KB, automata, lexicons
    t0 = time.process_time()
    events = claims = 0
    for art in batch:
        doc = pipe.analyze(art)
        events += len(doc.events)
        claims += len(doc.claims)
    elapsed = time.process_time() - t0
    note = f"{count} generated articles, {words:.0f} words on average, one core"
    rows = [
        {"stage": "pipeline", "metric": "articles per second", "value": count / elapsed,
         "unit": "articles/s", "note": note},
        {"stage": "pipeline", "metric": "events per article", "value": events / count, "unit": "events",
         "note": f"{claims / count:.2f} claims per article"},
    ]
    for name, seconds in _stage_times(pipe, batch[: max(count // 5, 20)]).items():
        rows.append({"stage": name, "metric": "time per article",
                     "value": 1000 * seconds / max(count // 5, 20), "unit": "ms", "note": "same articles"})
    return rows
