"""The subject of a cue: who speaks, in what capacity, through which medium.

A subject is parsed on words after a verb cue (Arabic puts the subject after the
verb) or after a nominal cue.  The result says what kind of subject it is; the
anaphoric kinds ("generic", "person_anaphor", "document", "dropped") are resolved
against the discourse later (:mod:`marsad.extract.quotes.discourse`).
"""

from __future__ import annotations

from marsad.extract.base import Mention
from marsad.extract.quotes.context import Ctx
from marsad.extract.quotes.lexicon import COMPLEMENTIZER, GENERIC, NON_SPEAKER, ROLE_NOUN, TITLE, variants
from marsad.extract.quotes.names import apposed_person, described
from marsad.extract.quotes.phrases import (
    MAX_SUBJECT_WORDS,
    Subject,
    continues,
    extend,
    is_head,
    is_outlet,
    keys_at,
    long_quote_opens,
    phrase_break,
    skip_adjuncts,
)
from marsad.extract.quotes.words import GAP_COLON, GAP_COMMA, GAP_PAREN

SPEAKING_PLACES = ("country", "city")

__all__ = ["Subject", "described", "extend", "parse_subject", "skip_adjuncts"]


def parse_subject(ctx: Ctx, i: int, limit: int, stop: str | None = None) -> Subject:
    """The subject starting at word ``i`` (words before ``limit`` only; ``stop``: the cue's
    own preposition, which ends it)."""
    i = _skip_medium(ctx, skip_adjuncts(ctx, i, limit), limit)
    if i >= limit or _opens_content(ctx, i):
        return Subject("dropped", i, start=i)
    head = ctx.keys[i]
    lex = ctx.lex
    if ctx.kc[i] & NON_SPEAKER:
        return _figures_of(ctx, i, limit)
    if ctx.mention_by_word[i] is None and ctx.is_prep(i):
        return Subject("dropped", i, start=i)
    if head in lex.documents:
        return _document_subject(ctx, i, limit)
    place = _speaking_place(ctx, i)
    if place is not None:
        end = i
        while end < limit and ctx.place_by_word[end] is place:
            end += 1
        return Subject("org", end, place, place.entity.canonical, start=i)
    if ctx.mention_by_word[i] is None and head in lex.generic and not _continues_name(ctx, i + 1, limit):
        return Subject("generic", i + 1, name=ctx.texts[i], head=head, start=i)
    end = max(extend(ctx, i, limit, stop), _titled_person_end(ctx, i, limit, stop))
    sub = described(ctx, i, end)
    person_head = bool(ctx.kc[i] & (ROLE_NOUN | TITLE))
    if sub.kind in ("described", "person_anaphor") and person_head:
        return apposed_person(ctx, sub, limit)
    if sub.kind == "person" and person_head and sub.mention is not None and not sub.mention.entity.kb_id \
            and sub.end < limit and ctx.comma_before(sub.end):
        other = apposed_person(ctx, Subject("described", sub.end, start=i), limit)
        if other.kind == "person" and other.end > sub.end:
            return other
    return sub


def _figures_of(ctx: Ctx, i: int, limit: int) -> Subject:
    """"إحصاءات الشبكة السورية": figures speak for the organisation named after them; bare
    "تقارير" are no speaker."""
    j = i + 1
    m = ctx.mention_by_word[j] if j < limit and not ctx.comma_before(j) else None
    if m is None or m.entity.type != "organization":
        return Subject("none", i, start=i)
    while j < limit and ctx.mention_by_word[j] is m:
        j += 1
    return Subject("org", j, m, m.entity.canonical, start=i)


def _speaking_place(ctx: Ctx, i: int) -> Mention | None:
    """A country or city named as a speaker ("أعلنت أنقرة", "قالت واشنطن")."""
    m = ctx.place_by_word[i] if ctx.mention_by_word[i] is None else None
    if m is None or m.span.start > ctx.starts[i] + 1 or not m.entity.kb_id or ctx.a.kb is None:
        return None
    place = ctx.a.kb.places.get(m.entity.kb_id)
    return m if place is not None and place.kind in SPEAKING_PLACES else None


