"""Event typing: triggers in their forms, sub-types from context words, frames that are no incident."""

from __future__ import annotations

import pytest
from test_events_support import analyze, asserted, only_event

AIR, SHELL = "Air/drone strike", "Shelling/artillery/missile attack"
IED, SUICIDE = "Remote explosive/landmine/IED", "Suicide bomb"
ERV = "Explosions/Remote violence"


@pytest.mark.parametrize(("text", "event_type", "sub_type"), [
    ("شنت طائرات حربية غارات على بلدة منبج أمس الاثنين.", ERV, AIR),
    ("قصفت قوات النظام بالمدفعية الثقيلة أطراف مدينة الرقة صباح اليوم.", ERV, SHELL),
    ("تعرضت قرى في ريف حلب الشمالي لقصف صاروخي ومدفعي مكثف.", ERV, SHELL),
    ("استهدفت طائرة مسيرة سيارة على طريق مدينة القامشلي.", ERV, AIR),
    ("انفجرت عبوة ناسفة بسيارة عسكرية في مدينة الرقة.", ERV, IED),
    ("قتل راعيان بانفجار لغم أرضي في ريف دير الزور.", ERV, IED),
    ("فجر انتحاري سيارة مفخخة يقودها عند حاجز في مدينة دير الزور.", ERV, SUICIDE),
    ("اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية وتنظيم داعش في ريف دير الزور الشرقي.",
     "Battles", "Armed clash"),
    ("نصب مسلحون كمينا لدورية عسكرية قرب مدينة تدمر.", "Battles", "Armed clash"),
    ("اعتقلت قوات سوريا الديمقراطية 15 عنصرا من تنظيم داعش في مدينة الرقة.",
     "Strategic developments", "Arrests"),
    ("اختطف مسلحون مجهولون ثلاثة مدنيين في مدينة إدلب.",
     "Violence against civilians", "Abduction/forced disappearance"),
    ("فرقت قوات الأمن بالغاز المسيل للدموع مظاهرة في مدينة درعا.", "Protests", "Protest with intervention"),
    ("أطلقت قوات الأمن الرصاص الحي على المتظاهرين في احتجاجات بمدينة البصرة.",
     "Protests", "Excessive force against protesters"),
    ("فككت وحدات الهندسة عبوة ناسفة في مدينة منبج.", "Strategic developments", "Disrupted weapons use"),
])
def test_type_and_sub_type(text: str, event_type: str, sub_type: str) -> None:
    events = asserted(analyze(text))
    assert [(v.event_type, v.sub_event_type) for v in events] == [(event_type, sub_type)]


def test_generic_strike_takes_air_from_aircraft_words() -> None:
    _doc, v = only_event("نفذت مقاتلات حربية ضربة على مواقع قرب مدينة الرقة.")
    assert v.sub_event_type == AIR


def test_missiles_of_aircraft_stay_an_air_strike() -> None:
    text = "قال مصدر إن الطيران الحربي استهدف بالصواريخ حيا سكنيا في مدينة دير الزور."
    _doc, v = only_event(text)
    assert (v.event_type, v.sub_event_type) == (ERV, AIR)


def test_ballistic_missile_is_shelling_even_with_drones_named() -> None:
    text = "قتل أربعة مدنيين في هجوم بصاروخ باليستي وطائرات مسيرة على مدينة مأرب."
    _doc, v = only_event(text)
    assert v.sub_event_type == SHELL


def test_strike_on_civilians_stays_remote_violence() -> None:
    _doc, v = only_event("قتل خمسة مدنيين في غارة جوية على سوق بلدة سراقب.")
    assert v.event_type == ERV


def test_attack_on_unarmed_people_is_violence_against_civilians() -> None:
    _doc, v = only_event("قتل ثلاثة مدنيين في هجوم شنه مسلحون على قرية قرب مدينة منبج.")
    assert (v.event_type, v.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(("text", "sub_type"), [
    ("سيطرت قوات سوريا الديمقراطية على بلدة الباغوز بعد معارك مع تنظيم داعش.",
     "Non-state actor overtakes territory"),
    ("استعاد الجيش السوري السيطرة على مدينة تدمر يوم الأحد.", "Government regains territory"),
])
def test_territory_sub_type_follows_who_takes_it(text: str, sub_type: str) -> None:
    events = asserted(analyze(text))
    assert [v.sub_event_type for v in events] == [sub_type]


@pytest.mark.parametrize("text", [
    "أطلقت قوات سوريا الديمقراطية حملة عسكرية لتحرير ريف دير الزور.",
    "أعلنت القوات بدء معركة جديدة للسيطرة على ما تبقى من جيوب التنظيم في دير الزور.",
    "رحب الوزراء بجهود القوات في تحرير المناطق شرق سوريا.",
    "ولا يزال التنظيم يسيطر على قرى في ريف دير الزور.",
    "تقع البلدة تحت سيطرة قوات النظام منذ سنوات.",
    "يشن الطيران غارات بشكل شبه يومي على مواقع التنظيم في الرقة.",
    "لم تلتزم الأطراف بوقف إطلاق النار في مدينة إدلب.",
])
def test_frames_that_name_no_incident(text: str) -> None:
    assert asserted(analyze(text)) == []


def test_clitics_and_verb_forms_match() -> None:
    doc = analyze("وبالقصف المدفعي على بلدة الباب قتل مدني، فيما قصفوا قرية مجاورة في ريف حلب.")
    assert {v.event_type for v in asserted(doc)} == {ERV}


def test_every_event_has_sentence_evidence_and_a_trigger_inside_it() -> None:
    doc = analyze("شنت طائرات حربية غارات على بلدة منبج. وقتل في الغارات ثلاثة مدنيين.")
    for v in doc.events:
        assert v.evidence and any(s.contains(v.trigger) for s in v.evidence)
