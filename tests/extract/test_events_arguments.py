"""Actors, place, date, source, modality and one-incident-one-event merging."""

from __future__ import annotations

from datetime import date

import pytest
from test_events_support import analyze, asserted, kb_of, only_event


def test_actor1_subject_of_the_verb() -> None:
    doc, v = only_event("قصفت قوات النظام بالمدفعية الثقيلة أطراف مدينة الرقة صباح اليوم.")
    assert v.actor1 is not None and kb_of(doc, v.actor1.entity) == "syrian_army"


def test_actor1_before_the_verb_and_actor2_after_a_target_noun() -> None:
    doc, v = only_event("اعتقلت قوات سوريا الديمقراطية 15 عنصرا من تنظيم داعش في مدينة الرقة.")
    assert v.actor1 is not None and kb_of(doc, v.actor1.entity) == "sdf"
    assert v.actor2 is not None and kb_of(doc, v.actor2.entity) == "isis"


def test_actor1_of_a_masdar_is_its_genitive() -> None:
    doc = analyze("أدى قصف التحالف الدولي على بلدة هجين إلى مقتل 4 مدنيين.")
    (v,) = asserted(doc)
    assert v.actor1 is not None and kb_of(doc, v.actor1.entity) == "global_coalition"


def test_light_verb_subject_is_the_actor() -> None:
    doc, v = only_event("تمكن الجيش السوري في 5 أيلول من فك الحصار عن مدينة دير الزور.",
                        published=date(2017, 10, 24))
    assert v.actor1 is not None and kb_of(doc, v.actor1.entity) == "syrian_army"
    assert v.sub_event_type == "Government regains territory"
    assert v.date is not None and v.date.start == date(2017, 9, 5)


def test_unnamed_perpetrator_keeps_its_description() -> None:
    _doc, v = only_event("اختطف مسلحون مجهولون ثلاثة مدنيين في مدينة إدلب.")
    assert v.actor1 is not None and "مجهولون" in v.actor1.name


def test_civilian_victims_are_actor2() -> None:
    _doc, v = only_event("قتل 7 مدنيين في غارة جوية على مدينة إدلب.")
    assert v.actor2 is not None and "مدنيين" in v.actor2.name


def test_most_specific_place_wins() -> None:
    _doc, v = only_event("استهدفت غارة جوية حي القصور في مدينة دير الزور مساء أمس.")
    assert v.location is not None and v.location.name == "حي القصور"
    assert v.location.geo_precision == 1 and v.location.lat is not None


@pytest.mark.parametrize(("text", "precision"), [
    ("سقطت قذائف هاون على مدينة الرقة مساء أمس.", 1),
    ("سقطت قذائف هاون قرب مدينة الرقة مساء أمس.", 2),
    ("سقطت قذائف هاون على ريف دير الزور الشرقي مساء أمس.", 2),
    ("سقطت قذائف هاون على محافظة إدلب مساء أمس.", 3),
])
def test_geo_precision(text: str, precision: int) -> None:
    _doc, v = only_event(text)
    assert v.location is not None and v.location.geo_precision == precision


def test_place_the_attackers_came_from_is_not_the_location() -> None:
    _doc, v = only_event("قصفت القوات المتمركزة في مدينة عفرين بالمدفعية قرى في ريف مدينة تل رفعت.")
    assert v.location is not None and v.location.name != "عفرين"


@pytest.mark.parametrize(("text", "day"), [
    ("قتل 3 مدنيين في غارة جوية على مدينة إدلب أمس.", date(2024, 3, 11)),
    ("قتل 3 مدنيين في غارة جوية على مدينة إدلب يوم الأحد.", date(2024, 3, 10)),
    ("قتل 3 مدنيين في غارة جوية على مدينة إدلب.", date(2024, 3, 12)),
])
def test_date_resolved_against_publication(text: str, day: date) -> None:
    _doc, v = only_event(text)
    assert v.date is not None and (v.date.start, v.date.end, v.date.precision) == (day, day, "day")


