"""The quote stage's precomputed tables say what the plain word tests say: key classes,
gap bits, words in bulk, date and adjunct flags, content marks."""

from __future__ import annotations

import re
from bisect import bisect_right

import pytest

from marsad.document import Document
from marsad.extract.base import Analysis
from marsad.extract.quotes import lexicon as L
from marsad.extract.quotes.context import AFTER_STOP, MAY_OPEN, Ctx, flagged
from marsad.extract.quotes.lexicon import load_lexicon, variants
from marsad.extract.quotes.words import (
    GAP_BREAK,
    GAP_COLON,
    GAP_COMMA,
    GAP_DOT,
    GAP_NEWLINE,
    GAP_PAREN,
    Layout,
    Word,
    _has_letter,
    key,
    words,
)
from marsad.kb.base import KnowledgeBase

TEXT = (
    "وقال المتحدث باسم وزارة الخارجية، في بيان يوم الاثنين 3 آذار/مارس 2025: «إن الوضع خطير جدا».\n\n"
    "وأضاف أنه يدعو إلى التهدئة، فيما قالت مصادر محلية لقناة الجزيرة إن 12.5 بالمئة من السكان نزحوا."
    " وبحسب المرصد (السوري) فإن القصف استمر؛ وذكر \"مصدر أمني\" أن ت.غ وصل ... ثم غادر!"
    " وأكد بشكل قاطع منذ أيلول الماضي أن الهدنة صامدة."
)


def _lexicon_words() -> set[str]:
    lex = load_lexicon()
    out = set(lex.verbs) | set(lex.documents) | set(lex.media_by_head)
    for table in (lex.outlets, lex.role_nouns, lex.titles, lex.generic, lex.non_speakers, lex.adjuncts,
                  lex.addressees, lex.manner, lex.prepositions, lex.date_prepositions, lex.self_named,
                  lex.complementizers, lex.relatives, lex.not_names, lex.role_prepositions,
                  lex.object_prepositions):
        out |= table
    more = {p + w for w in out for p in ("و", "ف", "ل", "ال", "بال")} | {w + "ه" for w in out}
    return out | more | {w.key for w in words(TEXT)}


def _old_outlet(lex: L.Lexicon, k: str) -> bool:
    return k in lex.outlets or (k[:1] == "ل" and (k[1:] in lex.outlets or lex.in_set(k, lex.addressees)))


def _old_role_noun(lex: L.Lexicon, k: str) -> bool:
    return lex.in_set(k, lex.role_nouns) or (k.endswith("ه") and lex.in_set(k[:-1], lex.role_nouns))


def _old_adjunct_word(lex: L.Lexicon, k: str) -> bool:
    bare = k[1:] if k[:1] in "وف" and len(k) > 3 else k
    return k in lex.adjuncts or bare in lex.adjuncts


def test_key_classes_agree_with_the_word_tests() -> None:
    lex = load_lexicon()
    heads = lex.nominal_by_head
    for k in sorted(_lexicon_words()):
        bits = lex.key_class(k)
        can_open = (lex.verb(k, k, pronoun=True) is not None or k in heads
                    or (k[:1] == "و" and k[1:] in heads))
        expected = {
            L.VERB: lex.verb(k) is not None,
            L.COMPLEMENTIZER: lex.is_complementizer(k),
            L.OUTLET: _old_outlet(lex, k),
            L.MEDIUM_HEAD: any(v in lex.media_by_head for v in variants(k)),
            L.ROLE_NOUN: _old_role_noun(lex, k),
            L.GENERIC: lex.in_set(k, lex.generic),
            L.TITLE: lex.in_set(k, lex.titles),
            L.NON_SPEAKER: lex.in_set(k, lex.non_speakers),
            L.ADJUNCT: _old_adjunct_word(lex, k),
            L.MANNER: k in lex.manner,
            L.DATE_PREPOSITION: k in lex.date_prepositions,
            L.PREPOSITION: (k in lex.prepositions or k.startswith(("بال", "لل"))
                            or lex.is_complementizer(k)),
            L.SELF_NAMED: k in lex.self_named,
            L.NOT_IN_NAME: k in lex.relatives or k in lex.not_names,
            L.ROLE_PREPOSITION: k in lex.role_prepositions,
            L.OBJECT_PREPOSITION: k in lex.object_prepositions - lex.role_prepositions,
            L.TO_OUTLET: k == "ل" or (k[:1] == "ل" and k[1:] in lex.outlets),
            L.NARRATOR_HEAD: any(p[:1] == (k,) for p in lex.narrator_openers),
        }
        for bit, want in expected.items():
            assert bool(bits & bit) == want, (k, bit)
        if can_open:   # a superset is enough for the cue scan
            assert bits & L.CUE_HEAD, k
    assert lex.classes["قال"] == lex.key_class("قال")


