"""The extent of a noun phrase after a cue: where a speaker's name or description ends.

A description runs over role nouns, their genitives, definite adjectives, mentions and
prepositional complements ("المتحدث باسم وزارة الخارجية الأميركية"); it stops at a
comma, a verb, أن / إن, a time word, a medium ("في بيان") or an outlet ("لقناة").
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.extract.base import Mention
from marsad.extract.quotes.context import Ctx
from marsad.extract.quotes.lexicon import (
    COMPLEMENTIZER,
    GENERIC,
    MEDIUM_HEAD,
    NOT_IN_NAME,
    OBJECT_PREPOSITION,
    OUTLET,
    ROLE_NOUN,
    ROLE_PREPOSITION,
    TITLE,
    VERB,
)
from marsad.extract.quotes.words import GAP_BREAK, GAP_PAREN

HEAD = ROLE_NOUN | GENERIC | TITLE   # key classes of a head noun (see is_head)
_STOPS_PHRASE = COMPLEMENTIZER | VERB | OUTLET | NOT_IN_NAME   # key classes no noun phrase runs over

MAX_SUBJECT_WORDS = 16
STRIP = " \t\n,،:؛;()[]-–—\"«»“”'"


@dataclass(slots=True)
class Subject:
    """A parsed subject.  ``kind``: person, org, described, generic (an institution noun),
    person_anaphor ("المتحدثة"), document ("البيان"), dropped (no subject), or none (not a quote).
    ``end`` is the index of the first word after the subject."""

    kind: str
    end: int
    mention: Mention | None = None
    name: str = ""
    role: str | None = None
    head: str | None = None
    medium: str | None = None
    start: int = 0


def skip_adjuncts(ctx: Ctx, i: int, limit: int) -> int:
    adjunct = ctx.adjunct
    while i < limit and adjunct[i]:
        i += 1
    return i


def extend(ctx: Ctx, i: int, limit: int, stop: str | None = None) -> int:
    """End (word index) of the noun phrase that starts at word ``i``: heads, mentions,
    definite adjectives, role nouns and prepositional complements ("باسم الوزارة"); ``stop``
    is the cue's own preposition ("حذر ... من"), which ends it."""
    j = i
    after_head = True
    actors, places, keys, kc = ctx.mention_by_word, ctx.place_by_word, ctx.keys, ctx.kc
    quoted_before = ctx.lay.pair_before
    stop_at = min(limit, i + MAX_SUBJECT_WORDS)
    while j < stop_at:
        if j > i:
            if phrase_break(ctx, j) or keys[j] == stop:
                break
            quoted = _quoted_name_end(ctx, j, limit) if j in quoted_before else None
            if quoted is not None:
                j, after_head = quoted, False
                continue
            m = actors[j] or places[j]
        else:
            m = actors[j]
        if m is not None:
            while j < limit and (actors[j] is m or places[j] is m):
                j += 1
            after_head = False
            continue
        if j > i and (not continues(ctx, j, after_head)
                      or (_after_actor(ctx, j) and not _complemented(ctx, j + 1))):
            break
        after_head = bool(kc[j] & HEAD)
        j += 1
    role_prepositions = ctx.lex.role_prepositions
    while j > i and keys[j - 1] in role_prepositions and actors[j - 1] is None:
        j -= 1
    return j


def phrase_break(ctx: Ctx, j: int) -> bool:
    """Word ``j`` cannot continue a noun phrase (memoised per document and word)."""
    got = ctx.breaks[j]
    if got is None:
        got = ctx.breaks[j] = _phrase_break(ctx, j)
    return got


def _phrase_break(ctx: Ctx, j: int) -> bool:
    bits = ctx.kc[j]
    if ctx.gap_flags[j] & GAP_BREAK or bits & _STOPS_PHRASE or ctx.adjunct[j]:
        return True
    m = ctx.mention_by_word[j]
    if m is not None and m.entity.category == "media" and j > 0 and ctx.keys[j - 1] in ("ل", "لـ"):
        return True
    key = ctx.keys[j]
    if bits & MEDIUM_HEAD and key not in ctx.lex.role_nouns and medium_opens(ctx, j):
        return True
    nxt = j + 1
    if key == "ل" and nxt < ctx.n_words and _short_quote_opens(ctx, nxt):
        m = ctx.mention_by_word[nxt]
        if m is None or m.entity.category == "media":  # "لـ"الخليج برس"", not "لـ«قوات ...»"
            return True
    if bits & ROLE_PREPOSITION and nxt < ctx.n_words and ctx.mention_by_word[nxt] is None \
            and (medium_opens(ctx, nxt) or ctx.adjunct[nxt] or ctx.kc[nxt] & OUTLET):
        return True
    return j in ctx.lay.pair_before and not ctx.kc[j - 1] & ROLE_PREPOSITION and long_quote_opens(ctx, j)


