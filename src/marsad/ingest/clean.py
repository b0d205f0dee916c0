"""Boilerplate removal for scraped article text, with every dropped range kept by offset.

``clean(raw)`` returns the article text laid out as the title, a blank line, then one paragraph
per kept line separated by blank lines; characters inside kept lines are never changed (lines are
only trimmed at both ends).  ``Cleaned.removed`` holds each dropped range of ``raw`` with its
reason, and ``Cleaned.segments`` maps every kept piece of the text back to ``raw``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from marsad.document import DateValue, Removed
from marsad.ingest.dates import parse_dateline
from marsad.ingest.lines import Line, split_lines
from marsad.ingest.outlets import OutletRegistry, load_outlets
from marsad.ingest.repeats import glued_repeats
from marsad.ingest.rules import Rules, has_word, load_rules
from marsad.ingest.structure import drop_glued_teasers, drop_related_lists, drop_repeats, pick_title

DATELINE_SCAN = 3  # body lines searched for a "PLACE — OUTLET" dateline
_TRAILING_CREDIT = re.compile(r"\(([^()]{1,40})\)\s*$")  # "... آخرين. (سانا)"


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end] == raw[raw_start:raw_start + end - start]``."""

    start: int
    end: int
    raw_start: int


@dataclass(slots=True)
class Cleaned:
    """The result of :func:`clean`: text, what was dropped, and what the dropped lines told us."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    title: str | None = None
    published: DateValue | None = None
    outlet_ids: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)

    def to_raw(self, offset: int) -> int | None:
        """The ``raw`` offset of ``text[offset]`` (``None`` for the blank lines cleaning added)."""
        i = bisect.bisect_right([s.start for s in self.segments], offset) - 1
        if i < 0:
            return None
        seg = self.segments[i]
        if offset >= seg.end:
            return seg.raw_start + (seg.end - seg.start) if offset == seg.end else None
        return seg.raw_start + offset - seg.start


@dataclass(slots=True)
class _Found:
    dates: list[DateValue] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)
    updated: list[DateValue] = field(default_factory=list)  # dates of "updated" stamps: a fallback
    list_starts: set[int] = field(default_factory=set)


def _verdict(line: Line, index: int, rules: Rules, outlets: OutletRegistry, found: _Found) -> str | None:
    text = line.text
    if not has_word(text):
        return "symbol"
    rule = rules.classify(text)
    if rule is not None:
        if rule.starts_list:
            found.list_starts.add(index)
        if rule.reason == "update_stamp":
            found.stamps.append(text)
            found.updated.extend(d for d in [parse_dateline(text, rules)] if d is not None)
        credited = outlets.signoff(rules.credited(rule, text) or "")
        if credited is not None:
            found.outlets.append(credited.id)
        return rule.reason
    short = len(text) <= rules.limit("teaser_max_chars")
    outlet = outlets.signature_line(text) if short else None
    if outlet is not None:
        found.outlets.append(outlet.id)
        return "signoff"
    date = parse_dateline(text, rules) if short else None
    if date is not None:
        found.dates.append(date)
        return "dateline"
    return "navigation" if rules.is_menu(text) else None


def _cut_repeats(raw: str, lines: list[Line], title: int | None, rules: Rules) -> None:
    for i, line in enumerate(lines):
        if line.kept and i != title:
            cuts = glued_repeats(line.text, rules)
            line.cuts = [(line.start + a, line.start + b, why) for a, b, why in cuts]
            if cuts and not line.pieces(raw):  # the whole line was a teaser run
                line.reason, line.cuts = cuts[0][2], []


def _assemble(raw: str, lines: list[Line], title: int | None) -> tuple[str, list[Segment]]:
    body = [i for i, ln in enumerate(lines) if ln.kept and i != title]
    order = ([title] if title is not None else []) + body
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for n, i in enumerate(order):
        if n:
            parts.append("\n\n")
            pos += 2
        for a, b in lines[i].pieces(raw):
            parts.append(raw[a:b])
            segments.append(Segment(pos, pos + b - a, a))
            pos += b - a
    return "".join(parts), segments


def _removed(raw: str, lines: list[Line]) -> list[Removed]:
    out = [Removed(ln.start, ln.end, raw[ln.start:ln.end], ln.reason) for ln in lines if ln.reason]
    for ln in lines:
        if ln.kept:
            out.extend(_trimmed(raw, a, b, why) for a, b, why in ln.cuts)
    return sorted(out, key=lambda r: r.start)


def _trimmed(raw: str, a: int, b: int, reason: str) -> Removed:
    piece = raw[a:b]
    a += len(piece) - len(piece.lstrip())
    b = a + len(raw[a:b].rstrip())
    return Removed(a, b, raw[a:b], reason)


def _dateline_outlets(lines: list[Line], title: int | None, outlets: OutletRegistry) -> list[str]:
    """Outlets named by a "PLACE — OUTLET" opening of the first body lines or a final "(OUTLET)"."""
    body = [ln for i, ln in enumerate(lines) if ln.kept and i != title]
    hits = [outlets.find_signature(ln.text) for ln in body[:DATELINE_SCAN]]
    if body:
        tail = _TRAILING_CREDIT.search(body[-1].text)
        hits.append(outlets.signoff(tail.group(1)) if tail else None)
    return [o.id for o in hits if o is not None]


def clean(raw: str, *, outlets: OutletRegistry | None = None, rules: Rules | None = None,
          title_first: bool = False) -> Cleaned:
    """Remove boilerplate from scraped text (see the module docstring).

    ``title_first`` says the first non-blank line is the title (HTML and records with a title field).
    """
    rules = rules or load_rules()
    outlets = outlets or load_outlets()
    lines = split_lines(raw)
    found = _Found()
    for i, line in enumerate(lines):
        if not (title_first and i == 0):
            line.reason = _verdict(line, i, rules, outlets, found)
    drop_related_lists(lines, found.list_starts, rules)
    title = pick_title(lines, rules, title_first)
    drop_repeats(lines, title, rules)
    drop_glued_teasers(lines, title, rules)
    _cut_repeats(raw, lines, title, rules)
    text, segments = _assemble(raw, lines, title)
    return Cleaned(
        text=text, removed=_removed(raw, lines), segments=segments,
        title=lines[title].text if title is not None else None,
        published=(found.dates or found.updated or [None])[0],
        outlet_ids=found.outlets + _dateline_outlets(lines, title, outlets),
        stamps=found.stamps,
    )
