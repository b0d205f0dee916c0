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
        assert 120 <= words <= 450, (art["id"], words)


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


def tiny_article(**gold) -> dict:
    return {
        "id": "t-01", "title": "قصف على بلدة",
        "body": "قصفت القوات بلدة كفرنبل أمس، ما أدى إلى مقتل 3 مدنيين.\n\nوقال مسؤول إن \"القصف عنيف\".",
        "published": date(2024, 3, 12), "gold": gold,
    }


def test_build_document_resolves_snippets():
    from marsad.document import Source, validate

    art = tiny_article(
        entities=[{"kb_id": "kafranbel", "type": "location", "canonical": "كفرنبل", "mentions": ["كفرنبل"]}],
        events=[{"event_type": "Explosions/Remote violence",
                 "sub_event_type": "Shelling/artillery/missile attack", "trigger": "قصفت",
                 "evidence": ["قصفت القوات بلدة كفرنبل أمس"],
                 "location": {"kb_id": "kafranbel", "name": "كفرنبل", "geo_precision": 1},
                 "counts": {"killed": {"low": 3, "high": 3, "text": "3 مدنيين"}}}],
        quotes=[{"speaker": {"kb_id": None, "name": "مسؤول"}, "cue": "وقال", "content": "القصف عنيف",
                 "direct": True}],
    )
    doc = demo_gold.build_document(art, Source(path="x.txt"), "Test")
    assert validate(doc) == []
    assert doc.text.startswith("قصف على بلدة\n\n")
    assert doc.events[0].location.entity == "e1"
    assert doc.events[0].counts.killed.span.text == "3 مدنيين"
    assert doc.quotes[0].content.text == "القصف عنيف" and doc.quotes[0].direct


@pytest.mark.parametrize("gold, message", [
    ({"events": [{"event_type": "Battles", "sub_event_type": "Air/drone strike", "trigger": "قصفت",
                  "evidence": ["قصفت"]}]}, "unknown event type"),
    ({"events": [{"event_type": "Battles", "sub_event_type": "Armed clash", "trigger": "قصفت",
                  "evidence": ["قصفت"], "counts": {"dead": None}}]}, "unknown count kinds"),
    ({"claims": [{"kind": "deaths", "quantity": {"low": 1}, "evidence": "قصفت"}]}, "unknown claim kind"),
    ({"quotes": [{"speaker": {"name": "x"}, "cue": "أعلن", "content": "القصف"}]}, "quote cue not found"),
    ({"events": [{"event_type": "Battles", "sub_event_type": "Armed clash", "trigger": "قصفت",
                  "evidence": ["قصفت"], "actor1": {"kb_id": "sdf", "name": "قسد"}}]}, "unlisted entity"),
])
def test_build_document_reports_bad_gold(gold, message):
    from marsad.document import Source

    with pytest.raises(demo_gold.GoldError, match=message):
        demo_gold.build_document(tiny_article(**gold), Source(), "Test")
