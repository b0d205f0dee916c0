"""The per-document view the entity finders share: normalised text, words around a hit, spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, compress, count, repeat
from operator import add, not_
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.arabic.tokens import (
    DIGIT,
    GAP,
    LETTER,
    SEPARATOR,
    bmp_lookup,
    class_table,
    from_code_points,
    token_runs,
)
from marsad.document import Span
from marsad.extract.base import find_all
from marsad.extract.entities.lexicon import Lexicon

if TYPE_CHECKING:
    from marsad.kb import KnowledgeBase

SKIPPED = " \"'(«»"
MARK = "\x01"
# what is neither a letter nor a digit, bar spaces and MARK itself (made MARK by str.replace, far faster);
# the letters and digits of the Arabic block and of ASCII are listed before \w: most characters of a
# text are among them, and a listed character is settled by a table, not by its Unicode category
_COMMON_WORD = "".join(c for c in map(chr, [*range(0x0600, 0x0700), *range(0x80)]) if c.isalnum())
_NONWORD = re.compile(f"[^{_COMMON_WORD} \x01\\w]")
SENTENCE_MARKS = ".!?؟\n"      # a run of them ends a sentence
# The normalised text has no diacritics or tatweel: a word is a run of letters.
_TOKEN = re.compile(r"(?P<word>[^\W\d_]+)|(?P<number>\d+(?:[.,]\d+)*)|(?P<punct>[^\w\s])")


_MARK_BY_TABLE = 200       # shorter texts (the matcher's keys): the regular expression costs less


def mark(text: str) -> str:
    """``text`` with every character that is not a letter or digit made :data:`MARK` (offsets kept)."""
    if len(text) >= _MARK_BY_TABLE:
        marked = _mark_by_table(text)
        if marked is not None:
            return marked
    return _NONWORD.sub(MARK, text.replace("_", MARK)).replace(" ", MARK)


@lru_cache(maxsize=1)
def _alnum_table() -> np.ndarray:
    """Per BMP character, whether it is a letter or a digit (``str.isalnum``)."""
    return np.fromiter(map(str.isalnum, map(chr, range(0x10000))), dtype=bool, count=0x10000)


def _mark_by_table(text: str) -> str | None:
    """:func:`mark` of a document's text by a look-up of each character in a table: a few C loops
    over the text where the regular expression tests the class of each character (several times
    less); ``None`` for a text with a character outside the BMP."""
    found = bmp_lookup(text, _alnum_table())
    if found is None:
        return None
    codes, alnum = found
    return from_code_points(np.where(alnum, codes, ord(MARK)).astype(np.uint32, copy=False))


@dataclass(slots=True)
class Tokens:
    """Tokens of the normalised text, column by column: token ``k`` spans ``[starts[k], ends[k])``.

    ``kinds[k]``: word, number or punct.  Columns, not one object per token: most
    tokens are built without a Python step of their own, and most are never read.
    """

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    def add(self, start: int, end: int, text: str, kind: str) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.texts.append(text)
        self.kinds.append(kind)

    def add_region(self, region: str, lo: int) -> None:
        """The tokens of ``region``, which begins at offset ``lo``.

        No token spans whitespace: the region is cut into chunks at spaces (in the
        normalised text one space, or line break, stands between two chunks: then
        their offsets follow from their lengths).  Most chunks are letters only, one
        word each, added column by column; the others go through :func:`_chunk_tokens`.
        """
        chunks = region.split()
        sizes = list(map(len, chunks))
        if len(region) == sum(sizes) + len(chunks) - 1:        # one whitespace character between chunks
            starts = list(map(add, accumulate(sizes[:-1], initial=lo), count()))
        else:
            starts, pos = [], lo
            for chunk in chunks:
                pos = region.find(chunk, pos - lo) + lo
                starts.append(pos)
                pos += len(chunk)
        ends = list(map(add, starts, sizes))
        all_starts, all_ends, texts, kinds = self.starts, self.ends, self.texts, self.kinds
        prev = 0
        for k in compress(count(), map(not_, map(str.isalpha, chunks))):     # chunks not letters only
            all_starts += starts[prev:k]                  # the words before it
            all_ends += ends[prev:k]
            texts += chunks[prev:k]
            kinds += repeat("word", k - prev)
            chunk, start, end = chunks[k], starts[k], ends[k]
            last = chunk[-1]
            if not last.isalnum() and last != "_" and (len(chunk) == 1 or chunk[:-1].isalpha()):
                if len(chunk) > 1:                 # "الحلبي،": a word, then a mark
                    all_starts.append(start)
                    all_ends.append(end - 1)
                    texts.append(chunk[:-1])
                    kinds.append("word")
                all_starts.append(end - 1)         # "-" alone, or the mark after the word
                all_ends.append(end)
                texts.append(last)
                kinds.append("punct")
            else:
                for tok_start, tok_end, text, kind in _chunk_tokens(chunk, start):
                    all_starts.append(tok_start)
                    all_ends.append(tok_end)
                    texts.append(text)
                    kinds.append(kind)
            prev = k + 1
        all_starts += starts[prev:]
        all_ends += ends[prev:]
        texts += chunks[prev:]
        kinds += repeat("word", len(chunks) - prev)


# the classes of _TOKEN for token_runs: a word is a run of letters, a number one of digits with a
# separator between two of them, and no token holds a space or "_"
_RUN_CLASSES = ((GAP, r"[\s_]"), (SEPARATOR, "[.,]"), (DIGIT, r"\d"), (LETTER, r"[^\W\d_]"))
_RUN_KINDS = np.array(["punct"] * (max(c for c, _ in _RUN_CLASSES) + 1), dtype=object)
_RUN_KINDS[[LETTER, DIGIT]] = ["word", "number"]


def _region_tokens(text: str, regions: list[list[int]]) -> Tokens | None:
    """:meth:`DocView.tokens_near` of the ``regions`` of ``text`` by one :func:`token_runs` over
    the regions written one after the other, each followed by its "|" (the region by region
    tokenising costs several times more); ``None`` where token_runs does not apply."""
    joined = "|\n".join(text[lo:hi] for lo, hi in regions) + "|"
    found = token_runs(joined, class_table(_RUN_CLASSES))
    if found is None:
        return None
    starts, ends, texts, first = found
    at = np.fromiter(accumulate((hi - lo + 2 for lo, hi in regions[:-1]), initial=0), dtype=np.intp,
                     count=len(regions))                  # where each region starts in ``joined``
    shift = np.array([lo for lo, _ in regions], dtype=np.intp) - at
    bars = starts.searchsorted(at + [hi - lo for lo, hi in regions])      # the tokens "|"
    move = shift[at.searchsorted(starts, side="right") - 1]
    starts += move
    ends += move
    ends[bars] = starts[bars]            # "|" stands at its region's end, and is empty
    return Tokens(starts.tolist(), ends.tolist(), texts, _RUN_KINDS[first].tolist())


def _chunk_tokens(chunk: str, start: int) -> list[tuple[int, int, str, str]]:
    """The tokens of ``chunk`` (no whitespace in it), which begins at offset ``start``.

    Punctuation around letters ("(سامر"، "الحلبي)،") is read directly; anything else
    (digits, punctuation inside) by the token pattern.
    """
    a, b = 0, len(chunk)
    while a < b and not chunk[a].isalnum() and chunk[a] != "_":
        a += 1
    while b > a and not chunk[b - 1].isalnum() and chunk[b - 1] != "_":
        b -= 1
    word = chunk[a:b]
    if word and not word.isalpha():
        return [(start + m.start(), start + m.end(), m.group(), m.lastgroup or "punct")
                for m in _TOKEN.finditer(chunk)]
    out = []
    for i in range(a):
        out.append((start + i, start + i + 1, chunk[i], "punct"))
    if word:
        out.append((start + a, start + b, word, "word"))
    for i in range(b, len(chunk)):
        out.append((start + i, start + i + 1, chunk[i], "punct"))
    return out


@dataclass(slots=True)
class Found:
    """One mention found: ``[start, end)`` in the normalised text, the referent, how it was found.

    ``ref`` is a knowledge-base id, or ``"?" + folded name`` for a person the KB lacks.
    """

    start: int
    end: int
    ref: str
    how: str = "match"


_ONES = [bytearray(b"\x01") * n for n in range(256)]


def ones(n: int) -> bytearray:
    """``n`` bytes 1, to set a span of a mask: a bytearray, which a bytearray's slice takes as it is
    (bytes it first copies into a new bytearray: that costs more than the rest of the assignment)."""
    return _ONES[n] if 0 <= n < 256 else bytearray(b"\x01") * n


class Taken:
    """Which characters of the normalised text a mention already covers."""

    def __init__(self, size: int, spans: Any = ()) -> None:
        self.mask = mask = bytearray(size)
        for start, end in spans:
            mask[start:end] = ones(end - start)

    def free(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        self.mask[start:end] = ones(end - start)


@dataclass
class DocView:
    """A document as the entity finders see it."""

    original: str
    norm: Any                      # marsad.arabic.Normalized
    kb: KnowledgeBase
    lex: Lexicon
    institutions: list[dict[str, str]] = field(default_factory=list)   # country -> actor, per institution
    table: dict[str, list[Any]] = field(default_factory=dict)           # folded key -> matcher targets
    memo: dict[Any, Any] = field(default_factory=dict)    # answers that depend on the KB alone

    def __post_init__(self) -> None:
        self.text: str = self.norm.text
        self.bares: BareTables = bare_tables(self.lex)

    def tokens_near(self, spans: list[tuple[int, int]], before: int, after: int) -> Tokens:
        """Tokens of the regions around ``spans`` (whole words); a "|" token marks each gap."""
        text = self.text
        regions: list[list[int]] = []
        for s, e in spans:
            lo, hi = self.word_start(max(0, s - before)), min(len(text), e + after)
            if regions and lo <= regions[-1][1]:
                regions[-1][1] = max(regions[-1][1], hi)
            else:
                regions.append([lo, hi])
        for region in regions:
            while region[1] < len(text) and text[region[1]].isalnum():
                region[1] += 1
        return _region_tokens(text, regions) or self._tokens_by_region(regions)

    def _tokens_by_region(self, regions: list[list[int]]) -> Tokens:
        """:meth:`tokens_near` of the (whole-word) ``regions``, region by region."""
        out = Tokens()
        for lo, hi in regions:
            out.add_region(self.text[lo:hi], lo)
            out.add(hi, hi, "|", "punct")
        return out

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Normalised offsets where sentences begin (after . ! ? ؟ or a line break): where each run
        of :data:`SENTENCE_MARKS` ends, read off their offsets (a string search per mark costs far
        less than a regular expression's scan of the text)."""
        at = find_all(self.text, SENTENCE_MARKS)
        return [0, *(i + 1 for i, j in zip(at, [*at[1:], -1], strict=False) if j != i + 1)]

    def sentence_index(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def original_char(self, i: int) -> str:
        s, e = self.norm.to_original(i, i + 1)
        return self.original[s:e][-1:] if e > s else ""

    def span(self, start: int, end: int) -> Span:
        """The original span behind normalised ``[start, end)``."""
        s, e = self.norm.to_original(start, end)
        return Span(s, e, self.original[s:e])

    @cached_property
    def marked(self) -> str:
        """:func:`mark` of the normalised text."""
        return mark(self.text)

    def word_start(self, i: int) -> int:
        """Start of the word holding (or ending at) offset ``i``; ``i`` itself between words.

        (``0 <= i <= len(text)``.)
        """
        return self.marked.rfind(MARK, 0, i) + 1

    def word_before(self, start: int) -> str:
        """The folded word before the one holding ``start`` (quotes and spaces skipped)."""
        text, j = self.text, self.marked.rfind(MARK, 0, start) + 1      # self.word_start(start)
        while j > 0 and text[j - 1] in SKIPPED:
            j -= 1
        if j == 0 or self.marked[j - 1] == MARK:      # no word, or other punctuation between
            return ""
        return text[self.marked.rfind(MARK, 0, j) + 1:j]

    def word_after(self, end: int) -> str:
        """The folded word after ``end`` (quotes and spaces skipped)."""
        text, marked, j = self.text, self.marked, end
        while j < len(text) and text[j] in SKIPPED:
            j += 1
        if j >= len(text) or marked[j] == MARK or (j == end and j > 0 and marked[j - 1] != MARK):
            return ""                 # no word, other punctuation between, or ``end`` inside a word
        stop = marked.find(MARK, j)
        return text[j:stop if stop >= 0 else len(text)]

    def occurrences(self, phrase: str, prefixes: frozenset[str]) -> list[tuple[int, int]]:
        """Where ``phrase`` stands as whole words (after one of ``prefixes``) in the normalised text."""
        text, out = self.text, []
        i = text.find(phrase)
        while i >= 0:
            end = i + len(phrase)
            if (end == len(text) or not text[end].isalnum()) and text[self.word_start(i):i] in prefixes:
                out.append((i, end))
            i = text.find(phrase, i + 1)
        return out


_BARE: dict[int, tuple[Any, frozenset[str], dict[str, str]]] = {}
_BARE_MAX = 64


def bare_table(vocabulary: frozenset[str] | dict[str, Any], proclitics: frozenset[str]) -> dict[str, str]:
    """Every word that stands for one of ``vocabulary`` -> that one (built once per vocabulary).

    A word stands for itself, else for itself without one letter, else without two,
    where they are a proclitic (``proclitics``): the table is filled in the opposite order.
    """
    entry = _BARE.get(id(vocabulary))
    if entry is not None and entry[0] is vocabulary and entry[1] is proclitics:
        return entry[2]
    table: dict[str, str] = {}
    for cut in (2, 1):
        table.update((p + w, w) for p in proclitics if len(p) == cut for w in vocabulary)
    table.update((w, w) for w in vocabulary)
    if len(_BARE) >= _BARE_MAX:          # vocabularies are the lexicon's: a few, kept for good
        _BARE.clear()
    _BARE[id(vocabulary)] = (vocabulary, proclitics, table)
    return table


@dataclass(frozen=True, slots=True)
class BareTables:
    """The :func:`bare_table` of each vocabulary the finders look words up in per hit or token.

    A word is found as it is, or without a proclitic (:func:`bare_table`): ``bares.cues.get(word)``
    is the cue ``word`` stands for, if any.
    """

    stop_words: dict[str, str]
    connectors: dict[str, str]
    not_names: dict[str, str]
    cues: dict[str, str]
    blockers: dict[str, str]
    directions: dict[str, str]
    common_words: dict[str, str]
    region_words: dict[str, str]


_TABLES: dict[int, tuple[Lexicon, BareTables]] = {}


def bare_tables(lex: Lexicon) -> BareTables:
    """The :class:`BareTables` of ``lex`` (built once per lexicon)."""
    entry = _TABLES.get(id(lex))
    if entry is None or entry[0] is not lex:
        p = lex.clitics.before_plain
        entry = _TABLES[id(lex)] = (lex, BareTables(
            bare_table(lex.stop_words, p), bare_table(lex.connectors, p), bare_table(lex.not_names, p),
            bare_table(lex.cues, p), bare_table(lex.blockers, p), bare_table(lex.directions, p),
            bare_table(lex.common_words, p), bare_table(lex.region_words, p)))
    return entry[1]
