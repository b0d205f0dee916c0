"""Date vocabulary (``dates.yaml``) folded, and the regular expressions built from it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic._data import table
from marsad.arabic.normalize import fold_key


def _alt(forms: Iterable[str]) -> str:
    """An alternation of the folded forms, longest first, as a trie: forms that share their first
    letters share one branch for them, so a text that opens with no form's letter leaves each branch
    at its first letter (the forms a text can match lie on one path, still tried longest first).
    Forms are looked up by :func:`_key` (single spaces), so they are matched by it too: a space in a
    form matches any run of spaces, and a form cannot open or end with one."""
    keys = sorted({_key(f) for f in forms} - {""}, key=len, reverse=True)
    return _trie(keys)


def _trie(keys: list[str]) -> str:
    """``keys`` (all distinct, longest first) as an alternation whose branches share first letters."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(key[:1], []).append(key[1:])
    branches = []
    for first, rests in groups.items():
        atom = r"\s+" if first == " " else re.escape(first)
        if len(rests) == 1:
            branches.append(atom + "".join(r"\s+" if c == " " else re.escape(c) for c in rests[0]))
        else:
            branches.append(f"{atom}(?:{_trie(rests)})")
    return "|".join(branches)


def _index(spec: dict) -> dict[str, int]:
    return {_key(f): int(k) for k, forms in spec.items() for f in forms}


def _key(text: str) -> str:
    """Lookup key of a matched phrase: folded, single spaces."""
    return " ".join(fold_key(text).split())


@dataclass(frozen=True, slots=True)
class DateVocab:
    months: dict[str, int]
    hijri: dict[str, int]
    weekdays: dict[str, int]
    rel_days: dict[str, int]
    which: dict[str, int]
    units: dict[str, str]
    parts: dict[str, str]
    part_ranges: dict[str, dict[str, tuple[int, int]]]
    part_since: dict[str, dict[str, int]]     # where "منذ" + part starts, when not at the range start
    ambiguous: frozenset[str]
    ambiguous_hijri: frozenset[str]
    year_range: tuple[int, int]
    greg: re.Pattern[str]
    year: re.Pattern[str]
    hijri_re: re.Pattern[str]
    hyear: re.Pattern[str]
    rel_day: re.Pattern[str]
    weekday: re.Pattern[str]
    period: re.Pattern[str]
    ago: re.Pattern[str]
    past: re.Pattern[str]
    day_words: dict[str, int]
    durations: dict[str, tuple[str, int | None]]     # form -> (unit, implied count or None)
    ago_words: frozenset[str]
    anchors: dict[str, frozenset[str]]   # first/last word of a name an expression must hold -> its kinds
    whole_anchors: dict[str, frozenset[str]]   # the same for words never behind a proclitic
    article: str
    numeric: re.Pattern[str]
    since_before: re.Pattern[str]
    range_before: re.Pattern[str]
    range_gap: re.Pattern[str]
    range_gap_free: re.Pattern[str]
    year_prep_before: re.Pattern[str]
    year_after_year: re.Pattern[str]
    month_word: tuple[str, ...]

    def key(self, text: str) -> str:
        return _key(text)

    def has_month_word(self, text: str) -> bool:
        return any(w in text for w in self.month_word)




def _article() -> str:
    """The definite article, folded (from clitics.yaml)."""
    return fold_key(table("clitics")["article"])


# The names each kind of expression must contain (digits aside: numeric dates and years hold digits).
_ANCHOR_TABLES = {"greg": ("gregorian",), "hijri": ("hijri",), "weekday": ("weekdays",),
                  "rel_day": ("relative_days",), "period": ("units",)}


# Any word of a name would do as its anchor (every match holds them all); where the first or the last
# word is a common one, the other anchors the name alone: a relative day's name ends in its day word
# ("يوم أمس", "بعد غد", "هذا اليوم"), a Gregorian or Hijri month's opens with its own ("كانون الأول",
# "ربيع الأول").
_ANCHOR_WORD = {"rel_day": -1, "greg": 0, "hijri": 0}


def _anchors(t: dict) -> dict[str, frozenset[str]]:
    """First and last words (one of them for some kinds: _ANCHOR_WORD) of every name an expression
    must contain, with the kinds that need it: a kind's matches lie near one of its own anchor words,
    so it only scans windows around them."""
    forms: dict[str, list[str]] = {kind: [f for name in names for v in t[name].values() for f in v]
                                   for kind, names in _ANCHOR_TABLES.items()}
    forms["ago"] = [*t["ago"], *t["since"]]   # "قبل"/"منذ" opens every such expression
    forms["past"] = list(t["past_words"])     # "الماضية" closes every such expression (rarer than units)
    words: dict[str, set[str]] = {}
    for kind, names in forms.items():
        for form in names:
            parts = _key(form).split()
            for word in (parts[_ANCHOR_WORD[kind]],) if kind in _ANCHOR_WORD else (parts[0], parts[-1]):
                words.setdefault(word, set()).add(kind)
    return {word: frozenset(kinds) for word, kinds in words.items()}


