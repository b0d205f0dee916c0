"""From decoded text, HTML or bytes to an :class:`Article`: cleaning plus metadata.

Outlet resolution, first hit wins: the outlet named by the input (a record's outlet field, an HTML
page's site name) when the registry knows it; the URL's domain; a sign-off or "PLACE — OUTLET"
dateline in the text; the named outlet as given (display name, no id); ``options.default_outlet``.
Publication date: the input's own (record field, HTML metadata), else a dateline of the text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata

from marsad.document import DateValue, Source
from marsad.errors import InputError, MarsadError
from marsad.ingest.article import Article
from marsad.ingest.clean import Cleaned, clean
from marsad.ingest.dates import parse_date_value
from marsad.ingest.encoding import decode
from marsad.ingest.fold import fold
from marsad.ingest.html import extract_html, looks_like_html
from marsad.ingest.lines import LINE_BREAKS
from marsad.ingest.options import IngestOptions
from marsad.ingest.outlets import OutletRegistry, load_outlets

_FIRST_LINE = re.compile(f"[^{LINE_BREAKS}]*")


def article_id(text: str) -> str:
    """Stable content id: the first 16 hex digits of the SHA-256 of the NFC-normalised text."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()[:16]


def registry_for(options: IngestOptions | None) -> OutletRegistry:
    """The outlet registry with the options' extra outlet files."""
    return load_outlets(options.outlet_files if options else ())


def resolve_outlet(registry: OutletRegistry, *, name: str | None = None, url: str | None = None,
                   found: list[str] | tuple[str, ...] = (), default: str | None = None
                   ) -> tuple[str | None, str | None]:
    """``(display name, registry id)`` of the outlet (see the module docstring for the order)."""
    outlet = registry.by_name(name) or registry.by_domain(url)
    if outlet is None:
        outlet = next((o for o in map(registry.get, found) if o is not None), None)
    if outlet is not None:
        return outlet.name_en, outlet.id
    if name and name.strip():
        return name.strip(), None
    known = registry.by_name(default)
    if known is not None:
        return known.name_en, known.id
    return default, None


def _with_title(raw: str, title: str | None) -> str:
    """``raw`` headed by ``title`` (unless it already starts with it)."""
    if not title or not title.strip():
        return raw
    match = _FIRST_LINE.match(raw)          # (usually not blank) no split of the whole text
    first = match.group() if match else ""
    if not first.strip():
        first = next((ln for ln in raw.splitlines() if ln.strip()), "")
    return raw if fold(first) == fold(title) else f"{title.strip()}\n\n{raw}"


def _article(cleaned: Cleaned, source: Source, options: IngestOptions | None, registry: OutletRegistry,
             *, published: DateValue | None = None, fmt: str = "text", site: str | None = None,
             host: str | None = None) -> Article:
    if not cleaned.text.strip():
        raise MarsadError("E_EMPTY", "no article text is left once boilerplate is removed")
    display, oid = resolve_outlet(
        registry, name=source.outlet or site, url=source.url or host, found=cleaned.outlet_ids,
        default=options.default_outlet if options else None,
    )
    source = dataclasses.replace(source, outlet=display, outlet_id=source.outlet_id or oid)
    return Article(
        text=cleaned.text, source=source, title=cleaned.title,
        published=published or cleaned.published, removed=cleaned.removed, format=fmt,
        updated=cleaned.stamps[0] if cleaned.stamps else None,
    )


def article_from_text(raw: str, source: Source, options: IngestOptions | None = None, *,
                      title: str | None = None, published: DateValue | None = None) -> Article:
    """Clean scraped plain text into an article; raises ``MarsadError(E_EMPTY)`` when nothing is left.

    ``title`` (a record's title field) is put first when the text does not already start with it.
    """
    registry = registry_for(options)
    raw = _with_title(raw, title)
    cleaned = clean(raw, outlets=registry, title_first=bool(title and title.strip()))
    return _article(cleaned, source, options, registry, published=published)


def article_from_html(html: str, source: Source, options: IngestOptions | None = None, *,
                      published: DateValue | None = None, title: str | None = None) -> Article:
    """An article from an HTML page: trafilatura's main text, cleaned, and the page's metadata.

    ``title`` (a record's title field) stands in when the page has none of its own.
    """
    registry = registry_for(options)
    parts = extract_html(html, source.url)
    heading = parts.title or (title.strip() if title and title.strip() else None)
    raw = _with_title(parts.body, heading)
    cleaned = clean(raw, outlets=registry, title_first=bool(heading))
    source = dataclasses.replace(source, url=source.url or parts.url)
    return _article(cleaned, source, options, registry, published=published or parse_date_value(parts.date),
                    fmt="html", site=parts.sitename, host=parts.hostname)


def article_from_bytes(data: bytes, source: Source,
                       options: IngestOptions | None = None) -> Article | InputError:
    """Decode ``data`` (encoding detected, recorded in ``source.encoding``), then HTML or text."""
    limit = (options or IngestOptions()).max_bytes
    try:
        if len(data) > limit:
            raise MarsadError("E_TOO_LARGE", f"input of {len(data):,} bytes exceeds the limit of {limit:,}")
        if not data.strip():
            raise MarsadError("E_EMPTY", "the input is empty")
        text, encoding = decode(data)
        source = dataclasses.replace(source, encoding=encoding)
        if not text.strip():
            raise MarsadError("E_EMPTY", "the input holds only whitespace")
        if looks_like_html(text):
            return article_from_html(text, source, options)
        return article_from_text(text, source, options)
    except MarsadError as exc:
        return InputError(exc.code, exc.message, source)
