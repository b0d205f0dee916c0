"""Words with offsets and folded keys, quotation-mark pairs and statement boundaries.

These are the quote stage's own views of the text: cues and speakers are found on
words, and reported content runs to the end of a *statement*, which, unlike a
sentence, does not end inside quotation marks it opened.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache, partial
from itertools import accumulate
from typing import NamedTuple

from marsad.extract.base import find_all

_WORD = re.compile(r"[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06fa-\u06ff\w]+")

OPENERS = {"«": "»", "“": "”", "\"": "\""}
TERMINATORS = ".!?؟"
_MARKS = "\"«“»”"                                # quotation marks
_SURE_ENDS = "\n…" + TERMINATORS.replace(".", "")   # statement ends: all but the dot

# What the gap before a word holds, as bits (:attr:`Layout.gap_flags`).
GAP_COMMA = 1 << 0       # "," or "،"
GAP_COLON = 1 << 1       # ":"
GAP_DOT = 1 << 2         # "."
GAP_NEWLINE = 1 << 3     # a line break
GAP_SEMICOLON = 1 << 4   # ";" or "؛"
GAP_PAREN = 1 << 5       # "("
GAP_BREAK = GAP_COMMA | GAP_COLON | GAP_DOT | GAP_NEWLINE | GAP_SEMICOLON   # no noun phrase runs over it
_GAP_BITS = {",": GAP_COMMA, "،": GAP_COMMA, ":": GAP_COLON, ".": GAP_DOT, "\n": GAP_NEWLINE,
             ";": GAP_SEMICOLON, "؛": GAP_SEMICOLON, "(": GAP_PAREN}
_LETTER = re.compile(r"[^\W\d_]")   # \w but no decimal digit or underscore: a letter or a numeral
MAX_GAPS = 1 << 16          # the gap -> bits table is emptied past this many gaps
# Analysis.scratch key of (text, gaps, words) of the last Layout built for the document, for the
# events stage to read its own words from (see marsad.extract.events.words.split_from)
WORD_SPLIT = "quotes.word_split"


class _GapBits(dict[str, int]):
    """Gap text -> GAP_* bits, filled on demand (most gaps are " ", "، ", ". ")."""

    def __missing__(self, gap: str) -> int:
        if len(self) >= MAX_GAPS:
            self.clear()
        bits = 0
        for c in gap:
            bits |= _GAP_BITS.get(c, 0)
        self[gap] = bits
        return bits


_GAP_FLAGS = _GapBits()


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The folded look-up key of one word (hamza, alef maqsura, taa marbuta, marks)."""
    from marsad.arabic.normalize import fold_key

    return fold_key(word)


class Word(NamedTuple):
    """A word with its offsets and folded key (a named tuple: cheap to build by the thousand)."""

    start: int
    end: int
    text: str
    key: str


_new_word = partial(tuple.__new__, Word)   # a Word from a 4-tuple, without Python-level __new__
_WORD_SPLIT = re.compile("(" + _WORD.pattern + ")")
MAX_KEYED_WORDS = 1 << 17       # the word -> key table is emptied past this many words


