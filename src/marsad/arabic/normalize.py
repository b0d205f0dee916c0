"""Normalisation of Arabic text with an alignment map back to the original.

:func:`normalize` folds letter variants, digits and punctuation, deletes
diacritics, tatweel and format controls and collapses whitespace, and keeps
enough bookkeeping to map any span of the normalised text back to the
original (and the other way).  :func:`fold` gives the same text without the
map, for lookup keys.

The folding tables live in ``kb/data/arabic/normalization.yaml``.  The map is
stored as segments, built only where the length changes (deletions,
whitespace runs, expansions); within a segment offsets move in step.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.arabic._charmap import Folding, folding
from marsad.arabic.tokens import TokenColumns, token_columns
from marsad.document import Span

__all__ = ["Normalized", "fold", "fold_key", "normalize"]


@dataclass(frozen=True, slots=True, eq=False)
class Normalized:
    """A normalised view of ``original`` with its alignment map.

    ``_nstart[k]``/``_ostart[k]`` open segment ``k``; ``_chunk[k]`` is 0 for an
    identity segment (one normalised character per original character) or the
    length of the original run that the segment's characters replace.
    """

    text: str
    original: str
    _nstart: list[int] = field(repr=False)
    _ostart: list[int] = field(repr=False)
    _chunk: list[int] = field(repr=False)
    _offsets: list[list[int]] = field(default_factory=list, repr=False)   # see _maps
    _columns: list[TokenColumns] = field(default_factory=list, repr=False)   # see token_columns

    def token_columns(self) -> TokenColumns:
        """The :func:`~marsad.arabic.tokens.token_columns` of ``text`` (computed once: the date and
        the quantity finders both read them)."""
        if not self._columns:
            self._columns.append(token_columns(self.text))
        return self._columns[0]

    def _seg_len(self, k: int) -> int:
        nxt = self._nstart[k + 1] if k + 1 < len(self._nstart) else len(self.text)
        return nxt - self._nstart[k]

    def _maps(self) -> tuple[list[int], list[int]]:
        """Per normalised character, the original offsets where it begins and ends (built on first
        use, by :meth:`to_normalized`, which searches the ends)."""
        if not self._offsets:
            starts: list[int] = []
            ends: list[int] = []
            nseg = len(self._nstart)
            for k in range(nseg):
                o, size = self._ostart[k], self._seg_len(k)
                if self._chunk[k]:               # a replaced run: every character covers all of it
                    starts.extend([o] * size)
                    ends.extend([o + self._chunk[k]] * size)
                elif size:                      # identity; the last character takes deleted marks after it
                    starts.extend(range(o, o + size))
                    ends.extend(range(o + 1, o + size))
                    ends.append(self._ostart[k + 1] if k + 1 < nseg else len(self.original))
            self._offsets.extend((starts, ends))
        return self._offsets[0], self._offsets[1]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalised ``[start, end)`` (clamped to the text)."""
        # every stage maps its spans here: clamped by comparisons (a call of min or max costs more
        # than all of them), and the segment searches inline
        n = len(self.text)
        if start > n:
            start = n
        elif start < 0:
            start = 0
        if end > n:
            end = n
        if end < start:
            end = start
        nstart, ostart, chunk = self._nstart, self._ostart, self._chunk
        if start == n:
            first = len(self.original)
        else:                                    # segments are never empty in a non-empty text
            k = bisect_right(nstart, start) - 1
            first = ostart[k] if chunk[k] else ostart[k] + start - nstart[k]
        if start == end:
            return first, first
        # where the last character ends, by a segment search (callers ask for a few dozen spans per
        # text, fewer than its characters) unless it lies in the first character's segment
        last = end - 1
        if k + 1 < len(nstart) and last >= nstart[k + 1]:
            k = bisect_right(nstart, last) - 1
        if chunk[k]:                             # a replaced run: its characters cover all of it
            return first, ostart[k] + chunk[k]
        nxt = k + 1
        if last + 1 < (nstart[nxt] if nxt < len(nstart) else n):      # inside an identity segment
            return first, ostart[k] + last + 1 - nstart[k]
        # the last character of an identity segment takes the deleted marks after it
        return first, ostart[nxt] if nxt < len(nstart) else len(self.original)

    def span(self, start: int, end: int) -> Span:
        """The original :class:`~marsad.document.Span` for normalised ``[start, end)``."""
        s, e = self.to_original(start, end)
        return Span.of(self.original, s, e)

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """The normalised span whose characters come from original ``[start, end)``."""
        size = len(self.original)
        start = min(max(start, 0), size)
        end = min(max(end, start), size)
        first = self._count_ending_by(start)
        last = self._count_starting_before(end)
        return first, max(first, last)

    def _count_starting_before(self, pos: int) -> int:
        """How many normalised characters begin before original offset ``pos``."""
        k = bisect_right(self._ostart, pos - 1) - 1
        if k < 0:
            return 0
        length = self._seg_len(k)
        if self._chunk[k]:
            return self._nstart[k] + length
        return self._nstart[k] + min(length, pos - self._ostart[k])

    def _count_ending_by(self, pos: int) -> int:
        """How many normalised characters end at or before original offset ``pos``."""
        return bisect_right(self._maps()[1], pos)     # the ends never decrease


