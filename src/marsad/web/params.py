"""Validation of request parameters: ids by regex, dates, bounding boxes, paging, export formats.

Every check raises :class:`ApiError` 400/404 with a readable message; nothing from a request reaches the
file system or SQL text (values are bound parameters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from marsad.web.errors import bad, not_found

DOC_ID = re.compile(r"[0-9a-f]{16}")
EVENT_ID = re.compile(r"v[0-9]{1,6}")
STORY_ID = re.compile(r"s[0-9a-f]{4,40}")
KB_ID = re.compile(r"[a-z0-9][a-z0-9_\-.]{0,79}")
NAME = re.compile(r"[^\x00-\x1f<>\"'`\\]{1,120}")
FORMATS = ("json", "jsonl", "acled-csv", "geojson")
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments")
MODALITIES = ("asserted", "negated", "future", "hypothetical", "alleged", "any")


def check_id(value: str, pattern: re.Pattern[str], what: str) -> str:
    """``value`` when it matches ``pattern`` entirely; else a 404 (an id that cannot exist)."""
    if not pattern.fullmatch(value or ""):
        raise not_found(what)
    return value


def text_param(value: str | None, name: str, *, max_len: int = 120) -> str | None:
    """A free-text filter: stripped, bounded, without control characters; empty -> None."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if len(value) > max_len or not NAME.fullmatch(value):
        raise bad(f"{name}: expected a name or id of at most {max_len} plain characters")
    return value


def date_param(value: str | None, name: str) -> str | None:
    """An ISO date ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``, taken as the period's first day)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}(-\d\d){0,2}", value):
        padded = {4: value + "-01-01", 7: value + "-01"}.get(len(value), value)
        try:
            return date.fromisoformat(padded).isoformat()
        except ValueError:
            pass
    raise bad(f"{name}: expected a date YYYY-MM-DD, got {value[:40]!r}")


def bbox_param(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees."""
    if value is None or not value.strip():
        return None
    try:
        parts = [float(x) for x in value.split(",")]
    except ValueError:
        raise bad("bbox: expected four numbers west,south,east,north") from None
    if len(parts) != 4 or any(x != x for x in parts):
        raise bad("bbox: expected four numbers west,south,east,north")
    west, south, east, north = parts
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise bad("bbox: need -180 <= west <= east <= 180 and -90 <= south <= north <= 90")
    return west, south, east, north


def choice(value: str | None, name: str, options: tuple[str, ...]) -> str | None:
    if value is None or value == "":
        return None
    if value not in options:
        raise bad(f"{name}: expected one of {', '.join(options)}")
    return value


@dataclass
class Page:
    limit: int
    offset: int


def page_param(limit: int | None, offset: int | None, *, default: int = 50, most: int = 500) -> Page:
    limit = default if limit is None else limit
    offset = 0 if offset is None else offset
    if not 1 <= limit <= most:
        raise bad(f"limit: expected 1..{most}")
    if not 0 <= offset <= 10_000_000:
        raise bad("offset: expected 0..10000000")
    return Page(limit, offset)
