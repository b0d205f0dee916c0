"""Finding quotes: cues in text order, each with its speaker, content and medium.

One quote per reporting cue; continuations ("وأضاف", "، مشيرا إلى") are quotes of
their own.  A cue inside another quote's content or inside quotation marks is part
of what was said, not a new quote; headlines (short lines without a full stop) are
left to the body they repeat.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Entity, Quote, Span, Speaker
from marsad.extract.quotes.content import Content, find_content, medium
from marsad.extract.quotes.context import Ctx
from marsad.extract.quotes.discourse import (
    Antecedent,
    Said,
    document_author,
    from_said,
    name_keys,
    resolve,
)
from marsad.extract.quotes.lexicon import CueForm, Nominal
from marsad.extract.quotes.speaker import Subject, described, extend, parse_subject
from marsad.extract.quotes.words import COMMAS

HEADLINE_WORDS = 20


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue occurrence: words ``[i, j)``; ``form`` for a verb, ``nominal`` for a phrase."""

    i: int
    j: int
    form: CueForm | None = None
    clitic: bool = False
    nominal: Nominal | None = None


@dataclass
class Found:
    """A quote before it gets its id."""

    speaker: Antecedent
    cue: Cue
    content: Content
    medium: str | None
    stated: bool = True    # the medium is named in the text (not the default)


def find_cues(ctx: Ctx) -> list[Cue]:
    """Every verb and nominal cue, in text order (impersonal formulas left out)."""
    out: list[Cue] = []
    ws = ctx.words
    for i, w in enumerate(ws):
        hit = ctx.lex.verb(w.key, w.text)
        if hit is not None and not _excluded(ctx, i, hit[1]) and not _negated(ctx, i):
            out.append(Cue(i, i + 1, hit[0], hit[1]))
            continue
        nominal = _nominal_at(ctx, i)
        if nominal is not None:
            out.append(nominal)
    return out


def _negated(ctx: Ctx, i: int) -> bool:
    return i > 0 and ctx.words[i - 1].key in ctx.lex.negations and not ctx.comma_before(i)


def _excluded(ctx: Ctx, i: int, clitic: bool) -> bool:
    if i + 1 >= len(ctx.words):
        return False
    k = ctx.words[i].key[1:] if clitic else ctx.words[i].key
    return (k, ctx.words[i + 1].key) in ctx.lex.excluded


def _nominal_at(ctx: Ctx, i: int) -> Cue | None:
    ws = ctx.words
    for nom in ctx.lex.nominal:
        n = len(nom.words)
        if i + n > len(ws):
            continue
        first = ws[i].key
        if first != nom.words[0] and not (first[:1] == "و" and first[1:] == nom.words[0]):
            continue
        if any(ws[i + k].key != nom.words[k] for k in range(1, n)):
            continue
        if nom.prefix is not None:
            if i + n >= len(ws) or not ws[i + n].key.startswith(nom.prefix):
                continue
            return Cue(i, i + n + (1 if ws[i + n].key == nom.prefix else 0), nominal=nom)
        return Cue(i, i + n, nominal=nom)
    return None


def is_cutter(ctx: Ctx, cue: Cue) -> bool:
    """A cue that ends the content before it: a participle or a و-verb after a comma,
    or a verb after "كما" / "ثم"."""
    if cue.form is None or ctx.lay.inside_marks(ctx.words[cue.i].start):
        return False
    comma = ctx.comma_before(cue.i)
    if cue.form.tense == "part":
        return comma
    prev = ctx.words[cue.i - 1].key if cue.i else ""
    return (cue.clitic and comma) or prev in ctx.lex.clause_openers


def is_headline(ctx: Ctx, offset: int) -> bool:
    line = ctx.lay.line(offset).strip()
    return len(line.split()) <= HEADLINE_WORDS and not line.endswith((".", "!", "؟", "?", ":", "»", "\""))


def find(ctx: Ctx) -> list[Said]:
    """All quotes of the document, as :class:`Said` records, in text order."""
    cues = find_cues(ctx)
    said: list[Said] = []
    covered = 0
    for n, cue in enumerate(cues):
        start = ctx.words[cue.i].start
        if start < covered or ctx.lay.inside_marks(start) or is_headline(ctx, start):
            continue
        limit = _limit(ctx, cues, n)
        found = _verb_quote(ctx, cue, said, limit) if cue.form else _nominal_quote(ctx, cue, said, limit)
        if found is None:
            continue
        said.append(_record(ctx, found, len(said) + 1))
        covered = max(found.content.end, ctx.words[cue.j - 1].end)
    return said


