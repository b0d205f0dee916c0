"""Reading the shipped knowledge base and user overlays (``--kb extra.yaml``).

The shipped data lives in ``kb/data``: ``actors.yaml``, ``places.yaml`` (curated),
``gazetteer.json`` (built from GeoNames by :mod:`marsad.kb.build_gazetteer`),
``variants.yaml`` and ``countries.yaml``.  An overlay is a YAML file with the
top-level keys ``actors:`` and/or ``places:``; an entry whose id exists updates
only the fields it sets (``aliases_add:`` / ``generic_add:`` append), a new id adds
an entry.  Curated places win over gazetteer ones with the same ``geonames_id``
or the same name in the same country (within :data:`SAME_PLACE_DEG` degrees).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from marsad._yaml import safe_load
from marsad.errors import MarsadError
from marsad.kb.base import KnowledgeBase
from marsad.kb.model import Actor, Place
from marsad.kb.validate import alias_key, check_all

DATA = Path(__file__).parent / "data"
SECTIONS = ("actors", "places")
APPEND_FIELDS = {"aliases_add": "aliases", "generic_add": "generic"}
SAME_PLACE_DEG = 0.5


@dataclass(slots=True)
class RawKB:
    """Entries as plain dicts, with the file each came from (for messages)."""

    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    places: dict[str, dict[str, Any]] = field(default_factory=dict)
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def section(self, name: str) -> dict[str, dict[str, Any]]:
        return self.actors if name == "actors" else self.places


def read_data(path: Path) -> Any:
    """A YAML or JSON file's content (raises ``OSError`` / ``ValueError``)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return safe_load(text)


def add_entries(raw: RawKB, section: str, items: Any, label: str) -> None:
    """Add a list of new entries; a repeated id is a problem."""
    if not isinstance(items, list):
        raw.problems.append(f"{label}: {section}: must be a list of entries")
        return
    entries = raw.section(section)
    for i, item in enumerate(items):
        entry_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(entry_id, str):
            raw.problems.append(f"{label}: {section}[#{i}]: an entry needs a string `id`")
        elif entry_id in entries:
            raw.problems.append(f"{label}: {section}[{entry_id}]: duplicate id "
                                f"(first in {raw.origins[(section, entry_id)]})")
        else:
            entries[entry_id] = dict(item)
            raw.origins[(section, entry_id)] = label


def read_base(data: Path = DATA) -> RawKB:
    """The shipped actors and places, gazetteer merged under the curated places."""
    raw = RawKB()
    add_entries(raw, "actors", read_data(data / "actors.yaml"), "actors.yaml")
    add_entries(raw, "places", read_data(data / "places.yaml"), "places.yaml")
    gazetteer = data / "gazetteer.json"
    if gazetteer.exists():
        kept = drop_curated(raw.places, read_data(gazetteer)["places"])
        add_entries(raw, "places", kept, "gazetteer.json")
    return raw


def drop_curated(curated: dict[str, dict[str, Any]], gazetteer: list[dict[str, Any]]) -> list[dict]:
    """Gazetteer entries that no curated place already covers.

    An entry kept although a curated place elsewhere has one of its names (Pirmam's
    Arabic name is also a governorate's) is marked ``ambiguous``.
    """
    gids = {p.get("geonames_id") for p in curated.values()} - {None}
    by_name: dict[str, list[tuple[str, float, float]]] = {}
    for p in curated.values():
        for name in [p.get("name"), *(p.get("aliases") or [])]:
            if isinstance(name, str):
                by_name.setdefault(alias_key(name), []).append((p.get("country"), p["lat"], p["lon"]))
    kept = []
    for g in gazetteer:
        same = [hit for n in [g["name"], *g.get("aliases", [])] for hit in by_name.get(alias_key(n), ())]
        near = any(cc == g["country"] and abs(lat - g["lat"]) <= SAME_PLACE_DEG
                   and abs(lon - g["lon"]) <= SAME_PLACE_DEG for cc, lat, lon in same)
        if g.get("geonames_id") in gids or near:
            continue
        kept.append({**g, "ambiguous": True} if same else g)
    return kept


