"""Unit tests of the entity stage on a small hand-made knowledge base (independent of the shipped data)."""

from __future__ import annotations

import pytest

from marsad.document import Document, validate
from marsad.extract.base import REGISTRY, Analysis
from marsad.extract.entities import find_entities
from marsad.kb.base import KnowledgeBase
from marsad.kb.model import Actor, Place


def _kb() -> KnowledgeBase:
    actors = [
        Actor("global_coalition", "التحالف الدولي", "organization", "external_forces",
              name_en="Global Coalition", aliases=("التحالف الدولي ضد داعش",)),
        Actor("saudi_led_coalition", "التحالف العربي", "organization", "external_forces", country="SA"),
        Actor("isis", "تنظيم الدولة الإسلامية", "organization", "rebel_group",
              aliases=("داعش", "تنظيم داعش")),
        Actor("sdf", "قوات سوريا الديمقراطية", "organization", "rebel_group", aliases=("قسد",)),
        Actor("ypg", "وحدات حماية الشعب", "organization", "rebel_group"),
        Actor("us_state_department", "وزارة الخارجية الأمريكية", "organization", "government", country="US"),
        Actor("syria_mofa", "وزارة الخارجية والمغتربين", "organization", "government", country="SY"),
        Actor("russia_mod", "وزارة الدفاع الروسية", "organization", "government", country="RU"),
        Actor("iraqi_security_forces", "القوات الأمنية العراقية", "organization", "state_forces",
              country="IQ"),
        Actor("un_security_council", "مجلس الأمن الدولي", "organization", "international_org",
              aliases=("مجلس الأمن",)),
        Actor("al_jazeera", "قناة الجزيرة", "organization", "media"),
        Actor("myles_caggins", "مايلز كاغينز", "person", "external_forces", affiliation="global_coalition"),
        Actor("sergei_lavrov", "سيرغي لافروف", "person", "government"),
    ]
    places = [
        Place("syria", "سوريا", "country", 35.0, 38.5, "SY", aliases=("سورية",)),
        Place("lebanon", "لبنان", "country", 33.9, 35.8, "LB"),
        Place("libya", "ليبيا", "country", 27.0, 17.0, "LY"),
        Place("raqqa", "الرقة", "city", 35.95, 39.01, "SY", admin1="Raqqa", aliases=("مدينة الرقة",)),
        Place("raqqa_governorate", "محافظة الرقة", "governorate", 35.9, 38.6, "SY", admin1="Raqqa",
              aliases=("الرقة", "ريف الرقة")),
        Place("deir_ez_zor", "دير الزور", "city", 35.33, 40.14, "SY", admin1="Deir ez-Zor"),
        Place("al_qusour_deir_ez_zor", "القصور", "neighbourhood", 35.34, 40.15, "SY",
              parent="deir_ez_zor", ambiguous=True),
        Place("afrin", "عفرين", "city", 36.51, 36.87, "SY"),
        Place("jazira_region", "الجزيرة السورية", "region", 36.5, 40.5, "SY",
              aliases=("الجزيرة", "إقليم الجزيرة"), ambiguous=True),
        Place("tripoli_libya", "طرابلس", "city", 32.89, 13.19, "LY", geonames_id=2210247),
        Place("tripoli_lebanon", "طرابلس", "city", 34.43, 35.84, "LB"),
    ]
    return KnowledgeBase({a.id: a for a in actors}, {p.id: p for p in places}, (("سوريا", "سورية"),))


KB = _kb()


def entities(text: str) -> dict[str, list[str]]:
    """kb id (or canonical name of an unknown) -> mention texts."""
    ents, mentions = find_entities(text, KB)
    doc = Document("t", text, entities=ents)
    assert validate(doc) == []
    assert [m.span.start for m in mentions] == sorted(m.span.start for m in mentions)
    return {e.kb_id or e.canonical: [m.text for m in e.mentions] for e in ents}


