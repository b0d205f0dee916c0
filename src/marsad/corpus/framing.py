"""How each outlet frames each actor: labels next to names, rival names for the same happening,
legal disclaimers and scare quotes — counted with the exact evidence span.

The lexicon is ``kb/data/framing.yaml``. Matching runs on search keys (Arabic folding, proclitics and
the article removed, see :func:`marsad.corpus.search.term`), so "وبالإرهابيين" and "الارهابيين" meet the
same form. Finding is a pure function of a :class:`~marsad.document.Document`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.corpus.search import TextWords, term, text_words, words_of
from marsad.document import Document, Entity


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    en: str
    kind: str            # label | naming | disclaimer | scare_quotes
    group: str           # polarity for labels, rival group for naming
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FramingHit:
    kind: str
    term: str
    term_en: str
    group: str
    actor_kb: str | None
    actor: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Lexicon:
    window: int
    by_first: dict[str, list[Term]]   # first key -> terms starting with it (longest first)
    sentence_marks: str     # no label is tied to a name across one of these
    open_quotes: str        # scare quotes: one of these just before a name...
    close_quotes: str       # ...and one of these just after it


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    from marsad.kb.loader import DATA, read_data

    data: dict[str, Any] = read_data(DATA / "framing.yaml")
    by_first: dict[str, list[Term]] = {}
    for kind, section in (("label", "labels"), ("naming", "naming"), ("disclaimer", "disclaimers")):
        for entry in data.get(section, []):
            group = entry.get("polarity") or entry.get("group") or kind
            for form in entry["forms"]:
                keys = tuple(term(w) for w in words_of(form))
                t = Term(entry["id"], entry.get("en", entry["id"]), kind, group, keys)
                by_first.setdefault(keys[0], []).append(t)
    for terms in by_first.values():
        terms.sort(key=lambda t: -len(t.keys))
    return Lexicon(int(data.get("window", 4)), by_first, str(data["sentence_marks"]),
                   str(data["open_quotes"]), str(data["close_quotes"]))


def _actor_mentions(doc: Document) -> list[tuple[int, int, Entity]]:
    found = [(m.start, m.end, e) for e in doc.entities if e.type != "location" for m in e.mentions]
    return sorted(found, key=lambda t: t[0])


def find_framing(doc: Document, words: TextWords | None = None) -> list[FramingHit]:
    """Every framing term in ``doc``, tied to the nearest actor mention when one is close.

    ``words``: ``text_words(doc.text)`` when the caller has it already (storing a document computes
    it once for search, framing and MinHash).
    """
    lex = lexicon()
    text = doc.text
    tw = words if words is not None else text_words(text)
    keys, starts, runs = tw.keys, tw.starts, tw.words
    actors = _actor_mentions(doc)
    hits: list[FramingHit] = []
    by_first = lex.by_first
    after = 0                        # terms do not overlap: the next one starts after the last
    for i in [i for i, key in enumerate(keys) if key in by_first]:
        if i < after:
            continue
        match = _match_at(keys, i, lex)
        if match is None:
            continue
        t, n = match
        start, end = starts[i], starts[i + n - 1] + len(runs[i + n - 1])
        last = min(len(runs) - 1, i + n - 1 + lex.window)
        actor = _nearest_actor(text, start, end, actors, starts[max(0, i - lex.window)],
                               starts[last] + len(runs[last]), lex)
        hits.append(FramingHit(t.kind, t.id, t.en, t.group, actor.kb_id if actor else None,
                               actor.canonical if actor else None, start, end, text[start:end]))
        after = i + n
    hits += _scare_quotes(text, actors, lex)
    return sorted(hits, key=lambda h: h.start)


def _match_at(keys: list[str], i: int, lex: Lexicon) -> tuple[Term, int] | None:
    for t in lex.by_first.get(keys[i], ()):
        n = len(t.keys)
        if tuple(keys[i:i + n]) == t.keys:
            return t, n
    return None


def _nearest_actor(text: str, start: int, end: int, actors: list[tuple[int, int, Entity]],
                   lo: int, hi: int, lex: Lexicon) -> Entity | None:
    """The actor mention within ``[lo, hi]`` (``window`` words around the term), in the same
    sentence, closest first."""
    best: tuple[int, Entity] | None = None
    for a_start, a_end, entity in actors:
        if a_end < lo or a_start > hi or (a_start < end and start < a_end):
            continue
        between = text[min(a_end, end):max(a_start, start)]
        if any(mark in between for mark in lex.sentence_marks):
            continue
        distance = max(a_start - end, start - a_end)
        if best is None or distance < best[0]:
            best = (distance, entity)
    return best[1] if best else None


def _scare_quotes(text: str, actors: list[tuple[int, int, Entity]], lex: Lexicon) -> list[FramingHit]:
    hits = []
    for start, end, entity in actors:
        if start > 0 and end < len(text) and text[start - 1] in lex.open_quotes \
                and text[end] in lex.close_quotes:
            hits.append(FramingHit("scare_quotes", "scare_quotes", "name in quotation marks", "neutral",
                                   entity.kb_id, entity.canonical, start - 1, end + 1,
                                   text[start - 1:end + 1]))
    return hits
