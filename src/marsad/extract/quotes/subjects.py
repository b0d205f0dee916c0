"""Who is the subject of a verb cue: after the verb (Arabic's usual order), before it
("وكانت الوزارة قالت", "أما الهيئة ... فأعلنت"), or dropped ("وأضافت") -- and the
antecedent that speaks for an anaphoric subject.
"""

from __future__ import annotations

from marsad.document import Entity
from marsad.extract.quotes.context import Ctx
from marsad.extract.quotes.cues import Cue
from marsad.extract.quotes.discourse import Antecedent, Said, document_author, from_said, resolve
from marsad.extract.quotes.lexicon import GENERIC
from marsad.extract.quotes.speaker import Subject, described, extend, parse_subject
from marsad.extract.quotes.words import GAP_COLON, GAP_DOT, GAP_NEWLINE

_SUFFIX_GENDERS = {"ها": "f", "هم": "pl", "ه": "m"}   # an attached pronoun -> the gender it refers to
_PRONOUN_SUFFIXES = tuple(_SUFFIX_GENDERS)             # tried in this order


def subject_of(ctx: Ctx, cue: Cue, limit: int) -> Subject:
    """The subject of the verb cue ``cue`` (words before offset ``limit``)."""
    return _preceding_subject(ctx, cue) or _following_subject(ctx, cue, limit)


def _preceding_subject(ctx: Ctx, cue: Cue) -> Subject | None:
    """Subject-first order ("وكانت الوزارة قالت", "قسد، أعلنت"): an actor named right before
    a cue without proclitic, in the same sentence."""
    form = cue.form
    if cue.i == 0 or (form is not None and form.tense == "part"):
        return None
    if cue.clitic:
        return _topic_subject(ctx, cue)
    bg = _background_subject(ctx, cue) or _fronted_subject(ctx, cue)
    if bg is not None:
        return bg
    j = cue.i - 1
    m = ctx.mention_by_word[j]
    if m is None or ctx.gap_flags[cue.i] & (GAP_DOT | GAP_NEWLINE | GAP_COLON):
        return None
    nxt = cue.i + 1
    if nxt < ctx.n_words and ctx.mention_by_word[nxt] is not None and not ctx.comma_before(nxt):
        return None
    while j > 0 and ctx.mention_by_word[j - 1] is m:
        j -= 1
    sub = described(ctx, j, cue.i)
    sub.end = cue.j
    return sub


def _topic_subject(ctx: Ctx, cue: Cue) -> Subject | None:
    """"أما هيئة الحشد الشعبي، التي ...، فأعلنت": the topic after أما is the subject."""
    first = ctx.sentence_first(cue.i)
    if first >= cue.i - 1 or ctx.keys[first] != "اما" or not ctx.keys[cue.i].startswith("ف"):
        return None
    sub = described(ctx, first + 1, extend(ctx, first + 1, cue.i))
    if sub.kind == "unknown":
        return None
    sub.end = cue.j
    return sub


def _background_subject(ctx: Ctx, cue: Cue) -> Subject | None:
    """"وكانت وزارة الخارجية الأميركية قالت": the words between كان and the cue."""
    first = ctx.sentence_first(cue.i)
    if first >= cue.i - 1 or ctx.keys[first] not in ctx.lex.background:
        return None
    if any(c in ctx.text[ctx.ends[first]:ctx.starts[cue.i]] for c in ",،:."):
        return None
    end = cue.i
    while end > first + 2 and ctx.is_adjunct(end - 1):   # "وكانت القوات قد أعلنت"
        end -= 1
    sub = described(ctx, first + 1, end)
    sub.end = cue.j
    return sub


