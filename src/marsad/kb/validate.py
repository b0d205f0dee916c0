"""Checks on knowledge-base entries, with messages naming file, entry id and field.

Entries are checked as the plain dicts read from YAML/JSON (before they become
:class:`~marsad.kb.model.Actor` / :class:`~marsad.kb.model.Place`), so a wrong type
is reported instead of crashing.  Every check returns a list of problem strings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from marsad.kb.model import (
    ACTOR_CATEGORIES,
    ACTOR_FIELDS,
    ACTOR_TYPES,
    GENDERS,
    PLACE_FIELDS,
    PLACE_KINDS,
)

ID_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
TEXT_FIELDS = ("name", "name_en", "type", "category", "country", "parent", "affiliation", "role", "gender",
               "kind", "admin1", "source")
BBOX_MARGIN = 0.3  # degrees of slack around a country's rough bounding box

Entries = Mapping[str, dict[str, Any]]
Origins = Mapping[tuple[str, str], str]


def alias_key(name: str) -> str:
    """The lookup key used to detect aliases shared by two entries.

    Arabic normalisation's :func:`~marsad.arabic.fold_key` (diacritics, tatweel,
    alef/hamza forms, alef maqsura, ta marbuta...) plus case, hyphens and spacing:
    two aliases that a matcher could not tell apart get the same key.
    """
    from marsad.arabic import fold_key

    return " ".join(fold_key(name).casefold().replace("-", " ").split())


def where(origins: Origins, section: str, entry_id: str, fld: str | None = None) -> str:
    """``file: section[id].field`` for a message."""
    src = origins.get((section, entry_id), "?")
    return f"{src}: {section}[{entry_id}]" + (f".{fld}" if fld else "")


def check_fields(section: str, entry_id: str, entry: dict[str, Any], layout: dict[str, bool],
                 origins: Origins) -> list[str]:
    """Unknown fields, missing required fields, and the id's shape."""
    out = [f"{where(origins, section, entry_id, k)}: unknown field" for k in entry if k not in layout]
    out += [f"{where(origins, section, entry_id, k)}: required field missing or empty"
            for k, req in layout.items() if req and entry.get(k) in (None, "")]
    if not ID_RE.match(entry_id):
        out.append(f"{where(origins, section, entry_id, 'id')}: ids are lowercase ascii snake_case")
    out += [f"{where(origins, section, entry_id, k)}: must be text"
            for k in TEXT_FIELDS if k in entry and entry[k] is not None and not isinstance(entry[k], str)]
    return out


def _check_str_list(section: str, entry_id: str, entry: dict[str, Any], fld: str,
                    origins: Origins) -> list[str]:
    value = entry.get(fld)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return [f"{where(origins, section, entry_id, fld)}: must be a list of non-empty strings"]
    keys = [alias_key(v) for v in value]
    if fld == "aliases" and isinstance(entry.get("name"), str):
        keys.append(alias_key(entry["name"]))
    dup = sorted({v for v, k in zip(value, keys, strict=False) if keys.count(k) > 1})
    if not dup:
        return []
    return [f"{where(origins, section, entry_id, fld)}: {dup} repeat the name or an alias (folded)"]


def _check_enum(loc: str, value: Any, allowed: Iterable[str], nullable: bool = False) -> list[str]:
    if value is None and nullable:
        return []
    allowed = tuple(allowed)
    return [] if value in allowed else [f"{loc}: {value!r} not one of {', '.join(allowed)}"]


def _check_ref(loc: str, value: Any, known: Iterable[str] | Mapping[str, Any]) -> list[str]:
    if value is None:
        return []
    return [] if value in known else [f"{loc}: unknown id {value!r}"]


def check_actor(entry_id: str, a: dict[str, Any], actors: Entries, countries: Mapping[str, Any],
                origins: Origins) -> list[str]:
    """Problems of one actor entry."""
    w = lambda f: where(origins, "actors", entry_id, f)  # noqa: E731
    out = check_fields("actors", entry_id, a, ACTOR_FIELDS, origins)
    out += _check_enum(w("type"), a.get("type"), ACTOR_TYPES)
    out += _check_enum(w("category"), a.get("category"), ACTOR_CATEGORIES)
    out += _check_enum(w("gender"), a.get("gender"), GENDERS, nullable=True)
    out += _check_ref(w("country"), a.get("country"), countries)
    out += _check_ref(w("parent"), a.get("parent"), actors)
    out += _check_ref(w("affiliation"), a.get("affiliation"), actors)
    if a.get("parent") == entry_id:
        out.append(f"{w('parent')}: an actor cannot be its own parent")
    if a.get("type") != "person" and (a.get("gender") or a.get("affiliation")):
        out.append(f"{w('gender')}: gender/affiliation are for people only")
    for fld in ("aliases", "generic", "ambiguous"):
        out += _check_str_list("actors", entry_id, a, fld, origins)
    names = {alias_key(n) for n in [a.get("name"), *(a.get("aliases") or [])] if isinstance(n, str)}
    stray = [n for n in a.get("ambiguous") or [] if isinstance(n, str) and alias_key(n) not in names]
    if stray:
        out.append(f"{w('ambiguous')}: {stray} are not names or aliases of this actor")
    return out


