"""Quantities in running text: numbers, vague amounts, ranges and modifiers.

:func:`find_quantities` reads folded tokens and returns
:class:`~marsad.document.Quantity` objects whose spans index the input.
Meanings (all in ``quantities.yaml``):

* a number N ("14", "ستة", "138 ألف", "مئة وثمانية وثلاثين ألفا", "مليون ونصف"): [N, N];
* "نحو/حوالي/قرابة/زهاء/ما يقارب/ما يناهز N": [N, N], approx;
* "أكثر من/ما يزيد على/ما يزيد عن/ما فوق/أزيد من N": [N+1, open];
* "ما لا يقل عن/لا يقل عن/على الأقل N" (or "N على الأقل"): [N, open];
* "أقل من/ما دون N": [1, N-1], approx (a count below N is taken to be some);
  "على الأكثر/لا يزيد على N": [1, N], approx;
* vague words, approx: بضع/بضعة [3, 9], عدة [3, 10], عشرات [20, 99], مئات
  [200, 999], آلاف [2000, 9999], عشرات الآلاف [20000, 99999], مئات الآلاف
  [200000, 999999], ملايين [2000000, 9999999];
* ranges "25-30", "25 إلى 30", "بين 25 و30", "ما بين 25-30", "من 5 حتى 10":
  [25, 30]; "خمسة أو ستة": [5, 6], approx.

Not quantities: ordinals (also digits after the bare article: "الذكرى الـ15");
dates and times (numbers inside a date expression
found by :func:`marsad.arabic.find_date_spans`, ``24.10.2017``,
``18/02/2023``, ``20:35``); identifiers after a cue word ("القرار 2254",
"قرار مجلس الأمن الدولي 2254"); percentages ("50%", "50 في المئة");
decimals that are not whole ("2.5" alone; "2.5 مليون" is a count).
A bare year-like number (1900-2100) followed by a clause word or a
punctuation mark ("في مدينة دير الزور 2017 ما أدى") is taken as a year.
Still ambiguous, and returned as a quantity: a bare year-like number
followed by a noun ("قتل 2000 شخص" is right, "المدينة 2017 شهدت" is not).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from marsad.arabic._qrules import Phrase, QuantityRules, modify, rules
from marsad.arabic.normalize import Normalized, fold_key, normalize
from marsad.arabic.numbers import lexicon, parse_digits, parse_words
from marsad.arabic.tokens import token_columns, token_kind
from marsad.document import Quantity

__all__ = ["find_quantities", "parse_quantity"]

# Tried at the first digit of each run of digits only: every match starts there.
_NUMERIC_DATE = re.compile(r"(?<!\d)(?:\d{1,2} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4}"
                           r"|\d{4} ?[/.-] ?\d{1,2} ?[/.-] ?\d{1,2}"
                           r"|\d{1,2}:\d{2}(?::\d{2})?|(?:19|20)\d\d\s*[-/]\s*(?:19|20)\d\d)(?!\d)")


@dataclass(slots=True)
class _Core:
    low: int
    high: int
    approx: bool
    start: int      # normalised char offset
    end_tok: int    # token index after the core
    digits: bool


_DIGIT_RUN = re.compile(r"\d(?<!\d\d)")    # the first digit of a run (the scan skips non-digits fast)


@dataclass(slots=True)
class _Ctx:
    """The folded text's tokens as columns (see :class:`~marsad.arabic.tokens.TokenColumns`)."""

    norm: Normalized
    starts: list[int]       # normalised char offsets of the tokens
    ends: list[int]
    words: list[str]        # the tokens' texts
    runs: list[int]         # where each run of digits starts
    numbers: list[int]      # indices of the number tokens
    is_number: set[int]
    blocked: set[int]
    rules: QuantityRules


def find_quantities(text: str, dual_nouns: Collection[str] | None = None) -> list[Quantity]:
    """All quantity expressions in ``text``, in order, non-overlapping, longest first.

    ``dual_nouns``: noun stems (singular, e.g. "قتيل") whose dual form
    ("قتيلان", "قتيلين") counts as 2 when no number goes with it.
    """
    norm = normalize(text)
    ctx = _context(norm)
    found: list[tuple[int, int, Quantity]] = []
    i = 0
    starts, cores = _candidates(ctx)
    reach = _reach()
    for k in starts:
        if k < i:
            continue
        c = bisect_left(cores, k)
        if c == len(cores) or cores[c] > k + reach:
            continue                # no number or amount word close enough to be this one's core
        hit = _quantity_at(ctx, k)
        if hit is not None:
            found.append(hit)
            i = hit[1]
    if dual_nouns:
        found = _add_duals(ctx, found, dual_nouns)
    return [q for _, _, q in found]


