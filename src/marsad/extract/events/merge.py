"""Settling drafts: counts (sum of parts, first figure kept), victims as actor2, type rules that
depend on arguments, and one event per incident (repeated mentions merged).
"""

from __future__ import annotations

from marsad.document import ActorRef, Entity, Quantity, Span
from marsad.extract.base import Analysis
from marsad.extract.events.arguments import mentions_in
from marsad.extract.events.counts import CountHit
from marsad.extract.events.dating import compatible, more_precise
from marsad.extract.events.drafts import Draft
from marsad.extract.events.lexicon import lexicon
from marsad.extract.events.views import word_index

_ANAPHORA_REACH = 10
_ENTITIES = "events.entities"
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def settle(a: Analysis, d: Draft) -> None:
    """Counts, victims and argument-dependent types of one draft."""
    groups = {h.group for hits in d.hits.values() for h in hits} - {None}
    if d.actor2 is None:
        d.actor2 = _victims(a, d, groups)
    cfg = lexicon().events
    override = cfg.get("civilian_victim_override", {})
    unarmed = bool(groups) and groups <= {"civilians", "people"}
    if d.event_type in override.get("from", ()) and not d.territory and not d.refined \
            and (unarmed or _in_camp(a, d, override) or _civilian_target(a, d)):
        d.event_type, d.sub_event_type = override["event_type"], override["sub_event_type"]
    protest = cfg.get("protester_victim_override", {})
    if d.event_type in ("Violence against civilians", "Battles") and groups \
            and groups <= set(protest.get("groups", ())):
        d.event_type, d.sub_event_type = protest["event_type"], protest["sub_event_type"]
    armed = cfg.get("armed_victim_override", {})
    if d.sub_event_type in armed.get("from", ()) and groups and groups <= set(armed.get("groups", ())):
        d.event_type, d.sub_event_type = armed["event_type"], armed["sub_event_type"]
    if d.territory:
        d.sub_event_type = _territory_type(a, d.actor1)
        d.soft = d.actor1 is None


def _in_camp(a: Analysis, d: Draft, override: dict) -> bool:
    """The draft's place is of a kind (a camp) whose victims are civilians."""
    return d.location is not None and _kind_of(a, d.location.entity) in override.get("place_kinds", ())


def _civilian_target(a: Analysis, d: Draft) -> bool:
    """An unarmed target named within a few words after the trigger."""
    idx = word_index(a)
    return idx.has(lexicon().phrases("civilian_targets"), d.first + 1, d.first + 7)


def _entity(a: Analysis, entity_id: str | None) -> Entity | None:
    """``a.doc.entity``, by a table of the document's entities built once per document."""
    n = len(a.doc.entities)
    table = a.scratch.get(_ENTITIES)
    if table is None or table[0] != n:
        by_id: dict[str | None, Entity] = {}
        for e in a.doc.entities:
            by_id.setdefault(e.id, e)
        table = a.scratch[_ENTITIES] = (n, by_id)
    return table[1].get(entity_id)


def _kind_of(a: Analysis, entity_id: str | None) -> str | None:
    ent = _entity(a, entity_id) if entity_id else None
    place = a.kb.places.get(ent.kb_id) if ent is not None and ent.kb_id else None
    return place.kind if place is not None else None


def counts_of(d: Draft, text: str) -> dict[str, Quantity]:
    """One quantity per kind: the sum of the parts when one sentence gives them by side, else the first."""
    out: dict[str, Quantity] = {}
    for kind, hits in d.hits.items():
        first_sentence = [h for h in hits if h.first == hits[0].first or _same_sentence(h, hits[0], d)]
        groups = [h.group for h in first_sentence]
        if len(first_sentence) > 1 and len(set(groups)) == len(groups):
            out[kind] = _sum([h.quantity for h in first_sentence], text)
        else:
            out[kind] = hits[0].quantity
    return out


def _same_sentence(h: CountHit, first: CountHit, d: Draft) -> bool:
    s = next((e for e in d.evidence if e.start <= _start(first) < e.end), None)
    return s is not None and s.start <= _start(h) < s.end


def _start(h: CountHit) -> int:
    return h.quantity.span.start if h.quantity.span else -1


def _sum(parts: list[Quantity], text: str) -> Quantity:
    lows = [q.low or 0 for q in parts]
    highs = [q.high for q in parts]
    spans = [q.span for q in parts if q.span is not None]
    span = Span.of(text, spans[0].start, spans[-1].end) if spans else None
    return Quantity(sum(lows), None if None in highs else sum(h or 0 for h in highs),
                    any(q.approx for q in parts), span)


def _victims(a: Analysis, d: Draft, groups: set) -> ActorRef | None:
    info = lexicon().victims.get("groups", {})
    for hits in d.hits.values():
        for h in hits:
            if h.group == "civilians":
                ent = next((e for e in a.doc.entities if e.kb_id == "civilians"), None)
                name = h.noun.text if h.noun else info["civilians"]["name"]
                return ActorRef(ent.id if ent else None, name, info["civilians"].get("name_en"))
            if h.noun is not None:
                m = next((m for m in mentions_in(a, h.noun.end, h.noun.end + 30)
                          if m.entity.type == "organization"), None)
                if m is not None:
                    return ActorRef(m.entity.id, m.entity.canonical, m.entity.canonical_en)
    return None


def _territory_type(a: Analysis, actor: ActorRef | None) -> str:
    cfg = lexicon().events
    ent = _entity(a, actor.entity) if actor is not None and actor.entity else None
    if ent is not None and ent.category in cfg.get("state_categories", ()):
        return cfg["territory_state"]
    return cfg["territory_nonstate"]


