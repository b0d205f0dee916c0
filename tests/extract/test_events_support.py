"""Helpers shared by the events, claims and consistency tests (no tests here).

Synthetic articles run through the real pipeline (entities, quotes, events, claims, consistency)
with the shipped knowledge base; every sentence is the tests' own writing.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from marsad.document import DateValue, Document, Event, validate
from marsad.ingest.article import Article

PUBLISHED = date(2024, 3, 12)   # a Tuesday


@lru_cache(maxsize=1)
def _pipeline():
    from marsad import pipeline

    return pipeline.build(["entities", "quotes", "events", "claims", "consistency"])


def analyze(text: str, published: date | None = PUBLISHED) -> Document:
    """The document of ``text``; fails when any span is invalid."""
    pub = DateValue(published, published, "day", None) if published else None
    doc = _pipeline().analyze(Article(text=text, published=pub))
    problems = validate(doc)
    assert not problems, problems
    return doc


def asserted(doc: Document) -> list[Event]:
    return [v for v in doc.events if v.modality == "asserted"]


def only_event(text: str, published: date | None = PUBLISHED) -> tuple[Document, Event]:
    """The single event of ``text`` (fails if there is not exactly one)."""
    doc = analyze(text, published)
    assert len(doc.events) == 1, [(v.event_type, v.trigger.text) for v in doc.events]
    return doc, doc.events[0]


def kb_of(doc: Document, entity_id: str | None) -> str | None:
    entity = doc.entity(entity_id) if entity_id else None
    return entity.kb_id if entity is not None else None
