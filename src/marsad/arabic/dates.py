"""Dates in Arabic text: Gregorian (Levantine, Egyptian/Gulf and Maghrebi month
names), Hijri, numeric, years, and expressions relative to a reference date.

Matching runs on folded text with patterns built from ``dates.yaml``;
results are :class:`~marsad.document.DateValue` with the expression's text
from the original.  Resolution rules:

* a month without a year is the most recent such month on or before the
  reference ("25 كانون الأول" read on 2023-02-18 is 2022-12-25); with
  "الماضي" strictly before the reference month; with "المقبل" the next one;
* "العام الماضي/الحالي/المقبل" after a month sets its year from the reference;
* a weekday is the most recent such day on or before the reference
  ("الثلاثاء الماضي": strictly before); "أمس", "اليوم", "غدا", "أول أمس",
  "الليلة الماضية" count days from the reference;
* "الأسبوع/الشهر/العام الماضي|الحالي|المقبل" give week (Monday-Sunday), month
  or year precision; "مطلع/منتصف/أواخر" + month, year or week give a "range"
  (month: days 1-10, 11-20, 21-end; year: January, June-July, December);
* "منذ X" is an open range from X's start; "من X إلى/حتى Y" and "بين X و Y"
  are ranges (X without a year takes its year from Y);
* "قبل يومين/3 أسابيع/شهرين" is that day, week or month before the reference
  ("منذ ثلاث سنوات": an open range from then); "الأسبوعين الماضيين", "الأيام
  الثلاثة الماضية", "الـ24 ساعة الماضية" are ranges ending on the reference;
* days may be ordinal words ("الخامس من أيلول", "الحادي عشر من رمضان");
* numeric dates are day first (24.10.2017, 18/02/2023, 12 - 3 - 2024) or ISO
  (2023-02-18);
* Hijri dates ("15 رمضان 1444 هـ") are converted with ``hijridate``;
  a Hijri month without a year is resolved against the reference.

Expressions that need a reference are dropped when none is given.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from datetime import date, datetime
from functools import lru_cache
from itertools import compress, count, filterfalse
from typing import Any

from marsad.arabic import _dresolve as cal
from marsad.arabic._dpatterns import DateVocab, vocab
from marsad.arabic._dvalues import Hit, resolve
from marsad.arabic.normalize import Normalized, normalize
from marsad.arabic.tokens import GAP, bmp_lookup, class_table
from marsad.document import DateValue, Span

__all__ = ["date_char_ranges", "find_date_spans", "find_dates", "parse_date"]

_KINDS = ("numeric", "greg", "hijri", "hyear", "year", "rel_day", "weekday", "period", "ago", "past")


def find_date_spans(text: str, reference: date | None = None) -> list[tuple[Span, DateValue]]:
    """Every resolvable date expression in ``text`` with its span, in order."""
    if isinstance(reference, datetime):
        reference = reference.date()
    norm = normalize(text)
    out: list[tuple[Span, DateValue]] = []
    for hit in _collect(norm):
        span = norm.span(hit.start, hit.end)
        value = resolve(hit, reference, span.text)
        if value is not None:
            out.append((span, value))
    return out


def find_dates(text: str, reference: date | None = None) -> list[DateValue]:
    """The date values of :func:`find_date_spans` (``.text`` holds each expression)."""
    return [v for _, v in find_date_spans(text, reference)]


def parse_date(text: str, reference: date | None = None) -> DateValue | None:
    """The date expression ``text`` (the longest one found in it), or ``None``."""
    found = find_date_spans(text, reference)
    if not found:
        return _bare_year(text)
    return max(found, key=lambda sv: len(sv[0]))[1]


def _bare_year(text: str) -> DateValue | None:
    """A string that is only a year ("2014") is that year."""
    digits = normalize(text).text.strip()
    lo, hi = vocab().year_range
    if len(digits) == 4 and digits.isdigit() and lo <= int(digits) <= hi:
        return cal.year_value(int(digits), text.strip())
    return None


def date_char_ranges(norm: Normalized) -> list[tuple[int, int]]:
    """Normalised spans of all date expressions, resolvable or not (for other finders)."""
    return [(h.start, h.end) for h in _collect(norm)]


# ---------------------------------------------------------------- matching


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=32)
def _collect(norm: Normalized, windowed: bool = True) -> list[Hit]:
    """Date expressions of the folded ``norm.text`` (cached: quantities and dates read the same text).

    Each kind of pattern is tried only where one of its matches may start: at the words before its own
    anchor words (four digits; month, day, unit and era names); ``windowed=False`` scans the whole
    text (same result).
    """
    v = vocab()
    raw: list[Hit] = []
    text = norm.text
    windowed = windowed and not _wide_space(text)    # (reaches hold for folded spaces only)
    windows = _windows(v, norm) if windowed else {}
    required = _required()
    for kind in _KINDS:
        spans = windows.get(kind)
        words = required.get(kind)
        if windowed and not spans:
            continue                    # no anchor
        if not windowed and words is not None and not any(w in text for w in words):
            continue                    # the name every match of this kind holds is absent
        pattern = _pattern(v, kind)
        starts = _STARTS.get(kind, _WORD)
        for m in _match_at(pattern, text, spans, starts) if spans else pattern.finditer(text):
            start = m.end("pro") if "pro" in m.re.groupindex else m.start()
            if m.end() > start and _valid(v, kind, m, text, start):
                raw.append(Hit(start, m.end(), kind, m))
    raw.sort(key=lambda h: (h.start, -(h.end - h.start), _KINDS.index(h.kind)))
    chosen: list[Hit] = []
    for h in raw:
        if not chosen or h.start >= chosen[-1].end:
            chosen.append(h)
    return _ranges(v, text, _since(v, text, _weekday_dates(text, chosen)))


# Where a match of a kind may start: a \w+ word's first letter (every pattern opens with (?<!\w) and a
# letter or digit), or a run of digits for numeric dates (which may follow a letter)
_STARTS = {"numeric": re.compile(r"\d+")}


def _match_at(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]],
              starts: re.Pattern[str]) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds when every match starts at a ``starts`` run beginning in
    one of ``spans`` (disjoint, in order): the pattern is tried at those runs only."""
    out: list[re.Match[str]] = []
    end = 0
    for lo, hi in spans:
        for word in starts.finditer(text, max(lo, end), hi):
            at = word.start()
            if at >= end:
                m = pattern.match(text, at)
                if m is not None:
                    out.append(m)
                    end = m.end()
    return out