# ------------------------------------------------------------------ merging


def merge(a: Analysis, drafts: list[Draft]) -> list[Draft]:
    """One draft per incident; later mentions add evidence and fill what the first lacked."""
    kept: list[Draft] = []
    for d in drafts:
        if d.generic and not d.hits and d.modality != "future":
            continue
        target = next((p for p in reversed(kept) if _same_incident(a, p, d)), None)
        if target is None:
            if (d.generic or d.anaphoric) and not d.hits and not d.date_stated and d.modality != "future":
                continue
            if d.part and any(p.event_type in _VIOLENT and not p.part for p in kept):
                continue                # storming or looting as part of a reported attack or capture
            kept.append(d)
        else:
            _absorb(target, d, a.text)
    return kept


def _same_incident(a: Analysis, p: Draft, d: Draft) -> bool:
    """Compatible mentions of one type are one incident: same or nested place (or none), same actor
    (or none), overlapping stated dates; an anaphor ("الهجوم", "خلالها") needs only the type."""
    if p.modality != d.modality or d.distinct or not _types_agree(p, d):
        return False
    if p.date_stated and d.date_stated and not compatible(p.date, d.date):
        return False
    if d.anaphoric and d.weak:
        return True
    if (d.anaphoric or d.generic) and d.sentence - p.sentence > _ANAPHORA_REACH:
        return False
    if not _places_agree(a, p, d):
        return False
    same_place = p.location is not None and d.location is not None and p.location.entity == d.location.entity
    return same_place or d.anaphoric or _actors_agree(a, p.actor1, d.actor1)


def _clash_and_capture(p: Draft, d: Draft) -> bool:
    """Fighting reported at the place a capture is reported: one incident (the capture)."""
    return p.event_type == d.event_type == "Battles" and p.territory != d.territory \
        and "clash" in (p.tid, d.tid) and p.location is not None and d.location is not None \
        and p.location.entity == d.location.entity


def _types_agree(p: Draft, d: Draft) -> bool:
    if (d.anaphoric and d.weak) or _clash_and_capture(p, d):
        return True
    if d.anaphoric and p.territory != d.territory and not (p.territory and d.tid == "clash"):
        return False
    if p.event_type == d.event_type:
        return p.sub_event_type == d.sub_event_type or p.soft or d.soft or d.anaphoric
    violent = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    if not {p.event_type, d.event_type} <= violent:
        return False
    return (d.anaphoric and not d.refined) or p.loose or d.loose


def _places_agree(a: Analysis, p: Draft, d: Draft) -> bool:
    if p.location is None or d.location is None:
        return True
    x, y = p.location, d.location
    if x.entity == y.entity or x.name == y.name:
        return True
    if p.territory or d.territory:
        return False
    if _within(a, x.entity, y.entity) or _within(a, y.entity, x.entity):
        return True
    coarse, fine = (x, y) if (x.geo_precision or 1) >= (y.geo_precision or 1) else (y, x)
    return coarse.geo_precision == 3 and (fine.geo_precision or 1) < 3 and coarse.country == fine.country \
        and (coarse.admin1 is None or fine.admin1 is None or coarse.admin1 == fine.admin1)


def _within(a: Analysis, inner: str | None, outer: str | None) -> bool:
    ei, eo = _entity(a, inner), _entity(a, outer)
    if ei is None or eo is None or not ei.kb_id or not eo.kb_id:
        return False
    try:
        return any(p.id == eo.kb_id for p in a.kb.ancestors(ei.kb_id))
    except (KeyError, AttributeError):
        return False


def _actors_agree(a: Analysis, x: ActorRef | None, y: ActorRef | None) -> bool:
    """Same actor, or one unknown (no entity, or an entity the KB does not know)."""
    if x is None or y is None:
        return True
    ex, ey = _entity(a, x.entity), _entity(a, y.entity)
    if ex is None or ey is None or not ex.kb_id or not ey.kb_id:
        return True
    if ex.kb_id == ey.kb_id:
        return True
    try:
        related = {p.id for p in a.kb.ancestors(ex.kb_id)} | {p.id for p in a.kb.ancestors(ey.kb_id)}
    except (KeyError, AttributeError):
        return False
    return ex.kb_id in related or ey.kb_id in related


def _absorb(p: Draft, d: Draft, text: str) -> None:
    if (p.loose and not d.loose) or (p.soft and not d.soft and p.event_type == d.event_type) \
            or (d.territory and not p.territory and p.event_type == d.event_type):
        p.event_type, p.sub_event_type, p.trigger = d.event_type, d.sub_event_type, d.trigger
        p.loose, p.soft, p.territory = d.loose, d.soft, d.territory
    for span in d.evidence:
        if span not in p.evidence:
            p.evidence.append(span)
    if d.location is not None and d.loc_rank < p.loc_rank:
        p.location, p.loc_rank = d.location, d.loc_rank
    if d.date_stated and (not p.date_stated or more_precise(p.date, d.date)):
        p.date, p.date_stated = d.date, True
    p.actor1 = p.actor1 or d.actor1
    p.actor2 = p.actor2 or d.actor2
    p.attributed = p.attributed or d.attributed
    mine, theirs = counts_of(p, text), counts_of(d, text)
    for kind, hits in d.hits.items():
        if kind not in p.hits:
            p.hits[kind] = hits
        elif not _same_quantity(mine[kind], theirs[kind]):
            p.conflicts.append((kind, mine[kind], theirs[kind]))
    p.conflicts.extend(d.conflicts)


def _same_quantity(x: Quantity, y: Quantity) -> bool:
    return x.low == y.low and x.high == y.high
