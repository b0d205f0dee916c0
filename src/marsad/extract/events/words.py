"""Words of a document with folded keys, clitic stems and clause numbers, and phrase look-ups.

Every :class:`Word` keeps the offsets of the original text, so whatever matches a word yields a
valid span.  Clause numbers grow at clause punctuation (، , ; : . and line breaks) and at the
clause-break words of events.yaml; windows for actors, modality and context stay inside a clause.

Phrase look-ups read precomputed hits: the lexicon's tables are matched together in one pass over a
document's words (:class:`_Tables`), and a window query is a bisection over a table's hit positions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from marsad.extract.events.lexicon import Phrases, fold, lexicon

try:    # fold(word) for a word, from the Arabic layer's cache of word keys (the quote stage fills it)
    from marsad.arabic import fold_key as _fold_word
except ImportError:  # pragma: no cover - the Arabic layer is part of the package
    _fold_word = fold

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


# The clitics above by the letter they start (proclitics) or end (enclitics) with, in the same order:
# a word is tried only against the clitics that can match it.
_PROCLITICS_BY_FIRST = {c: tuple(p for p in _PROCLITICS if p[0] == c) for c in {p[0] for p in _PROCLITICS}}
_ENCLITICS_BY_LAST = {c: tuple(e for e in _ENCLITICS if e[-1] == c) for c in {e[-1] for e in _ENCLITICS}}


@lru_cache(maxsize=1 << 16)
def analyse(key: str, taa: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Stems of a folded word: (proclitic analyses, analyses with enclitics stripped too).

    ``taa``: the word ends with taa marbuta, so its folded final ه is no enclitic.
    """
    stems = [key]
    for pro in _PROCLITICS_BY_FIRST.get(key[:1], ()):
        if key.startswith(pro) and len(key) - len(pro) >= 2:
            rest = key[len(pro):]
            if pro.endswith("ال") or pro.endswith("لل"):
                stems.append("ال" + rest)
            stems.append(rest)
    deep = list(stems)
    if key.endswith("ا") and len(key) >= 4:     # accusative tanween on the bare word: "كمينا"
        deep.append(key[:-1])
    for s in list(deep):
        for enc in _ENCLITICS_BY_LAST.get(s[-1:], ()):
            if s.endswith(enc) and len(s) - len(enc) >= 3 and not (taa and enc == "ه"):
                deep.append(s[: -len(enc)])
                if s[-len(enc) - 1] == "ت":      # "هزيمتهم" -> "هزيمة" (taa marbuta before a pronoun)
                    deep.append(s[: -len(enc) - 1] + "ه")
    return tuple(dict.fromkeys(stems)), tuple(dict.fromkeys(deep))


_LETTERS = r"\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06F0-\u06F9\u0660-\u0669A-Za-z0-9_"
# split: [what lies before the first word, the first word, what lies before the second word, ...]
_SPLIT = re.compile(f"([{_LETTERS}]++)")
_ONLY_LETTERS = re.compile(f"[{_LETTERS}]*+")
_STOPS = frozenset(".!?؟\n")
_CLAUSE_MARKS = frozenset("،,;؛:") | _STOPS
_INFO: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}


