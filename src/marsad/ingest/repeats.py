"""Runs of text repeated back to back inside one line ("S S"), as scrapers glue teasers into a body.

Seed-style example (invented words): ``"...انتهى الاجتماع.وفي السياق، قالت...مسؤول: الوضع هادئ في المدينة
مسؤول: الوضع هادئ في المدينة أخبار"``.  Rules, with limits from ``boilerplate.yaml``:

* ``S`` is at least ``repeat_min_words`` and at most ``repeat_max_words`` words, compared word by word.
* If the first copy is *glued* to what precedes it (a truncation mark such as ``...`` or a sentence end
  with no space), the run is a related-article teaser: it is dropped from the start of the truncated
  sentence (or from the first copy) through the second copy, plus a short trailing tag of at most
  ``repeat_tail_words`` words at the line end.  Reason ``glued_teaser``.
* Otherwise only the second copy goes (reason ``repeated_text``); the first copy is kept.
"""

from __future__ import annotations

import re
from collections import Counter

from marsad.ingest.rules import Rules

_TOKEN = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    """``_TOKEN.findall(text)``, worked out between spaces (no word runs over one): a token of
    letters and digits only (most) is a word as it stands, and only the others meet the pattern,
    whose test of every character costs several times ``str.isalnum``."""
    words: list[str] = []
    append = words.append
    for tok in text.split():
        if tok.isalnum():
            append(tok)
        else:
            words += _TOKEN.findall(tok)
    return words


def _shingles(words: list[str], low: int) -> list[tuple[str, ...]]:
    """``shingles[k] == tuple(words[k:k + low])`` (zip stops at the shortest, like a range would)."""
    return list(zip(*(words[j:] for j in range(max(low, 1))), strict=False))


def _recurs(shingles: list[tuple[str, ...]]) -> bool:
    """Whether some shingle occurs twice (else nothing repeats: most lines)."""
    return len(set(shingles)) != len(shingles)


def _first_repeat(words: list[str], low: int, high: int,
                  shingles: list[tuple[str, ...]] | None = None) -> tuple[int, int] | None:
    """``(p, d)``: the earliest ``words[p:p+d] == words[p+d:p+2d]`` with ``low <= d <= high``
    (``shingles``: ``_shingles(words, low)`` when already made)."""
    if shingles is None:
        shingles = _shingles(words, low)
        if not _recurs(shingles):
            return None
    counts = Counter(shingles)
    seen: dict[tuple[str, ...], list[int]] = {}
    repeated = [k for k, shingle in enumerate(shingles) if counts[shingle] > 1]   # no run starts elsewhere
    for k in repeated:
        shingle = shingles[k]
        for p in seen.get(shingle, ()):
            d = k - p
            if low <= d <= high and words[p:k] == words[k:k + d]:
                return p, d
        seen.setdefault(shingle, []).append(k)
    return None


def _may_repeat(words: list[str], low: int) -> bool:
    """False when no ``low`` words occur twice in a row (most lines): the words of the second
    occurrence each repeat an earlier word, so at least ``low`` words are repeats."""
    return len(words) - len(set(words)) >= low


def _region(text: str, spans: list[tuple[int, int]], p: int, d: int, rules: Rules) -> tuple[int, int, str]:
    first, second_end = spans[p][0], spans[p + 2 * d - 1][1]
    before = text[:first]
    mark = next((m for m in rules.truncation_marks if before.endswith(m)), None)
    glued = mark is not None or (before[-1:] in rules.sentence_end and before[-1:] != "")
    if not glued:
        return spans[p + d - 1][1], second_end, "repeated_text"
    start = first
    if mark is not None:
        head = before[: len(before) - len(mark)]
        cut = max(head.rfind(c) for c in rules.sentence_end)
        start = cut + 1 if cut >= 0 else 0
        start += len(text[start:]) - len(text[start:].lstrip())
    tail = text[second_end:]
    words_after = len(_TOKEN.findall(tail))
    if words_after <= rules.limit("repeat_tail_words") and not any(c in tail for c in rules.sentence_end):
        second_end = len(text.rstrip())
    return start, second_end, "glued_teaser"


def glued_repeats(text: str, rules: Rules) -> list[tuple[int, int, str]]:
    """Ranges of ``text`` (one line) to drop, with their reasons (see the module docstring)."""
    found: list[tuple[int, int, str]] = []
    low, high = rules.limit("repeat_min_words"), rules.limit("repeat_max_words")
    words = _words(text)
    if not _may_repeat(words, max(low, 1)):
        return found
    shingles = _shingles(words, low)
    if not _recurs(shingles):
        return found
    hit = _first_repeat(words, low, high, shingles)
    if hit is None:
        return found                    # (the words' offsets are only needed past this test)
    spans = [m.span() for m in _TOKEN.finditer(text)]
    offset = 0
    while hit is not None:
        p, d = hit[0] + offset, hit[1]
        found.append(_region(text, spans, p, d, rules))
        offset = p + 2 * d
        if len(found) == 3:
            break
        hit = _first_repeat(words[offset:], low, high)
    return found
