"""Regions named by a direction and a larger place become that place: the governorate or the country.

The coding convention (docs of the gold corpus) codes "شمال غرب سوريا" as Syria and
"ريف إدلب الجنوبي" as the governorate of Idlib.  So:

* a selected region of the knowledge base whose surface is compass words
  (``place_cues.yaml``: ``region_words``) around the name of its parent or of a
  place inside the parent ("ريف إدلب" of the governorate, "حلب" of the city)
  becomes a mention of the parent, spanning the name without the compass words
  ("شمال غرب سوريا" -> "سوريا" (syria); "ريف إدلب الجنوبي" -> "ريف إدلب");
* one sense per document: where the governorate is written with its cue
  ("محافظة صعدة") and the city never is ("مدينة صعدة"), the bare name is the
  governorate.  (A city after a compass word, "جنوب كركوك", stays the city: the
  demo gold codes it either way.)

Regions named otherwise ("الجزيرة السورية"، "شرق الفرات"، "البادية السورية") stay.
"""

from __future__ import annotations

import re

from marsad.extract.entities.lexicon import key
from marsad.extract.entities.names import NameHit
from marsad.extract.entities.view import DocView
from marsad.kb.model import Place

CITY_KINDS = ("city", "town")
ENTRY_KINDS = ("country", "governorate")
WIDE_KINDS = ("region", "governorate")     # "جنوب لبنان" names a governorate by compass + country
_WORD = re.compile(r"[^\W_]+")


def widen_regions(view: DocView, names: list[NameHit]) -> list[NameHit]:
    """``names`` with direction-made regions made their larger place.

    One sense per document: where the document names a governorate with its cue
    ("محافظة صعدة") and never the namesake city with one ("مدينة صعدة"), the bare
    name ("صعدة") is the governorate too.
    """
    places = view.kb.places
    cued: set[str | None] | None = None     # places named with a cue (read where a city needs it)
    out = []
    for n in names:
        place = places.get(n.ref or "")
        if place is not None and place.kind in WIDE_KINDS:
            n = _region_parent(view, n, place) or n
        elif place is not None and place.kind in CITY_KINDS:
            gov = _namesake_governorate(view, place)
            if gov is not None:
                if cued is None:
                    cued = {m.ref for m in names if m.ref in places and _with_cue(view, m)}
                if gov in cued and place.id not in cued:
                    n = NameHit(n.start, n.end, gov, n.generic)
        out.append(n)
    return out


def _with_cue(view: DocView, n: NameHit) -> bool:
    """The name is written with a place cue: inside the hit ("مدينة أريحا") or just before it."""
    head = view.text[n.start:n.end].split(" ", 1)[0]
    cues = view.bares.cues
    return cues.get(head) is not None or cues.get(view.word_before(n.start)) is not None


def _region_parent(view: DocView, n: NameHit, place: Place) -> NameHit | None:
    parent_id = place.parent
    parent = view.kb.places.get(parent_id or "")
    if parent_id is None or parent is None or parent.kind not in ENTRY_KINDS:
        return None
    surface = view.text[n.start:n.end]
    memo_key = ("region_parent", place.id, surface)       # the same name widens the same way
    if memo_key not in view.memo:
        view.memo[memo_key] = _parent_span(view, surface, parent_id)
    span = view.memo[memo_key]
    return None if span is None else NameHit(n.start + span[0], n.start + span[1], parent_id, n.generic)


def _parent_span(view: DocView, surface: str, parent_id: str) -> tuple[int, int] | None:
    """Where in ``surface`` (a region's name) its parent ``parent_id`` is named, compass words off."""
    words = [m.span() for m in _WORD.finditer(surface)]
    lo, hi = 0, len(words)
    while lo < hi and _compass(view, surface[words[lo][0]:words[lo][1]]):
        lo += 1
    while hi > lo and _compass(view, surface[words[hi - 1][0]:words[hi - 1][1]]):
        hi -= 1
    if lo == hi or (lo == 0 and hi == len(words)):
        return None
    start, end = words[lo][0], words[hi - 1][1]
    if not _names_within(view, surface[start:end], parent_id):
        return None
    return start, end


def _compass(view: DocView, word: str) -> bool:
    return view.bares.region_words.get(word) is not None


def _names_within(view: DocView, surface: str, parent_id: str) -> bool:
    """``surface`` names ``parent_id`` or a place inside it."""
    for t in view.table.get(key(surface), ()):
        if t.kind != "place":
            continue
        if t.ref == parent_id or any(a.id == parent_id for a in view.kb.ancestors(t.ref)):
            return True
    return False


def _namesake_governorate(view: DocView, city: Place) -> str | None:
    """The governorate above ``city`` whose name holds the city's ("محافظة حلب" of حلب), once per KB."""
    memo_key = ("namesake_governorate", city.id)
    if memo_key not in view.memo:
        view.memo[memo_key] = _find_namesake_governorate(view, city)
    return view.memo[memo_key]


def _find_namesake_governorate(view: DocView, city: Place) -> str | None:
    name = key(city.name)
    for a in view.kb.ancestors(city.id):
        if isinstance(a, Place) and a.kind == "governorate":
            return a.id if name in key(a.name).split(" ", 1)[-1:] else None
    return None
