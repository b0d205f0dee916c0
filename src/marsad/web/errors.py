"""One envelope for every error: ``{"error": {"code", "message"}}`` with a clear 4xx status.

Pages get the same status with an HTML page; anything unexpected is logged and answered 500 with the
envelope (never a traceback).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("marsad.web")

STATUS_CODES = {400: "E_PARAM", 401: "E_UNAUTHORIZED", 403: "E_FORBIDDEN", 404: "E_NOT_FOUND",
                405: "E_METHOD", 413: "E_TOO_LARGE", 415: "E_MEDIA_TYPE", 422: "E_PARAM", 500: "E_INTERNAL"}


class ApiError(Exception):
    """An error answered as the envelope with ``status``."""

    def __init__(self, status: int, message: str, code: str | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "E_PARAM")
        self.message = message


def envelope(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def bad(message: str) -> ApiError:
    """A 400 for a bad parameter."""
    return ApiError(400, message, "E_PARAM")


def not_found(what: str) -> ApiError:
    return ApiError(404, f"{what} not found", "E_NOT_FOUND")


def validation_message(errors: list[dict[str, Any]]) -> str:
    """A short readable message from FastAPI's validation errors."""
    parts = []
    for err in errors[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"
