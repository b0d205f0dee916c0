"""The loaded knowledge base: lookups, hierarchy and name enumeration."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from marsad.kb.model import Actor, Place

MAX_VARIANTS = 32


def _replace_words(text: str, src: str, dst: str) -> str:
    """``text`` with every whole-word occurrence of ``src`` replaced by ``dst``."""
    if src not in text:
        return text
    return re.sub(rf"(?<!\w){re.escape(src)}(?!\w)", dst, text)


@dataclass(slots=True)
class KnowledgeBase:
    """Actors and places by id, with spelling variants.

    ``variant_pairs`` are the substitution pairs of ``variants.yaml``; each
    pair applies in both directions.
    """

    actors: dict[str, Actor]
    places: dict[str, Place]
    variant_pairs: tuple[tuple[str, str], ...] = ()
    countries: dict[str, dict] = field(default_factory=dict)
    _children: dict[str, list[str]] | None = field(default=None, repr=False)

    def get(self, entry_id: str) -> Actor | Place | None:
        """The actor or place with this id (ids are unique across both)."""
        return self.actors.get(entry_id) or self.places.get(entry_id)

    def children(self, entry_id: str) -> list[Actor | Place]:
        """Entries whose ``parent`` is ``entry_id`` (for an actor: also people affiliated to it)."""
        if self._children is None:
            self._children = self._index_children()
        found = (self.get(i) for i in self._children.get(entry_id, ()))
        return [e for e in found if e is not None]

    def _index_children(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for a in self.actors.values():
            for up in {a.parent, a.affiliation} - {None}:
                index[str(up)].append(a.id)
        for p in self.places.values():
            if p.parent:
                index[p.parent].append(p.id)
        return dict(index)

    def ancestors(self, entry_id: str) -> list[Actor | Place]:
        """The chain of parents, nearest first (a person's chain starts at its affiliation)."""
        out: list[Actor | Place] = []
        entry = self.get(entry_id)
        seen = {entry_id}
        while entry is not None:
            up = entry.parent or (entry.affiliation if isinstance(entry, Actor) else None)
            if up is None or up in seen:
                break
            seen.add(up)
            entry = self.get(up)
            if entry is not None:
                out.append(entry)
        return out

    def variants(self, alias: str) -> list[str]:
        """``alias`` and the spellings made by applying the variant pairs (alias first).

        A pair applies to whole words only: ``سورية`` in ``السورية`` is left alone.
        """
        out, queue = [alias], [alias]
        while queue and len(out) < MAX_VARIANTS:
            current = queue.pop(0)
            for src, dst in self._directed_pairs():
                new = _replace_words(current, src, dst)
                if new != current and new not in out:
                    out.append(new)
                    queue.append(new)
        return out[:MAX_VARIANTS]

    def _directed_pairs(self) -> list[tuple[str, str]]:
        return [p for a, b in self.variant_pairs for p in ((a, b), (b, a))]

    def all_names(self) -> Iterator[tuple[str, str, str]]:
        """Every surface form to match: ``(form, "actor" | "place", id)``, variants included.

        Actors' ``generic`` forms are left out (see :meth:`generic_names`).
        """
        for kind, entries in (("actor", self.actors), ("place", self.places)):
            for entry in entries.values():
                seen: set[str] = set()
                for name in entry.names:
                    for form in self.variants(name):
                        if form not in seen:
                            seen.add(form)
                            yield form, kind, entry.id

    def generic_names(self) -> Iterator[tuple[str, str]]:
        """``(generic form, actor id)`` pairs, for coreference only."""
        for a in self.actors.values():
            for form in a.generic:
                yield form, a.id

    def members(self, actor_id: str) -> list[Actor]:
        """People whose ``affiliation`` is ``actor_id``."""
        return [a for a in self.actors.values() if a.affiliation == actor_id]
