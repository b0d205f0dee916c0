"""Full pipeline speed (entities, quotes, events, claims, consistency) on one core.

Articles come from :mod:`benchmarks.generate` (about 500 words each, real KB names, original
sentence templates); they are analysed one after the other in this process (CPU time of this
process, so a busy machine does not skew the figure), after a warm-up that
loads the knowledge base and builds the matchers.  Rows: articles per second for the whole pipeline,
milliseconds per article spent in each shared view of :class:`~marsad.extract.base.Analysis`
(normalisation, sentences, dates, quantities: timed on their own, first) and in each stage.
"""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.pipeline import Pipeline

STAGES = ["entities", "quotes", "events", "claims", "consistency"]
VIEWS = ["normalized", "sentences", "dates", "quantities"]   # shared Analysis views, timed on their own


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
    """CPU seconds per shared view (computed first, as a stage would ask for it) and per stage."""
    from marsad.extract.base import Analysis
    from marsad.pipeline import document_from_article

    spent = dict.fromkeys(VIEWS + STAGES, 0.0)
    for art in batch:
        a = Analysis(document_from_article(art), pipe.kb)
        for view in VIEWS:
            t0 = time.process_time()
            getattr(a, view)
            spent[view] += time.process_time() - t0
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
        stage = name if name in STAGES else f"view:{name}"
        note = "same articles" if name in STAGES else "same articles; shared view, not in the stage rows"
        rows.append({"stage": stage, "metric": "time per article",
                     "value": 1000 * seconds / max(count // 5, 20), "unit": "ms", "note": note})
    return rows
