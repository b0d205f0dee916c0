"""Where the said thing starts and ends, and through which medium it was said.

Content opens after أن / إن / بأن, after a colon, or at a quotation; verbs with an
object ("أكد دعم", "رحب بـ", "دعا إلى") may open it at once.  A direct quote's content
is what lies between the outer marks (the marks themselves are left out); reported
content runs to the end of the statement, or to the next continuation cue.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from marsad.extract.quotes.context import AFTER_STOP, MAY_OPEN, Ctx, flagged
from marsad.extract.quotes.lexicon import MEDIUM_HEAD, NARRATOR_HEAD, TO_OUTLET
from marsad.extract.quotes.phrases import skip_adjuncts
from marsad.extract.quotes.words import GAP_COLON, GAP_DOT, Pair

MAX_ZONE_WORDS = 30
TRIM = " \t\n,،.؛;:-–—"
LEAD_WORDS = 3
_MARKED = re.compile(b"[^\x00]")
_MEDIUM_WORDS = TO_OUTLET | MEDIUM_HEAD


class Content(NamedTuple):
    """Where what was said lies (a named tuple: immutable and cheap to build)."""

    start: int
    end: int
    direct: bool
    word: int          # index of the first word after the cue's zone
    marker: bool = True  # opened by أن / إن / a colon / a quotation (not an object)


def find_content(ctx: Ctx, j: int, limit: int, *, obj: bool) -> Content | None:
    """The content after the subject ending at word ``j``; ``limit`` is an offset it may not pass."""
    k = skip_adjuncts(ctx, j, _word_limit(ctx, limit))
    if k < ctx.n_words and ctx.starts[k] < limit and _marker_at(ctx, k):
        return _from_marker(ctx, k, limit)
    m = _scan_marker(ctx, k, limit)
    if m is not None and (not obj or _adjunct_between(ctx, k, m)):
        return _from_marker(ctx, m, limit)
    k = skip_zone(ctx, k, limit)
    if not obj or k >= ctx.n_words or ctx.starts[k] >= limit:
        return None
    k = _skip_apposition(ctx, k, limit)
    if ctx.keys[k] in ctx.lex.object_prepositions and k + 1 < ctx.n_words:
        k += 1
    found = _reported(ctx, ctx.starts[k], limit, k)
    return Content(found.start, found.end, found.direct, k, marker=False) if found else None


def skip_zone(ctx: Ctx, k: int, limit: int) -> int:
    """Skip what stands between a subject and an object: time words, "لقناة العربية",
    "في بيان", "خلال مؤتمر صحافي"."""
    lex = ctx.lex
    n = ctx.n_words
    while k < n and ctx.starts[k] < limit:
        w = ctx.keys[k]
        if ctx.is_adjunct(k):
            k += 1
        elif w[:1] == "ل" and w[1:] in lex.outlets:
            k = _skip_name(ctx, k + 1)
        elif w in lex.medium_prepositions and k + 1 < n and lex.medium_at(_keys(ctx, k + 1), 0):
            k += 1 + lex.medium_at(_keys(ctx, k + 1), 0)[1]
        else:
            return k
    return k


def _keys(ctx: Ctx, k: int) -> list[str]:
    return ctx.keys[k:k + 3]


def _skip_name(ctx: Ctx, k: int) -> int:
    """Skip an outlet's name: a quoted name, a mention, or one word."""
    if k >= ctx.n_words:
        return k
    pair = _pair_in_gap(ctx, k, long_only=False)
    if pair is not None:
        return ctx.lay.word_index(pair.close)
    m = ctx.mention_by_word[k]
    while m is not None and k < ctx.n_words and ctx.mention_by_word[k] is m:
        k += 1
    return k if m is not None else k + 1


def _skip_apposition(ctx: Ctx, k: int, limit: int) -> int:
    """Skip "، التابع للإدارة الذاتية،" between a subject and its object."""
    if not (ctx.comma_before(k) and ctx.keys[k].startswith("ال")):
        return k
    for i in range(k + 1, min(ctx.n_words, k + 8)):
        if ctx.starts[i] >= limit or ctx.gap_flags[i] & GAP_DOT:
            return k
        if ctx.comma_before(i):
            return i
    return k


def _word_limit(ctx: Ctx, limit: int) -> int:
    return ctx.lay.word_index(limit)


def _marker_at(ctx: Ctx, k: int) -> bool:
    return bool(ctx.gap_flags[k] & GAP_COLON) or _pair_in_gap(ctx, k, long_only=True) is not None \
        or ctx.opens_report(k)


def _scan_marker(ctx: Ctx, k: int, limit: int) -> int | None:
    """The first word at or after ``k`` preceded by a colon or a long quotation, or أن / إن."""
    end = min(ctx.n_words, k + MAX_ZONE_WORDS, ctx.lay.word_index(limit))  # words starting before limit
    marks = ctx.marks
    found = _MARKED.search(marks, k, end)
    while found is not None:            # only words with a mark need a look
        i = found.start()
        if i > k and marks[i] & AFTER_STOP:
            return None
        if marks[i] & MAY_OPEN and _marker_at(ctx, i):
            return i
        found = _MARKED.search(marks, i + 1, end)
    return None


def _adjunct_between(ctx: Ctx, k: int, m: int) -> bool:
    """The words skipped before a marker are an adjunct: a prepositional phrase, a medium,
    a comma-set phrase, or at most two words."""
    if ctx.comma_before(k) or (m - k <= 2 and ctx.opens_report(m)):
        return True
    first = ctx.keys[k]
    lex = ctx.lex
    return first in lex.medium_prepositions or first in lex.role_prepositions or first.startswith("ل")


