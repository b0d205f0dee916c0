"""The subject of a cue: who speaks, in what capacity, through which medium.

A subject is parsed on words after a verb cue (Arabic puts the subject after the
verb) or after a nominal cue.  The result says what kind of subject it is; the
anaphoric kinds ("generic", "person_anaphor", "document", "dropped") are resolved
against the discourse later (:mod:`marsad.extract.quotes.discourse`).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.extract.base import Mention
from marsad.extract.quotes.context import ROLE_PREPS, Ctx
from marsad.extract.quotes.words import Word

MAX_SUBJECT_WORDS = 16
SPEAKING_PLACES = ("country", "city")
STRIP = " \t\n,،:؛;()[]-–—\"«»“”'"


@dataclass
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


def parse_subject(ctx: Ctx, i: int, limit: int) -> Subject:
    """The subject starting at word ``i`` (words before ``limit`` only)."""
    i = _skip_medium(ctx, skip_adjuncts(ctx, i, limit), limit)
    if i >= limit or _opens_content(ctx, i):
        return Subject("dropped", i, start=i)
    w = ctx.words[i]
    lex = ctx.lex
    if lex.in_set(w.key, lex.non_speakers):
        return Subject("none", i, start=i)
    if ctx.mention_by_word[i] is None and ctx.is_prep(i):
        return Subject("dropped", i, start=i)
    if w.key in lex.documents:
        return _document_subject(ctx, i, limit)
    place = _speaking_place(ctx, i)
    if place is not None:
        end = i
        while end < limit and ctx.place_by_word[end] is place:
            end += 1
        return Subject("org", end, place, place.entity.canonical, start=i)
    if ctx.mention_by_word[i] is None and w.key in lex.generic and not _continues_name(ctx, i + 1, limit):
        return Subject("generic", i + 1, name=w.text, head=w.key, start=i)
    end = max(extend(ctx, i, limit), _titled_person_end(ctx, i, limit))
    sub = described(ctx, i, end)
    person_head = is_role_noun(ctx, w.key) or lex.in_set(w.key, lex.titles)
    if sub.kind in ("described", "person_anaphor") and person_head:
        return _apposed_person(ctx, sub, limit)
    if sub.kind == "person" and person_head and sub.mention is not None and not sub.mention.entity.kb_id \
            and sub.end < limit and ctx.comma_before(sub.end):
        other = _apposed_person(ctx, Subject("described", sub.end, start=i), limit)
        if other.kind == "person" and other.end > sub.end:
            return other
    return sub


def _apposed_person(ctx: Ctx, sub: Subject, limit: int) -> Subject:
    """A name the entity stage missed right after a role: "مدير المركز، فراس العبدو، لـ...",
    "الناطق باسم قوى الأمن سيبان عفريني إن"."""
    j = sub.end
    m = ctx.mention_by_word[j] if j < limit else None
    if m is not None and m.entity.type == "person":
        end = j
        while end < limit and ctx.mention_by_word[end] is m:
            end += 1
        role = _strip_titles(ctx, span_text(ctx, sub.start, j))
        return Subject("person", end, m, m.entity.canonical, role or None, start=sub.start)
    j = _self_named(ctx, _skip_anonymity(ctx, j, limit), limit)
    while j < limit and (ctx.lex.in_set(ctx.words[j].key, ctx.lex.titles)
                         or (ctx.words[j].key.startswith("ال") and is_role_noun(ctx, ctx.words[j].key))):
        j += 1
    m = ctx.mention_by_word[j] if j < limit else None
    if m is not None and m.entity.type == "person" and j > sub.end:
        return _apposed_person(ctx, Subject("described", j, start=sub.start, name=sub.name), limit)
    end = _name_end(ctx, j, limit)
    if end == j:
        return sub
    role = _strip_titles(ctx, span_text(ctx, sub.start, sub.end))
    return Subject("person", end, None, span_text(ctx, j, end), role or None, start=sub.start)


def _skip_anonymity(ctx: Ctx, j: int, limit: int) -> int:
    """Skip "، طالبا عدم الكشف عن اسمه،": the word after the clause, else ``j``."""
    if j >= limit or ctx.words[j].key not in ctx.lex.not_names:
        return j
    for k in range(j + 1, min(limit, j + 9)):
        if ctx.comma_before(k):
            return k
    return j


def _self_named(ctx: Ctx, j: int, limit: int) -> int:
    """"، الذي عرّف عن نفسه باسم أبو محمد،", "، عرّف عن نفسه باسم سليم،": the word after
    باسم, else ``j``."""
    for k in range(j + 1, min(limit, j + 7)):
        if ctx.comma_before(k):
            return j
        if ctx.words[k].key in ctx.lex.self_named and ctx.words[k - 1].key.startswith("نفس"):
            return k + 1
    return j


def _name_end(ctx: Ctx, j: int, limit: int) -> int:
    """End of 1-4 name words at ``j`` that a break follows (else ``j``)."""
    for end in range(j, min(limit, j + 4)):
        w = ctx.words[end]
        if end > j and (_phrase_break(ctx, end) or "(" in ctx.gap(end)):
            return end
        if w.key in ctx.lex.not_names:
            return j
        first = end == j
        prep = ctx.is_prep(end) and w.text != "علي"  # the name علي, not the preposition على
        if _in_any_mention(ctx, w) or prep or (first and _is_head(ctx, end)) \
                or w.text.endswith("ية") or ctx.is_adjunct(end) or ctx.lex.verb(w.key) is not None \
                or (first and w.key.startswith("ال")) or _is_outlet(ctx, w.key):
            return j
        if end > j and w.key.startswith("لل"):
            return j
    nxt = min(limit, j + 4)
    return nxt if nxt > j and _is_break_after(ctx, nxt, limit) else j


def is_role_noun(ctx: Ctx, k: str) -> bool:
    """A role noun, masculine or feminine ("نائب" / "نائبة")."""
    lex = ctx.lex
    return lex.in_set(k, lex.role_nouns) or (k.endswith("ه") and lex.in_set(k[:-1], lex.role_nouns))


def _in_any_mention(ctx: Ctx, w: Word) -> bool:
    """The word lies in a mention of any kind (a place is no person's name)."""
    k = ctx.lay.word_index(w.start)
    return ctx.mention_by_word[k] is not None or ctx.place_by_word[k] is not None


def _is_break_after(ctx: Ctx, k: int, limit: int) -> bool:
    if k >= limit or k >= len(ctx.words):
        return True
    w = ctx.words[k].key
    return _phrase_break(ctx, k) or ctx.is_prep(k) or _is_outlet(ctx, w) or w in ("في", "خلال")


def _speaking_place(ctx: Ctx, i: int) -> Mention | None:
    """A country or city named as a speaker ("أعلنت أنقرة", "قالت واشنطن")."""
    m = ctx.place_by_word[i] if ctx.mention_by_word[i] is None else None
    if m is None or m.span.start > ctx.words[i].start + 1 or not m.entity.kb_id or ctx.a.kb is None:
        return None
    place = ctx.a.kb.places.get(m.entity.kb_id)
    return m if place is not None and place.kind in SPEAKING_PLACES else None


def _titled_person_end(ctx: Ctx, i: int, limit: int) -> int:
    """End of the person the entity stage introduced by the role phrase starting at word ``i``
    ("الممثل الأمريكي لشمال وشرق سوريا (نيكولاس غرانغر)"), else ``i``."""
    for j in range(i, min(limit, i + MAX_SUBJECT_WORDS)):
        if j > i and (_phrase_break(ctx, j) and "(" not in ctx.gap(j)):
            return i
        m = ctx.mention_by_word[j]
        if m is not None and m.entity.type == "person":
            if j > i and not m.entity.role:
                return i
            while j < limit and ctx.mention_by_word[j] is m:
                j += 1
            if j < limit and not _phrase_break(ctx, j) and _continues(ctx, j, False):
                return extend(ctx, j, limit)
            return j
    return i


def _skip_medium(ctx: Ctx, i: int, limit: int) -> int:
    """Skip "في حديث لقناة الجزيرة" standing between a verb and its subject (when a subject
    follows it; "وقالت في بيان نشرته" has none)."""
    j = _skip_medium_words(ctx, i, limit)
    if j == i or j >= limit:
        return i
    explicit = ctx.mention_by_word[j] is not None or _is_head(ctx, j)
    return j if explicit else i


def _skip_medium_words(ctx: Ctx, i: int, limit: int) -> int:
    while i + 1 < limit and ctx.words[i].key in ("في", "خلال", "عبر"):
        found = ctx.lex.medium_at(_keys(ctx, i + 1, 3), 0)
        if found is None:
            return i
        i = skip_adjuncts(ctx, i + 1 + found[1], limit)
        if i < limit and _is_outlet(ctx, ctx.words[i].key):
            i += 1
            while i < limit and (_media_mention(ctx, i) or ctx.place_by_word[i]
                                 or (ctx.words[i].key.startswith("ال") and ctx.mention_by_word[i] is None)):
                i += 1
    return i


def _media_mention(ctx: Ctx, i: int) -> bool:
    m = ctx.mention_by_word[i]
    return m is not None and m.entity.category == "media"


def skip_adjuncts(ctx: Ctx, i: int, limit: int) -> int:
    while i < limit and ctx.is_adjunct(i):
        i += 1
    return i


def _opens_content(ctx: Ctx, i: int) -> bool:
    """A colon or a quotation opens right before word ``i``, or ``i`` is أن / إن."""
    gap = ctx.gap(i)
    return ":" in gap or (i > 0 and _long_quote_opens(ctx, i)) or ctx.lex.is_complementizer(ctx.words[i].key)


def _continues_name(ctx: Ctx, i: int, limit: int) -> bool:
    """Word ``i`` continues a name begun before it (an adjective or a genitive)."""
    if i >= limit or ctx.comma_before(i) or _opens_content(ctx, i):
        return False
    w = ctx.words[i]
    return w.key.startswith("ال") and not ctx.is_adjunct(i) and not ctx.lex.in_set(w.key, ctx.lex.generic)


def _document_subject(ctx: Ctx, i: int, limit: int) -> Subject:
    """"البيان" (the last statement's author) or "تقرير التحالف" (the organisation named)."""
    medium = ctx.lex.documents[ctx.words[i].key]
    nxt = i + 1
    if nxt < limit and not _phrase_break(ctx, nxt) and not ctx.is_prep(nxt):
        end = extend(ctx, nxt, limit)
        sub = described(ctx, nxt, end)
        sub.medium = medium
        sub.start = i
        return sub
    return Subject("document", nxt, name=ctx.words[i].text, medium=medium, start=i)


def extend(ctx: Ctx, i: int, limit: int) -> int:
    """End (word index) of the noun phrase that starts at word ``i``: heads, mentions,
    definite adjectives, role nouns and prepositional complements ("باسم الوزارة")."""
    j = i
    after_head = True
    while j < limit and j - i < MAX_SUBJECT_WORDS:
        if j > i and _phrase_break(ctx, j):
            break
        quoted = _quoted_name_end(ctx, j, limit) if j > i else None
        if quoted is not None:
            j, after_head = quoted, False
            continue
        m = ctx.mention_by_word[j] or (ctx.place_by_word[j] if j > i else None)
        if m is not None:
            while j < limit and (ctx.mention_by_word[j] is m or ctx.place_by_word[j] is m):
                j += 1
            after_head = False
            continue
        if j > i and not _continues(ctx, j, after_head):
            break
        if j > i and _after_actor(ctx, j) and not _complemented(ctx, j + 1):
            break
        after_head = _is_head(ctx, j)
        j += 1
    while j > i and ctx.words[j - 1].key in ROLE_PREPS and ctx.mention_by_word[j - 1] is None:
        j -= 1
    return j


def _phrase_break(ctx: Ctx, j: int) -> bool:
    gap = ctx.gap(j)
    if any(c in gap for c in ",،:;؛.\n"):
        return True
    w = ctx.words[j]
    lex = ctx.lex
    if lex.is_complementizer(w.key) or lex.verb(w.key) is not None or ctx.is_adjunct(j):
        return True
    if w.key in lex.relatives or w.key in lex.not_names:
        return True
    if lex.medium_at(_keys(ctx, j, 3), 0) is not None and w.key not in lex.role_nouns:
        return True
    if w.key == "ل" and j + 1 < len(ctx.words) and _short_quote_opens(ctx, j + 1):
        m = ctx.mention_by_word[j + 1]
        if m is None or m.entity.category == "media":  # "لـ"الخليج برس"", not "لـ«قوات ...»"
            return True
    if w.key in ROLE_PREPS and j + 1 < len(ctx.words) and ctx.mention_by_word[j + 1] is None:
        nxt = _keys(ctx, j + 1, 3)
        if lex.medium_at(nxt, 0) is not None or ctx.is_adjunct(j + 1) or _is_outlet(ctx, nxt[0]):
            return True
    return ctx.words[j - 1].key not in ROLE_PREPS and _long_quote_opens(ctx, j)


def _is_outlet(ctx: Ctx, k: str) -> bool:
    """An outlet or a correspondent addressed ("لقناة", "لمراسل")."""
    lex = ctx.lex
    return k in lex.outlets or (k[:1] == "ل" and (k[1:] in lex.outlets or lex.in_set(k, lex.addressees)))


def _short_quote_opens(ctx: Ctx, j: int) -> bool:
    """A quoted name of at most four words opens right before word ``j`` ("لـ"الخليج برس"")."""
    for off in range(ctx.words[j - 1].end, ctx.words[j].start):
        pair = ctx.lay.pair_opening(off)
        if pair is not None:
            return len(ctx.text[pair.open:pair.close].split()) <= 4
    return False


def _long_quote_opens(ctx: Ctx, j: int) -> bool:
    """A quotation of four words or more opens right before word ``j``."""
    for off in range(ctx.words[j - 1].end if j else 0, ctx.words[j].start):
        pair = ctx.lay.pair_opening(off)
        if pair is not None:
            return len(ctx.text[pair.open:pair.close].split()) >= 4
    return False


def _continues(ctx: Ctx, j: int, after_head: bool) -> bool:
    w = ctx.words[j]
    prev = ctx.words[j - 1].key
    if _is_outlet(ctx, w.key) or w.key in ("الي", "علي"):
        return False
    if w.key.startswith(("ال", "لل", "وال")) or w.key in ROLE_PREPS or w.key in ("عشر", "عشره"):
        return True
    if w.key[:1] == "ل" and len(w.key) > 3 and prev not in ROLE_PREPS:
        return True
    if "(" in ctx.gap(j):
        return True
    if prev in ROLE_PREPS or after_head:
        return True
    return _is_head(ctx, j)


def _quoted_name_end(ctx: Ctx, j: int, limit: int) -> int | None:
    """After a preposition, a quoted name ("في "رابطة ضحايا الجزيرة"") is taken whole: the
    index of the word after it."""
    if ctx.words[j - 1].key not in ROLE_PREPS:
        return None
    for off in range(ctx.words[j - 1].end, ctx.words[j].start):
        pair = ctx.lay.pair_opening(off)
        if pair is not None and pair.closed and len(ctx.text[pair.open:pair.close].split()) <= 6:
            end = ctx.lay.word_index(pair.close)
            return end if end <= limit else None
    return None


def _after_actor(ctx: Ctx, j: int) -> bool:
    """Word ``j`` follows an organisation's mention directly ("وزارة الدفاع الاتهامات")."""
    m = ctx.mention_by_word[j - 1]
    return m is not None and m.entity.type == "organization" and ctx.words[j].key.startswith("ال")


def _complemented(ctx: Ctx, k: int) -> bool:
    """Word ``k`` opens a complement ("المدعومة من", "التابعة لـ"): the word before it is an
    adjective of the name, not the cue's object."""
    if k >= len(ctx.words) or ctx.comma_before(k):
        return False
    w = ctx.words[k].key
    return w in ROLE_PREPS or (w[:1] == "ل" and len(w) > 3) or ctx.mention_by_word[k] is not None


def _is_head(ctx: Ctx, j: int) -> bool:
    """A role noun, rank, or institution noun: the next word may be its genitive."""
    lex = ctx.lex
    k = ctx.words[j].key
    return is_role_noun(ctx, k) or lex.in_set(k, lex.generic) or lex.in_set(k, lex.titles)


def _keys(ctx: Ctx, j: int, n: int) -> list[str]:
    return [w.key for w in ctx.words[j:j + n]]


def described(ctx: Ctx, i: int, end: int) -> Subject:
    """The subject of words ``[i, end)``: a named person (with the rest as role), an
    organisation, a generic person noun ("المتحدثة"), or a description ("مصدر أمني")."""
    mentions = _mentions_in(ctx, i, end)
    people = [m for m in mentions if m.entity.type == "person"]
    person = next((m for m in people if m.resolved_by != "coref"), people[0] if people else None)
    if person is not None:
        return Subject("person", end, person, person.entity.canonical, _role(ctx, i, end, person), start=i)
    first = ctx.mention_by_word[i]
    if first is not None:
        return Subject("org", end, first, first.entity.canonical, start=i)
    text = span_text(ctx, i, end)
    if end - i == 1 and ctx.words[i].key.startswith("ال") and ctx.lex.in_set(ctx.words[i].key,
                                                                          ctx.lex.role_nouns):
        return Subject("person_anaphor", end, name=text, head=ctx.words[i].key, start=i)
    org = next((m for m in mentions if m.entity.type == "organization"), None)
    if not ctx.lex.in_set(ctx.words[i].key, ctx.lex.role_nouns) and org is None:
        named = end - i > 1 and ctx.lex.in_set(ctx.words[i].key, ctx.lex.generic)
        return Subject("named" if named else "unknown", end, name=text, start=i)
    return Subject("described", end, org, text, start=i)


def _mentions_in(ctx: Ctx, i: int, end: int) -> list[Mention]:
    seen: list[Mention] = []
    for j in range(i, end):
        m = ctx.mention_by_word[j]
        if m is not None and m not in seen:
            seen.append(m)
    return seen


def span_text(ctx: Ctx, i: int, end: int) -> str:
    """Text of words ``[i, end)`` with edge punctuation removed."""
    if end <= i:
        return ""
    return clean_name(ctx.text[ctx.words[i].start:ctx.words[end - 1].end])


def clean_name(text: str) -> str:
    """``text`` without edge punctuation, brackets and quotation marks kept balanced."""
    out = text.strip(STRIP)
    for opening, closing in ("()", "«»"):
        if out.count(opening) > out.count(closing):
            out += closing
    return out


def _role(ctx: Ctx, i: int, end: int, person: Mention) -> str | None:
    """The role beside a person's name: the words before it, else the words after it."""
    before = ctx.text[ctx.words[i].start:person.span.start] if ctx.words[i].start < person.span.start else ""
    after = ctx.text[person.span.end:ctx.words[end - 1].end] if end > i else ""
    for part in (before, after):
        role = clean_name(_strip_titles(ctx, part.strip(STRIP)))
        if role:
            return role
    return person.entity.role or _strip_ranks_only(before)


def _strip_titles(ctx: Ctx, role: str) -> str:
    """Drop ranks and honorifics ("العقيد") from the edges of a role."""
    from marsad.extract.quotes.words import key

    parts = role.split()
    while parts and key(parts[0]) in ctx.lex.titles:
        parts.pop(0)
    while parts and key(parts[-1]) in ctx.lex.titles:
        parts.pop()
    return " ".join(parts).strip(STRIP)


def _strip_ranks_only(before: str) -> str | None:
    return before.strip(STRIP) or None
