"""Reading inputs: paths, directories and stdin, each input an article or an error record.

``read_paths`` never raises on bad input: a missing path, an unreadable, binary, empty or oversize
file, a broken record, all become :class:`~marsad.errors.InputError` items and the iteration goes on.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from marsad.document import Source
from marsad.errors import InputError, MarsadError
from marsad.ingest.article import Article
from marsad.ingest.build import article_from_bytes, article_from_html
from marsad.ingest.encoding import decode
from marsad.ingest.feeds import FEED_SUFFIXES, is_feed, iter_feed
from marsad.ingest.options import IngestOptions
from marsad.ingest.records import iter_csv, iter_json, iter_jsonl, records_from_json_text

Item = Article | InputError
RECORD_READERS: dict[str, Callable[[Path, IngestOptions], Iterator[Item]]] = {
    ".jsonl": iter_jsonl, ".ndjson": iter_jsonl, ".json": iter_json, ".csv": iter_csv, ".tsv": iter_csv,
}
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
STDIN = "-"
_CHUNK = 1 << 20


def _os_error(exc: OSError, source: Source) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("E_NOT_FOUND", f"no such file or directory: {source.path}", source)
    reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
    return InputError("E_UNREADABLE", f"cannot read {source.path}: {reason}", source)


def _guarded(items: Iterator[Item], source: Source) -> Iterator[Item]:
    """``items``, with any exception turned into a final error record for ``source``."""
    try:
        yield from items
    except OSError as exc:
        yield _os_error(exc, source)
    except MarsadError as exc:
        yield InputError(exc.code, exc.message, source)
    except Exception as exc:  # a bug must not stop the batch; report it as one
        yield InputError("E_ANALYZE", f"unexpected error while reading ({exc!r}); please report it", source)


def _read_limited(fh: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes (one more than allowed tells the input is too large)."""
    return fh.read(limit + 1)


def _too_large(size: int, limit: int, source: Source) -> InputError:
    return InputError("E_TOO_LARGE", f"input of {size:,}+ bytes exceeds the limit of {limit:,} bytes", source)


def _single(path: Path, options: IngestOptions) -> Item:
    source = Source(path=str(path))
    size = path.stat().st_size
    if size > options.max_bytes:
        return _too_large(size, options.max_bytes, source)
    with path.open("rb") as fh:
        data = _read_limited(fh, options.max_bytes)
    if len(data) > options.max_bytes:
        return _too_large(len(data), options.max_bytes, source)
    if path.suffix.lower() in HTML_SUFFIXES and data.strip():
        return _html_file(data, source, options)
    return article_from_bytes(data, source, options)


def _html_file(data: bytes, source: Source, options: IngestOptions) -> Item:
    try:
        text, encoding = decode(data)
        return article_from_html(text, dataclasses.replace(source, encoding=encoding), options)
    except MarsadError as exc:
        return InputError(exc.code, exc.message, source)


def read_file(path: str | Path, options: IngestOptions | None = None) -> Iterator[Item]:
    """Articles of one file: a record file (``.jsonl``, ``.json``, ``.csv``, ``.tsv``, an RSS/Atom
    ``.rss``/``.atom``/``.xml`` feed) or one article."""
    options = options or IngestOptions()
    path = Path(path)
    yield from _guarded(_file_items(path, options), Source(path=str(path)))


def _file_items(path: Path, options: IngestOptions) -> Iterator[Item]:
    mode = path.stat().st_mode  # a missing file is E_NOT_FOUND whatever its kind
    if not stat.S_ISREG(mode):  # opening a FIFO blocks until a writer comes; a device never ends
        reason = "not a regular file (a FIFO, device or socket); pipe it to standard input (-) instead"
        yield InputError("E_UNREADABLE", f"cannot read {path}: {reason}", Source(path=str(path)))
        return
    suffix = path.suffix.lower()
    reader = RECORD_READERS.get(suffix)
    if reader is None and suffix in FEED_SUFFIXES and _sniff_feed(path):
        reader = iter_feed
    if reader is not None:
        yield from reader(path, options)
    else:
        yield _single(path, options)


def _sniff_feed(path: Path) -> bool:
    with path.open("rb") as fh:
        return is_feed(fh.read(2048))


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__pycache__"


def walk(root: Path) -> tuple[list[Path], list[InputError]]:
    """Files under ``root``, recursively, sorted by path, skipping hidden ones and ``__pycache__``."""
    files: list[Path] = []
    errors: list[InputError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: errors.append(
            _os_error(e, Source(path=e.filename)))):
        dirnames[:] = [d for d in dirnames if not _hidden(d)]
        files.extend(Path(dirpath) / f for f in filenames if not _hidden(f))
    return sorted(files, key=lambda p: p.relative_to(root).parts), errors


def read_stdin(options: IngestOptions, stream: BinaryIO | None = None) -> Iterator[Item]:
    """Standard input: one article, or JSON/JSONL records when it starts with ``{`` or ``[``."""
    stream = stream or sys.stdin.buffer
    source = Source(path=STDIN)
    data = _read_limited(stream, options.max_bytes)
    if len(data) > options.max_bytes:
        yield _too_large(len(data), options.max_bytes, source)
        return
    if data.lstrip()[:1] in (b"{", b"["):
        text, encoding = decode(data)
        yield from records_from_json_text(text, dataclasses.replace(source, encoding=encoding), options)
        return
    yield article_from_bytes(data, source, options)


def _read_one(target: str | Path, options: IngestOptions) -> Iterator[Item]:
    if str(target) == STDIN:
        yield from _guarded(read_stdin(options), Source(path=STDIN))
        return
    path = Path(target)
    if not path.is_dir():
        yield from read_file(path, options)
        return
    files, errors = walk(path)
    yield from errors
    for file in files:
        yield from read_file(file, options)


def read_paths(paths: Sequence[str | Path], options: IngestOptions | None = None) -> Iterator[Item]:
    """Every article of ``paths`` in input order (``"-"`` is stdin); errors are items, never raised."""
    options = options or IngestOptions()
    for target in paths:
        yield from _guarded(_read_one(target, options), Source(path=str(target)))


def _lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _feed_items(path: Path) -> int:
    count = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):  # a tag cut at a chunk border is missed: an estimate
            count += chunk.count(b"<item") + chunk.count(b"<entry")
    return count


def _count_file(path: Path) -> int:
    suffix = path.suffix.lower()
    try:
        if not path.is_file():  # a FIFO or device is not opened just to be counted
            return 1
        if suffix in (".jsonl", ".ndjson"):
            return max(1, _lines(path))
        if suffix in (".csv", ".tsv"):
            return max(1, _lines(path) - 1)
        if suffix in FEED_SUFFIXES:
            return max(1, _feed_items(path))
    except OSError:
        return 1
    return 1


def count_inputs(paths: Sequence[str | Path], options: IngestOptions | None = None) -> int:
    """A cheap estimate of how many items :func:`read_paths` yields (for a progress bar).

    Counts files, lines of JSONL files, lines of CSV files (minus the header) and items of feeds;
    a ``.json`` file or stdin counts as one.
    """
    total = 0
    for target in paths:
        path = Path(target)
        if str(target) == STDIN or not path.is_dir():
            total += 1 if str(target) == STDIN else _count_file(path)
            continue
        files, errors = walk(path)
        total += len(errors) + sum(_count_file(f) for f in files)
    return total
