"""Reporting cues in a text: verbs ("قال", "وأضافت", "، مشيرا") and verbless phrases
("بحسب", "وجاء في بيان"), with the rules that tell a new statement from a cue inside one.
"""

from __future__ import annotations

from typing import NamedTuple

from marsad.extract.quotes.context import Ctx, flagged
from marsad.extract.quotes.lexicon import COMPLEMENTIZER, CUE_HEAD, CueForm, Nominal

HEADLINE_WORDS = 20


class Cue(NamedTuple):
    """A cue occurrence: words ``[i, j)``; ``form`` for a verb, ``nominal`` for a phrase
    (a named tuple: immutable and cheap to build)."""

    i: int
    j: int
    form: CueForm | None = None
    clitic: bool = False
    nominal: Nominal | None = None


def find_cues(ctx: Ctx) -> list[Cue]:
    """Every verb and nominal cue, in text order (impersonal formulas left out)."""
    out: list[Cue] = []
    keys, texts = ctx.keys, ctx.texts
    strict = "\u0649" in ctx.text   # the text writes ى: a final ي is not an alef maqsura
    for i in flagged(ctx.flags(CUE_HEAD)):   # most words open no cue
        after_ma = i > 0 and keys[i - 1] in ctx.lex.relative_ma
        hit = ctx.lex.verb(keys[i], texts[i], pronoun=after_ma, strict_maqsura=strict)
        if hit is not None and after_ma and hit[0].tense == "pres" and not _attributive(ctx, i - 1):
            continue   # "لم يصدر ما يؤكد أو ينفي": "anything that confirms", not a statement
        if hit is not None and not _excluded(ctx, i, hit[1]) and not _negated(ctx, i):
            out.append(Cue(i, i + 1, hit[0], hit[1]))
            continue
        nominal = _nominal_at(ctx, i)
        if nominal is not None:
            out.append(nominal)
    return out


def _attributive(ctx: Ctx, ma: int) -> bool:
    """The ما at word ``ma`` follows "بحسب" / "وفق": "بحسب ما يقول المرصد"."""
    if ma == 0:
        return False
    k = ctx.keys[ma - 1]
    return k.removeprefix("و") in ctx.lex.attributive - {"علي"}


def _negated(ctx: Ctx, i: int) -> bool:
    """"لم تعلن", and "دون أن يوضح" (without saying)."""
    if i > 1 and ctx.kc[i - 1] & COMPLEMENTIZER and ctx.keys[i - 2] in ctx.lex.without:
        return True
    return i > 0 and ctx.keys[i - 1] in ctx.lex.negations and not ctx.comma_before(i)


def _excluded(ctx: Ctx, i: int, clitic: bool) -> bool:
    if i + 1 >= ctx.n_words:
        return False
    k = ctx.keys[i][1:] if clitic else ctx.keys[i]
    return (k, ctx.keys[i + 1]) in ctx.lex.excluded


def _nominal_at(ctx: Ctx, i: int) -> Cue | None:
    keys = ctx.keys
    first = keys[i]
    heads = ctx.lex.nominal_by_head
    if first not in heads and (first[:1] != "و" or first[1:] not in heads):
        return None                     # most words open no nominal cue
    for nom in heads.get(first, []) + (heads.get(first[1:], []) if first[:1] == "و" else []):
        n = len(nom.words)
        if i + n > len(keys):
            continue
        if any(keys[i + k] != nom.words[k] for k in range(1, n)):
            continue
        if nom.prefix is not None:
            if i + n >= len(keys) or not keys[i + n].startswith(nom.prefix):
                continue
            return Cue(i, i + n + (1 if keys[i + n] == nom.prefix else 0), nominal=nom)
        return Cue(i, i + n, nominal=nom)
    return None


def is_cutter(ctx: Ctx, cue: Cue) -> bool:
    """A cue that ends the content before it: a participle or a و-verb after a comma,
    or a verb after "كما" / "ثم"."""
    if cue.form is None or ctx.lay.inside_marks(ctx.starts[cue.i]):
        return False
    comma = ctx.comma_before(cue.i)
    if cue.form.tense == "part":
        return comma
    prev = ctx.keys[cue.i - 1] if cue.i else ""
    return (cue.clitic and comma) or prev in ctx.lex.clause_openers or _after_fronting(ctx, cue.i)


def _after_fronting(ctx: Ctx, i: int) -> bool:
    """"...، غير أن مصدرا مقربا منه قال": a cue whose subject follows "غير أن" / "إلا أن"."""
    for k in range(i - 1, max(1, i - 8), -1):
        if ctx.comma_before(k + 1) and k + 1 < i:
            return False
        if ctx.keys[k] == "ان" and ctx.keys[k - 1] in ctx.lex.fronting:
            return True
    return False


def is_headline(ctx: Ctx, offset: int) -> bool:
    """The line holding ``offset`` is a headline: short, without a full stop (memoised per line)."""
    start = ctx.text.rfind("\n", 0, offset) + 1
    got = ctx.headlines.get(start)
    if got is None:
        line = ctx.lay.line(offset).strip()
        short = len(line.split(None, HEADLINE_WORDS)) <= HEADLINE_WORDS  # stops counting past the limit
        got = ctx.headlines[start] = short and not line.endswith((".", "!", "؟", "?", ":", "»", "\""))
    return got
