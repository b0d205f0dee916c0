"""Words of a document with folded keys, clitic stems and clause numbers, and phrase look-ups.

Every :class:`Word` keeps the offsets of the original text, so whatever matches a word yields a
valid span.  Clause numbers grow at clause punctuation (، , ; : . and line breaks) and at the
clause-break words of events.yaml; windows for actors, modality and context stay inside a clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache
from typing import Any, NamedTuple

from marsad.extract.events.lexicon import Phrases, fold, lexicon

_WORD = re.compile(r"[\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06F0-\u06F9\u0660-\u0669A-Za-z0-9_]+")
_BREAK = re.compile(r"[،,;؛:.!?؟\n]")
_STOP = re.compile(r"[.!?؟\n]")

# Proclitic letters and combinations, longest first; "لل" restores the article ("للتحالف" -> "التحالف").
_PROCLITICS = ("وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول",
               "وك", "وس", "فب", "فل", "فس", "و", "ف", "ب", "ل", "ك", "س")
_ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")


class Word(NamedTuple):
    index: int
    start: int
    end: int
    text: str
    key: str
    stems: tuple[str, ...]      # key and proclitic-stripped forms (with and without ال)
    deep: tuple[str, ...]       # stems with enclitics stripped as well
    clause: int
    sentence: int = 0           # grows at . ! ? ؟ and line breaks


@lru_cache(maxsize=1 << 16)
def analyse(key: str, taa: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Stems of a folded word: (proclitic analyses, analyses with enclitics stripped too).

    ``taa``: the word ends with taa marbuta, so its folded final ه is no enclitic.
    """
    stems = [key]
    for pro in _PROCLITICS:
        if key.startswith(pro) and len(key) - len(pro) >= 2:
            rest = key[len(pro):]
            if pro.endswith("ال") or pro.endswith("لل"):
                stems.append("ال" + rest)
            stems.append(rest)
    deep = list(stems)
    if key.endswith("ا") and len(key) >= 4:     # accusative tanween on the bare word: "كمينا"
        deep.append(key[:-1])
    for s in list(deep):
        for enc in _ENCLITICS:
            if s.endswith(enc) and len(s) - len(enc) >= 3 and not (taa and enc == "ه"):
                deep.append(s[: -len(enc)])
                if s[-len(enc) - 1] == "ت":      # "هزيمتهم" -> "هزيمة" (taa marbuta before a pronoun)
                    deep.append(s[: -len(enc) - 1] + "ه")
    return tuple(dict.fromkeys(stems)), tuple(dict.fromkeys(deep))


_SCAN = re.compile(r"(?P<w>[\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06F0-\u06F9\u0660-\u0669A-Za-z0-9_]+)"
                   r"|(?P<s>[.!?؟\n])|(?P<p>[،,;؛:])")
_INFO: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}


