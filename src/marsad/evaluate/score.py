"""Matching predicted to gold items per layer, and precision / recall / F1 per layer and per field.

* events: one-to-one by overlapping trigger or evidence and the same event type (asserted events only:
  negated, future, hypothetical and alleged happenings are not events by EVENTS.md);
* entities: by knowledge-base id, else folded canonical name, else overlapping mentions of the same type;
* quotes: by overlapping content (or cue); the speaker is then scored as a field;
* claims: by overlapping quantity or evidence.

Fields are scored on matched pairs as slots: a gold value the prediction lacks or gets wrong is a miss,
a predicted value that is absent from gold or wrong is a false alarm.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from marsad.document import COUNT_KINDS, Document, Span
from marsad.evaluate.align import Alignment, overlap
from marsad.evaluate.fields import fold_name, kb_of, present, same_date, same_quantity, same_ref


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class LayerScore:
    items: Tally = field(default_factory=Tally)
    fields: dict[str, Tally] = field(default_factory=dict)

    def field(self, name: str) -> Tally:
        return self.fields.setdefault(name, Tally())

    def add(self, other: LayerScore) -> None:
        self.items.add(other.items)
        for name, tally in other.fields.items():
            self.field(name).add(tally)


@dataclass
class Pair:
    gold: Document
    pred: Document
    align: Alignment
    errors: list[str] = field(default_factory=list)

    def g(self, span: Span) -> tuple[int, int] | None:
        return self.align.span(span)

    @staticmethod
    def p(span: Span) -> tuple[int, int]:
        return span.start, span.end


# A comparison yields (gold has a value, prediction has a value, they agree).
Compare = Callable[[Pair, Any, Any], tuple[bool, bool, bool]]


def _slot(getter: Callable[[Any], Any], same: Callable[..., bool], with_docs: bool = False) -> Compare:
    def compare(pair: Pair, g: Any, p: Any) -> tuple[bool, bool, bool]:
        gv, pv = getter(g), getter(p)
        agree = same(pair.gold, gv, pair.pred, pv) if with_docs else same(gv, pv)
        return present(gv), present(pv), agree

    return compare


def _eq(a: Any, b: Any) -> bool:
    return a == b


def _count(kind: str) -> Compare:
    return _slot(lambda v: getattr(v.counts, kind), same_quantity)


EVENT_FIELDS: dict[str, Compare] = {
    "sub_event_type": _slot(lambda v: v.sub_event_type, _eq),
    "actor1": _slot(lambda v: v.actor1, same_ref, True),
    "actor2": _slot(lambda v: v.actor2, same_ref, True),
    "location": _slot(lambda v: v.location, same_ref, True),
    "date": _slot(lambda v: v.date, same_date),
    **{kind: _count(kind) for kind in COUNT_KINDS},
}
ENTITY_FIELDS: dict[str, Compare] = {
    "type": _slot(lambda e: e.type, _eq),
    "kb_id": _slot(lambda e: e.kb_id, _eq),
}
QUOTE_FIELDS: dict[str, Compare] = {
    "speaker": _slot(lambda q: q.speaker, same_ref, True),
    "direct": _slot(lambda q: q.direct, _eq),
    "medium": _slot(lambda q: q.medium, _eq),
}
CLAIM_FIELDS: dict[str, Compare] = {
    "kind": _slot(lambda c: c.kind, _eq),
    "quantity": _slot(lambda c: c.quantity, same_quantity),
    "period": _slot(lambda c: c.period, same_date),
    "attributed_to": _slot(lambda c: c.attributed_to, same_ref, True),
}


def _event_score(pair: Pair, g: Any, p: Any) -> float:
    if g.event_type != p.event_type:
        return 0.0
    trig = overlap(pair.g(g.trigger), pair.p(p.trigger))
    ev = sum(overlap(pair.g(a), pair.p(b)) for a in g.evidence for b in p.evidence)
    return 1000.0 * trig + ev


def _entity_score(pair: Pair, g: Any, p: Any) -> float:
    if g.kb_id and p.kb_id:
        return 3.0 if g.kb_id == p.kb_id else 0.0
    if fold_name(g.canonical) and fold_name(g.canonical) == fold_name(p.canonical):
        return 2.0
    if g.type == p.type and any(overlap(pair.g(a), pair.p(b)) for a in g.mentions for b in p.mentions):
        return 1.0
    return 0.0


def _quote_score(pair: Pair, g: Any, p: Any) -> float:
    return 1000.0 * overlap(pair.g(g.cue), pair.p(p.cue)) + overlap(pair.g(g.content), pair.p(p.content))


def _claim_score(pair: Pair, g: Any, p: Any) -> float:
    qty = 0
    if g.quantity.span is not None and p.quantity.span is not None:
        qty = overlap(pair.g(g.quantity.span), pair.p(p.quantity.span))
    return 1000.0 * qty + overlap(pair.g(g.evidence), pair.p(p.evidence))


@dataclass(frozen=True)
class Layer:
    name: str
    items: Callable[[Document], list[Any]]
    score: Callable[[Pair, Any, Any], float]
    fields: dict[str, Compare]
    describe: Callable[[Any], str]


LAYERS: tuple[Layer, ...] = (
    Layer("events", lambda d: [v for v in d.events if v.modality == "asserted"], _event_score,
          EVENT_FIELDS, lambda v: f"{v.event_type}/{v.sub_event_type} «{v.trigger.text}»@{v.trigger.start}"),
    Layer("entities", lambda d: d.entities, _entity_score, ENTITY_FIELDS,
          lambda e: f"{e.type} {e.canonical} ({e.kb_id or '-'})"),
    Layer("quotes", lambda d: d.quotes, _quote_score, QUOTE_FIELDS,
          lambda q: f"{q.speaker.name}: «{q.content.text[:40]}»@{q.content.start}"),
    Layer("claims", lambda d: d.claims, _claim_score, CLAIM_FIELDS,
          lambda c: f"{c.kind} {c.quantity.low}-{c.quantity.high} «{c.evidence.text[:40]}»"),
)


def match(pair: Pair, layer: Layer, gold: list[Any], pred: list[Any]) -> list[tuple[Any, Any]]:
    """Greedy one-to-one matching, best-scoring pairs first (ties in text order)."""
    scored = [(layer.score(pair, g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)]
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score <= 0 or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], pred[j]))
    return pairs


def score_layer(pair: Pair, layer: Layer) -> LayerScore:
    gold, pred = layer.items(pair.gold), layer.items(pair.pred)
    matched = match(pair, layer, gold, pred)
    result = LayerScore(Tally(len(matched), len(pred) - len(matched), len(gold) - len(matched)))
    seen_g = {id(g) for g, _ in matched}
    seen_p = {id(p) for _, p in matched}
    pair.errors += [f"{layer.name}: missing {layer.describe(g)}" for g in gold if id(g) not in seen_g]
    pair.errors += [f"{layer.name}: extra {layer.describe(p)}" for p in pred if id(p) not in seen_p]
    for g, p in matched:
        for name, compare in layer.fields.items():
            has_g, has_p, agree = compare(pair, g, p)
            tally = result.field(name)
            if has_g and has_p and agree:
                tally.tp += 1
                continue
            tally.fn += has_g
            tally.fp += has_p
            if has_g or has_p:
                pair.errors.append(f"{layer.name}: {layer.describe(g)}: {name} gold "
                                   f"{_show(pair.gold, name, g)} predicted {_show(pair.pred, name, p)}")
    return result


def _show(doc: Document, name: str, item: Any) -> str:
    value = getattr(item, name, None)
    if value is None and hasattr(item, "counts") and name in COUNT_KINDS:
        value = getattr(item.counts, name)
    if hasattr(value, "low"):
        return f"[{value.low}, {value.high}]"
    if hasattr(value, "precision"):
        return f"{value.start}..{value.end}"
    if hasattr(value, "name"):
        kb = kb_of(doc, getattr(value, "entity", None))
        return f"{value.name}" + (f" ({kb})" if kb else "")
    return repr(value)
