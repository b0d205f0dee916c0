"""Everything the quote finder consults about one document, computed once."""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from marsad.extract.quotes.lexicon import (
    COMPLEMENTIZER,
    DATE_PREPOSITION,
    LEXICAL_ADJUNCT,
    MANNER,
    PREPOSITION,
    Lexicon,
    load_lexicon,
)
from marsad.extract.quotes.words import GAP_COLON, GAP_COMMA, GAP_DOT, GAP_NEWLINE, WORD_SPLIT, Layout, Word

if TYPE_CHECKING:
    from marsad.document import Entity
    from marsad.extract.base import Analysis, Mention

ACTOR_TYPES = ("person", "organization")
MAY_OPEN = 1        # Ctx.marks bits
AFTER_STOP = 2
_ADJUNCT_TABLES = tuple(bytes(1 if b & mask else 0 for b in range(256))
                        for mask in (LEXICAL_ADJUNCT, MANNER, DATE_PREPOSITION))
_MARKS_OF_GAP = bytes((MAY_OPEN if b & GAP_COLON else 0) | (AFTER_STOP if b & (GAP_DOT | GAP_NEWLINE) else 0)
                      for b in range(256))
SPAN_REFERENCE = date(2000, 1, 1)
MAX_NAME_GENDERS = 1 << 16      # Lexicon.name_genders is emptied past this many names
_WORD_BYTES = array("I").itemsize   # bytes a word in Ctx.class_bytes


@lru_cache(maxsize=64)
def _any_bit(part: int) -> bytes:
    """Translation table: a byte -> 1 when it has any bit of ``part``, else 0."""
    return bytes(1 if b & part else 0 for b in range(256))


