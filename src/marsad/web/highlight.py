"""The document view: the text cut at every annotation boundary into flat segments, each knowing which
annotations cover it. Templates escape each segment; no markup is ever built from article text."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from marsad.document import Document


@dataclass
class Mark:
    """One annotation shown in the text."""

    layer: str          # entity | event | quote | claim
    id: str             # e1, v1, q1, c1
    start: int
    end: int
    label: str          # the hover text (plain text; escaped by the template)
    kind: str = ""      # entity type, event type, ...


@dataclass
class Segment:
    start: int
    end: int
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"hl-{m.layer}" for m in self.marks} |
                               {f"hl-{m.layer}-{m.kind}" for m in self.marks if m.kind}))

    @property
    def ids(self) -> str:
        return " ".join(m.id for m in self.marks)

    @property
    def title(self) -> str:
        return "\n".join(m.label for m in self.marks)


def marks(doc: Document) -> list[Mark]:
    """Every highlight of ``doc``: entity mentions, event triggers, quote contents and cues, claims."""
    out: list[Mark] = []
    for e in doc.entities:
        label = f"{e.type}: {e.canonical}" + (f" ({e.canonical_en})" if e.canonical_en else "")
        out += [Mark("entity", e.id, s.start, s.end, label, e.type) for s in e.mentions]
    for v in doc.events:
        label = f"{v.event_type} / {v.sub_event_type} [{v.modality}]"
        out.append(Mark("event", v.id, v.trigger.start, v.trigger.end, label, _slug(v.event_type)))
    for q in doc.quotes:
        out.append(Mark("quote", q.id, q.content.start, q.content.end, f"quote — {q.speaker.name}"))
        out.append(Mark("quote", q.id, q.cue.start, q.cue.end, f"cue — {q.speaker.name}", "cue"))
    for c in doc.claims:
        span = c.quantity.span or c.evidence
        out.append(Mark("claim", c.id, span.start, span.end, f"claim {c.kind}: {_quantity(c.quantity)}"))
    return [m for m in out if 0 <= m.start < m.end <= len(doc.text)]


def segments(text: str, found: list[Mark]) -> list[Segment]:
    """``text`` cut at every mark boundary; each piece with the marks covering it."""
    cuts = sorted({0, len(text), *(m.start for m in found), *(m.end for m in found)})
    out = []
    for a, b in pairwise(cuts):
        covering = [m for m in found if m.start <= a and b <= m.end]
        out.append(Segment(a, b, text[a:b], covering))
    return out


def document_view(doc: Document, framing: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """What the document page needs: segments of the text (framing terms underlined too)."""
    found = marks(doc)
    for f in framing or []:
        if 0 <= f["start"] < f["end"] <= len(doc.text):
            label = f"framing: {f['term_en']} ({f['kind']})" + (f" → {f['actor']}" if f["actor"] else "")
            found.append(Mark("framing", f"f{f['start']}", f["start"], f["end"], label))
    return {"segments": segments(doc.text, found)}


def snippet_segments(snippet: str, highlights: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """A search snippet as (piece, highlighted) pairs."""
    out, pos = [], 0
    for a, b in sorted(highlights):
        if a < pos or b > len(snippet):
            continue
        out += [(snippet[pos:a], False), (snippet[a:b], True)]
        pos = b
    out.append((snippet[pos:], False))
    return [p for p in out if p[0]]


def _quantity(q: Any) -> str:
    if q.low is not None and q.low == q.high:
        value = str(q.low)
    else:
        value = f"{q.low if q.low is not None else '…'}–{q.high if q.high is not None else '…'}"
    return ("~" if q.approx else "") + value


def _slug(value: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in value.lower()).strip("-")
