"""Flatten a Document into the corpus tables' rows (one function per table), all at once with
:func:`prepare`: the CPU-heavy part of storing (serialising, framing, MinHash, search terms) can then
run in the worker process that analysed the document, leaving the writer only SQL to run."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from marsad.document import COUNT_KINDS, DateValue, Document

if TYPE_CHECKING:
    from marsad.corpus.search import TextWords

DOC_COLUMNS = ("id", "source_key", "path", "url", "outlet", "outlet_id", "record_id", "title",
               "published_start", "published_end", "n_entities", "n_events", "n_quotes", "n_claims",
               "n_warnings", "doc", "ingested_at")


def source_key(doc: Document) -> str:
    """What makes two versions 'the same article': its URL, else its path (with #N for records)."""
    return doc.source.url or doc.source.path or f"id:{doc.id}"


def pack(doc: Document) -> bytes:
    """The document's JSON, compressed.  orjson writes the dataclasses as they are (fields in class
    order, no spaces): 45 % less time than ``to_json`` + ``json.dumps``; it reads back to the same
    Document (stores written with ``to_json`` by earlier versions read back the same too)."""
    # level 1: a third of level 6's time, a file about a tenth larger (both read back the same)
    return zlib.compress(orjson.dumps(doc), 1)


def unpack(blob: bytes) -> Document:
    return Document.from_dict(orjson.loads(zlib.decompress(blob)))


def unpack_text(blob: bytes) -> str:
    """Just the ``text`` of a packed document (no Document built: 10x faster, for snippets)."""
    return orjson.loads(zlib.decompress(blob))["text"]


def _iso(d: DateValue | None, attr: str) -> str | None:
    value = getattr(d, attr) if d is not None else None
    return value.isoformat() if value is not None else None


def document_row(doc: Document) -> tuple[Any, ...]:
    """The ``documents`` row, but for ``ingested_at`` (the last of DOC_COLUMNS, set when stored)."""
    s = doc.source
    return (doc.id, source_key(doc), s.path, s.url, s.outlet, s.outlet_id, s.record_id, doc.title,
            _iso(doc.published, "start"), _iso(doc.published, "end"), len(doc.entities), len(doc.events),
            len(doc.quotes), len(doc.claims), len(doc.warnings), pack(doc))


def _kb(doc: Document, entity_id: str | None) -> str | None:
    entity = doc.entity(entity_id) if entity_id else None
    return entity.kb_id if entity else None


def entity_rows(doc: Document) -> list[tuple[Any, ...]]:
    return [(doc.id, e.id, e.kb_id, e.type, e.canonical, e.canonical_en, e.category,
             e.geo.lat if e.geo else None, e.geo.lon if e.geo else None, len(e.mentions))
            for e in doc.entities]


def event_rows(doc: Document) -> list[tuple[Any, ...]]:
    rows = []
    for v in doc.events:
        loc, a1, a2, att = v.location, v.actor1, v.actor2, v.attributed_to
        counts = []
        for kind in COUNT_KINDS:
            q = getattr(v.counts, kind)
            counts += [q.low, q.high, int(q.approx)] if q else [None, None, None]
        rows.append((
            doc.id, v.id, v.event_type, v.sub_event_type, v.modality, v.trigger.text,
            _iso(v.date, "start"), _iso(v.date, "end"), v.date.precision if v.date else None,
            a1.name if a1 else None, _kb(doc, a1.entity) if a1 else None,
            a2.name if a2 else None, _kb(doc, a2.entity) if a2 else None,
            loc.name if loc else None, _kb(doc, loc.entity) if loc else None,
            loc.lat if loc else None, loc.lon if loc else None, loc.country if loc else None,
            loc.admin1 if loc else None, loc.geo_precision if loc else None,
            *counts,
            att.name if att else None, _kb(doc, att.entity) if att else None,
            " … ".join(s.text for s in v.evidence),
        ))
    return rows


def quote_rows(doc: Document) -> list[tuple[Any, ...]]:
    return [(doc.id, q.id, q.speaker.name, _kb(doc, q.speaker.entity), q.speaker.role, q.cue.text,
             q.content.text, int(q.direct), q.medium) for q in doc.quotes]


def claim_rows(doc: Document) -> list[tuple[Any, ...]]:
    rows = []
    for c in doc.claims:
        loc, att = c.location, c.attributed_to
        rows.append((doc.id, c.id, c.kind, c.quantity.low, c.quantity.high, int(c.quantity.approx),
                     c.subject, _iso(c.period, "start"), _iso(c.period, "end"),
                     loc.name if loc else None, _kb(doc, loc.entity) if loc else None,
                     att.name if att else None, _kb(doc, att.entity) if att else None, c.evidence.text))
    return rows




def framing_rows(doc: Document, words: TextWords | None = None) -> list[tuple[Any, ...]]:
    from marsad.corpus.framing import find_framing

    return [(doc.id, h.kind, h.term, h.term_en, h.group, h.actor_kb, h.actor, h.start, h.end, h.text)
            for h in find_framing(doc, words)]


def signature_rows(doc: Document, terms: str | None = None) -> list[tuple[Any, ...]]:
    from marsad.corpus.dedup import signature

    return [(doc.id, signature(doc.text, terms))]


# (table, row maker): what `Corpus.add` writes for each document (framing, signatures: see `prepare`)
TABLES = (("entities", entity_rows), ("events", event_rows), ("quotes", quote_rows), ("claims", claim_rows))


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document flattened into the rows `Corpus.add` writes (small and cheap to send between
    processes, unlike the Document itself)."""

    id: str
    source_key: str
    document: tuple[Any, ...]                       # the documents row but for ingested_at
    tables: tuple[tuple[str, list[tuple[Any, ...]]], ...]
    fts: tuple[str, str]                            # search terms of the title and of the text


def prepare(doc: Document) -> Prepared:
    """Every row of ``doc`` (the search keys of its words are computed once, for FTS, framing and
    MinHash)."""
    from marsad.corpus.search import index_terms, text_words

    words = text_words(doc.text)
    terms = " ".join(words.keys)
    tables = [(table, make(doc)) for table, make in TABLES]
    tables.append(("framing", framing_rows(doc, words)))
    tables.append(("signatures", signature_rows(doc, terms)))
    return Prepared(doc.id, source_key(doc), document_row(doc), tuple(tables),
                    (index_terms(doc.title or ""), terms))
