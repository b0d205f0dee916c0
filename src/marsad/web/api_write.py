"""``POST /api/analyze`` (text or HTML in, contract JSON out) and ``POST /api/ingest`` (token only).

Bodies: ``text/plain`` or ``text/html`` as is, or JSON ``{"text"|"html": ..., "url", "outlet", "title"}``.
The size limit is enforced by :class:`marsad.web.security.SecurityMiddleware` before the body is read.
"""

from __future__ import annotations

import hmac
import json
import threading
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from marsad.document import Document, Source
from marsad.errors import MarsadError
from marsad.web.deps import SettingsDep
from marsad.web.errors import ApiError, bad
from marsad.web.settings import WebSettings

router = APIRouter(prefix="/api", tags=["analysis"])
_LOCK = threading.Lock()
BODY_DOC = {"requestBody": {"required": True, "content": {
    "text/plain": {"schema": {"type": "string"}},
    "text/html": {"schema": {"type": "string"}},
    "application/json": {"schema": {"type": "object", "properties": {
        "text": {"type": "string"}, "html": {"type": "string"}, "url": {"type": "string"},
        "outlet": {"type": "string"}, "title": {"type": "string"}}}},
}}}


async def read_input(request: Request) -> dict[str, str | None]:
    """The article from the body: {"text" or "html", "url", "outlet", "title"}."""
    media = (request.headers.get("content-type") or "text/plain").split(";")[0].strip().lower()
    raw = await request.body()
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise bad("the body must be UTF-8") from None
    if media == "application/json":
        return _json_input(body)
    if media in ("text/plain", "text/html"):
        return {"text": body} if media == "text/plain" else {"html": body}
    raise ApiError(415, "send text/plain, text/html or application/json", "E_MEDIA_TYPE")


def _json_input(body: str) -> dict[str, str | None]:
    try:
        data = json.loads(body)
    except ValueError:
        raise bad("the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise bad('expected a JSON object {"text": ...} or {"html": ...}')
    fields = {k: data.get(k) for k in ("text", "html", "url", "outlet", "title")}
    if any(v is not None and not isinstance(v, str) for v in fields.values()):
        raise bad("text, html, url, outlet and title must be strings")
    if not (fields["text"] or fields["html"]):
        raise bad('give "text" or "html"')
    return fields


def analyze_input(item: dict[str, str | None]) -> Document:
    """Clean and analyse one article (serialised: the pipeline is shared)."""
    from marsad.ingest import article_from_html, article_from_text
    from marsad.pipeline import default_pipeline

    source = Source(url=item.get("url"), outlet=item.get("outlet"))
    try:
        if item.get("html"):
            article = article_from_html(item["html"] or "", source, title=item.get("title"))
        else:
            article = article_from_text(item.get("text") or "", source, title=item.get("title"))
    except MarsadError as exc:
        raise ApiError(422 if exc.code == "E_EMPTY" else 400, exc.message, exc.code) from exc
    with _LOCK:
        return default_pipeline().analyze(article)


@router.post("/analyze", summary="Analyse one article (text or HTML) and return the contract JSON",
             openapi_extra=BODY_DOC)
async def analyze(request: Request) -> dict[str, Any]:
    item = await read_input(request)
    doc = await run_in_threadpool(analyze_input, item)
    return doc.to_dict()


def check_token(request: Request, settings: WebSettings) -> None:
    """403 unless ingest is enabled; 401 without a Bearer token; 403 with a wrong one."""
    if not settings.allow_ingest or not settings.token:
        raise ApiError(403, "ingest is disabled on this server (start it with --allow-ingest and a token)",
                       "E_FORBIDDEN")
    scheme, _, given = (request.headers.get("authorization") or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "send Authorization: Bearer <token>", "E_UNAUTHORIZED")
    if not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
        raise ApiError(403, "wrong token", "E_FORBIDDEN")


@router.post("/ingest", summary="Analyse one article and store it (needs --allow-ingest and the token)",
             openapi_extra=BODY_DOC)
async def ingest(request: Request, settings: SettingsDep) -> dict[str, Any]:
    check_token(request, settings)
    item = await read_input(request)
    doc = await run_in_threadpool(analyze_input, item)
    pool = request.app.state.pool

    def store() -> dict[str, Any]:
        with pool.writer() as corpus:
            stats = corpus.add([doc])
            found = corpus.refresh()
        return {"id": doc.id, "added": stats.added, "updated": stats.updated,
                "unchanged": stats.unchanged, **found}

    return await run_in_threadpool(store)