def _info(word: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(folded key, stems, deep stems) of a word, cached."""
    got = _INFO.get(word)
    if got is None:
        key = fold(word)
        got = (key, *analyse(key, word.endswith("ة")))
        if len(_INFO) < 200_000:
            _INFO[word] = got
    return got


def words_of(text: str) -> list[Word]:
    """The words of ``text`` with their clause and sentence numbers."""
    breaks = lexicon().phrases("clause_breaks").index
    info = _INFO.get                # the cache of _info, read directly (one call less a word)
    out: list[Word] = []
    clause = sentence = 0
    brk = stop = False
    for m in _SCAN.finditer(text):
        kind = m.lastgroup
        if kind == "s":
            brk = stop = True
            continue
        if kind == "p":
            brk = True
            continue
        word = m.group()
        key, stems, deep = info(word) or _info(word)
        if brk or (stems[0] in breaks or (len(stems) > 1 and stems[1] in breaks)):
            clause += 1 if brk or _break_word(text, m.end(), stems, breaks) else 0
        sentence += stop
        out.append(_new_word(Word, (len(out), m.start(), m.end(), word, key, stems, deep, clause, sentence)))
        brk = stop = False
    return out


_new_word = tuple.__new__      # builds a Word without the named tuple's Python-level __new__


def _break_word(text: str, end: int, stems: tuple[str, ...], breaks: dict) -> bool:
    """A clause-break phrase ("فيما", "في حين") starts with this word (whose end is ``end``)."""
    found = _WORD.finditer(text, end, end + 40)
    following: list[tuple[str, ...]] = []          # stems of the next words, read as far as needed
    for stem in stems[:2]:
        for rest, _p in breaks.get(stem, ()):
            if not rest:
                return True
            while len(following) < len(rest):
                m = next(found, None)
                if m is None:
                    break
                following.append(_info(m.group())[1])
            if len(following) >= len(rest) and all(r in following[k] for k, r in enumerate(rest)):
                return True
    return False


class WordIndex:
    """Words of one document with offset look-ups and phrase matching."""

    def __init__(self, text: str) -> None:
        self.words = words_of(text)
        self._starts = [w.start for w in self.words]
        self._hits: dict[tuple[int, bool], tuple[list[int], dict[int, tuple[int, Any]]]] = {}
        self._where: dict[bool, dict[str, list[int]]] = {}

    def _positions(self, deep: bool) -> dict[str, list[int]]:
        """Stem -> indices of the words that have it (built once per kind of stems)."""
        where = self._where.get(deep)
        if where is None:
            built: defaultdict[str, list[int]] = defaultdict(list)
            for w in self.words:
                at = w.index
                for stem in (w.deep if deep else w.stems):
                    built[stem].append(at)
            built.default_factory = None        # a plain mapping from now on (missing stems raise)
            where = self._where[deep] = built
        return where

    def between(self, start: int, end: int) -> list[Word]:
        """Words lying inside ``[start, end)``."""
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end)
        return [w for w in self.words[i:j] if w.end <= end]

    def overlapping(self, start: int, end: int) -> list[Word]:
        """Words overlapping ``[start, end)`` (a number glued to a clitic, "لـ138", included)."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        j = bisect_left(self._starts, end)
        return [w for w in self.words[i:j] if w.end > start]

    def at(self, offset: int) -> Word | None:
        """The word starting at or covering ``offset``."""
        i = bisect_right(self._starts, offset) - 1
        if 0 <= i < len(self.words) and self.words[i].start <= offset < self.words[i].end:
            return self.words[i]
        return None

    def last_before(self, offset: int) -> int:
        """Index of the last word starting before ``offset``."""
        return max(bisect_left(self._starts, offset) - 1, 0)

    def after(self, offset: int) -> int:
        """Index of the first word starting at or after ``offset``."""
        return bisect_left(self._starts, offset)

    def match(self, table: Phrases, i: int, deep: bool = False,
              limit: int | None = None) -> tuple[int, Any] | None:
        """The longest phrase of ``table`` starting at word ``i``: (number of words, payload)."""
        words = self.words
        index = table.index
        for stem in (words[i].deep if deep else words[i].stems):
            bucket = index.get(stem)
            if not bucket:
                continue
            for rest, payload in bucket:
                end = i + 1 + len(rest)
                if end > len(words) or (limit is not None and end > limit):
                    continue
                k = 0
                while k < len(rest) and rest[k] in words[i + 1 + k].stems:
                    k += 1
                if k == len(rest):
                    return 1 + len(rest), payload
        return None

    def _table(self, table: Phrases, deep: bool) -> tuple[list[int], dict[int, tuple[int, Any]]]:
        """Every match of ``table`` in the document, computed once: (positions, position -> match)."""
        key = (id(table), deep)
        found = self._hits.get(key)
        if found is None:
            positions = self._positions(deep)
            index = table.index
            if len(index) <= len(positions):
                candidates = {i for stem in index if stem in positions for i in positions[stem]}
            else:
                candidates = {i for stem, at in positions.items() if stem in index for i in at}
            where: dict[int, tuple[int, Any]] = {}
            for i in candidates:
                m = self.match(table, i, deep)
                if m is not None:
                    where[i] = m
            found = self._hits[key] = (sorted(where), where)
        return found

    def find(self, table: Phrases, lo: int, hi: int, deep: bool = False) -> list[tuple[int, int, Any]]:
        """Every phrase of ``table`` starting in words ``[lo, hi)``: (index, length, payload)."""
        positions, where = self._hits.get((id(table), deep)) or self._table(table, deep)
        i = bisect_left(positions, max(lo, 0))
        out = []
        while i < len(positions) and positions[i] < hi:
            n, payload = where[positions[i]]
            out.append((positions[i], n, payload))
            i += 1
        return out

    def has(self, table: Phrases, lo: int, hi: int) -> bool:
        positions, _where = self._hits.get((id(table), False)) or self._table(table, False)
        i = bisect_left(positions, max(lo, 0))
        return i < len(positions) and positions[i] < hi
