"""Settings of ingest, shared by every reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# role -> accepted column / field names of JSON and CSV records (matched case-insensitively, in order)
DEFAULT_FIELDS: dict[str, list[str]] = {
    "text": ["text", "body", "content", "article", "full_text", "fulltext", "النص", "المحتوى"],
    "html": ["html", "raw_html"],
    "title": ["title", "headline", "heading", "العنوان"],
    "url": ["url", "link", "href", "permalink", "الرابط"],
    "date": ["date", "published", "pubdate", "pub_date", "published_at", "publish_date", "datetime",
             "timestamp", "التاريخ"],
    "outlet": ["outlet", "source", "site", "site_name", "sitename", "publisher", "المصدر"],
    "id": ["id", "guid", "uid", "uuid", "record_id", "doc_id", "المعرف"],
}


def default_fields() -> dict[str, list[str]]:
    """A fresh copy of :data:`DEFAULT_FIELDS`."""
    return {role: list(names) for role, names in DEFAULT_FIELDS.items()}


@dataclass(slots=True)
class IngestOptions:
    """How inputs are read.

    ``max_bytes`` bounds one article (a text/HTML file, stdin, or one JSONL line / CSV row; JSONL and
    CSV files are streamed, so only their records are bounded).  ``max_json_bytes`` bounds a whole
    ``.json`` file, which is parsed at once.  ``fields`` maps a role (text, html, title, url, date,
    outlet, id) to the record keys accepted for it.  ``outlet_files`` are extra registries with the
    layout of ``kb/data/outlets.yaml``; ``default_outlet`` names the outlet (a registry id or name, or
    any display name) of inputs where none is found.
    """

    max_bytes: int = 5_000_000
    fields: dict[str, list[str]] = field(default_factory=lambda: default_fields())
    outlet_files: list[Path] = field(default_factory=list)
    default_outlet: str | None = None
    max_json_bytes: int = 200_000_000
    csv_delimiter: str | None = None

    def names(self, role: str) -> list[str]:
        """Accepted keys for ``role``, falling back to the defaults for roles not configured."""
        return self.fields.get(role) or DEFAULT_FIELDS.get(role, [])
