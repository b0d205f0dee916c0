"""The analyst's desk: a FastAPI app serving a JSON API and server-rendered Arabic (RTL) pages.

``create_app(WebSettings(db=...))`` builds the app; ``marsad serve`` runs it with uvicorn. Importing this
package is cheap: FastAPI and the corpus load when the app is created.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.web.settings import WebSettings

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["WebSettings", "create_app"]


def create_app(settings: WebSettings) -> FastAPI:
    """The web application over ``settings.db`` (see :mod:`marsad.web.app`)."""
    from marsad.web.app import create_app as _create

    return _create(settings)
