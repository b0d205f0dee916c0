"""Cardinal numbers written in digits or in words (``numbers.yaml``).

Works on folded words (see :func:`marsad.arabic.fold`).  Compound numbers
follow Arabic order: hundreds, then units before tens, joined by "و"
("مئة وثمانية وثلاثين ألفا" = 138000); a scale word multiplies what precedes
it ("خمسة آلاف", "138 ألف").  Ordinals are not numbers here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic._data import table
from marsad.arabic.normalize import fold_key

__all__ = ["Lexicon", "lexicon", "parse_digits", "parse_words"]

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Folded number words: ``words[w] = (kind, value)``."""

    words: dict[str, tuple[str, int]]
    proclitics: tuple[str, ...]
    conjunction: str

    def lookup(self, word: str) -> tuple[str, int] | None:
        return self.words.get(word)

    def lookup_prefixed(self, word: str) -> tuple[str, tuple[str, int]] | None:
        """``(proclitic, entry)`` for a number word, possibly behind a proclitic (rest ≥ 3 letters)."""
        return _lookup_prefixed(word)

    def strip_and_lookup(self, word: str) -> tuple[str, tuple[str, int]] | None:
        """Uncached body of :meth:`lookup_prefixed`."""
        entry = self.words.get(word)
        if entry is not None:
            return "", entry
        for pro in self.proclitics:
            rest = word[len(pro):]
            if word.startswith(pro) and len(rest) >= 3 and rest in self.words:
                return pro, self.words[rest]
        return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The number lexicon, folded (loaded once)."""
    t = table("numbers")
    words: dict[str, tuple[str, int]] = {}

    def add(forms: Sequence[str], kind: str, value: int) -> None:
        for form in forms:
            words[fold_key(form)] = (kind, value)

    for value, forms in t["units"].items():
        add(forms, "unit", int(value))
    add(t["teen_one"], "teen_one", 1)
    for value, forms in t["tens"].items():
        add(forms, "tens", int(value))
    for value, forms in t["hundreds"].items():
        add(forms, "hundreds", int(value))
    for value, groups in t["scales"].items():
        for kind in ("singular", "dual", "plural"):
            add(groups.get(kind, []), f"scale_{kind}", int(value))
    add(t["ten"], "ten", 10)
    add(t["half"], "half", 0)
    article = table("clitics")["article"]
    definite = {int(v) for v in t.get("definite", [])}
    for value, forms in [*t["units"].items(), (10, t["ten"])]:
        if int(value) in definite:
            add([article + f for f in forms], "ten" if int(value) == 10 else "unit", int(value))
    pros = tuple(sorted((fold_key(p) for p in t["proclitics"]), key=len, reverse=True))
    return Lexicon(words, pros, fold_key(t["conjunction"]))


@lru_cache(maxsize=65536)
def _lookup_prefixed(word: str) -> tuple[str, tuple[str, int]] | None:
    return lexicon().strip_and_lookup(word)


def parse_digits(token: str) -> int | float | None:
    """Value of a digit token (folded: ASCII digits); ``None`` if it is not one number.

    ``1,000`` and ``1.000.000`` are grouped thousands; ``2.5`` is a decimal;
    anything else with separators (``24.10.2017``) is not a number.
    """
    m = _DIGITS.fullmatch(token)
    if m is None:
        return None
    if "," in token or token.count(".") > 1:
        return int(token.replace(",", "").replace(".", ""))
    if "." in token:
        value = float(token)
        return int(value) if value.is_integer() else value
    return int(token)


@dataclass(slots=True)
class _State:
    total: int = 0
    cur: int = 0
    last: str = ""
    last_value: int = 0
    scale: int = 0          # the last scale applied (later scales must be smaller)
    has_tens: bool = False


def parse_words(words: Sequence[str], i: int, first: tuple[str, int] | None = None) -> tuple[int, int] | None:
    """Parse a number in words starting at ``words[i]``: ``(value, end index)`` or ``None``.

    ``first`` is the entry of ``words[i]`` when the caller already looked it
    up (after removing a proclitic).
    """
    lex = lexicon()
    entry = first or lex.lookup(words[i])
    if entry is None or entry[0] in ("scale_plural", "half"):
        return None
    st = _State()
    _apply(st, entry)
    j = i + 1
    while j < len(words):
        w = words[j]
        nxt = lex.lookup(w)
        if nxt is not None and _juxtaposed_ok(st, nxt):
            _apply(st, nxt, juxtaposed=True)
        elif _conjoined(w, lex) and (nxt := lex.lookup(w[len(lex.conjunction):])) and _joined_ok(st, nxt):
            if _starts_new_number(st, nxt, words[j + 1] if j + 1 < len(words) else ""):
                break
            _apply(st, nxt)
        else:
            break
        j += 1
    if st.last == "teen_one":
        return None
    return st.total + st.cur, j


def _starts_new_number(st: _State, entry: tuple[str, int], following: str) -> bool:
    """"خمسة آلاف وسبعة آلاف": a part after a scale that takes a scale as large is a second number."""
    if not st.scale or entry[0].startswith("scale"):
        return False
    nxt = lexicon().lookup(following)
    return nxt is not None and nxt[0].startswith("scale") and nxt[1] >= st.scale


def _conjoined(word: str, lex: Lexicon) -> bool:
    return word.startswith(lex.conjunction) and len(word) > len(lex.conjunction)


def _apply(st: _State, entry: tuple[str, int], juxtaposed: bool = False) -> None:
    kind, value = entry
    if kind == "half":
        st.total += st.scale // 2
    elif kind.startswith("scale"):
        count = 2 if kind == "scale_dual" else (st.cur or 1)
        st.total += count * value
        st.cur, st.scale, st.has_tens = 0, value, False
    elif kind == "hundreds" and juxtaposed:  # "ثلاث مئة"
        st.cur = st.cur * value
    else:
        st.cur += value
        st.has_tens = st.has_tens or kind == "tens" or (kind == "ten" and juxtaposed)
    st.last, st.last_value = kind, value


def _juxtaposed_ok(st: _State, entry: tuple[str, int]) -> bool:
    """Without "و": a teen ("ستة عشر"), "ثلاث مئة", or a scale after a count."""
    kind, value = entry
    if kind == "ten":
        return st.last in ("unit", "teen_one") and st.last_value < 10
    if kind == "hundreds":
        return value == 100 and st.last == "unit" and 3 <= st.cur <= 9
    if kind in ("scale_singular", "scale_plural"):
        fits = st.scale == 0 or value < st.scale
        if kind == "scale_plural":
            return fits and st.last in ("unit", "ten") and 3 <= st.cur <= 10
        return fits and st.cur > 0
    return False


def _joined_ok(st: _State, entry: tuple[str, int]) -> bool:
    """After "و": the next smaller part of the same number."""
    kind, value = entry
    if st.last in ("scale_singular", "scale_dual", "scale_plural"):
        return kind != "teen_one" and (not kind.startswith("scale") or value < st.scale)
    if kind == "half":
        return False
    if st.last == "hundreds":
        return kind in ("unit", "ten", "tens", "teen_one")
    if st.last == "unit":
        return kind == "tens" and not st.has_tens
    return False
