"""HTML pages: main text only, title, date, and the outlet from site name or URL."""

from __future__ import annotations

from pathlib import Path

from marsad.document import Source
from marsad.ingest import Article, article_from_bytes, article_from_html, read_paths

P1 = "شنت طائرات حربية سلسلة غارات على بلدات في الريف الجنوبي مساء الاثنين، ما أدى إلى دمار واسع في المنازل."
P2 = "وقال عامل في الدفاع المدني إن فرق الإنقاذ عملت لساعات على إخلاء العائلات من المناطق المستهدفة."
P3 = "وتشهد المنطقة تصعيداً عسكرياً منذ أسابيع، وسط مخاوف من موجة نزوح جديدة باتجاه الحدود الشمالية."
TITLE = "غارات جوية على بلدات الريف الجنوبي"


def page(head: str = "", title: str = f"{TITLE} | عنب بلدي") -> str:
    return f"""<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>{title}</title>{head}
<script>window.dataLayer = []; function track() {{ return "tracking-code"; }}</script>
<style>.menu {{ color: red }}</style></head>
<body><header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/p">سياسة</a></li>
<li><a href="/e">اقتصاد</a></li></ul></nav></header>
<main><article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/1">خبر جانبي</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة © 2024</p><a href="/privacy">سياسة الخصوصية</a></footer>
<script>track();</script></body></html>"""


META = ('<meta property="og:site_name" content="عنب بلدي">'
        '<meta property="article:published_time" content="2024-03-05T08:30:00+03:00">')


def test_body_title_date_site_name(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(META), encoding="utf-8")
    (item,) = list(read_paths([path]))
    assert isinstance(item, Article) and item.format == "html"
    assert item.title == TITLE
    assert item.text == "\n\n".join([TITLE, P1, P2, P3])
    for junk in ("tracking-code", "الرئيسية", "جميع الحقوق", "color", "خبر جانبي"):
        assert junk not in item.text
    assert item.published is not None and item.published.start.isoformat() == "2024-03-05"
    assert (item.source.outlet, item.source.outlet_id) == ("Enab Baladi", "enab_baladi")
    assert item.source.encoding == "utf-8"


def test_outlet_from_url_domain() -> None:
    head = '<link rel="canonical" href="https://www.aljazeera.net/news/2024/3/5/x">'
    article = article_from_html(page(head, title=TITLE), Source(path="x"))
    assert article.source.outlet_id == "al_jazeera"
    assert article.source.url == "https://www.aljazeera.net/news/2024/3/5/x"


def test_unknown_site_name_kept_as_display() -> None:
    head = '<meta property="og:site_name" content="Valley Daily">'
    article = article_from_html(page(head, title=TITLE), Source())
    assert (article.source.outlet, article.source.outlet_id) == ("Valley Daily", None)


def test_html_detected_in_bytes_and_cp1256() -> None:
    item = article_from_bytes(page(META).encode("cp1256", errors="replace"), Source(path="page"))
    assert isinstance(item, Article) and item.format == "html"
    assert item.source.encoding == "cp1256"
    assert P2 in item.text


def test_page_without_article_falls_back() -> None:
    html = f"<html><body><div>{P1}</div></body></html>"
    article = article_from_html(html, Source())
    assert P1 in article.text