def _pair_in_gap(ctx: Ctx, k: int, *, long_only: bool) -> Pair | None:
    """A quotation opening between word ``k - 1`` and word ``k``."""
    pair = ctx.lay.pair_before.get(k)
    if pair is None or (long_only and ctx.lay.pair_words(pair) < 4):
        return None
    return pair


def _from_marker(ctx: Ctx, k: int, limit: int) -> Content | None:
    """Content opening at marker word ``k`` (a colon or quote before it, or أن / إن at it)."""
    if ctx.opens_report(k) and not ctx.gap_flags[k] & GAP_COLON:
        k += 1
        if k >= ctx.n_words:
            return None
    pair = _pair_in_gap(ctx, k, long_only=False)
    if pair is not None and len(ctx.text[pair.open:pair.close].split()) >= 2:
        return _direct(ctx, pair, k)
    return _reported(ctx, ctx.starts[k], limit, k)


def find_content_direct(ctx: Ctx, pair: Pair) -> Content | None:
    """The content of a quotation (its marks left out)."""
    return _direct(ctx, pair, ctx.lay.word_index(pair.open))


def _direct(ctx: Ctx, pair: Pair, k: int) -> Content | None:
    start, end = pair.open + 1, pair.close
    while start < end and ctx.text[start].isspace():
        start += 1
    while end > start and ctx.text[end - 1] in TRIM:
        end -= 1
    return Content(start, end, True, k) if end > start else None


def _reported(ctx: Ctx, start: int, limit: int, k: int) -> Content | None:
    end = min(ctx.lay.statement_end(start), limit)
    end = _trim_end(ctx, start, min(end, _narrator_clause(ctx, start, end)))
    if end <= start:
        return None
    tail = _closing_quotation(ctx, start, end)
    return tail if tail is not None else Content(start, end, False, k)


def _narrator_clause(ctx: Ctx, start: int, end: int) -> int:
    """Where the narrator takes over: "، فيما ..." / "، بينما ..." / "، في حين ..." (outside
    quotation marks), else ``end``."""
    first = ctx.lay.word_index(start) + 1
    for i in flagged(ctx.flags(NARRATOR_HEAD), first, ctx.lay.word_index(end)):
        keys = ctx.keys                 # an opener may start with this word
        opener = any(tuple(keys[i:i + len(p)]) == p for p in ctx.lex.narrator_openers)
        if opener and ctx.comma_before(i) and not ctx.lay.inside_marks(ctx.starts[i]):
            return ctx.starts[i]
    return end


def _trim_end(ctx: Ctx, start: int, end: int) -> int:
    """``end`` without trailing punctuation and a dangling clause opener ("، بينما")."""
    while True:
        while end > start and ctx.text[end - 1] in TRIM:
            end -= 1
        k = ctx.lay.word_index(end) - 1
        if k < 0 or ctx.ends[k] != end or ctx.starts[k] <= start \
                or ctx.keys[k] not in ctx.lex.clause_openers:
            return end
        end = ctx.starts[k]


def _closing_quotation(ctx: Ctx, start: int, end: int) -> Content | None:
    """"المسيرة "استهدفت ..."", "بـ"جريمة حرب"", "عن "قلقها"": a lead of at most three words
    and a quotation that runs to the end, in one sentence -- what was said is the quotation."""
    near = ctx.lay.pairs_between(start - 3, end)
    if not near:                        # no quotation there (the usual case)
        return None
    pair = next((p for p in near if p.open < start and p.closed
                 and not ctx.text[p.open + 1:start].strip() and len(ctx.text[p.open:p.close].split()) >= 2),
                None)
    if pair is None:
        pair = next((p for p in near if p.open < end and p.close + 1 >= end
                     and (start <= p.open or not ctx.text[p.open + 1:start].strip())), None)
    if pair is None or len(ctx.text[start:max(start, pair.open)].split()) > LEAD_WORDS:
        return None
    if ":" in ctx.text[start:max(start, pair.open)]:  # "أن التحالف: «...»": a framed quotation, kept whole
        return None
    k = ctx.lay.word_index(pair.open)
    return _direct(ctx, pair, k)


def _addressed_outlet(ctx: Ctx, k: int) -> bool:
    """After "لـ": a quoted short name or a media mention."""
    m = ctx.mention_by_word[k]
    if m is not None:
        return m.entity.category == "media"
    pair = _pair_in_gap(ctx, k, long_only=False)
    return pair is not None and len(ctx.text[pair.open:pair.close].split()) <= 4


def medium(ctx: Ctx, first: int, last: int) -> str | None:
    """The medium named in words ``[first, last)``: an outlet addressed ("لقناة العربية",
    "لـ«الشرق الأوسط»") is an interview; otherwise the first medium phrase."""
    lex = ctx.lex
    if ctx.flags(_MEDIUM_WORDS).find(1, first, last) < 0:
        return None                     # no outlet, "ل" or medium word in the zone
    for i in flagged(ctx.flags(TO_OUTLET), first, last):
        k = ctx.keys[i]
        if k != "ل" or (i + 1 < ctx.n_words and _addressed_outlet(ctx, i + 1)):
            return "interview"
    keys: list[str] | None = None
    for i in flagged(ctx.flags(MEDIUM_HEAD), first, last):    # where a medium phrase may start
        if keys is None:
            keys = ctx.keys[first:last]
        found = lex.medium_at(keys, i - first)
        if found is not None:
            return found[0]
    return None
