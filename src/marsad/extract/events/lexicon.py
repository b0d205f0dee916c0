"""The event lexicons (``kb/data/events.yaml``, ``victims.yaml``, ``modality.yaml``, ``claims.yaml``),
loaded once and compiled into phrase tables keyed by folded words.

A :class:`Phrases` table maps a multi-word phrase to a payload; lookups go word by word over the
clitic-stripped stems of :mod:`marsad.extract.events.words`, so no raw substring matching happens.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad._yaml import safe_load

DATA = Path(__file__).resolve().parents[2] / "kb" / "data"

# Perfect and imperfect endings added to a verb given in the 3rd person masculine perfect.
_PERFECT = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم")
_IMPERFECT_PREFIX = ("ي", "ت", "ن")
_IMPERFECT_SUFFIX = ("", "ون", "ان", "ن")


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """The lookup key of a word or phrase: the team's Arabic folding (marsad.arabic)."""
    try:
        from marsad.arabic import fold as arabic_fold
    except ImportError:  # pragma: no cover - the Arabic layer is part of the package
        return word
    return arabic_fold(word).strip()


def verb_forms(verb: str, imperfect: bool = True) -> dict[str, str]:
    """Inflected forms of ``verb`` (3ms perfect) mapped to their aspect, perfect or imperfect."""
    forms = {verb + end: "perfect" for end in _PERFECT}
    if imperfect:
        stem = verb[1:] if verb[0] in "اأإ" else verb
        for pre in _IMPERFECT_PREFIX:
            for end in _IMPERFECT_SUFFIX:
                forms.setdefault(pre + stem + end, "imperfect")
    return forms


@dataclass(eq=False)
class Phrases:
    """Phrases (tuples of folded words) with payloads, indexed by their first word (a table is equal
    only to itself, and hashed so: documents key their look-ups by it)."""

    index: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)

    def add(self, phrase: str, payload: Any) -> None:
        words = tuple(fold(w) for w in phrase.split())
        if words:
            bucket = self.index.setdefault(words[0], [])
            bucket.append((words[1:], payload))
            bucket.sort(key=lambda item: -len(item[0]))

    def extend(self, phrases: Iterable[str], payload: Any) -> None:
        for p in phrases:
            self.add(p, payload)


@dataclass(frozen=True)
class Trigger:
    """One trigger entry of events.yaml."""

    id: str
    event_type: str
    sub_event_type: str
    refine: tuple[str, ...] = ()
    territory: bool = False
    state: bool = False
    weak: bool = False
    absorbable: bool = False
    needs_place: bool = False
    needs_context: tuple[str, ...] = ()
    priority: int = 0
    generic_plural: bool = False
    loose: bool = False
    place_instead_of_context: bool = False
    part_of_attack: bool = False


@dataclass(frozen=True)
class TriggerForm:
    """A matched form: its trigger entry, aspect (masdar, perfect, imperfect) and number."""

    trigger: Trigger
    aspect: str
    plural: bool


@dataclass
class Lexicon:
    """Everything the events and claims stages read from the data files."""

    triggers: Phrases
    context: Phrases                      # payload: (group, strength)
    context_types: dict[str, tuple[str, str]]
    window: int
    nouns: Phrases                        # payload: dict (group, kind, dual, subject)
    cues: Phrases                         # payload: count kind
    words: dict[str, Phrases]             # named word lists (modality, frames, actor roles ...)
    events: dict[str, Any]
    victims: dict[str, Any]
    modality: dict[str, Any]
    claims: dict[str, Any]

    def __post_init__(self) -> None:
        self.phrases = self.words.__getitem__   # type: ignore[method-assign]  # a C-level look-up

    def phrases(self, name: str) -> Phrases:
        return self.words[name]


class Tables:
    """Named tables of the lexicon, each with what goes with it where it is read (its reach, whether it
    is read with deep stems, ...): :meth:`of` the lexicon gives them, looked up once per lexicon
    and always the same tuple, so that a document's look-ups can be keyed by it."""

    def __init__(self, *spec: tuple[str, Any]) -> None:
        self.spec = spec
        self._lexicon: Lexicon | None = None
        self._tables: tuple[tuple[Phrases, Any], ...] = ()

    def of(self, lex: Lexicon) -> tuple[tuple[Phrases, Any], ...]:
        if self._lexicon is not lex:
            self._lexicon, self._tables = lex, tuple((lex.phrases(name), extra) for name, extra in self.spec)
        return self._tables


def _read(name: str) -> dict[str, Any]:
    return safe_load((DATA / name).read_text("utf-8")) or {}


