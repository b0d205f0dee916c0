"""Who an anaphoric subject is: the dropped pronoun of "وأضافت", "وقالت الوزارة",
"وأكد البيان".

The rules, in order (the first that gives an answer wins):

1. a continuation: the speaker of the previous quote when it ends in this or the
   previous sentence and agrees (gender; for a noun, the noun is one of its names);
2. an actor named in the previous sentence (or earlier in this one) outside any
   quote, the first that agrees: the subject of the narration just before;
3. the latest speaker that agrees, skipping background narration ("وكانت ... قالت");
4. the latest actor mention anywhere before that agrees.

"البيان" / "التقرير" go to the author of the latest quote given in that medium.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from marsad.document import Entity, Quote
from marsad.extract.base import Mention
from marsad.extract.quotes.context import Ctx
from marsad.extract.quotes.lexicon import variants


@dataclass
class Said:
    """A quote already found, with what later anaphora need to know about it."""

    quote: Quote
    entity: Entity | None
    sentence: int
    background: bool
    gender: str | None
    ctx: Ctx = field(repr=False, compare=False)
    medium_stated: bool = True

    @cached_property
    def names(self) -> set[str]:
        """Folded words of the speaker's name and role and of its entity's names (worked out
        on first use: only a noun subject's anaphora read them)."""
        sp = self.quote.speaker
        return name_keys(self.ctx, sp.name, sp.role, entity=self.entity)

    @cached_property
    def span(self) -> tuple[int, int]:
        """From the cue to the end of the content (read once: the quote is final by then)."""
        return self.quote.cue.start, max(self.quote.cue.end, self.quote.content.end)


@dataclass(slots=True)
class Antecedent:
    entity: Entity | None
    name: str
    role: str | None
    gender: str | None
    said: Said | None = None


def agrees(need: str | None, have: str | None) -> bool:
    """A cue of gender ``need`` may refer to an antecedent of gender ``have``."""
    return need is None or have is None or need == have


def name_keys(ctx: Ctx, *texts: str | None, entity: Entity | None = None) -> set[str]:
    """Folded words (and their bare forms) of the texts and of the entity's names (memoised
    per document: the set is shared, to be read only)."""
    memo_key = (entity.id if entity is not None else None, texts)
    out = ctx.name_keys_memo.get(memo_key)
    if out is None:
        out = ctx.name_keys_memo[memo_key] = set(ctx.entity_keys(entity)) if entity is not None else set()
        for t in texts:
            if t:
                out.update(text_keys(t))
    return out


@lru_cache(maxsize=16384)
def text_keys(text: str) -> frozenset[str]:
    """Folded words of ``text`` and their bare forms (cached: names recur across documents)."""
    from marsad.extract.quotes.words import word_keys

    return frozenset(v for k in word_keys(text) for v in variants(k))


def head_matches(head: str | None, names: set[str]) -> bool:
    return head is None or not names.isdisjoint(_head_forms(head))


@lru_cache(maxsize=4096)
def _head_forms(head: str) -> tuple[str, ...]:
    """The forms of a head noun a name must hold (those without the article)."""
    return tuple(v for v in variants(head) if not v.startswith("ال"))


def resolve(ctx: Ctx, said: list[Said], cue_start: int, gender: str | None,
            head: str | None) -> Antecedent | None:
    """The antecedent of an anaphoric subject at ``cue_start`` (see the module docstring); a
    plural cue ("وقالوا") prefers a plural antecedent ("الحوثيون") and takes any other after."""
    found = _resolve(ctx, said, cue_start, gender, head)
    if found is None and gender == "pl":
        found = _resolve(ctx, said, cue_start, None, head)
    return found


def _resolve(ctx: Ctx, said: list[Said], cue_start: int, gender: str | None,
             head: str | None) -> Antecedent | None:
    sent = ctx.lay.sentence_no(cue_start)
    last = said[-1] if said else None
    if last is not None and not last.background and sent - last.sentence <= 1 and _fits(last, gender, head):
        return from_said(last)
    found = _narrated(ctx, said, cue_start, sent, gender, head)
    if found is not None:
        return found
    for s in reversed(said):
        if not s.background and _fits(s, gender, head):
            return from_said(s)
    return _any_before(ctx, said, cue_start, gender, head)


def document_author(said: list[Said], medium: str | None) -> Antecedent | None:
    """The author of the latest quote given in ``medium`` (else the latest speaker)."""
    for s in reversed(said):
        if s.quote.medium == medium and s.medium_stated:
            return from_said(s)
    return from_said(said[-1]) if said else None


def _fits(s: Said, gender: str | None, head: str | None) -> bool:
    return agrees(gender, s.gender) and head_matches(head, s.names)


def from_said(s: Said) -> Antecedent:
    sp = s.quote.speaker
    return Antecedent(s.entity, sp.name, sp.role, s.gender, s)


def _narrated(ctx: Ctx, said: list[Said], cue_start: int, sent: int, gender: str | None,
              head: str | None) -> Antecedent | None:
    """The first agreeing actor named in the previous sentence (or this one, before the cue),
    outside quotes; a sentence of background quotes does not count."""
    own = ctx.lay.sentence_start(cue_start)
    for start, end in ((own, cue_start), (ctx.lay.previous_sentence_start(cue_start), own)):
        for m in ctx.mentions_between(start, end):
            if _mention_fits(ctx, m, gender, head) and not _in_quote(said, m) \
                    and not _in_background_quote_sentence(ctx, said, m):
                return _from_mention(ctx, m)
    return None


def _any_before(ctx: Ctx, said: list[Said], cue_start: int, gender: str | None,
                head: str | None) -> Antecedent | None:
    for m in reversed(ctx.mentions_between(0, cue_start)):
        if _mention_fits(ctx, m, gender, head) and not _in_quote(said, m):
            return _from_mention(ctx, m)
    return None


def _mention_fits(ctx: Ctx, m: Mention, gender: str | None, head: str | None) -> bool:
    """Mention ``m`` may be the antecedent (memoised per document)."""
    memo_key = (id(m), gender, head)
    got = ctx.fits_memo.get(memo_key)
    if got is None:
        got = ctx.fits_memo[memo_key] = _fits_mention(ctx, m, gender, head)
    return got


def _fits_mention(ctx: Ctx, m: Mention, gender: str | None, head: str | None) -> bool:
    if head is None and m.entity.type != "organization" and m.resolved_by == "role":
        return False
    if not agrees(gender, ctx.gender_of(m.entity, m.span.text)):
        return False
    return head is None or head_matches(head, name_keys(ctx, m.span.text, entity=m.entity))


def _from_mention(ctx: Ctx, m: Mention) -> Antecedent:
    return Antecedent(m.entity, m.entity.canonical, None, ctx.gender_of(m.entity, m.span.text))


def _in_quote(said: list[Said], m: Mention) -> bool:
    start = m.span.start
    for s in said:
        first, end = s.span
        if first <= start < end:
            return True
    return False


def _in_background_quote_sentence(ctx: Ctx, said: list[Said], m: Mention) -> bool:
    no = ctx.lay.sentence_no(m.span.start)
    return any(s.background and s.sentence == no for s in said)