def _limit(ctx: Ctx, cues: list[Cue], n: int) -> int:
    """The offset the content of cue ``n`` may not pass: the next cutting cue in its statement."""
    start = ctx.words[cues[n].i].start
    end = ctx.lay.statement_end(start)
    for later in cues[n + 1:]:
        pos = ctx.words[later.i].start
        if pos >= end:
            break
        if is_cutter(ctx, later):
            return pos
    return end


# ---------------------------------------------------------------- verb cues


def _verb_quote(ctx: Ctx, cue: Cue, said: list[Said], limit: int) -> Found | None:
    form = cue.form
    assert form is not None
    start = ctx.words[cue.i].start
    sub = _preceding_subject(ctx, cue) or _following_subject(ctx, cue, limit)
    if sub.kind == "none":
        return None
    if sub.kind == "named":
        sub.kind = "described"
    speaker = _speaker(ctx, sub, cue, said, start)
    if speaker is None:
        return None
    content = _attributed_content(ctx, cue, said) or find_content(ctx, sub.end, limit, obj=form.object)
    if sub.kind == "unknown" and form.object and (content is None or not content.marker):
        sub = Subject("dropped", sub.start, start=sub.start)
        speaker = _speaker(ctx, sub, cue, said, start)
        content = find_content(ctx, sub.start, limit, obj=True)
    if content is None or speaker is None or (sub.kind == "unknown" and not content.marker):
        return None
    if form.needs and not _needed(ctx, form.needs, cue.j, content.word):
        return None
    med = sub.medium or medium(ctx, sub.end, content.word) or _medium_before(ctx, cue)
    med = med or _inherited_medium(ctx, sub, speaker, start)
    if med is None:
        return Found(speaker, cue, content, _default_medium(ctx, form, speaker), stated=False)
    return Found(speaker, cue, content, med)


def _default_medium(ctx: Ctx, form: CueForm, speaker: Antecedent) -> str | None:
    """An organisation speaks by statement unless it is an outlet or a monitor, or only reports."""
    ent = speaker.entity
    lex = ctx.lex
    if ent is None or ent.type != "organization" or ent.category in lex.statement_except_categories:
        return None
    return None if form.lemma in lex.statement_except_lemmas else "statement"


def _inherited_medium(ctx: Ctx, sub: Subject, speaker: Antecedent, start: int) -> str | None:
    """A continuation keeps the medium of the quote it continues (this or the last sentence)."""
    said = speaker.said
    if said is None or not said.medium_stated or sub.kind not in ("dropped", "participle", "generic",
                                                                    "person_anaphor"):
        return None
    return said.quote.medium if ctx.lay.sentence_no(start) - said.sentence <= 1 else None


def _needed(ctx: Ctx, needs: str, first: int, last: int) -> bool:
    """The word a cue needs ("عبر عن"; "وجه ب-" a word bound to ب) stands in its zone."""
    words = ctx.words[first:last + 1]
    if needs.endswith("-"):
        return any(w.key.startswith(needs[:-1]) and len(w.key) > 3 for w in words)
    return any(w.key == needs for w in words)


def _attributed_content(ctx: Ctx, cue: Cue, said: list[Said]) -> Content | None:
    """"...، بحسب ما أفاد به المرصد" / "وفق ما أفادت به مصادر": the clause before is said."""
    i = cue.i
    if i < 2 or ctx.words[i - 1].key not in ("ما", "لما"):
        return None
    lead = ctx.words[i - 2].key
    if lead[:1] == "و" and lead[1:] in ("بحسب", "حسب", "وفق"):
        lead = lead[1:]
    if lead not in ("بحسب", "حسب", "وفق", "وفقا", "طبقا"):
        return None
    return clause_before(ctx, ctx.words[i - 2].start, said)


def clause_before(ctx: Ctx, start: int, said: list[Said]) -> Content | None:
    """The clause from the sentence start (or the previous quote's end) up to ``start``."""
    sent_start = ctx.lay.sentence_start(start)
    if said and said[-1].quote.content.end > sent_start:
        sent_start = said[-1].quote.content.end
    text = ctx.text
    if len(text[sent_start:start].split()) < 3:
        return None
    end = start
    while end > sent_start and text[end - 1] in " \n,،.؛;-–—":
        end -= 1
    first = sent_start
    while first < end and text[first] in " \n,،.؛;-–—":
        first += 1
    return Content(first, end, False, ctx.lay.word_index(first), marker=True) if end > first else None