# ------------------------------------------------------------------ matching


@pytest.mark.parametrize("text, surface", [
    ("وصلت القوات بالرقة مساء", "الرقة"),
    ("عادت العائلات والرقة تحت الأنقاض", "الرقة"),
    ("قدم الدعم للتحالف الدولي أمس", "لتحالف الدولي"),
    ("ووجه الشكر لـ«قوات سوريا الديمقراطية» على جهودها", "قوات سوريا الديمقراطية"),
    ("هاجم عناصر «داعش» الموقع", "داعش"),
    ("سيطرت قوات سوريا الديمقراطية (قسد) على البلدة", "قسد"),
    ("زار الوفد عفرين", "عفرين"),
])
def test_clitics_and_punctuation(text: str, surface: str) -> None:
    found = [m for ms in entities(text).values() for m in ms]
    assert surface in found


def test_span_excludes_proclitic() -> None:
    text = "انتشرت الدوريات بالرقة"
    ents, _ = find_entities(text, KB)
    (m,) = ents[0].mentions
    assert (m.text, text[m.start - 1]) == ("الرقة", "ب")


def test_longest_match_wins() -> None:
    got = entities("أعلنت قوات سوريا الديمقراطية أن وزارة الخارجية الأمريكية رحبت")
    assert "sdf" in got and "us_state_department" in got
    assert "syria" not in got


def test_word_boundaries() -> None:
    assert entities("ارتفعت أسعار خطوط سورياتيل") == {}
    assert entities("قال أهالي الرقتين") == {}


def test_enclitic_on_indefinite_name_only() -> None:
    assert "syria" not in entities("توجه السوريون إلى الحدود")
    assert entities("انسحبت القوات العراقية") == {"iraqi_security_forces": ["القوات العراقية"]}


def test_nationality_adjective_alone_is_not_an_entity() -> None:
    assert entities("رحبت الأوساط الأمريكية والروسية بالقرار") == {}


def test_variants_from_kb() -> None:
    assert entities("الوضع في سورية صعب") == {"syria": ["سورية"]}


# ------------------------------------------------------------------ ambiguity


def test_city_by_default_governorate_by_cue() -> None:
    got = entities("قصفت الطائرات الرقة ثم ريف الرقة وقرى في محافظة الرقة")
    assert got["raqqa"] == ["الرقة"]
    assert got["raqqa_governorate"] == ["ريف الرقة", "محافظة الرقة"]


def test_governorate_cue_with_proclitic() -> None:
    got = entities("تقدمت القوات في الريف الشرقي لمحافظة دير الزور وفي بمدينة الرقة")
    assert "deir_ez_zor" in got and got["raqqa"] == ["مدينة الرقة"]


def test_ambiguous_place_needs_cue_or_parent() -> None:
    assert "al_qusour_deir_ez_zor" in entities("استهدفت الغارة حي القصور السكني")
    assert "al_qusour_deir_ez_zor" in entities("سقطت قذيفة على القصور في دير الزور")
    assert "al_qusour_deir_ez_zor" not in entities("زار الوفد القصور الملكية في أوروبا")


def test_jazeera_region_channel_operation() -> None:
    assert entities("قالت قناة الجزيرة إن") == {"al_jazeera": ["قناة الجزيرة"]}
    assert entities("أطلقت قسد عملية عاصفة الجزيرة") == {"sdf": ["قسد"]}
    assert entities("التقى الوفد في إقليم الجزيرة") == {"jazira_region": ["إقليم الجزيرة"]}
    assert entities("التقى الوفد في منطقة الجزيرة") == {"jazira_region": ["الجزيرة"]}
    assert "jazira_region" in entities("ما تبقى من أراضي الجزيرة السورية")


def test_same_name_in_two_countries() -> None:
    assert "tripoli_lebanon" in entities("وصل الوفد إلى لبنان ثم إلى طرابلس")
    assert "tripoli_libya" in entities("اشتباكات في طرابلس عاصمة ليبيا")