def check_place(entry_id: str, p: dict[str, Any], places: Entries, countries: Mapping[str, Any],
                origins: Origins) -> list[str]:
    """Problems of one place entry (coordinates checked against the country's box)."""
    w = lambda f: where(origins, "places", entry_id, f)  # noqa: E731
    out = check_fields("places", entry_id, p, PLACE_FIELDS, origins)
    out += _check_enum(w("kind"), p.get("kind"), PLACE_KINDS)
    out += _check_ref(w("country"), p.get("country"), countries)
    out += _check_ref(w("parent"), p.get("parent"), places)
    if p.get("parent") == entry_id:
        out.append(f"{w('parent')}: a place cannot be its own parent")
    out += _check_str_list("places", entry_id, p, "aliases", origins)
    if not isinstance(p.get("ambiguous", False), bool):
        out.append(f"{w('ambiguous')}: must be true or false")
    gid = p.get("geonames_id")
    if gid is not None and (not isinstance(gid, int) or isinstance(gid, bool)):
        out.append(f"{w('geonames_id')}: must be an integer or null")
    return out + _check_coords(w, p, countries)


def _check_coords(w: Any, p: dict[str, Any], countries: Mapping[str, Any]) -> list[str]:
    lat, lon = p.get("lat"), p.get("lon")
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon)):
        return [f"{w('lat')}: lat and lon must be numbers"]
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return [f"{w('lat')}: ({lat}, {lon}) out of range"]
    box = (countries.get(p.get("country")) or {}).get("bbox")
    if not box:
        return []
    s, west, n, e = box
    m = BBOX_MARGIN
    if not (s - m <= lat <= n + m and west - m <= lon <= e + m):
        return [f"{w('lat')}: ({lat}, {lon}) outside the box of {p.get('country')} {box}"]
    return []


def check_cycles(section: str, entries: Entries, origins: Origins) -> list[str]:
    """Parent chains that loop back on themselves."""
    out = []
    for entry_id in entries:
        seen, cur = {entry_id}, entries[entry_id].get("parent")
        while cur in entries:
            if cur in seen:
                out.append(f"{where(origins, section, entry_id, 'parent')}: parent chain loops at {cur!r}")
                break
            seen.add(cur)
            cur = entries[cur].get("parent")
    return out


def check_shared_aliases(actors: Entries, origins: Origins) -> list[str]:
    """Names or aliases that two actors share without both listing them as ``ambiguous``."""
    owners: dict[str, set[str]] = defaultdict(set)
    allowed: dict[str, set[str]] = defaultdict(set)
    for entry_id, a in actors.items():
        for name in [a.get("name") or "", *(a.get("aliases") or [])]:
            if isinstance(name, str) and name:
                owners[alias_key(name)].add(entry_id)
        for name in a.get("ambiguous") or []:
            allowed[alias_key(name)].add(entry_id)
    out = []
    for key, ids in sorted(owners.items()):
        bad = sorted(i for i in ids if i not in allowed[key])
        if len(ids) > 1 and bad:
            others = ", ".join(f"{i} ({origins.get(('actors', i), '?')})" for i in sorted(ids - {bad[0]}))
            out.append(f"{where(origins, 'actors', bad[0], 'aliases')}: {key!r} also names {others}; "
                       "list it under `ambiguous` in each")
    return out


def check_all(actors: Entries, places: Entries, countries: Mapping[str, Any],
              origins: Origins) -> list[str]:
    """Every problem of a whole knowledge base."""
    out: list[str] = []
    for entry_id, a in actors.items():
        out += check_actor(entry_id, a, actors, countries, origins)
    for entry_id, p in places.items():
        out += check_place(entry_id, p, places, countries, origins)
    out += check_cycles("actors", actors, origins) + check_cycles("places", places, origins)
    out += check_shared_aliases(actors, origins)
    out += [f"{where(origins, 'places', i, 'id')}: id also used by an actor ({origins.get(('actors', i))})"
            for i in sorted(set(actors) & set(places))]
    return out