def _preceding_subject(ctx: Ctx, cue: Cue) -> Subject | None:
    """Subject-first order ("وكانت الوزارة قالت", "قسد، أعلنت"): an actor named right before
    a cue without proclitic, in the same sentence."""
    form = cue.form
    if cue.i == 0 or (form is not None and form.tense == "part"):
        return None
    if cue.clitic:
        return _topic_subject(ctx, cue)
    bg = _background_subject(ctx, cue)
    if bg is not None:
        return bg
    j = cue.i - 1
    m = ctx.mention_by_word[j]
    if m is None or any(c in ctx.gap(cue.i) for c in ".\n:"):
        return None
    nxt = cue.i + 1
    if nxt < len(ctx.words) and ctx.mention_by_word[nxt] is not None and not ctx.comma_before(nxt):
        return None
    while j > 0 and ctx.mention_by_word[j - 1] is m:
        j -= 1
    sub = described(ctx, j, cue.i)
    sub.end = cue.j
    return sub


def _topic_subject(ctx: Ctx, cue: Cue) -> Subject | None:
    """"أما هيئة الحشد الشعبي، التي ...، فأعلنت": the topic after أما is the subject."""
    first = ctx.lay.word_index(ctx.lay.sentence_start(ctx.words[cue.i].start))
    if first >= cue.i - 1 or ctx.words[first].key != "اما" or not ctx.words[cue.i].key.startswith("ف"):
        return None
    sub = described(ctx, first + 1, extend(ctx, first + 1, cue.i))
    if sub.kind == "unknown":
        return None
    sub.end = cue.j
    return sub


def _background_subject(ctx: Ctx, cue: Cue) -> Subject | None:
    """"وكانت وزارة الخارجية الأميركية قالت": the words between كان and the cue."""
    first = ctx.lay.word_index(ctx.lay.sentence_start(ctx.words[cue.i].start))
    if first >= cue.i - 1 or ctx.words[first].key not in ctx.lex.background:
        return None
    if any(c in ctx.text[ctx.words[first].end:ctx.words[cue.i].start] for c in ",،:."):
        return None
    sub = described(ctx, first + 1, cue.i)
    sub.end = cue.j
    return sub


def _following_subject(ctx: Ctx, cue: Cue, limit: int) -> Subject:
    form = cue.form
    last = ctx.lay.word_index(limit)
    if form is not None and form.tense == "part":
        return Subject("participle", cue.j, start=cue.j)
    first = cue.j
    if first < last and ctx.words[first].key in ("به", "بها", "له", "لها"):
        first += 1
    if form is not None and form.relay:
        about = next((k for k in range(cue.j, min(last, cue.j + 10)) if ctx.words[k].key == "عن"), None)
        if about is None:
            return Subject("none", cue.j)
        first = about + 1
    return parse_subject(ctx, first, last)


def _speaker(ctx: Ctx, sub: Subject, cue: Cue, said: list[Said], start: int) -> Antecedent | None:
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
    entity = sub.mention.entity if sub.mention else _generic_inside(ctx, sub, said, start)
    if entity is None and sub.kind == "described":
        entity = _pronoun_inside(ctx, sub, said, start)
    g = ctx.gender_of(entity) if sub.kind == "person" else None
    return Antecedent(entity, sub.name, sub.role, g or (gender if gender != "pl" else None))


def _generic_inside(ctx: Ctx, sub: Subject, said: list[Said], start: int) -> Entity | None:
    """An institution noun inside a description ("مصدر في الوزارة") resolved in discourse."""
    for k in range(sub.start, sub.end):
        w = ctx.words[k]
        if k > sub.start and ctx.lex.in_set(w.key, ctx.lex.generic):
            found = resolve(ctx, said, start, None, w.key)
            return found.entity if found else None
    return None


def _pronoun_inside(ctx: Ctx, sub: Subject, said: list[Said], start: int) -> Entity | None:
    """"المتحدث باسمها", "مستشار لقائدها", "أحد مسؤوليه": the organisation the pronoun names."""
    for k in range(sub.start + 1, sub.end):
        w = ctx.words[k].key
        gender = "f" if w.endswith("ها") else "pl" if w.endswith("هم") else "m" if w.endswith("ه") else None
        if gender is not None and len(w) > 3 and ctx.mention_by_word[k] is None:
            found = resolve(ctx, said, start, gender, None)
            return found.entity if found and found.entity and found.entity.type == "organization" else None
    return None


def _medium_before(ctx: Ctx, cue: Cue) -> str | None:
    """A medium named earlier in the cue's sentence ("وفي مؤتمر صحافي ...، قال")."""
    first = ctx.lay.word_index(ctx.lay.sentence_start(ctx.words[cue.i].start))
    return medium(ctx, first, cue.i)


# ---------------------------------------------------------------- nominal cues


