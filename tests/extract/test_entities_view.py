"""The entity stage's text helpers agree with their plain definitions (random texts, fixed seed)."""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right
from types import SimpleNamespace

import pytest

from marsad.extract.entities.lexicon import lexicon
from marsad.extract.entities.matcher import _QUOTES, _quote_runs
from marsad.extract.entities.view import (
    _TOKEN,
    MARK,
    SKIPPED,
    DocView,
    _mark_by_table,
    _region_tokens,
    mark,
)

ALPHABET = "ابت ثج 12.,3_\n\"'«»(-²½٣،:)\u064b\x01 \t"
_WORD = re.compile(r"[^\W_]+")
_QUOTE_RUN = re.compile(rf"[ \t{_QUOTES}]*[{_QUOTES}][ \t{_QUOTES}]*")


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def _view(text: str) -> DocView:
    return DocView(text, SimpleNamespace(text=text), None, lexicon())  # type: ignore[arg-type]


class _Words:
    """Word boundaries read off the runs of letters and digits."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [m.span() for m in _WORD.finditer(text)]
        self.starts, self.ends = [s for s, _ in spans], [e for _, e in spans]

    def start(self, i: int) -> int:
        k = bisect_right(self.starts, i) - 1
        return self.starts[k] if k >= 0 and i <= self.ends[k] else i

    def before(self, i: int) -> str:
        j = self.start(i)
        k = bisect_right(self.starts, j - 1) - 1
        if k < 0 or self.ends[k] > j or self.text[self.ends[k]:j].strip(SKIPPED):
            return ""
        return self.text[self.starts[k]:self.ends[k]]

    def after(self, i: int) -> str:
        k = bisect_left(self.starts, i)
        if k >= len(self.starts) or self.text[i:self.starts[k]].strip(SKIPPED):
            return ""
        return self.text[self.starts[k]:self.ends[k]]


def test_mark_keeps_letters_and_digits_only() -> None:
    for text in _texts(500, 1):
        assert mark(text) == "".join(c if c.isalnum() else MARK for c in text)


def test_mark_of_every_character() -> None:
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert mark(text) == "".join(c if c.isalnum() else MARK for c in text)


def test_mark_by_table_of_every_bmp_character() -> None:
    # (the table covers the BMP, lone surrogates too; a text beyond it is left to the regular expression)
    bmp = "".join(map(chr, range(0x10000)))
    assert _mark_by_table(bmp) == "".join(c if c.isalnum() else MARK for c in bmp)
    assert _mark_by_table("a\U0001d400") is None
    for text in _texts(300, 4):
        long = text * 20
        assert _mark_by_table(long) == mark(long) == "".join(c if c.isalnum() else MARK for c in long)


def test_words_around_an_offset() -> None:
    for text in _texts(2000, 2):
        view, words = _view(text), _Words(text)
        for i in range(len(text) + 1):
            assert view.word_start(i) == words.start(i)
            assert view.word_before(i) == words.before(i)
            assert view.word_after(i) == words.after(i)


def _tokens_by_pattern(view: DocView, spans: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """What tokens_near(spans, 5, 8) gives, written out with the token pattern."""
    text = view.text
    expected: list[tuple[int, int, str, str]] = []
    regions: list[list[int]] = []
    for s, e in spans:
        lo, hi = view.word_start(max(0, s - 5)), min(len(text), e + 8)
        if regions and lo <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], hi)
        else:
            regions.append([lo, hi])
    for lo, hi in regions:
        while hi < len(text) and text[hi].isalnum():
            hi += 1
        expected += [(m.start(), m.end(), m.group(), m.lastgroup or "punct")
                     for m in _TOKEN.finditer(text, lo, hi)]
        expected.append((hi, hi, "|", "punct"))
    return expected


@pytest.mark.parametrize("extra", ["", "\x00\U0001f600"])
def test_tokens_near_read_the_token_pattern(extra: str) -> None:
    # (a NUL or a character outside the BMP: the regions are tokenised one by one)
    rng = random.Random(3)
    regions_at_once = 0
    for text in _texts(2000, 3):
        if extra:
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(extra) + text[at:]
        view = _view(text)
        spans = sorted((a, a + rng.randint(0, 4)) for a in (rng.randint(0, len(text)) for _ in range(2)))
        tokens = view.tokens_near(spans, 5, 8)
        assert list(zip(tokens.starts, tokens.ends, tokens.texts, tokens.kinds, strict=True)) == \
            _tokens_by_pattern(view, spans)
        regions_at_once += _region_tokens(text, [[0, len(text)]]) is not None
    assert regions_at_once == (0 if extra else 2000)


@pytest.mark.parametrize("vocabulary", ["stop_words", "cues", "common_words"])
def test_bare_strips_one_proclitic(vocabulary: str) -> None:
    lex = lexicon()
    words = getattr(lex, vocabulary)
    view = _view("")
    proclitics = sorted(p for p in lex.clitics.before_plain if 0 < len(p) <= 2)
    rng = random.Random(4)
    for word in rng.sample(sorted(words), min(50, len(words))):
        for p in ["", *proclitics, "س", "ال"]:
            candidate = p + word
            expected = candidate if candidate in words else next(
                (candidate[cut:] for cut in (1, 2)
                 if candidate[cut:] in words and candidate[:cut] in lex.clitics.before_plain), None)
            assert getattr(view.bares, vocabulary).get(candidate) == expected


def test_quote_runs_are_the_runs_with_a_quotation_mark() -> None:
    for text in _texts(3000, 5):
        expected = [m.span() for m in _QUOTE_RUN.finditer(text)
                    if m.start() > 0 and m.end() < len(text) and m.end() - m.start() > 1]
        assert _quote_runs(text) == expected


def test_ones_set_a_mask_as_bytes_do() -> None:
    from marsad.extract.entities.view import ones

    rng = random.Random(5)
    for n in range(-3, 300):
        assert ones(n) == b"\x01" * n
        start = rng.randint(0, 400)
        mask, plain = bytearray(700), bytearray(700)
        mask[start:start + n] = ones(n)
        plain[start:start + n] = b"\x01" * n
        assert mask == plain


def test_sentence_starts_are_where_runs_of_marks_end() -> None:
    from marsad.extract.entities.view import SENTENCE_MARKS

    runs = re.compile(f"[{re.escape(SENTENCE_MARKS)}]+")
    rng = random.Random(6)
    marks = ["".join(rng.choice("ab .!?؟\n") for _ in range(40)) for _ in range(2000)]
    for text in [*_texts(1000, 6), *marks]:
        assert _view(text).sentence_starts == [0, *(m.end() for m in runs.finditer(text))]
