"""From raw hits to name mentions: ambiguity rules for actors and places, then longest match.

A hit may stand for several entries (a city and its governorate, two towns called
طرابلس, two coalitions sharing "التحالف").  Context decides, from data:

* a place cue just before the name ("حي"، "ريف"، "محافظة" -- ``place_cues.yaml``)
  selects the kinds of place it may be, and licenses a place flagged ``ambiguous``;
* a blocker before or after it ("قناة"، "عاصفة"، "نت") makes it no place at all
  (operation names are not entities);
* an ``ambiguous`` place named by one word without a cue needs one of its
  ancestors named nearby (or, when the name is shared by several places, its
  country named in the document); once settled somewhere in the document
  (by a cue: "مدينة أريحا") its other bare mentions count too;
* a name written with its cue ("مدينة أريحا") may also be the place named by
  the rest ("أريحا");
* among places of several countries, the countries the rest of the document names
  win; then curated entries before the gazetteer's; then the kind listed first in
  ``default_kinds`` (city before governorate);
* an alias shared by actors needs one of them named unambiguously elsewhere, and
  so does an actor's one-word alias listed as a common word ("القاعدة" the base).

Generic forms ("التنظيم"، "الخارجية") are kept as hits for :mod:`.coref`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, TypeVar

from marsad.extract.entities.lexicon import key
from marsad.extract.entities.matcher import Hit, Target, meaning
from marsad.extract.entities.view import MARK, DocView, Taken, ones
from marsad.kb.model import Place

if TYPE_CHECKING:
    from marsad.kb import KnowledgeBase

_START = attrgetter("start")
NEARBY = 80          # characters within which an ancestor licenses an ambiguous place
T = TypeVar("T", Hit, "NameHit")


@dataclass(slots=True)
class NameHit:
    """A selected name hit: its entry (``ref``), or the generic targets it may resolve through."""

    start: int
    end: int
    ref: str | None
    generic: tuple[Target, ...] = ()


@dataclass(slots=True)
class Context:
    """What the document says as a whole: entries named unambiguously, and countries."""

    confirmed: Counter[str]
    countries: Counter[str]
    regions: Counter[tuple[str, str]] = field(default_factory=Counter)   # (country, admin1) of places named
    licensed: set[str] = field(default_factory=set)   # places a cue or context already settled here


def select_titles(hits: list[Hit]) -> list[Hit]:
    """Role heads and ranks, longest first, non-overlapping."""
    return longest([h for h in hits if h.meaning.title])


def outside_outlets(kb: KnowledgeBase, hits: list[Hit],
                    outlets: tuple[tuple[int, int], ...] = ()) -> list[Hit]:
    """``hits`` without the place senses of names inside an outlet's name ("صوت الفرات").

    ``hits`` come in order of their ends (as :meth:`~.matcher.Matcher.find` gives them);
    ``outlets`` adds spans of outlet names found otherwise (the document's own outlet).
    """
    spans = [(h.start, h.end) for h in hits if "outlet" in h.meaning.kinds] + list(outlets)
    if not spans:
        return hits
    ends = [h.end for h in hits]
    inside: set[int] = set()      # the hits naming places inside a longer outlet name, by index
    for s, e in spans:
        for k in range(bisect_right(ends, s), bisect_right(ends, e)):     # the hits ending in (s, e]
            h = hits[k]
            if h.meaning.places and s <= h.start and e - s > h.end - h.start:
                inside.add(k)
    if not inside:
        return hits
    out = []
    for k, h in enumerate(hits):
        if k in inside:
            kept = tuple(t for t in h.targets if t.kind != "place")
            if not kept:
                continue
            h = Hit(h.start, h.end, meaning(kept, kb, h.meaning.common))
        out.append(h)
    return out


def select_names(view: DocView, hits: list[Hit], titles: list[Hit]) -> list[NameHit]:
    """Name hits with their entry decided, longest match first, non-overlapping.

    A hit that context rules out (and that is no generic form) leaves its place
    to the shorter hits it overlaps.
    """
    ctx = context(view, hits)
    rejected: set[str] = set()
    in_title = Taken(len(view.text), ((t.start, t.end) for t in titles)).mask
    # longest first, then by start (decorated: no key function called per hit)
    ordered = [d[3] for d in sorted([(h.start - h.end, h.start, i, h) for i, h in enumerate(hits)
                                      if h.meaning.name])]
    decided: dict[int, str | None] = {}
    taken = _select(view, ordered, in_title, ctx, rejected, decided)
    places = view.kb.places
    settled = {n.ref for n in taken if n.ref in places and _needs_context(places[n.ref], False)}
    if settled & rejected:        # one sense per document: a place settled once is settled
        ctx.licensed |= settled
        # a decision of the first pass stands where the places now licensed cannot change it: the
        # hit names none of them (nor, being one word, places after a cue: see ``decide``)
        kept = {i: ref for i, ref in decided.items() if not ordered[i].meaning.places
                or (ordered[i].meaning.common is not None and settled.isdisjoint(ordered[i].meaning.places))}
        taken = _select(view, ordered, in_title, ctx, set(), kept)
    return taken


def _select(view: DocView, ordered: list[Hit], in_title: bytearray, ctx: Context,
            rejected: set[str], decided: dict[int, str | None]) -> list[NameHit]:
    """One pass of longest-first selection; ``rejected`` collects places context ruled out.

    ``ordered``: the name hits, longest first; ``in_title``: 1 where a title stands;
    ``decided``: the entries of hits (by index in ``ordered``) already decided, to which
    the entries decided here are added.
    """
    taken: list[NameHit] = []
    text = view.text
    used = bytearray(len(text))
    for i, h in enumerate(ordered):
        start, end, m = h.start, h.end, h.meaning
        if used.find(1, start, end) >= 0:
            continue
        if i in decided:
            ref = decided[i]
        elif not m.actors and not m.places:
            ref = decided[i] = None              # generic forms only (``decide``, inline)
        elif len(m.targets) == 1 and m.actors and (m.common is False
                                                   or (m.common is None and " " in text[start:end])):
            ref = decided[i] = m.actors[0]       # one actor, no common word (``decide``, inline)
        else:
            ref = decided[i] = decide(view, h, ctx)
        generic = m.generic if m.generic and in_title.find(0, start, end) >= 0 else ()
        if ref is not None or generic:
            taken.append(NameHit(start, end, ref, generic))
            used[start:end] = ones(end - start)
        elif m.places:
            rejected.update(m.places)
    return sorted(taken, key=_START)


def longest(items: list[T]) -> list[T]:
    """Greedy longest-first selection of non-overlapping items, returned in text order."""
    taken: list[T] = []
    used = Taken(max((x.end for x in items), default=0))
    for _, start, _, item in sorted([(x.start - x.end, x.start, i, x) for i, x in enumerate(items)]):
        if used.free(start, item.end):
            taken.append(item)
            used.take(start, item.end)
    return sorted(taken, key=_START)


def context(view: DocView, hits: list[Hit]) -> Context:
    """Entries and countries named by hits that can mean only one thing."""
    confirmed: list[str] = []
    countries: list[str] = []
    regions: list[tuple[str, str]] = []
    text = view.text
    for h in hits:
        m = h.meaning
        if m.confirms is None:
            continue
        # (a name of several words written with a space between them is no common word)
        if m.common if m.common is not None else (" " not in text[h.start:h.end] and _common(view, h)):
            continue
        entry_id, country, region = m.confirms
        confirmed.append(entry_id)
        if country:
            countries.append(country)
        if region:
            regions.append(region)
    return Context(Counter(confirmed), Counter(countries), Counter(regions))


def decide(view: DocView, h: Hit, ctx: Context) -> str | None:
    """The entry a name hit stands for, or None (a generic form, or context rules it out)."""
    m = h.meaning
    actors: Sequence[str] = m.actors
    # "القاعدة" (the base): only once the group is named otherwise (``_common`` asked only of several words)
    if actors and (m.common if m.common is not None else _common(view, h)):
        actors = [a for a in actors if ctx.confirmed[a]]
    if len(m.targets) == 1 and len(actors) == 1:
        return actors[0]
    ids: Sequence[str] = m.places
    if ids and m.common is None:        # several words: with a cue, the places the rest names too
        ids = [*ids, *_after_cue(view, h)]
    places = places_in_context(view, h, ids, ctx) if ids else ()
    if len(actors) > 1:
        actors = [a for a in actors if ctx.confirmed[a]] or _by_country(view, actors, ctx)
    if len(actors) == 1 and (not places or ctx.confirmed[actors[0]]):
        return actors[0]
    if places:
        return places[0] if len(places) == 1 else best_place(view, places, ctx)
    return actors[0] if len(actors) == 1 else None


def _common(view: DocView, h: Hit) -> bool:
    """The hit is one word listed as a common word ("القاعدة"، "مدني")."""
    if h.meaning.common is not None:
        return h.meaning.common
    surface = view.text[h.start:h.end]
    return " " not in surface and view.bares.common_words.get(surface) is not None


def _by_country(view: DocView, ids: Sequence[str], ctx: Context) -> list[str]:
    scored = [(ctx.countries[getattr(view.kb.get(i), "country", None) or ""], i) for i in ids]
    top = max(s for s, _ in scored)
    best = [i for s, i in scored if s == top]
    return best if top > 0 and len(best) == 1 else []


def places_in_context(view: DocView, h: Hit, ids: Sequence[str], ctx: Context) -> Sequence[str]:
    """The places of ``ids`` that the words around the hit allow."""
    if not ids:
        return []
    lex, text, places = view.lex, view.text, view.kb.places
    ws = view.marked.rfind(MARK, 0, h.start) + 1          # view.word_start(h.start), inline
    before = "" if _closed_quote_before(text, ws) else view.word_before(ws)
    if view.bares.blockers.get(before) or view.word_after(h.end) in lex.after_blockers:
        return []
    surface = text[h.start:h.end]
    cue = view.bares.cues.get(before)
    if h.meaning.generic:   # "التحالف", "الجيش": a generic noun, unless a cue of its kind precedes
        kinds = lex.cues[cue] if cue is not None else ()
        ids = [i for i in ids if not _needs_context(places[i], False) or " " in surface
               or places[i].kind in kinds]
    if cue is None and surface in lex.adjective_like and not _place_position(view, h.start, ws, before):
        return []
    if cue is not None:
        kinds = lex.cues[cue]
        fitting = [i for i in ids if places[i].kind in kinds]
        return fitting or ids
    if " " in surface:       # a name of several words is never a common word
        return ids
    common = h.meaning.common if h.meaning.common is not None else _common(view, h)
    # (``_needs_context`` inline: the place is ambiguous or only the gazetteer's)
    if not common and not any(p.ambiguous or p.source != "curated" for p in map(places.__getitem__, ids)):
        return ids            # places that need no context, named where no common word stands
    positioned = _place_position(view, h.start, ws, before)
    if common and not positioned:
        return []             # "600 مدني": a common word stands where no place name does
    shared = len(ids) > 1 and not common      # one name, several places: the document's countries decide
    # an indefinite name where a place name stands may take the governorate of places named elsewhere
    neighbourly = not common and not surface.startswith("ال") and positioned
    # a name only the gazetteer knows ("الحكومة", "المصدر") stands where a place name does
    return [i for i in ids if not _needs_context(places[i], common) or i in ctx.licensed
            or ((positioned or places[i].source == "curated") and _ancestor_nearby(view, h, i))
            or (shared and _supported(places[i], ctx))
            or (neighbourly and _neighbours_named(places[i], ctx))]


def _closed_quote_before(text: str, ws: int) -> bool:
    """A quotation closes just before the word starting at ``ws``: the word before belongs to another name.

    (``موقع "صوت العاصمة" الخبر``: "العاصمة" is no cue of "الخبر".)
    """
    k = ws - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    return k > 0 and text[k] in "\"'»”" and text[k - 1].isalnum()


def _place_position(view: DocView, start: int, ws: int, before: str) -> bool:
    """Where a place name, not an adjective, stands: after a preposition, a direction or punctuation.

    ``ws``: the start of the word holding ``start``.
    """
    if ws < start or ws == 0 or view.text[ws - 1] != " ":
        return True               # a proclitic (بسورية، وسورية), punctuation, or a line's start
    bares = view.bares
    return bares.stop_words.get(before) is not None or bares.directions.get(before) is not None


def _after_cue(view: DocView, h: Hit) -> list[str]:
    """For a name written with its cue ("مدينة أريحا"), the places named by the rest ("أريحا")."""
    if not h.meaning.places or h.meaning.common is not None:     # no place, or a one-word key
        return []
    head, _, rest = view.text[h.start:h.end].partition(" ")
    cue = view.bares.cues.get(head) if rest else None
    if cue is None:
        return []
    kinds = view.lex.cues[cue]
    return [t.ref for t in view.table.get(rest, ()) if t.kind == "place"
            and view.kb.places[t.ref].kind in kinds]


def _neighbours_named(place: Place, ctx: Context) -> bool:
    """A curated place of a governorate (admin1) where the document names other places.

    "أريحا" in an article that names إدلب or سراقب is the Syrian town.
    """
    return (place.source == "curated" and place.admin1 is not None
            and ctx.regions[(place.country or "", place.admin1)] > 0)


def _supported(place: Place, ctx: Context) -> bool:
    """A curated place whose country the document names."""
    return place.source == "curated" and ctx.countries[place.country or ""] > 0


def _needs_context(place: Place, common: bool) -> bool:
    """One-word names of ambiguous or gazetteer-only places, or that are common words."""
    return common or place.ambiguous or place.source != "curated"


def _ancestor_nearby(view: DocView, h: Hit, place_id: str) -> bool:
    names = _ancestor_names(view, place_id)
    if not names:
        return False
    lo, hi = max(0, h.start - NEARBY), min(len(view.text), h.end + NEARBY)
    window = view.text[lo:hi]
    return any(n in window for n in names)


def _ancestor_names(view: DocView, place_id: str) -> tuple[str, ...]:
    """The folded names of the place's ancestors below the country (once per KB)."""
    found = view.memo.get(("ancestor_names", place_id))
    if found is None:
        ancestors = [a for a in view.kb.ancestors(place_id) if getattr(a, "kind", "") != "country"]
        found = tuple(dict.fromkeys(key(n) for a in ancestors for n in a.names))
        view.memo[("ancestor_names", place_id)] = found
    return found


def best_place(view: DocView, ids: Sequence[str], ctx: Context) -> str:
    """The most plausible of several places: country support, curated, kind order, population."""
    if len(ids) == 1:
        return ids[0]
    kinds = view.lex.default_kinds

    def rank(place_id: str) -> tuple[int, int, int, int]:
        p = view.kb.places[place_id]
        kind = kinds.index(p.kind) if p.kind in kinds else len(kinds)
        return (-ctx.countries[p.country or ""], p.source != "curated", kind, -(p.population or 0))

    return min(ids, key=rank)