def _titled_person_end(ctx: Ctx, i: int, limit: int, stop: str | None = None) -> int:
    """End of the person the entity stage introduced by the role phrase starting at word ``i``
    ("الممثل الأمريكي لشمال وشرق سوريا (نيكولاس غرانغر)"), else ``i``."""
    j = ctx.person_words.find(1, i, min(limit, i + MAX_SUBJECT_WORDS))   # the first person ahead
    if j < 0:
        return i
    for k in range(i + 1, j + 1):       # a break before it (or at it) ends the role phrase
        if (phrase_break(ctx, k) and not ctx.gap_flags[k] & GAP_PAREN) or ctx.keys[k] == stop:
            return i
    m = ctx.mention_by_word[j]
    if j > i and not m.entity.role:
        return i
    while j < limit and ctx.mention_by_word[j] is m:
        j += 1
    more = j < limit and not phrase_break(ctx, j) and ctx.keys[j] != stop
    if more and continues(ctx, j, False):
        return extend(ctx, j, limit, stop)
    return j


def _skip_medium(ctx: Ctx, i: int, limit: int) -> int:
    """Skip "في حديث لقناة الجزيرة" standing between a verb and its subject (when a subject
    follows it; "وقالت في بيان نشرته" has none)."""
    j = _skip_medium_words(ctx, i, limit)
    if j == i or j >= limit:
        return i
    explicit = ctx.mention_by_word[j] is not None or is_head(ctx, j)
    return j if explicit else i


def _skip_medium_words(ctx: Ctx, i: int, limit: int) -> int:
    while i + 1 < limit and ctx.keys[i] in ctx.lex.medium_prepositions:
        found = ctx.lex.medium_at(keys_at(ctx, i + 1, 3), 0)
        if found is None:
            return i
        i = skip_adjuncts(ctx, i + 1 + found[1], limit)
        if i < limit and is_outlet(ctx, ctx.keys[i]):
            i += 1
            while i < limit and (_media_mention(ctx, i) or ctx.place_by_word[i]
                                 or (ctx.keys[i].startswith("ال") and ctx.mention_by_word[i] is None)):
                i += 1
    return i


def _media_mention(ctx: Ctx, i: int) -> bool:
    m = ctx.mention_by_word[i]
    return m is not None and m.entity.category == "media"


def _opens_content(ctx: Ctx, i: int) -> bool:
    """A colon or a quotation opens right before word ``i``, or ``i`` is أن / إن."""
    return bool(ctx.gap_flags[i] & GAP_COLON or (i > 0 and long_quote_opens(ctx, i))
                or ctx.kc[i] & COMPLEMENTIZER)


def _continues_name(ctx: Ctx, i: int, limit: int) -> bool:
    """Word ``i`` continues a name begun before it (an adjective or a genitive)."""
    if i >= limit or ctx.comma_before(i) or _opens_content(ctx, i):
        return False
    return ctx.keys[i].startswith("ال") and not ctx.is_adjunct(i) and not ctx.kc[i] & GENERIC


def _document_subject(ctx: Ctx, i: int, limit: int) -> Subject:
    """"البيان" (the last statement's author) or "تقرير التحالف", "البيان الصادر عن الجيش"
    (the organisation named)."""
    named = document_np(ctx, i, limit)
    if named is not None and named.kind == "org":
        named.start = i
        return named
    medium = ctx.lex.documents[ctx.keys[i]]
    nxt = i + 1
    if nxt < limit and not phrase_break(ctx, nxt) and not ctx.is_prep(nxt):
        end = extend(ctx, nxt, limit)
        sub = described(ctx, nxt, end)
        sub.medium = medium
        sub.start = i
        return sub
    return Subject("document", nxt, name=ctx.texts[i], medium=medium, start=i)


def document_np(ctx: Ctx, k: int, last: int) -> Subject | None:
    """"بحسب بيان صادر عن وزارة الدفاع"، "وفقا لبيان الجيش": the author named after the
    document noun, or the author of the latest such document."""
    doc_key = next((v for v in variants(ctx.keys[k]) if v in ctx.lex.documents), None)
    if doc_key is None:
        return None
    med = ctx.lex.documents[doc_key]
    for j in range(k + 1, min(last, k + 6)):
        if ctx.gap_flags[j] & (GAP_COMMA | GAP_COLON) or ctx.kc[j] & COMPLEMENTIZER:
            break
        m = ctx.mention_by_word[j]
        if m is not None:
            end = j
            while end < last and ctx.mention_by_word[end] is m:
                end += 1
            return Subject("org", end, m, m.entity.canonical, medium=med, start=j)
    return Subject("document", k + 1, name=ctx.texts[k], medium=med, start=k)
