"""Entity-stage errors the other stages and the scorer found, each on a sentence of our own (shipped KB)."""

from __future__ import annotations

import pytest

from marsad.document import Document, validate
from marsad.extract.entities import find_entities
from marsad.kb import load_kb


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_kb()


def found(kb, text: str, outlets: tuple[str, ...] = ()) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """kb id (or "?" + canonical name of an unknown) -> mention texts."""
    ents, _ = find_entities(text, kb, outlets=outlets)
    assert validate(Document("t", text, entities=ents)) == []
    return {e.kb_id or "?" + e.canonical: [m.text for m in e.mentions] for e in ents}


# 1. a one-word place name that is a common noun ("مدني" civilian)

def test_civilian_after_a_number_is_no_town(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "قتل أكثر من 300 مدني في قصف على ولاية الجزيرة، بينهم نساء ومدنيون آخرون.")
    assert "wad_madani" not in got
    assert "gezira_state" in got


def test_civilian_town_with_its_full_name_or_a_preposition(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "وصلت القافلة إلى ود مدني صباحا، ثم غادرت مدني باتجاه سنار.")
    assert got["wad_madani"] == ["ود مدني"]
    got = found(kb, "نزحت الأسر إلى مدني عاصمة ولاية الجزيرة.")
    assert got["wad_madani"] == ["مدني"]


# 2. adjectives that are also place names

def test_adjectives_are_no_places(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "نظم الأهالي وقفة سلمية، وطالبت الحركة السلمية بوقف القصف، "
                    "وقالت مصادر تركية إن الوضع هادئ.")
    assert "salamiyah" not in got
    assert "turkey" not in got


def test_adjective_near_its_namesakes_governorate_is_no_place(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "خرجت مظاهرات سلمية في ريف حماة، وطالبت الحركة السلمية بالإفراج عن المعتقلين.")
    assert "salamiyah" not in got
    got = found(kb, "سقطت قذائف على مدينة السلمية في ريف حماة الشرقي، ثم على السلمية مجددا.")
    assert got["salamiyah"] == ["السلمية", "السلمية"]


# 3. outlet names

def test_places_inside_outlet_names_are_no_places(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "ونقل موقع صوت دمشق عن مراسل بغداد نيوز أن الطيران قصف حمص، "
                    "كما بثت قناة روسيا اليوم صورا من حلب.")
    assert "damascus" not in got and "baghdad" not in got and "russia" not in got
    assert "homs" in got and "aleppo" in got


def test_the_documents_own_outlet_hides_its_places(kb) -> None:  # type: ignore[no-untyped-def]
    text = "وأفادت مصادر لشبكة أخبار الموصل الحرة بأن اشتباكات وقعت في كركوك."
    assert "mosul" in found(kb, text)
    got = found(kb, text, outlets=("أخبار الموصل الحرة",))
    assert "mosul" not in got and "kirkuk" in got


def test_media_actors_stay(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "وقالت قناة العربية ووكالة سانا إن الهجوم وقع في درعا.")
    assert "al_arabiya" in got and "sana" in got and "daraa" in got


# 4. one name, two countries: the places around decide

def test_ariha_in_idlib_is_the_syrian_town(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "سقطت قذائف على أريحا وجسر الشغور في محافظة إدلب.")
    assert got.get("ariha") == ["أريحا"]
    assert "jericho" not in got


def test_ariha_in_the_west_bank_is_jericho(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "اقتحمت القوات الإسرائيلية أريحا ونابلس في الضفة الغربية فجرا.")
    assert "jericho" in got and "ariha" not in got


def test_city_cue_is_no_alias_of_jericho_only(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "قصفت الطائرات مدينة أريحا جنوب إدلب.")
    assert "ariha" in got and "jericho" not in got


# 5. quotation marks inside a name

@pytest.mark.parametrize("name", ['قوات "سوريا الديمقراطية"', 'قوات سوريا "الديمقراطية"',
                                  "قوات «سوريا الديمقراطية»"])
def test_name_across_inner_quotes(kb, name: str) -> None:  # type: ignore[no-untyped-def]
    text = f"أعلنت {name} السيطرة على قرية جديدة شرق دير الزور."
    got = found(kb, text)
    assert "sdf" in got
    assert "syria" not in got
    (mention,) = got["sdf"]
    assert mention.startswith("قوات") and mention.rstrip('"»').endswith("الديمقراطية")


def test_quotes_do_not_join_across_punctuation(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, 'وصلت قوات إلى المدينة. "سوريا" تقول إن الوضع مستقر.')
    assert "sdf" not in got