def test_shared_alias_needs_context() -> None:
    kb = _kb()
    kb.actors["global_coalition"] = Actor("global_coalition", "التحالف الدولي", "organization",
                                          "external_forces", aliases=("قوات التحالف",),
                                          ambiguous=("قوات التحالف",))
    kb.actors["saudi_led_coalition"] = Actor("saudi_led_coalition", "التحالف العربي", "organization",
                                             "external_forces", country="SA", aliases=("قوات التحالف",),
                                             ambiguous=("قوات التحالف",))
    ents, _ = find_entities("أعلن التحالف العربي أن قوات التحالف تقدمت", kb)
    assert {e.kb_id: len(e.mentions) for e in ents} == {"saudi_led_coalition": 2}


def test_locations_have_geo_and_actors_category() -> None:
    ents, _ = find_entities("قصف التحالف الدولي مواقع داعش في الرقة ودير الزور", KB)
    for e in ents:
        if e.type == "location":
            assert e.geo is not None and e.category is None
        else:
            assert e.category is not None and e.geo is None


# ------------------------------------------------------------------ people


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    ents, _ = find_entities(text, KB)
    return {e.canonical: (e.kb_id, e.role) for e in ents if e.type == "person"}


@pytest.mark.parametrize("text, name, role", [
    ("وقال العقيد جيمس ريتشاردسون إن العملية مستمرة", "جيمس ريتشاردسون", "العقيد"),
    ("وقالت الناطقة الرسمية باسم حملة الفجر سلمى الخطيب إن الحملة مستمرة", "سلمى الخطيب",
     "الناطقة الرسمية باسم حملة الفجر"),
    ("وأكد قائد مجلس الرقة العسكري أحمد أبو خالد وجود تنسيق", "أحمد أبو خالد", "قائد مجلس الرقة العسكري"),
    ("وأكد الممثل الأمريكي لشمال وشرق سوريا (دانيال ماكغي) دعم بلاده", "دانيال ماكغي",
     "الممثل الأمريكي لشمال وشرق سوريا"),
    ("وقال مدير مركز الإسعاف في الرقة، فادي الحمود، إن الفرق تعمل", "فادي الحمود",
     "مدير مركز الإسعاف في الرقة"),
])
def test_title_introduces_unknown_person(text: str, name: str, role: str) -> None:
    assert _people(text) == {name: (None, role)}


def test_name_in_parentheses_before_role() -> None:
    got = _people("وأوضح (فرهاد حسو) الرئيس المشترك للمجلس التنفيذي أهمية الزيارة")
    assert list(got) == ["فرهاد حسو"]
    assert got["فرهاد حسو"][1].startswith("الرئيس المشترك للمجلس التنفيذي")


def test_known_person_gets_role_from_text() -> None:
    got = _people("وأعلن المتحدث الرسمي للتحالف الدولي العقيد مايلز كاغينز أن")
    assert got == {"مايلز كاغينز": ("myles_caggins", "المتحدث الرسمي للتحالف الدولي")}


def test_role_without_name_gives_no_person() -> None:
    assert _people("وأضافت المتحدثة، في بيان، أن القتال سيكون صعبا") == {}
    assert _people("وأعلن قيادي من قوات سوريا الديمقراطية (قسد) لقناة محلية أن") == {}


def test_person_role_affiliation_gives_category() -> None:
    ents, _ = find_entities("وقال المتحدث باسم قوات سوريا الديمقراطية فرهاد شامي إن", KB)
    (p,) = [e for e in ents if e.type == "person"]
    assert (p.canonical, p.category, p.kb_id) == ("فرهاد شامي", "rebel_group", None)


# ------------------------------------------------------------------ coreference


def _coref(text: str, kb_id: str) -> list[tuple[str, str]]:
    _, mentions = find_entities(text, KB)
    return [(m.span.text, m.resolved_by) for m in mentions if (m.entity.kb_id or m.entity.canonical) == kb_id]


