"""The outlet registry: layout of every entry, and lookups by domain, name and signature."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from marsad.ingest import clean, load_outlets
from marsad.ingest.outlets import REQUIRED, outlet_problems

DATA = Path(__file__).resolve().parents[2] / "src" / "marsad" / "kb" / "data" / "outlets.yaml"
DEMO = Path(__file__).resolve().parents[2] / "samples" / "demo" / "outlets.yaml"


def test_registry_layout() -> None:
    entries = yaml.safe_load(DATA.read_text(encoding="utf-8"))["outlets"]
    assert len(entries) >= 40
    assert outlet_problems(entries) == []
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        assert set(REQUIRED) <= set(e), e["id"]
        assert e["name_ar"] and e["name_en"] and e["owner"] and e["line"], e["id"]
        assert e["domains"] and all(d == d.lower() and "://" not in d for d in e["domains"]), e["id"]
        assert e["signatures"], e["id"]
        assert e["country"] is None or (len(e["country"]) == 2 and e["country"].isupper()), e["id"]
    assert len(load_outlets()) == len(entries)


def test_problems_are_reported() -> None:
    problems = outlet_problems([{"id": "Bad Id", "name_ar": "x"}, {"id": "a"}, {"id": "a"}, "nope"])
    assert any("missing" in p for p in problems)
    assert any("snake_case" in p for p in problems)
    assert any("duplicate id 'a'" in p for p in problems)
    assert any("not a mapping" in p for p in problems)


@pytest.mark.parametrize(("url", "oid"), [
    ("https://sarabic.ae/20180712/x.html", "sputnik_arabic"),
    ("www.syria-news.com/var/articlem.php?id=1", "syrianews"),
    ("https://www.bbc.com/arabic/middleeast-1", "bbc_arabic"),
    ("http://english.alarabiya.net/x", "al_arabiya"),
    ("https://aawsat.com/home/article/1", "asharq_al_awsat"),
])
def test_by_domain(url: str, oid: str) -> None:
    outlet = load_outlets().by_domain(url)
    assert outlet is not None and outlet.id == oid


def test_by_domain_unknown_and_section_paths() -> None:
    registry = load_outlets()
    assert registry.by_domain("https://www.bbc.com/news/world") is None
    assert registry.by_domain("https://example.org/a") is None
    assert registry.by_domain("") is None


@pytest.mark.parametrize(("line", "oid"), [
    ("Sputnik", "sputnik_arabic"),
    ("*العربية.نت", "al_arabiya"),
    ("سيريانيوز", "syrianews"),
    ("واشنطن — سبوتنيك. وقالت الخارجية في بيان", "sputnik_arabic"),
    ("دمشق-سانا", "sana"),
    ("بيروت (الميادين) - قال مصدر", "al_mayadeen"),
])
def test_find_signature(line: str, oid: str) -> None:
    outlet = load_outlets().find_signature(line)
    assert outlet is not None and outlet.id == oid


@pytest.mark.parametrize("line", [
    "وقال مدير (المرصد السوري لحقوق الإنسان) إن الهجوم أوقع قتلى",
    "قالت وكالة سبوتنيك إن الوزير وصل",
    "دمشق - سانا للمعلومات قالت",
])
def test_find_signature_ignores_body_mentions(line: str) -> None:
    assert load_outlets().find_signature(line) is None


@pytest.mark.parametrize(("line", "oid"), [
    ("سيريانيوز", "syrianews"),
    ("عنب بلدي", "enab_baladi"),  # an Arabic name alone (masthead or sign-off)
    ("عنب بلدي | أخبار سوريا", "enab_baladi"),  # masthead with a tagline
    ("إدلب / عنب بلدي", "enab_baladi"),  # place and outlet, nothing else
])
def test_signature_lines(line: str, oid: str) -> None:
    outlet = load_outlets().signature_line(line)
    assert outlet is not None and outlet.id == oid


def test_signature_line_needs_the_whole_line() -> None:
    registry = load_outlets()
    assert registry.signature_line("واشنطن — سبوتنيك. وقالت الخارجية في بيان") is None
    assert registry.find_signature("واشنطن — سبوتنيك. وقالت الخارجية في بيان") is not None


def test_section_label_is_not_a_signoff() -> None:
    text = "الشرق الأوسط\n\nعنوان خبر تجريبي عن اجتماع إقليمي\n\nقال دبلوماسيون إن الاجتماع انتهى دون اتفاق."
    cleaned = clean(text)
    assert cleaned.outlet_ids == []
    assert [r.reason for r in cleaned.removed] == ["section_label"]


def test_by_name_and_get() -> None:
    registry = load_outlets()
    assert registry.by_name("عنب بلدي").id == "enab_baladi"
    assert registry.by_name("enab_baladi").id == "enab_baladi"
    assert registry.by_name("WWW.SANA.SY").id == "sana"
    assert registry.by_name("Unknown Daily") is None
    assert registry.get("rudaw").name_en == "Rudaw"
    assert registry.get("nope") is None


def test_demo_registry_loads_on_top() -> None:
    if not DEMO.is_file():
        pytest.skip("samples/demo/outlets.yaml not present")
    registry = load_outlets([DEMO])
    demo = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    entries = demo["outlets"] if isinstance(demo, dict) else demo
    assert outlet_problems(entries) == []
    assert all(registry.get(e["id"]) is not None for e in entries)
