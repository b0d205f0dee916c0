from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.document import (
    ActorRef,
    Claim,
    Counts,
    DateValue,
    Document,
    Entity,
    Event,
    Geo,
    Location,
    Quantity,
    Quote,
    Source,
    Span,
    Speaker,
    Warning,
    schema_errors,
    validate,
)

TEXT = "قصفت طائرات التحالف حي القصور في دير الزور أمس، ما أدى إلى مقتل 14 مدنيا."


def find(doc: Document, word: str) -> Span:
    start = doc.text.index(word)
    return doc.span(start, start + len(word))


def sample_doc() -> Document:
    doc = Document(id="abc", text=TEXT, source=Source(path="a.txt", outlet="Test"))
    coalition = Entity("e1", "organization", "التحالف الدولي", "Global Coalition", "global_coalition",
                       "external_forces", mentions=[find(doc, "التحالف")])
    place = Entity("e2", "location", "دير الزور", "Deir ez-Zor", "deir_ez_zor",
                   geo=Geo(35.33, 40.14, "SY", "Deir ez-Zor", 170794), mentions=[find(doc, "دير الزور")])
    doc.entities += [coalition, place]
    killed = Quantity(14, 14, False, find(doc, "14 مدنيا"))
    doc.events.append(Event(
        "v1", "Explosions/Remote violence", "Air/drone strike", doc.span(0, 4),
        actor1=ActorRef("e1", "التحالف الدولي", "Global Coalition"),
        location=Location("e2", "دير الزور", 35.33, 40.14, "SY", "Deir ez-Zor", 1),
        date=DateValue(date(2017, 10, 23), date(2017, 10, 23), "day", "أمس"),
        counts=Counts(killed=killed), evidence=[doc.span(0, len(TEXT))]))
    doc.quotes.append(Quote("q1", Speaker("e1", "التحالف"), doc.span(0, 4), doc.span(5, 19)))
    doc.claims.append(Claim("c1", "killed", killed, "مدني", doc.span(0, len(TEXT))))
    doc.warnings.append(Warning("inconsistent_count", "x", [killed.span]))
    return doc


def test_round_trip_is_lossless():
    doc = sample_doc()
    again = Document.from_json_str(doc.to_json())
    assert again == doc
    assert again.events[0].date.start == date(2017, 10, 23)
    assert again.entities[1].geo.lat == 35.33


def test_valid_document_has_no_problems_and_matches_schema():
    doc = sample_doc()
    assert validate(doc) == []
    assert schema_errors(doc.to_dict()) == []


def test_validator_catches_a_span_that_does_not_index_the_text():
    doc = sample_doc()
    doc.entities[0].mentions.append(Span(0, 3, "xyz"))
    doc.quotes[0].cue = Span(500, 510, "")
    problems = validate(doc)
    assert any("mentions[1]" in p for p in problems)
    assert any("outside text" in p for p in problems)


def test_validator_catches_dangling_entity_reference():
    doc = sample_doc()
    doc.events[0].actor1 = ActorRef("e99", "?")
    assert any("unknown entity 'e99'" in p for p in validate(doc))


def test_schema_rejects_wrong_enumerations():
    data = sample_doc().to_dict()
    data["events"][0]["event_type"] = "Fights"
    data["entities"][0]["category"] = "heroes"
    errors = schema_errors(data)
    assert len(errors) == 2


def test_exact_quantity():
    assert Quantity(14, 14).exact == 14
    assert Quantity(41, None).exact is None


@given(st.text(max_size=50), st.integers(0, 60), st.integers(0, 60))
def test_span_of_always_indexes_its_text(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    span = Span.of(text, start, end)
    assert text[span.start:span.end] == span.text


def test_span_relations():
    a, b = Span(0, 5, "x" * 5), Span(3, 8, "y" * 5)
    assert a.overlaps(b) and not a.contains(b)
    assert Span(0, 10, "z" * 10).contains(b)
    with pytest.raises(AttributeError):
        a.start = 2  # frozen