@lru_cache(maxsize=1)
def _required() -> dict[str, tuple[str, ...]]:
    """Kinds whose every match holds one name of a closed list (a Hijri month, a weekday, a
    relative day), with the first words of those names: a text holding none of them has no match
    of that kind (a cheap substring test saves a whole scan of the pattern; windows need none, as
    they open at anchor words)."""
    def first_words(names: dict[str, int]) -> tuple[str, ...]:
        return tuple(sorted({name.split()[0] for name in names}))

    v = vocab()
    return {"hijri": first_words(v.hijri), "weekday": first_words(v.weekdays),
            "rel_day": first_words(v.rel_days)}


# Numeric dates and years hold four digits in a row: the words that do anchor them
_DIGIT_KINDS = frozenset({"numeric", "year"})
_FOUR_DIGITS = re.compile(r"\d{4}")


def _windows(v: DateVocab, norm: Normalized) -> dict[str, list[tuple[int, int]]]:
    """For each kind, disjoint ranges where its matches may start: from the kind's :func:`_reaches`
    before one of its anchor words to the anchor's token's end (a match holds its anchor, so it starts
    at or before the anchor word's start; one that opens a range in a word's middle fails at once).

    The anchors are found among the tokens (shared with the quantity finder), each token standing
    for the ``\\w+`` words in it: a token's kinds are those of its words, and its range reaches from
    before the start of the first word (which may begin in the token before) to the token's end.
    """
    out: dict[str, list[tuple[int, int]]] = {}
    text = norm.text
    starts, ends, texts = norm.token_columns()
    seen = _ANCHOR_WORDS.setdefault(id(v), {})
    new = set(filterfalse(seen.__contains__, texts))
    if new:
        if len(seen) + len(new) > 100_000:
            seen.clear()
        seen.update((t, _token_kinds(t, v)) for t in new)
    reaches = _reaches()
    for k in compress(count(), map(seen.__getitem__, texts)):      # the tokens with anchor kinds
        first, hi = _word_start(text, starts[k]), ends[k]
        for kind in seen[texts[k]]:
            lo = max(0, first - reaches[kind])
            spans = out.setdefault(kind, [])
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    return out


# A run of two whitespace characters: not in folded text (normalize collapses them), where the
# reaches hold
_WIDE_SPACE = re.compile(r"\s\s")
_SPACES = ((GAP, r"\s"),)       # the class_table of whitespace (gaps) and the rest


