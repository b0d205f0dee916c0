"""Settings of the web app, declared once (read by ``marsad serve``, the app and the docs)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATE_DIR = Path(__file__).parent / "templates"
VENDOR_DIR = STATIC_DIR / "vendor"


@dataclass
class WebSettings:
    """What the server serves and what it allows."""

    db: Path
    allow_ingest: bool = False      # POST /api/ingest enabled (it also needs ``token``)
    token: str | None = None        # Bearer token for writes; default from env MARSAD_TOKEN
    max_body: int = 2_000_000       # bytes; larger request bodies get 413
    max_page: int = 500             # largest ``limit`` of a list endpoint
    max_export: int = 100_000       # most records one export streams

    def __post_init__(self) -> None:
        self.db = Path(self.db)
        if self.token is None:
            self.token = os.environ.get("MARSAD_TOKEN") or None


def vendor_ready() -> dict[str, bool]:
    """Which vendored asset groups are present (built by ``tools/vendor_assets.py``)."""
    return {
        "leaflet": (VENDOR_DIR / "leaflet" / "leaflet.js").is_file(),
        "outlines": (VENDOR_DIR / "outlines.geojson").is_file(),
        "font": (VENDOR_DIR / "fonts" / "fonts.css").is_file(),
        "swagger": (VENDOR_DIR / "swagger" / "swagger-ui-bundle.js").is_file(),
    }
