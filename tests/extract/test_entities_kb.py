"""The entity stage with the shipped knowledge base: its data files, ``--kb`` overlays, the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import pipeline
from marsad.document import CATEGORIES, validate
from marsad.extract.entities.lexicon import DATA, _read, lexicon
from marsad.ingest.article import Article
from marsad.kb import load_kb
from marsad.kb.model import PLACE_KINDS


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_data_files_are_well_formed() -> None:
    for name in ("titles.yaml", "coref.yaml", "place_cues.yaml"):
        data = _read(name)
        assert isinstance(data, dict) and data, name
    lex = lexicon()
    assert lex.ranks and lex.roles and lex.given_names and lex.stop_words
    assert not lex.given_names & lex.stop_words
    for kinds in lex.cues.values():
        assert set(kinds) <= set(PLACE_KINDS)
    assert set(lex.default_kinds) <= set(PLACE_KINDS)
    for rule in lex.generic:
        assert rule.forms and (rule.heads or rule.ids or rule.categories)
        assert rule.categories <= set(CATEGORIES)


def test_coref_ids_exist_in_the_kb(kb) -> None:
    lex = lexicon()
    ids = {i for rule in lex.generic for i in rule.ids}
    ids |= {i for inst in lex.institutions for i in inst.actors.values()}
    missing = sorted(i for i in ids if i not in kb.actors)
    assert missing == []
    assert all(kb.actors[i].type == "organization" for i in ids)


def test_nationalities_use_country_codes() -> None:
    countries = set(_read("coref.yaml")["nationalities"])
    assert all(len(c) == 2 and c.isupper() for c in countries)
    assert (DATA / "countries.yaml").exists()


def _analyze(text: str, kb_files: tuple[Path, ...] = ()):
    pipe = pipeline.build(["entities"], kb_files=kb_files)
    doc = pipe.analyze(Article(text=text))
    assert validate(doc) == []
    return doc


OVERLAY = """\
actors:
  - id: palm_brigades
    name: كتائب النخيل الحمراء
    name_en: Red Palm Brigades
    type: organization
    category: rebel_group
    aliases: [كتائب النخيل]
"""


def test_kb_overlay_adds_a_matched_actor(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(OVERLAY, encoding="utf-8")
    text = "أعلنت كتائب النخيل الحمراء سيطرتها على التلة، وقالت الكتائب إن مقاتليها انسحبوا لاحقا."
    assert "palm_brigades" not in {e.kb_id for e in _analyze(text).entities}
    doc = _analyze(text, (extra,))
    (e,) = [e for e in doc.entities if e.kb_id == "palm_brigades"]
    assert (e.canonical, e.canonical_en, e.category, e.type) == (
        "كتائب النخيل الحمراء", "Red Palm Brigades", "rebel_group", "organization")


def test_pipeline_on_a_synthetic_report() -> None:
    text = ("أعلن التحالف الدولي أن قوات سوريا الديمقراطية (قسد) سيطرت على بلدة في ريف دير الزور الشرقي، "
            "فيما قال المرصد السوري لحقوق الإنسان إن تنظيم داعش خسر مواقعه في سوريا.")
    doc = _analyze(text)
    ids = {e.kb_id for e in doc.entities}
    assert {"global_coalition", "sdf", "sohr", "isis", "syria"} <= ids
    assert ids & {"deir_ez_zor_governorate", "eastern_deir_ez_zor_countryside"}
    for e in doc.entities:
        assert (e.geo is not None) == (e.type == "location")
        assert e.type == "location" or e.category in CATEGORIES


def test_matcher_hits_come_in_order_of_their_ends(kb) -> None:
    """``names.outside_outlets`` finds the hits inside an outlet's name by their ends."""
    from marsad.arabic import normalize
    from marsad.extract.entities.matcher import matcher_for

    texts = ["قالت قوات «سوريا الديمقراطية» إن تنظيم داعش هاجم بلدة هجين بريف دير الزور الشرقي",
             "أفاد موقع صوت العاصمة بأن الجيش السوري قصف مدينة إدلب وريف حماة الشمالي"]
    for text in texts:
        hits = matcher_for(kb).find(normalize(text).text)
        assert len(hits) > 3
        assert [h.end for h in hits] == sorted(h.end for h in hits)
