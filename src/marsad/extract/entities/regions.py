"""Regions named by a direction and a larger place become that place: the governorate or the country.

The coding convention (docs of the gold corpus) codes "شمال غرب سوريا" as Syria and
"ريف إدلب الجنوبي", "جنوبي إدلب" as the governorate of Idlib.  So:

* a selected region of the knowledge base whose surface is compass words
  (``place_cues.yaml``: ``region_words``) around the name of its parent or of a
  place inside the parent ("ريف إدلب" of the governorate, "حلب" of the city)
  becomes a mention of the parent, spanning the name without the compass words
  ("شمال غرب سوريا" -> "سوريا" (syria); "ريف إدلب الجنوبي" -> "ريف إدلب");
* a city right after a compass word ("جنوبي إدلب"، "شرق دير الزور") is its
  governorate, where the governorate is named after the city (محافظة إدلب).

Regions named otherwise ("الجزيرة السورية"، "شرق الفرات"، "البادية السورية") stay.
"""

from __future__ import annotations

import re

from marsad.extract.entities.lexicon import key
from marsad.extract.entities.names import NameHit
from marsad.extract.entities.view import DocView
from marsad.kb.model import Place

CITY_KINDS = ("city", "town")
_WORD = re.compile(r"[^\W_]+")


def widen_regions(view: DocView, names: list[NameHit]) -> list[NameHit]:
    """``names`` with direction-made regions and cities after a compass word made their larger place."""
    out = []
    for n in names:
        place = view.kb.places.get(n.ref or "")
        if place is not None and place.kind == "region":
            n = _region_parent(view, n, place) or n
        elif place is not None and place.kind in CITY_KINDS and _after_compass(view, n.start):
            gov = _namesake_governorate(view, place)
            if gov is not None:
                n = NameHit(n.start, n.end, gov, n.generic)
        out.append(n)
    return out


def _region_parent(view: DocView, n: NameHit, place: Place) -> NameHit | None:
    if place.parent is None:
        return None
    words = [m.span() for m in _WORD.finditer(view.text, n.start, n.end)]
    lo, hi = 0, len(words)
    while lo < hi and _compass(view, view.text[words[lo][0]:words[lo][1]]):
        lo += 1
    while hi > lo and _compass(view, view.text[words[hi - 1][0]:words[hi - 1][1]]):
        hi -= 1
    if lo == hi or (lo == 0 and hi == len(words)):
        return None
    start, end = words[lo][0], words[hi - 1][1]
    if not _names_within(view, view.text[start:end], place.parent):
        return None
    return NameHit(start, end, place.parent, n.generic)


def _compass(view: DocView, word: str) -> bool:
    return view.bare(word, view.lex.region_words) is not None


def _after_compass(view: DocView, start: int) -> bool:
    if view.word_start(start) < start:
        return False          # a proclitic: "بإدلب"
    before = view.word_before(start)
    return bool(before) and _compass(view, before)


def _names_within(view: DocView, surface: str, parent_id: str) -> bool:
    """``surface`` names ``parent_id`` or a place inside it."""
    for t in view.table.get(key(surface), ()):
        if t.kind != "place":
            continue
        if t.ref == parent_id or any(a.id == parent_id for a in view.kb.ancestors(t.ref)):
            return True
    return False


def _namesake_governorate(view: DocView, city: Place) -> str | None:
    """The governorate above ``city`` whose name holds the city's ("محافظة حلب" of حلب)."""
    name = key(city.name)
    for a in view.kb.ancestors(city.id):
        if isinstance(a, Place) and a.kind == "governorate":
            return a.id if name in key(a.name).split(" ", 1)[-1:] else None
    return None
