"""Server-rendered pages (Jinja2, autoescaped, RTL Arabic). Each page names its JSON twin under /api."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from marsad.corpus import views
from marsad.web import params, queries
from marsad.web.deps import CorpusDep, DocFiltersDep, EventFiltersDep, PageDep
from marsad.web.errors import not_found
from marsad.web.highlight import document_view, snippet_segments
from marsad.web.params import Page
from marsad.web.settings import TEMPLATE_DIR, vendor_ready

router = APIRouter(include_in_schema=False)
EXPORTS = (("jsonl", "JSONL"), ("acled-csv", "ACLED CSV"), ("geojson", "GeoJSON"))
MAP_POINTS = 2000   # the events map shows the latest matching events, at most this many


@lru_cache(maxsize=1)
def templates() -> Any:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["num"] = lambda v: "–" if v is None else f"{v:,}"
    env.filters["pct"] = lambda v: "–" if v is None else f"{v:.0%}"
    env.globals.update(exports=EXPORTS, url_with=url_with)
    return env


def render(request: Request, name: str, *, twin: str | None, status: int = 200, **ctx: Any) -> Response:
    html = templates().get_template(name).render(
        request=request, twin=twin, vendor=vendor_ready(), path=request.url.path, **ctx)
    return HTMLResponse(html, status_code=status)


def url_with(request: Request, base: str, **changes: Any) -> str:
    """``base`` with the request's query string, ``changes`` applied (None removes a key)."""
    query = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = str(value)
    return base + ("?" + urlencode(query) if query else "")


def error_page(request: Request, status: int, code: str, message: str) -> Response:
    return render(request, "error.html", twin=None, status=status, code=code, message=message,
                  title=f"{status}")


def pager(request: Request, page: Page, total: int | None, shown: int, exact: bool = True) -> dict[str, Any]:
    more = (page.offset + shown < total or not exact) if total is not None else shown == page.limit
    return {"offset": page.offset, "limit": page.limit, "total": total, "exact": exact, "shown": shown,
            "prev": url_with(request, request.url.path, offset=max(0, page.offset - page.limit) or None)
            if page.offset else None,
            "next": url_with(request, request.url.path, offset=page.offset + page.limit) if more else None}


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, corpus: CorpusDep) -> Response:
    return render(request, "overview.html", twin="/api/overview", title="نظرة عامة",
                  counts=corpus.counts(), **queries.overview(corpus.conn))


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, corpus: CorpusDep,
              filters: DocFiltersDep, page: PageDep) -> Response:
    total, rows = queries.documents(corpus.conn, filters, limit=page.limit, offset=page.offset)
    return render(request, "documents.html", twin=url_with(request, "/api/documents"), title="الوثائق",
                  rows=rows, filters=filters, pager=pager(request, page, total, len(rows)),
                  outlets=queries.outlet_names(corpus.conn))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, corpus: CorpusDep) -> Response:
    doc = corpus.document(params.check_id(doc_id, params.DOC_ID, "document"))
    if doc is None:
        raise not_found("document")
    view = document_view(doc, queries.framing_marks(corpus.conn, doc.id))
    return render(request, "document.html", twin=f"/api/documents/{doc.id}", title=doc.title or doc.id,
                  doc=doc, view=view, story_id=queries.story_of(corpus.conn, doc.id))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, corpus: CorpusDep,
           filters: EventFiltersDep, page: PageDep) -> Response:
    total, exact, rows = views.events(corpus.conn, filters, limit=page.limit, offset=page.offset)
    return render(request, "events.html", twin=url_with(request, "/api/events"), title="الأحداث",
                  rows=rows, filters=filters, pager=pager(request, page, total, len(rows), exact),
                  event_types=params.EVENT_TYPES, outlets=queries.outlet_names(corpus.conn),
                  geo_url=url_with(request, "/api/events", format="geojson", limit=MAP_POINTS, offset=None),
                  timeline_url=url_with(request, "/api/events/timeline", limit=None, offset=None))


@router.get("/events/{doc_id}/{event_id}", response_class=HTMLResponse)
def event(request: Request, doc_id: str, event_id: str, corpus: CorpusDep) -> Response:
    row = queries.event(corpus.conn, params.check_id(doc_id, params.DOC_ID, "event"),
                        params.check_id(event_id, params.EVENT_ID, "event"))
    if row is None:
        raise not_found("event")
    return render(request, "event.html", twin=f"/api/events/{doc_id}/{event_id}",
                  title=f"{row['event_type']} — {row['location'] or ''}", ev=row)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, corpus: CorpusDep, page: PageDep,
            min_outlets: int = Query(1, ge=1, le=100)) -> Response:
    rows = corpus.stories(limit=page.limit, offset=page.offset, min_outlets=min_outlets)
    total = queries.story_count(corpus.conn, min_outlets)
    return render(request, "stories.html", twin=url_with(request, "/api/stories"), title="القصص",
                  rows=rows, pager=pager(request, page, total, len(rows)), min_outlets=min_outlets)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, corpus: CorpusDep) -> Response:
    data = corpus.story(params.check_id(story_id, params.STORY_ID, "story"))
    if data is None:
        raise not_found("story")
    return render(request, "story.html", twin=f"/api/stories/{story_id}", title=data["title"] or story_id,
                  story=data, columns=story_columns(data))


def story_columns(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One column per outlet covering the story, in order of first publication."""
    seen: dict[str, dict[str, Any]] = {}
    for d in data["documents"]:
        key = d["outlet"] or d["outlet_id"] or "?"
        column = seen.setdefault(key, {"outlet": key, "outlet_id": d["outlet_id"], "documents": []})
        column["documents"].append(d)
    return list(seen.values())


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request, corpus: CorpusDep) -> Response:
    return render(request, "outlets.html", twin="/api/outlets", title="المنافذ الإعلامية",
                  rows=corpus.outlets())


@router.get("/outlets/{key}", response_class=HTMLResponse)
def outlet(request: Request, key: str, corpus: CorpusDep) -> Response:
    data = queries.outlet_profile(corpus.conn, params.text_param(key, "outlet") or "")
    if data is None:
        raise not_found("outlet")
    return render(request, "outlet.html", twin=f"/api/outlets/{data['id']}", title=data["name"] or key,
                  outlet=data)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, corpus: CorpusDep, filters: DocFiltersDep, page: PageDep,
           q: str = Query("", max_length=500)) -> Response:
    hits = corpus.search(q, filters, limit=page.limit, offset=page.offset) \
        if q.strip() else []
    rows = [{"hit": h, "pieces": snippet_segments(h.snippet, h.highlights)} for h in hits]
    return render(request, "search.html", twin=url_with(request, "/api/search"), title="بحث", q=q,
                  rows=rows, filters=filters, pager=pager(request, page, None, len(rows)),
                  outlets=queries.outlet_names(corpus.conn))


@router.get("/entities/{kb_id}", response_class=HTMLResponse)
def entity(request: Request, kb_id: str, corpus: CorpusDep) -> Response:
    data = queries.entity(corpus.conn, params.check_id(kb_id, params.KB_ID, "entity"))
    if data is None:
        raise not_found("entity")
    return render(request, "entity.html", twin=f"/api/entities/{kb_id}", title=data["canonical"], ent=data)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    return render(request, "apidocs.html", twin="/openapi.json", title="API")