def medium_opens(ctx: Ctx, j: int) -> bool:
    """A medium phrase of at most three words starts at word ``j`` ("في بيان")."""
    return bool(ctx.kc[j] & MEDIUM_HEAD) and ctx.lex.medium_at(keys_at(ctx, j, 3), 0) is not None


def is_outlet(ctx: Ctx, k: str) -> bool:
    """An outlet or a correspondent addressed ("لقناة", "لمراسل")."""
    return bool(ctx.lex.classes[k] & OUTLET)


def _short_quote_opens(ctx: Ctx, j: int) -> bool:
    """A quoted name of at most four words opens right before word ``j`` ("لـ"الخليج برس"")."""
    pair = ctx.lay.pair_before.get(j)
    return pair is not None and ctx.lay.pair_words(pair) <= 4


def long_quote_opens(ctx: Ctx, j: int) -> bool:
    """A quotation of four words or more opens right before word ``j``."""
    pair = ctx.lay.pair_before.get(j)
    return pair is not None and ctx.lay.pair_words(pair) >= 4


def continues(ctx: Ctx, j: int, after_head: bool) -> bool:
    key = ctx.keys[j]
    bits = ctx.kc[j]
    if bits & (OUTLET | OBJECT_PREPOSITION):
        return False
    prev = ctx.keys[j - 1]
    if key.startswith("ال") and prev.startswith(("ال", "لل")) and ctx.mention_by_word[j - 1] is None:
        return adjective_like(ctx, key)    # "الأهالي الفصائل": a second definite noun starts the object
    if key.startswith(("ال", "لل", "وال")) or bits & ROLE_PREPOSITION or key in ctx.lex.ordinals:
        return True
    after_preposition = ctx.kc[j - 1] & ROLE_PREPOSITION
    if key[:1] == "ل" and len(key) > 3 and not after_preposition:
        return True
    return bool(ctx.gap_flags[j] & GAP_PAREN or after_preposition or after_head or bits & HEAD)


def adjective_like(ctx: Ctx, k: str) -> bool:
    """A definite word that reads as an adjective: a nisba ("الرسمي", "المحلية"), a participle
    ("المشترك"), or a common adjective of titles ("العام", "الخاص")."""
    return k.endswith(("ي", "يه", "يون", "يين")) or k.startswith("الم") or k in ctx.lex.title_adjectives


def _quoted_name_end(ctx: Ctx, j: int, limit: int) -> int | None:
    """After a preposition, a quoted name ("في "رابطة ضحايا الجزيرة"") is taken whole: the
    index of the word after it."""
    if ctx.keys[j - 1] not in ctx.lex.role_prepositions:
        return None
    if j not in ctx.lay.pair_before:
        return None
    for pair in ctx.lay.pairs_between(ctx.ends[j - 1], ctx.starts[j]):
        if pair.closed and ctx.lay.pair_words(pair) <= 6:
            end = ctx.lay.word_index(pair.close)
            return end if end <= limit else None
    return None


def _after_actor(ctx: Ctx, j: int) -> bool:
    """Word ``j`` follows an organisation's mention directly ("وزارة الدفاع الاتهامات")."""
    m = ctx.mention_by_word[j - 1]
    k = ctx.keys[j]
    return (m is not None and m.entity.type == "organization" and k.startswith("ال")
            and not adjective_like(ctx, k))


def _complemented(ctx: Ctx, k: int) -> bool:
    """Word ``k`` opens a complement ("المدعومة من", "التابعة لـ"): the word before it is an
    adjective of the name, not the cue's object."""
    if k >= ctx.n_words or ctx.comma_before(k):
        return False
    w = ctx.keys[k]
    bound = w[:1] == "ل" and len(w) > 3
    return w in ctx.lex.role_prepositions or bound or ctx.mention_by_word[k] is not None


def is_head(ctx: Ctx, j: int) -> bool:
    """A role noun, rank, or institution noun: the next word may be its genitive."""
    return bool(ctx.kc[j] & HEAD)


def keys_at(ctx: Ctx, j: int, n: int) -> list[str]:
    return ctx.keys[j:j + n]


def span_text(ctx: Ctx, i: int, end: int) -> str:
    """Text of words ``[i, end)`` with edge punctuation removed."""
    if end <= i:
        return ""
    return clean_name(ctx.text[ctx.starts[i]:ctx.ends[end - 1]])


def clean_name(text: str) -> str:
    """``text`` without edge punctuation, brackets and quotation marks kept balanced."""
    out = text.strip(STRIP)
    for opening, closing in ("()", "«»"):
        if opening in out and out.count(opening) > out.count(closing):
            out += closing
    return out
