"""Claims: numbers that are totals, rates, returnees or the displaced, not counts of one incident."""

from __future__ import annotations

from datetime import date

from test_events_support import analyze, asserted, kb_of

from marsad.document import CLAIM_KINDS


def claims(text: str, published: date | None = date(2024, 3, 12)) -> list[tuple]:
    doc = analyze(text, published)
    return [(c.kind, c.quantity.low, c.quantity.high) for c in doc.claims]


def test_total_since_a_year_is_a_killed_claim_with_an_open_period() -> None:
    doc = analyze("وثق المرصد السوري لحقوق الإنسان مقتل ما لا يقل عن 600 مدني في غارات التحالف منذ عام 2014.")
    (c,) = doc.claims
    assert (c.kind, c.quantity.low, c.quantity.high, c.subject) == ("killed", 600, None, "مدني")
    assert c.period is not None and (c.period.start, c.period.end) == (date(2014, 1, 1), date(2024, 3, 12))
    assert kb_of(doc, c.attributed_to.entity if c.attributed_to else None) == "sohr"
    assert asserted(doc) == []


def test_injured_and_killed_over_a_range_are_two_claims() -> None:
    text = ("أصيب من العائدين إلى مدينة الرقة بين تشرين الأول 2017 وآذار 2018 نحو 600 شخص وقتل 120 "
            "بسبب الألغام.")
    doc = analyze(text)
    got = {(c.kind, c.quantity.low) for c in doc.claims}
    assert {("injured", 600), ("killed", 120)} <= got
    for c in doc.claims:
        assert c.period is not None and c.period.start == date(2017, 10, 1)


def test_returnees_are_claims() -> None:
    assert ("returned", 50000, 50000) in claims("منذ تحرير المدينة عاد إلى مدينة الرقة 50 ألف مدني.")


def test_displaced_are_claims() -> None:
    got = claims("قالت الأمم المتحدة إن المعارك أجبرت أكثر من ثمانية آلاف شخص على النزوح منذ ذلك الحين.")
    assert ("displaced", 8001, None) in got


def test_weekly_rate() -> None:
    doc = analyze("تسجل المستشفيات ما بين 20-25 إصابة كل أسبوع بسبب مخلفات الحرب في مدينة الرقة.")
    (c,) = doc.claims
    assert (c.kind, c.quantity.low, c.quantity.high) == ("injured", 20, 25)
    assert c.period is not None and c.period.precision == "week"


def test_number_of_incidents_over_a_period_is_other() -> None:
    assert ("other", 37, 37) in claims("نفذت الطائرات المسيرة منذ بداية العام الجاري 37 هجوما على مناطق "
                                      "شمال شرق سوريا.")


def test_subset_of_a_total_is_its_own_claim() -> None:
    got = claims("قتل 412 شخصا على الأقل، بينهم 97 مدنيا، في شمال غرب سوريا منذ مطلع العام الجاري.")
    assert ("killed", 412, None) in got and ("killed", 97, 97) in got


def test_incident_counts_are_not_claims() -> None:
    doc = analyze("قتل 7 مدنيين في غارة جوية على مدينة إدلب أمس.")
    assert doc.claims == [] and doc.events[0].counts.killed is not None


def test_a_repeated_total_is_one_claim() -> None:
    text = "منذ تحرير المدينة عاد إلى مدينة الرقة 50 ألف مدني. وتقدم المنظمات المساعدة لـ50 ألف شخص عادوا."
    assert len([c for c in analyze(text).claims if c.quantity.low == 50000]) == 1


def test_claim_kinds_and_spans_follow_the_contract() -> None:
    doc = analyze("وثق المرصد مقتل 78 مدنيا ونزوح أكثر من 12 ألف شخص في شمال غرب سوريا منذ مطلع العام.")
    assert doc.claims and all(c.kind in CLAIM_KINDS for c in doc.claims)
    for c in doc.claims:
        assert c.quantity.span is not None and c.evidence.contains(c.quantity.span)


def test_estimates_are_claims() -> None:
    got = claims("وقدرت دراسة مستقلة عدد القتلى في الحرب بنحو 130 ألفا.")
    assert got and got[0][0] == "killed" and got[0][1] == 130000


def test_a_population_of_displaced_people_is_no_displacement_claim() -> None:
    assert claims("يقدم المركز الصحي خدماته لآلاف النازحين في المخيم.") == []


def test_incidents_counted_without_a_period_are_no_claim() -> None:
    assert claims("نفذت طائرات حربية ثلاث ضربات على السوق في ساعة الذروة.") == []