def _candidates(ctx: _Ctx) -> tuple[list[int], list[int]]:
    """Indices of the tokens a quantity may start at (numbers, words that may open one), and of
    those that may be its core (numbers, number words, the first word of a vague amount)."""
    openers, cores = _word_roles()
    words = ctx.words
    opening = list(compress(count(), map(openers.__contains__, words)))
    core_at = [k for k in opening if words[k] in cores]         # the cores are openers too
    return sorted([*ctx.numbers, *opening]), sorted([*ctx.numbers, *core_at])


@lru_cache(maxsize=1)
def _word_roles() -> tuple[frozenset[str], frozenset[str]]:
    """The (folded) words a quantity may start at, and those :func:`_core_at` may find a number or
    vague amount at.  Both are closed lists (table words, bare or behind the proclitics they may
    take), so one set test per token decides.

    A quantity may start at a number word (:meth:`Lexicon.lookup_prefixed`: bare, or behind a
    proclitic when at least 3 letters remain), or at a word whose :func:`_heads` holds a modifier's
    or a vague amount's or a range prefix's first word; its core is a number word or a vague
    amount's first word (behind a proclitic when at least 3 letters remain).
    """
    lex, r = lexicon(), rules()
    number_words = {pro + w for w in lex.words for pro in ("", *lex.proclitics) if not pro or len(w) >= 3}
    firsts = r.before.keys() | r.starters
    openers = number_words | {pro + w for w in firsts for pro in ("", lex.conjunction, *lex.proclitics)}
    # (a vague amount's first word is a starter: every core word is an opener)
    cores = number_words | {pro + w for w in _vague_heads() if len(w) >= 3 for pro in ("", *lex.proclitics)}
    return _words_only(openers), _words_only(cores)


def _words_only(words: set[str]) -> frozenset[str]:
    """The strings that are one word token (a token with such a text is a word)."""
    return frozenset(w for w in words if token_columns(w).texts == [w] and token_kind(w) == "word")


@lru_cache(maxsize=1)
def _vague_heads() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in rules().vague)


@lru_cache(maxsize=1)
def _reach() -> int:
    """How many tokens after its first one a quantity's core may start: a modifier ("ما يزيد على")
    then a range prefix ("ما بين") at most."""
    r = rules()
    before = max((len(p) for phrases in r.before.values() for p, _ in phrases), default=0)
    return before + max((len(p) for p in r.prefixes), default=0)


def parse_quantity(text: str) -> Quantity | None:
    """The quantity expression that opens ``text`` ("ما يزيد على أربعين" -> [41, open]).

    Words after it (the counted noun) are ignored; ``None`` when ``text``
    does not start with a quantity.
    """
    found = find_quantities(text)
    lead = len(text) - len(text.lstrip())
    if found and found[0].span is not None and found[0].span.start <= lead + 4:
        first = found[0]
        head = text[lead:first.span.start] if first.span else ""
        return first if not head.strip() or _only_proclitic(head) else None
    return None


def _only_proclitic(head: str) -> bool:
    return fold_key(head) in lexicon().proclitics


def _context(norm: Normalized) -> _Ctx:
    starts, ends, words = norm.token_columns()
    runs = [m.start() for m in _DIGIT_RUN.finditer(norm.text)]
    # a number token starts a run of digits (a digit before it would belong to it)
    numbers = [k for p in runs if (k := bisect_left(starts, p)) < len(starts) and starts[k] == p]
    ctx = _Ctx(norm, starts, ends, words, runs, numbers, set(numbers), set(), rules())
    ctx.blocked = _blocked(ctx)
    return ctx


def _blocked(ctx: _Ctx) -> set[int]:
    """Token indices that cannot start a quantity: dates, times, identifiers, percentages."""
    from marsad.arabic.dates import date_char_ranges

    ranges = _numeric_dates(ctx.norm.text, ctx.runs)
    ranges += date_char_ranges(ctx.norm)
    out = _overlapping_numbers(ctx, sorted(ranges))
    for k in ctx.numbers:
        if (_is_identifier(ctx, k) or _is_percentage(ctx, k) or _is_bare_year(ctx, k)
                or (k > 0 and ctx.words[k - 1] in ctx.rules.ordinal_markers)):
            out.add(k)
    return out


