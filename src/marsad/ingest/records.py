"""Files of many articles: JSON Lines, JSON arrays and CSV, streamed where the format allows.

Record paths: ``FILE#N`` where N is the 1-based **line number** in a JSONL file (blank lines count,
so N is what an editor shows), the 1-based **index in the array** of a JSON file, and the 1-based
**data row** of a CSV file (the header row is not counted).  A single JSON object file keeps the
bare ``FILE`` path.  Output keeps input order; a broken record becomes an error and the rest go on.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from marsad.document import Source
from marsad.errors import InputError, MarsadError
from marsad.ingest.article import Article
from marsad.ingest.build import article_from_html, article_from_text
from marsad.ingest.dates import parse_date_value
from marsad.ingest.encoding import decode, stream_encoding
from marsad.ingest.html import looks_like_html
from marsad.ingest.options import IngestOptions

Item = Article | InputError
HEAD_BYTES = 65536
LIST_KEYS = ("articles", "items", "records", "documents", "data", "results")
_SKIP = 65536


def _lookup(obj: dict[Any, Any], names: list[str]) -> Any:
    return _pick(_lowered(obj), names)


def _lowered(obj: dict[Any, Any]) -> dict[str, Any]:
    """The record's fields by trimmed lower-case key (made once per record, read per role)."""
    return {str(k).strip().lower(): v for k, v in obj.items() if k is not None}


def _pick(lowered: dict[str, Any], names: list[str]) -> Any:
    """The first non-empty field of ``names`` in a :func:`_lowered` record."""
    for name in names:
        value = lowered.get(name.lower())
        if value is not None and value != "":
            return value
    return None


def _scalar(value: Any) -> Any:
    """A nested field's usable value: ``{"name": ...}`` -> its name, ``[x, ...]`` -> ``x``."""
    if isinstance(value, dict):
        return next((value[k] for k in ("name", "title", "id", "url", "value") if value.get(k)), None)
    if isinstance(value, list):
        return _scalar(value[0]) if value else None
    return value


