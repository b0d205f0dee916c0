"""Finding quotes: cues in text order, each with its speaker, content and medium.

One quote per reporting cue; continuations ("وأضاف", "، مشيرا إلى") are quotes of
their own.  A cue inside another quote's content or inside quotation marks is part
of what was said, not a new quote; headlines (short lines without a full stop) are
left to the body they repeat.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Quote, Span, Speaker
from marsad.extract.quotes.content import Content, find_content, find_content_direct, medium
from marsad.extract.quotes.context import Ctx
from marsad.extract.quotes.cues import Cue, find_cues, is_cutter, is_headline
from marsad.extract.quotes.discourse import Antecedent, Said, document_author, resolve
from marsad.extract.quotes.lexicon import NON_SPEAKER, CueForm, variants
from marsad.extract.quotes.speaker import Subject, described, document_np, extend
from marsad.extract.quotes.subjects import generic_inside, speaker_of, subject_of
from marsad.extract.quotes.words import GAP_COLON


@dataclass(slots=True)
class Found:
    """A quote before it gets its id."""

    speaker: Antecedent
    cue: Cue
    content: Content
    medium: str | None
    stated: bool = True    # the medium is named in the text (not the default)


def find(ctx: Ctx) -> list[Said]:
    """All quotes of the document, as :class:`Said` records, in text order."""
    cues = find_cues(ctx)
    said: list[Said] = []
    covered = 0
    for n, cue in enumerate(cues):
        start = ctx.starts[cue.i]
        if start < covered or ctx.lay.inside_marks(start) or is_headline(ctx, start):
            continue
        limit = _limit(ctx, cues, n)
        found = _verb_quote(ctx, cue, said, limit) if cue.form else _nominal_quote(ctx, cue, said, limit)
        if found is None:
            continue
        said.append(_record(ctx, found, len(said) + 1))
        covered = max(found.content.end, ctx.ends[cue.j - 1])
    return said


def _limit(ctx: Ctx, cues: list[Cue], n: int) -> int:
    """The offset the content of cue ``n`` may not pass: the next cutting cue in its statement."""
    start = ctx.starts[cues[n].i]
    end = ctx.lay.statement_end(start)
    for later in cues[n + 1:]:
        pos = ctx.starts[later.i]
        if pos >= end:
            break
        if is_cutter(ctx, later):
            return pos
    return end


# ---------------------------------------------------------------- verb cues


def _verb_quote(ctx: Ctx, cue: Cue, said: list[Said], limit: int) -> Found | None:
    form = cue.form
    assert form is not None
    start = ctx.starts[cue.i]
    sub = subject_of(ctx, cue, limit)
    if sub.kind == "none":
        return None
    if form.object and _disagrees(ctx, form, sub):
        sub = Subject("dropped", sub.start, start=sub.start)
    if sub.kind == "named":
        sub.kind = "described"
    if form.explicit and sub.kind not in ("person", "org", "described"):
        return None
    speaker = speaker_of(ctx, sub, cue, said, start)
    if speaker is None:
        return None
    content = (_attributed_content(ctx, cue, said) or find_content(ctx, sub.end, limit, obj=form.object)
               or _quotation_before(ctx, cue, said))
    if sub.kind == "unknown" and form.object and (content is None or not content.marker):
        sub = Subject("dropped", sub.start, start=sub.start)
        speaker = speaker_of(ctx, sub, cue, said, start)
        content = find_content(ctx, sub.start, limit, obj=True)
    if content is None or speaker is None or (sub.kind == "unknown" and not content.marker):
        return None
    if form.needs and not _needed(ctx, form.needs, cue.j, ctx.lay.word_index(content.end)):
        return None
    med = sub.medium or medium(ctx, cue.j, sub.start) or medium(ctx, sub.end, content.word) \
        or _medium_before(ctx, cue)
    med = med or _inherited_medium(ctx, sub, speaker, start, said)
    if med is None:
        return Found(speaker, cue, content, _default_medium(ctx, form, speaker), stated=False)
    return Found(speaker, cue, content, med)


def _quotation_before(ctx: Ctx, cue: Cue, said: list[Said]) -> Content | None:
    """"«نحن مستعدون»، قال الوزير": a quotation closing right before the cue is its content."""
    start = ctx.starts[cue.i]
    if said and said[-1].quote.content.end >= start - 3:
        return None
    k = start - 1
    while k >= 0 and ctx.text[k] in " ،,-–—":
        k -= 1
    near = ctx.lay.pairs_between(max(0, k - 2000), k + 1)
    pair = next((p for p in near if p.close == k and p.closed), None)
    if pair is None or len(ctx.text[pair.open:pair.close].split()) < 3:
        return None
    return find_content_direct(ctx, pair)


def _disagrees(ctx: Ctx, form: CueForm, sub: Subject) -> bool:
    """"وطالبت التحالفَ الدولي بـ...": a masculine noun after a feminine verb is its object,
    and the subject is dropped (only names of a clearly masculine head count)."""
    m = sub.mention
    if m is None or form.gender != "f" or ctx.starts[sub.start] < m.span.start:
        return False
    if m.entity.type == "person":
        return ctx.gender_of(m.entity) == "m"
    head = ctx.keys[sub.start]
    return ctx.lex.in_set(head, ctx.lex.masculine)


def _default_medium(ctx: Ctx, form: CueForm, speaker: Antecedent) -> str | None:
    """An organisation speaks by statement unless it is an outlet or a monitor, or only reports."""
    ent = speaker.entity
    lex = ctx.lex
    if ent is None or ent.type != "organization" or ent.category in lex.statement_except_categories:
        return None
    return None if form.lemma in lex.statement_except_lemmas else "statement"


def _inherited_medium(ctx: Ctx, sub: Subject, speaker: Antecedent, start: int,
                      said: list[Said]) -> str | None:
    """A continuation keeps the medium of the quote it continues; a person quoted again keeps
    the medium they last spoke through."""
    last = speaker.said
    if last is not None and last.medium_stated and sub.kind in ("dropped", "participle", "generic",
                                                                 "person_anaphor"):
        return last.quote.medium
    ent = speaker.entity
    if ent is None or ent.type != "person":
        return None
    earlier = next((s for s in reversed(said) if s.entity is ent and s.medium_stated), None)
    return earlier.quote.medium if earlier is not None else None


def _needed(ctx: Ctx, needs: str, first: int, last: int) -> bool:
    """The word a cue needs ("عبر عن"; "وجه ب-" a word bound to ب) stands in its zone."""
    keys = ctx.keys[first:last + 1]
    if needs.endswith("-"):
        return any(k.startswith(needs[:-1]) and len(k) > 3 for k in keys)
    return any(needs in variants(k) for k in keys)


def _attributed_content(ctx: Ctx, cue: Cue, said: list[Said]) -> Content | None:
    """"...، بحسب ما أفاد به المرصد" / "وفق ما أفادت به مصادر": the clause before is said."""
    i = cue.i
    if i < 2 or ctx.keys[i - 1] not in ctx.lex.relative_ma:
        return None
    lead = ctx.keys[i - 2]
    if lead not in ctx.lex.attributive and lead.removeprefix("و") not in ctx.lex.attributive:
        return None
    return clause_before(ctx, ctx.starts[i - 2], said)


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


def _medium_before(ctx: Ctx, cue: Cue) -> str | None:
    """A medium named earlier in the cue's sentence ("وفي مؤتمر صحافي ...، قال")."""
    first = ctx.sentence_first(cue.i)
    return medium(ctx, first, cue.i)