def _whole_anchors(t: dict) -> dict[str, frozenset[str]]:
    """A Hijri year ("1444 هـ") ends in its era word, a word of its own (after the digits or a space,
    before no letter): the era words anchor it, rarer than three or four digits."""
    return {_key(form).split()[-1]: frozenset({"hyear"}) for form in t["hijri_era"]}


def _durations(t: dict) -> dict[str, tuple[str, int | None]]:
    """Duration forms, with and without the article, by folded form: (unit, implied count)."""
    implied = {"one": 1, "two": 2, "many": None}
    units = {**t["durations"], "hour": t["hours"]}
    out: dict[str, tuple[str, int | None]] = {}
    for unit, kinds in units.items():
        for kind, forms in kinds.items():
            for f in forms:
                out[_key(f)] = (unit, implied[kind])
                out.setdefault(_key(_article() + f), (unit, implied[kind]))
    return out


def _past_pattern(t: dict, pro: str) -> str:
    """"الأسبوعين الماضيين", "الأيام الثلاثة الماضية", "الـ24 ساعة الماضية"."""
    from marsad.arabic.numbers import lexicon

    counts = _alt(w for w, (kind, _) in lexicon().words.items() if kind in ("unit", "ten", "tens"))
    units = _alt(_durations(t))
    last = _alt(t["past_words"])
    al = _article()
    return (rf"{pro}(?:(?:{al}\s?)?(?P<n>\d{{1,3}})\s+)?(?P<du>{units})\s+"
            rf"(?:(?:{al})?(?P<nw>{counts})\s+|(?:{al}\s?)?(?P<n2>\d{{1,3}})\s+)?(?P<last>{last})(?!\w)")


def _ago_pattern(t: dict, pro: str) -> str:
    """"قبل يومين", "قبل 3 أسابيع", "منذ ثلاث سنوات" (a count of units back from the reference)."""
    from marsad.arabic.numbers import lexicon

    counts = _alt(w for w, (kind, _) in lexicon().words.items() if kind in ("unit", "ten", "tens"))
    units = _alt(f for kinds in t["durations"].values() for forms in kinds.values() for f in forms)
    words = _alt([*t["ago"], *t["since"]])  # (the article forms of _durations are not used here)
    stop = _alt(t["duration_not_before"])
    return (rf"{pro}(?P<ago>{words})\s+(?:(?P<n>\d{{1,3}})\s+|(?P<nw>{counts})\s+)?(?P<du>{units})"
            rf"(?!\w)(?!\s+(?:{stop})(?!\w))(?!\s*\d)")