class _Keys(dict[str, str]):
    """Word -> folded key, filled on demand (a plain dict read once a word is known)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= MAX_KEYED_WORDS:
            self.clear()
        k = self[word] = key(word)
        return k


_KEYS = _Keys()


def words(text: str) -> list[Word]:
    """Every word of ``text`` (letters and digits), in order."""
    return _as_words(*split_words(text)[:4])


def _as_words(starts: list[int], ends: list[int], texts: list[str], keys: list[str]) -> list[Word]:
    return list(map(_new_word, zip(starts, ends, texts, keys, strict=True)))


def split_words(text: str) -> tuple[list[int], list[int], list[str], list[str], list[str]]:
    """The words of ``text`` as parallel lists -- start offsets, end offsets, texts, folded
    keys -- and the gaps around them (gap ``i`` before word ``i``, and the text after the
    last word).  Built in bulk: the text split into gaps and words, offsets from the running
    length."""
    parts = split_parts(text)                   # gap, word, gap, word, ..., gap
    offsets = list(accumulate(map(len, parts)))  # offsets[2k]: start of word k; offsets[2k + 1]: its end
    starts = offsets[0::2]
    starts.pop()                                # the text's end, after the last gap
    texts = parts[1::2]
    return starts, offsets[1::2], texts, list(map(_KEYS.__getitem__, texts)), parts[0::2]


def split_parts(text: str) -> list[str]:
    """``_WORD_SPLIT.split(text)`` (gap, word, gap, ..., gap), built from the text's tokens between
    spaces: one of letters and digits only (``str.isalnum``, most of them) is one word, and only
    the others (punctuation, diacritics, line breaks) go through the pattern -- a pattern match
    per word costs several times a token test."""
    parts: list[str] = []
    append = parts.append
    split = _WORD_SPLIT.split
    gap = ""                                    # the gap so far, with the space after the last token
    for tok in text.split(" "):
        if tok.isalnum():
            append(gap)
            append(tok)
            gap = " "
            continue
        sub = split(tok)
        if len(sub) == 1:                       # no word in it
            gap += tok + " "
        else:
            sub[0] = gap + sub[0]
            gap = sub.pop() + " "
            parts += sub
    append(gap[:-1])                            # no space after the last token
    return parts


def word_keys(text: str) -> list[str]:
    """The folded keys of the words of ``text`` (``split_words(text)[3]``, without the offsets)."""
    return list(map(_KEYS.__getitem__, _WORD.findall(text)))


def first_word(text: str) -> Word | None:
    """``words(text)[0]`` without reading the rest of ``text``."""
    m = _WORD.search(text)
    return Word(m.start(), m.end(), m.group(), key(m.group())) if m else None


class Pair(NamedTuple):
    """A quotation: ``open`` is the opening mark's offset, ``close`` the closing mark's
    (or the paragraph end when the mark is never closed, ``closed`` False)."""

    open: int
    close: int
    closed: bool = True

    def inside(self, offset: int) -> bool:
        return self.open < offset < self.close


def paragraph_end(text: str, offset: int) -> int:
    """Offset of the newline ending the paragraph holding ``offset`` (or the text end)."""
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def quote_pairs(text: str) -> list[Pair]:
    """Quotation pairs: «» and “” nest and may span paragraphs; straight quotes pair up
    within a paragraph.  An unclosed mark runs to the end of its paragraph."""
    pairs: list[Pair] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for i in find_all(text, _MARKS):     # only these characters matter
        ch = text[i]
        if ch == "\"":
            if straight is None:
                straight = i
                continue
            nl = text.find("\n", straight, i)
            if nl < 0:
                pairs.append(Pair(straight, i))
                straight = None
            else:                       # its paragraph ended first: unclosed; this mark opens anew
                pairs.append(Pair(straight, nl, False))
                straight = i
        elif ch in "«“":
            stack.append((ch, i))
        elif stack and OPENERS[stack[-1][0]] == ch:
            pairs.append(Pair(stack.pop()[1], i))
    if straight is not None:
        pairs.append(Pair(straight, paragraph_end(text, straight), False))
    for _, i in stack:
        pairs.append(Pair(i, paragraph_end(text, i), False))
    return sorted(pairs, key=lambda p: p.open)


def statement_boundaries(text: str) -> list[int]:
    """Offsets just past each sentence terminator or line break (not inside numbers)."""
    ends = find_all(text, _SURE_ENDS)
    n = len(text)
    i = text.find(".")
    while i >= 0:                       # a dot ends one unless in a number or an abbreviation
        nxt = text[i + 1] if i + 1 < n else " "
        prev = text[i - 1] if i else " "
        number = prev.isdigit() and nxt.isdigit()
        abbreviation = i >= 2 and prev.isalpha() and not text[i - 2].isalnum()   # "ت.غ", "د.": one letter
        if not (number or abbreviation):
            ends.append(i)
        i = text.find(".", i + 1)
    ends.sort()
    return ends


def _sentence_ends(text: str, ends: list[int]) -> list[int]:
    """The boundaries that close a sentence holding at least one letter (most sentences have one
    right after the boundary before: two characters tested before any search)."""
    out, prev = [], 0
    for e in ends:
        if e > prev and (text[prev].isalpha() or (prev + 1 < e and text[prev + 1].isalpha())
                         or _has_letter(text, prev, e)):
            out.append(e)
        prev = e + 1
    return out


def _has_letter(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` holds a letter (``str.isalpha``); the pattern finds candidates,
    which may also be non-decimal numerals ("²"), so each one is checked."""
    m = _LETTER.search(text, start, end)
    while m is not None:
        if m.group().isalpha():
            return True
        m = _LETTER.search(text, m.end(), end)
    return False


