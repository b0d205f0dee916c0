"""The five real seed articles (read from ../shared/seeds, never copied): boilerplate out, body kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.ingest import Article, article_id, clean, read_paths

# (first body phrase, last body phrase, boilerplate lines that must be gone)
EXPECT: dict[str, tuple[str, str, list[str]]] = {
    "000": ("أعلنت وزارة الخارجية الأمريكية أن الدول المشاركة", "وتطهير ما تبقى من ريف دير الزور الشرقي",
            ["Sputnik", "مناقشة"]),
    "001": ("أعلنت المتحدثة باسم وزارة الخارجية الأميركية هيذر ناورت",
            "تنتشر قوات سورية الديموقراطية على ضفته الشرقية",
            ["Accessibility links", "XS", "SM", "MD", "LG", "تحديث 16:45 ت.غ"]),
    "002": ("نددت وزارة الخارجية والمغتربين يوم الثلاثاء", "سقوط قتلى بين المدنيين جراء تلك الغارات",
            ["RELATED NEWS", "سيريانيوز", "24.10.2017 | 20:35", "-", "الأخبار المحلية"]),
    "003": ("أعلن التحالف الدولي ضد داعش أن قوات سوريا الديمقراطية",
            "داعياً إلى حل الخلافات بعيداً عن الحلول العسكرية",
            ["×", "*العربية.نت", "18/02/2023"]),
    "004": ("تعهد التحالف الدولي ضد «داعش» بتقديم الدعم", "عقب هجومها الأخير على مناطق شرق الفرات",
            ["لم تشترك بعد"]),
}


def _article(path: Path) -> Article:
    (item,) = list(read_paths([path]))
    assert isinstance(item, Article), item
    return item


@pytest.mark.parametrize("key", sorted(EXPECT))
def test_boilerplate_gone_body_kept(seeds: dict[str, Path], key: str) -> None:
    article = _article(seeds[key])
    first, last, gone = EXPECT[key]
    lines = [ln.strip() for ln in article.text.split("\n")]
    for junk in gone:
        assert junk not in lines, f"{key}: boilerplate line {junk!r} kept"
    assert first in article.text
    assert last in article.text
    assert not any(ln.startswith("انشئ حساب") for ln in lines)
    assert article.text == article.text.strip()
    assert "\n\n\n" not in article.text


@pytest.mark.parametrize("key", sorted(EXPECT))
def test_offsets_are_sacred(seeds: dict[str, Path], key: str) -> None:
    raw = seeds[key].read_text(encoding="utf-8")
    cleaned = clean(raw)
    assert cleaned.removed, "every seed has some boilerplate"
    for r in cleaned.removed:
        assert raw[r.start:r.end] == r.text
        assert r.reason
    for seg in cleaned.segments:
        assert cleaned.text[seg.start:seg.end] == raw[seg.raw_start:seg.raw_start + seg.end - seg.start]
    kept = sum(s.end - s.start for s in cleaned.segments)
    assert kept == len(cleaned.text.replace("\n\n", ""))


def test_seed_002_date_and_outlet(seeds: dict[str, Path]) -> None:
    article = _article(seeds["002"])
    assert article.published is not None
    assert article.published.start == article.published.end == date(2017, 10, 24)
    assert article.published.precision == "day"
    assert article.source.outlet == "SyriaNews"
    assert article.source.outlet_id == "syrianews"


def test_seed_003_date_outlet_subheadings_teaser(seeds: dict[str, Path]) -> None:
    article = _article(seeds["003"])
    assert article.published is not None and article.published.start == date(2023, 2, 18)
    assert article.source.outlet == "Al Arabiya"
    lines = article.text.split("\n")
    assert "حملة أمنية" in lines and "خلايا نائمة" in lines
    assert "مرصد مكافحة الارهاب" not in lines
    assert article.title is not None and article.title.startswith("التحالف الدولي")
    # the related-article teaser glued into a body line is cut, the body sentence before it stays
    assert "قواتنا فرضت حظر تجوال" not in article.text
    assert "فرض حظر تجوال في مدينة الرقة السورية." in article.text


def test_seed_000_outlet_and_glued_teasers(seeds: dict[str, Path]) -> None:
    article = _article(seeds["000"])
    assert article.source.outlet == "Sputnik"
    assert article.source.outlet_id == "sputnik_arabic"
    assert "مقبرة جماعية لم تفتح بعد" not in article.text
    assert "سبوتنيك. وقالت الخارجية في بيان" in article.text


def test_seed_004_repeated_headline_once_and_first(seeds: dict[str, Path]) -> None:
    article = _article(seeds["004"])
    headline = "التحالف يتعهد بدعم المجالس المحلية شرق الفرات"
    assert article.text.count(headline) == 1
    assert article.title == headline
    assert article.text.startswith(headline + "\n\n")


def test_titles_first_and_ids_stable(seeds: dict[str, Path]) -> None:
    articles = [_article(p) for _, p in sorted(seeds.items())]
    for a in articles:
        assert a.title is not None and a.text.startswith(a.title)
        assert a.source.encoding == "utf-8"
    ids = [article_id(a.text) for a in articles]
    assert len(set(ids)) == len(ids)
    again = [article_id(_article(p).text) for _, p in sorted(seeds.items())]
    assert again == ids
