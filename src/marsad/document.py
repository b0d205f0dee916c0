"""The Marsad data model: the ``marsad/1`` output contract as dataclasses.

Every annotation is a :class:`Span` of code-point offsets into ``Document.text``;
the text itself never changes after ingest.  ``Document.to_dict`` /
``Document.from_dict`` give a lossless JSON round trip and :func:`validate`
checks every span against the text it claims to index.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypeVar, Union

SCHEMA = "marsad/1"

EntityType = Literal["person", "organization", "location"]
Precision = Literal["day", "week", "month", "year", "range"]
Modality = Literal["asserted", "negated", "future", "hypothetical", "alleged"]

PRECISIONS = ("day", "week", "month", "year", "range")
MODALITIES = ("asserted", "negated", "future", "hypothetical", "alleged")
CATEGORIES = (
    "state_forces", "rebel_group", "political_militia", "identity_militia", "civilians",
    "external_forces", "government", "international_org", "media", "other",
)
COUNT_KINDS = ("killed", "injured", "arrested", "kidnapped", "displaced")
CLAIM_KINDS = ("killed", "injured", "arrested", "returned", "displaced", "detained", "other")


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open ``[start, end)`` code-point range of a document's ``text``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]`` (its text taken from the source)."""
        return cls(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Quantity:
    """A count, possibly a range: ``high is None`` means an open upper end."""

    low: int | None
    high: int | None
    approx: bool = False
    span: Span | None = None

    @property
    def exact(self) -> int | None:
        return self.low if self.low is not None and self.low == self.high else None


@dataclass(slots=True)
class DateValue:
    """A date or date range with its precision; ``end is None`` means open-ended."""

    start: date | None
    end: date | None
    precision: Precision
    text: str | None = None


@dataclass(slots=True)
class Geo:
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None


@dataclass(slots=True)
class Entity:
    id: str
    type: EntityType
    canonical: str
    canonical_en: str | None = None
    kb_id: str | None = None
    category: str | None = None
    geo: Geo | None = None
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None


@dataclass(slots=True)
class ActorRef:
    entity: str | None
    name: str
    name_en: str | None = None


@dataclass(slots=True)
class Attribution:
    entity: str | None
    name: str


@dataclass(slots=True)
class Location:
    entity: str | None
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geo_precision: int | None = None


@dataclass(slots=True)
class Counts:
    killed: Quantity | None = None
    injured: Quantity | None = None
    arrested: Quantity | None = None
    kidnapped: Quantity | None = None
    displaced: Quantity | None = None


@dataclass(slots=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str
    trigger: Span
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    location: Location | None = None
    date: DateValue | None = None
    counts: Counts = field(default_factory=Counts)
    attributed_to: Attribution | None = None
    modality: Modality = "asserted"
    evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Speaker:
    entity: str | None
    name: str
    role: str | None = None


@dataclass(slots=True)
class Quote:
    id: str
    speaker: Speaker
    cue: Span
    content: Span
    direct: bool = False
    medium: str | None = None


@dataclass(slots=True)
class Claim:
    id: str
    kind: str
    quantity: Quantity
    subject: str | None
    evidence: Span
    period: DateValue | None = None
    location: Location | None = None
    attributed_to: Attribution | None = None


@dataclass(slots=True)
class Warning:
    code: str
    message: str
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Removed:
    """A range of the decoded input that cleaning dropped, and why.

    ``start``/``end`` index the decoded input (before cleaning), not ``Document.text``.
    """

    start: int
    end: int
    text: str
    reason: str


@dataclass(slots=True)
class Source:
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_id: str | None = None
    record_id: str | None = None
    encoding: str | None = None


@dataclass(slots=True)
class Document:
    id: str
    text: str
    source: Source = field(default_factory=Source)
    title: str | None = None
    published: DateValue | None = None
    language: str = "ar"
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    schema: str = SCHEMA

    def span(self, start: int, end: int) -> Span:
        """A span of this document's text."""
        return Span.of(self.text, start, end)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        return to_json(self)

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return from_json(cls, data)

    @classmethod
    def from_json_str(cls, raw: str) -> Document:
        return cls.from_dict(json.loads(raw))


# ---------------------------------------------------------------- JSON conversion

T = TypeVar("T")

# Order of keys in the output follows the contract, not the dataclass.
_DOC_ORDER = ("schema", "id", "source", "title", "published", "language", "text",
              "entities", "events", "quotes", "claims", "warnings", "removed")


def to_json(value: Any) -> Any:
    """Convert a model object (or a list of them) to JSON-ready Python values."""
    cls = value.__class__
    if cls in _PLAIN:
        return value
    names = _FIELDS.get(cls)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = tuple(f.name for f in dataclasses.fields(cls))
        names = _FIELDS[cls] = _DOC_ORDER if cls is Document else fields
    if names is not None:
        out = {}
        for name in names:
            v = getattr(value, name)
            out[name] = v if v.__class__ in _PLAIN else to_json(v)
        return out
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [v if v.__class__ in _PLAIN else to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


_PLAIN = frozenset({str, int, float, bool, type(None)})   # returned as they are (exact types only)
_FIELDS: dict[type, tuple[str, ...]] = {}                 # dataclass -> its field names, in output order


def from_json(cls: type[T], data: Any) -> T:
    """Build ``cls`` from JSON values, recursively following the type hints."""
    return typing.cast(T, _convert(cls, data))


def _convert(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], data) if len(args) == 1 else data
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_convert(item, v) for v in data]
    if origin is Literal or tp is Any:
        return data
    if tp is date:
        return date.fromisoformat(data)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        kwargs = {k: _convert(hints[k], v) for k, v in data.items() if k in names}
        return tp(**kwargs)
    if tp is float and isinstance(data, int):
        return float(data)
    return data


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(tp: type) -> dict[str, Any]:
    if tp not in _HINTS:
        _HINTS[tp] = typing.get_type_hints(tp)
    return _HINTS[tp]


# ---------------------------------------------------------------- validation


def iter_spans(doc: Document) -> Iterator[tuple[str, Span]]:
    """Every span in the document, with a path naming where it sits."""
    for e in doc.entities:
        for i, m in enumerate(e.mentions):
            yield f"entities[{e.id}].mentions[{i}]", m
    for v in doc.events:
        yield f"events[{v.id}].trigger", v.trigger
        for i, s in enumerate(v.evidence):
            yield f"events[{v.id}].evidence[{i}]", s
        for kind in COUNT_KINDS:
            q = getattr(v.counts, kind)
            if q is not None and q.span is not None:
                yield f"events[{v.id}].counts.{kind}", q.span
    for q in doc.quotes:
        yield f"quotes[{q.id}].cue", q.cue
        yield f"quotes[{q.id}].content", q.content
    for c in doc.claims:
        yield f"claims[{c.id}].evidence", c.evidence
        if c.quantity.span is not None:
            yield f"claims[{c.id}].quantity", c.quantity.span
    for i, w in enumerate(doc.warnings):
        for j, s in enumerate(w.spans):
            yield f"warnings[{i}].spans[{j}]", s


def validate(doc: Document) -> list[str]:
    """Problems found in ``doc`` (empty when valid): spans, references, enumerations."""
    problems: list[str] = []
    n = len(doc.text)
    for where, s in iter_spans(doc):
        if not (0 <= s.start <= s.end <= n):
            problems.append(f"{where}: offsets {s.start}:{s.end} outside text of length {n}")
        elif doc.text[s.start:s.end] != s.text:
            problems.append(f"{where}: text {s.text!r} != text[{s.start}:{s.end}] "
                            f"{doc.text[s.start:s.end]!r}")
    ids = {e.id for e in doc.entities}
    for kind, items in (("entities", doc.entities), ("events", doc.events),
                        ("quotes", doc.quotes), ("claims", doc.claims)):
        seen = [x.id for x in items]
        if len(seen) != len(set(seen)):
            problems.append(f"{kind}: duplicate ids")
    for where, ref in _entity_refs(doc):
        if ref is not None and ref not in ids:
            problems.append(f"{where}: unknown entity {ref!r}")
    for v in doc.events:
        if v.modality not in MODALITIES:
            problems.append(f"events[{v.id}].modality: {v.modality!r}")
    for d in _dates(doc):
        if d.precision not in PRECISIONS:
            problems.append(f"date precision {d.precision!r}")
    return problems


def _entity_refs(doc: Document) -> Iterator[tuple[str, str | None]]:
    for v in doc.events:
        for name in ("actor1", "actor2", "location", "attributed_to"):
            ref = getattr(v, name)
            if ref is not None:
                yield f"events[{v.id}].{name}", ref.entity
    for q in doc.quotes:
        yield f"quotes[{q.id}].speaker", q.speaker.entity
    for c in doc.claims:
        for name in ("location", "attributed_to"):
            ref = getattr(c, name)
            if ref is not None:
                yield f"claims[{c.id}].{name}", ref.entity


def _dates(doc: Document) -> Iterator[DateValue]:
    if doc.published is not None:
        yield doc.published
    for v in doc.events:
        if v.date is not None:
            yield v.date
    for c in doc.claims:
        if c.period is not None:
            yield c.period


# ---------------------------------------------------------------- JSON Schema


def json_schema() -> dict[str, Any]:
    """The ``marsad/1`` JSON Schema shipped in the package."""
    from importlib.resources import files

    return json.loads((files("marsad") / "schema" / "marsad-1.schema.json").read_text("utf-8"))


def schema_errors(data: dict[str, Any]) -> list[str]:
    """JSON Schema violations of a document's JSON form (empty when it conforms)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(json_schema())
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator.iter_errors(data)]
