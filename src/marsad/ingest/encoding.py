"""Bytes to text: BOMs, BOM-less UTF-16, UTF-8, Windows-1256, and refusing binary data.

Order of decisions in :func:`decode`:

1. a byte-order mark (UTF-8, UTF-32, UTF-16) decides;
2. a known binary signature (PNG, JPEG, GIF, PDF, ZIP, gzip, ...) -> ``E_BINARY``;
3. BOM-less UTF-16: NUL bytes on one parity only (ASCII spaces and digits of UTF-16 text);
4. too many NULs or control bytes -> ``E_BINARY``;
5. valid UTF-8 -> ``utf-8`` (Windows-1256 Arabic is practically never valid UTF-8), also when the
   data ends inside a character (a file cut mid-write: the incomplete character is dropped);
6. the charset an HTML or XML head declares, when the bytes decode with it;
7. Windows-1256 when most letters of the result are Arabic -> ``cp1256``;
8. charset-normalizer's best guess when it reads as text; else ``E_ENCODING``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from marsad.errors import MarsadError

SNIFF_BYTES = 8192
SHARE_CHARS = 50_000      # characters examined for the share of Arabic letters
_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "an empty ZIP archive"), (b"\x1f\x8b", "gzip data"), (b"BZh91AY&SY", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an ELF executable"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"), (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"), (b"\x00\x00\x01\x00", "an icon"), (b"wOFF", "a web font"), (b"wOF2", "a web font"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
NUL_SHARE = 0.005         # more NULs than this (outside UTF-16) is binary
CONTROL_SHARE = 0.05      # more control bytes than this is binary
ARABIC_SHARE = 0.5        # share of Arabic among the letters of a cp1256 reading
UTF16_NUL_SHARE = 0.05    # NULs on the high-byte parity of BOM-less UTF-16
UTF16_BLOCK_SHARE = 0.9   # share of the two commonest high bytes in BOM-less UTF-16


def binary_kind(data: bytes) -> str | None:
    """What binary data ``data`` starts with, or ``None`` when it may be text."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "RIFF media"
    return None


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _few_blocks(high: bytes) -> bool:
    """UTF-16 text of a script or two: its high bytes take very few values (NUL, 0x06 for Arabic)."""
    counts = sorted((high.count(b) for b in set(high)), reverse=True)
    return sum(counts[:2]) >= UTF16_BLOCK_SHARE * len(high)


def _utf16_parity(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit on one byte parity only (BOM-less UTF-16)."""
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    share_even, share_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if share_odd >= UTF16_NUL_SHARE and share_even == 0 and _few_blocks(odd):
        return "utf-16-le"
    if share_even >= UTF16_NUL_SHARE and share_odd == 0 and _few_blocks(even):
        return "utf-16-be"
    return None


def _controls(sample: bytes) -> float:
    return sum(1 for b in sample if b < 0x20 and b not in _ALLOWED_CONTROLS) / max(1, len(sample))


def arabic_share(text: str) -> float:
    """Share of Arabic-script letters among all letters of ``text`` (0 when it has none)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f") / len(letters)


def _texty(text: str) -> bool:
    head = text[:SNIFF_BYTES]
    bad = sum(1 for c in head if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\t\n\r\f\v\x1b")
    return bad <= CONTROL_SHARE * max(1, min(len(text), SNIFF_BYTES))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise MarsadError("E_ENCODING", f"bytes are not valid {encoding} (at byte {exc.start})") from exc


def _declared(data: bytes) -> tuple[str, str] | None:
    """Text decoded with the charset an HTML/XML head declares (``<meta charset=...>``), if it works."""
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
        return data.decode(name), name
    except (LookupError, UnicodeDecodeError):
        return None


def _guess(data: bytes) -> tuple[str, str] | None:
    declared = _declared(data)
    if declared is not None and _texty(declared[0]):
        return declared
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and arabic_share(text[:SHARE_CHARS]) >= ARABIC_SHARE and _texty(text):
        return text, "cp1256"
    from charset_normalizer import from_bytes

    for match in from_bytes(data[:1_000_000]):
        if match.encoding.startswith(("utf_16", "utf_32")):
            continue  # without a BOM or NUL pattern (checked earlier) these guesses are noise
        try:
            text = data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _texty(text):
            return text, match.encoding
    return None


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``; raises :class:`MarsadError` (``E_BINARY``, ``E_ENCODING``)."""
    bom = _bom(data)
    if bom is not None:
        name, size = bom
        return _strict(data[size:], name.removesuffix("-sig")), name
    kind = binary_kind(data)
    if kind is not None:
        raise MarsadError("E_BINARY", f"the input is {kind}, not text")
    sample = data[:SNIFF_BYTES]
    parity = _utf16_parity(sample)
    if parity is not None:
        text = _strict(data, parity)
        if _texty(text):
            return text, parity
    if sample.count(0) > NUL_SHARE * len(sample) or _controls(sample) > CONTROL_SHARE:
        raise MarsadError("E_BINARY", "the input holds NUL or control bytes: binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8"), "utf-8"  # a file cut inside its last character
    guess = _guess(data)
    if guess is None:
        raise MarsadError("E_ENCODING", "the bytes are neither UTF-8, UTF-16 nor Windows-1256 text")
    return guess


def stream_encoding(head: bytes) -> str:
    """The encoding of a file that is read as a stream, judged from its first bytes.

    Like :func:`decode` but tolerant of a multi-byte character cut at the end of ``head``.
    """
    bom = _bom(head)
    if bom is not None:
        return bom[0]
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        if binary_kind(head) is None and head.count(0) == 0:
            return "utf-8"
    except UnicodeDecodeError:
        pass
    return decode(head[: len(head) - 1] if len(head) % 2 else head)[1]
