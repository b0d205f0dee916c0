"""Readers: directories, single files, stdin, and every failure as an error record."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest import Article, IngestOptions, count_inputs, read_file, read_paths

TITLE = "اشتباكات عنيفة على أطراف بلدة في ريف درعا الغربي"
BODY = ("قالت مصادر محلية إن اشتباكات عنيفة اندلعت مساء أمس على أطراف البلدة بين مجموعتين مسلحتين، "
        "ما أدى إلى مقتل شخصين وإصابة آخرين بجروح متفاوتة.")
ARTICLE = f"{TITLE}\n\n{BODY}\n"


def _codes(items: list[Article | InputError]) -> list[str]:
    return [i.code if isinstance(i, InputError) else "ok" for i in items]


def test_directory_png_empty_cp1256_utf8(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(ARTICLE.encode("cp1256"))
    sub = tmp_path / "d"
    sub.mkdir()
    (sub / "e.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert _codes(items) == ["E_BINARY", "E_EMPTY", "ok", "ok"]
    assert [Path(i.source.path).name for i in items] == ["a.png", "b.txt", "c.txt", "e.txt"]
    cp, utf = items[2], items[3]
    assert isinstance(cp, Article) and isinstance(utf, Article)
    assert cp.source.encoding in ("cp1256", "windows-1256") and utf.source.encoding == "utf-8"
    assert cp.text == utf.text == f"{TITLE}\n\n{BODY}"
    assert cp.title == TITLE
    assert count_inputs([tmp_path]) == 4


@pytest.mark.parametrize(("bom", "codec"), [
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF8, "utf-8"),
])
def test_boms(tmp_path: Path, bom: bytes, codec: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bom + ARTICLE.encode(codec))
    (item,) = list(read_file(path))
    assert isinstance(item, Article)
    assert item.text == f"{TITLE}\n\n{BODY}"
    assert not item.text.startswith("\ufeff")


def test_too_large_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 50, encoding="utf-8")

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    (item,) = list(read_paths([path], IngestOptions(max_bytes=1000)))
    assert isinstance(item, InputError) and item.code == "E_TOO_LARGE"
    assert "1,000" in item.message


def test_stdin_reads_at_most_limit_plus_one(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.BytesIO(ARTICLE.encode("utf-8") * 100)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    (item,) = list(read_paths(["-"], IngestOptions(max_bytes=500)))
    assert isinstance(item, InputError) and item.code == "E_TOO_LARGE"
    assert stream.tell() == 501


def test_stdin_article_and_records(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    (item,) = list(read_paths(["-"]))
    assert isinstance(item, Article) and item.source.path == "-" and item.title == TITLE
    records = b'{"id": "a", "text": "%s"}\n{"id": "b", "text": "%s"}\n' % (BODY.encode(), BODY.encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(records)))
    items = list(read_paths(["-"]))
    assert [(i.source.path, i.source.record_id) for i in items] == [("-#1", "a"), ("-#2", "b")]


def test_not_found_and_order_kept(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    items = list(read_paths([tmp_path / "missing.txt", good, tmp_path / "nope"]))
    assert _codes(items) == ["E_NOT_FOUND", "ok", "E_NOT_FOUND"]
    assert items[0].source.path == str(tmp_path / "missing.txt")


def test_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read a chmod 000 file")
        (item,) = list(read_paths([path]))
        assert isinstance(item, InputError) and item.code == "E_UNREADABLE"
    finally:
        path.chmod(0o644)


def test_only_boilerplate_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_text("Accessibility links\n\n×\n\nمشاركة\n\nXS\nSM\n", encoding="utf-8")
    (item,) = list(read_paths([path]))
    assert isinstance(item, InputError) and item.code == "E_EMPTY"


def test_extra_outlet_file_and_default_outlet(tmp_path: Path) -> None:
    registry = tmp_path / "outlets.yaml"
    registry.write_text(
        "outlets:\n  - id: wadi_post\n    name_ar: بريد الوادي\n    name_en: Wadi Post\n"
        "    domains: [wadipost.example]\n    signatures: [بريد الوادي]\n    country: null\n"
        "    owner: invented\n    line: invented outlet for tests\n    synthetic: true\n", encoding="utf-8")
    signed = tmp_path / "signed.txt"
    signed.write_text(ARTICLE + "\nبريد الوادي\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    options = IngestOptions(outlet_files=[registry], default_outlet="Alhurra")
    first, second = list(read_paths([signed, plain], options))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.source.outlet, first.source.outlet_id) == ("Wadi Post", "wadi_post")
    assert (second.source.outlet, second.source.outlet_id) == ("Alhurra", "alhurra")
    (bare,) = list(read_paths([signed]))
    assert isinstance(bare, Article) and bare.source.outlet is None


def test_io_errors_become_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    items = list(read_paths([path, tmp_path / "b.jsonl"]))
    assert [i.code for i in items] == ["E_UNREADABLE", "E_NOT_FOUND"]
    assert "permission denied" in items[0].message


def test_directory_given_to_read_file(tmp_path: Path) -> None:
    (item,) = list(read_file(tmp_path))
    assert isinstance(item, InputError) and item.code == "E_UNREADABLE"
