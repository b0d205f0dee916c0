"""Map offsets of a gold document's text onto a predicted document's text.

Gold and prediction usually share the same cleaned text; when cleaning differs a little (a kept line,
a dropped widget) the two texts are aligned with :mod:`difflib` and gold spans are carried across.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from difflib import SequenceMatcher

from marsad.document import Span


@dataclass
class Alignment:
    """Piecewise map from gold offsets to predicted offsets over matching blocks."""

    gold_starts: list[int]
    blocks: list[tuple[int, int, int]]  # (gold_start, pred_start, size)
    identical: bool = False

    @classmethod
    def between(cls, gold_text: str, pred_text: str) -> Alignment:
        if gold_text == pred_text:
            return cls([0], [(0, 0, len(gold_text))], identical=True)
        matcher = SequenceMatcher(None, gold_text, pred_text, autojunk=False)
        blocks = [(a, b, n) for a, b, n in matcher.get_matching_blocks() if n]
        return cls([a for a, _, _ in blocks], blocks)

    def point(self, offset: int) -> int | None:
        """The predicted offset of gold ``offset``, or None when it falls in an unmatched stretch."""
        if self.identical:
            return offset
        i = bisect.bisect_right(self.gold_starts, offset) - 1
        if i < 0:
            return None
        a, b, n = self.blocks[i]
        return b + (offset - a) if offset <= a + n else None

    def span(self, span: Span) -> tuple[int, int] | None:
        """The predicted range covering gold ``span`` (None when none of it survives)."""
        start = self._first_mapped(span.start, span.end)
        end = self._last_mapped(span.start, span.end)
        if start is None or end is None or end <= start:
            return None
        return start, end

    def _first_mapped(self, start: int, end: int) -> int | None:
        for off in range(start, end):
            hit = self.point(off)
            if hit is not None:
                return hit
        return None

    def _last_mapped(self, start: int, end: int) -> int | None:
        for off in range(end - 1, start - 1, -1):
            hit = self.point(off)
            if hit is not None:
                return hit + 1
        return None


def overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    """Characters shared by two ranges (0 when either is missing)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
