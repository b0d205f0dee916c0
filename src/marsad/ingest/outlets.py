"""The outlet registry: who published an article, found from a domain, a site name or a sign-off.

Entries live in ``kb/data/outlets.yaml``; extra files with the same layout (e.g. a demo corpus's
invented outlets) are merged on top, an entry with an existing id replacing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from marsad.errors import MarsadError
from marsad.ingest._data import DATA_DIR, read_yaml
from marsad.ingest.fold import fold

REQUIRED = ("id", "name_ar", "name_en", "domains", "signatures", "country", "owner", "line")
_STRIP = " \t*-–—_|•·:.،,()[]{}<>«»\"'“”‘’/\\"
_ID = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
# "واشنطن — سبوتنيك. وقال..." / "دمشق-سانا" / "بيروت (الميادين) -": a place, then the outlet.
_PLACE = r"^\s*[^\s\d—–\-/(:]+(?:\s+[^\s\d—–\-/(:]+){0,2}\s*"
_DASHED = re.compile(_PLACE + r"(?:[—–\-]+|/)\s*(?P<rest>.+)$")
_MASTHEAD = re.compile(r"\s+[|•·»›]\s+")
_BRACKETED = re.compile(_PLACE + r"\((?P<sig>[^()]{1,40})\)\s*(?:[—–\-:]|$)")
_SIG_END = ".:،,—–-"


@dataclass(frozen=True, slots=True)
class Outlet:
    """One news outlet of the registry."""

    id: str
    name_ar: str
    name_en: str
    domains: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    country: str | None = None
    owner: str | None = None
    line: str | None = None
    synthetic: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Outlet:
        return cls(
            id=str(data["id"]), name_ar=str(data["name_ar"]), name_en=str(data["name_en"]),
            domains=tuple(str(d).lower() for d in data.get("domains") or ()),
            signatures=tuple(str(s) for s in data.get("signatures") or ()),
            country=data.get("country"), owner=data.get("owner"), line=data.get("line"),
            synthetic=bool(data.get("synthetic", False)),
        )


def outlet_problems(entries: Sequence[Any]) -> list[str]:
    """What is wrong with a list of raw registry entries (empty when all is well)."""
    problems: list[str] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(f"entry {i}: not a mapping")
            continue
        missing = [k for k in REQUIRED if k not in entry]
        if missing:
            problems.append(f"entry {i} ({entry.get('id')}): missing {', '.join(missing)}")
        oid = str(entry.get("id", ""))
        if not _ID.match(oid):
            problems.append(f"entry {i}: id {oid!r} is not snake_case")
        if oid in seen:
            problems.append(f"entry {i}: duplicate id {oid!r}")
        seen.add(oid)
        for key in ("domains", "signatures"):
            if not isinstance(entry.get(key, []), list):
                problems.append(f"entry {i} ({oid}): {key} is not a list")
    return problems


class OutletRegistry:
    """Lookup of outlets by id, URL domain, name and sign-off signature."""

    def __init__(self, outlets: Iterable[Outlet]):
        self._by_id: dict[str, Outlet] = {}
        for outlet in outlets:
            self._by_id[outlet.id] = outlet
        self._signatures: dict[str, Outlet] = {}
        self._names: dict[str, Outlet] = {}
        self._hosts: dict[str, list[tuple[str, Outlet]]] = {}
        for outlet in self._by_id.values():
            self._index(outlet)

    def _index(self, outlet: Outlet) -> None:
        for sig in (*outlet.signatures, outlet.name_en, outlet.name_ar):
            self._signatures.setdefault(fold(sig, _STRIP), outlet)
        for name in (outlet.id, outlet.name_en, outlet.name_ar, *outlet.signatures, *outlet.domains):
            self._names.setdefault(fold(name, _STRIP), outlet)
        for domain in outlet.domains:
            host, _, path = domain.partition("/")
            self._hosts.setdefault(_bare_host(host), []).append(("/" + path if path else "", outlet))

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, outlet_id: str | None) -> Outlet | None:
        """The outlet with this registry id."""
        return self._by_id.get(outlet_id) if outlet_id else None

    def by_domain(self, url: str | None) -> Outlet | None:
        """The outlet owning a URL (or bare host name); the longest matching domain path wins."""
        host, path = _split_url(url or "")
        while host:
            best = [(p, o) for p, o in self._hosts.get(host, ()) if path.startswith(p)]
            if best:
                return max(best, key=lambda po: len(po[0]))[1]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def by_name(self, name: str | None) -> Outlet | None:
        """An outlet named by an id, Arabic or English name, signature, domain or URL."""
        if not name or not name.strip():
            return None
        found = self._names.get(fold(name, _STRIP))
        if found is None and "." in name and " " not in name.strip():
            found = self.by_domain(name)
        return found

    def signoff(self, line: str) -> Outlet | None:
        """The outlet when the whole ``line`` is its sign-off ("Sputnik", "*العربية.نت")."""
        return self._signatures.get(fold(line, _STRIP))

    def find_signature(self, text_line: str) -> Outlet | None:
        """The outlet a line identifies: a whole-line sign-off or a "PLACE — OUTLET" dateline."""
        hit = self._signature(text_line)
        return hit[0] if hit else None

    def signature_line(self, line: str) -> Outlet | None:
        """The outlet when ``line`` holds nothing but its mark: a sign-off ("Sputnik"), a dateline
        without text ("إدلب / بوابة الأناضول") or a masthead ("OUTLET | tagline")."""
        hit = self._signature(line)
        if hit is not None:
            return hit[0] if hit[1] else None
        head = _MASTHEAD.split(line, maxsplit=1)
        return self.signoff(head[0]) if len(head) == 2 else None

    def _signature(self, line: str) -> tuple[Outlet, bool] | None:
        """``(outlet, whole line?)`` for a sign-off or a place-and-outlet dateline."""
        found = self.signoff(line)
        if found is not None:
            return found, True
        head = line[:200]
        match = _BRACKETED.match(head)
        if match is not None:
            found = self._signatures.get(fold(match.group("sig"), _STRIP))
            return (found, match.end() >= len(head.rstrip())) if found else None
        match = _DASHED.match(head)
        return self._dashed(match.group("rest")) if match is not None else None

    def _dashed(self, rest: str) -> tuple[Outlet, bool] | None:
        """The outlet whose signature opens ``rest`` and ends at punctuation or the line end."""
        words = rest.split()
        for n in range(min(4, len(words)), 0, -1):
            chunk = " ".join(words[:n])
            closed = n == len(words) or chunk[-1] in _SIG_END or words[n][0] in _SIG_END
            found = self._signatures.get(fold(chunk, _STRIP)) if closed else None
            if found is not None:
                return found, n == len(words)
        return None

def _bare_host(host: str) -> str:
    host = host.lower().strip().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _split_url(url: str) -> tuple[str, str]:
    url = url.strip()
    if "//" not in url:
        url = "//" + url
    parts = urlsplit(url)
    return _bare_host(parts.hostname or ""), parts.path or "/"


def _entries(path: Path) -> list[dict[str, Any]]:
    data = read_yaml(path)
    entries = data.get("outlets") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise MarsadError("E_USAGE", f"outlet file {path} has no 'outlets' list")
    problems = outlet_problems(entries)
    if problems:
        raise MarsadError("E_USAGE", f"outlet file {path}: " + "; ".join(problems[:5]))
    return entries


@cache
def _load(paths: tuple[Path, ...]) -> OutletRegistry:
    outlets: list[Outlet] = []
    for path in paths:
        outlets.extend(Outlet.from_dict(e) for e in _entries(path))
    return OutletRegistry(outlets)


def load_outlets(extra: Iterable[str | Path] = ()) -> OutletRegistry:
    """The packaged registry plus ``extra`` files of the same layout (cached per list of files)."""
    paths = (DATA_DIR / "outlets.yaml", *(Path(p).resolve() for p in extra))
    return _load(paths)