def test_generic_organisation_nouns() -> None:
    text = "خسر تنظيم داعش مواقعه، وقال التنظيم في بيان إنه سيواصل القتال."
    assert _coref(text, "isis") == [("تنظيم داعش", "match"), ("التنظيم", "coref")]


def test_ministry_last_named_wins_unless_another_dominates() -> None:
    text = ("أعلنت وزارة الخارجية الأمريكية دعمها. وقالت الخارجية إن الوضع صعب. "
            "ونشرت وزارة الدفاع الروسية صورا. وقالت الوزارة إن المدينة دمرت.")
    assert _coref(text, "russia_mod")[-1] == ("الوزارة", "coref")
    assert ("الخارجية", "coref") in _coref(text, "us_state_department")


def test_bare_foreign_ministry_before_it_is_named() -> None:
    text = "الخارجية تندد بالقصف\nوقالت وزارة الخارجية والمغتربين إن القصف جريمة."
    assert _coref(text, "syria_mofa")[0] == ("الخارجية", "coref")


def test_foreign_ministry_by_nationality() -> None:
    assert entities("قالت الخارجية الأمريكية") == {"us_state_department": ["الخارجية الأمريكية"]}


def test_coalition_and_kurdish_forces() -> None:
    text = "قصف التحالف الدولي مواقع داعش، وقال التحالف إن قسد تقدمت وإن القوات الكردية سيطرت على القرية."
    assert ("التحالف", "coref") in _coref(text, "global_coalition")
    assert ("القوات الكردية", "coref") in _coref(text, "sdf")


def test_generic_without_antecedent_is_dropped() -> None:
    assert entities("وقال التنظيم إن الهجوم فشل") == {}


def test_surname_mentions_after_full_name() -> None:
    text = ("قال العقيد جيمس ريتشاردسون إن القصف مستمر. وأضاف ريتشاردسون أن القوات تتقدم. "
            "وأشار (ريتشاردسون) إلى الخسائر.")
    assert _coref(text, "جيمس ريتشاردسون") == [
        ("جيمس ريتشاردسون", "role"), ("ريتشاردسون", "coref"), ("ريتشاردسون", "coref")]


def test_unknown_full_name_repeated() -> None:
    text = "قال مدير المركز (هادي الصالح) إن الوضع صعب. وأكد هادي الصالح أن"
    assert [t for t, _ in _coref(text, "هادي الصالح")] == ["هادي الصالح", "هادي الصالح"]


# ------------------------------------------------------------------ stage


def test_stage_fills_document_and_mentions() -> None:
    text = "أعلن التحالف الدولي أن داعش خسر الرقة."
    a = Analysis(Document("t", text), KB)
    REGISTRY["entities"].fn(a)
    assert [e.kb_id for e in a.doc.entities] == ["global_coalition", "isis", "raqqa"]
    assert [m.entity.kb_id for m in a.mentions] == ["global_coalition", "isis", "raqqa"]
    assert a.mention_at(text.index("الرقة")).entity.kb_id == "raqqa"
    assert [e.id for e in a.doc.entities] == ["e1", "e2", "e3"]


# ------------------------------------------------------------------ later rules


def test_three_word_name_closed_by_punctuation() -> None:
    got = _people("وقالت النازحة مريم عيسى الخلف (40 عاما) إن")
    assert list(got) == ["مريم عيسى الخلف"]


def test_introducer_and_quoted_name() -> None:
    assert list(_people("قتل سائق يدعى سامر حداد، وهو أب لثلاثة")) == ["سامر حداد"]
    assert list(_people("رصدت الأجهزة المدعو \"كاوا روجهلات\" المسؤول عن الهجمات")) == ["كاوا روجهلات"]
    assert _people("وسط صمت الحليف الذي يدّعي حماية المنطقة") == {}