def flagged(flags: bytes, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Indexes of the 1 bytes of ``flags`` (see :meth:`Ctx.flags`) in ``[start, end)``."""
    stop = len(flags) if end is None else end
    i = flags.find(1, start, stop)
    while i >= 0:
        yield i
        i = flags.find(1, i + 1, stop)


@dataclass
class Ctx:
    """A document under quote analysis: its layout, lexicon and actor mentions by word."""

    a: Analysis
    lay: Layout = field(init=False)
    lex: Lexicon = field(init=False)

    def __post_init__(self) -> None:
        self.lay = Layout.of(self.a.doc.text)
        self.a.scratch[WORD_SPLIT] = (self.lay.text, self.lay.gaps, self.lay.texts)   # for the events stage
        self.text: str = self.lay.text          # plain attributes: read hundreds of thousands of times
        lay = self.lay                          # the words as parallel lists, indexed by word
        self.starts: list[int] = lay.starts
        self.ends: list[int] = lay.word_ends
        self.texts: list[str] = lay.texts
        self.keys: list[str] = lay.keys         # folded look-up keys
        self.n_words = len(self.keys)
        self.lex = load_lexicon()
        self.kc: list[int] = list(map(self.lex.classes.__getitem__, self.keys))  # key class bits
        self.gap_flags: bytearray = self.lay.gap_flags               # GAP_* bits per word
        self._entity_keys: dict[str, set[str]] = {}
        self.breaks: list[bool | None] = [None] * self.n_words   # phrase_break memo, per word
        self._flags: dict[int, bytes] = {}      # flags memo, per mask
        self._sentence_first: dict[int, int] = {}   # sentence_first memo, per word
        self.name_keys_memo: dict[tuple[str | None, tuple[str | None, ...]], set[str]] = {}
        self.headlines: dict[int, bool] = {}    # is_headline memo (line start -> verdict)
        self._genders: dict[tuple[int, str], str | None] = {}   # gender_of memo (id(entity), surface)
        self.fits_memo: dict[tuple[int, str | None, str | None], bool] = {}   # (id(mention), gender, head)

    @cached_property
    def words(self) -> list[Word]:
        """The words as named tuples (built on first use; the finder reads the parallel lists)."""
        return self.lay.words

    @cached_property
    def actor_mentions(self) -> list[Mention]:
        """Mentions of people and organisations; a person the knowledge base lacks is dropped
        when the "name" sits inside quotation marks or reads as a clause ("طلب عدم")."""
        found = [m for m in self.a.mentions if m.entity.type in ACTOR_TYPES and not self._doubtful(m)]
        return sorted(found, key=lambda m: m.span.start)

    def _doubtful(self, m: Mention) -> bool:
        if m.entity.type != "person" or m.entity.kb_id:
            return False
        if self.lay.inside_marks(m.span.start):
            return True
        from marsad.extract.quotes.words import first_word

        first = first_word(m.span.text)
        return first is not None and (first.key in self.lex.not_names or first.text.endswith("ية"))

    @cached_property
    def mention_by_word(self) -> list[Mention | None]:
        """For each word, the actor mention overlapping it (the longest one)."""
        return self._by_word(sorted(self.actor_mentions, key=lambda m: m.span.end - m.span.start))

    @cached_property
    def person_words(self) -> bytes:
        """Per word, 1 when :attr:`mention_by_word` is a person's mention, else 0 (a byte search
        finds the next person)."""
        out = bytearray(self.n_words)
        by_word = self.mention_by_word
        for m in self.actor_mentions:       # a few mentions: each over its own words only
            if m.entity.type == "person":
                first, end = self._word_range(m)
                for k in range(first, end):
                    if by_word[k] is m:
                        out[k] = 1
        return bytes(out)

    @cached_property
    def place_by_word(self) -> list[Mention | None]:
        """For each word, the place mention overlapping it."""
        return self._by_word([m for m in self.a.mentions if m.entity.type not in ACTOR_TYPES])

    def _by_word(self, mentions: list[Mention]) -> list[Mention | None]:
        """For each word, the last of ``mentions`` overlapping it."""
        out: list[Mention | None] = [None] * self.n_words
        for m in mentions:
            i, end = self._word_range(m)
            if end > i:
                out[i:end] = [m] * (end - i)
        return out

    def _word_range(self, m: Mention) -> tuple[int, int]:
        """The words ``[i, end)`` that mention ``m`` overlaps."""
        i = bisect_left(self.starts, m.span.start)
        if i > 0 and self.ends[i - 1] > m.span.start:
            i -= 1
        return i, bisect_left(self.starts, m.span.end)     # the first word starting at or after its end

    @cached_property
    def date_spans(self) -> list[tuple[int, int]]:
        """Where dates are written (only the spans matter here, so a document without a
        publication date is read against a fixed reference)."""
        try:
            if self.a.reference_date is not None:
                return sorted((s.start, s.end) for s, _ in self.a.dates)
            from marsad.arabic import find_date_spans

            return sorted((s.start, s.end) for s, _ in find_date_spans(self.text, SPAN_REFERENCE))
        except (ImportError, AttributeError):  # the dates module is not there
            return []

    # ------------------------------------------------------------ word predicates

    def gap(self, i: int) -> str:
        """The characters between word ``i - 1`` and word ``i``."""
        before = self.ends[i - 1] if i > 0 else 0
        return self.text[before:self.starts[i]]

    def sentence_first(self, i: int) -> int:
        """Index of the first word of the statement holding word ``i`` (memoised per word)."""
        got = self._sentence_first.get(i)
        if got is None:
            lay = self.lay
            got = self._sentence_first[i] = lay.word_index(lay.sentence_start(self.starts[i]))
        return got

    def comma_before(self, i: int) -> bool:
        return bool(self.gap_flags[i] & GAP_COMMA)

    def is_adjunct(self, i: int) -> bool:
        """A time word, a date, a manner word or an adjunct phrase word."""
        return self.adjunct[i] == 1

    @cached_property
    def adjunct(self) -> bytes:
        """Per word, 1 for an adjunct: an adjunct or manner word, the word after a manner word,
        a word in a date, or a date preposition before one; else 0.  Worked out for all words
        at once, each byte array read as one big number (a byte per word, no carries)."""
        n = self.n_words
        low = self.class_bytes[0::_WORD_BYTES]       # the low byte: ADJUNCT, MANNER, DATE_PREPOSITION
        lexical, manner, before_date = (int.from_bytes(low.translate(t), "little") for t in _ADJUNCT_TABLES)
        dated = int.from_bytes(self.in_date, "little")  # n + 1 bytes, the last 0
        out = lexical | (manner << 8) | dated | (before_date & (dated >> 8))
        return out.to_bytes(n + 2, "little")[:n]

    @cached_property
    def in_date(self) -> bytearray:
        """1 for each word starting inside a date span (the last span starting at or before
        it), 0 otherwise; one more 0 past the last word."""
        out = bytearray(self.n_words + 1)
        starts = self.starts
        spans = self.date_spans
        for k, (start, end) in enumerate(spans):
            if k + 1 < len(spans):
                end = min(end, spans[k + 1][0])     # from there on the next span decides
            first, stop = bisect_left(starts, start), bisect_left(starts, end)
            if stop > first:
                out[first:stop] = b"\x01" * (stop - first)
        return out

    @cached_property
    def marks(self) -> bytearray:
        """Per word (and one past the last): ``MAY_OPEN`` when reported content may open there (a
        colon or a quotation before it, or أن / إن), ``AFTER_STOP`` when a full stop or a line
        break comes before it."""
        n = self.n_words + 1
        gaps = int.from_bytes(self.gap_flags.translate(_MARKS_OF_GAP), "little")
        out = bytearray((gaps | int.from_bytes(self.flags(COMPLEMENTIZER), "little")).to_bytes(n, "little"))
        for i in self.lay.pair_before:
            out[i] |= MAY_OPEN
        return out

    @cached_property
    def class_bytes(self) -> bytes:
        """The key-class bits of every word in one little-endian buffer, ``_WORD_BYTES`` bytes
        a word (so that a byte of every word's bits is one slice)."""
        bits = array("I", self.kc)
        if sys.byteorder != "little":
            bits.byteswap()
        return bits.tobytes()

    def flags(self, mask: int) -> bytes:
        """Per word, 1 when its key class has any bit of ``mask``, else 0 (memoised per mask):
        the words of a class are found by a byte search, not a test per word."""
        got = self._flags.get(mask)
        if got is None:
            raw = self.class_bytes
            parts = [raw[k::_WORD_BYTES].translate(_any_bit(part)) for k in range(_WORD_BYTES)
                     if (part := (mask >> (8 * k)) & 0xFF)]
            if len(parts) == 1:             # a mask within one byte (the usual case): no big numbers
                got = parts[0]
            else:
                found = 0
                for one in parts:
                    found |= int.from_bytes(one, "little")
                got = found.to_bytes(self.n_words, "little")
            self._flags[mask] = got
        return got

    def opens_report(self, i: int) -> bool:
        """Word ``i`` is أن / إن opening reported speech (not "دون أن", "قبل أن")."""
        if not self.kc[i] & COMPLEMENTIZER:
            return False
        return i == 0 or self.keys[i - 1].removeprefix("و") not in self.lex.infinitive_governors

    def is_prep(self, i: int) -> bool:
        """A preposition (alone or bound: "بالمجازر", "للحملة") or أن / إن."""
        return bool(self.kc[i] & PREPOSITION)

    def gender_of(self, entity: Entity | None, surface: str = "") -> str | None:
        """Gender of a person (knowledge base) or grammatical gender of an organisation's name
        (memoised per document)."""
        if entity is None:
            return None
        memo_key = (id(entity), surface)
        try:
            return self._genders[memo_key]
        except KeyError:
            got = self._genders[memo_key] = self._gender_of(entity, surface)
            return got

    def _gender_of(self, entity: Entity, surface: str) -> str | None:
        if entity.type == "person":
            kb_actor = self.a.kb.actors.get(entity.kb_id) if entity.kb_id and self.a.kb else None
            return getattr(kb_actor, "gender", None)
        # a name's gender follows from its words alone: memoised across documents, in the lexicon
        memo = self.lex.name_genders
        memo_key = (surface, entity.canonical)
        try:
            return memo[memo_key]
        except KeyError:
            if len(memo) >= MAX_NAME_GENDERS:
                memo.clear()
            got = memo[memo_key] = self._name_gender(surface, entity.canonical)
            return got

    def _name_gender(self, surface: str, canonical: str | None) -> str | None:
        last = surface.split()[-1] if surface.split() else ""
        if last.endswith(("ون", "يين")) and len(last) > 4:  # "الحوثيون": a human plural
            return "pl"
        name = canonical or surface
        head = name.split()[0] if name.split() else ""
        from marsad.extract.quotes.words import key

        return self.lex.gender_of_head(key(head), head)

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Actor mentions starting in ``[start, end)``, in text order."""
        starts = self._mention_starts
        return self.actor_mentions[bisect_right(starts, start - 1):bisect_right(starts, end - 1)]

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.span.start for m in self.actor_mentions]

    def mentions_of(self, entity: Entity) -> list[Mention]:
        return self._mentions_by_entity.get(entity.id, [])

    @cached_property
    def _mentions_by_entity(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = {}
        for m in self.actor_mentions:
            out.setdefault(m.entity.id, []).append(m)
        return out

    def entity_keys(self, entity: Entity) -> set[str]:
        """Folded words (and bare forms) of an entity's canonical name and surface forms."""
        if entity.id not in self._entity_keys:
            from marsad.extract.quotes.discourse import text_keys

            texts = {entity.canonical} | {m.span.text for m in self.mentions_of(entity)}
            self._entity_keys[entity.id] = set().union(*(text_keys(t) for t in texts))
        return self._entity_keys[entity.id]
