"""One Aho–Corasick automaton per knowledge base over folded keys, with clitic-aware word boundaries.

Every surface form the stage looks for is a key: actor and place names with their
spelling variants (``kb.all_names()``), actors' generic forms, the generic nouns,
institutions ("وزارة الدفاع" + a nationality adjective), role heads and ranks.
The automaton runs over the normalised text (``marsad.arabic.normalize``); a hit
counts only at word boundaries, where the letters before it form a proclitic
(و ف ب ل ك and their combinations) and the letters after it, for a name without
the article, an enclitic pronoun ("قواتها").

Names that begin with the article also get a key without its alef ("لتحالف"), valid
only after ل/ول/فل: so "للتحالف" matches and its span starts at the article's lam.
Otherwise a span starts after the proclitic letters ("بالرقة" -> "الرقة").

Quotation marks between the words of a name are transparent: the automaton sees
a run of spaces and quotes as one separator, so ``قوات "سوريا الديمقراطية"`` is the
SDF (the span keeps the original offsets, quotes inside included).

Outlet names of the registry (``marsad.ingest.load_outlets``) are keys of kind
"outlet": places named inside them are no place mentions ("روسيا اليوم").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from marsad.extract.base import find_all
from marsad.extract.entities.lexicon import DEFINITE, Lexicon, key, lexicon
from marsad.extract.entities.view import MARK, bare_table, mark
from marsad.kb.model import Place

if TYPE_CHECKING:
    from marsad.kb import KnowledgeBase

MIN_KEY = 2
_QUOTES = "\"'«»“”‘’„‹›"
_RUN = " \t" + _QUOTES                # a run of these holding a quotation mark is one separator
NAME_KINDS = ("actor", "place", "generic", "kb_generic", "bare")
TITLE_KINDS = ("role", "rank", "intro")
GENERIC_KINDS = ("generic", "kb_generic", "bare")


@dataclass(frozen=True, slots=True)
class Target:
    """What a key stands for: ``kind`` (see NAME_KINDS, TITLE_KINDS) and a reference."""

    kind: str
    ref: str
    lam: bool = False          # the "ل" + name-without-alef key of a definite name
    definite: bool = False     # the key begins with the article


Confirms = tuple[str, str | None, tuple[str, str] | None]   # entry id, country, (country, admin1)


@dataclass(slots=True, eq=False)
class Meaning:
    """What a key stands for, with the views of its targets the finders ask for.

    Built once per key (:func:`meaning`) and shared by every hit of it.
    """

    targets: tuple[Target, ...]
    kinds: frozenset[str]
    actors: tuple[str, ...]        # refs of the actor targets
    places: tuple[str, ...]        # refs of the place targets
    generic: tuple[Target, ...]    # the generic targets (GENERIC_KINDS)
    name: bool                     # some target is of NAME_KINDS
    title: bool                    # some target is of TITLE_KINDS
    indefinite: Meaning | None     # the targets allowed with an enclitic (none definite), if any
    common: bool | None            # a one-word key listed as a common word; None: several words
    # where the key means one actor or place, not ambiguous: its id, country and curated
    # (country, admin1), what a hit tells about the document (``names.context``)
    confirms: Confirms | None


def meaning(targets: tuple[Target, ...], kb: KnowledgeBase, common: bool | None = None) -> Meaning:
    """The :class:`Meaning` of ``targets`` (``common``: see :attr:`Meaning.common`)."""
    kinds = frozenset(t.kind for t in targets)
    plain = tuple(t for t in targets if not t.definite)
    indefinite = None if not plain else meaning(plain, kb, common) if len(plain) < len(targets) else None
    m = Meaning(targets, kinds, tuple(t.ref for t in targets if t.kind == "actor"),
                tuple(t.ref for t in targets if t.kind == "place"),
                tuple(t for t in targets if t.kind in GENERIC_KINDS),
                not kinds.isdisjoint(NAME_KINDS), not kinds.isdisjoint(TITLE_KINDS), indefinite, common,
                _confirms(targets, kb))
    if plain == targets:
        m.indefinite = m
    return m


def _confirms(targets: tuple[Target, ...], kb: KnowledgeBase) -> Confirms | None:
    if len(targets) != 1 or targets[0].kind not in ("actor", "place"):
        return None
    entry = kb.get(targets[0].ref)
    if entry is None or getattr(entry, "ambiguous", False) is True:
        return None
    curated = isinstance(entry, Place) and entry.admin1 and entry.source == "curated"
    return entry.id, entry.country, (entry.country or "", entry.admin1) if curated else None


class Hit(NamedTuple):
    """A key found at word boundaries: ``[start, end)`` in the normalised text.

    A tuple: :meth:`Matcher.find` makes a hundred and more per document, with ``_hit``.
    """

    start: int
    end: int
    meaning: Meaning

    @property
    def targets(self) -> tuple[Target, ...]:
        return self.meaning.targets

    @property
    def kinds(self) -> frozenset[str]:
        return self.meaning.kinds

    def __len__(self) -> int:
        return self.end - self.start

    def of_kind(self, *kinds: str) -> tuple[Target, ...]:
        return tuple(t for t in self.meaning.targets if t.kind in kinds)

    def has(self, kinds: frozenset[str]) -> bool:
        return not self.meaning.kinds.isdisjoint(kinds)


_hit = partial(tuple.__new__, Hit)      # Hit from a tuple, without the Python-level __new__


class Matcher:
    """Built once per knowledge base (:func:`matcher_for`); :meth:`find` per document.

    The automaton runs over a marked copy of the text in which every character
    that is not a letter or digit becomes :data:`MARK` (offsets unchanged) and a
    MARK is put in front; each key is stored once per proclitic it may take,
    as MARK + proclitic + key.  So a key can only be found where a word begins,
    and the proclitic rules cost nothing per document.
    """

    def __init__(self, kb: KnowledgeBase, lex: Lexicon) -> None:
        import ahocorasick

        self.lex = lex
        c = lex.clitics
        prefixes = {(True, True): c.before_lam, (False, True): c.before_definite,
                    (False, False): c.before_plain}
        variants: dict[str, list[tuple[int, Meaning]]] = defaultdict(list)
        self.institutions = institution_actors(kb, lex)
        table = self.table = _keys(kb, lex, self.institutions)
        common_words = bare_table(lex.common_words, c.before_plain)
        for k, targets in table.items():
            marked = mark(k)
            # a hit of a one-word key is the key itself: whether it is a common word is known now
            common = None if marked != k else k in common_words
            if len(targets) == 1:           # most keys: one meaning for every proclitic allowed
                t = targets[0]
                entry = (len(k), meaning((t,), kb, common))
                for p in prefixes[(t.lam, t.definite)]:
                    variants[MARK + p + marked].append(entry)
                continue
            by_prefix: dict[str, list[int]] = defaultdict(list)     # proclitic -> targets it may take
            for i, t in enumerate(targets):
                for p in prefixes[(t.lam, t.definite)]:
                    by_prefix[p].append(i)
            made: dict[tuple[int, ...], Meaning] = {}      # proclitics taking the same targets share one
            for p, taken in by_prefix.items():
                group = tuple(taken)
                m = made.get(group)
                if m is None:
                    m = made[group] = meaning(tuple(targets[i] for i in group), kb, common)
                variants[MARK + p + marked].append((len(k), m))
        self.automaton: Any = ahocorasick.Automaton()
        for v in sorted(variants):          # sorted: trie nodes laid out along their paths
            self.automaton.add_word(v, tuple(variants[v]))
        self.automaton.make_automaton()
        self.size = len(table)
        self.memo: dict[Any, Any] = {}      # answers that depend on the KB alone, kept across documents

    def find(self, text: str, original_char: Any = None, marked: str | None = None) -> list[Hit]:
        """Every boundary-valid hit in normalised ``text``, overlapping ones included, in order of their ends.

        ``original_char(i)`` gives the original character behind normalised offset
        ``i`` (to tell an enclitic ``ه`` from a folded ``ة``); ``marked`` is
        :func:`~.view.mark` of ``text`` where the caller has it.
        """
        hits: list[Hit] = []
        append = hits.append
        n = len(text)
        runs = _quote_runs(text)
        if marked is None:
            marked = mark(text)
        if runs:
            return self._find_squeezed(text, original_char, marked, runs)
        # ``marked`` has a MARK in front: its offset ``end`` is ``text``'s offset after the key
        for end, entries in self.automaton.iter(MARK + marked):
            if end < n and marked[end] != MARK:          # letters follow: an enclitic at most
                if not self._enclitic(text, marked, end, original_char):
                    continue
                for size, m in entries:
                    if m.indefinite is not None:
                        append(_hit((end - size, end, m.indefinite)))
            else:
                for size, m in entries:
                    append(_hit((end - size, end, m)))
        return hits

    def _find_squeezed(self, text: str, original_char: Any, marked: str,
                       runs: list[tuple[int, int]]) -> list[Hit]:
        """:meth:`find` where runs of spaces and quotation marks stand between words."""
        hits: list[Hit] = []
        append, make = hits.append, _hit
        n = len(text)
        squeezed, cuts, shift = _squeeze(marked, runs)
        # squeezed offset i is offset i + shift[bisect_left(cuts, i)] of ``text``; keys come
        # in order of their ends, so the cut after the last letter is found by walking on
        # (``before``: the cut before it; ``moved``: shift[k])
        k, after, before, moved = 0, cuts[0], -1, 0
        for end, entries in self.automaton.iter(MARK + squeezed):
            if after < end - 1:
                while after < end - 1:
                    k += 1
                    after = cuts[k] if k < len(cuts) else n
                before, moved = cuts[k - 1], shift[k]
            last = end + moved          # after the key's last letter, in ``text``
            if last < n and marked[last] != MARK:
                if not self._enclitic(text, marked, last, original_char):
                    continue
                for size, m in entries:
                    if m.indefinite is not None:
                        i = end - size
                        append(make((i + (moved if i > before else shift[bisect_left(cuts, i)]), last,
                                     m.indefinite)))
            else:
                for size, m in entries:
                    i = end - size
                    append(make((i + (moved if i > before else shift[bisect_left(cuts, i)]), last, m)))
        return hits

    def _enclitic(self, text: str, marked: str, end: int, original_char: Any) -> bool:
        """The letters after a key ending at ``end`` are an enclitic (allowed after indefinite names).

        ``marked``: :func:`~.view.mark` of ``text`` (the word goes on to its next MARK).
        """
        stop = marked.find(MARK, end)
        suffix = text[end:stop] if stop >= 0 else text[end:]
        if suffix not in self.lex.clitics.enclitics:
            return False
        return not (suffix == "ه" and original_char is not None and original_char(end) == "ة")


def _quote_runs(text: str) -> list[tuple[int, int]]:
    """Runs of two or more spaces and quotation marks (one quotation mark at least) between words."""
    runs = []
    n, end = len(text), 0
    for s in find_all(text, _QUOTES):
        if s < end:                  # in the run of an earlier mark
            continue
        end = s + 1
        while s > 0 and text[s - 1] in _RUN:
            s -= 1
        while end < n and text[end] in _RUN:
            end += 1
        if s > 0 and end < n and end - s > 1:
            runs.append((s, end))
    return runs


def _squeeze(text: str, runs: list[tuple[int, int]]) -> tuple[str, list[int], list[int]]:
    """``text`` with each of ``runs`` (see :func:`_quote_runs`) made one MARK.

    Returns the squeezed text, the squeezed offsets of the marks that replaced a run
    (``cuts``), and the characters dropped before each (``shift``: 0, then the count up
    to and including each run): squeezed offset ``i`` is ``i + shift[bisect_left(cuts, i)]``
    in ``text``.
    """
    cuts: list[int] = []
    shift = [0]
    parts, last = [], 0
    for s, e in runs:
        parts.append(text[last:s] + MARK)
        cuts.append(s - shift[-1])
        shift.append(shift[-1] + e - s - 1)
        last = e
    parts.append(text[last:])
    return "".join(parts), cuts, shift


def _add(table: dict[str, list[Target]], form: str, kind: str, ref: str) -> None:
    k = key(form)
    if len(k) < MIN_KEY:
        return
    definite = k.startswith(DEFINITE) and len(k) > 3
    target = Target(kind, ref, definite=definite)
    if target not in table[k]:
        table[k].append(target)
    if definite:
        lam_key = "ل" + k[2:]
        lam = Target(kind, ref, lam=True, definite=True)
        if lam not in table[lam_key]:
            table[lam_key].append(lam)


def _keys(kb: KnowledgeBase, lex: Lexicon, institutions: list[dict[str, str]]) -> dict[str, list[Target]]:
    table: dict[str, list[Target]] = defaultdict(list)
    for form, kind, entry_id in kb.all_names():
        _add(table, form, kind, entry_id)
    for form, actor_id in kb.generic_names():
        _add(table, form, "kb_generic", actor_id)
    for i, rule in enumerate(lex.generic):
        for form in rule.forms:
            _add(table, form, "generic", str(i))
    _institution_keys(table, lex, institutions)
    for form in lex.roles:
        _add(table, form, "role", form)
    for form in lex.ranks:
        _add(table, form, "rank", form)
    for form in lex.introducers:
        _add(table, form, "intro", form)
    for form in lex.cues:
        _add(table, form, "cue", form)
    for form in outlet_names():
        _add(table, form, "outlet", form)
    return table


def outlet_names() -> list[str]:
    """Arabic names of the registry's outlets of two words or more ("روسيا اليوم" of RT)."""
    from marsad.ingest.outlets import load_outlets

    out = []
    for outlet in load_outlets():
        for name in re.split(r"[()]", outlet.name_ar or ""):
            if len(name.split()) > 1:
                out.append(name.strip())
    return out


