"""Writing what was found: one :class:`Entity` per referent, and the sorted :class:`Mention` list."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from marsad.document import Entity, Geo, Span
from marsad.extract.base import Mention
from marsad.extract.entities.people import Person
from marsad.extract.entities.view import DocView, Found

UNKNOWN_PERSON_CATEGORY = "other"
_START, _END, _SPAN = attrgetter("start"), attrgetter("end"), attrgetter("span.start", "span.end")


@dataclass(slots=True)
class PersonInfo:
    """The facts an unknown person's record is made from."""

    name: str
    role: str | None = None
    affiliation: str | None = None


def build(view: DocView, found: list[Found], people: list[Person],
          near: dict[str, str] | None = None) -> tuple[list[Entity], list[Mention]]:
    """Entities in order of first mention (ids e1, e2, ...) and every mention, sorted.

    ``near`` maps an unknown place ("@" + name) to the KB place whose coordinates it takes.
    """
    roles = _roles(people)
    spans: dict[str, list[tuple[Span, str]]] = {}
    to_original, original = view.norm.to_original, view.original      # ``view.span``, inline
    last = (-1, -1)
    # by start, the longest first (two stable sorts: by end descending, then by start), so that
    # the same span found twice comes twice in a row: the first one counts
    for f in sorted(sorted(found, key=_END, reverse=True), key=_START):
        if f.end <= f.start or (f.start, f.end) == last:
            continue
        last = (f.start, f.end)
        s, e = to_original(f.start, f.end)
        spans.setdefault(f.ref, []).append((Span(s, e, original[s:e]), f.how))
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for n, (ref, items) in enumerate(spans.items(), start=1):
        spans_of = [s for s, _ in items]
        entity = _unknown_place(view, f"e{n}", spans_of, (near or {})[ref]) if ref.startswith("@") \
            else _entity(view, f"e{n}", ref, spans_of, roles.get(ref))
        entities.append(entity)
        mentions += [Mention(s, entity, how) for s, how in items]
    mentions.sort(key=_SPAN)
    return entities, mentions


def _roles(people: list[Person]) -> dict[str, PersonInfo]:
    """Per person: the first role phrase stated (a bare rank only when no role is), and affiliation."""
    out: dict[str, PersonInfo] = {}
    for p in sorted(people, key=lambda p: p.from_rank):
        info = out.setdefault(p.ref, PersonInfo(p.ref.lstrip("?")))
        if info.role is None and p.role:
            info.role = p.role
        info.affiliation = info.affiliation or p.affiliation
    return out


def _entity(view: DocView, eid: str, ref: str, spans: list[Span], info: PersonInfo | None) -> Entity:
    role = info.role if info else None
    if ref.startswith("?"):
        return Entity(eid, "person", spans[0].text, kb_id=None, category=_category(view, info),
                      mentions=spans, role=role)
    place = view.kb.places.get(ref)
    if place is not None:
        geo = Geo(place.lat, place.lon, place.country, place.admin1, place.geonames_id)
        return Entity(eid, "location", place.name, place.name_en, place.id, None, geo, spans)
    actor = view.kb.actors[ref]
    return Entity(eid, "person" if actor.type == "person" else "organization", actor.name, actor.name_en,
                  actor.id, actor.category, None, spans, role if actor.type == "person" else None)


def _unknown_place(view: DocView, eid: str, spans: list[Span], near: str) -> Entity:
    p = view.kb.places[near]
    return Entity(eid, "location", spans[0].text, None, None, None, Geo(p.lat, p.lon, p.country, p.admin1),
                  spans)


def _category(view: DocView, info: PersonInfo | None) -> str:
    org = view.kb.actors.get(info.affiliation or "") if info else None
    return org.category if org is not None else UNKNOWN_PERSON_CATEGORY
