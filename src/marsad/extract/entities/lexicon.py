"""The entity stage's language data, read once from ``kb/data`` and folded for lookup.

``titles.yaml`` (ranks, role heads, name parts), ``coref.yaml`` (generic nouns,
institutions, nationality adjectives) and ``place_cues.yaml`` (cue words and
blockers around place names); the clitic forms come from the Arabic tables
(``kb/data/arabic/clitics.yaml``) that :mod:`marsad.arabic` reads too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "kb" / "data"
DEFINITE = "ال"


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The folded lookup form of ``text`` (the same folding the matcher sees)."""
    from marsad.arabic import fold

    return " ".join(fold(text).split())


def _read(name: str) -> dict[str, Any]:
    from marsad._yaml import safe_load

    with (DATA / name).open(encoding="utf-8") as fh:
        return safe_load(fh) or {}


def _keys(items: Any) -> frozenset[str]:
    return frozenset(key(str(x)) for x in items or ())


@dataclass(frozen=True, slots=True)
class GenericRule:
    """A generic noun and the antecedents it may take (see ``coref.yaml``)."""

    forms: tuple[str, ...]
    heads: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Institution:
    """A state body named by head noun + nationality adjective."""

    heads: tuple[str, ...]
    bare: tuple[str, ...]
    actors: dict[str, str]


@dataclass(frozen=True, slots=True)
class Clitics:
    """Letters allowed before a matched name, by how the name begins."""

    before_definite: frozenset[str]   # before a name with the article: ب، و، وب ...
    before_lam: frozenset[str]        # before "ل" + name without its alef (للتحالف)
    before_plain: frozenset[str]      # before a name without the article
    enclitics: frozenset[str]         # pronoun suffixes after an indefinite name


@dataclass(frozen=True, slots=True)
class Lexicon:
    ranks: frozenset[str]
    introducers: frozenset[str]
    roles: frozenset[str]
    connectors: frozenset[str]
    particles: frozenset[str]
    given_names: frozenset[str]
    stop_words: frozenset[str]
    not_names: frozenset[str]
    generic: tuple[GenericRule, ...]
    institutions: tuple[Institution, ...]
    nationalities: dict[str, str]          # folded adjective form -> country code
    cues: dict[str, tuple[str, ...]]       # folded cue word -> place kinds
    blockers: frozenset[str]
    after_blockers: frozenset[str]
    common_words: frozenset[str]
    adjective_like: frozenset[str]
    place_particles: frozenset[str]
    not_place_names: frozenset[str]
    directions: frozenset[str]
    region_words: frozenset[str]
    default_kinds: tuple[str, ...]
    clitics: Clitics


def adjective_forms(stem: str) -> list[str]:
    """Masculine, feminine, and their definite forms of a nationality adjective."""
    forms = [stem, stem + "ة"]
    return forms + [DEFINITE + f for f in forms]


def _generic(items: Any) -> tuple[GenericRule, ...]:
    return tuple(GenericRule(tuple(r["forms"]), _keys(r.get("heads")),
                             frozenset(r.get("categories") or ()), tuple(r.get("ids") or ()))
                 for r in items or ())


def _institutions(items: Any) -> tuple[Institution, ...]:
    return tuple(Institution(tuple(r["heads"]), tuple(r.get("bare") or ()), dict(r.get("actors") or {}))
                 for r in items or ())


def _nationalities(table: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for country, stems in (table or {}).items():
        for stem in stems:
            for form in adjective_forms(stem):
                out[key(form)] = country
    return out


def _clitics() -> Clitics:
    from marsad.arabic._data import table

    t = table("clitics")
    definite, lam, plain = {""}, set(), {""}
    for p in t["proclitics"]:
        form = key(p["form"])
        if "س" in form:            # future prefix of verbs: never before a name
            continue
        if p.get("al") and form.endswith("لل"):
            lam.add(form[:-1])
        elif p.get("al") and form.endswith(DEFINITE) and form != DEFINITE:
            definite.add(form[:-2])
        elif not p.get("al"):
            plain.add(form)
    encl = frozenset(key(e["form"]) for e in t["enclitics"])
    return Clitics(frozenset(definite), frozenset(lam), frozenset(plain), encl)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The folded language data of the entity stage (read on first use, then cached)."""
    titles, coref, places = _read("titles.yaml"), _read("coref.yaml"), _read("place_cues.yaml")
    return Lexicon(
        ranks=_keys(titles.get("ranks")),
        introducers=_keys(titles.get("introducers")),
        roles=_keys(titles.get("roles")),
        connectors=_keys(titles.get("connectors")),
        particles=_keys(titles.get("particles")),
        given_names=_keys(titles.get("given_names")),
        stop_words=_keys(titles.get("stop_words")),
        not_names=_keys(titles.get("not_names")),
        generic=_generic(coref.get("generic")),
        institutions=_institutions(coref.get("institutions")),
        nationalities=_nationalities(coref.get("nationalities")),
        cues={key(k): tuple(v) for k, v in (places.get("cues") or {}).items()},
        blockers=_keys(places.get("blockers")),
        after_blockers=_keys(places.get("after_blockers")),
        common_words=_keys(places.get("common_words")),
        adjective_like=_keys(places.get("adjective_like")),
        place_particles=_keys(places.get("name_particles")),
        not_place_names=_keys(places.get("not_names")),
        directions=_keys(places.get("directions")),
        region_words=_keys(places.get("region_words")),
        default_kinds=tuple(places.get("default_kinds") or ()),
        clitics=_clitics(),
    )