def test_background_incident_without_date_gets_the_report_month() -> None:
    _doc, v = only_event("وكانت قوات سوريا الديمقراطية قد سيطرت على بلدة الباغوز.")
    assert v.date is not None and v.date.precision == "month"
    assert (v.date.start, v.date.end) == (date(2024, 3, 1), date(2024, 3, 31))


def test_no_publication_date_leaves_the_date_open() -> None:
    _doc, v = only_event("قتل 3 مدنيين في غارة جوية على مدينة إدلب.", published=None)
    assert v.date is None


@pytest.mark.parametrize("text", [
    "قال المرصد السوري لحقوق الإنسان إن غارة جوية قتلت 7 مدنيين في مدينة إدلب.",
    "بحسب المرصد السوري لحقوق الإنسان، قتل 7 مدنيين في غارة جوية على مدينة إدلب.",
    "قتل 7 مدنيين في غارة جوية على مدينة إدلب، وفقا للمرصد السوري لحقوق الإنسان.",
])
def test_attribution_names_the_source(text: str) -> None:
    doc, v = only_event(text)
    assert v.attributed_to is not None and kb_of(doc, v.attributed_to.entity) == "sohr"


def test_source_is_not_the_actor() -> None:
    doc, v = only_event("أعلن التحالف الدولي أن قوات سوريا الديمقراطية اعتقلت 20 عنصرا من التنظيم في الرقة.")
    assert kb_of(doc, v.actor1.entity if v.actor1 else None) == "sdf"
    assert v.attributed_to is not None and kb_of(doc, v.attributed_to.entity) == "global_coalition"


@pytest.mark.parametrize(("text", "modality"), [
    ("نفت وزارة الدفاع الروسية تنفيذ أي غارة على مدينة إدلب.", "negated"),
    ("لم يتمكن تنظيم داعش من استعادة أي منطقة في دير الزور.", "negated"),
    ("قال التحالف الدولي إنه سيرد على أي هجوم يستهدف قواته.", "future"),
    ("توعد التنظيم بشن هجمات جديدة على مدينة الرقة.", "future"),
    ("إذا هاجم تنظيم داعش مدينة الرقة فإن القوات سترد بقوة.", "hypothetical"),
    ("زعمت وزارة الدفاع الروسية أن طائراتها قصفت مواقع لتنظيم داعش في دير الزور.", "alleged"),
])
def test_modality(text: str, modality: str) -> None:
    doc = analyze(text)
    assert doc.events and {v.modality for v in doc.events} == {modality}
    assert asserted(doc) == [] or modality == "asserted"


def test_denial_of_involvement_keeps_the_incident_asserted() -> None:
    doc = analyze("نفت قوات سوريا الديمقراطية أي علاقة لها بتفجير السيارة المفخخة في مدينة أعزاز.")
    assert [v.modality for v in doc.events] == ["asserted"]


def test_repeated_mentions_merge_into_one_event() -> None:
    text = ("قتل 14 مدنيا في غارة جوية للتحالف الدولي على حي القصور في مدينة دير الزور. "
            "وأضاف المصدر أن الغارة دمرت مبنى سكنيا بالكامل. "
            "وكانت طائرات التحالف قد نفذت ضربة جوية على حي القصور.")
    doc = analyze(text)
    (v,) = asserted(doc)
    assert len(v.evidence) == 3 and v.counts.killed is not None and v.counts.killed.low == 14


def test_different_places_stay_apart() -> None:
    doc = analyze("قتل 3 مدنيين في غارة جوية على مدينة إدلب. وفي حادث آخر، قتل مدنيان في غارة جوية على "
                  "مدينة منبج.")
    assert sorted(v.location.name for v in asserted(doc) if v.location) == ["إدلب", "منبج"]


def test_anaphora_joins_a_later_claim_of_responsibility() -> None:
    text = ("هاجم مسلحون مقرا لقوات سوريا الديمقراطية في مدينة الرقة. "
            "وأعلن تنظيم داعش مسؤوليته عن الهجوم الذي أودى بحياة ستة عناصر.")
    doc = analyze(text)
    (v,) = asserted(doc)
    assert v.counts.killed is not None and v.counts.killed.low == 6
    assert len(v.evidence) == 2