class Layout:
    """Words, quotation pairs and statement boundaries of one text, with look-ups.  The words
    are parallel lists (``starts``, ``word_ends``, ``texts``, ``keys``): the finder reads them
    by index, and :attr:`words` builds the named tuples only when asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts, self.word_ends, self.texts, self.keys, self.gaps = split_words(text)
        self.pairs = pairs = quote_pairs(text)
        self.ends = statement_boundaries(text)
        self.sent_ends = _sentence_ends(text, self.ends)
        self._opens = [p.open for p in pairs]
        self.quoted = bytearray(len(text) + 1)
        for p in pairs:
            self.quoted[p.open + 1:p.close] = b"\x01" * max(0, p.close - p.open - 1)
        self.gap_flags = bytearray(map(_GAP_FLAGS.__getitem__, self.gaps))   # GAP_* bits of gap i
        # pair_before[i]: the first quotation opening between word i - 1 and word i
        self.pair_before: dict[int, Pair] = {}
        for p in pairs:
            self.pair_before.setdefault(bisect_left(self.starts, p.open), p)
        self._pair_words: dict[int, int] = {}

    @classmethod
    def of(cls, text: str) -> Layout:
        return cls(text)

    @cached_property
    def words(self) -> list[Word]:
        """The words as named tuples (built on first use)."""
        return _as_words(self.starts, self.word_ends, self.texts, self.keys)

    def word_index(self, offset: int) -> int:
        """Index of the first word starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def sentence_no(self, offset: int) -> int:
        """Number of the sentence holding ``offset`` (empty lines do not count)."""
        return bisect_right(self.sent_ends, offset - 1)

    def previous_sentence_start(self, offset: int) -> int:
        """Start of the (non-empty) sentence before the one holding ``offset``."""
        i = bisect_right(self.sent_ends, offset - 1) - 2
        return self.sent_ends[i] + 1 if i >= 0 else 0

    def line(self, offset: int) -> str:
        start = self.text.rfind("\n", 0, offset) + 1
        return self.text[start:paragraph_end(self.text, offset)]

    def sentence_start(self, offset: int) -> int:
        i = bisect_right(self.ends, offset - 1) - 1
        return self.ends[i] + 1 if i >= 0 else 0

    def sentence_end(self, offset: int) -> int:
        i = bisect_left(self.ends, offset)
        return self.ends[i] if i < len(self.ends) else len(self.text)

    def pair_words(self, pair: Pair) -> int:
        """How many words the quotation ``pair`` spans (marks included, as ``str.split`` counts)."""
        n = self._pair_words.get(pair.open)
        if n is None:
            n = self._pair_words[pair.open] = len(self.text[pair.open:pair.close].split())
        return n

    def pairs_between(self, start: int, end: int) -> list[Pair]:
        """Pairs opening in ``[start, end)``."""
        opens = self._opens
        return self.pairs[bisect_left(opens, start):bisect_left(opens, end)]

    def inside_marks(self, offset: int) -> bool:
        return 0 <= offset < len(self.quoted) and bool(self.quoted[offset])

    def statement_end(self, start: int) -> int:
        """End of the statement starting at ``start``: the first boundary that is not inside
        quotation marks opened at or after ``start`` (such marks carry it to their close)."""
        pos = start
        opens, ends = self._opens, self.ends
        first = bisect_left(opens, start)
        while True:
            i = bisect_left(ends, pos)          # the sentence end at or after pos
            end = ends[i] if i < len(ends) else len(self.text)
            last = bisect_left(opens, end)
            if last == first:                   # no quotation opens in between (the usual case)
                return end
            inner = [p for p in self.pairs[first:last] if p.close >= end]
            if not inner:
                return end
            if not all(p.closed for p in inner):
                return paragraph_end(self.text, end)
            pos = max(p.close for p in inner) + 1
            if pos >= len(self.text):
                return len(self.text)
