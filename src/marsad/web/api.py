"""The read API under ``/api``: every page's JSON twin, with exports on the lists (``?format=``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from marsad.corpus import Corpus, views
from marsad.corpus.views import EventFilters
from marsad.document import Document
from marsad.web import exports, params, queries
from marsad.web.deps import CapDep, CorpusDep, DocFiltersDep, EventFiltersDep, FormatDep, PageDep
from marsad.web.errors import not_found
from marsad.web.params import Page

router = APIRouter(prefix="/api", tags=["corpus"])


def listing(total: int, page: Page, items: list[Any], exact: bool = True) -> dict[str, Any]:
    """A page of a list; ``total_exact`` is false when ``total`` is a lower bound (a capped count)."""
    return {"total": total, "total_exact": exact, "limit": page.limit, "offset": page.offset, "items": items}


def export_response(docs: Iterable[Document], fmt: str, stem: str) -> StreamingResponse:
    disposition = f'attachment; filename="{exports.filename(stem, fmt)}"'
    return StreamingResponse(exports.stream(docs, fmt), media_type=exports.MEDIA[fmt],
                             headers={"content-disposition": disposition})


@router.get("", summary="Index of the API")
def index() -> dict[str, Any]:
    return {"name": "marsad", "schema": "marsad/1", "endpoints": [
        "/api/overview", "/api/documents", "/api/documents/{id}", "/api/events", "/api/events/timeline",
        "/api/events/{doc_id}/{event_id}", "/api/stories", "/api/stories/{id}", "/api/outlets",
        "/api/outlets/{id}", "/api/search", "/api/entities/{kb_id}", "/api/analyze", "/api/ingest"]}


@router.get("/overview", summary="Counts by event type, month and outlet; leading stories")
def overview(corpus: CorpusDep) -> dict[str, Any]:
    return {"counts": corpus.counts(), **queries.overview(corpus.conn)}


@router.get("/documents", summary="Documents, latest first (filters, paging, exports)")
def documents(corpus: CorpusDep, filters: DocFiltersDep,
              page: PageDep, fmt: FormatDep,
              cap: CapDep) -> Any:
    if fmt != "json":
        ids = queries.document_ids(corpus.conn, filters, cap)
        return export_response(corpus.documents(ids), fmt, "documents")
    total, rows = queries.documents(corpus.conn, filters, limit=page.limit, offset=page.offset)
    return listing(total, page, rows)


@router.get("/documents/{doc_id}", summary="One document: the marsad/1 contract JSON")
def document(doc_id: str, corpus: CorpusDep) -> dict[str, Any]:
    doc = corpus.document(params.check_id(doc_id, params.DOC_ID, "document"))
    if doc is None:
        raise not_found("document")
    return doc.to_dict()


@router.get("/events", summary="Events (filters incl. bbox, paging, exports)")
def events(corpus: CorpusDep, filters: EventFiltersDep,
           page: PageDep, fmt: FormatDep,
           cap: CapDep) -> Any:
    if fmt != "json":
        return export_response(event_docs(corpus, filters, cap), fmt, "events")
    total, exact, rows = views.events(corpus.conn, filters, limit=page.limit, offset=page.offset)
    return listing(total, page, rows, exact)


def event_docs(corpus: Corpus, filters: EventFilters, cap: int) -> Iterator[Document]:
    """The documents of the matching events, each keeping only those events."""
    for doc_id, event_ids in queries.event_keys(corpus.conn, filters, cap):
        doc = corpus.document(doc_id)
        if doc is not None:
            yield exports.only_events(doc, event_ids)


@router.get("/events/timeline", summary="Matching events per month")
def timeline(corpus: CorpusDep,
             filters: EventFiltersDep) -> dict[str, Any]:
    return {"items": queries.timeline(corpus.conn, filters)}


@router.get("/events/{doc_id}/{event_id}", summary="One event, with its merged incident")
def event(doc_id: str, event_id: str, corpus: CorpusDep) -> dict[str, Any]:
    row = queries.event(corpus.conn, params.check_id(doc_id, params.DOC_ID, "event"),
                        params.check_id(event_id, params.EVENT_ID, "event"))
    if row is None:
        raise not_found("event")
    return row


@router.get("/stories", summary="Stories, most outlets first")
def stories(corpus: CorpusDep, page: PageDep,
            min_outlets: int = Query(1, ge=1, le=100)) -> dict[str, Any]:
    rows = corpus.stories(limit=page.limit, offset=page.offset, min_outlets=min_outlets)
    return listing(queries.story_count(corpus.conn, min_outlets), page, rows)


@router.get("/stories/{story_id}", summary="One story compared across outlets (exports: its documents)")
def story(story_id: str, corpus: CorpusDep,
          fmt: FormatDep) -> Any:
    data = corpus.story(params.check_id(story_id, params.STORY_ID, "story"))
    if data is None:
        raise not_found("story")
    if fmt != "json":
        return export_response(corpus.documents(d["id"] for d in data["documents"]), fmt, story_id)
    return data


@router.get("/outlets", summary="Outlets: coverage of multi-outlet stories and framing")
def outlets(corpus: CorpusDep) -> dict[str, Any]:
    rows = corpus.outlets()
    return {"total": len(rows), "items": rows}


@router.get("/outlets/{key}", summary="One outlet's profile against the others")
def outlet(key: str, corpus: CorpusDep) -> dict[str, Any]:
    data = queries.outlet_profile(corpus.conn, params.text_param(key, "outlet") or "")
    if data is None:
        raise not_found("outlet")
    return data


@router.get("/search", summary="Full-text search; snippets with highlight offsets")
def search(corpus: CorpusDep, filters: DocFiltersDep, page: PageDep, fmt: FormatDep, cap: CapDep,
           q: str = Query("", max_length=500, description="words (quote phrases)")) -> Any:
    if fmt != "json":
        hits = corpus.search(q, filters, limit=cap)
        return export_response(corpus.documents(h.doc_id for h in hits), fmt, "search")
    hits = corpus.search(q, filters, limit=page.limit, offset=page.offset)
    return {"query": q, "limit": page.limit, "offset": page.offset, "items": [asdict(h) for h in hits]}


@router.get("/entities/{kb_id}", summary="An entity by kb id: its documents, events and quotes")
def entity(kb_id: str, corpus: CorpusDep) -> dict[str, Any]:
    data = queries.entity(corpus.conn, params.check_id(kb_id, params.KB_ID, "entity"))
    if data is None:
        raise not_found("entity")
    return data
