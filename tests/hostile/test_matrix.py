"""Hostile inputs: each has a clear outcome (an error record with a code, or correct text), through the
Python API and through `marsad analyze`, and a batch mixing it with good articles goes on (exit 1).

Inputs made of bytes are in :data:`CASES`; those that need the file system (a FIFO, a symlink loop,
a file that vanishes or cannot be read, a 50 MB line) have their own tests below.
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_helpers import BIDI, GOOD_A, GOOD_B, api_results, by_name, cli_jsonl, write_goods

from marsad.document import Document
from marsad.errors import InputError

MOJIBAKE = ("ط§", "ظ„", "ظ…")  # UTF-8 Arabic read as Windows-1256


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("article.txt", b"0" * 20_000_000)
    return buf.getvalue()


def _truncated() -> bytes:
    data = (GOOD_A + " بلدة").encode("utf-8")
    return data[: len(data) - 1]  # the last letter's second byte is missing (a file cut mid-write)


def _html_scripts() -> bytes:
    return (
        "<html><head><title>قصف على ريف حلب</title><script>var LEAK_SCRIPT = 1;</script>"
        "<style>.LEAK_STYLE{}</style></head><body onload=\"LEAK_ONLOAD()\">"
        f"<article><p onclick=\"LEAK_HANDLER()\">{GOOD_A}</p>"
        "<iframe src=\"https://example.org/ad\">LEAK_IFRAME</iframe>"
        "<script type=\"text/javascript\">document.write('LEAK_WRITE')</script>"
        f"<noscript>LEAK_NOSCRIPT</noscript><p>{GOOD_B}</p>"
        "<a href=\"javascript:LEAK_HREF()\">رابط</a><img src=x onerror=\"LEAK_ONERROR()\"></article>"
        "</body></html>"
    ).encode()


@dataclass(frozen=True)
class Case:
    """A hostile file: its name, its bytes, and what reading it must give."""

    name: str
    data: Callable[[], bytes]
    error: str | None = None                              # the error code, when it must be refused
    check: Callable[[list[Document]], None] | None = None  # what the documents must hold


def _has(*needles: str) -> Callable[[list[Document]], None]:
    def check(docs: list[Document]) -> None:
        text = "\n".join(d.text for d in docs)
        for needle in needles:
            assert needle in text, needle
        assert not any(m in text for m in MOJIBAKE), "mojibake in the text"
    return check


def _no_leak(docs: list[Document]) -> None:
    _has("قتل خمسة مدنيين", "اعتقلت قوات سوريا الديمقراطية")(docs)
    dumped = json.dumps([d.to_dict() for d in docs], ensure_ascii=False)
    assert "LEAK_" not in dumped and "javascript" not in dumped.lower()


def _any_text(docs: list[Document]) -> None:
    assert docs and all(d.text.strip() for d in docs)


def _bidi_names(docs: list[Document]) -> None:
    assert any(e.kb_id == "sdf" for d in docs for e in d.entities), "the SDF is still recognised"


CASES = [
    Case("binary.txt", lambda: bytes(range(256)) * 40, error="E_BINARY"),
    Case("png_as.txt", lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, error="E_BINARY"),
    Case("zip_bomb.txt", _zip_bomb, error="E_BINARY"),
    Case("gzip_bomb.txt", lambda: gzip.compress(b"\0" * 20_000_000), error="E_BINARY"),
    Case("many_nuls.txt", lambda: GOOD_A.encode().replace(b" ", b"\0"), error="E_BINARY"),
    Case("empty.txt", lambda: b"", error="E_EMPTY"),
    Case("only_space.txt", lambda: b" \n\t\r\n  \xc2\xa0\n", error="E_EMPTY"),
    Case("truncated_utf8.txt", _truncated, check=_has("قتل خمسة مدنيين")),
    Case("mixed_encodings.txt", lambda: GOOD_A.encode("utf-8") + b"\n\n" + GOOD_B.encode("cp1256"),
         check=_any_text),
    Case("cp1256.txt", lambda: GOOD_B.encode("cp1256"), check=_has("اعتقلت قوات سوريا الديمقراطية")),
    Case("utf16.txt", lambda: GOOD_A.encode("utf-16"), check=_has("قتل خمسة مدنيين")),
    Case("few_nuls.txt", lambda: (GOOD_A + "\n\n" + GOOD_B) .encode().replace(b"\n\n", b"\0\n\n", 1),
         check=_any_text),
    Case("bidi.txt", lambda: "".join(c + BIDI[i % len(BIDI)] if c == " " else c
                                     for i, c in enumerate(GOOD_B)).encode(), check=_bidi_names),
    Case("long_token.txt", lambda: ("ب" * 500_000 + "\n\n" + GOOD_A).encode(), check=_any_text),
    Case("nested.html", lambda: ("<div>" * 10_000 + f"<p>{GOOD_A}</p>" + "</div>" * 10_000).encode(),
         check=_has("قتل خمسة مدنيين")),
    Case("malformed.html", lambda: (f"<html><body><p>{GOOD_A}<div><span <a href='x>{GOOD_B}</p>"
                                    "</table></td><<>>&#xZZ;&bogus;</b").encode(), check=_any_text),
    Case("scripts.html", _html_scripts, check=_no_leak),
    Case("unclosed_comment.html", lambda: f"<html><body><p>{GOOD_A}</p><!-- {GOOD_B}".encode(),
         check=_has("قتل خمسة مدنيين")),
]


@pytest.fixture(scope="module")
def matrix_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for case in CASES:
        (folder / case.name).write_bytes(case.data())
    return folder


def _assert_outcome(case: Case, items: list[Document | InputError]) -> None:
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if isinstance(i, Document)]
    if case.error is not None:
        assert [e.code for e in errors] == [case.error] and not docs, items
        return
    assert docs and not errors, items
    assert case.check is not None
    case.check(docs)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_through_the_api(case: Case, matrix_dir: Path):
    _assert_outcome(case, api_results([matrix_dir / case.name]))


def test_bombs_are_not_decompressed(matrix_dir: Path):
    import tracemalloc

    tracemalloc.start()
    try:
        api_results([matrix_dir / "zip_bomb.txt", matrix_dir / "gzip_bomb.txt"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # reading allocates the size limit (5 MB) once; inflating would take the bombs' 20 MB
    assert peak < 12_000_000, f"{peak:,} bytes allocated: the bomb was inflated"


def test_every_case_in_one_cli_batch_with_good_articles(matrix_dir: Path, tmp_path: Path):
    goods = write_goods(tmp_path / "goods")
    code, records, err = cli_jsonl(str(goods[0]), str(matrix_dir), str(goods[1]))
    assert code == 1, err
    assert "Traceback" not in err
    found = by_name(records)
    assert "error" not in found["good_a.txt"] and "error" not in found["good_b.txt"]
    for case in CASES:
        record = found[case.name]
        if case.error is not None:
            assert record["error"]["code"] == case.error, record
        else:
            assert "error" not in record and record["text"].strip(), record
    paths = [r["source"]["path"] for r in records]
    assert (paths[0], paths[-1]) == (str(goods[0]), str(goods[1])), "input order is kept"