def _options(**kw: bool) -> tuple[bool, ...]:
    return tuple(kw[name] for name in Folding.GROUPS)


def normalize(text: str, *, taa: bool = True, alef: bool = True, yaa: bool = True, hamza: bool = True,
              diacritics: bool = True, tatweel: bool = True, digits: bool = True, punct: bool = True,
              controls: bool = True, spaces: bool = True, forms: bool = True) -> Normalized:
    """Normalise ``text`` and keep the alignment map.

    Each keyword switches one group of ``normalization.yaml``:
    ``alef`` (أ إ آ ٱ -> ا), ``yaa`` (ى ی -> ي), ``taa`` (ة -> ه, for matching only),
    ``hamza`` (ؤ -> و, ئ -> ي; a seat-less ء is kept: deleting it would merge
    "ماء" and "ما"), ``diacritics`` and ``tatweel`` (deleted), ``digits``
    (Arabic-Indic and Persian digits and ٫ ٬ -> ASCII), ``punct`` (، ؛ ؟ « » “ ”
    dashes … -> ASCII), ``controls`` (zero-width and bidi marks deleted),
    ``spaces`` (every space character -> " ", line breaks -> "\n", a run -> one
    character, "\n" when it holds a line break) and ``forms`` (presentation
    forms and Persian letter variants -> plain letters; ligatures expand).
    """
    opts = _options(taa=taa, alef=alef, yaa=yaa, hamza=hamza, diacritics=diacritics, tatweel=tatweel,
                    digits=digits, punct=punct, controls=controls, spaces=spaces, forms=forms)
    if opts == _DEFAULT:
        return _normalize_default(text)
    return _normalize(text, opts)


@lru_cache(maxsize=8)
def _normalize_default(text: str) -> Normalized:
    """Default normalisation of the last few texts: the sentence, date and quantity finders and
    the stages all normalise the same document (a :class:`Normalized` is never changed)."""
    return _normalize(text, _DEFAULT)


def _normalize(text: str, opts: tuple[bool, ...]) -> Normalized:
    fo = folding(opts)
    nstart: list[int] = []
    ostart: list[int] = []
    chunk: list[int] = []
    pieces: list[str] = []
    pos = n = 0
    add_n, add_o, add_c, add_p = nstart.append, ostart.append, chunk.append, pieces.append
    for m in fo.find_changes(text):
        s, e = m.span()
        if s > pos:
            add_n(n)
            add_o(pos)
            add_c(0)
            add_p(text[pos:s])
            n += s - pos
        group = m.lastgroup
        if group != "d":
            repl = fo.replacement(m.group(), group)
            add_n(n)
            add_o(s)
            add_c(e - s)
            add_p(repl)
            n += len(repl)
        pos = e
    if pos < len(text) or not nstart:
        nstart.append(n), ostart.append(pos), chunk.append(0)
        pieces.append(text[pos:])
    return Normalized(fo.translate("".join(pieces)), text, nstart, ostart, chunk)


def fold(text: str, *, taa: bool = True, alef: bool = True, yaa: bool = True, hamza: bool = True,
         diacritics: bool = True, tatweel: bool = True, digits: bool = True, punct: bool = True,
         controls: bool = True, spaces: bool = True, forms: bool = True) -> str:
    """``normalize(text, ...).text`` without building the map (for lookup keys)."""
    opts = _options(taa=taa, alef=alef, yaa=yaa, hamza=hamza, diacritics=diacritics, tatweel=tatweel,
                    digits=digits, punct=punct, controls=controls, spaces=spaces, forms=forms)
    return _fold(text, opts)


def _fold(text: str, opts: tuple[bool, ...]) -> str:
    fo = folding(opts)
    out = fo.translate(text)
    if fo.spaces:
        out = _NEWLINE_RUN.sub("\n", out)
        out = _SPACE_RUN.sub(" ", out)
    return out


_NEWLINE_RUN = re.compile(r"[ \n]*\n[ \n]*")
_SPACE_RUN = re.compile(r"  +")


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """Cached default :func:`fold`, for the many repeated short keys of matchers."""
    return _fold(text, _DEFAULT)


_DEFAULT = (True,) * 11
