"""Stable error codes: a document that cannot be read becomes an error record, not a crash."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.document import Source, to_json

# code -> plain-language meaning (shown by `marsad --help-errors` and in the docs)
CODES: dict[str, str] = {
    "E_NOT_FOUND": "the path does not exist or vanished while being read",
    "E_UNREADABLE": "the file could not be opened or read (permissions, I/O error)",
    "E_EMPTY": "the input holds no text once decoded and cleaned",
    "E_BINARY": "the input is binary data (an image, archive, executable...), not text",
    "E_TOO_LARGE": "the input is larger than the configured size limit",
    "E_ENCODING": "the bytes could not be decoded as UTF-8, UTF-16 or Windows-1256",
    "E_PARSE": "the file's structure is broken (HTML, JSON, CSV)",
    "E_RECORD": "a JSONL/CSV record lacks a text field or is not an object",
    "E_ANALYZE": "analysis of the document failed (a bug: please report it)",
    "E_STORE": "the corpus could not be written (disk full, read-only, locked); earlier batches are kept",
    "E_USAGE": "the command line or request is wrong",
}


class MarsadError(Exception):
    """An error with a stable code from :data:`CODES`."""

    def __init__(self, code: str, message: str):
        if code not in CODES:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(slots=True)
class InputError:
    """An input that could not become a document; the batch goes on without it."""

    code: str
    message: str
    source: Source = field(default_factory=Source)

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message}, "source": to_json(self.source)}
