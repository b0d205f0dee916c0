"""Quality rules for the hand-written gold of the demo corpus."""

from __future__ import annotations

import importlib
import sys
from datetime import date
from pathlib import Path

import pytest

from marsad.document import MODALITIES, Document

DEMO = Path(__file__).resolve().parents[2] / "samples" / "demo"
sys.path.insert(0, str(DEMO / "tools"))
demo_gold = importlib.import_module("demo_gold")
build_demo = importlib.import_module("build_demo")


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return [Document.from_json_str(p.read_text(encoding="utf-8"))
            for p in sorted((DEMO / "gold").glob("s*.json"))]


def test_article_lengths_are_news_sized():
    corpus = build_demo.load_corpus()
    for art in corpus.articles:
        words = len(art["body"].split())
        assert 100 <= words <= 480, (art["id"], words)


def test_event_types_and_modalities(docs):
    for doc in docs:
        for v in doc.events:
            assert v.sub_event_type in demo_gold.TAXONOMY[v.event_type], (doc.id, v.id)
            assert v.modality in MODALITIES
            assert v.trigger.start >= v.evidence[0].start and v.trigger.end <= v.evidence[0].end


def test_asserted_events_do_not_postdate_publication(docs):
    for doc in docs:
        pub = doc.published.start
        for v in doc.events:
            if v.modality == "asserted" and v.date is not None and v.date.start is not None:
                assert v.date.start <= pub, (doc.id, v.id)


def test_open_ranges_are_ordered(docs):
    for doc in docs:
        quantities = [c.quantity for c in doc.claims]
        quantities += [q for v in doc.events for q in vars_of(v.counts) if q is not None]
        for q in quantities:
            assert q.low is not None
            assert q.high is None or q.high >= q.low, doc.id


def vars_of(counts) -> list:
    return [counts.killed, counts.injured, counts.arrested, counts.kidnapped, counts.displaced]


def test_every_article_has_events_and_quotes(docs):
    for doc in docs:
        assert 1 <= len(doc.events) <= 6, doc.id
        assert 1 <= len(doc.quotes) <= 10, doc.id


def test_resolver_handles_nth_occurrence_and_proclitics():
    res = demo_gold.Resolver("t", "قصف أريحا ثم قصف بأريحا وأريحاوي")
    assert res.find("قصف@2", "x").start == 13
    spans = res.word_occurrences("أريحا")
    assert [s.start for s in spans] == [4, 18]
    with pytest.raises(demo_gold.GoldError, match="t: x not found"):
        res.find("غارة", "x")


def test_nested_mentions_are_dropped():
    res = demo_gold.Resolver("t", "قوات سوريا الديمقراطية في شرق سوريا")
    ents = demo_gold.build_entities(res, [
        {"kb_id": "sdf", "type": "organization", "canonical": "قسد", "mentions": ["قوات سوريا الديمقراطية"]},
        {"kb_id": "syria", "type": "location", "canonical": "سوريا", "mentions": ["سوريا"]},
    ])
    assert [m.start for m in ents[1].mentions] == [30]
    assert date(2024, 1, 1) < date(2025, 1, 1)