# 6. gazetteer-only names that are common words

def test_common_words_are_no_gazetteer_places(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "وقال التحالف إن البلاد تمر بمرحلة صعبة، وأشاد بالدور الذي أدته الزيارة، "
                    "وتمنى السلامة للجميع.")
    assert not any(ref.startswith("gn_") for ref in got)
    assert not {k for k in got if kb.places.get(k) is not None}


# 7. people from clauses

def test_no_people_from_clauses(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "وأعربت المنظمة عن قلقها العميق، وقدم المحامي طلب عدم الملاحقة إلى مدير شؤون المخيمات، "
                    "وقال المتحدث باسم (قسد) إن الهجوم فشل.")
    people = [k for k in got if k.startswith("?")]
    assert people == []
    assert "sdf" in got


def test_no_people_from_appositive_clauses(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "وأكد رئيس المجلس المحلي، شؤون المخيمات، أن الوضع صعب. وقالت الناشطة، قلقها كبير، "
                    "إن المساعدات لم تصل. وقال الناشط، رنا الأحمد، إن القصف استمر.")
    people = sorted(k for k in got if k.startswith("?"))
    assert people == ["?رنا الأحمد"]


# 8. regions named by compass words are the governorate or the country

def test_compass_regions_are_the_country_or_governorate(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "قصفت الطائرات بلدة في ريف إدلب الجنوبي، وتدهور الوضع في شمال غرب سوريا.")
    assert got["idlib_governorate"] == ["ريف إدلب"]
    assert got["syria"] == ["سوريا"]
    assert "southern_idlib_countryside" not in got and "northwest_syria" not in got


def test_regions_named_otherwise_stay(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "تسيطر القوات على مناطق شرق الفرات وفي الجزيرة السورية.")
    assert "euphrates" in got and "jazira_region" in got


def test_bare_name_follows_the_cued_governorate(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "شن الطيران غارات على صعدة. وقالت مصادر إن القصف طال قرى في محافظة صعدة.")
    assert got["saada_governorate"] == ["صعدة", "محافظة صعدة"]
    assert "saada" not in got


def test_bare_name_stays_the_city_when_the_city_is_named(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "دخلت القوات مدينة صعدة، ثم انتشرت في محافظة صعدة. وعاد الهدوء إلى صعدة.")
    assert "saada" in got and len(got["saada"]) == 2
    assert "saada_governorate" in got


def test_compass_and_country_is_the_country(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "قصفت الطائرات منزلا في بلدة حدودية بجنوب لبنان.")
    assert got.get("lebanon") == ["لبنان"]


def test_curated_place_before_a_gazetteer_namesake(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "هاجم مسلحون نقطة للجيش في صلاح الدين شمال بغداد.")
    assert "salah_al_din_governorate" in got
    assert not any(ref.startswith("gn_") for ref in got)


# people the scorer missed: introduced by "عرّف عن نفسه باسم", or quoted after "المدعو"

def test_person_who_gave_a_name(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "وقال ممرض في المستشفى، عرّف عن نفسه باسم كريم، إن الجرحى كثر، "
                    "وقال نازح عرف عن نفسه باسم أبو خالد إن الخيام غرقت.")
    assert "?كريم" in got and "?أبو خالد" in got


def test_quoted_name_holding_a_place_name(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, 'رصدت الاستخبارات تحركات القيادي المدعو "فرهاد كوباني" المسؤول عن الهجمات.')
    assert got.get("?فرهاد كوباني") == ["فرهاد كوباني"]
    assert "kobani" not in got


def test_cue_word_inside_another_quoted_name_is_no_cue(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, 'ونقل موقع "صوت العاصمة" الخبر عن مصادر محلية، وسيطرت القوات على مدينة "الباب".')
    assert not any(ref.startswith("gn_") for ref in got)
    assert "al_bab" in got


def test_cue_licenses_a_place_that_shares_a_generic_form(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "استهدفت طائرة مسيرة ناحية البغدادي غربي محافظة الأنبار.")
    assert "al_baghdadi" in got and "abu_bakr_baghdadi" not in got


def test_cue_of_another_kind_licenses_no_generic_place(kb) -> None:  # type: ignore[no-untyped-def]
    got = found(kb, "وفي مؤتمر صحافي عقد أمس بقاعدة التحالف في الحسكة قال المتحدث إن الوضع هادئ.")
    assert not any(ref.startswith("gn_") for ref in got)
