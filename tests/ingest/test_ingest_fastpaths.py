"""Fast paths of cleaning against their plain definitions: the line key and the rule look-up."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest import fold as fold_module
from marsad.ingest.fold import fold, fold_plain
from marsad.ingest.rules import LineRule, Rules, load_rules, rules_from_dict

WORDS = st.sampled_from(["قالت", "مصادر", "أهلية", "إن", "الأخبار", "آخر", "اقرأ", "أيضاً", "ذات", "صلة", "©",
                         "Read", "MORE", "ß", "İ", "2023", "(سانا)", "-", "|", "تـحديث", "مُناقشة", "x"])
SPACES = st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", "\u200f", "\u3000", "\n"])


@st.composite
def lines(draw: st.DrawFn) -> str:
    """Lines of words mostly split by one space (the fast path), sometimes by other spacing."""
    words = draw(st.lists(WORDS | st.text(max_size=6), min_size=1, max_size=12))
    out = words[0]
    for w in words[1:]:
        out += draw(SPACES) + w
    return draw(st.sampled_from(["", " ", "\u0640"])) + out + draw(st.sampled_from(["", " ", "\ufeff"]))


@settings(max_examples=400, deadline=None)
@given(lines() | st.text(max_size=40), st.sampled_from(["", "-*", "|•"]))
def test_fold_is_its_plain_definition(text: str, strip: str) -> None:
    plain = fold_plain(text)
    expected = plain.strip(strip + " ") if strip else plain
    assert fold(text, strip) == expected
    assert fold(text, strip) == expected        # again, from the memo


def test_fold_memo_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(fold_module, "MAX_FOLDED", 3)
    monkeypatch.setattr(fold_module, "_FOLDED", {})
    for n in range(10):
        assert fold(f"سطر رقم {n}") == f"سطر رقم {n}"
        assert len(fold_module._FOLDED) <= 3
    long = "أ" * (fold_module.MAX_FOLDED_CHARS + 1)
    assert fold(long) == "ا" * len(long) and long not in fold_module._FOLDED


def test_other_spaces_are_every_space_but_the_plain_one() -> None:
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} - {" "}
    found = {chr(c) for c in range(sys.maxunicode + 1) if fold_module._IRREGULAR.fullmatch(chr(c))}
    assert spaces <= found
    assert found - spaces == {c for c in found if fold_module._DELETE.fullmatch(c)}


def _plain_classify(rules: Rules, line: str) -> LineRule | None:
    """The first rule that matches, each rule tried in order (what :meth:`Rules.classify` does faster)."""
    key = rules.key(line) if len(line) <= rules.key_chars else ""
    return next((r for r in (rules.line_rules if key else rules.keyless_rules) if r.matches(line, key)), None)


RULES = load_rules()
PHRASES = sorted({p for r in RULES.line_rules for p in (*r.exact, *r.prefix, *r.contains)})
BOILER = st.sampled_from([*PHRASES, "المصدر: سانا", "12:30", "منذ 3 ساعات", "تحديث 10:15 ت.غ", "7",
                                    "عدد المشاهدات: 1,200", "3 تعليقات", "كتب: محمد علي", "Read More",
                                    "© 2021 جميع الحقوق محفوظة"])
SENTENCE = "وقالت مصادر أهلية إن نحو 48 عائلة نزحت من البلدة. "
FILLER = st.sampled_from(["", *(SENTENCE * n for n in (1, 3, 6, 9))])


@settings(max_examples=500, deadline=None)
@given(st.lists(BOILER | WORDS, min_size=1, max_size=5), FILLER, st.booleans())
def test_classify_is_the_first_matching_rule(parts: list[str], filler: str, filler_first: bool) -> None:
    line = " ".join(parts)
    line = (filler + line if filler_first else line + " " + filler).strip()
    assert RULES.classify(line) is _plain_classify(RULES, line)


def test_classify_with_rules_of_other_limits() -> None:
    data = {
        "decoration": " -", "sentence_end": ".", "closers": ")", "truncation_marks": ["..."],
        "menu_separators": ["|"], "limits": {"key_chars": 50},
        "rules": [{"reason": "a", "prefix": ["ابدأ"], "max_chars": 10},
                  {"reason": "b", "contains": ["وسط"], "max_chars": 20},
                  {"reason": "c", "words": True, "exact": ["س", "ص"]},
                  {"reason": "d", "contains": ["طويل"]},
                  {"reason": "e", "regex": "^\\d+$"}],
    }
    rules = rules_from_dict(data)
    for line in ["ابدأ هنا", "ابدأ هنا وهناك كثيرا", "في وسط", "في وسط السطر الطويل جدا", "س ص س", "س ع",
                 "سطر طويل", "123", "x" * 60 + " طويل", "عادي"]:
        assert rules.classify(line) is _plain_classify(rules, line)
    assert [rules.classify(x).reason for x in ["ابدأ هنا", "في وسط السطر الطويل جدا", "س ص س", "123"]] \
        == ["a", "d", "c", "e"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from("ابجده"), max_size=30), st.integers(1, 6))
def test_repeat_filter_lets_every_repeat_through(words: list[str], low: int) -> None:
    from marsad.ingest.repeats import _may_repeat, _recurs, _shingles

    if _recurs(_shingles(words, low)):     # some run of ``low`` words occurs twice (overlapping or not)
        assert _may_repeat(words, low)


def test_repeat_filter_lets_lines_without_repeats_go() -> None:
    from marsad.ingest.repeats import _may_repeat

    assert not _may_repeat(["قالت", "مصادر", "أهلية", "إن", "نحو", "عائلة", "نزحت", "من", "البلدة"], 5)
    assert _may_repeat(["أ", "ب", "ج", "د", "ه", "أ", "ب", "ج", "د", "ه"], 5)


def _plain_first_repeat(words: list[str], low: int, high: int) -> tuple[int, int] | None:
    """The repeat whose second copy starts first (then the one whose first copy starts first)."""
    runs = [(p + d, p) for d in range(low, high + 1) for p in range(len(words) - 2 * d + 1)
            if words[p:p + d] == words[p + d:p + 2 * d]]
    return (min(runs)[1], min(runs)[0] - min(runs)[1]) if runs else None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from("ابج"), max_size=24), st.integers(1, 4), st.integers(0, 8))
def test_first_repeat_is_the_earliest_run(words: list[str], low: int, more: int) -> None:
    from marsad.ingest.repeats import _first_repeat

    assert _first_repeat(words, low, low + more) == _plain_first_repeat(words, low, low + more)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS | SPACES | st.text(max_size=5), max_size=20))
def test_pieces_of_an_uncut_line_are_the_line(parts: list[str]) -> None:
    from marsad.ingest.lines import split_lines

    raw = "".join(parts)
    for line in split_lines(raw):
        assert line.pieces(raw) == line.cut_pieces(raw) == [(line.start, line.end)]


def _plain_is_menu(rules: Rules, line: str) -> bool:
    items = [i for i in (part.strip() for part in rules.menu_re.split(line)) if i]
    if len(items) < rules.limit("menu_min_items"):
        return False
    return all(len(i.split()) <= rules.limit("menu_max_item_words") for i in items)


MENU_PIECES = st.sampled_from(["الرئيسية", "أخبار", "سياسة عربية", "اقتصاد", "رأي وتحليل معمق", "|", " | ",
                               "»", " / ", "•", ">", "  ", "\n", "آب/أغسطس", "«نص»"])


@settings(max_examples=400, deadline=None)
@given(st.lists(MENU_PIECES | WORDS, max_size=14), st.sampled_from([" ", "", " | "]))
def test_is_menu_is_its_plain_definition(parts: list[str], sep: str) -> None:
    line = sep.join(parts)
    assert RULES.is_menu(line) == _plain_is_menu(RULES, line)


def test_is_menu_with_long_separators() -> None:
    data = {"decoration": " ", "sentence_end": ".", "closers": ")", "truncation_marks": ["..."],
            "menu_separators": ["::", "|", "x c y"], "rules": [],
            "limits": {"menu_min_items": 3, "menu_max_item_words": 2}}
    rules = rules_from_dict(data)
    lines = ["أ ب ج:: د", "أ ب:: ج د:: ه", "أ:: ب| ج", "أ ب ج د", "", "  ", "أ ب:: ج د| ه و ز", "أ ب ج :: د",
             "a bx c yd ex c yf"]          # (a separator across the first words' end)
    for line in lines:
        assert rules.is_menu(line) == _plain_is_menu(rules, line), line
    assert rules.is_menu("أ ب:: ج د| ه") and rules.is_menu("a bx c yd ex c yf")


def test_rule_patterns_searched_as_one() -> None:
    assert RULES._any_regex is not None          # the packaged rules: one search a line
    base = {"decoration": " ", "sentence_end": ".", "closers": ")", "truncation_marks": ["..."],
            "menu_separators": ["|"], "limits": {}}
    twice = rules_from_dict({**base, "rules": [{"reason": "a", "regex": "^(\\w)\\1$"},
                                               {"reason": "b", "regex": "^(?P<outlet>x)$"}]})
    assert twice._any_regex is None              # "\\1" would name another group once put together
    named = rules_from_dict({**base, "rules": [{"reason": "a", "regex": "^(?P<outlet>y)$"},
                                               {"reason": "b", "regex": "^(?P<outlet>x)$"}]})
    assert named._any_regex is None              # a group name used twice
    for rules in (twice, named):
        for line in ["بب", "به", "x", "y", "xy"]:
            assert rules.classify(line) is _plain_classify(rules, line)
    assert twice.classify("بب").reason == "a" and named.classify("x").reason == "b"


@settings(max_examples=400, deadline=None)
@given(lines() | st.text(max_size=40))
def test_words_of_a_line_are_the_pattern_words(text: str) -> None:
    from marsad.ingest.repeats import _TOKEN, _words

    assert _words(text) == _TOKEN.findall(text)


def _plain_looks_like_html(text: str) -> bool:
    from marsad.ingest.html import _TAGS

    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in head[:1024]:
        return True
    return _TAGS.match(head) is not None or len(_TAGS.findall(text[:20000])) >= 3


HTML_PIECES = st.sampled_from(["<p>", "</p>", "<html>", "<!DOCTYPE html>", "<div class='x'>", "<br/>", "<",
                               ">", "نص عادي", "a < b", "\n", "  ", "<?xml version='1.0'?>", "<SPAN>"])


@settings(max_examples=300, deadline=None)
@given(st.lists(HTML_PIECES | WORDS, max_size=10))
def test_looks_like_html_is_its_plain_definition(parts: list[str]) -> None:
    from marsad.ingest.html import looks_like_html

    text = "".join(parts)
    assert looks_like_html(text) == _plain_looks_like_html(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS | st.sampled_from(["\n", "\r\n", " ", "\u2028", "\x0c", "\x85", "العنوان"]),
                max_size=12), st.sampled_from(["العنوان", "  ", "Read more", "قالت مصادر"]))
def test_with_title_reads_the_first_line(parts: list[str], title: str) -> None:
    from marsad.ingest.build import _with_title
    from marsad.ingest.fold import fold

    raw = "".join(parts)
    first = next((ln for ln in raw.splitlines() if ln.strip()), "")
    plain = raw if fold(first) == fold(title) else f"{title.strip()}\n\n{raw}"
    assert _with_title(raw, title) == (plain if title.strip() else raw)


DATE_PIECES = st.sampled_from(["18", "02", "2023", "٢٠٢٣", "18/02/2023", "2023-02-18", "2023.2.18", "شباط",
                               "فبراير", "February", "18 شباط 2023", "نشر في", "الأحد", "10:15", "/", "-",
                               ".", "،", " ", "123"])


@settings(max_examples=400, deadline=None)
@given(st.lists(DATE_PIECES | WORDS, max_size=8), st.sampled_from([" ", "", "  "]))
def test_date_search_is_its_plain_definition(parts: list[str], sep: str) -> None:
    from marsad.ingest.dates import _find, _first_date, _patterns

    text = fold(sep.join(parts))
    pats = _patterns(RULES)
    fast, plain = _find(text, pats), _first_date(text, pats)
    assert (fast and (fast[0], fast[1].span())) == (plain and (plain[0], plain[1].span()))