# ---------------------------------------------------------------- nominal cues


def _nominal_quote(ctx: Ctx, cue: Cue, said: list[Said], limit: int) -> Found | None:
    nom = cue.nominal
    assert nom is not None
    if cue.j >= ctx.n_words:
        return None
    start = ctx.starts[cue.i]
    if nom.kind == "document":
        return _document_quote(ctx, cue, said, limit)
    if nom.kind == "document_pronoun":
        return _document_pronoun_quote(ctx, cue, said, limit)
    if nom.initial and not _sentence_initial(ctx, cue.i):
        return None
    np_start = cue.j
    sub = document_np(ctx, np_start, ctx.lay.word_index(limit)) \
        or described(ctx, np_start, extend(ctx, np_start, ctx.lay.word_index(limit)))
    if sub.kind in ("unknown", "none", "dropped") or ctx.kc[np_start] & NON_SPEAKER:
        return None
    speaker = speaker_of(ctx, sub, cue, said, start)
    if speaker is None:
        return None
    content = _source_content(ctx, cue, sub, said, limit)
    return Found(speaker, cue, content, sub.medium) if content else None


def _sentence_initial(ctx: Ctx, i: int) -> bool:
    """Word ``i`` opens its sentence (a leading "و" or adjunct aside)."""
    first = ctx.sentence_first(i)
    return all(ctx.is_adjunct(k) or ctx.keys[k] in ("و", "ف", "كما") for k in range(first, i))


