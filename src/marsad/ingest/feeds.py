"""RSS 2.0 and Atom feeds: each item becomes a record (``FILE#N``, N = 1-based item index).

An item's ``content:encoded`` / Atom ``content`` (or else its description / summary) is the text,
cleaned as HTML when it holds markup; title, link, publication date and guid/id fill the record.
Parsed with lxml without entity resolution or network access.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.document import Source
from marsad.errors import InputError, MarsadError
from marsad.ingest.article import Article
from marsad.ingest.encoding import decode
from marsad.ingest.options import IngestOptions, default_fields
from marsad.ingest.records import record_article

Item = Article | InputError
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
# record key -> element local names that provide it, best first
_FIELDS = {
    "text": ("encoded", "content", "description", "summary"),
    "title": ("title",),
    "url": ("link",),
    "date": ("pubDate", "published", "updated", "date"),
    "id": ("guid", "id"),
}


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _value(node: Any) -> str | None:
    if _local(node.tag) == "link" and node.get("href"):
        return str(node.get("href"))
    text = "".join(node.itertext()).strip()
    return text or None


def _record(item: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for child in item:
        value = _value(child)
        if value is not None:
            found.setdefault(_local(child.tag), value)
    record = {}
    for key, names in _FIELDS.items():
        value = next((found[n] for n in names if n in found), None)
        if value is not None:
            record[key] = value
    return record


def _items(data: bytes) -> list[Any]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise MarsadError("E_PARSE", f"the feed is not well-formed XML ({exc})") from exc
    return [el for el in root.iter() if _local(el.tag) in ("item", "entry")]


def is_feed(data: bytes) -> bool:
    """Whether XML bytes are an RSS or Atom feed (by their root element)."""
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def iter_feed(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Items of an RSS/Atom file, each as a record (bounded as a whole by ``max_json_bytes``)."""
    base = Source(path=str(path))
    size = path.stat().st_size
    if size > options.max_json_bytes:
        yield InputError("E_TOO_LARGE", f"feed of {size:,} bytes exceeds the limit", base)
        return
    with path.open("rb") as fh:
        data = fh.read(options.max_json_bytes + 1)
    _, encoding = decode(data)
    base = dataclasses.replace(base, encoding=encoding)
    items = _items(data)
    options = dataclasses.replace(options, fields=default_fields())  # feed records use our own keys
    if not items:
        yield InputError("E_EMPTY", "the feed has no items", base)
    for index, item in enumerate(items, start=1):
        source = dataclasses.replace(base, path=f"{path}#{index}")
        yield record_article(_record(item), source, options)
