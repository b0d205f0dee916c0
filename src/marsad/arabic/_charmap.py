"""Build the translation tables and the change regex behind :mod:`marsad.arabic.normalize`.

One :class:`Folding` per combination of options, built on first use from
``normalization.yaml`` and cached.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

from marsad.arabic._data import table

NEWLINES = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
# Most text is written in these (ASCII, Latin-1 punctuation, the Arabic letters, digits and marks,
# general punctuation): up to 256 characters, folded through a one-byte code (see _ByteFold).  NUL
# must be code 0, or codecs.charmap_build makes a dict instead of its fast map.
BYTE_FOLD_RANGES = ((0x00, 0x00), (0x09, 0x0A), (0x0D, 0x0D), (0x20, 0x7E), (0xA0, 0xBF),
                    (0x060C, 0x066F), (0x2010, 0x2027))


@lru_cache(maxsize=1)
def whitespace() -> str:
    """Every character for which ``str.isspace`` holds (they are all below U+3001)."""
    return "".join(c for c in map(chr, range(0x3001)) if c.isspace())


@dataclass(frozen=True, slots=True)
class _ByteFold:
    """``str.translate`` by a table, for a text written in at most 256 characters that the table
    maps among themselves (or deletes): encode each to one byte, map the bytes, decode.  Three C
    loops of table reads, where ``str.translate`` makes an int and a look-up per character."""

    encoding: object            # codecs.charmap_build of ``decoding``
    table: bytes
    delete: bytes
    decoding: str

    @classmethod
    def build(cls, table: list[str | None]) -> _ByteFold:
        chars = {chr(c) for lo, hi in BYTE_FOLD_RANGES for c in range(lo, hi + 1)}
        chars = sorted(c for c in chars if table[ord(c)] is None or table[ord(c)] in chars)
        code = {c: i for i, c in enumerate(chars)}
        bytemap = bytes(code[table[ord(c)] or c] for c in chars) + bytes(range(len(chars), 256))
        delete = bytes(code[c] for c in chars if table[ord(c)] is None)
        decoding = "".join(chars) + "\ufffe" * (256 - len(chars))      # U+FFFE: no character
        return cls(codecs.charmap_build(decoding), bytemap, delete, decoding)

    def translate(self, text: str) -> str | None:
        """The translated text, or ``None`` when ``text`` holds a character outside the code."""
        try:
            code = codecs.charmap_encode(text, "strict", self.encoding)[0]
        except UnicodeEncodeError:
            return None
        return codecs.charmap_decode(code.translate(self.table, self.delete), "strict",
                                     self.decoding)[0]


@dataclass(frozen=True, slots=True)
class Folding:
    """Tables for one set of options: ``full_table`` maps, deletes and expands."""

    GROUPS: ClassVar[tuple[str, ...]] = ("taa", "alef", "yaa", "hamza", "diacritics", "tatweel", "digits",
                                         "punct", "controls", "spaces", "forms")

    full_table: dict[int, str]
    fast_table: list[str | None]      # the same as a list over the BMP: str.translate is twice as fast
    changes: re.Pattern[str] | None        # the changes but the runs of spaces that open with " "
    space_runs: re.Pattern[str] | None     # those (group ``w`` too)
    spaces: bool
    byte_fold: _ByteFold

    def translate(self, text: str) -> str:
        """``text.translate(self.fast_table)``, through the one-byte code when the text allows."""
        out = self.byte_fold.translate(text)
        return text.translate(self.fast_table) if out is None else out

    def find_changes(self, text: str) -> list[re.Match[str]]:
        """What ``(?P<w>[ws][ws+deleted]*[ws])|(?P<d>[deleted]+)|(?P<x>[expanded]).finditer(text)``
        finds (``ws``: every space character).

        Two scans, merged: a run of spaces that opens with " " (found after the literal " ", fast)
        and the other changes (after a class without " ": most spaces are single, and each was a
        match attempt).  A match of one may start inside a match of the other (" \\n\\n"): the
        first to start is kept, as the alternation's scan would; nothing else overlaps.
        """
        found = list(self.changes.finditer(text)) if self.changes is not None else []
        runs = list(self.space_runs.finditer(text)) if self.space_runs is not None else []
        if not runs:
            return found
        out: list[re.Match[str]] = []
        end = 0
        for m in sorted(found + runs, key=re.Match.start):
            if m.start() >= end:
                out.append(m)
                end = m.end()
        return out

    def replacement(self, run: str, group: str | None) -> str:
        """What a run found by :meth:`find_changes` (in named group ``group``) becomes."""
        if group == "d":
            return ""
        if group == "w":
            return "\n" if any(c in NEWLINES for c in run) else " "
        return self.full_table.get(ord(run[0]), run)


def _expand(spec: str) -> list[str]:
    a, _, b = spec.partition("-")
    return [chr(c) for c in range(ord(a), ord(b or a) + 1)]


def _group_map(name: str, spec: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for rng in spec.get("ranges", []):
        out.update(dict.fromkeys(_expand(rng), ""))
    for first in spec.get("ranges_to_ascii_digits", []):
        out.update({chr(ord(first) + d): str(d) for d in range(10)})
    for key, value in spec.items():
        if len(key) == 1:
            out[key] = value
    return out


def _presentation_forms() -> dict[str, str]:
    out: dict[str, str] = {}
    for lo, hi in PRESENTATION_RANGES:
        for cp in range(lo, hi + 1):
            c = chr(cp)
            letters = "".join(x for x in unicodedata.normalize("NFKC", c) if unicodedata.category(x) != "Mn")
            if letters and letters != c and all(unicodedata.category(x) == "Lo" for x in letters):
                out[c] = letters
    return out


def _spaces() -> dict[str, str]:
    return {c: ("\n" if c in NEWLINES else " ") for c in whitespace()}


@lru_cache(maxsize=16)
def folding(opts: tuple[bool, ...]) -> Folding:
    """The :class:`Folding` for a tuple of flags in :attr:`Folding.GROUPS` order."""
    groups = table("normalization")
    mapping: dict[str, str] = {}
    enabled = dict(zip(Folding.GROUPS, opts, strict=True))
    for name in Folding.GROUPS:
        if not enabled[name]:
            continue
        if name == "spaces":
            mapping.update(_spaces())
        elif name == "forms":
            mapping.update(_presentation_forms())
            mapping.update(_group_map(name, groups.get(name, {})))
        else:
            mapping.update(_group_map(name, groups.get(name, {})))
    one_to_one = {k: v for k, v in mapping.items() if len(v) == 1}
    mapping = {k: v.translate(str.maketrans(one_to_one)) if len(v) > 1 else v for k, v in mapping.items()}
    deleted = "".join(k for k, v in mapping.items() if v == "")
    expanded = "".join(k for k, v in mapping.items() if len(v) > 1)
    full = str.maketrans(mapping)
    fast = _list_table(full)
    spaces = enabled["spaces"]
    return Folding(full, fast, _changes(deleted, expanded, spaces), _space_runs(deleted) if spaces else None,
                   spaces, _ByteFold.build(fast))


def _list_table(full: dict[int, str]) -> list[str | None]:
    """A BMP-wide list table (identity where unmapped; ``None`` deletes); astral code points pass."""
    out: list[str | None] = [chr(i) for i in range(0x10000)]
    for k, v in full.items():
        out[k] = v or None
    return out


def _cls(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _changes(deleted: str, expanded: str, spaces: bool) -> re.Pattern[str] | None:
    """Runs of two or more spaces with deleted characters among them (group ``w``) but those that
    open with " ", runs of deleted characters (``d``) and expanded characters (``x``).

    Every match opens with a character of one class, consumed first (a look-behind then says which):
    a pattern that starts with a character class lets the scan skip the other characters fast; the
    empty group at the end of each branch names it (``Match.lastgroup``).
    """
    alts: list[str] = []
    ws = whitespace() if spaces else ""
    opening = ws.replace(" ", "")
    if spaces:
        alts.append(f"(?<={_cls(opening)}){_cls(ws + deleted)}*{_cls(ws)}(?P<w>)")
    if deleted:
        alts.append(f"(?<={_cls(deleted)}){_cls(deleted)}*(?P<d>)")
    if expanded:
        alts.append(f"(?<={_cls(expanded)})(?P<x>)")
    return re.compile(f"{_cls(opening + deleted + expanded)}(?:{'|'.join(alts)})") if alts else None


def _space_runs(deleted: str) -> re.Pattern[str]:
    """Runs of spaces (deleted characters among them) that open with " " (the look-ahead fails the
    many single spaces at once)."""
    ws = whitespace()
    return re.compile(f"(?P<w> (?={_cls(ws + deleted)}){_cls(ws + deleted)}*{_cls(ws)})")
