"""Consistency warnings: one article giving different counts for one incident."""

from __future__ import annotations

from test_events_support import analyze, asserted


def test_different_injured_counts_warn_and_keep_the_first() -> None:
    text = ("أدت غارة جوية على حي القصور في مدينة دير الزور إلى مقتل 14 مدنيا وجرح ما يزيد على أربعين آخرين. "
            "وكانت طائرات التحالف نفذت ضربة جوية على حي القصور أسفرت عن مقتل 14 مدنيا وإصابة 32 آخرين.")
    doc = analyze(text)
    (v,) = asserted(doc)
    assert v.counts.injured is not None and (v.counts.injured.low, v.counts.injured.high) == (41, None)
    (w,) = doc.warnings
    assert w.code == "inconsistent_count" and "injured" in w.message
    assert sorted(s.text for s in w.spans) == ["32", "ما يزيد على أربعين"]


def test_same_counts_do_not_warn() -> None:
    text = ("قتل 5 مدنيين في غارة جوية على مدينة إدلب. وقال الدفاع المدني إن الغارة أودت بحياة 5 مدنيين.")
    assert analyze(text).warnings == []


def test_different_incidents_do_not_warn() -> None:
    text = ("قتل 3 مدنيين في غارة جوية على مدينة إدلب. وفي حادث آخر، قتل 8 مدنيين في غارة جوية على "
            "مدينة منبج.")
    assert analyze(text).warnings == []
