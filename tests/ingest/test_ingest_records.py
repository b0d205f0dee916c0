"""JSON Lines, JSON and CSV record files: paths FILE#N, record ids, order, per-record errors."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.errors import InputError
from marsad.ingest import Article, IngestOptions, count_inputs, read_paths

BODY = "قالت مصادر محلية إن قذيفة سقطت قرب مدرسة في البلدة دون أن تسفر عن إصابات بين الطلاب."
BODY2 = "وأعلنت السلطات المحلية إغلاق الطريق الرئيسي مؤقتاً ريثما تنتهي فرق الهندسة من مسح المنطقة."


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_broken_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join([
        _line(id="r1", text=BODY, date="2023-02-18", outlet="Enab Baladi", title="قذيفة قرب مدرسة في البلدة"),
        '{"id": "r2", "text": "broken',
        "",
        _line(guid="r4", body=BODY2, published="Sat, 18 Feb 2023 10:00:00 +0000", link="https://sana.sy/?p=1"),
        _line(id="r5", title="بلا نص"),
        "[1, 2]",
    ]) + "\n", encoding="utf-8")
    items = list(read_paths([path]))
    paths = [i.source.path for i in items]
    assert paths == [f"{path}#1", f"{path}#2", f"{path}#4", f"{path}#5", f"{path}#6"]
    codes = [i.code if isinstance(i, InputError) else "ok" for i in items]
    assert codes == ["ok", "E_PARSE", "ok", "E_RECORD", "E_RECORD"]
    first, third = items[0], items[2]
    assert isinstance(first, Article) and isinstance(third, Article)
    assert first.source.record_id == "r1" and third.source.record_id == "r4"
    assert first.title == "قذيفة قرب مدرسة في البلدة" and first.text.endswith(BODY)
    assert first.published is not None and first.published.start.isoformat() == "2023-02-18"
    assert (first.source.outlet, first.source.outlet_id) == ("Enab Baladi", "enab_baladi")
    assert (third.source.outlet_id, third.source.url) == ("sana", "https://sana.sy/?p=1")
    assert third.published is not None and third.published.start.isoformat() == "2023-02-18"
    assert "line 2" in items[1].message
    assert count_inputs([path]) == 6


def test_jsonl_record_with_html_text(tmp_path: Path) -> None:
    html = f"<html><body><nav><a href='/'>الرئيسية</a></nav><p>{BODY}</p><p>{BODY2}</p></body></html>"
    path = tmp_path / "h.jsonl"
    path.write_text(_line(id=7, text=html) + "\n", encoding="utf-8")
    (item,) = list(read_paths([path]))
    assert isinstance(item, Article) and item.format == "html"
    assert BODY in item.text and BODY2 in item.text and "<p>" not in item.text
    assert item.source.record_id == "7"


def test_json_array_and_wrapped_list(tmp_path: Path) -> None:
    array = tmp_path / "a.json"
    array.write_text(json.dumps([{"text": BODY}, {"nothing": 1}, {"content": BODY2}], ensure_ascii=False))
    wrapped = tmp_path / "b.json"
    wrapped.write_text(json.dumps({"articles": [{"article": BODY}]}, ensure_ascii=False))
    single = tmp_path / "c.json"
    single.write_text(json.dumps({"text": BODY2, "id": "solo"}, ensure_ascii=False))
    broken = tmp_path / "d.json"
    broken.write_text('{"text": ', encoding="utf-8")
    items = list(read_paths([array, wrapped, single, broken]))
    assert [i.source.path for i in items] == [
        f"{array}#1", f"{array}#2", f"{array}#3", f"{wrapped}#1", str(single), str(broken)]
    assert [i.code if isinstance(i, InputError) else "ok" for i in items] == [
        "ok", "E_RECORD", "ok", "ok", "ok", "E_PARSE"]
    assert items[4].source.record_id == "solo"


def test_csv_custom_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "رقم;نص الخبر;الموقع;يوم\n"
        f'11;"{BODY}";SANA;18/02/2023\n'
        "12;;SANA;18/02/2023\n"
        f'13;"{BODY2}\nسطر ثان";Unknown Daily;2023-02-19\n', encoding="utf-8")
    columns = {"text": ["نص الخبر"], "id": ["رقم"], "outlet": ["الموقع"], "date": ["يوم"]}
    options = IngestOptions(fields=columns)
    items = list(read_paths([path], options))
    assert [i.source.path for i in items] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first, second, third = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(second, InputError) and second.code == "E_RECORD"
    assert (first.source.record_id, first.source.outlet_id) == ("11", "sana")
    assert first.published is not None and first.published.start.isoformat() == "2023-02-18"
    assert (third.source.outlet, third.source.outlet_id) == ("Unknown Daily", None)
    assert third.text.startswith(BODY2) and "سطر ثان" in third.text
    assert count_inputs([path], options) >= 3


def test_csv_cp1256_with_default_columns(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(f'id,title,body\n1,عنوان الخبر الأول هنا,"{BODY}"\n'.encode("cp1256"))
    (item,) = list(read_paths([path]))
    assert isinstance(item, Article)
    assert item.source.encoding == "cp1256" and item.title == "عنوان الخبر الأول هنا"
    assert item.text == f"عنوان الخبر الأول هنا\n\n{BODY}"


def test_record_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(_line(text=BODY * 50) + "\n" + _line(text=BODY) + "\n", encoding="utf-8")
    items = list(read_paths([path], IngestOptions(max_bytes=2000)))
    assert [i.code if isinstance(i, InputError) else "ok" for i in items] == ["E_TOO_LARGE", "ok"]
    assert items[1].source.path == f"{path}#2"


def test_nested_fields(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text(_line(id=["x9"], text=BODY, source={"name": "SANA", "url": "https://sana.sy"},
                          date={"value": "2023-02-18"}) + "\n", encoding="utf-8")
    (item,) = list(read_paths([path]))
    assert isinstance(item, Article)
    assert (item.source.record_id, item.source.outlet_id) == ("x9", "sana")
    assert item.published is not None and item.published.start.isoformat() == "2023-02-18"


def test_jsonl_record_with_a_lone_surrogate_costs_only_that_record(tmp_path: Path) -> None:
    """JSON can escape a lone surrogate, which no UTF-8 text (nor the corpus) can hold: that record is an
    E_ENCODING error, and the records after it are still read (they were lost with the whole file)."""
    good = {"title": "عنوان", "text": "قصفت طائرات مدينة الرقة اليوم وقتل ثلاثة مدنيين في الهجوم."}
    lines = [json.dumps(good), '{"title": "x", "text": "\\ud800 نص"}', json.dumps({**good, "id": "3"}),
             '{"title": "\\udfff", "text": "نص آخر طويل بما يكفي ليكون مقالا."}',
             json.dumps({**good, "id": "5"})]
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path], IngestOptions()))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article", "InputError", "Article"]
    assert [i.code for i in items if isinstance(i, InputError)] == ["E_ENCODING", "E_ENCODING"]
    assert items[1].source.path.endswith("#2") and "surrogate" in items[1].message


def test_an_unexpected_failure_in_one_record_costs_only_that_record(tmp_path: Path, monkeypatch) -> None:
    from marsad.ingest import records

    real = records.article_from_text

    def flaky(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "BOOM" in text:
            raise ValueError("a bug")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(records, "article_from_text", flaky)
    texts = ["قصفت طائرات مدينة الرقة اليوم.", "BOOM نص", "اعتقلت قوات الأمن عشرة أشخاص أمس."]
    path = tmp_path / "f.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n", encoding="utf-8")
    items = list(read_paths([path], IngestOptions()))
    assert [getattr(i, "code", "ok") for i in items] == ["ok", "E_ANALYZE", "ok"]
    assert items[1].source.path.endswith("#2")
