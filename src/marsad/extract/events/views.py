"""Shared, cached per-document views for the events and claims stages (kept in ``a.scratch``)."""

from __future__ import annotations

import re
from typing import Any

from marsad.document import Quantity, Span
from marsad.extract.base import Analysis
from marsad.extract.events.words import WordIndex, split_from
from marsad.extract.quotes.words import WORD_SPLIT

_KEY = "events.words"
_DIGITS = re.compile(r"\d+")
_SENTENCE = re.compile(r"[^.!?؟\n]+")


def word_index(a: Analysis) -> WordIndex:
    """The document's words, built once and shared by the events and claims stages (on the quote
    stage's split of the text into words when it ran and its words are ours)."""
    idx = a.scratch.get(_KEY)
    if idx is None:
        shared = a.scratch.get(WORD_SPLIT)
        parts = split_from(shared[1], shared[2]) if shared is not None and shared[0] == a.text else None
        idx = a.scratch[_KEY] = WordIndex(a.text, parts)
    return idx


def sentences(a: Analysis) -> list[Span]:
    """Sentence spans from marsad.arabic (a plain splitter if the Arabic layer lacks one)."""
    try:
        return list(a.sentences)
    except (ImportError, AttributeError):
        return [Span.of(a.text, m.start(), m.end()) for m in _SENTENCE.finditer(a.text)
                if m.group().strip()]


def quantities(a: Analysis) -> list[Quantity]:
    """Quantities with spans from marsad.arabic (digits only if the Arabic layer lacks them)."""
    try:
        found = list(a.quantities)
    except (ImportError, AttributeError):
        found = [Quantity(int(m.group()), int(m.group()), False, Span.of(a.text, m.start(), m.end()))
                 for m in _DIGITS.finditer(a.text)]
    return [q for q in found if q.span is not None]


def dates(a: Analysis) -> list[tuple[Span, Any]]:
    """Dates with spans from marsad.arabic (none if the Arabic layer lacks them)."""
    try:
        return list(a.dates)
    except (ImportError, AttributeError):
        return []


def long_ranges(a: Analysis, days: int = 7) -> list[tuple[int, int]]:
    """Word ranges of closed date ranges longer than ``days`` (periods, not incident dates)."""
    idx = word_index(a)
    out = []
    for span, value in dates(a):
        if value.precision == "range" and value.start and value.end and (value.end - value.start).days > days:
            out.append((idx.after(span.start), idx.after(span.end)))
    return out


def sentence_index(spans: list[Span], offset: int) -> int:
    """Index of the sentence containing ``offset`` (or the last one starting before it)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)