@lru_cache(maxsize=1)
def vocab() -> DateVocab:
    """Folded date tables and compiled patterns (built once)."""
    t = table("dates")
    pro = rf"(?<!\w)(?P<pro>[{re.escape(t['proclitics'])}]{{0,2}}?)"
    of = _alt(t["of"])
    months, hmonths = _alt(f for v in t["gregorian"].values() for f in v), _alt(
        f for v in t["hijri"].values() for f in v)
    parts = _alt(w for p in t["parts"].values() for w in p["words"])
    which = _alt(f for v in t["which"].values() for f in v)
    units = _alt(f for v in t["units"].values() for f in v)
    this, mw = _alt(t["this"]), _alt(t["month_word"])
    gera, hera = _alt(t["gregorian_era"]), _alt(t["hijri_era"])
    dparts, djoin = _alt(t["day_parts"]), _alt(t["day_range_join"])
    yword = _alt(t["year_words"])
    rel_unit = rf"(?:(?:{of})\s+)?(?:(?P<ru>{units})\s+(?P<rw>{which})|(?P<this>{this})\s+(?P<ru2>{units}))"
    dwords = _alt(f for v in t["day_words"].values() for f in v)
    day = rf"(?:(?P<d1>\d{{1,2}})(?:\s*(?:{djoin})\s*(?P<d2>\d{{1,2}}))?|(?P<dw>{dwords}))"
    greg = (rf"{pro}(?:(?P<part>{parts})\s+)?(?:(?:{mw})\s+)?"
            rf"(?:{day}\s+(?:(?:{of})\s+)?(?:(?:{mw})\s+)?)?"
            rf"(?P<m1>{months})(?:\s*/\s*(?P<m2>{months})|\s*\(\s*(?P<m3>{months})\s*\)|\s+-\s+(?P<m4>{months}))?"
            rf"(?:\s*,?\s*(?:(?:{of})\s+)?(?:(?:{yword})\s+)?(?P<y>\d{{4}})(?:\s*(?:{gera})(?!\w))?"
            rf"|\s+{rel_unit}|\s+(?P<w>{which}))?(?!\w)")
    year = (rf"{pro}(?:(?P<part>{parts})\s+)?(?:(?P<yw>{yword})\s+)?(?P<y>\d{{4}})"
            rf"(?:\s*(?:{gera})(?!\w))?(?![\w.,/:-]\d)(?!\w)")
    hday = rf"(?:(?P<d1>\d{{1,2}})|(?P<dw>{dwords}))"
    hijri_re = (rf"{pro}(?:(?P<part>{parts})\s+)?(?:{hday}\s+(?:(?:{of})\s+)?)?"
                rf"(?:(?:{mw})\s+)?"
                rf"(?P<hm>{hmonths})(?:\s*,?\s+(?:(?:{yword})\s+)?(?P<hy>\d{{3,4}}))?"
                rf"(?:\s*(?P<era>{hera})(?!\w))?(?!\w)")
    hyear = rf"{pro}(?:(?:{yword})\s+)?(?P<hy>\d{{3,4}})\s*(?P<era>{hera})(?!\w)"
    rels = _alt(f for v in t["relative_days"].values() for f in v)
    wdays = _alt(f for v in t["weekdays"].values() for f in v)
    not_rel = _alt([*t["relative_not_before"], *(f for v in t["day_words"].values() for f in v)])
    rel_day = rf"{pro}(?:(?P<dp>{dparts})\s+)?(?P<rel>{rels})(?!\w)(?!\s+(?:{not_rel})(?!\w))"
    weekday = (rf"{pro}(?:(?P<dp>{dparts})\s+)?(?P<wd>{wdays})"
               rf"(?:\s+(?P<w>{which}))?(?!\w)")
    period = (rf"{pro}(?:(?P<part>{parts})\s+)?(?:{rel_unit}|(?P<ru3>{units})(?!\s+(?:{which}|\d)))(?!\w)")
    ago = _ago_pattern(t, pro)
    past = _past_pattern(t, pro)
    # (?=\d): both branches open with a digit; saying so first lets the scan skip other positions fast
    numeric = (r"(?=\d)(?<![\d.,/-])"
               r"(?:(?P<d>\d{1,2})\s?(?P<sep>[./-])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})"
               r"|(?P<iy>\d{4})\s?(?P<isep>[-/])\s?(?P<im>\d{1,2})\s?(?P=isep)\s?(?P<id>\d{1,2}))"
               r"(?![\d]|[.,/-]\d)")
    since = _alt(t["since"])
    ropen = _alt(t["range_open"])
    fill = _alt(t["range_fillers"])
    rjoin = _alt(t["range_join"])
    return DateVocab(
        months=_index(t["gregorian"]), hijri=_index(t["hijri"]), weekdays=_index(t["weekdays"]),
        rel_days=_index(t["relative_days"]), which=_index(t["which"]),
        units={_key(f): unit for unit, forms in t["units"].items() for f in forms},
        parts={_key(w): name for name, p in t["parts"].items() for w in p["words"]},
        part_since={name: dict(p.get("since") or {}) for name, p in t["parts"].items()},
        part_ranges={name: {u: tuple(p[u]) for u in ("month", "year", "week")}
                     for name, p in t["parts"].items()},
        ambiguous=frozenset(_key(f) for f in t["ambiguous_months"]),
        ambiguous_hijri=frozenset(_key(f) for f in t["ambiguous_hijri"]),
        year_range=(int(t["year_range"][0]), int(t["year_range"][1])),
        greg=re.compile(greg), year=re.compile(year), hijri_re=re.compile(hijri_re),
        hyear=re.compile(hyear), rel_day=re.compile(rel_day), weekday=re.compile(weekday),
        period=re.compile(period), numeric=re.compile(numeric), ago=re.compile(ago), past=re.compile(past),
        day_words=_index(t["day_words"]), durations=_durations(t),
        ago_words=frozenset(_key(w) for w in t["ago"]),
        anchors=_anchors(t), whole_anchors=_whole_anchors(t), article=_article(),
        since_before=re.compile(rf"(?<!\w)(?:{since})\s+$"),
        range_before=re.compile(rf"(?<!\w)(?:{ropen})\s+(?:(?:{fill})\s+)?$"),
        range_gap=re.compile(rf"\s*,?\s*(?:{rjoin})?\s*(?:(?:{fill})\s+)?"),
        range_gap_free=re.compile(rf"\s*,?\s*(?:{_alt(t['range_join_free'])})\s+"),
        year_after_year=re.compile(rf"\d{{4}}\s*(?:{_alt(t['year_after_year'])})\s*$"),
        month_word=tuple(fold_key(w) for w in t["month_word"]),
        year_prep_before=re.compile(rf"(?<!\w)(?:{_alt(t['year_prepositions'])})\s+$"),
    )
