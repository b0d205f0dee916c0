"""Who a description names: a person (name and role kept apart), an organisation, or
a description standing for an unnamed speaker ("مصدر أمني")."""

from __future__ import annotations

from marsad.extract.base import Mention
from marsad.extract.quotes.context import Ctx
from marsad.extract.quotes.lexicon import GENERIC, OUTLET, PREPOSITION, ROLE_NOUN, SELF_NAMED, TITLE, VERB
from marsad.extract.quotes.phrases import (
    HEAD,
    STRIP,
    Subject,
    clean_name,
    is_outlet,
    phrase_break,
    span_text,
)
from marsad.extract.quotes.words import GAP_PAREN, key


def described(ctx: Ctx, i: int, end: int) -> Subject:
    """The subject of words ``[i, end)``: a named person (with the rest as role), an
    organisation, a generic person noun ("المتحدثة"), or a description ("مصدر أمني")."""
    mentions = _mentions_in(ctx, i, end)
    people = [m for m in mentions if m.entity.type == "person"] if mentions else mentions
    if people:
        person = next((m for m in people if m.resolved_by != "coref"), people[0])
        return Subject("person", end, person, person.entity.canonical, _role(ctx, i, end, person), start=i)
    first = ctx.mention_by_word[i]
    if first is not None:
        return Subject("org", end, first, first.entity.canonical, start=i)
    text = span_text(ctx, i, end)
    head = ctx.keys[i]
    role_head = ctx.kc[i] & ROLE_NOUN
    if end - i == 1 and head.startswith("ال") and role_head:
        return Subject("person_anaphor", end, name=text, head=head, start=i)
    org = next((m for m in mentions if m.entity.type == "organization"), None) if mentions else None
    if not role_head and org is None:
        named = end - i > 1 and bool(ctx.kc[i] & GENERIC)
        return Subject("named" if named else "unknown", end, name=text, start=i)
    return Subject("described", end, org, text, start=i)


def apposed_person(ctx: Ctx, sub: Subject, limit: int) -> Subject:
    """A name the entity stage missed right after a role: "مدير المركز، فراس العبدو، لـ...",
    "الناطق باسم قوى الأمن سيبان عفريني إن"."""
    j = _self_named(ctx, _skip_anonymity(ctx, sub.end, limit), limit)
    while j < limit and (ctx.kc[j] & TITLE or (ctx.keys[j].startswith("ال") and ctx.kc[j] & ROLE_NOUN)):
        j += 1
    found = _person_ahead(ctx, j, limit)
    if found is not None:
        m, end = found
        return Subject("person", end, m, m.entity.canonical, _apposed_role(ctx, sub), start=sub.start)
    end = _name_end(ctx, j, limit)
    if end == j:
        return sub
    return Subject("person", end, None, span_text(ctx, j, end), _apposed_role(ctx, sub), start=sub.start)


def _apposed_role(ctx: Ctx, sub: Subject) -> str | None:
    """The role a description gives the name set beside it (ranks dropped)."""
    return _strip_titles(ctx, span_text(ctx, sub.start, sub.end)) or None


def _person_ahead(ctx: Ctx, j: int, limit: int) -> tuple[Mention, int] | None:
    """A person's mention at ``j``, or after the first name the entity stage left out of it
    ("سامي [حداد]"): the mention and the index after it."""
    for k in range(j, min(limit, j + 3)):
        m = ctx.mention_by_word[k]
        if m is not None:
            if m.entity.type != "person":
                return None
            end = k
            while end < limit and ctx.mention_by_word[end] is m:
                end += 1
            return m, end
        if (k > j and phrase_break(ctx, k)) or not _name_word(ctx, k, k == j):
            return None
    return None


def _skip_anonymity(ctx: Ctx, j: int, limit: int) -> int:
    """Skip "، طالبا عدم الكشف عن اسمه،": the word after the clause, else ``j``."""
    if j >= limit or ctx.keys[j] not in ctx.lex.not_names:
        return j
    for k in range(j + 1, min(limit, j + 9)):
        if ctx.comma_before(k):
            return k
    return j


