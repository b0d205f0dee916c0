"""HTML pages: main text and metadata through trafilatura, with plain fallbacks."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html import unescape
from typing import Any

_TAG_NAMES = "p|div|br|span|a|h[1-6]|body|head|article|section|li|ul|table|td|meta|script"
_TAGS = re.compile(rf"<\s*/?\s*(?:{_TAG_NAMES})\b", re.IGNORECASE)
_SCRIPTS = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCKS = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li|/tr|/section|/article)\b[^>]*>", re.IGNORECASE)
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " « ")
log = logging.getLogger(__name__)


@dataclass(slots=True)
class HtmlParts:
    """What a page gives: title, main text (one paragraph a line), date string, site name, URL."""

    title: str | None = None
    body: str = ""
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    hostname: str | None = None


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML page or fragment rather than plain text."""
    if text.find("<", 0, 20000) < 0:    # (plain text) no tag can open: no lower-cased head, no tag scan
        return False
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in head[:1024]:
        return True
    if _TAGS.match(head):  # a fragment that opens with a known tag ("<p>...</p>")
        return True
    return len(_TAGS.findall(text[:20000])) >= 3


def _trafilatura(html: str, url: str | None) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, favor_recall=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises many kinds on odd markup; fall back below
        log.debug("trafilatura failed: %r", exc)
        return None


def _strip_tags(html: str) -> str:
    """Last resort: drop scripts and styles, break lines at block tags, remove the other tags."""
    text = _SCRIPTS.sub(" ", html)
    text = _BLOCKS.sub("\n", text)
    return unescape(re.sub(r"<[^>]+>", "", text))


def _fallback_body(html: str) -> str:
    import trafilatura

    try:
        body = trafilatura.baseline(html)[1] or ""
    except Exception as exc:  # same as above: never let a bad page stop the batch
        log.debug("trafilatura baseline failed: %r", exc)
        body = ""
    return body if body.strip() else _strip_tags(html)


def strip_site_suffix(title: str | None, sitename: str | None) -> str | None:
    """``"Headline | Site"`` -> ``"Headline"`` when the suffix is the site name."""
    if not title:
        return None
    title = title.strip()
    if sitename:
        for sep in _TITLE_SEPARATORS:
            for form in (sep + sitename.strip(), sitename.strip() + sep):
                if title.endswith(form) and len(title) > len(form):
                    return title[: -len(form)].strip()
                if title.startswith(form) and len(title) > len(form):
                    return title[len(form):].strip()
    return title or None


def extract_html(html: str, url: str | None = None) -> HtmlParts:
    """Title, main text and metadata of a page; the main text falls back to a plain tag strip."""
    if "<body" not in html[:20000].lower():
        html = f"<html><body>{html}</body></html>"  # a fragment (feed or record text)
    doc = _trafilatura(html, url)
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not body.strip():
        body = _fallback_body(html)
    sitename = getattr(doc, "sitename", None) if doc is not None else None
    return HtmlParts(
        title=strip_site_suffix(getattr(doc, "title", None), sitename) if doc is not None else None,
        body=body,
        date=getattr(doc, "date", None) if doc is not None else None,
        sitename=sitename,
        url=(getattr(doc, "url", None) if doc is not None else None) or url,
        hostname=getattr(doc, "hostname", None) if doc is not None else None,
    )
