"""Ingest: raw bytes to a cleaned :class:`Article` with its metadata.

Readers (text, HTML, JSON/JSONL, CSV, RSS/Atom feeds, directories, stdin), encoding detection (UTF-8, UTF-16,
Windows-1256), boilerplate removal that keeps every dropped range by offset, title / dateline /
outlet detection against the outlet registry, and content-hash ids.
"""

from marsad.ingest.article import Article
from marsad.ingest.build import article_from_bytes, article_from_html, article_from_text, article_id
from marsad.ingest.clean import Cleaned, Segment, clean
from marsad.ingest.encoding import decode
from marsad.ingest.options import DEFAULT_FIELDS, IngestOptions
from marsad.ingest.outlets import Outlet, OutletRegistry, load_outlets
from marsad.ingest.readers import count_inputs, read_file, read_paths

__all__ = [
    "DEFAULT_FIELDS",
    "Article",
    "Cleaned",
    "IngestOptions",
    "Outlet",
    "OutletRegistry",
    "Segment",
    "article_from_bytes",
    "article_from_html",
    "article_from_text",
    "article_id",
    "clean",
    "count_inputs",
    "decode",
    "load_outlets",
    "read_file",
    "read_paths",
]
