"""Encoding detection and binary refusal."""

from __future__ import annotations

import codecs

import pytest

from marsad.errors import MarsadError
from marsad.ingest import decode
from marsad.ingest.encoding import arabic_share, stream_encoding

TEXT = "قالت مصادر محلية إن 3 مدنيين أصيبوا في قصف على بلدة في ريف حماة.\nوأضافت أن الفرق الطبية تدخلت."


@pytest.mark.parametrize(("data", "name"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("cp1256"), "cp1256"),
])
def test_decodes_arabic(data: bytes, name: str) -> None:
    text, encoding = decode(data)
    assert text == TEXT
    assert encoding == name


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(64), b"\xff\xd8\xff\xe0" + bytes(64), b"%PDF-1.7\n%\xe2\xe3",
    b"PK\x03\x04" + bytes(30), b"\x1f\x8b\x08\x00" + bytes(20), bytes(range(32)) * 40,
    b"abc\x00def\x00" * 100,
])
def test_binary_refused(data: bytes) -> None:
    with pytest.raises(MarsadError) as info:
        decode(data)
    assert info.value.code == "E_BINARY"


def test_broken_utf8_after_bom_is_an_encoding_error() -> None:
    with pytest.raises(MarsadError) as info:
        decode(codecs.BOM_UTF8 + b"\xd8\xa7\xff\xfe ok")
    assert info.value.code == "E_ENCODING"


def test_stream_encoding_tolerates_cut_character() -> None:
    data = TEXT.encode("utf-8")
    cut = next(i for i in range(10, 40) if data[i] >= 0xC0) + 1  # inside a 2-byte character
    assert stream_encoding(data[:cut]) == "utf-8"
    assert stream_encoding(TEXT.encode("cp1256")[:cut]) == "cp1256"


def test_arabic_share() -> None:
    assert arabic_share("نص عربي") == 1.0
    assert arabic_share("abc نص") == pytest.approx(2 / 5)
    assert arabic_share("123 ...") == 0.0


def test_declared_html_charset_wins_over_guessing() -> None:
    html = f'<html><head><meta charset="iso-8859-6"></head><body><p>{TEXT}</p></body></html>'
    text, encoding = decode(html.encode("iso-8859-6"))
    assert encoding == "iso8859-6"
    assert TEXT in text
    text, encoding = decode(html.replace("iso-8859-6", "windows-1256").encode("cp1256"))
    assert encoding == "cp1256" and TEXT in text
