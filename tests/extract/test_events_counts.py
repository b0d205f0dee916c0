"""Casualty counts bound to the right noun and verb: kinds, duals, sums of parts, open ranges."""

from __future__ import annotations

import pytest
from test_events_support import analyze, asserted, only_event


def counts(text: str) -> dict[str, tuple[int | None, int | None]]:
    _doc, v = only_event(text)
    out = {}
    for kind in ("killed", "injured", "arrested", "kidnapped", "displaced"):
        q = getattr(v.counts, kind)
        if q is not None:
            out[kind] = (q.low, q.high)
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل 7 مدنيين في غارة جوية على مدينة إدلب.", {"killed": (7, 7)}),
    ("أسفرت غارة جوية على مدينة إدلب عن مقتل 9 مدنيين.", {"killed": (9, 9)}),
    ("أدى قصف مدفعي على بلدة الباب إلى استشهاد 3 أطفال.", {"killed": (3, 3)}),
    ("لقي 5 عناصر مصرعهم في كمين نصبه مسلحون قرب مدينة تدمر.", {"killed": (5, 5)}),
    ("أودى انفجار عبوة ناسفة في مدينة الرقة بحياة 6 أشخاص.", {"killed": (6, 6)}),
    ("أصيب 12 شخصا بجروح في قصف صاروخي على مدينة مأرب.", {"injured": (12, 12)}),
    ("اعتقلت قوات الأمن 23 شخصا خلال مداهمة في مدينة الرقة.", {"arrested": (23, 23)}),
    ("اختطف مسلحون 4 مدنيين في مدينة إدلب.", {"kidnapped": (4, 4)}),
])
def test_each_count_verb(text: str, expected: dict) -> None:
    assert counts(text) == expected


def test_killed_and_injured_in_one_sentence() -> None:
    text = "أدت غارة جوية على حي سكني في مدينة إدلب إلى سقوط 14 مدنيا وجرح 40 آخرين."
    assert counts(text) == {"killed": (14, 14), "injured": (40, 40)}


def test_noun_after_verb_binds_forward() -> None:
    text = "قال المرصد إن ثلاثة مدنيين قتلوا وأصيب ثمانية آخرون جراء سقوط صاروخ على مدينة مأرب."
    assert counts(text) == {"killed": (3, 3), "injured": (8, 8)}


def test_more_than_n_is_open_from_n_plus_one() -> None:
    text = "قتل 14 مدنيا وجرح ما يزيد على أربعين آخرين في غارة جوية على مدينة دير الزور."
    assert counts(text)["injured"] == (41, None)


def test_at_least_n_is_open_from_n() -> None:
    assert counts("قتل ما لا يقل عن 20 شخصا في غارة جوية على مدينة إدلب.")["killed"] == (20, None)


def test_dual_noun_counts_two() -> None:
    assert counts("قتل جنديان في هجوم على حاجز قرب مدينة تدمر.")["killed"] == (2, 2)


def test_dual_with_at_least_after_it() -> None:
    assert counts("قتل مدنيان على الأقل في قصف مدفعي على بلدة الباب.")["killed"] == (2, None)


def test_parts_by_side_are_summed() -> None:
    assert counts("قتل 4 جنود و43 مهاجما في هجوم على قاعدة عسكرية قرب مدينة الرقة.")["killed"] == (47, 47)


def test_subset_is_not_added() -> None:
    text = "قتل 11 مدنيا، بينهم أربعة أطفال، في غارات جوية على مدينة أريحا."
    assert counts(text)["killed"] == (11, 11)


def test_approximate_count() -> None:
    _doc, v = only_event("قتل نحو 30 شخصا في غارة جوية على مدينة إدلب.")
    assert v.counts.killed is not None and (v.counts.killed.low, v.counts.killed.approx) == (30, True)


def test_count_in_next_sentence_joins_the_event() -> None:
    doc = analyze("شنت طائرات حربية غارة على بلدة سراقب مساء أمس. وقال الدفاع المدني إن فرقه انتشلت جثث "
                  "9 مدنيين.")
    (v,) = asserted(doc)
    assert v.counts.killed is not None and v.counts.killed.low == 9
    assert len(v.evidence) == 2


def test_count_spans_are_the_numbers() -> None:
    doc = analyze("قتل 7 مدنيين في غارة جوية على مدينة إدلب.")
    q = doc.events[0].counts.killed
    assert q is not None and q.span is not None and q.span.text == "7"


def test_non_person_numbers_are_not_casualties() -> None:
    _doc, v = only_event("شنت طائرات حربية 14 غارة على قرى في ريف إدلب.")
    assert v.counts.killed is None and v.counts.injured is None


def test_killing_without_trigger_is_an_event() -> None:
    _doc, v = only_event("قتل خمسة مدنيين برصاص مسلحين مجهولين في بلدة قرب مدينة درعا.")
    assert v.event_type == "Violence against civilians"
    assert v.counts.killed is not None and v.counts.killed.low == 5
