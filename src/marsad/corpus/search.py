"""Arabic-aware full-text search over the corpus (SQLite FTS5).

Index and query pass through the same normalisation: Arabic folding (alef, yaa, taa marbuta, hamza,
diacritics, digits) and removal of proclitics including the article, so that "الرقة" finds "بالرقة",
"والرقة" and "الرقه". Enclitics are kept: stripping them (قواتها → قوات) makes too many false matches
for a search engine. Snippets and highlights are computed on the original text of the top hits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Any

import numpy as np

from marsad.arabic.tokens import LETTER, bmp_lookup, class_table, from_code_points
from marsad.corpus import rows

_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r'"([^"]+)"|(\S+)')


@lru_cache(maxsize=200_000)
def term(word: str) -> str:
    """The search key of one word: folded, proclitics and the article removed."""
    from marsad.arabic import fold, stems

    folded = fold(word)
    if not folded or not ("\u0600" <= folded[0] <= "\u06ff"):
        return folded.lower()
    analyses = [s for s in stems(folded) if not s.enclitic]
    stem = analyses[0].stem if analyses else folded
    if stem.startswith("ال") and len(stem) > 3:
        stem = stem[2:]
    return stem


def index_terms(text: str) -> str:
    """The text as a space-separated sequence of search keys (what FTS5 indexes)."""
    return " ".join(word_terms(text))


def word_terms(text: str) -> list[str]:
    """The search key of each word (``\\w+`` run) of ``text``, in order."""
    return list(map(term, words_of(text)))


def words_of(text: str) -> list[str]:
    """The words (``\\w+`` runs) of ``text``, in order: what :func:`word_terms` keys."""
    return _WORD.findall(text)


_WORD_SPLIT = re.compile(r"(\w+)")


@dataclass(frozen=True, slots=True)
class TextWords:
    """The words (``\\w+`` runs) of a text, where each starts, and the search key of each."""

    words: list[str]
    starts: list[int]
    keys: list[str]


def text_words(text: str) -> TextWords:
    """:class:`TextWords` of ``text`` (by array steps for a long text, else by one split)."""
    found = _vector_words(text) if len(text) >= VECTOR_MIN else None
    words, starts = found if found is not None else _split_words(text)
    return TextWords(words, starts, list(map(term, words)))


VECTOR_MIN = 200     # shorter texts: the fixed cost of the array steps outweighs the split's


def _split_words(text: str) -> tuple[list[str], list[int]]:
    """The words and their starts from one split that keeps the gaps too (the starts are running
    sums of the lengths)."""
    parts = _WORD_SPLIT.split(text)          # gap, word, gap, word, ..., gap
    ends = list(accumulate(map(len, parts)))
    return parts[1::2], ends[:-1:2]


_WORD_CLASSES = ((LETTER, r"\w"),)   # a class_table whose LETTER entries are the \w characters


def _vector_words(text: str) -> tuple[list[str], list[int]] | None:
    """:func:`_split_words` by a dozen C loops over the text's code points, not a regular expression
    search per word (166 -> 100 us for a generated 519-word article, timed on the machine): the
    non-word characters are made NUL, the text split there.  ``None`` for a text with a character
    beyond the BMP."""
    found = bmp_lookup(text, class_table(_WORD_CLASSES))
    if found is None:
        return None
    codes, classes = found
    word = classes == LETTER
    edges = np.flatnonzero(np.diff(word, prepend=False, append=False))   # start, end, start, end...
    kept = from_code_points(codes * word)                                 # no surrogate is a word
    return list(filter(None, kept.split("\0"))), edges[::2].tolist()


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression: every word (or "quoted phrase") must occur."""
    parts = []
    for phrase, word in _QUOTED.findall(query):
        keys = [term(w) for w in _WORD.findall(phrase or word)]
        keys = [k.replace('"', "") for k in keys if k]
        if keys:
            parts.append('"' + " ".join(keys) + '"')
    return " AND ".join(parts)