def _nominal_quote(ctx: Ctx, cue: Cue, said: list[Said], limit: int) -> Found | None:
    nom = cue.nominal
    assert nom is not None
    if cue.j >= len(ctx.words):
        return None
    start = ctx.words[cue.i].start
    if nom.kind == "document":
        return _document_quote(ctx, cue, said, limit)
    if nom.initial and not _sentence_initial(ctx, cue.i):
        return None
    np_start = cue.j if nom.prefix is None or cue.j > cue.i + len(nom.words) else cue.j - 1
    sub = described(ctx, np_start, extend(ctx, np_start, ctx.lay.word_index(limit)))
    if sub.kind == "unknown" and ctx.words[np_start].key in ctx.lex.documents:
        sub = Subject("document", np_start + 1, name=ctx.words[np_start].text,
                      medium=ctx.lex.documents[ctx.words[np_start].key])
    if sub.kind in ("unknown", "none", "dropped") or ctx.lex.in_set(ctx.words[np_start].key,
                                                                     ctx.lex.non_speakers):
        return None
    speaker = _speaker(ctx, sub, cue, said, start)
    if speaker is None:
        return None
    content = _source_content(ctx, cue, sub, said, limit)
    return Found(speaker, cue, content, sub.medium) if content else None


def _sentence_initial(ctx: Ctx, i: int) -> bool:
    """Word ``i`` opens its sentence (a leading "و" or adjunct aside)."""
    first = ctx.lay.word_index(ctx.lay.sentence_start(ctx.words[i].start))
    return all(ctx.is_adjunct(k) or ctx.words[k].key in ("و", "ف", "كما") for k in range(first, i))


def _source_content(ctx: Ctx, cue: Cue, sub: Subject, said: list[Said], limit: int) -> Content | None:
    """"بحسب X، ..." -> what follows; "...، بحسب X" -> the clause before."""
    before = clause_before(ctx, ctx.words[cue.i].start, said)
    if before is not None:
        return before
    k = sub.end
    if k < len(ctx.words) and ctx.words[k].key in ("فان", "فقد", "فانه", "فانها"):
        k += 1
    if k >= len(ctx.words):
        return None
    return find_content(ctx, k, limit, obj=True)


def _document_quote(ctx: Ctx, cue: Cue, said: list[Said], limit: int) -> Found | None:
    """"وجاء في بيان [الوزارة]: ..." -> the document's author says the content."""
    k = cue.j
    doc_key = next((v for v in _bare(ctx, k) if v in ctx.lex.documents), None)
    if doc_key is None:
        return None
    med = ctx.lex.documents[doc_key]
    last = ctx.lay.word_index(limit)
    start = ctx.words[cue.i].start
    if k + 1 < last and not ctx.comma_before(k + 1) and ":" not in ctx.gap(k + 1):
        sub = described(ctx, k + 1, extend(ctx, k + 1, last))
        sub.medium = med
        speaker = _speaker(ctx, sub, cue, said, start) if sub.kind != "unknown" else None
        if speaker is None or speaker.entity is None:
            ent = _generic_inside(ctx, Subject("described", sub.end, start=k), said, start)
            speaker = Antecedent(ent, sub.name, None, None) if ent or sub.name else speaker
    else:
        sub = Subject("document", k + 1, medium=med)
        speaker = document_author(said, med)
    if speaker is None:
        return None
    content = find_content(ctx, sub.end, limit, obj=False)
    return Found(speaker, cue, content, med) if content else None


def _bare(ctx: Ctx, k: int) -> list[str]:
    from marsad.extract.quotes.lexicon import variants

    return list(variants(ctx.words[k].key)) if k < len(ctx.words) else []


# ---------------------------------------------------------------- records


def _record(ctx: Ctx, found: Found, number: int) -> Said:
    text = ctx.text
    cue_span = Span.of(text, ctx.words[found.cue.i].start, ctx.words[found.cue.j - 1].end)
    sp = found.speaker
    quote = Quote(
        id=f"q{number}",
        speaker=Speaker(sp.entity.id if sp.entity else None, sp.name, sp.role),
        cue=cue_span,
        content=Span.of(text, found.content.start, found.content.end),
        direct=found.content.direct,
        medium=found.medium,
    )
    sentence_start = ctx.lay.sentence_start(cue_span.start)
    first = ctx.lay.word_index(sentence_start)
    background = first < len(ctx.words) and ctx.words[first].key in ctx.lex.background
    return Said(quote, sp.entity, ctx.lay.sentence_no(cue_span.start), background, sp.gender,
                name_keys(ctx, sp.name, sp.role, entity=sp.entity), found.stated)


__all__ = ["COMMAS", "Cue", "find", "find_cues"]
