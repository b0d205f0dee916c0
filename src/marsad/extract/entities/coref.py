"""In-document coreference: generic nouns and surnames join entities already named.

Generic mentions ("التنظيم"، "الوزارة"، "الخارجية"، "القوات الكردية", an actor's KB
``generic`` forms) take as antecedent an organisation named directly in the
document that fits the rule of ``coref.yaml`` (listed ids, a name beginning with
the rule's head noun, or a category).  Among several, the one named in the same
or the two previous sentences wins unless another has been named more often by
more than :data:`RECENCY` mentions; before any candidate has been named (a
headline), the one named most in the whole document.  A bare institution noun
("الجيش"، "الحكومة") with no candidate at all is that of the country the
document names most.

A person named in full ("العقيد مايلز كاغينز") is then also found by surname alone
("كاغينز"، "(يونس)"، "العبدالله") after the first full mention.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cached_property

from marsad.extract.entities.lexicon import DEFINITE, key
from marsad.extract.entities.matcher import Target
from marsad.extract.entities.names import NameHit
from marsad.extract.entities.view import DocView, Found, Taken

RECENCY = 4          # bonus of the most recent candidate named in the last sentences
RECENT_SENTENCES = 2
COUNTRY_MIN = 2      # mentions that make a country the document's own


def head_word(name: str) -> str:
    """First word of a folded name without the article: "الوزارة ..." -> "وزاره"."""
    words = name.split()
    first = words[0] if words else ""
    return first[2:] if first.startswith(DEFINITE) and len(first) > 3 else first


class Resolver:
    """Walks the name hits in text order, keeping counts of what has been named so far."""

    def __init__(self, view: DocView, names: list[NameHit]) -> None:
        self.view = view
        self.direct = [n for n in names if n.ref is not None]
        self.total = Counter(n.ref for n in self.direct)
        self.first: dict[str, int] = {}
        for n in self.direct:
            assert n.ref is not None
            self.first.setdefault(n.ref, n.start)
        self._heads: dict[str, set[str]] = {}
        self._candidates: dict[tuple[str, str], list[str]] = {}
        self.counts: Counter[str] = Counter()
        self.last: dict[str, int] = {}

    def run(self, names: list[NameHit]) -> list[Found]:
        out = []
        for n in names:
            ref = n.ref if n.ref is not None else self.resolve(n)
            if ref is None:
                continue
            self.counts[ref] += 1
            self.last[ref] = n.start
            if n.ref is None:
                out.append(Found(n.start, n.end, ref, "coref"))
        return out

    def resolve(self, n: NameHit) -> str | None:
        cands = sorted({c for t in n.generic for c in self.candidates(t)})
        if not cands:
            return self.national(n)
        before = [c for c in cands if self.counts[c]]
        if not before:
            return max(cands, key=lambda c: (self.total[c], -self.first[c]))
        recent = max(before, key=lambda c: self.last[c])
        gap = self.view.sentence_index(n.start) - self.view.sentence_index(self.last[recent])
        bonus = {recent: RECENCY} if gap <= RECENT_SENTENCES else {}
        return max(before, key=lambda c: (self.counts[c] + bonus.get(c, 0), self.counts[c], self.last[c]))

    def candidates(self, t: Target) -> list[str]:
        """The entities named directly here that ``t`` may refer to (the same all through a document)."""
        found = self._candidates.get((t.kind, t.ref))
        if found is None:
            found = self._candidates[(t.kind, t.ref)] = self._find_candidates(t)
        return found

    def _find_candidates(self, t: Target) -> list[str]:
        lex = self.view.lex
        if t.kind == "kb_generic":
            return [t.ref] if t.ref in self.total else []
        if t.kind == "bare":
            return self._present(self.view.institutions[int(t.ref)].values())
        rule = lex.generic[int(t.ref)]
        listed = self._present(rule.ids)
        if listed or not (rule.heads or rule.categories):
            return listed
        return [ref for ref in self.organisations if self._fits(ref, rule.heads, rule.categories)]

    def national(self, n: NameHit) -> str | None:
        """A bare institution ("الجيش") never named here: that of the country the document is about."""
        country = self.country
        for t in n.generic:
            if t.kind == "bare" and country is not None:
                found = self.view.institutions[int(t.ref)].get(country)
                if found is not None:
                    return found
        return None

    @cached_property
    def country(self) -> str | None:
        """The country named most (at least :data:`COUNTRY_MIN` times) by the entities found."""
        counts: Counter[str] = Counter()
        for ref, k in self.total.items():
            entry = self.view.kb.get(ref)
            if entry is not None and entry.country:
                counts[entry.country] += k
        top = counts.most_common(2)
        if not top or top[0][1] < COUNTRY_MIN or (len(top) > 1 and top[1][1] == top[0][1]):
            return None
        return top[0][0]

    def _present(self, ids: Iterable[str]) -> list[str]:
        return [i for i in ids if i in self.total]

    @cached_property
    def organisations(self) -> list[str]:
        """The organisations named directly here, in order of first mention."""
        actors = self.view.kb.actors
        return [ref for ref in self.total if (a := actors.get(ref)) is not None and a.type == "organization"]

    @cached_property
    def surfaces(self) -> dict[str, set[str]]:
        """Per entity named directly here: the forms it is named by."""
        out: dict[str, set[str]] = {}
        for n in self.direct:
            out.setdefault(str(n.ref), set()).add(self.view.text[n.start:n.end])
        return out

    def _fits(self, organisation: str, heads: frozenset[str], categories: frozenset[str]) -> bool:
        return (self.view.kb.actors[organisation].category in categories
                or bool(self.heads(organisation) & heads))

    def heads(self, ref: str) -> set[str]:
        """Head nouns of the entity's KB name and of its surface forms here."""
        if ref not in self._heads:
            actor = self.view.kb.actors.get(ref)
            names = [key(actor.name)] if actor is not None else []
            self._heads[ref] = {head_word(x) for x in [*names, *self.surfaces.get(ref, ())]}
        return self._heads[ref]


