"""The entity stage: knowledge-base names, people introduced by titles, in-document coreference.

:func:`find_entities` is the pure finder (text + knowledge base -> entities and
mentions); the registered stage ``entities`` writes its result into the
document and ``Analysis.mentions``.  The steps, each in its own module:

1. :mod:`.matcher` -- one Aho–Corasick automaton per knowledge base over folded
   keys, run on the normalised text; hits only at word boundaries, proclitics
   and enclitics allowed.  Spans exclude proclitic letters ("بالرقة" -> "الرقة");
   after ل the article's alef is not written, so "للتحالف" gives "لتحالف".
   Spaces and quotation marks between a name's words are one separator
   (``قوات "سوريا الديمقراطية"``).  Places inside an outlet's name (the registry's,
   or the document's own ``source.outlet``) are no place mentions.
2. :mod:`.names` -- context rules (place cues, blockers, ambiguous places, shared
   aliases, common words only where a place name stands), then longest match;
   :mod:`.regions` -- compass regions ("شمال غرب سوريا"، "ريف إدلب الجنوبي") become
   the country or governorate, and a bare city name follows its namesake
   governorate when only the governorate is written with a cue.
3. :mod:`.coref` -- generic nouns ("التنظيم"، "الوزارة"، "الخارجية") join an entity
   already named.
4. :mod:`.people` -- ranks and role phrases introduce people, with their role;
   names the KB lacks become person entities with ``kb_id`` None; their full
   name and surname are then found wherever they recur.
5. :mod:`.unknown_places` -- a place cue before a name the KB lacks ("قرية تل علو")
   gives a location with ``kb_id`` None and the coordinates of the nearest
   known place named beside it.
6. :mod:`.records` -- one :class:`~marsad.document.Entity` per referent.

Operation names ("عاصفة الجزيرة") are not entities; the place names inside them are
not place mentions.  ``Mention.resolved_by`` is "match" (a name of the entity),
"role" (a person the KB lacks, where a title introduces the name) or "coref"
(a generic noun, a surname, a bare role noun).  Unknown people get the category
of the organisation in their role phrase, else "other".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from marsad.document import Entity
from marsad.extract.base import Analysis, Mention, stage
from marsad.extract.entities.coref import resolve_generics, surname_mentions
from marsad.extract.entities.lexicon import key, lexicon
from marsad.extract.entities.matcher import matcher_for
from marsad.extract.entities.names import outside_outlets, select_names, select_titles
from marsad.extract.entities.people import Person, find_people
from marsad.extract.entities.records import build
from marsad.extract.entities.regions import widen_regions
from marsad.extract.entities.unknown_places import UnknownPlace, find_unknown_places
from marsad.extract.entities.view import DocView, Found, Taken

if TYPE_CHECKING:
    from marsad.kb import KnowledgeBase

__all__ = ["find_entities"]

_ARABIC = re.compile("[\u0621-\u064a]")


def find_entities(text: str, kb: KnowledgeBase, normalized: Any = None,
                  outlets: tuple[str, ...] = ()) -> tuple[list[Entity], list[Mention]]:
    """Entities of ``text`` (ids e1, e2, ... in order of first mention) and all their mentions.

    ``outlets``: names of outlets beside the registry's (the document's own): places
    named inside them are no place mentions.
    """
    from marsad.arabic import normalize

    matcher = matcher_for(kb)
    view = DocView(text, normalized if normalized is not None else normalize(text), kb, lexicon(),
                   matcher.institutions, matcher.table, matcher.memo)
    hits = matcher.find(view.text, view.original_char, view.marked)
    own = tuple(span for name in outlets if len(key(name).split()) > 1
                for span in view.occurrences(key(name), view.lex.clitics.before_plain))
    hits = outside_outlets(kb, hits, own)
    titles = select_titles(hits)
    names = widen_regions(view, select_names(view, hits, titles))
    found = [Found(n.start, n.end, n.ref) for n in names if n.ref is not None]
    found += resolve_generics(view, names)
    people = find_people(view, titles, names)
    found = _outside_people(view, found, people)
    found += [Found(p.start, p.end, p.ref, p.how) for p in people]
    found += _repeats(view, people, found)
    found += surname_mentions(view, _person_names(view, found), found)
    unknown = find_unknown_places(view, hits, names)
    found += [u.found for u in _free_of(view, unknown, found)]
    return build(view, found, people, {u.found.ref: u.near for u in unknown})


def _outside_people(view: DocView, found: list[Found], people: list[Person]) -> list[Found]:
    """``found`` without the places inside a new person's name ("المدعو «جوان كوباني»")."""
    spans = [(p.start, p.end) for p in people if p.ref.startswith("?")]
    if not spans:
        return found
    return [f for f in found if f.ref not in view.kb.places
            or not any(s <= f.start and f.end <= e for s, e in spans)]


def _free_of(view: DocView, unknown: list[UnknownPlace], found: list[Found]) -> list[UnknownPlace]:
    if not unknown:
        return []
    taken = Taken(len(view.text), ((f.start, f.end) for f in found))
    return [u for u in unknown if taken.free(u.found.start, u.found.end)]


def _repeats(view: DocView, people: list[Person], found: list[Found]) -> list[Found]:
    """Further occurrences of the full names of people the KB lacks."""
    refs = dict.fromkeys(p.ref for p in people if p.ref.startswith("?"))
    if not refs:
        return []
    taken = Taken(len(view.text), ((f.start, f.end) for f in found))
    out = []
    for ref in refs:
        for start, end in view.occurrences(ref[1:], view.lex.clitics.before_plain):
            if taken.free(start, end):
                out.append(Found(start, end, ref, "match"))
                taken.take(start, end)
    return out


def _person_names(view: DocView, found: list[Found]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ref in dict.fromkeys([f.ref for f in found]):       # each referent once, in order
        if ref.startswith("?"):
            out[ref] = [ref[1:]]
            continue
        actor = view.kb.actors.get(ref)
        if actor is not None and actor.type == "person":
            names = view.memo.get(("person_names", ref))     # folded once per KB person
            if names is None:
                names = view.memo[("person_names", ref)] = [key(n) for n in actor.names]
            out[ref] = names
    return out


@stage("entities", assigns=("entities", "mentions"))
def entities_stage(a: Analysis) -> None:
    """Find the document's entities; fill ``doc.entities`` and ``a.mentions``."""
    outlet = a.doc.source.outlet or ""
    own = (outlet,) if _ARABIC.search(outlet) else ()
    entities, mentions = find_entities(a.text, a.kb, a.normalized, own)
    a.doc.entities = entities
    a.mentions = mentions
