"""Loading, overlays (``--kb extra.yaml``) and their error messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from marsad.errors import MarsadError
from marsad.kb import load_kb


def write(tmp_path: Path, text: str, name: str = "extra.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_load_is_cached():
    assert load_kb() is load_kb()


def test_import_loads_nothing():
    code = "import sys, marsad.kb; print('yaml' in sys.modules, 'marsad.kb.loader' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_overlay_updates_only_the_fields_it_sets(tmp_path):
    extra = write(tmp_path, "actors:\n  - id: sdf\n    name_en: SDF (overlay)\n"
                            "    aliases_add: [قوات قسد الجديدة]\n")
    kb = load_kb([extra])
    base = load_kb()
    assert kb.actors["sdf"].name_en == "SDF (overlay)"
    assert kb.actors["sdf"].name == base.actors["sdf"].name
    assert kb.actors["sdf"].category == base.actors["sdf"].category
    assert kb.actors["sdf"].aliases == (*base.actors["sdf"].aliases, "قوات قسد الجديدة")
    assert base.actors["sdf"].name_en == "Syrian Democratic Forces"


def test_overlay_adds_new_entries(tmp_path):
    extra = write(tmp_path, """
actors:
  - {id: new_brigade, name: لواء تجريبي, type: organization, category: rebel_group, country: SY,
     parent: sna, aliases: [اللواء التجريبي]}
places:
  - {id: test_village, name: قرية تجريبية, kind: village, lat: 36.1, lon: 38.2, country: SY,
     parent: raqqa_governorate}
""")
    kb = load_kb([extra])
    assert kb.actors["new_brigade"].parent == "sna"
    assert kb.places["test_village"].source == "curated"
    assert kb.get("new_brigade") in kb.children("sna")
    assert [p.id for p in kb.ancestors("test_village")] == ["raqqa_governorate", "syria"]
    assert ("اللواء التجريبي", "actor", "new_brigade") in set(kb.all_names())


def test_later_overlays_win(tmp_path):
    first = write(tmp_path, "places:\n  - {id: raqqa, lat: 35.9}\n", "a.yaml")
    second = write(tmp_path, "places:\n  - {id: raqqa, lat: 35.96}\n", "b.yaml")
    assert load_kb([first, second]).places["raqqa"].lat == 35.96


@pytest.mark.parametrize(("text", "expected"), [
    ("actors:\n  - {id: sdf, category: freedom_fighters}\n", "actors[sdf].category"),
    ("places:\n  - {id: raqqa, lat: 51.5, lon: -0.1}\n", "outside the box of SY"),
    ("places:\n  - {id: raqqa, parent: atlantis}\n", "places[raqqa].parent: unknown id 'atlantis'"),
    ("actors:\n  - {id: Bad-Id, name: س, type: organization, category: other}\n", "lowercase ascii"),
    ("actors:\n  - {id: x_new, name: س}\n", "actors[x_new].type: required"),
    ("actors:\n  - {id: isis, aliases_add: [قسد]}\n", "'قسد' also names"),
    ("actors:\n  - {id: sdf, colour: red}\n", "actors[sdf].colour: unknown field"),
    ("actors:\n  - {id: sdf, name: 5}\n", "actors[sdf].name: must be text"),
    ("actors:\n  - {id: sdf, ambiguous: [الوحدات]}\n", "are not names or aliases"),
    ("places:\n  - {id: raqqa, kind: metropolis}\n", "places[raqqa].kind"),
    ("actors:\n  - {id: syria, name: س, type: organization, category: other}\n", "id also used by an actor"),
])
def test_invalid_overlay_names_file_id_and_field(tmp_path, text, expected):
    extra = write(tmp_path, text)
    with pytest.raises(MarsadError) as err:
        load_kb([extra])
    assert err.value.code == "E_USAGE"
    assert expected in err.value.message
    assert str(extra) in err.value.message


@pytest.mark.parametrize("text", ["[1, 2]\n", "people: []\n", "actors: {id: x}\n", "actors:\n  - name: x\n",
                                  "actors: [\n"])
def test_malformed_overlay_is_a_usage_error(tmp_path, text):
    with pytest.raises(MarsadError) as err:
        load_kb([write(tmp_path, text)])
    assert err.value.code == "E_USAGE"


def test_missing_overlay_is_a_usage_error(tmp_path):
    with pytest.raises(MarsadError) as err:
        load_kb([tmp_path / "nope.yaml"])
    assert err.value.code == "E_USAGE"
    assert "nope.yaml" in err.value.message


def test_shared_alias_allowed_when_both_list_it(tmp_path):
    extra = write(tmp_path, """
actors:
  - {id: isis, aliases_add: [الجماعة المتشددة], ambiguous: [الجماعة المتشددة]}
  - {id: hts, aliases_add: [الجماعة المتشددة], ambiguous: [الجماعة المتشددة]}
""")
    kb = load_kb([extra])
    owners = {i for form, kind, i in kb.all_names() if form == "الجماعة المتشددة"}
    assert owners == {"isis", "hts"}


def test_empty_overlay_changes_nothing(tmp_path):
    kb = load_kb([write(tmp_path, "")])
    assert kb.actors.keys() == load_kb().actors.keys()


def test_check_command(tmp_path, capsys):
    from marsad.kb.__main__ import main

    assert main([]) == 0
    assert "problems" in capsys.readouterr().err
    bad = write(tmp_path, "places:\n  - {id: raqqa, lat: 95}\n")
    assert main([str(bad)]) == 1
    assert "places[raqqa].lat" in capsys.readouterr().out
    assert main([str(tmp_path / "missing.yaml")]) == 2


def test_curated_wins_over_gazetteer_by_id_or_by_name_nearby():
    from marsad.kb.loader import drop_curated

    curated = {"town": {"name": "بلدة", "aliases": ["البلدة"], "country": "SY", "lat": 35.0, "lon": 40.0,
                        "geonames_id": 1}}
    def gaz_city(n: int, name: str, cc: str, lat: float, lon: float) -> dict:
        return {"id": f"gn_{n}", "name": name, "aliases": [], "country": cc, "lat": lat, "lon": lon,
                "geonames_id": n}

    gaz = [gaz_city(1, "أخرى", "SY", 30.0, 30.0), gaz_city(2, "البلده", "SY", 35.2, 40.1),
           gaz_city(3, "بلدة", "SY", 33.0, 36.0), gaz_city(4, "بلدة", "IQ", 35.0, 40.0),
           gaz_city(5, "مكان", "SY", 35.0, 40.0)]
    kept = {g["id"]: g for g in drop_curated(curated, gaz)}
    assert sorted(kept) == ["gn_3", "gn_4", "gn_5"]
    assert kept["gn_3"].get("ambiguous") and kept["gn_4"].get("ambiguous")
    assert not kept["gn_5"].get("ambiguous")