def _wide_space(text: str) -> bool:
    """``_WIDE_SPACE.search(text)`` found a match: by a table look-up per character for a long text
    (the regular expression tests each character's Unicode class, several times more)."""
    found = bmp_lookup(text, class_table(_SPACES)) if len(text) >= 200 else None
    if found is not None:
        c = found[1]
        return bool(((c[:-1] | c[1:]) == GAP).any())
    return _WIDE_SPACE.search(text) is not None
# The groups that hold a kind's anchor word (the first word of their names: all of them anchor but a
# relative day's and a Hijri era's, anchored by their last word, _GROUP_WIDTH_KINDS)
_ANCHOR_GROUPS = {"numeric": ("y", "iy"), "greg": ("m1",), "hijri": ("hm",), "hyear": ("era",),
                  "year": ("y",), "rel_day": ("rel",), "weekday": ("wd",), "period": ("ru", "ru2", "ru3"),
                  "ago": ("ago",), "past": ("last",)}
_GROUP_WIDTH_KINDS = frozenset({"rel_day", "hyear"})


@lru_cache(maxsize=1)
def _reaches() -> dict[str, int]:
    """How far (in characters) a match of each kind may start before the word that anchors it: the
    widest text its pattern matches before the anchor's group (and through that group, for kinds
    anchored by a name's last word), a whitespace run being one character as in folded text."""
    v = vocab()
    out: dict[str, int] = {}
    for kind, groups in _ANCHOR_GROUPS.items():
        source = _pattern(v, kind).pattern.replace(r"\s+", r"\s").replace(r"\s*", r"\s?")
        parsed = _parser.parse(source)
        widths = [_widest_before(parsed, parsed.state.groupdict[g], kind in _GROUP_WIDTH_KINDS)
                  for g in groups]
        out[kind] = max(w for w in widths if w is not None)
    return out


def _widest_before(items: Any, group: int, through: bool) -> int | None:
    """The widest text a parsed pattern (``items``) matches before its ``group`` opens (or closes,
    ``through``); ``None`` if the group is not in it."""
    for i, (op, av) in enumerate(items):
        if op is _c.SUBPATTERN and av[0] == group:
            inner = av[3].getwidth()[1] if through else 0
        elif op is _c.SUBPATTERN:
            inner = _widest_before(av[3], group, through)
        elif op is _c.BRANCH:
            found = [w for branch in av[1] if (w := _widest_before(branch, group, through)) is not None]
            inner = max(found) if found else None
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            inner = _widest_before(av[2], group, through)
            if inner is not None:
                inner += (av[1] - 1) * av[2].getwidth()[1]     # earlier rounds of the repeat
        else:
            inner = None
        if inner is not None:
            before = _parser.SubPattern(items.state, items.data[:i]).getwidth()[1]
            if before + inner >= _c.MAXREPEAT:
                raise ValueError(f"unbounded text before group {group}")
            return before + inner
    return None


def _word_start(text: str, i: int) -> int:
    """Where the ``\\w+`` word that holds (or ends at) offset ``i`` starts; ``i`` outside words."""
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return i


# id(vocab) -> token -> _token_kinds (at most 100 000 tokens: then it starts afresh)
_ANCHOR_WORDS: dict[int, dict[str, frozenset[str]]] = {}


_NO_KINDS: frozenset[str] = frozenset()


def _token_kinds(token: str, v: DateVocab) -> frozenset[str]:
    """Kinds anchored by the ``\\w+`` words of a token (usually one, the token itself; more in a
    number with separators or a rare token that holds a non-word letter).  Asked of every token not
    seen before: a token of letters and digits is its one word, without a search."""
    if token.isalnum():
        return _anchor_kinds(token, v)
    kinds = _NO_KINDS
    for word in _WORD.findall(token):
        kinds |= _anchor_kinds(word, v)
    return kinds


def _anchor_kinds(word: str, v: DateVocab) -> frozenset[str]:
    """Kinds anchored by ``word``: digits, a whole anchor word, or an anchor word behind up to two
    proclitic letters and/or the article."""
    kinds = v.whole_anchors.get(word, _NO_KINDS)
    if not word.isalpha() and _FOUR_DIGITS.search(word):       # (letters only: no digits)
        kinds |= _DIGIT_KINDS
    anchors, article = v.anchors, v.article
    for bare in (word, word[1:], word[2:]):
        found = anchors.get(bare)
        if found:
            kinds |= found
        if bare.startswith(article):
            found = anchors.get(bare[len(article):])
            if found:
                kinds |= found
    return kinds