def _numeric_dates(text: str, runs: list[int]) -> list[tuple[int, int]]:
    """What ``_NUMERIC_DATE.finditer(text)`` finds, tried only where a match may start."""
    out: list[tuple[int, int]] = []
    end = 0
    for pos in runs:
        if pos >= end and (m := _NUMERIC_DATE.match(text, pos)) is not None:
            out.append(m.span())
            end = m.end()
    return out


def _overlapping_numbers(ctx: _Ctx, ranges: list[tuple[int, int]]) -> set[int]:
    """Indices of number and word tokens overlapping any of the sorted ``ranges``."""
    out: set[int] = set()
    starts = ctx.starts
    for lo, hi in ranges:
        k = bisect_right(ctx.ends, lo)        # the first token ending after lo (tokens do not overlap)
        while k < len(starts) and starts[k] < hi:
            if k in ctx.is_number or token_kind(ctx.words[k]) == "word":
                out.add(k)
            k += 1
    return out


def _is_identifier(ctx: _Ctx, k: int) -> bool:
    for back in range(1, ctx.rules.id_window + 1):
        j = k - back
        if j < 0 or token_kind(ctx.words[j]) != "word":
            return False
        if ctx.words[j] in ctx.rules.id_cues:
            return True
    return False


def _is_bare_year(ctx: _Ctx, k: int) -> bool:
    """A year-like number followed by a clause word ("دير الزور 2017 ما أدى") is a year."""
    if not ctx.words[k].isdigit():
        return False
    lo, hi = ctx.rules.year_range
    nxt = ctx.words[k + 1] if k + 1 < len(ctx.words) else ""
    return len(ctx.words[k]) == 4 and lo <= int(ctx.words[k]) <= hi and nxt in ctx.rules.year_followers


def _is_percentage(ctx: _Ctx, k: int) -> bool:
    if k + 1 >= len(ctx.words) or ctx.words[k + 1] not in ctx.rules.not_count_firsts:
        return False
    return any(_phrase_at(ctx, k + 1, p) for p in ctx.rules.not_counts)


def _phrase_at(ctx: _Ctx, k: int, p: Phrase) -> bool:
    return tuple(ctx.words[k:k + len(p)]) == p


@lru_cache(maxsize=65536)
def _heads(word: str) -> tuple[tuple[str, int], ...]:
    """The word and its forms without a proclitic ("وأكثر", "بما"), with the proclitic's length."""
    lex = lexicon()
    out = [(word, 0)]
    for pro in (lex.conjunction, *lex.proclitics):
        if word.startswith(pro) and len(word) > len(pro):
            out.append((word[len(pro):], len(pro)))
    return tuple(dict.fromkeys(out))


Table = dict[str, list[tuple[Phrase, str]]]


def _match_phrase(ctx: _Ctx, k: int, table: Table) -> tuple[str, int, int] | None:
    """``(kind, end index, proclitic length)`` of the longest table phrase at token ``k``."""
    if k >= len(ctx.words):
        return None
    for head, pro in _heads(ctx.words[k]):
        for p, kind in table.get(head, ()):
            if _phrase_at(ctx, k + 1, p[1:]):
                return kind, k + len(p), pro
    return None


def _prefix_at(ctx: _Ctx, k: int) -> tuple[Phrase, int] | None:
    """A range prefix ("بين", "ما بين", "من") at token ``k``, with its proclitic length."""
    if k >= len(ctx.words):
        return None
    for head, pro in _heads(ctx.words[k]):
        for p in ctx.rules.prefixes:
            if p[0] == head and _phrase_at(ctx, k + 1, p[1:]):
                return p, pro
    return None


