"""Golden events, claims and warnings of the five real seed articles (read from ``../shared/seeds``).

The expectations are what a careful analyst codes by docs/EVENTS.md (see docs/events.md for the
choices); only short phrases appear here, never the articles' text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.document import Document, Event, validate

ERV, BAT, SD = "Explosions/Remote violence", "Battles", "Strategic developments"


@pytest.fixture(scope="module")
def docs(request: pytest.FixtureRequest) -> dict[str, Document]:
    from marsad import pipeline
    from marsad.ingest import read_file

    seeds = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
    paths = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not paths:
        pytest.skip(f"seed articles not found in {seeds}")
    pipe = pipeline.build(["entities", "quotes", "events", "claims", "consistency"])
    out = {}
    for path in paths:
        article = next(iter(read_file(path)))
        out[path.name[:3]] = pipe.analyze(article)
    return out


def kb(doc: Document, entity_id: str | None) -> str | None:
    e = doc.entity(entity_id) if entity_id else None
    return e.kb_id if e is not None else None


def asserted(doc: Document) -> list[Event]:
    return [v for v in doc.events if v.modality == "asserted"]


def find(doc: Document, sub_type: str, place: str) -> Event:
    hits = [v for v in asserted(doc) if v.sub_event_type == sub_type
            and v.location is not None and kb(doc, v.location.entity) == place]
    assert len(hits) == 1, [(v.sub_event_type, v.location and v.location.name) for v in asserted(doc)]
    return hits[0]


def test_all_spans_valid(docs: dict[str, Document]) -> None:
    for name, doc in docs.items():
        assert validate(doc) == [], name


# ------------------------------------------------------------------ 002


def test_002_coalition_strike_on_al_qusour(docs: dict[str, Document]) -> None:
    doc = docs["002"]
    v = find(doc, "Air/drone strike", "al_qusour_deir_ez_zor")
    assert v.event_type == ERV
    assert kb(doc, v.actor1.entity if v.actor1 else None) == "global_coalition"
    assert v.actor2 is not None and "مدني" in v.actor2.name
    assert v.counts.killed is not None and (v.counts.killed.low, v.counts.killed.high) == (14, 14)
    assert v.counts.injured is not None and (v.counts.injured.low, v.counts.injured.high) == (41, None)
    assert v.attributed_to is not None and kb(doc, v.attributed_to.entity) == "syria_mofa"
    assert v.date is not None and v.date.start == date(2017, 10, 24)
    assert len(v.evidence) >= 2


def test_002_inconsistent_injured_counts_warned(docs: dict[str, Document]) -> None:
    (w,) = [w for w in docs["002"].warnings if w.code == "inconsistent_count"]
    assert sorted(s.text for s in w.spans) == ["32", "ما يزيد على أربعين"]


def test_002_siege_of_deir_ez_zor_broken(docs: dict[str, Document]) -> None:
    doc = docs["002"]
    v = find(doc, "Government regains territory", "deir_ez_zor")
    assert kb(doc, v.actor1.entity if v.actor1 else None) == "syrian_army"
    assert v.date is not None and (v.date.start, v.date.precision) == (date(2017, 9, 5), "day")


def test_002_raqqa_taken_by_a_non_state_actor(docs: dict[str, Document]) -> None:
    v = find(docs["002"], "Non-state actor overtakes territory", "raqqa")
    assert v.date is not None and v.date.start == date(2017, 10, 24)


@pytest.mark.xfail(reason="entity stage reads 'سوريا' inside قوات \"سوريا الديمقراطية\" as the country",
                   strict=False)
def test_002_raqqa_taken_by_the_sdf(docs: dict[str, Document]) -> None:
    doc = docs["002"]
    v = find(doc, "Non-state actor overtakes territory", "raqqa")
    assert kb(doc, v.actor1.entity if v.actor1 else None) == "sdf"


def test_002_totals_are_claims_not_events(docs: dict[str, Document]) -> None:
    doc = docs["002"]
    killed = {(c.quantity.low, c.quantity.high) for c in doc.claims if c.kind == "killed"}
    assert (600, None) in killed
    (c600,) = [c for c in doc.claims if c.quantity.low == 600]
    assert c600.period is not None and c600.period.start == date(2014, 1, 1)
    assert kb(doc, c600.attributed_to.entity if c600.attributed_to else None) == "global_coalition"
    assert all(v.counts.killed is None or v.counts.killed.low != 600 for v in doc.events)


def test_002_event_set(docs: dict[str, Document]) -> None:
    subs = sorted(v.sub_event_type for v in asserted(docs["002"]))
    assert subs == ["Air/drone strike", "Government regains territory", "Government regains territory",
                    "Non-state actor overtakes territory"]


# ------------------------------------------------------------------ 003


def test_003_sdf_arrests_in_raqqa(docs: dict[str, Document]) -> None:
    doc = docs["003"]
    v = find(doc, "Arrests", "raqqa")
    assert v.event_type == SD
    assert kb(doc, v.actor1.entity if v.actor1 else None) == "sdf"
    assert v.counts.arrested is not None and v.counts.arrested.low == 210
    assert kb(doc, v.attributed_to.entity if v.attributed_to else None) == "global_coalition"
    assert v.date is not None and v.date.start == date(2023, 2, 18)


def test_003_isis_attack_on_the_prison_site(docs: dict[str, Document]) -> None:
    doc = docs["003"]
    v = find(doc, "Armed clash", "raqqa")
    assert v.event_type == BAT
    assert kb(doc, v.actor1.entity if v.actor1 else None) == "isis"
    assert v.counts.killed is not None and v.counts.killed.low == 6
    assert v.date is not None and (v.date.start, v.date.precision) == (date(2022, 12, 25), "day")


def test_003_raqqa_taken_in_october_2017(docs: dict[str, Document]) -> None:
    doc = docs["003"]
    v = find(doc, "Non-state actor overtakes territory", "raqqa")
    assert kb(doc, v.actor1.entity if v.actor1 else None) == "sdf"
    assert v.date is not None and (v.date.start, v.date.end) == (date(2017, 10, 1), date(2017, 10, 31))


def test_003_event_set(docs: dict[str, Document]) -> None:
    assert len(asserted(docs["003"])) == 3


# ------------------------------------------------------------------ 000, 001, 004


def test_000_failed_recapture_is_not_asserted(docs: dict[str, Document]) -> None:
    doc = docs["000"]
    assert not any(v.trigger.text.endswith("استعادة") for v in asserted(doc))


def test_000_turkish_attack_on_afrin(docs: dict[str, Document]) -> None:
    doc = docs["000"]
    (v,) = [v for v in asserted(doc) if v.location and kb(doc, v.location.entity) == "afrin"]
    assert (v.event_type, v.sub_event_type) == (BAT, "Armed clash")
    assert kb(doc, v.actor1.entity if v.actor1 else None) == "turkey"


def test_000_liberation_of_raqqa_is_a_background_event(docs: dict[str, Document]) -> None:
    find(docs["000"], "Non-state actor overtakes territory", "raqqa")


def test_000_claims(docs: dict[str, Document]) -> None:
    got = {(c.kind, c.quantity.low, c.quantity.high) for c in docs["000"].claims}
    assert {("returned", 138000, 138000), ("injured", 658, 658), ("killed", 130, 130),
            ("injured", 25, 30)} <= got
    (returned,) = [c for c in docs["000"].claims if c.kind == "returned"]
    assert returned.period is not None and returned.period.start == date(2017, 10, 1)
    (mines,) = [c for c in docs["000"].claims if c.quantity.low == 658]
    assert mines.quantity.approx and mines.period is not None
    assert (mines.period.start, mines.period.end) == (date(2017, 10, 1), date(2018, 3, 31))


@pytest.mark.xfail(reason="the destruction of Raqqa 'by coalition bombing' is read as one incident",
                   strict=False)
def test_000_event_set(docs: dict[str, Document]) -> None:
    assert len(asserted(docs["000"])) == 2


def test_001_launch_and_threat_are_not_events(docs: dict[str, Document]) -> None:
    doc = docs["001"]
    assert asserted(doc) == []
    assert all(v.modality in ("future", "hypothetical") for v in doc.events)


def test_004_turkish_offensive_east_of_the_euphrates(docs: dict[str, Document]) -> None:
    doc = docs["004"]
    (v,) = [v for v in asserted(doc) if v.event_type == BAT]
    assert v.sub_event_type == "Armed clash"
    assert kb(doc, v.actor1.entity if v.actor1 else None) == "turkey"
    assert v.location is not None and kb(doc, v.location.entity) == "euphrates"


def test_004_ceasefire_agreement_is_a_strategic_development(docs: dict[str, Document]) -> None:
    subs = sorted(v.sub_event_type for v in asserted(docs["004"]))
    assert subs == ["Agreement", "Armed clash"]