def _trigger_phrases(entries: list[dict[str, Any]]) -> Phrases:
    table = Phrases()
    for e in entries:
        trig = Trigger(
            id=e["id"], event_type=e["event_type"], sub_event_type=e["sub_event_type"],
            refine=tuple(e.get("refine", ())), territory=bool(e.get("territory")),
            state=bool(e.get("state")), weak=bool(e.get("weak")), absorbable=bool(e.get("absorbable")),
            needs_place=bool(e.get("needs_place")), needs_context=tuple(e.get("needs_context", ())),
            priority=int(e.get("priority", 0)), generic_plural=bool(e.get("generic_plural")),
            loose=bool(e.get("loose")), place_instead_of_context=bool(e.get("place_instead_of_context")),
            part_of_attack=bool(e.get("part_of_attack")),
        )
        plurals = {fold(p) for p in e.get("plurals", ())}
        for form in e.get("forms", ()):
            table.add(form, TriggerForm(trig, "masdar", fold(form) in plurals))
        for verb in e.get("verbs", ()):
            for form, aspect in verb_forms(fold(verb), e.get("imperfect", True)).items():
                table.add(form, TriggerForm(trig, aspect, False))
    return table


def _context(events: dict[str, Any]) -> tuple[Phrases, dict[str, tuple[str, str]]]:
    table, types = Phrases(), {}
    for group, spec in events.get("context", {}).items():
        table.extend(spec.get("strong", ()), (group, "strong"))
        table.extend(spec.get("weak", ()), (group, "weak"))
        if "event_type" in spec:
            types[group] = (spec["event_type"], spec["sub_event_type"])
    return table, types


def _word_lists(events: dict, victims: dict, modality: dict, claims: dict) -> dict[str, Phrases]:
    lists: dict[str, Iterable[str]] = {
        "anaphora": events.get("anaphora", ()),
        "clause_breaks": events.get("clause_breaks", ()),
        "subset": victims.get("subset_cues", ()),
        "non_person": victims.get("non_person_nouns", ()),
        "singular": victims.get("singular_nouns", ()),
        "more_than": victims.get("more_than", ()),
        "period": claims.get("period_cues", ()),
        "strong_period": claims.get("strong_period_cues", ()),
        "estimate": claims.get("estimate_cues", ()),
        "campaign": claims.get("campaign_nouns", ()),
        "background": events.get("background_cues", ()),
        "response": events.get("response_cues", ()),
        "same_day": events.get("same_day_cues", ()),
        "civilian_targets": events.get("civilian_victim_override", {}).get("targets", ()),
        "place_pronouns": events.get("place_pronouns", ()),
        "future_exceptions": events.get("future_prefix_exceptions", ()),
    }
    for key, values in events.get("actors", {}).items():
        lists[f"actor.{key}"] = values
    for mod in ("negated", "future", "hypothetical", "alleged"):
        for scope in ("before", "sentence", "involvement", "nonspecific"):
            lists[f"{mod}.{scope}"] = modality.get(mod, {}).get(scope, ())
    lists["condemnation"] = modality.get("condemnation", ())
    for key, values in modality.get("not_event", {}).items():
        lists[f"frame.{key}"] = values
    for key, values in modality.get("attribution", {}).items():
        lists[f"attr.{key}"] = values
    for key, values in claims.get("rate_cues", {}).items():
        lists[f"rate.{key}"] = values
    tables = {}
    for name, values in lists.items():
        table = Phrases()
        table.extend(values, name)
        tables[name] = table
    return tables


def _nouns(victims: dict[str, Any]) -> tuple[Phrases, Phrases]:
    nouns, cues = Phrases(), Phrases()
    for entry in victims.get("nouns", ()):
        info = {k: entry.get(k) for k in ("group", "kind", "dual", "subject", "weak_kind")}
        nouns.extend(entry["forms"], info)
    for kind, words in victims.get("cues", {}).items():
        cues.extend(words, kind)
    return nouns, cues


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled lexicon (read on first use, then cached)."""
    events, victims = _read("events.yaml"), _read("victims.yaml")
    modality, claims = _read("modality.yaml"), _read("claims.yaml")
    context, types = _context(events)
    nouns, cues = _nouns(victims)
    return Lexicon(
        triggers=_trigger_phrases(events.get("triggers", [])), context=context, context_types=types,
        window=int(events.get("window", 10)), nouns=nouns, cues=cues,
        words=_word_lists(events, victims, modality, claims),
        events=events, victims=victims, modality=modality, claims=claims,
    )
