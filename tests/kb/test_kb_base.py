"""KnowledgeBase lookups: get, hierarchy, variants, names."""

from __future__ import annotations

from marsad.kb.model import Actor, Place


def test_get_returns_actors_and_places(kb):
    assert isinstance(kb.get("sdf"), Actor)
    assert isinstance(kb.get("raqqa"), Place)
    assert kb.get("no_such_id") is None


def test_children_of_an_organisation_include_units_and_people(kb):
    ids = {e.id for e in kb.children("sdf")}
    assert {"ypg", "ypj", "deir_ez_zor_military_council", "mazloum_abdi", "kino_gabriel"} <= ids


def test_children_of_a_governorate(kb):
    ids = {e.id for e in kb.children("deir_ez_zor_governorate")}
    assert {"deir_ez_zor_district", "mayadin_district", "abu_kamal_district"} <= ids


def test_ancestors_of_a_spokesperson(kb):
    assert [a.id for a in kb.ancestors("heather_nauert")] == ["us_state_department", "us_government"]
    assert [a.id for a in kb.ancestors("ahmed_abu_khawla")] == ["deir_ez_zor_military_council", "sdf"]


def test_variants_both_directions(kb):
    assert "قوات سورية الديموقراطية" in kb.variants("قوات سوريا الديمقراطية")
    assert "وزارة الخارجية الأمريكية" in kb.variants("وزارة الخارجية الأميركية")
    assert kb.variants("حلب") == ["حلب"]
    assert kb.variants("سوريا")[0] == "سوريا"


def test_all_names_include_variants_but_not_generic(kb):
    names = {(form, i) for form, kind, i in kb.all_names() if kind == "actor"}
    assert ("قسد", "sdf") in names
    assert ("قوات سورية الديموقراطية", "sdf") in names
    assert ("القوات", "sdf") not in names
    assert ("القوات", "sdf") in set(kb.generic_names())


def test_all_names_cover_places(kb):
    names = {(form, i) for form, kind, i in kb.all_names() if kind == "place"}
    assert ("حي القصور", "al_qusour_deir_ez_zor") in names
    assert ("الرقة", "raqqa") in names
    assert ("ديرالزور", "deir_ez_zor") in names


def test_gazetteer_merged_under_curated(kb):
    gazetteer = [p for p in kb.places.values() if p.source == "gazetteer"]
    assert len(gazetteer) > 1000
    curated_gids = {p.geonames_id for p in kb.places.values() if p.source == "curated"} - {None}
    assert not curated_gids & {p.geonames_id for p in gazetteer}
    assert kb.places["raqqa"].geonames_id == 172955


def test_members(kb):
    assert {a.id for a in kb.members("global_coalition")} >= {"myles_caggins", "sean_ryan"}


def test_variants_apply_to_whole_words_only(kb):
    assert kb.variants("الحكومة السورية") == ["الحكومة السورية"]
    assert "الجيش الأميركي" in kb.variants("الجيش الأمريكي")


def test_gazetteer_names_shared_with_curated_places_are_ambiguous(kb):
    pirmam = kb.places["gn_91696"]  # its Arabic name is also the Salah al-Din governorate's
    assert pirmam.source == "gazetteer" and pirmam.ambiguous