def institution_actors(kb: KnowledgeBase, lex: Lexicon) -> list[dict[str, str]]:
    """Per institution of ``coref.yaml``: country -> actor id.

    The ids listed in ``coref.yaml`` come first; other countries are filled from
    the KB's organisations named by the institution's first head ("وزارة الخارجية
    ...") when exactly one per country is.
    """
    out = []
    organisations = [(a, [key(n) for n in a.names]) for a in kb.actors.values()
                     if a.type == "organization" and a.country]
    for inst in lex.institutions:
        found: dict[str, set[str]] = defaultdict(set)
        head = key(inst.heads[0]) + " "
        for a, names in organisations:
            if any(n.startswith(head) for n in names):
                found[a.country].add(a.id)
        actors = {c: next(iter(ids)) for c, ids in found.items() if len(ids) == 1}
        actors.update({c: i for c, i in inst.actors.items() if i in kb.actors})
        out.append(actors)
    return out


def _institution_keys(table: dict[str, list[Target]], lex: Lexicon,
                      institutions: list[dict[str, str]]) -> None:
    by_country: dict[str, list[str]] = defaultdict(list)
    for form, country in lex.nationalities.items():
        by_country[country].append(form)
    for i, (inst, actors) in enumerate(zip(lex.institutions, institutions, strict=True)):
        for head in inst.heads:
            definite = head.split()[-1].startswith(DEFINITE)
            feminine = _feminine(key(head).split()[0])
            for country, actor_id in actors.items():
                for adj in by_country.get(country, ()):
                    if adj.startswith(DEFINITE) == definite and adj.endswith("ه") == feminine:
                        _add(table, f"{head} {adj}", "actor", actor_id)
        for form in inst.bare:
            _add(table, form, "bare", str(i))


def _feminine(word: str) -> bool:
    """The adjective agrees with the head's first word: feminine (ة) or plural of things (ات)."""
    return word.endswith(("ه", "ات"))


_CACHE: dict[int, tuple[Any, Matcher]] = {}


def matcher_for(kb: KnowledgeBase) -> Matcher:
    """The matcher of ``kb``, built on first use and kept for the life of the process."""
    entry = _CACHE.get(id(kb))
    if entry is None or entry[0] is not kb:
        entry = (kb, Matcher(kb, lexicon()))
        _CACHE[id(kb)] = entry
    return entry[1]
