"""Later rules: singular victims, names that contain trigger words, shared dates, overrides of the
type by the victims or the target, condemnation and response frames, nationality adjectives."""

from __future__ import annotations

from datetime import date

from test_events_support import analyze, asserted, only_event


def test_singular_victim_after_a_cue_counts_one() -> None:
    _doc, v = only_event("أدى قصف مدفعي على قرية قرب مدينة الباب إلى إصابة طفلة بجروح.")
    assert v.counts.injured is not None and (v.counts.injured.low, v.counts.injured.high) == (1, 1)


def test_trigger_word_inside_an_actor_name_is_no_trigger() -> None:
    doc = analyze("قال المتحدث باسم غرفة عمليات الهجوم إن الوضع هادئ في مدينة إدلب.")
    assert asserted(doc) == [] or all(v.trigger.text != "الهجوم" for v in asserted(doc))


def test_undated_mention_shares_the_date_of_the_incident_just_reported() -> None:
    text = ("شنت طائرات حربية غارات على بلدة سراقب مساء أمس الاثنين. "
            "وبالتزامن مع الغارات، قصفت قوات النظام بالمدفعية قرية قرب مدينة معرة النعمان.")
    doc = analyze(text)
    days = {v.date.start for v in asserted(doc) if v.date is not None}
    assert days == {date(2024, 3, 11)}


def test_killing_protesters_is_excessive_force() -> None:
    doc = analyze("قتل متظاهران برصاص قوات الأمن خلال احتجاجات في مدينة البصرة.")
    assert {(v.event_type, v.sub_event_type) for v in asserted(doc)} == {
        ("Protests", "Excessive force against protesters")}


def test_attack_on_a_camp_of_displaced_people_targets_civilians() -> None:
    _doc, v = only_event("قتل 24 شخصا في هجوم شنه مسلحون على مخيم للنازحين قرب مدينة الفاشر.")
    assert (v.event_type, v.sub_event_type) == ("Violence against civilians", "Attack")


def test_shooting_a_commander_is_a_clash() -> None:
    _doc, v = only_event("اغتال مسلحون قياديا في فصيل مسلح قرب مدينة الباب.")
    assert (v.event_type, v.sub_event_type) == ("Battles", "Armed clash")


def test_condemnation_joins_the_reported_incident() -> None:
    text = ("قتل 5 مدنيين في غارة جوية على مدينة إدلب أمس. "
            "ودانت الأمم المتحدة الهجوم ووصفته بأنه انتهاك للقانون الدولي.")
    (v,) = asserted(analyze(text))
    assert len(v.evidence) == 2


def test_condemnation_without_an_incident_is_no_event() -> None:
    assert asserted(analyze("ندد الوزير بالاعتداءات على المدنيين في المنطقة.")) == []


def test_an_incident_named_in_response_stays_apart() -> None:
    text = ("شنت طائرات أمريكية غارات على مواقع لفصائل مسلحة في مدينة القائم مساء الثلاثاء، "
            "ردا على الهجوم بطائرات مسيرة الذي استهدف مساء الاثنين قاعدة عين الأسد.")
    assert len(asserted(analyze(text))) == 2


def test_nationality_adjective_names_the_side() -> None:
    _doc, v = only_event("قتل ثلاثة مقاتلين بضربة طائرة مسيرة تركية قرب مدينة القامشلي.")
    assert v.actor1 is not None and "تركية" in v.actor1.name


def test_camp_entry_joins_the_attack() -> None:
    text = ("قتل 27 مدنيا في هجوم شنته قوات الدعم السريع على مخيم زمزم للنازحين. "
            "وقال شهود إن المسلحين اقتحموا المخيم ونهبوا المساعدات.")
    assert len(asserted(analyze(text))) == 1


def test_years_of_fighting_are_a_campaign() -> None:
    text = "أعلنت الحكومة النصر على التنظيم بعد معارك دامية استمرت أكثر من ثلاث سنوات."
    assert asserted(analyze(text)) == []


def test_signed_agreement_is_a_strategic_development() -> None:
    doc = analyze("وخرقت القوات اتفاق التهدئة الموقع بين تركيا وروسيا في آذار 2020.")
    types = {(v.event_type, v.sub_event_type) for v in asserted(doc)}
    assert ("Strategic developments", "Agreement") in types


def test_arrests_framed_as_abductions_are_one_event() -> None:
    doc = analyze("شنت قوات الأمن حملة اعتقالات في مخيم الهول واختطفت 30 شابا من قاطني المخيم.")
    assert [v.sub_event_type for v in asserted(doc)] == ["Arrests"]


def test_same_day_cue_shares_the_date_even_for_a_background_form() -> None:
    text = ("قتل ثلاثة مدنيين في غارة جوية على بلدة سراقب مساء أمس الاثنين. "
            "وفي وقت لاحق من اليوم ذاته، كانت قوات النظام قد قصفت بالمدفعية قرية قرب مدينة معرة النعمان.")
    days = {v.date.start for v in asserted(analyze(text)) if v.date is not None}
    assert days == {date(2024, 3, 11)}
