"""RSS and Atom feeds: one record per item, FILE#N paths, HTML descriptions cleaned."""

from __future__ import annotations

from pathlib import Path

from marsad.errors import InputError
from marsad.ingest import Article, IngestOptions, read_paths

BODY = "قالت مصادر محلية إن اشتباكات اندلعت قرب الحاجز مساء أمس وأسفرت عن إصابة ثلاثة عناصر بجروح."
BODY2 = "وأعلنت مديرية الصحة وصول دفعة جديدة من الأدوية إلى المستشفى الوطني في المدينة صباح اليوم."

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Wadi Post</title><link>https://sana.sy/</link>
<item><title>اشتباكات قرب حاجز على طريق المدينة</title><link>https://sana.sy/?p=11</link>
<guid>g-11</guid><pubDate>Mon, 04 Mar 2024 08:00:00 +0300</pubDate>
<description><![CDATA[<p>{BODY}</p><p>شارك</p>]]></description></item>
<item><title>وصول دفعة أدوية إلى المستشفى الوطني</title><guid>g-12</guid>
<description>{BODY2}</description></item>
<item><title>بلا نص</title></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><id>urn:x:1</id><title>وصول دفعة أدوية</title><link href="https://www.enabbaladi.net/a/1"/>
<published>2024-03-05T10:00:00Z</published><content type="html">&lt;p&gt;{BODY2}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_paths([path], IngestOptions(fields={"text": ["nothing_like_this"]})))
    assert [i.source.path for i in items] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert isinstance(third, InputError) and third.code == "E_RECORD"
    assert first.title == "اشتباكات قرب حاجز على طريق المدينة"
    assert first.text == f"{first.title}\n\n{BODY}"
    assert (first.source.record_id, first.source.outlet_id) == ("g-11", "sana")
    assert first.published is not None and first.published.start.isoformat() == "2024-03-04"
    assert second.text.endswith(BODY2) and second.source.record_id == "g-12"


def test_atom_entry_and_broken_feed(tmp_path: Path) -> None:
    atom = tmp_path / "feed.atom"
    atom.write_text(ATOM, encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item><title>x</title></channel>", encoding="utf-8")
    entry, error = list(read_paths([atom, broken]))
    assert isinstance(entry, Article)
    assert entry.source.outlet_id == "enab_baladi" and entry.source.record_id == "urn:x:1"
    assert BODY2 in entry.text and "<p>" not in entry.text
    assert isinstance(error, InputError) and error.code == "E_PARSE"


def test_count_feed_items(tmp_path: Path) -> None:
    from marsad.ingest import count_inputs

    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    assert count_inputs([path]) == 3
