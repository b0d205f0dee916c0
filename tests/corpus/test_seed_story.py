"""Acceptance: the five real seeds plus the demo corpus, ingested together, give one story for the
capture of Raqqa in October 2017 told by several seed outlets, with each outlet's framing."""

from __future__ import annotations

from pathlib import Path

from marsad.corpus import Corpus
from marsad.ingest import IngestOptions, read_paths
from marsad.pipeline import analyze_many

DEMO = Path(__file__).resolve().parents[2] / "samples" / "demo"


def _raqqa_story(corpus: Corpus) -> dict:
    for row in corpus.stories(min_outlets=2):
        story = corpus.story(row["id"])
        for incident in story["incidents"]:
            outlets = {r["outlet"] for r in incident["reports"]}
            if (incident["sub_event_type"] == "Non-state actor overtakes territory"
                    and any(r["location_kb"] == "raqqa" for r in incident["reports"])
                    and (incident["date"] or "").startswith("2017-10")
                    and len(outlets & {"SyriaNews", "Al Arabiya", "Sputnik"}) >= 2):
                return story
    raise AssertionError("no multi-outlet story for the October 2017 capture of Raqqa")


def test_raqqa_capture_is_one_story_with_each_outlets_framing(seeds, tmp_path):
    opts = IngestOptions(outlet_files=[DEMO / "outlets.yaml"])
    inputs = [*map(str, seeds.values()), str(DEMO / "articles"), str(DEMO / "feeds")]
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(analyze_many(read_paths(inputs, opts)))
        corpus.refresh()
        story = _raqqa_story(corpus)
    seed_outlets = {d["outlet"] for d in story["documents"]} & {"SyriaNews", "Al Arabiya", "Sputnik"}
    assert len(seed_outlets) >= 2
    framing = {outlet: {t["term"] for t in terms} for outlet, terms in story["framing"].items()}
    assert {"theatre", "liberation"} <= framing["SyriaNews"]        # "مسرحية تحرير مدينة الرقة"
    others = [framing.get(o, set()) for o in seed_outlets - {"SyriaNews"}]
    assert any("liberation" in f or "cleansing" in f for f in others)
    assert not any("theatre" in f for f in others)
