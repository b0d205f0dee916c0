"""The scorer on hand-made cases: perfect, missing, extra, partly right, and shifted texts."""

from __future__ import annotations

import copy
import json

import pytest

from marsad.document import (
    ActorRef,
    Counts,
    DateValue,
    Document,
    Entity,
    Event,
    Location,
    Quantity,
    Quote,
    Source,
    Span,
    Speaker,
)
from marsad.evaluate import evaluate, load_gold, load_predictions
from marsad.evaluate.align import Alignment
from marsad.evaluate.report import write_text

TEXT = ("قصفت طائرات حربية بلدة الهدى أمس ما أدى إلى مقتل 5 مدنيين.\n\n"
        "وقال مدير المستشفى سامر النجار إن \"الجرحى بالعشرات\".\n\n"
        "واعتقلت الشرطة 12 شخصا في مدينة النور.")


def sp(doc: Document, needle: str, nth: int = 1) -> Span:
    start = -1
    for _ in range(nth):
        start = doc.text.index(needle, start + 1)
    return doc.span(start, start + len(needle))


def gold_doc(text: str = TEXT) -> Document:
    doc = Document(id="g", text=text, source=Source(path="articles/x/a.txt"))
    doc.entities = [
        Entity("e1", "location", "الهدى", kb_id="huda", mentions=[sp(doc, "الهدى")]),
        Entity("e2", "person", "سامر النجار", role="مدير المستشفى", mentions=[sp(doc, "سامر النجار")]),
        Entity("e3", "location", "النور", kb_id="nour", mentions=[sp(doc, "النور")]),
    ]
    first = sp(doc, "قصفت طائرات حربية بلدة الهدى أمس ما أدى إلى مقتل 5 مدنيين.")
    doc.events = [
        Event("v1", "Explosions/Remote violence", "Air/drone strike", sp(doc, "قصفت"),
              actor2=ActorRef(None, "مدنيين"), location=Location("e1", "الهدى", geo_precision=1),
              date=DateValue(None, None, "day"),
              counts=Counts(killed=Quantity(5, 5, span=sp(doc, "5 مدنيين"))),
              evidence=[first]),
        Event("v2", "Strategic developments", "Arrests", sp(doc, "واعتقلت"),
              actor1=ActorRef(None, "الشرطة"), location=Location("e3", "النور"),
              counts=Counts(arrested=Quantity(12, 12)),
              evidence=[sp(doc, "واعتقلت الشرطة 12 شخصا في مدينة النور.")]),
    ]
    doc.quotes = [Quote("q1", Speaker("e2", "سامر النجار", "مدير المستشفى"), sp(doc, "وقال"),
                        sp(doc, "الجرحى بالعشرات"), direct=True)]
    return doc


def test_perfect_prediction_scores_one_everywhere():
    gold = gold_doc()
    report = evaluate([gold], [copy.deepcopy(gold)])
    for name in ("events", "entities", "quotes"):
        assert report.layers[name].items.f1 == 1.0, name
    assert report.layers["events"].fields["killed"].f1 == 1.0
    assert all(not d.errors for d in report.documents)


def test_missing_event_lowers_recall_not_precision():
    gold = gold_doc()
    pred = copy.deepcopy(gold)
    pred.events = pred.events[:1]
    events = evaluate([gold], [pred]).layers["events"].items
    assert (events.tp, events.fp, events.fn) == (1, 0, 1)
    assert events.precision == 1.0 and events.recall == 0.5


def test_extra_event_lowers_precision_and_is_listed():
    gold = gold_doc()
    pred = copy.deepcopy(gold)
    pred.events.append(Event("v3", "Battles", "Armed clash", sp(pred, "مقتل"), evidence=[]))
    report = evaluate([gold], [pred])
    assert report.layers["events"].items.fp == 1
    assert any("extra Battles/Armed clash" in e for e in report.documents[0].errors)