@dataclass
class Filters:
    outlet: str | None = None          # outlet id or display name
    date_from: str | None = None       # ISO date, on the publication date
    date_to: str | None = None
    event_type: str | None = None      # event type or sub-event type
    actor: str | None = None           # kb id or canonical name
    place: str | None = None           # kb id or canonical name

    def sql(self) -> tuple[str, list[Any]]:
        where, args = [], []
        if self.outlet:
            where.append("(d.outlet_id = ? OR d.outlet = ?)")
            args += [self.outlet, self.outlet]
        if self.date_from:
            where.append("d.published_start >= ?")
            args.append(self.date_from)
        if self.date_to:
            where.append("d.published_start <= ?")
            args.append(self.date_to)
        if self.event_type:
            where.append("EXISTS (SELECT 1 FROM events v WHERE v.doc_id = d.id "
                         "AND (v.event_type = ? OR v.sub_event_type = ?))")
            args += [self.event_type, self.event_type]
        for value, kinds in ((self.actor, "('person', 'organization')"), (self.place, "('location')")):
            if value:
                where.append(f"EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.id AND e.type IN {kinds} "
                             "AND (e.kb_id = ? OR e.canonical = ? OR e.canonical_en = ?))")
                args += [value, value, value]
        return (" AND ".join(where) or "1"), args


@dataclass
class Hit:
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    snippet: str = ""
    highlights: list[tuple[int, int]] = field(default_factory=list)  # offsets into `snippet`


RANK_CAP = 5_000     # bm25 ranks at most this many matches; beyond it, the latest matches come first


def search(conn: Any, query: str, filters: Filters | None = None, *, limit: int = 20,
           offset: int = 0) -> list[Hit]:
    """Documents matching ``query`` and ``filters``, with highlighted snippets: best first (bm25) when at
    most :data:`RANK_CAP` documents match, else latest first (ranking a huge match set costs seconds)."""
    where, args = (filters or Filters()).sql()
    match = fts_query(query)
    if not match:
        rows_ = conn.execute(
            f"SELECT d.id, d.title, d.outlet, d.published_start, 0.0, d.doc FROM documents d "
            f"WHERE {where} ORDER BY d.published_start DESC, d.rowid LIMIT ? OFFSET ?",
            [*args, limit, offset])
    else:
        found = conn.execute("SELECT COUNT(*) FROM docs_fts WHERE docs_fts MATCH ?", (match,)).fetchone()[0]
        ranked = found <= RANK_CAP
        order = "bm25(docs_fts, 2.0, 1.0)" if ranked else "docs_fts.rowid DESC"
        joined = "" if where == "1" else " JOIN documents d ON d.rowid = docs_fts.rowid"
        rows_ = conn.execute(
            f"SELECT d.id, d.title, d.outlet, d.published_start, f.score, d.doc FROM (SELECT docs_fts.rowid "
            f"AS rowid, bm25(docs_fts, 2.0, 1.0) AS score FROM docs_fts{joined} WHERE docs_fts MATCH ? "
            f"AND {where} ORDER BY {order} LIMIT ? OFFSET ?) f JOIN documents d ON d.rowid = f.rowid "
            f"ORDER BY {'f.score' if ranked else 'f.rowid DESC'}", [match, *args, limit, offset])
    keys = {term(w) for w in _WORD.findall(query)}
    hits = []
    for doc_id, title, outlet, published, score, blob in rows_:
        hit = Hit(doc_id, title, outlet, published, -score)
        hit.snippet, hit.highlights = snippet(rows.unpack_text(blob), keys)
        hits.append(hit)
    return hits


def snippet(text: str, keys: set[str], width: int = 220) -> tuple[str, list[tuple[int, int]]]:
    """The window of ``text`` with the most query words, and where they are in it."""
    found = [(m.start(), m.end()) for m in _WORD.finditer(text) if term(m.group()) in keys] if keys else []
    if not found:
        return text[:width], []
    best = max(found, key=lambda f: sum(1 for g in found if f[0] <= g[0] < f[0] + width))
    start = max(0, text.rfind("\n", 0, best[0]) + 1, best[0] - width // 4)
    end = min(len(text), start + width)
    return text[start:end], [(a - start, b - start) for a, b in found if start <= a and b <= end]