def apply_overlay(raw: RawKB, path: Path) -> None:
    """Merge one user overlay into ``raw`` (raises ``MarsadError`` if it cannot be read)."""
    label = str(path)
    try:
        doc = read_data(path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise MarsadError("E_USAGE", f"{label}: cannot read knowledge-base overlay: {exc}") from exc
    if doc is None:
        return
    if not isinstance(doc, dict) or set(doc) - set(SECTIONS):
        raise MarsadError("E_USAGE", f"{label}: an overlay is a mapping with only the keys "
                                     f"{', '.join(SECTIONS)}")
    for section in SECTIONS:
        items = doc.get(section) or []
        if not isinstance(items, list):
            raise MarsadError("E_USAGE", f"{label}: {section}: must be a list of entries")
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                raise MarsadError("E_USAGE", f"{label}: {section}[#{i}]: an entry needs a string `id`")
            merge_entry(raw, section, item, label)


def merge_entry(raw: RawKB, section: str, item: dict[str, Any], label: str) -> None:
    """Update an existing entry with the fields ``item`` sets, or add it as new."""
    entries = raw.section(section)
    entry = entries.setdefault(item["id"], {})
    for key, value in item.items():
        if key in APPEND_FIELDS:
            target = APPEND_FIELDS[key]
            added = value if isinstance(value, list) else [value]
            entry[target] = list(entry.get(target) or []) + [v for v in added
                                                              if v not in (entry.get(target) or [])]
        else:
            entry[key] = value
    if entry.get("source") == "gazetteer":
        entry["source"] = "curated"
    raw.origins[(section, item["id"])] = label


def build(raw: RawKB, pairs: tuple[tuple[str, str], ...], countries: dict[str, dict]) -> KnowledgeBase:
    """Turn checked raw entries into a :class:`KnowledgeBase`."""
    actors = {i: make_actor(e) for i, e in sorted(raw.actors.items())}
    places = {i: make_place(e) for i, e in sorted(raw.places.items())}
    return KnowledgeBase(actors, places, pairs, countries)


def make_actor(e: dict[str, Any]) -> Actor:
    tuples = {k: tuple(e.get(k) or ()) for k in ("aliases", "generic", "ambiguous")}
    plain = {k: v for k, v in e.items() if k not in tuples}
    return Actor(**plain, **tuples)


def make_place(e: dict[str, Any]) -> Place:
    fields = {k: v for k, v in e.items() if k != "aliases"}
    fields["lat"], fields["lon"] = float(e["lat"]), float(e["lon"])
    return Place(**fields, aliases=tuple(e.get("aliases") or ()))


@lru_cache(maxsize=1)
def variant_pairs() -> tuple[tuple[str, str], ...]:
    """The substitution pairs of ``variants.yaml``."""
    return tuple((str(a), str(b)) for a, b in read_data(DATA / "variants.yaml")["pairs"])


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """ISO code -> {name, name_en, bbox [south, west, north, east]} from ``countries.yaml``."""
    return dict(read_data(DATA / "countries.yaml"))


def collect(extra: Sequence[Path] = ()) -> RawKB:
    """Shipped data plus overlays, with every problem found (nothing raised for data problems)."""
    raw = read_base()
    for path in extra:
        apply_overlay(raw, Path(path))
    raw.problems += check_all(raw.actors, raw.places, countries(), raw.origins)
    return raw


def check_kb(extra: Sequence[Path] = ()) -> list[str]:
    """Every problem of the shipped knowledge base plus ``extra`` overlays (empty when valid)."""
    return collect(extra).problems


def load_kb(extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The knowledge base, with ``extra`` overlays applied in order (cached per list of files).

    Raises ``MarsadError("E_USAGE")`` when an overlay is unreadable or makes the
    knowledge base invalid; the message lists each problem with file, id and field.
    """
    return _load(tuple(Path(p).resolve() for p in extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> KnowledgeBase:
    raw = collect(extra)
    if raw.problems:
        head = "\n  ".join(raw.problems[:40])
        more = f"\n  ... and {len(raw.problems) - 40} more" if len(raw.problems) > 40 else ""
        count = len(raw.problems)
        raise MarsadError("E_USAGE", f"invalid knowledge base ({count} problems):\n  {head}{more}")
    return build(raw, variant_pairs(), countries())