def test_partly_right_event_scores_fields_separately():
    gold = gold_doc()
    pred = copy.deepcopy(gold)
    pred.events[0].counts.killed = Quantity(6, 6)          # wrong count
    pred.events[0].location = None                         # missed place
    pred.events[0].sub_event_type = "Shelling/artillery/missile attack"
    fields = evaluate([gold], [pred]).layers["events"].fields
    assert fields["killed"].tp == 0 and fields["killed"].fp == 1 and fields["killed"].fn == 1
    assert fields["location"].fn == 1 and fields["location"].fp == 0
    assert fields["location"].tp == 1  # the arrest's place is right
    assert fields["sub_event_type"].tp == 1 and fields["sub_event_type"].fn == 1


def test_wrong_type_is_no_match():
    gold = gold_doc()
    pred = copy.deepcopy(gold)
    pred.events[1].event_type = "Battles"
    items = evaluate([gold], [pred]).layers["events"].items
    assert (items.tp, items.fp, items.fn) == (1, 1, 1)


def test_non_asserted_events_are_not_counted():
    gold = gold_doc()
    pred = copy.deepcopy(gold)
    pred.events[1].modality = "future"
    items = evaluate([gold], [pred]).layers["events"].items
    assert (items.tp, items.fp, items.fn) == (1, 0, 1)


def test_speaker_scored_by_name_when_no_kb_id():
    gold = gold_doc()
    pred = copy.deepcopy(gold)
    pred.quotes[0].speaker = Speaker(None, "مدير المستشفى")
    fields = evaluate([gold], [pred]).layers["quotes"].fields
    assert (fields["speaker"].tp, fields["speaker"].fp, fields["speaker"].fn) == (0, 1, 1)
    for same in ("سامر  النجار", "النجار", "سامر النّجار"):  # spacing, surname only, diacritics
        pred.quotes[0].speaker = Speaker(None, same)
        assert evaluate([gold], [pred]).layers["quotes"].fields["speaker"].tp == 1, same


def test_prediction_on_differently_cleaned_text_still_aligns():
    gold = gold_doc()
    pred = gold_doc("شارك عبر فيسبوك\n\n" + TEXT + "\n\nجميع الحقوق محفوظة")
    report = evaluate([gold], [pred])
    assert report.layers["events"].items.f1 == 1.0
    assert report.layers["quotes"].items.f1 == 1.0


def test_alignment_maps_inserted_prefix():
    al = Alignment.between("abcdef", "XXabcdef")
    assert al.point(0) == 2 and al.span(Span(1, 4, "bcd")) == (3, 6)


def test_unmatched_gold_document_counts_as_all_missed():
    gold = gold_doc()
    other = copy.deepcopy(gold)
    other.source = Source(path="articles/y/b.txt")
    other.id = "another"
    report = evaluate([gold], [other])
    assert report.unmatched_gold == ["articles/x/a.txt"]
    assert report.layers["events"].items.fn == 2


def test_matching_by_path_suffix_and_reports(tmp_path):
    gold = gold_doc()
    pred = copy.deepcopy(gold)
    pred.source = Source(path="/home/u/samples/demo/articles/x/a.txt")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(gold.to_json(), "utf-8")
    (tmp_path / "gold" / "index.json").write_text("[]", "utf-8")
    (tmp_path / "pred.jsonl").write_text(pred.to_json() + "\n" + json.dumps({"error": {}}) + "\n", "utf-8")
    report = evaluate(load_gold(tmp_path / "gold"), load_predictions(tmp_path / "pred.jsonl"))
    assert report.layers["events"].items.f1 == 1.0
    import io

    buf = io.StringIO()
    write_text(report, buf)
    assert "EVENTS" in buf.getvalue() and "killed" in buf.getvalue()
    assert json.loads(json.dumps(report.to_dict()))["layers"]["events"]["items"]["f1"] == 1.0


def test_missing_gold_folder_is_a_usage_error(tmp_path):
    from marsad.errors import MarsadError

    with pytest.raises(MarsadError):
        load_gold(tmp_path / "nope")