def _info(word: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(folded key, stems, deep stems) of a word, cached."""
    got = _INFO.get(word)
    if got is None:
        key = _fold_word(word).strip()
        got = (key, *analyse(key, word.endswith("ة")))
        if len(_INFO) < 200_000:
            _INFO[word] = got
    return got


class _GapMarks(dict[str, int]):
    """The characters between two words -> 0 (no break), 1 (a clause break) or 2 (a sentence break
    too), filled as gaps are met."""

    def __missing__(self, gap: str) -> int:
        got = 2 if not _STOPS.isdisjoint(gap) else 0 if _CLAUSE_MARKS.isdisjoint(gap) else 1
        if len(self) < 10_000:
            self[gap] = got
        return got


_GAP_MARKS = _GapMarks()


def split_from(gaps: list[str], texts: list[str]) -> list[str] | None:
    """``_SPLIT.split(text)`` from another split of the same text into ``gaps`` (one more than the
    words) and words ``texts`` whose word characters include ours (the quote stage's: letters and
    digits of any script), or None when one of its words holds a character that is not ours.
    Then the two splits agree: the gaps hold none of our characters either."""
    if not _ONLY_LETTERS.fullmatch("".join(texts)):
        return None
    parts = [""] * (len(gaps) + len(texts))
    parts[0::2] = gaps
    parts[1::2] = texts
    return parts


# (key, stems, deep stems, whether its first stems start a clause-break phrase) of a word
Info = tuple[str, tuple[str, ...], tuple[str, ...], bool]
Columns = tuple[list[str], list[Info], list[str], list[tuple[str, ...]], list[int], list[int], list[int],
                list[int]]


def columns_of(text: str, parts: list[str] | None = None) -> Columns:
    """The words of ``text`` as columns: (texts, infos, keys, stems, starts, ends, clause numbers,
    sentence numbers), one entry per word (``parts``: the text split into gaps and words, as
    ``_SPLIT.split(text)`` or :func:`split_from` give it)."""
    breaks = lexicon().phrases("clause_breaks").index
    known = _KNOWN[0] if _KNOWN[0].breaks is breaks else _reset_known(breaks)
    if parts is None:
        parts = _SPLIT.split(text)
    texts = parts[1::2]
    n = len(texts)
    bounds = list(accumulate(map(len, parts)))
    starts, ends = bounds[0:2 * n:2], bounds[1::2]
    infos = list(map(known.__getitem__, texts))
    stems = list(map(_STEMS, infos))
    # a clause grows at a word after clause punctuation, or at a word starting a clause-break phrase:
    # the gaps are marked in one pass, and only the words that may start such a phrase are read
    marks = list(map(_GAP_MARKS.__getitem__, parts[0:2 * n:2]))
    clause_grows = list(compress(range(n), marks))
    sentence_grows = [k for k in clause_grows if marks[k] == 2]
    heads = known.heads
    phrase_grows = [k for k in compress(range(n), map(_MAY_BREAK, infos)) if not marks[k]
                    and _goes_on(heads, stems, ends, k) and _break_word(parts, k, ends[k], stems[k], breaks)]
    if phrase_grows:
        clause_grows = sorted(clause_grows + phrase_grows)
    return (texts, infos, list(map(_KEY, infos)), stems, starts, ends,
            _numbers(clause_grows, n), _numbers(sentence_grows, n))


_KEY, _STEMS, _DEEP, _MAY_BREAK = (itemgetter(k) for k in range(4))


def _numbers(grows: list[int], n: int) -> list[int]:
    """The numbers of ``n`` words, from 0, growing by one at each word of ``grows`` (increasing)."""
    out = [0] * (grows[0] if grows else n)
    for number, (k, following) in enumerate(zip(grows, [*grows[1:], n], strict=False), start=1):
        out += [number] * (following - k)
    return out


class _Known(dict[str, Info]):
    """Word -> its :data:`Info` for the clause-break table ``breaks``, filled as words are met."""

    def __init__(self, breaks: dict) -> None:
        super().__init__()
        self.breaks = breaks
        # first stem -> the words that may follow it in a clause-break phrase (None: it is one itself)
        self.heads: dict[str, frozenset[str] | None] = {
            stem: None if not all(rest for rest, _p in bucket) else frozenset(rest[0] for rest, _p in bucket)
            for stem, bucket in breaks.items()}

    def __missing__(self, word: str) -> Info:
        key, stems, deep = _info(word)
        breaks = self.breaks
        got = (key, stems, deep, stems[0] in breaks or (len(stems) > 1 and stems[1] in breaks))
        if len(self) < 200_000:
            self[word] = got
        return got


_KNOWN = [_Known({})]        # for the lexicon's clause-break table, which is loaded once


def _reset_known(breaks: dict) -> _Known:
    _KNOWN[0] = _Known(breaks)
    return _KNOWN[0]


_new_word = tuple.__new__      # builds a Word without the named tuple's Python-level __new__


_BREAK_REACH = 40          # characters after a clause-break word within which its phrase is read
_NO_HEADS: frozenset[str] = frozenset()


def _goes_on(heads: dict[str, frozenset[str] | None], stems: list[tuple[str, ...]], ends: list[int],
             k: int) -> bool:
    """Whether :func:`_break_word` must read the text after word ``k``: False when no clause-break
    phrase is that word alone and the next word, wholly within reach (so read whole, with the stems it
    has in ``stems``), starts the rest of none (most "في" start no "في حين").  A fast path: the
    phrases are read only for the few words that may start one."""
    if k + 1 >= len(stems) or ends[k + 1] > ends[k] + _BREAK_REACH:
        return True
    following = stems[k + 1]
    for stem in stems[k][:2]:
        nexts = heads.get(stem, _NO_HEADS)
        if nexts is None or not nexts.isdisjoint(following):
            return True
    return False


def _break_word(parts: list[str], n: int, end: int, stems: tuple[str, ...], breaks: dict) -> bool:
    """A clause-break phrase ("فيما", "في حين") starts with word ``n`` of ``parts`` (the text split
    around its words; the word ends at ``end``); the words after it are read within the next 40
    characters of the text."""
    following: list[tuple[str, ...]] = []          # stems of the next words, read as far as needed
    limit, at, nxt = end + _BREAK_REACH, end, 2 * n + 2     # the words of text[end:end + 40], cut at its end
    for stem in stems[:2]:
        for rest, _p in breaks.get(stem, ()):
            if not rest:
                return True
            while len(following) < len(rest) and nxt + 1 < len(parts):
                gap, word = parts[nxt], parts[nxt + 1]
                if at + len(gap) >= limit:
                    nxt = len(parts)                # no more words within reach
                    break
                at += len(gap)
                following.append(_info(word[:limit - at])[1])
                at += len(word)
                nxt += 2
            if len(following) >= len(rest) and rest[0] in following[0] \
                    and all(r in following[k] for k, r in enumerate(rest)):     # the first word decides most
                return True
    return False


def article_stem(stems: tuple[str, ...]) -> bool:
    """One of a word's first two ``stems`` (the word, its proclitic-stripped form) starts with ال."""
    return stems[0].startswith("ال") or (len(stems) > 1 and stems[1].startswith("ال"))


Hit = tuple[int, int, Any]           # (index of the first word, number of words, payload)
# Every phrase of one table in one document: (positions, hits in text order)
Found = tuple[list[int], list[Hit]]


Option = tuple[tuple[str, ...], Any]        # (the words after the first, payload)
Longer = tuple[int, int, tuple[str, ...], Any]     # (table slot, rank among its options, rest, payload)
# What may start at a word: (the one-word phrases taken when no longer phrase goes on with the next
# word, as (slot, payload); the stems the next word needs for a longer phrase; the longer phrases,
# tried first, by the stem of the word after; the tables whose phrase there is one word; the one-word
# phrases of the tables with longer ones, taken when none of their longer ones matches).
Plan = tuple[tuple[tuple[int, Any], ...], frozenset[str], dict[str, tuple[Longer, ...]],
             tuple[tuple[int, Any], ...], tuple[tuple[int, Any], ...]]


class _Tables:
    """Phrase tables merged into one index by first stem, so one pass over a document's words finds
    the phrases of all of them.  Each table is read with plain stems or with deep ones (enclitics
    stripped too, ``deep``) and keeps, at each word, the phrase :meth:`WordIndex.match` would give
    (first stem first, longest phrase first)."""

    def __init__(self, keys: list[tuple[Phrases, bool]]) -> None:
        self.keys = keys
        plain: dict[str, list[tuple[int, Option]]] = {}     # first stem -> (table slot, option)
        deep: dict[str, list[tuple[int, Option]]] = {}
        for slot, (table, is_deep) in enumerate(keys):
            into = deep if is_deep else plain
            for stem, bucket in table.index.items():
                into.setdefault(stem, []).extend((slot, option) for option in bucket)
        self._first = plain, deep
        self._plans = _Plans(self._plan)        # word -> its plan (() when none)

    def _plan(self, stems: tuple[str, ...], deep_stems: tuple[str, ...]) -> Plan | tuple[()]:
        """The phrases that may start at a word with these stems."""
        plain, deep = self._first
        options: dict[int, list[Option]] = {}
        for word_stems, first in ((stems, plain), (deep_stems, deep)):
            for stem in word_stems:
                for slot, option in first.get(stem, ()):
                    options.setdefault(slot, []).append(option)
        static, fallback = [], []
        longer: dict[str, list[Longer]] = {}
        for slot, tried in options.items():
            upto = next((k for k, (rest, _p) in enumerate(tried) if not rest), len(tried))
            if upto == 0:
                static.append((slot, tried[0][1]))
                continue
            for order, (rest, payload) in enumerate(tried[:upto]):
                longer.setdefault(rest[0], []).append((slot, order, rest, payload))
            if upto < len(tried):
                fallback.append((slot, tried[upto][1]))
        return (tuple(static + fallback), frozenset(longer), {k: tuple(v) for k, v in longer.items()},
                tuple(static), tuple(fallback)) if options else ()

    def scan(self, idx: WordIndex) -> list[list[Hit]]:
        """The hits of every table (in the order of ``keys``) in the words of ``idx``."""
        found: list[list[Hit]] = [[] for _ in self.keys]
        texts, stems = idx.texts, idx.stems
        n = len(texts)
        plans = list(map(self._plans.__getitem__, texts))
        for i in compress(range(n), plans):
            quick, heads, longer, static, fallback = plans[i]     # type: ignore[misc]
            nxt = stems[i + 1] if i + 1 < n else ()
            if not heads or heads.isdisjoint(nxt):      # no longer phrase goes on with the next word
                for slot, payload in quick:
                    found[slot].append((i, 1, payload))
                continue
            for slot, payload in static:
                found[slot].append((i, 1, payload))
            matched: dict[int, tuple[int, int, Any]] = {}   # slot -> (rank, length, payload)
            for stem in nxt:
                for slot, order, rest, payload in longer.get(stem, ()):
                    if i + 1 + len(rest) > n or (slot in matched and matched[slot][0] < order):
                        continue
                    k = 1
                    while k < len(rest) and rest[k] in stems[i + 1 + k]:
                        k += 1
                    if k == len(rest):
                        matched[slot] = (order, 1 + len(rest), payload)
            for slot, (_order, length, payload) in matched.items():
                found[slot].append((i, length, payload))
            for slot, payload in fallback:
                if slot not in matched:
                    found[slot].append((i, 1, payload))
        return found


class _Plans(dict[str, Plan | tuple[()]]):
    """Word -> the phrases that may start at it (``plan(stems, deep stems)``, cached by its text: its
    stems follow from it), filled as words are met."""

    def __init__(self, plan: Callable[[tuple[str, ...], tuple[str, ...]], Plan | tuple[()]]) -> None:
        super().__init__()
        self.plan = plan

    def __missing__(self, text: str) -> Plan | tuple[()]:
        _key, stems, deep, _breaks = _KNOWN[0][text]
        got = self.plan(stems, deep)
        if len(self) < 200_000:
            self[text] = got
        return got


class _Eager:
    """The lexicon's tables asked for by earlier documents: a new document matches them all in one
    pass (a table asked for the first time is matched on its own, then joins the pass)."""

    def __init__(self, lex: Any) -> None:
        self.lex = lex
        self.owned = {lex.triggers, lex.context, lex.nouns, lex.cues, *lex.words.values()}
        self.keys: list[tuple[Phrases, bool]] = []
        self.tables: _Tables | None = None

    def ask(self, table: Phrases, deep: bool) -> None:
        if table in self.owned and all(t is not table or d != deep for t, d in self.keys):
            self.keys.append((table, deep))
            self.tables = None

    def merged(self) -> _Tables:
        if self.tables is None:
            self.tables = _Tables(list(self.keys))
        return self.tables


_EAGER: list[_Eager] = []


def _eager() -> _Eager:
    lex = lexicon()
    if not _EAGER or _EAGER[0].lex is not lex:
        _EAGER[:] = [_Eager(lex)]
    return _EAGER[0]


def _found(hits: list[Hit]) -> Found:
    return [h[0] for h in hits], hits


class WordIndex:
    """Words of one document with offset look-ups and phrase matching.

    The words are kept as columns (``texts``, ``infos``, ``keys``, ``stems``, ``starts``, ``ends``,
    ``clauses``, ``sentence_numbers``: entry ``i`` is word ``i``'s, ``infos`` its :data:`Info`);
    :attr:`words` gives them as :class:`Word` tuples, built when first asked."""

    def __init__(self, text: str, parts: list[str] | None = None) -> None:
        """``parts``: the text split into gaps and words, when already known (see :func:`columns_of`)."""
        (self.texts, self.infos, self.keys, self.stems, self.starts, self.ends,
         self.clauses,                  # each word's clause number (never decreasing)
         self.sentence_numbers,         # and sentence number (the same)
         ) = columns_of(text, parts)
        self.size = len(self.texts)     # the number of words
        self._words: list[Word] | None = None
        self._plain: dict[Phrases, Found] = {}  # table -> its phrases read with plain stems
        self._deep: dict[Phrases, Found] = {}   # ... read with deep stems
        self._at: dict[tuple[Phrases, bool], dict[int, tuple[int, Any]]] = {}      # see hits_at()
        self._covers: dict[tuple[tuple[Phrases, int], ...], dict[int, int]] = {}   # see covered()
        self._unions: dict[tuple[tuple[Phrases, bool], ...], list[int]] = {}     # see has_any()
        eager = _eager()
        if eager.keys:
            tables = eager.merged()
            for (table, deep), hits in zip(tables.keys, tables.scan(self), strict=True):
                (self._deep if deep else self._plain)[table] = _found(hits)

    @property
    def words(self) -> list[Word]:
        """The words as :class:`Word` tuples (built once, when first asked)."""
        if self._words is None:
            self._words = list(map(_new_word, repeat(Word), zip(
                range(self.size), self.starts, self.ends, self.texts, self.keys, self.stems,
                map(_DEEP, self.infos), self.clauses, self.sentence_numbers, strict=True)))
        return self._words

    def run(self, i: int, lo: int, hi: int, unit: str = "clause") -> tuple[int, int]:
        """Word range ``[a, b)`` of the words in ``[lo, hi)`` sharing word ``i``'s ``unit`` ("clause" or
        "sentence"), for ``lo <= i < hi``."""
        numbers = self.clauses if unit == "clause" else self.sentence_numbers
        own = numbers[i]
        return bisect_left(numbers, own, lo, i), bisect_right(numbers, own, i, hi)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Word range ``[lo, hi)`` of the words lying inside ``[start, end)`` (``(0, 0)`` if none)."""
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        while hi > lo and self.ends[hi - 1] > end:
            hi -= 1
        return (lo, hi) if hi > lo else (0, 0)

    def overlapping(self, start: int, end: int) -> range:
        """Indexes of the words overlapping ``[start, end)`` (a number glued to a clitic, "لـ138",
        included)."""
        i = max(bisect_right(self.starts, start) - 1, 0)
        j = bisect_left(self.starts, end)
        if i < j and self.ends[i] <= start:
            i += 1
        return range(i, j)

    def index_at(self, offset: int) -> int | None:
        """Index of the word starting at or covering ``offset``."""
        i = bisect_right(self.starts, offset) - 1
        if 0 <= i < self.size and self.starts[i] <= offset < self.ends[i]:
            return i
        return None

    def last_before(self, offset: int) -> int:
        """Index of the last word starting before ``offset``."""
        return max(bisect_left(self.starts, offset) - 1, 0)

    def after(self, offset: int) -> int:
        """Index of the first word starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def match(self, table: Phrases, i: int, deep: bool = False,
              limit: int | None = None) -> tuple[int, Any] | None:
        """The longest phrase of ``table`` starting at word ``i``: (number of words, payload)."""
        found = (self._deep if deep else self._plain).get(table)
        if found is not None and limit is None and 0 <= i < self.size:
            positions = found[0]
            j = bisect_left(positions, i)
            return found[1][j][1:] if j < len(positions) and positions[j] == i else None
        return self._match(table, i, deep, limit)

    def hits_at(self, table: Phrases, deep: bool = False) -> dict[int, tuple[int, Any]]:
        """Word index -> :meth:`match` there, for the words where a phrase of ``table`` starts (built
        once per table, for look-ups word by word)."""
        key = (table, deep)
        at = self._at.get(key)
        if at is None:
            hits = self.find(table, 0, self.size, deep)
            at = self._at[key] = {i: (n, payload) for i, n, payload in hits}
        return at

    def _match(self, table: Phrases, i: int, deep: bool, limit: int | None) -> tuple[int, Any] | None:
        stems = self.stems
        index = table.index
        for stem in (self.infos[i][2] if deep else stems[i]):
            bucket = index.get(stem)
            if not bucket:
                continue
            for rest, payload in bucket:
                end = i + 1 + len(rest)
                if end > self.size or (limit is not None and end > limit):
                    continue
                k = 0
                while k < len(rest) and rest[k] in stems[i + 1 + k]:
                    k += 1
                if k == len(rest):
                    return 1 + len(rest), payload
        return None

    def _table(self, table: Phrases, deep: bool) -> Found:
        """Every match of ``table`` in the document, computed once."""
        into = self._deep if deep else self._plain
        found = into.get(table)
        if found is None:
            _eager().ask(table, deep)
            found = into[table] = _found(_Tables([(table, deep)]).scan(self)[0])
        return found

    def find(self, table: Phrases, lo: int, hi: int, deep: bool = False) -> list[Hit]:
        """Every phrase of ``table`` starting in words ``[lo, hi)``: (index, length, payload)."""
        positions, hits = (self._deep if deep else self._plain).get(table) or self._table(table, deep)
        i = bisect_left(positions, lo if lo > 0 else 0)
        return hits[i:bisect_left(positions, hi, i)]

    def before(self, table: Phrases, first: int, lo: int, reach: int) -> bool:
        """Whether a phrase of ``table`` (read with deep stems) starts among the ``reach`` words before
        word ``first``, not before word ``lo``, in the clause of ``first``."""
        positions = (self._deep.get(table) or self._table(table, True))[0]
        j = bisect_left(positions, first)
        if j == 0:
            return False
        last = positions[j - 1]         # the nearest phrase before: if it is out of reach, all are
        clauses = self.clauses
        return last >= first - reach and last >= lo and clauses[last] == clauses[first]

    def covered(self, tables: tuple[tuple[Phrases, int], ...]) -> dict[int, int]:
        """Word index -> the last word before it, in its clause and within the reach of its table, where
        a phrase of one of ``tables`` ((table, reach) pairs, read with deep stems) starts: a fast path
        that answers :meth:`before` for several tables by one look-up (``before(table, i, lo, reach)``
        holds for one of them when ``covered(tables).get(i, -1) >= lo``), built once per document."""
        got = self._covers.get(tables)
        if got is None:
            got = self._covers[tables] = {}
            clauses, last = self.clauses, self.size - 1
            for table, reach in tables:
                for p in (self._deep.get(table) or self._table(table, True))[0]:
                    clause = clauses[p]
                    for i in range(p + 1, min(p + reach, last) + 1):
                        if clauses[i] != clause:
                            break
                        if got.get(i, -1) < p:
                            got[i] = p
        return got

    def has_any(self, tables: tuple[tuple[Phrases, bool], ...], lo: int, hi: int) -> bool:
        """Whether a phrase of one of ``tables`` ((table, deep) pairs) starts in words ``[lo, hi)``:
        :meth:`has` for all of them by one bisection over their positions merged (once per document)."""
        positions = self._unions.get(tables)
        if positions is None:
            positions = self._unions[tables] = sorted({
                p for table, deep in tables
                for p in ((self._deep if deep else self._plain).get(table) or self._table(table, deep))[0]})
        i = bisect_left(positions, lo)
        return i < len(positions) and positions[i] < hi

    def has(self, table: Phrases, lo: int, hi: int, deep: bool = False) -> bool:
        """Whether a phrase of ``table`` starts in words ``[lo, hi)``."""
        positions = ((self._deep if deep else self._plain).get(table) or self._table(table, deep))[0]
        i = bisect_left(positions, lo if lo > 0 else 0)
        return i < len(positions) and positions[i] < hi