def _quantity_at(ctx: _Ctx, i: int) -> tuple[int, int, Quantity] | None:
    mod = _match_phrase(ctx, i, ctx.rules.before)
    k = mod[1] if mod else i
    found = _prefix_at(ctx, k)
    prefix = found[0] if found else None
    core_at = k + len(prefix) if prefix else k
    core = _core_at(ctx, core_at)
    if core is None and prefix:
        prefix, core_at = None, k
        core = _core_at(ctx, core_at)
    if core is None:
        return None
    low, high, approx, end = _range_after(ctx, core, bool(prefix))
    if prefix and end == core.end_tok:
        prefix = None
    if mod:
        low, high, approx = modify(mod[0], low, high, approx)
    elif (after := _match_phrase(ctx, end, ctx.rules.after)) is not None:
        low, high, approx = modify(after[0], low, high, approx)
        end = after[1]
    if mod or prefix:
        lead = mod[2] if mod else (found[1] if found else 0)
        start_char, first_tok = ctx.starts[i] + lead, i
    else:
        start_char, first_tok = core.start, core_at
    return first_tok, end, _quantity(ctx, start_char, ctx.ends[end - 1], low, high, approx)


def _quantity(ctx: _Ctx, start: int, end: int, low: int | None, high: int | None, approx: bool) -> Quantity:
    return Quantity(low, high, approx, ctx.norm.span(start, end))


def _range_after(ctx: _Ctx, core: _Core, prefixed: bool) -> tuple[int, int, bool, int]:
    """Extend a core into a range when a connector and a larger number follow."""
    j = core.end_tok
    if j < len(ctx.words):
        w = ctx.words[j]
        conn = w in ctx.rules.connectors and (prefixed or w not in ctx.rules.need_prefix)
        is_or = w in ctx.rules.or_connectors
        second = _core_at(ctx, j + 1) if (conn or is_or) else None
        if second is None and prefixed and w.startswith(lexicon().conjunction) and len(w) > 1:
            second = _core_at(ctx, j)  # "بين عشرين وثلاثين": the connector is a proclitic
        if second is not None and core.low == core.high and second.low == second.high > core.low:
            return core.low, second.high, core.approx or is_or, second.end_tok
    return core.low, core.high, core.approx, core.end_tok


def _core_at(ctx: _Ctx, k: int) -> _Core | None:
    """A number (digits with an optional scale, or words) or a vague amount at token ``k``."""
    if k >= len(ctx.words) or k in ctx.blocked:
        return None
    if k in ctx.is_number:
        return _digits_core(ctx, k)
    word = ctx.words[k]
    if token_kind(word) != "word":
        return None
    hit = lexicon().lookup_prefixed(word)
    if hit is not None:
        parsed = parse_words(ctx.words, k, first=hit[1])
        if parsed is not None:
            return _Core(parsed[0], parsed[0], False, ctx.starts[k] + len(hit[0]), parsed[1], False)
    return _vague_core(ctx, k)


def _digits_core(ctx: _Ctx, k: int) -> _Core | None:
    value = parse_digits(ctx.words[k])
    if value is None:
        return None
    end = k + 1
    scale = lexicon().lookup(ctx.words[end]) if end < len(ctx.words) else None
    if scale is not None and scale[0] in ("scale_singular", "scale_plural"):
        value, end = value * scale[1], end + 1
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    return _Core(value, value, False, ctx.starts[k], end, True)


def _vague_core(ctx: _Ctx, k: int) -> _Core | None:
    word = ctx.words[k]
    pros = ("", *lexicon().proclitics)
    for pro in pros:
        if not word.startswith(pro) or len(word) - len(pro) < 3:
            continue
        head = word[len(pro):]
        for size in (2, 1):
            key = (head, *ctx.words[k + 1:k + size])
            if len(key) == size and key in ctx.rules.vague:
                low, high = ctx.rules.vague[key]
                return _Core(low, high, True, ctx.starts[k] + len(pro), k + size, False)
    return None


def _add_duals(ctx: _Ctx, found: list[tuple[int, int, Quantity]],
               nouns: Collection[str]) -> list[tuple[int, int, Quantity]]:
    from marsad.arabic.duals import dual_value

    folded = frozenset(fold_key(n) for n in nouns)
    used = {k for a, b, _ in found for k in range(a, b)}
    extra = []
    for k, word in enumerate(ctx.words):
        if token_kind(word) != "word" or k in used or (k - 1) in ctx.is_number:
            continue
        nxt = _core_at(ctx, k + 1)
        if nxt is not None and nxt.low == 2:
            continue
        if dual_value(word, folded) == 2:
            extra.append((k, k + 1, _quantity(ctx, ctx.starts[k], ctx.ends[k], 2, 2, False)))
    return sorted(found + extra, key=lambda x: x[0])

