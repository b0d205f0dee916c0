"""The shipped data: valid, complete, and covering the team's shared ids."""

from __future__ import annotations

import pytest

from marsad.kb import check_kb
from marsad.kb.model import ACTOR_CATEGORIES, PLACE_KINDS


def _ids(block: str) -> list[str]:
    return block.split()

CORE_ACTORS = _ids("""
global_coalition isis sdf ypg ypj asayish aanes deir_ez_zor_military_council syrian_army syria_government
syria_mofa syria_mod russia_mod russia_government russian_air_force us_government us_state_department us_dod
us_forces turkey_government turkish_armed_forces sna hts iraq_government iraqi_army iraqi_security_forces pmf
kataib_hezbollah peshmerga krg hezbollah idf israel_government hamas qassam_brigades pij houthis
yemen_government saudi_led_coalition saf rsf lna gnu_libya un un_security_council un_secretary_general amnesty
hrw icrc unhcr ocha unicef who sohr vdc snhr white_helmets iran_government irgc civilians
mike_pompeo heather_nauert myles_caggins kino_gabriel antony_blinken ahmed_abu_khawla lilwa_abdullah
mazloum_abdi bashar_assad sergei_lavrov recep_tayyip_erdogan abu_bakr_baghdadi rami_abdulrahman
nicholas_granger talat_yunis abdel_fattah_burhan mohamed_hamdan_dagalo khalifa_haftar hassan_nasrallah
abdul_malik_houthi yahya_saree mohammed_shia_sudani benjamin_netanyahu
""")

CORE_PLACES = _ids("""
raqqa raqqa_governorate deir_ez_zor deir_ez_zor_governorate hasakah hasakah_governorate qamishli aleppo
aleppo_governorate idlib idlib_governorate afrin kobani manbij azaz al_bab tal_abyad ras_al_ain ain_issa hajin
baghouz rmeilan al_omar_oil_field conoco_gas_field tanak_oil_field al_qusour_deir_ez_zor al_hol_camp damascus
homs hama daraa palmyra syria iraq baghdad mosul kirkuk erbil basra nasiriyah diyala_governorate
anbar_governorate ain_al_asad_base sinjar al_qaim lebanon beirut yemen sanaa marib saada hodeidah aden taiz
sudan khartoum omdurman el_fasher zamzam_camp wad_madani geneina libya tripoli_libya tripoli_lebanon benghazi
sirte gaza khan_younis rafah jenin turkey ankara russia moscow united_states washington brussels geneva iran
tehran israel jordan saudi_arabia euphrates jazira_region
""")

SYRIAN_GOVERNORATES = _ids("""
damascus_governorate rif_dimashq_governorate aleppo_governorate idlib_governorate hama_governorate
homs_governorate latakia_governorate tartus_governorate daraa_governorate suwayda_governorate
quneitra_governorate raqqa_governorate deir_ez_zor_governorate hasakah_governorate
""")

IRAQI_GOVERNORATES = _ids("""
baghdad_governorate anbar_governorate nineveh_governorate salah_al_din_governorate kirkuk_governorate
diyala_governorate erbil_governorate duhok_governorate sulaymaniyah_governorate halabja_governorate
babil_governorate karbala_governorate najaf_governorate qadisiyah_governorate wasit_governorate
maysan_governorate dhi_qar_governorate muthanna_governorate basra_governorate
""")


def test_shipped_data_has_no_problems():
    assert check_kb() == []


def test_at_least_300_actors(kb):
    assert len(kb.actors) >= 300


@pytest.mark.parametrize("entry_id", CORE_ACTORS)
def test_core_actor_ids_exist(kb, entry_id):
    assert entry_id in kb.actors


@pytest.mark.parametrize("entry_id", CORE_PLACES)
def test_core_place_ids_exist(kb, entry_id):
    assert entry_id in kb.places


def test_every_actor_has_a_known_category(kb):
    assert all(a.category in ACTOR_CATEGORIES for a in kb.actors.values())


def test_people_have_gender_and_affiliation(kb):
    people = [a for a in kb.actors.values() if a.type == "person"]
    assert len(people) >= 100
    offices = {a.id for a in people if a.gender is None}  # an office quoted without a name
    assert all(kb.actors[i].role and kb.actors[i].affiliation for i in offices)
    assert len(offices) <= 10
    assert [a.id for a in people if a.affiliation is None and a.role is None] == []


def test_every_place_has_coordinates_and_a_known_kind(kb):
    for p in kb.places.values():
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180, p.id
        assert p.kind in PLACE_KINDS, p.id


def test_every_place_but_seas_has_a_country(kb):
    missing = [p.id for p in kb.places.values() if p.country is None]
    assert missing == ["gulf_of_aden", "red_sea"]


@pytest.mark.parametrize("ids", [SYRIAN_GOVERNORATES, IRAQI_GOVERNORATES], ids=["SY", "IQ"])
def test_every_governorate_present(kb, ids):
    for entry_id in ids:
        place = kb.places[entry_id]
        assert place.kind == "governorate"
        assert place.parent in ("syria", "iraq")


def test_syrian_governorates_are_exactly_fourteen(kb):
    found = {p.id for p in kb.places.values() if p.kind == "governorate" and p.country == "SY"}
    assert found == set(SYRIAN_GOVERNORATES)


def test_syrian_districts(kb):
    districts = [p for p in kb.places.values() if p.kind == "district" and p.country == "SY"]
    assert len(districts) >= 60
    assert all(kb.places[d.parent].kind == "governorate" for d in districts)


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("الرقة", 35.95, 39.01), ("دير الزور", 35.34, 40.14), ("عفرين", 36.51, 36.87),
    ("بروكسل", 50.85, 4.35), ("رميلان", 37.0, 41.93), ("الحسكة", 36.5, 40.75),
    ("حقل التنك", 34.82, 40.77), ("حي القصور", 35.33, 40.14),
])
def test_seed_places_have_coordinates(kb, name, lat, lon):
    hits = [p for p in kb.places.values() if p.name == name and p.source == "curated"]
    assert len(hits) == 1, name
    assert abs(hits[0].lat - lat) < 0.05 and abs(hits[0].lon - lon) < 0.05


def test_same_name_in_two_countries_is_flagged(kb):
    tripolis = [kb.places["tripoli_libya"], kb.places["tripoli_lebanon"]]
    assert {p.name for p in tripolis} == {"طرابلس"}
    assert all(p.ambiguous for p in tripolis)
    assert {p.country for p in tripolis} == {"LY", "LB"}


def test_hierarchy_of_a_neighbourhood(kb):
    chain = [p.id for p in kb.ancestors("al_qusour_deir_ez_zor")]
    assert chain == ["deir_ez_zor", "deir_ez_zor_district", "deir_ez_zor_governorate", "syria"]
    assert kb.places["al_qusour_deir_ez_zor"].admin1 == "Deir ez-Zor"
