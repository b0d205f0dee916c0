"""Quantity rules from ``quantities.yaml``, folded into word tuples (loaded once)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic._data import table
from marsad.arabic.normalize import fold_key

Phrase = tuple[str, ...]


def phrase(text: str) -> Phrase:
    """A table entry as a tuple of folded words."""
    return tuple(fold_key(text).split())


@dataclass(frozen=True, slots=True)
class QuantityRules:
    vague: dict[Phrase, tuple[int, int]]
    before: dict[str, list[tuple[Phrase, str]]]   # by first word, longest first
    after: dict[str, list[tuple[Phrase, str]]]
    prefixes: list[Phrase]
    connectors: frozenset[str]
    or_connectors: frozenset[str]
    need_prefix: frozenset[str]
    id_window: int
    id_cues: frozenset[str]
    not_counts: list[Phrase]
    not_count_firsts: frozenset[str]         # their first words
    year_range: tuple[int, int]
    starters: frozenset[str]                 # first words of vague phrases and range prefixes
    ordinal_markers: frozenset[str]
    year_followers: frozenset[str]


def _by_first(items: list[tuple[Phrase, str]]) -> dict[str, list[tuple[Phrase, str]]]:
    out: dict[str, list[tuple[Phrase, str]]] = {}
    for p, kind in sorted(items, key=lambda kv: len(kv[0]), reverse=True):
        out.setdefault(p[0], []).append((p, kind))
    return out


@lru_cache(maxsize=1)
def rules() -> QuantityRules:
    t = table("quantities")
    vague = {phrase(f): (int(v["low"]), int(v["high"])) for v in t["vague"] for f in v["forms"]}
    before = [(phrase(p), kind) for kind, spec in t["modifiers"].items() for p in spec.get("before") or []]
    after = [(phrase(p), kind) for kind, spec in t["modifiers"].items() for p in spec.get("after") or []]
    r = t["ranges"]
    prefixes = [phrase(p) for p in r["prefixes"]]
    return QuantityRules(
        vague=vague, before=_by_first(before), after=_by_first(after),
        prefixes=sorted(prefixes, key=len, reverse=True),
        starters=frozenset([p[0] for p in vague] + [p[0] for p in prefixes]),
        ordinal_markers=frozenset(fold_key(w) for w in t["ordinal_markers"]),
        connectors=frozenset(fold_key(c) for c in r["connectors"]),
        or_connectors=frozenset(fold_key(c) for c in r["or_connectors"]),
        need_prefix=frozenset(fold_key(c) for c in r["need_prefix"]),
        id_window=int(t["identifiers"]["window"]),
        id_cues=frozenset(fold_key(c) for c in t["identifiers"]["cues"]),
        not_counts=sorted((phrase(p) for p in t["not_counts"]), key=len, reverse=True),
        not_count_firsts=frozenset(phrase(p)[0] for p in t["not_counts"]),
        year_range=(int(t["years"]["range"][0]), int(t["years"]["range"][1])),
        year_followers=frozenset(fold_key(w) for w in t["years"]["followers"]),
    )


def modify(kind: str, low: int, high: int, approx: bool) -> tuple[int | None, int | None, bool]:
    """Apply a modifier kind (see quantities.yaml) to a number or a vague range."""
    vague = low != high
    if kind == "approx":
        return low, high, True
    if kind == "more_than":
        return (low if vague else low + 1), None, approx or vague
    if kind == "at_least":
        return low, None, approx or vague
    if kind == "less_than":
        return 1, (high if vague else max(1, high - 1)), True
    if kind == "at_most":
        return 1, high, True
    return low, high, approx