def _reference_words(text: str) -> list[Word]:
    pattern = re.compile(r"[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06fa-\u06ff\w]+")
    return [Word(m.start(), m.end(), m.group(), key(m.group())) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", [TEXT, "", "  ", "قال", "، قال.", "\n«نص»\n", "(أ، ب:\nج؛ د;) .", "،:"])
def test_words_and_gap_bits(text: str) -> None:
    lay = Layout.of(text)
    assert lay.words == _reference_words(text)
    bits = {",": GAP_COMMA, "،": GAP_COMMA, ":": GAP_COLON, ".": GAP_DOT, "\n": GAP_NEWLINE,
            ";": 0, "؛": 0, "(": GAP_PAREN}
    assert len(lay.gap_flags) == len(lay.words) + 1
    for i in range(len(lay.words) + 1):
        before = lay.words[i - 1].end if i else 0
        gap = text[before:lay.words[i].start] if i < len(lay.words) else text[before:]
        want = 0
        for c in gap:
            want |= bits.get(c, 0)
        assert lay.gap_flags[i] & (GAP_COMMA | GAP_COLON | GAP_DOT | GAP_NEWLINE | GAP_PAREN) == want, i
        assert bool(lay.gap_flags[i] & GAP_BREAK) == any(c in gap for c in ",،:;؛.\n"), i
        first = next((p for p in lay.pairs if before <= p.open < (lay.words[i].start if i < len(lay.words)
                                                                   else len(text))), None)
        assert lay.pair_before.get(i) == first, i


def test_letter_search_is_isalpha() -> None:
    for c in ("a", "ب", "1", "٣", "²", "½", "Ⅻ", "_", " ", "ـ", "\u064b"):
        assert _has_letter(c, 0, 1) == c.isalpha(), c
    assert _has_letter("12 ² x", 0, 6) and not _has_letter("12 ² x", 0, 5)


def _ctx(text: str) -> Ctx:
    return Ctx(Analysis(Document(id="t", text=text), KnowledgeBase(actors={}, places={})))


def test_adjunct_and_mark_flags_follow_the_rules() -> None:
    ctx = _ctx(TEXT)
    month = TEXT.index("أيلول")
    spans = [(40, 60), (40, 70), (65, 75), (120, 200), (130, 136), (month, month + 13)]
    ctx.__dict__["date_spans"] = spans
    starts = [s for s, _ in spans]

    def in_date(i: int) -> bool:
        start = ctx.words[i].start
        k = bisect_right(starts, start) - 1
        return k >= 0 and start < spans[k][1]

    lex = ctx.lex
    n = len(ctx.words)
    for i in range(n):
        w = ctx.words[i]
        want = (_old_adjunct_word(lex, w.key) or w.key in lex.manner
                or (i > 0 and ctx.words[i - 1].key in lex.manner)
                or (w.key in lex.date_prepositions and i + 1 < n and in_date(i + 1)) or in_date(i))
        assert ctx.is_adjunct(i) == want, i
        gap = ctx.gap(i)
        opens = ":" in gap or i in ctx.lay.pair_before or lex.is_complementizer(w.key)
        assert bool(ctx.marks[i] & MAY_OPEN) == opens, i
        assert bool(ctx.marks[i] & AFTER_STOP) == any(c in gap for c in ".\n"), i


def test_date_flags_without_dates() -> None:
    ctx = _ctx("قال الوزير إن الوضع خطير")
    ctx.__dict__["date_spans"] = []
    assert not any(ctx.in_date)
    assert [ctx.is_adjunct(i) for i in range(len(ctx.words))] == [False] * len(ctx.words)


def test_class_flags_agree_with_the_key_classes() -> None:
    ctx = _ctx(TEXT)
    masks = [L.CUE_HEAD, L.COMPLEMENTIZER, L.NARRATOR_HEAD, L.SELF_NAMED, L.TO_OUTLET | L.MEDIUM_HEAD,
             L.ADJUNCT | L.ROLE_PREPOSITION | L.OBJECT_PREPOSITION]
    for mask in masks:
        flags = ctx.flags(mask)
        assert list(flags) == [1 if bits & mask else 0 for bits in ctx.kc], mask
        assert list(flagged(flags, 3, 20)) == [i for i in range(3, 20) if ctx.kc[i] & mask], mask
    assert _ctx("").flags(L.CUE_HEAD) == b""


@pytest.mark.parametrize("text", ['"أ"\n"ب', '«أ "ب\n» ج"', '“أ «ب» ج”»', '"أ" "ب" "', "«\n«»"])
def test_quote_pairs_by_mark_search(text: str) -> None:
    pairs, stack, straight = [], [], None
    for i, ch in enumerate(text):          # the per-character reading the mark search replaces
        if ch == "\n" and straight is not None:
            pairs.append((straight, i, False))
            straight = None
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                pairs.append((straight, i, True))
                straight = None
        elif ch in "«“":
            stack.append((ch, i))
        elif ch in "»”" and stack and {"«": "»", "“": "”"}[stack[-1][0]] == ch:
            pairs.append((stack.pop()[1], i, True))
    if straight is not None:
        pairs.append((straight, len(text), False))
    for _, i in stack:
        end = text.find("\n", i)
        pairs.append((i, len(text) if end < 0 else end, False))
    assert [tuple(p) for p in Layout.of(text).pairs] == sorted(pairs)