def resolve_generics(view: DocView, names: list[NameHit]) -> list[Found]:
    """Coreference mentions for the generic hits among ``names`` (in text order)."""
    if all(n.ref is not None for n in names):
        return []
    return Resolver(view, names).run(names)


def surname_mentions(view: DocView, people: dict[str, list[str]], found: list[Found]) -> list[Found]:
    """Mentions of a person by the last part of a name, after the person's first mention.

    ``people`` maps an entity ref to its folded full names (two words or more).
    """
    surnames = _surnames(view, people)
    hits = _surname_hits(view, surnames) if surnames else []
    if not hits:
        return []
    first: dict[str, int] = {}           # where each entity is first named
    for f in found:
        if f.start < first.get(f.ref, f.start + 1):
            first[f.ref] = f.start
    taken = Taken(len(view.text), ((f.start, f.end) for f in found))
    out: list[Found] = []
    for start, end, ref in hits:
        if start > first.get(ref, len(view.text)) and taken.free(start, end):
            out.append(Found(start, end, ref, "coref"))
            taken.take(start, end)
    return out


def _surnames(view: DocView, people: dict[str, list[str]]) -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    lex = view.lex
    for ref, names in people.items():
        for name in names:
            words = name.split()
            if len(words) < 2:
                continue
            last = " ".join(words[-2:]) if words[-2] in lex.particles else words[-1]
            if last not in lex.stop_words and len(last) > 2:
                owners.setdefault(last, set()).add(ref)
    return {s: next(iter(refs)) for s, refs in owners.items() if len(refs) == 1}


def _surname_hits(view: DocView, surnames: dict[str, str]) -> list[tuple[int, int, str]]:
    """``(start, end, ref)`` of every surname occurrence, a proclitic allowed before it."""
    clitics = view.lex.clitics
    allowed = clitics.before_plain | clitics.before_definite
    hits = [(s, e, ref) for name, ref in surnames.items() for s, e in view.occurrences(name, allowed)]
    return sorted(hits)
