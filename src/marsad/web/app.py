"""The FastAPI application: API and page routers, static files, the error envelope, security headers."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.web import api, api_write, pages
from marsad.web.db import CorpusPool
from marsad.web.errors import STATUS_CODES, ApiError, envelope, log, validation_message
from marsad.web.security import SecurityMiddleware
from marsad.web.settings import STATIC_DIR, WebSettings

DESCRIPTION = """Marsad's corpus as JSON: documents (the `marsad/1` contract), ACLED-typed events, stories
compared across outlets, outlet profiles, search, entities; analysis of one article. Lists take
`?format=jsonl|acled-csv|geojson` for a streamed export. Errors: `{"error": {"code", "message"}}`."""


def create_app(settings: WebSettings) -> FastAPI:
    """The app over ``settings.db``; the corpus is opened lazily, per thread, read-only."""
    app = FastAPI(title="Marsad", version=__version__, description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json")
    app.state.settings = settings
    app.state.pool = CorpusPool(settings.db)
    app.include_router(api.router)
    app.include_router(api_write.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR, follow_symlink=False), name="static")
    app.add_middleware(SecurityMiddleware, max_body=settings.max_body)
    _handlers(app)
    app.router.add_event_handler("shutdown", app.state.pool.close)
    return app


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.startswith("/openapi") or \
        ("application/json" in (request.headers.get("accept") or "") and "text/html" not in \
        (request.headers.get("accept") or ""))


def error_response(request: Request, status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse(envelope(code, message), status_code=status, headers=headers)
    return pages.error_page(request, status, code, message)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        headers = {"www-authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(request, exc.status, exc.code, exc.message, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 400, "E_PARAM", validation_message(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404:
            message = "not found"
        return error_response(request, exc.status_code, STATUS_CODES.get(exc.status_code, "E_PARAM"),
                              message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse(envelope("E_INTERNAL", "internal error (logged)"), status_code=500)


def configure_logging(level: int = logging.INFO) -> Any:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return log