def _pattern(v: DateVocab, kind: str) -> re.Pattern[str]:
    return {"numeric": v.numeric, "greg": v.greg, "hijri": v.hijri_re, "hyear": v.hyear, "year": v.year,
            "rel_day": v.rel_day, "weekday": v.weekday, "period": v.period, "ago": v.ago,
            "past": v.past}[kind]


def _valid(v: DateVocab, kind: str, m: re.Match[str], text: str, start: int) -> bool:
    if kind == "greg":
        return _valid_greg(v, m)
    if kind == "year":
        year = int(m.group("y"))
        ok = v.year_range[0] <= year <= v.year_range[1]
        return ok and bool(m.group("yw") or m.group("part")
                           or v.year_prep_before.search(text, max(0, start - 12), start)
                           or v.year_after_year.search(text, max(0, start - 12), start))
    if kind == "hijri":
        ambiguous = v.key(m.group("hm")) in v.ambiguous_hijri
        context = any(m.group(g) for g in ("d1", "dw", "hy", "era")) or v.has_month_word(m.group())
        return (not ambiguous or bool(context)) and _hijri_year_ok(m.group("hy"))
    if kind == "hyear":
        return _hijri_year_ok(m.group("hy"))
    if kind == "period":
        return bool(m.group("rw") or m.group("this") or (m.group("ru3") and m.group("part")))
    if kind in ("ago", "past"):
        counted = any(m.group(g) for g in ("n", "nw", "n2") if g in m.re.groupindex)
        return counted or v.durations[v.key(m.group("du"))][1] is not None
    return True


def _hijri_year_ok(hy: str | None) -> bool:
    return hy is None or 1300 <= int(hy) <= 1600


def _valid_greg(v: DateVocab, m: re.Match[str]) -> bool:
    month = v.months[v.key(m.group("m1"))]
    pair = m.group("m2") or m.group("m3") or m.group("m4")
    if pair and v.months[v.key(pair)] != month:
        return False
    for g in ("d1", "d2"):
        if m.group(g) and not 1 <= int(m.group(g)) <= 31:
            return False
    if m.group("d2") and int(m.group("d2")) <= int(m.group("d1")):
        return False
    if m.group("ru") and v.units[v.key(m.group("ru"))] != "year":
        return False
    if m.group("ru2") and v.units[v.key(m.group("ru2"))] != "year":
        return False
    if v.key(m.group("m1")) in v.ambiguous:
        context = (m.group("d1"), m.group("dw"), m.group("y"), m.group("ru"), m.group("this"), m.group("w"),
                   pair, m.group("part"))
        return any(context) or v.has_month_word(m.group())
    return True


def _weekday_dates(text: str, hits: list[Hit]) -> list[Hit]:
    """Join a weekday and the day it names into one expression valued by the day:
    "الثلاثاء 24 تشرين الأول 2017" (by the date), "أمس الاثنين" (by "أمس")."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        adjacent = prev is not None and re.fullmatch(r"[\s,]*", text[prev.end:h.start]) is not None
        if adjacent and prev.kind == "weekday" and h.kind in ("greg", "numeric") and _is_day(h):
            out[-1] = Hit(prev.start, h.end, "wd_date", None, (h,))
        elif adjacent and prev.kind == "rel_day" and h.kind == "weekday" and not h.m.group("w"):
            out[-1] = Hit(prev.start, h.end, "wd_date", None, (prev,))
        else:
            out.append(h)
    return out


def _is_day(h: Hit) -> bool:
    return h.kind == "numeric" or (h.m is not None and bool(h.m.group("d1") or h.m.group("dw")))


def _since(v: DateVocab, text: str, hits: list[Hit]) -> list[Hit]:
    out = []
    for h in hits:
        m = v.since_before.search(text, max(0, h.start - 12), h.start) if h.kind != "rel_day" else None
        out.append(Hit(m.start(), h.end, "since", None, (h,)) if m else h)
    return out


def _ranges(v: DateVocab, text: str, hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    i = 0
    while i < len(hits):
        a = hits[i]
        b = hits[i + 1] if i + 1 < len(hits) else None
        if b is not None and a.kind != "since" and b.kind != "since":
            joined = _join(v, text, a, b)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _join(v: DateVocab, text: str, a: Hit, b: Hit) -> Hit | None:
    gap = text[a.end:b.start]
    before = v.range_before.search(text, max(0, a.start - 24), a.start)
    if before is not None and v.range_gap.fullmatch(gap) and gap.strip(" ,"):
        return Hit(before.start(), b.end, "range", None, (a, b))
    if v.range_gap_free.fullmatch(gap):
        return Hit(a.start, b.end, "range", None, (a, b))
    return None
