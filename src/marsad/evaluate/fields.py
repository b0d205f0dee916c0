"""How two values of one field are compared (names, places, dates, counts)."""

from __future__ import annotations

from typing import Any

from marsad.document import ActorRef, Attribution, DateValue, Document, Location, Quantity, Speaker


def fold_name(name: str | None) -> str:
    """A comparison key for names: Arabic folding, no clitic ال, no spaces or punctuation."""
    if not name:
        return ""
    from marsad.arabic import fold

    key = "".join(ch for ch in fold(name) if ch.isalnum())
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def kb_of(doc: Document, entity_id: str | None) -> str | None:
    entity = doc.entity(entity_id) if entity_id else None
    return entity.kb_id if entity is not None else None


def same_ref(gdoc: Document, g: ActorRef | Attribution | Speaker | Location | None,
             pdoc: Document, p: ActorRef | Attribution | Speaker | Location | None) -> bool:
    """Same actor / place: the same KB id, else names equal after folding or one inside the other."""
    if g is None or p is None:
        return g is None and p is None
    gk, pk = kb_of(gdoc, g.entity), kb_of(pdoc, p.entity)
    if gk and pk:
        return gk == pk
    gn, pn = fold_name(g.name), fold_name(p.name)
    return bool(gn and pn) and (gn == pn or (min(len(gn), len(pn)) >= 4 and (gn in pn or pn in gn)))


def same_date(g: DateValue | None, p: DateValue | None) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return g.start == p.start and g.end == p.end


def same_quantity(g: Quantity | None, p: Quantity | None) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return g.low == p.low and g.high == p.high


def present(value: Any) -> bool:
    return value is not None and value != ""
