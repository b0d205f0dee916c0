"""Words of a document with folded keys, clitic stems and clause numbers, and phrase look-ups.

Every :class:`Word` keeps the offsets of the original text, so whatever matches a word yields a
valid span.  Clause numbers grow at clause punctuation (، , ; : . and line breaks) and at the
clause-break words of events.yaml; windows for actors, modality and context stay inside a clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.extract.events.lexicon import Phrases, fold, lexicon

_WORD = re.compile(r"[\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06F0-\u06F9\u0660-\u0669A-Za-z0-9_]+")
_BREAK = re.compile(r"[،,;؛:.!?؟\n]")
_STOP = re.compile(r"[.!?؟\n]")

# Proclitic letters and combinations, longest first; "لل" restores the article ("للتحالف" -> "التحالف").
_PROCLITICS = ("وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول",
               "وك", "وس", "فب", "فل", "فس", "و", "ف", "ب", "ل", "ك", "س")
_ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")


@dataclass(frozen=True, slots=True)
class Word:
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
    deep += [s[:-1] for s in stems if s.endswith("ا") and len(s) >= 4]   # accusative tanween: "كمينا"
    for s in list(deep):
        for enc in _ENCLITICS:
            if s.endswith(enc) and len(s) - len(enc) >= 3 and not (taa and enc == "ه"):
                deep.append(s[: -len(enc)])
    return tuple(dict.fromkeys(stems)), tuple(dict.fromkeys(deep))


def words_of(text: str) -> list[Word]:
    """The words of ``text`` with their clause numbers."""
    raw = []
    last = 0
    for m in _WORD.finditer(text):
        key = fold(m.group())
        taa = m.group().endswith("ة")
        gap = (last, m.start())
        raw.append((m, key, *analyse(key, taa), bool(_BREAK.search(text, *gap)),
                    bool(_STOP.search(text, *gap))))
        last = m.end()
    breaks = lexicon().phrases("clause_breaks").index
    out: list[Word] = []
    clause = sentence = 0
    for i, (m, key, stems, deep, punct, stop) in enumerate(raw):
        if punct or _break_word(raw, i, breaks):
            clause += 1
        sentence += stop
        out.append(Word(i, m.start(), m.end(), m.group(), key, stems, deep, clause, sentence))
    return out


def _break_word(raw: list, i: int, breaks: dict) -> bool:
    """A clause-break phrase ("فيما", "في حين") starts at word ``i``."""
    for stem in raw[i][2][:2]:
        for rest, _p in breaks.get(stem, ()):
            if i + len(rest) < len(raw) and all(r in raw[i + 1 + k][2] for k, r in enumerate(rest)):
                return True
    return False


class WordIndex:
    """Words of one document with offset look-ups and phrase matching."""

    def __init__(self, text: str) -> None:
        self.words = words_of(text)
        self._starts = [w.start for w in self.words]

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
        w = self.words[i]
        for stem in (w.deep if deep else w.stems):
            for rest, payload in table.index.get(stem, ()):
                end = i + 1 + len(rest)
                if limit is not None and end > limit:
                    continue
                if end <= len(self.words) and all(
                        r in self.words[i + 1 + k].stems for k, r in enumerate(rest)):
                    return 1 + len(rest), payload
        return None

    def find(self, table: Phrases, lo: int, hi: int, deep: bool = False) -> list[tuple[int, int, Any]]:
        """Every phrase of ``table`` starting in words ``[lo, hi)``: (index, length, payload)."""
        hits = []
        for i in range(max(lo, 0), min(hi, len(self.words))):
            m = self.match(table, i, deep)
            if m is not None:
                hits.append((i, m[0], m[1]))
        return hits

    def has(self, table: Phrases, lo: int, hi: int) -> bool:
        return bool(self.find(table, lo, hi))