def _fronted_subject(ctx: Ctx, cue: Cue) -> Subject | None:
    """"غير أن مصادر عسكرية قدرت", "بينما مصدر مقرب منه قال": a description between
    a clause opener and the cue."""
    lex = ctx.lex
    first = ctx.sentence_first(cue.i)
    for k in range(cue.i - 1, max(first, cue.i - 8) - 1, -1):
        w = ctx.keys[k]
        opener = w in lex.clause_openers or (w == "ان" and k > 0 and ctx.keys[k - 1] in lex.fronting)
        if opener and k + 1 < cue.i:
            if any(c in ctx.text[ctx.ends[k]:ctx.starts[cue.i]] for c in ",،:."):
                return None
            sub = described(ctx, k + 1, cue.i)
            if sub.kind in ("unknown", "person_anaphor"):
                return None
            if w == "ان" and sub.mention is None:   # after أن the noun is accusative: "مصدرا مقربا"
                sub.name = " ".join(_nominative(x) for x in sub.name.split())
            sub.end = cue.j
            return sub
        if ctx.comma_before(k + 1) and k + 1 < cue.i:
            return None
    return None


def _nominative(word: str) -> str:
    """"مصدراً" -> "مصدر": the accusative ending of an indefinite noun dropped."""
    bare = word.rstrip("\u064b")
    return bare[:-1] if bare.endswith("ا") and len(bare) > 3 and not bare.endswith(("اا", "وا")) else word


def _following_subject(ctx: Ctx, cue: Cue, limit: int) -> Subject:
    form = cue.form
    last = ctx.lay.word_index(limit)
    if form is not None and form.tense == "part":
        return Subject("participle", cue.j, start=cue.j)
    first = cue.j
    if first < last and ctx.keys[first] in ("به", "بها", "له", "لها"):
        first += 1
    if form is not None and form.relay:
        about = next((k for k in range(cue.j, min(last, cue.j + 10)) if ctx.keys[k] == "عن"), None)
        if about is None:
            return Subject("none", cue.j)
        first = about + 1
    return parse_subject(ctx, first, last, form.prep if form is not None else None)


def speaker_of(ctx: Ctx, sub: Subject, cue: Cue, said: list[Said], start: int) -> Antecedent | None:
    gender = cue.form.gender if cue.form else None
    if sub.kind == "participle":
        if said and said[-1].sentence == ctx.lay.sentence_no(start):
            return from_said(said[-1])
        return resolve(ctx, said, start, gender, None)
    if sub.kind == "dropped":
        return resolve(ctx, said, start, gender, None)
    if sub.kind in ("generic", "person_anaphor"):
        found = resolve(ctx, said, start, gender, sub.head)
        return found or Antecedent(None, sub.name, None, gender)
    if sub.kind == "document":
        return document_author(said, sub.medium)
    entity = sub.mention.entity if sub.mention else generic_inside(ctx, sub, said, start)
    name = sub.name
    if entity is None and sub.kind == "described":
        entity, name = _pronoun_inside(ctx, sub, said, start)
    g = ctx.gender_of(entity) if sub.kind == "person" else None
    return Antecedent(entity, name, sub.role, g or (gender if gender != "pl" else None))


def generic_inside(ctx: Ctx, sub: Subject, said: list[Said], start: int) -> Entity | None:
    """An institution noun inside a description ("مصدر في الوزارة") resolved in discourse."""
    for k in range(sub.start, sub.end):
        if k > sub.start and ctx.kc[k] & GENERIC:
            found = resolve(ctx, said, start, None, ctx.keys[k])
            return found.entity if found else None
    return None


def _pronoun_inside(ctx: Ctx, sub: Subject, said: list[Said], start: int) -> tuple[Entity | None, str]:
    """"المتحدث باسمها", "مستشار لقائدها", "أحد مسؤوليه": the organisation the pronoun names,
    and the description with the name in place of the pronoun ("المتحدث باسم الحكومة")."""
    for raw in sub.name.split()[1:]:
        if len(raw) < 3 or not raw.endswith(_PRONOUN_SUFFIXES):
            continue
        suffix = next(s for s in _PRONOUN_SUFFIXES if raw.endswith(s))
        found = resolve(ctx, said, start, _SUFFIX_GENDERS[suffix], None)
        if found is None or found.entity is None or found.entity.type != "organization":
            return None, sub.name
        named = raw[:-len(suffix)] + " " + found.entity.canonical
        return found.entity, sub.name.replace(raw, named, 1)
    return None, sub.name
