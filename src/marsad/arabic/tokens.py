"""Tokens with offsets, and clitic analysis of Arabic words.

:func:`tokens` splits text into words (Arabic letters with their marks),
numbers (digits of any script, with inner separators: ``1,000``,
``24.10.2017``), Latin (other-script) words and single punctuation marks;
format controls and whitespace produce no token.  :func:`stems` proposes
clitic analyses of one word, most likely first, from ``clitics.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

import numpy as np

from marsad.arabic._data import table

__all__ = ["Stem", "Token", "stems", "tokens"]

# Arabic letters, marks and tatweel, presentation forms; ZWNJ/ZWJ inside a word.
ARABIC_LETTER = ("\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d5-\u06dc\u06df-\u06e8\u06ea-\u06ef"
                 "\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc")
FORMAT = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"
MARKS = "\u064b-\u065f\u0610-\u061a\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640"

JOINERS = "\u200c\u200d"                 # ZWNJ, ZWJ: inside a word, between letters
NUMBER_SEPARATORS = ".,\u066b\u066c"     # between the digits of a number
LATIN_MARKS = "\u0300-\u036f"            # combining marks inside a Latin word

# Each token pattern is its first character's class and the rest: the split patterns below take
# the first character by the class that holds them all (_PUNCT) and check it by a look-behind.
_WORD_REST = rf"[{ARABIC_LETTER}]*(?:[{JOINERS}]+[{ARABIC_LETTER}]+)*"
_WORD_REST_NO_JOINERS = rf"[{ARABIC_LETTER}]*"
_NUMBER_REST = rf"\d*(?:[{NUMBER_SEPARATORS}]\d+)*"
_LATIN_REST = rf"[^\W\d_{LATIN_MARKS}]*(?:[{LATIN_MARKS}]+[^\W\d_]*)*"
_WORD = rf"[{ARABIC_LETTER}]{_WORD_REST}"
_NUMBER = rf"\d{_NUMBER_REST}"
_LATIN = rf"[^\W\d_]{_LATIN_REST}"
_PUNCT = rf"[^\s{FORMAT}]"
# One match per token, with the run of spaces and format controls before it as group 1, so that
# findall covers the text end to end and offsets follow from the lengths (no match objects).
_TOKEN = re.compile(rf"([\s{FORMAT}]*+)(?:({_WORD})|({_NUMBER})|({_LATIN})|({_PUNCT}))")


def _split_pattern(word_rest: str) -> re.Pattern[str]:
    """``(word|number|latin|punct)`` written as "a _PUNCT character, then the rest of the first token
    kind whose first character it is" (no Arabic letter, digit or letter is a space or a format
    control): a pattern that opens with a character class lets the search skip the gaps fast."""
    return re.compile(rf"({_PUNCT}(?:(?<=[{ARABIC_LETTER}]){word_rest}|(?<=\d){_NUMBER_REST}"
                      rf"|(?<=[^\W\d_]){_LATIN_REST}|))")


# split() by the tokens gives [gap, token, gap, token, ..., gap]: no token starts with a space or a
# format control, so the search for the next token stops where findall's next token begins.  A text
# without ZWNJ/ZWJ is split by the cheaper pattern without joiners inside words (same tokens).
_SPLIT = _split_pattern(_WORD_REST)
_SPLIT_NO_JOINERS = _split_pattern(_WORD_REST_NO_JOINERS)
_KIND = re.compile(rf"([{ARABIC_LETTER}])|(\d)|([^\W\d_])")
_KINDS = ("punct", "word", "number", "latin")
_new_token = tuple.__new__
_MARKS = str.maketrans(dict.fromkeys([chr(c) for c in range(0x064B, 0x0660)]
                                     + [chr(0x0670), chr(0x0640)]
                                     + [chr(c) for c in range(0x0610, 0x061B)], ""))


@dataclass(frozen=True, slots=True)
class Stem:
    """One clitic analysis: ``proclitic + stem + enclitic`` (the stem may restore ال or ة)."""

    stem: str
    proclitic: str = ""
    enclitic: str = ""


class Token(NamedTuple):
    """A token: ``text == source[start:end]``; ``kind`` is word, number, latin or punct.

    A named tuple (cheap to build by the hundred thousand).
    """

    start: int
    end: int
    text: str
    kind: str

    @property
    def stems(self) -> list[Stem]:
        """Clitic analyses of a word (just the text itself for other kinds)."""
        return stems(self.text) if self.kind == "word" else [Stem(self.text)]


def tokens(text: str) -> list[Token]:
    """Tokens of ``text`` with offsets into it."""
    out: list[Token] = []
    add = out.append
    pos = 0
    for gap, word, number, latin, punct in _TOKEN.findall(text):
        start = pos + len(gap)
        if word:
            tok, kind = word, "word"
        elif number:
            tok, kind = number, "number"
        elif latin:
            tok, kind = latin, "latin"
        else:
            tok, kind = punct, "punct"
        pos = start + len(tok)
        add(_new_token(Token, (start, pos, tok, kind)))
    return out


class TokenColumns(NamedTuple):
    """The tokens of a text as parallel lists: :func:`tokens` without a tuple (nor a kind) per token."""

    starts: list[int]
    ends: list[int]
    texts: list[str]


def token_columns(text: str) -> TokenColumns:
    """:func:`tokens` of ``text`` as columns, built by C loops (no Python code runs per token)."""
    if len(text) >= _VECTOR_MIN:
        found = vector_columns(text)
        if found is not None:
            return found
    return split_columns(text)


def split_columns(text: str) -> TokenColumns:
    """:func:`token_columns` by one ``re.split`` (any text)."""
    joiners = "\u200c" in text or "\u200d" in text
    parts = (_SPLIT if joiners else _SPLIT_NO_JOINERS).split(text)    # gap, token, gap, ..., token, gap
    bounds = list(accumulate(map(len, parts)))   # where each gap ends (a token starts) and each token ends
    return TokenColumns(bounds[0:-1:2], bounds[1::2], parts[1::2])


# Character classes of token_runs: a gap, punctuation, a number separator, a digit, an Arabic
# letter, another letter; then those it leaves to the regular expressions: a Latin mark, a joiner,
# and the characters of no class or of an unforeseen mix of them (NUL too: token_runs cuts at it).
GAP, PUNCT, SEPARATOR, DIGIT, ARABIC, LETTER, _MARK, _JOINER, _OTHER = range(9)
_VECTOR_MIN = 200       # shorter texts: the fixed cost of the array steps outweighs the split's
# the classes of the split patterns (a Latin mark and a joiner only to leave them to the split)
_SPLIT_CLASSES = ((GAP, rf"[\s{FORMAT}]"), (SEPARATOR, f"[{NUMBER_SEPARATORS}]"), (DIGIT, r"\d"),
                  (ARABIC, f"[{ARABIC_LETTER}]"), (LETTER, r"[^\W\d_]"), (_MARK, f"[{LATIN_MARKS}]"),
                  (_JOINER, f"[{JOINERS}]"))


@lru_cache(maxsize=8)
def class_table(classes: tuple[tuple[int, str], ...]) -> np.ndarray:
    """The class of every BMP character for :func:`token_runs`, from ``(class, character class
    pattern)`` pairs: punctuation where none holds it, ``_OTHER`` where several do (but an Arabic
    letter that is a letter too, and a joiner that is a gap)."""
    bmp = "".join(map(chr, range(0x10000)))
    member = {cls: np.zeros(0x10000, dtype=bool) for cls, _ in classes}
    for cls, pattern in classes:
        member[cls][[m.start() for m in re.finditer(pattern, bmp)]] = True
    if ARABIC in member and LETTER in member:
        member[LETTER] &= ~member[ARABIC]
    if _JOINER in member and GAP in member:
        member[GAP] &= ~member[_JOINER]
    count = sum(m.astype(np.uint8) for m in member.values())
    out = np.full(0x10000, PUNCT, dtype=np.uint8)
    for cls, m in member.items():
        out[m] = cls
    out[count > 1] = _OTHER
    out[0] = _OTHER
    return out


def bmp_lookup(text: str, table: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The code points of ``text`` (lone surrogates too) and the entry of a BMP-wide ``table`` (a
    :func:`class_table`, or any array of 0x10000 entries) for each; ``None`` when a character lies
    beyond the BMP (the callers leave such a text to their regular expressions)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    try:
        return codes, table.take(codes)
    except IndexError:
        return None


def from_code_points(codes: np.ndarray) -> str:
    """The text of uint32 ``codes`` (the inverse of :func:`bmp_lookup`'s first array)."""
    return codes.tobytes().decode("utf-32-le", "surrogatepass")


def token_runs(text: str, classes: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray] | None:
    """The tokens of ``text`` by array steps over its characters' ``classes`` (a :func:`class_table`):
    a run of Arabic letters, of digits (with a separator between two digits) or of other letters, or a
    single character of any other class but a gap.  A few dozen C loops over the whole text instead of
    a regular expression search per token (the tokens of a long text cost several times less).

    Returns the starts and ends (arrays), the texts, and the class of each token's first character;
    ``None`` for a text these steps do not cover: empty, with a character outside the BMP, a joiner,
    a Latin mark, a NUL, or a letter right before an Arabic letter (the Latin word would take it)."""
    found = bmp_lookup(text, classes)
    if found is None:
        return None
    codes, c = found
    head, tail = c[:-1], c[1:]
    if not len(c) or c.max() >= _MARK or ((head == LETTER) & (tail == ARABIC)).any():
        return None
    c[1:-1][(c[1:-1] == SEPARATOR) & (head[:-1] == DIGIT) & (tail[1:] == DIGIT)] = DIGIT   # 1,000: one number
    goes_on = np.zeros(len(c) + 1, dtype=bool)          # character i goes on with the token of i - 1
    goes_on[1:-1] = (tail == head) & (tail >= DIGIT)
    token = c != GAP
    first = token & ~goes_on[:-1]
    starts = first.nonzero()[0]
    ends = (token & ~goes_on[1:]).nonzero()[0] + 1
    # the texts: gaps made NUL, a NUL put before each token that follows another at once, then split
    glued = (first[1:] & token[:-1]).nonzero()[0]
    size = len(c) + len(glued)
    keep = np.ones(size, dtype=bool)
    keep[glued + np.arange(1, len(glued) + 1)] = False
    spaced = np.zeros(size, dtype=np.uint32)
    spaced[keep] = codes * token
    texts = from_code_points(spaced).split("\0")
    return starts, ends, list(filter(None, texts)), c[starts]


def vector_columns(text: str) -> TokenColumns | None:
    """:func:`split_columns` of ``text`` by :func:`token_runs` (``None`` where it does not apply)."""
    found = token_runs(text, class_table(_SPLIT_CLASSES))
    if found is None:
        return None
    starts, ends, texts, _ = found
    return TokenColumns(starts.tolist(), ends.tolist(), texts)


@lru_cache(maxsize=65536)
def token_kind(text: str) -> str:
    """The kind :func:`tokens` gives a token with this text (word, number, latin or punct).

    Cached: the quantity finder asks it of the words around every number, words that recur."""
    m = _KIND.match(text)
    return _KINDS[m.lastindex or 0] if m else "punct"


def strip_marks(word: str) -> str:
    """``word`` without diacritics and tatweel (letters untouched)."""
    return word.translate(_MARKS)


def stems(word: str) -> list[Stem]:
    """Clitic analyses of ``word``, most likely first; the unanalysed word is always among them.

    Diacritics and tatweel are ignored; letters are not folded, so fold the
    stems before comparing them with folded keys.
    """
    return list(_stems(strip_marks(word)))


@lru_cache(maxsize=131072)
def _stems(word: str) -> tuple[Stem, ...]:
    rules = _rules()
    scored: dict[Stem, float] = {}
    for pro_w, bases in _proclitic_options(word, rules):
        for base, pro_form in bases:
            for stem, enc, enc_w in _enclitic_options(base, rules):
                if len(stem) >= rules.min_stem:
                    score = pro_w * enc_w * (rules.both_bonus if pro_form and enc else 1.0)
                    cand = Stem(stem, pro_form, enc)
                    scored[cand] = max(scored.get(cand, 0.0), score)
    scored.setdefault(Stem(word), rules.pro_none * rules.enc_none)
    order = sorted(scored.items(), key=lambda kv: (-kv[1], -len(kv[0].stem)))
    return tuple(s for s, _ in order)


def _proclitic_options(word: str, rules: _Rules) -> list[tuple[float, list[tuple[str, str]]]]:
    """(weight, [(base, proclitic as written)]) for each proclitic the word may begin with.

    A form that is a prefix of a matched article form ("ل" of "لل") is skipped.
    """
    out: list[tuple[float, list[tuple[str, str]]]] = [(rules.pro_none, [(word, "")])]
    with_article: list[str] = []
    for form, strip, al, weight in rules.proclitics:
        if not word.startswith(form) or len(word) - len(form) < rules.min_stem:
            continue
        if any(f.startswith(form) for f in with_article):
            continue
        rest = word[len(form):]
        bases = [(rest, form)]
        if al:
            with_article.append(form)
            if form != rules.article:
                bases.insert(0, (rules.article + rest, strip))
        out.append((weight, bases))
    return out


def _enclitic_options(base: str, rules: _Rules) -> list[tuple[str, str, float]]:
    out = [(base, "", rules.enc_none)]
    for form, weight in rules.enclitics:
        if base.endswith(form) and len(base) - len(form) >= rules.min_stem:
            stem = base[: -len(form)]
            out.append((stem, form, weight))
            if _restores_taa(stem, rules):
                out.append((stem[: -len(rules.taa_from)] + rules.taa_to, form, weight * rules.taa_w))
    return out


def _restores_taa(stem: str, rules: _Rules) -> bool:
    return bool(rules.taa_from) and stem.endswith(rules.taa_from) and \
        not stem.endswith(rules.taa_not_after + rules.taa_from)


@dataclass(frozen=True, slots=True)
class _Rules:
    min_stem: int
    pro_none: float
    enc_none: float
    both_bonus: float
    proclitics: tuple[tuple[str, str, bool, float], ...]
    enclitics: tuple[tuple[str, float], ...]
    taa_from: str
    taa_to: str
    taa_w: float
    taa_not_after: str
    article: str


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    t = table("clitics")
    taa = t.get("taa_restore") or {}
    return _Rules(
        min_stem=int(t["min_stem"]),
        pro_none=float(t["proclitic_none"]),
        enc_none=float(t["enclitic_none"]),
        both_bonus=float(t.get("both_bonus", 1.0)),
        proclitics=tuple((p["form"], p["strip"], bool(p.get("al")), float(p["weight"]))
                         for p in t["proclitics"]),
        enclitics=tuple((e["form"], float(e["weight"])) for e in t["enclitics"]),
        taa_from=taa.get("from", ""), taa_to=taa.get("to", ""), taa_w=float(taa.get("weight", 1.0)),
        taa_not_after=taa.get("not_after", ""),
        article=t["article"],
    )