def _source_content(ctx: Ctx, cue: Cue, sub: Subject, said: list[Said], limit: int) -> Content | None:
    """"بحسب X، ..." -> what follows; "...، بحسب X" -> the clause before."""
    before = clause_before(ctx, ctx.starts[cue.i], said)
    if before is not None:
        return before
    k = sub.end
    if k < ctx.n_words and ctx.keys[k] in ("فان", "فقد", "فانه", "فانها"):
        k += 1
    if k >= ctx.n_words:
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
    start = ctx.starts[cue.i]
    if k + 1 < last and not ctx.comma_before(k + 1) and not ctx.gap_flags[k + 1] & GAP_COLON:
        sub = described(ctx, k + 1, extend(ctx, k + 1, last))
        sub.medium = med
        speaker = speaker_of(ctx, sub, cue, said, start) if sub.kind != "unknown" else None
        if speaker is None or speaker.entity is None:
            ent = generic_inside(ctx, Subject("described", sub.end, start=k), said, start)
            speaker = Antecedent(ent, sub.name, None, None) if ent or sub.name else speaker
    else:
        sub = Subject("document", k + 1, medium=med)
        speaker = document_author(said, med)
    if speaker is None:
        return None
    content = find_content(ctx, sub.end, limit, obj=False)
    return Found(speaker, cue, content, med) if content else None


def _document_pronoun_quote(ctx: Ctx, cue: Cue, said: list[Said], limit: int) -> Found | None:
    """"وأصدرت الوزارة بيانا جاء فيه أن ...": the actor in focus wrote it."""
    start = ctx.starts[cue.i]
    speaker = resolve(ctx, said, start, None, None)
    content = find_content(ctx, cue.j, limit, obj=False)
    if speaker is None or content is None:
        return None
    return Found(speaker, cue, content, _medium_before(ctx, cue) or "statement")


def _bare(ctx: Ctx, k: int) -> list[str]:
    from marsad.extract.quotes.lexicon import variants

    return list(variants(ctx.keys[k])) if k < ctx.n_words else []


# ---------------------------------------------------------------- records


def _record(ctx: Ctx, found: Found, number: int) -> Said:
    text = ctx.text
    cue_span = Span.of(text, ctx.starts[found.cue.i], ctx.ends[found.cue.j - 1])
    sp = found.speaker
    quote = Quote(
        id=f"q{number}",
        speaker=Speaker(sp.entity.id if sp.entity else None, sp.name, sp.role),
        cue=cue_span,
        content=Span.of(text, found.content.start, found.content.end),
        direct=found.content.direct,
        medium=found.medium,
    )
    first = ctx.sentence_first(found.cue.i)
    background = first < ctx.n_words and ctx.keys[first] in ctx.lex.background
    return Said(quote, sp.entity, ctx.lay.sentence_no(cue_span.start), background, sp.gender, ctx,
                found.stated)


__all__ = ["Found", "find"]
