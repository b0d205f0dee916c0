"""Lines of scraped text with their offsets, and the per-line verdicts of cleaning."""

from __future__ import annotations

from dataclasses import dataclass, field

LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"   # where str.splitlines breaks


@dataclass(slots=True)
class Line:
    """A non-blank line: ``text`` is ``raw[start:end]`` (trimmed); ``reason`` set when dropped."""

    start: int
    end: int
    text: str
    blank_before: bool
    reason: str | None = None
    cuts: list[tuple[int, int, str]] = field(default_factory=list)  # raw ranges dropped inside the line

    @property
    def kept(self) -> bool:
        return self.reason is None

    def pieces(self, raw: str) -> list[tuple[int, int]]:
        """Raw ranges of the line that survive its cuts, trimmed at the line's two ends."""
        if not self.cuts:                       # (most lines) the line is trimmed and not blank
            return [(self.start, self.end)]
        return self.cut_pieces(raw)

    def cut_pieces(self, raw: str) -> list[tuple[int, int]]:
        """:meth:`pieces` worked out from the cuts (the plain definition, for any line)."""
        spans: list[tuple[int, int]] = []
        pos = self.start
        for a, b, _ in sorted(self.cuts):
            if a > pos:
                spans.append((pos, a))
            pos = max(pos, b)
        if pos < self.end:
            spans.append((pos, self.end))
        spans = [(a, b) for a, b in spans if raw[a:b].strip()]
        if spans:
            a, b = spans[0]
            spans[0] = (b - len(raw[a:b].lstrip()), b)
            a, b = spans[-1]
            spans[-1] = (a, a + len(raw[a:b].rstrip()))
        return spans


def split_lines(raw: str) -> list[Line]:
    """The non-blank lines of ``raw``, trimmed, with offsets and whether a blank line precedes each."""
    lines: list[Line] = []
    pos = 0
    blank = False
    for chunk in raw.splitlines(keepends=True):
        body = chunk.rstrip(LINE_BREAKS)
        stripped = body.strip()
        if stripped:
            start = pos + len(body) - len(body.lstrip())
            lines.append(Line(start, start + len(stripped), stripped, blank or not lines))
            blank = False
        else:
            blank = True
        pos += len(chunk)
    return lines