def test_weak_name_needs_closure_or_plain_words() -> None:
    assert _people("وقال مسؤول في منظمة محلية تعمل في المجال") == {}
    assert _people("قال الخبير العسكري فاضل الحمدان، في اتصال هاتفي، إن") == {
        "فاضل الحمدان": (None, "الخبير العسكري")}


def test_one_sense_per_document_for_ambiguous_places() -> None:
    text = "سقطت قذيفة على حي القصور مساء. وقال سكان إن القصور تعرض لقصف متكرر."
    assert entities(text)["al_qusour_deir_ez_zor"] == ["القصور", "القصور"]


def test_institution_found_from_kb_names() -> None:
    kb = _kb()
    kb.actors["russia_mofa"] = Actor("russia_mofa", "وزارة الخارجية الروسية", "organization", "government",
                                     country="RU")
    _, mentions = find_entities("قالت الخارجية الروسية إن الوضع خطير، وأضافت الخارجية أن", kb)
    assert [(m.span.text, m.entity.kb_id, m.resolved_by) for m in mentions] == [
        ("الخارجية الروسية", "russia_mofa", "match"), ("الخارجية", "russia_mofa", "coref")]


def test_bare_army_is_the_document_country_army() -> None:
    kb = _kb()
    kb.actors["iraqi_army"] = Actor("iraqi_army", "الجيش العراقي", "organization", "state_forces",
                                    country="IQ")
    kb.places["baghdad"] = Place("baghdad", "بغداد", "city", 33.3, 44.4, "IQ")
    kb.places["iraq"] = Place("iraq", "العراق", "country", 33.0, 44.0, "IQ")
    ents, _ = find_entities("أعلن الجيش أنه أحبط هجوما قرب بغداد، في حين شهد العراق هدوءا", kb)
    assert {e.kb_id: [m.text for m in e.mentions] for e in ents}["iraqi_army"] == ["الجيش"]


def test_bare_role_noun_refers_to_the_person_with_that_role() -> None:
    text = "وقالت المتحدثة باسم حملة الفجر سلمى الخطيب إن الحملة مستمرة. وأضافت المتحدثة، في بيان، أن"
    assert _coref(text, "سلمى الخطيب") == [("سلمى الخطيب", "role"), ("المتحدثة", "coref")]


def test_common_word_alias_of_an_actor_needs_another_mention() -> None:
    kb = _kb()
    kb.actors["al_qaeda"] = Actor("al_qaeda", "تنظيم القاعدة", "organization", "rebel_group",
                                  aliases=("القاعدة",))
    assert find_entities("أسقطت الدفاعات الجوية في القاعدة طائرتين", kb)[0] == []
    ents, _ = find_entities("تبنى تنظيم القاعدة الهجوم، وقالت القاعدة إن", kb)
    assert [m.text for m in ents[0].mentions] == ["تنظيم القاعدة", "القاعدة"]


def test_adjective_like_country_name() -> None:
    assert entities("نقلت مصادر سورية أن الهجوم فشل") == {}
    assert entities("دخلت القوات إلى سورية أمس") == {"syria": ["سورية"]}
    assert entities("تقدمت القوات في شمال سورية") == {"syria": ["سورية"]}


def test_unknown_place_after_cue_borrows_nearby_coordinates() -> None:
    ents, _ = find_entities("سقطت قذائف على قريتي تل الورد والمشيرفة في ريف الرقة الشمالي", KB)
    unknown = [e for e in ents if e.type == "location" and e.kb_id is None]
    assert [e.canonical for e in unknown] == ["تل الورد", "المشيرفة"]
    assert all(e.geo is not None and e.geo.admin1 == "Raqqa" for e in unknown)
    assert not [e for e in find_entities("لجأت العائلات إلى قرية صغيرة قرب الرقة", KB)[0] if e.kb_id is None]
    assert find_entities("نزح السكان إلى قرية الحمرا", KB)[0] == []   # no known place nearby