def _text_of(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def record_article(obj: Any, source: Source, options: IngestOptions) -> Item:
    """One record (a JSON object or CSV row) to an article or an error; an unexpected failure is this
    record's error, and the file's other records are still read."""
    try:
        return _record_article(obj, source, options)
    except Exception as exc:  # a bug must not cost the rest of the file
        return InputError("E_ANALYZE", f"unexpected error while reading the record ({exc!r}); "
                                       "please report it", source)


def _lone_surrogate(*values: object) -> UnicodeEncodeError | None:
    """The error of encoding the first string of ``values`` holding a lone surrogate (JSON can escape
    one, e.g. ``"\\ud800"``; no UTF-8 text, hence no corpus, can hold it)."""
    for value in values:
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                return exc
    return None


def _record_article(obj: Any, source: Source, options: IngestOptions) -> Item:
    if not isinstance(obj, dict):
        return InputError("E_RECORD", f"the record is a JSON {type(obj).__name__}, not an object", source)
    fields = _lowered(obj)
    text = _text_of(_pick(fields, options.names("text"))) or _text_of(_pick(fields, options.names("html")))
    if text is None:
        wanted = ", ".join(options.names("text"))
        return InputError("E_RECORD", f"the record has no text field (looked for: {wanted})", source)
    rid, url = _scalar(_pick(fields, options.names("id"))), _scalar(_pick(fields, options.names("url")))
    outlet = _scalar(_pick(fields, options.names("outlet")))
    title = _scalar(_pick(fields, options.names("title")))
    source = dataclasses.replace(
        source, record_id=str(rid) if rid is not None else None, url=str(url) if url else source.url,
        outlet=str(outlet).strip() if outlet else source.outlet,
    )
    bad = _lone_surrogate(text, title, rid, url, outlet)
    if bad is not None:
        code = ord(bad.object[bad.start])
        return InputError("E_ENCODING", f"the record holds a lone surrogate (U+{code:04X}): not text",
                          source)
    published = parse_date_value(_scalar(_pick(fields, options.names("date"))))
    try:
        if len(text.encode("utf-8")) > options.max_bytes:
            raise MarsadError("E_TOO_LARGE", f"the record's text exceeds {options.max_bytes:,} bytes")
        if looks_like_html(text):
            return article_from_html(text, source, options, published=published, title=_text_of(title))
        return article_from_text(text, source, options, title=_text_of(title), published=published)
    except MarsadError as exc:
        return InputError(exc.code, exc.message, source)


def _parse_error(exc: json.JSONDecodeError, where: str) -> str:
    return f"{where}: invalid JSON ({exc.msg} at column {exc.colno})"


def _jsonl_line(line: str, number: int, base: Source, options: IngestOptions) -> Item | None:
    if not line.strip():
        return None
    source = dataclasses.replace(base, path=f"{base.path}#{number}")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError("E_PARSE", _parse_error(exc, f"line {number}"), source)
    except RecursionError:
        return InputError("E_PARSE", f"line {number}: JSON nested too deeply", source)
    return record_article(obj, source, options)


def _read_line(reader: io.TextIOWrapper, limit: int) -> tuple[str, bool]:
    """Next line (``""`` at the end) and whether it was longer than ``limit`` (then skipped)."""
    line = reader.readline(limit + 1)
    if len(line) <= limit or line.endswith("\n"):
        return line, False
    while line and not line.endswith("\n"):
        line = reader.readline(_SKIP)
    return " ", True


def _open_text(fh: BinaryIO, newline: str | None) -> tuple[io.TextIOWrapper, str]:
    head = fh.read(HEAD_BYTES)
    fh.seek(0)
    encoding = stream_encoding(head)
    codec = encoding
    if encoding.startswith(("utf-16", "utf-32")) and head[:2] in (b"\xff\xfe", b"\xfe\xff", b"\x00\x00"):
        codec = encoding[:6]  # the BOM-aware codec consumes the byte-order mark
    return io.TextIOWrapper(fh, encoding=codec, errors="strict", newline=newline), encoding


def iter_jsonl(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Records of a JSON Lines file, streamed; each line is bounded by ``options.max_bytes``.

    Byte-oriented files are decoded line by line, so one line in another encoding costs that line
    (``E_ENCODING``) and not the file; UTF-16/32 files are read through a text stream.
    """
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
        fh.seek(0)
        encoding = _lines_encoding(head)
        if encoding.startswith(("utf-16", "utf-32")):
            yield from _iter_jsonl_text(fh, path, options)
            return
        base = Source(path=str(path), encoding=encoding)
        number = 0
        while True:
            number += 1
            raw = fh.readline(options.max_bytes + 1)
            if not raw:
                return
            if len(raw) > options.max_bytes and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):
                    raw = fh.readline(_SKIP)
                source = dataclasses.replace(base, path=f"{path}#{number}")
                yield InputError("E_TOO_LARGE", f"line {number} exceeds {options.max_bytes:,} bytes", source)
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 and encoding == "utf-8" else encoding)
            except UnicodeDecodeError as exc:
                source = dataclasses.replace(base, path=f"{path}#{number}")
                yield InputError("E_ENCODING", f"line {number}: not valid {encoding} ({exc.reason})", source)
                continue
            item = _jsonl_line(line, number, base, options)
            if item is not None:
                yield item


def _lines_encoding(head: bytes) -> str:
    """The encoding of a line-oriented file: UTF-8 when most of its first lines are UTF-8."""
    encoding = stream_encoding(head)
    if encoding.startswith(("utf-8", "utf-16", "utf-32")):
        return "utf-8" if encoding == "utf-8-sig" else encoding
    lines = head.split(b"\n")[:-1] or [head]
    valid = 0
    for line in lines:
        try:
            line.decode("utf-8")
            valid += 1
        except UnicodeDecodeError:
            pass
    return "utf-8" if valid * 2 > len(lines) else encoding


def _iter_jsonl_text(fh: BinaryIO, path: Path, options: IngestOptions) -> Iterator[Item]:
    reader, encoding = _open_text(fh, None)
    base = Source(path=str(path), encoding=encoding)
    number = 0
    while True:
        number += 1
        try:
            line, too_long = _read_line(reader, options.max_bytes)
        except UnicodeDecodeError as exc:
            yield InputError("E_ENCODING", f"line {number}: not valid {encoding} ({exc.reason})", base)
            return
        if not line:
            return
        if too_long:
            source = dataclasses.replace(base, path=f"{path}#{number}")
            limit = f"{options.max_bytes:,}"
            yield InputError("E_TOO_LARGE", f"line {number} exceeds {limit} characters", source)
            continue
        item = _jsonl_line(line, number, base, options)
        if item is not None:
            yield item


def records_from_json_text(text: str, base: Source, options: IngestOptions) -> Iterator[Item]:
    """Records of a JSON document: an array, an object (or one holding an article list), or JSONL."""
    try:
        data = json.loads(text)
    except RecursionError:
        yield InputError("E_PARSE", "JSON nested too deeply", base)
        return
    except json.JSONDecodeError as exc:
        lines = text.split("\n")
        if len([ln for ln in lines if ln.strip()]) > 1:
            for number, line in enumerate(lines, start=1):
                item = _jsonl_line(line, number, base, options)
                if item is not None:
                    yield item
            return
        yield InputError("E_PARSE", _parse_error(exc, f"line {exc.lineno}"), base)
        return
    if isinstance(data, dict) and _lookup(data, options.names("text")) is None:
        data = next((data[k] for k in LIST_KEYS if isinstance(data.get(k), list)), data)
    if isinstance(data, list):
        for index, obj in enumerate(data, start=1):
            yield record_article(obj, dataclasses.replace(base, path=f"{base.path}#{index}"), options)
    else:
        yield record_article(data, base, options)


def iter_json(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Records of a ``.json`` file (parsed at once, bounded by ``options.max_json_bytes``)."""
    base = Source(path=str(path))
    size = path.stat().st_size
    if size > options.max_json_bytes:
        limit = f"{options.max_json_bytes:,}"
        yield InputError("E_TOO_LARGE", f"JSON file of {size:,} bytes exceeds the limit of {limit}", base)
        return
    with path.open("rb") as fh:
        data = fh.read(options.max_json_bytes + 1)
    if not data.strip():
        yield InputError("E_EMPTY", "the file is empty", base)
        return
    text, encoding = decode(data)
    yield from records_from_json_text(text, dataclasses.replace(base, encoding=encoding), options)


def _delimiter(path: Path, sample: str, options: IngestOptions) -> str:
    if options.csv_delimiter:
        return options.csv_delimiter
    if path.suffix.lower() == ".tsv":
        return "\t"
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def iter_csv(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Records of a CSV/TSV file with a header row, streamed; the delimiter is sniffed."""
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes + 1))
    with path.open("rb") as fh:
        reader, encoding = _open_text(fh, "")
        base = Source(path=str(path), encoding=encoding)
        try:
            sample = reader.read(HEAD_BYTES // 4)
        except UnicodeDecodeError as exc:
            yield InputError("E_ENCODING", f"not valid {encoding} ({exc.reason})", base)
            return
        reader.seek(0)
        rows = csv.DictReader(reader, delimiter=_delimiter(path, sample, options))
        number = 0
        while True:
            number += 1
            source = dataclasses.replace(base, path=f"{path}#{number}")
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                code = "E_TOO_LARGE" if "field larger" in str(exc) else "E_PARSE"
                yield InputError(code, f"row {number}: {exc}", source)
                return
            except UnicodeDecodeError as exc:
                yield InputError("E_ENCODING", f"row {number}: not valid {encoding} ({exc.reason})", source)
                return
            yield record_article(row, source, options)
