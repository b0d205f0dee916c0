"""Sentence spans of Arabic (and mixed) text.

A sentence ends at ``. ! ? ؟ ؛ ;`` or at a line break.  Terminators inside a
quotation (``« »``, ``“ ”``, straight quotes by parity) do not end it; a
line break always does and closes any open quotation.  A period between
digits (``24.10.2017``, ``2.5``), after a one-letter word or a listed
abbreviation (``د.``, ``ت.غ``), or before a web suffix (``العربية.نت``) is not
an end; nor is an ellipsis.  Spans are trimmed of whitespace; empty ones are
dropped.  Rules live in ``sentences.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic._data import table
from marsad.document import Span

__all__ = ["sentences"]


@dataclass(frozen=True, slots=True)
class _Rules:
    scan: re.Pattern[str]
    terminators: frozenset[str]
    trailing: str
    abbreviations: frozenset[str]
    suffixes: frozenset[str]


# What a match of the scan is, by the number of its last group (none: an ellipsis, never a cut).
_PLAIN_END, _BREAK, _OPENER, _CLOSER, _TOGGLE, _TERMINATOR = 1, 2, 3, 4, 5, 6


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    t = table("sentences")
    ellipses = sorted(t["ellipses"], key=len, reverse=True)
    breaks = "\n\r\u2028\u2029\x85"
    # each mark in the first of these classes it is listed in (openers over closers, ...)
    openers = t["openers"]
    closers = "".join(c for c in t["closers"] if c not in openers)
    toggles = "".join(c for c in t["toggles"] if c not in openers + closers)
    terminators = "".join(c for c in t["terminators"] if c not in openers + closers + toggles)
    # A period after more letters than any abbreviation has (so neither a listed abbreviation
    # nor one-letter initials), or after no word (at the start, or after a character other than a
    # letter, a period or a line break), and before whitespace or the end: what _ends_here always
    # takes for an end, found by the scan itself.
    plain = max(2, *(len(a) + 1 for a in t["abbreviations"]))
    # The alternation "...|..|…|plain period|\r\n|[line breaks]|[marks by class]" with the first
    # character of every branch consumed up front (each branch then checks it by a look-behind): a
    # pattern that opens with a character class lets the scan skip the characters no match begins
    # with fast.  The empty group closing a branch names its class (Match.lastindex).
    branches = [*(f"(?<={re.escape(e[0])}){re.escape(e[1:])}" for e in ellipses),
                rf"(?<=\.)(?:(?<=[^\W\d_]{{{plain}}}\.)|(?<!(?:[^\W\d_]|[.\n])\.))(?=\s|\Z)()",
                r"(?:(?<=\r)\n|(?<=[" + breaks + "]))()",
                *(f"(?<=[{re.escape(marks)}])()" if marks else "(?!)()"
                  for marks in (openers, closers, toggles, terminators))]
    opens = "".join(e[0] for e in ellipses) + breaks + re.escape(openers + closers + toggles + terminators)
    scan = f"[{opens}](?:{'|'.join(branches)})"
    return _Rules(re.compile(scan), frozenset(t["terminators"]), t["trailing"],
                  frozenset(t["abbreviations"]), frozenset(t["joined_suffixes"]))


def _letter(c: str) -> bool:
    """``[^\\W\\d_]``: a letter (a word character but no decimal digit or underscore)."""
    return c.isalnum() and not c.isdecimal()


def _word_before(text: str, lo: int, i: int) -> str | None:
    """What ``re.search(r"(?:[^\\W\\d_]+\\.)*[^\\W\\d_]+$", text[lo:i])`` matches ("U.S", "د"),
    walking back from ``i`` instead of trying every start (``$`` also holds before a final newline)."""
    end = i - 1 if i > lo and text[i - 1] == "\n" else i
    j = end
    while j > lo:
        c = text[j - 1]
        # a letter (_letter, inline: this loop is hot), or a dot between letters ("U.S"): the run goes on
        if not ((c.isalnum() and not c.isdecimal())
                or (c == "." and j < end and _letter(text[j]) and j - 2 >= lo and _letter(text[j - 2]))):
            break
        j -= 1
    return text[j:end] if j < end else None


_WORD_AFTER = re.compile(r"[^\W\d_]+")


def sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` (offsets into it), in order."""
    rules = _rules()
    cuts: list[int] = []
    depth = 0
    for m in rules.scan.finditer(text):
        kind = m.lastindex
        if kind == _PLAIN_END:
            if depth == 0:
                cuts.append(_extend(text, m.end(), rules))
        elif kind == _BREAK:
            cuts.append(m.start())
            depth = 0
        elif kind == _OPENER:
            depth += 1
        elif kind == _CLOSER:
            depth = max(0, depth - 1)
        elif kind == _TOGGLE:
            depth = 0 if depth else 1
        elif kind == _TERMINATOR and depth == 0 and _ends_here(text, m.start(), m.group(), rules):
            cuts.append(_extend(text, m.end(), rules))
    return _spans(text, cuts)


def _ends_here(text: str, i: int, mark: str, rules: _Rules) -> bool:
    """Whether the terminator at ``i`` really ends a sentence."""
    if mark != ".":
        return True
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isdigit() and after.isdigit():
        return False
    word = _word_before(text, max(0, i - 40), i)
    if word and (all(len(p) == 1 for p in word.split(".")) or word in rules.abbreviations):
        return False
    if after and not after.isspace() and after not in rules.trailing and after not in rules.terminators:
        nxt = _WORD_AFTER.match(text, i + 1)
        return not (nxt and nxt.group() in rules.suffixes) and bool(nxt)
    return True


def _extend(text: str, pos: int, rules: _Rules) -> int:
    """Move a cut past closing quotes/brackets and further terminators that follow."""
    while pos < len(text) and (text[pos] in rules.trailing or text[pos] in rules.terminators):
        pos += 1
    return pos


def _spans(text: str, cuts: list[int]) -> list[Span]:
    out: list[Span] = []
    start = 0
    for cut in [*cuts, len(text)]:
        if cut <= start:
            continue
        chunk = text[start:cut]
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            out.append(Span(start + left, start + right, chunk[left:right]))
        start = cut
    return out