def _self_named(ctx: Ctx, j: int, limit: int) -> int:
    """"، الذي عرّف عن نفسه باسم أبو محمد،", "، عرّف عن نفسه باسم سليم،", "، ويدعى حيدر،":
    the word after باسم / يدعى, else ``j``."""
    if j < limit and ctx.keys[j] in ctx.lex.name_markers:
        return j + 1
    last = min(limit, j + 7)
    if ctx.flags(SELF_NAMED).find(1, j + 1, last) < 0:
        return j                        # no "باسم" ahead
    for k in range(j + 1, last):
        if ctx.comma_before(k):
            return j
        if ctx.keys[k] in ctx.lex.self_named and ctx.keys[k - 1].startswith("نفس"):
            return k + 1
    return j


def _name_end(ctx: Ctx, j: int, limit: int) -> int:
    """End of 1-4 name words at ``j`` that a break follows (else ``j``)."""
    for end in range(j, min(limit, j + 4)):
        if end > j and (phrase_break(ctx, end) or ctx.gap_flags[end] & GAP_PAREN):
            return end
        if _in_any_mention(ctx, end) or not _name_word(ctx, end, end == j):
            return j
    nxt = min(limit, j + 4)
    return nxt if nxt > j and _is_break_after(ctx, nxt, limit) else j


def _name_word(ctx: Ctx, k: int, first: bool) -> bool:
    """Word ``k`` may be part of a person's name (``first``: its first word)."""
    word_key, text = ctx.keys[k], ctx.texts[k]
    bits = ctx.kc[k]
    if bits & (OUTLET | VERB) or ctx.adjunct[k] or word_key in ctx.lex.not_names or text.endswith("ية"):
        return False
    if bits & PREPOSITION and text != "علي":  # the name علي, not the preposition على
        return False
    if first:
        return not (bits & HEAD or word_key.startswith("ال"))
    return not word_key.startswith("لل")


def _in_any_mention(ctx: Ctx, k: int) -> bool:
    """Word ``k`` lies in a mention of any kind (a place is no person's name)."""
    return ctx.mention_by_word[k] is not None or ctx.place_by_word[k] is not None


def _is_break_after(ctx: Ctx, k: int, limit: int) -> bool:
    if k >= limit or k >= ctx.n_words:
        return True
    w = ctx.keys[k]
    return phrase_break(ctx, k) or ctx.is_prep(k) or is_outlet(ctx, w) or w in ctx.lex.medium_prepositions


def _mentions_in(ctx: Ctx, i: int, end: int) -> list[Mention]:
    window = ctx.mention_by_word[i:end]
    seen: list[Mention] = []
    if not any(window):     # most descriptions name nobody (a mention is true; no Mention.__eq__ call)
        return seen
    last = None
    for m in window:        # a mention covers a run of words: its later words are skipped by identity
        if m is not None and m is not last and m not in seen:
            seen.append(m)
        last = m
    return seen


def _role(ctx: Ctx, i: int, end: int, person: Mention) -> str | None:
    """The role beside a person's name: the words before it, else the words after it."""
    before = ctx.text[ctx.starts[i]:person.span.start] if ctx.starts[i] < person.span.start else ""
    after = ctx.text[person.span.end:ctx.ends[end - 1]] if end > i else ""
    for part in (before, after):
        role = clean_name(_strip_titles(ctx, part.strip(STRIP)))
        if role:
            return role
    return person.entity.role or _strip_ranks_only(before)


def _strip_titles(ctx: Ctx, role: str) -> str:
    """Drop ranks and honorifics ("العقيد") from the edges of a role."""
    parts = role.split()
    while parts and key(parts[0]) in ctx.lex.titles:
        parts.pop(0)
    while parts and key(parts[-1]) in ctx.lex.titles:
        parts.pop()
    return " ".join(parts).strip(STRIP)


def _strip_ranks_only(before: str) -> str | None:
    return before.strip(STRIP) or None

