"""Build the translation tables and the change regex behind :mod:`marsad.arabic.normalize`.

One :class:`Folding` per combination of options, built on first use from
``normalization.yaml`` and cached.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

from marsad.arabic._data import table

NEWLINES = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


@lru_cache(maxsize=1)
def whitespace() -> str:
    """Every character for which ``str.isspace`` holds (they are all below U+3001)."""
    return "".join(c for c in map(chr, range(0x3001)) if c.isspace())


@dataclass(frozen=True, slots=True)
class Folding:
    """Tables for one set of options: ``full_table`` maps, deletes and expands."""

    GROUPS: ClassVar[tuple[str, ...]] = ("taa", "alef", "yaa", "hamza", "diacritics", "tatweel", "digits",
                                         "punct", "controls", "spaces", "forms")

    full_table: dict[int, str]
    fast_table: list[str | None]      # the same as a list over the BMP: str.translate is twice as fast
    changes: re.Pattern[str] | None
    spaces: bool

    def replacement(self, run: str, group: str | None) -> str:
        """What a run matched by ``changes`` (in named group ``group``) becomes."""
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
    return Folding(full, _list_table(full), _changes(deleted, expanded, enabled["spaces"]), enabled["spaces"])


def _list_table(full: dict[int, str]) -> list[str | None]:
    """A BMP-wide list table (identity where unmapped; ``None`` deletes); astral code points pass."""
    out: list[str | None] = [chr(i) for i in range(0x10000)]
    for k, v in full.items():
        out[k] = v or None
    return out


def _cls(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _changes(deleted: str, expanded: str, spaces: bool) -> re.Pattern[str] | None:
    alts: list[str] = []
    ws = whitespace() if spaces else ""
    if spaces:
        alts.append(f"(?P<w>{_cls(ws)}{_cls(ws + deleted)}*{_cls(ws)})")
    if deleted:
        alts.append(f"(?P<d>{_cls(deleted)}+)")
    if expanded:
        alts.append(f"(?P<x>{_cls(expanded)})")
    # the look-ahead names every character a change can open with: the scan skips others fast
    return re.compile(f"(?={_cls(ws + deleted + expanded)})(?:{'|'.join(alts)})") if alts else None
