"""Hostile record files: JSONL with broken lines, CSV with bad quoting; each bad record is an error
record with its line or row, and the good records around it are read."""

from __future__ import annotations

import json
from pathlib import Path

from hostile_helpers import GOOD_A, GOOD_B, api_results, by_name, cli_jsonl

from marsad.errors import InputError


def _line(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _outcomes(items: list) -> dict[str, str]:
    return {Path(i.source.path).name: (i.code if isinstance(i, InputError) else "doc") for i in items}


def test_jsonl_with_broken_lines(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    lines = [
        _line({"id": "a", "text": GOOD_A}),
        '{"text": "نص مقطوع في منتصف',             # cut mid-string
        "[1, 2, 3]",                               # not an object
        '"just a string"',
        _line({"title": "بلا نص"}),                # no text field
        "",                                        # blank lines are skipped, but counted
        _line({"text": None}),
        "[" * 3000,                                # deeply nested
        _line({"id": "b", "text": GOOD_B}),
        _line({"text": "ب" * 5000}),               # longer than the limit below
        "\ufeff" + _line({"text": GOOD_A}),        # a BOM in the middle of the file
        _line({"text": GOOD_A + " والمزيد"})[:-1],  # no closing brace, and no final newline
    ]
    path.write_text("\n".join(lines), "utf-8")
    items = api_results([path], max_bytes=4000)
    assert _outcomes(items) == {
        "feed.jsonl#1": "doc", "feed.jsonl#2": "E_PARSE", "feed.jsonl#3": "E_RECORD",
        "feed.jsonl#4": "E_RECORD", "feed.jsonl#5": "E_RECORD", "feed.jsonl#7": "E_RECORD",
        "feed.jsonl#8": "E_PARSE", "feed.jsonl#9": "doc", "feed.jsonl#10": "E_TOO_LARGE",
        "feed.jsonl#11": "E_PARSE", "feed.jsonl#12": "E_PARSE",
    }
    assert items[0].source.record_id == "a" and items[7].source.record_id == "b"


def test_jsonl_with_one_line_of_invalid_utf8(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join([_line({"text": GOOD_A}).encode(), b'{"text": "\xff\xfe\xfa bad"}',
                                 _line({"text": GOOD_B}).encode()]) + b"\n")
    items = api_results([path])
    assert _outcomes(items) == {"feed.jsonl#1": "doc", "feed.jsonl#2": "E_ENCODING", "feed.jsonl#3": "doc"}


def test_csv_with_bad_quoting(tmp_path: Path):
    one_line = GOOD_A.replace("\n", " ")
    path = tmp_path / "feed.csv"
    path.write_text(
        "id,title,text\n"
        f'1,عنوان,"{one_line}"\n'
        f'2,"عنوان ""مقتبس"" جزئيا,{one_line}\n'          # a quote opened in a field and never closed...
        f'3,عنوان,"{one_line}"\n'                           # ...swallows the rows after it
        , "utf-8")
    items = api_results([path])
    outcomes = _outcomes(items)
    assert outcomes["feed.csv#1"] == "doc"
    assert set(outcomes.values()) <= {"doc", "E_PARSE", "E_RECORD"}
    assert items[0].source.record_id == "1"


def test_csv_rows_with_missing_and_extra_fields(tmp_path: Path):
    one_line = GOOD_B.replace("\n", " ")
    path = tmp_path / "feed.csv"
    path.write_text(f'id,text\n1,"{one_line}",extra,more\n2\n3,"{one_line}"\n,,,\n', "utf-8")
    items = api_results([path])
    assert _outcomes(items) == {"feed.csv#1": "doc", "feed.csv#2": "E_RECORD", "feed.csv#3": "doc",
                                "feed.csv#4": "E_RECORD"}


def test_csv_field_larger_than_the_limit(tmp_path: Path):
    path = tmp_path / "feed.csv"
    path.write_text(f'id,text\n1,"{GOOD_A}"\n2,"{"ت" * 6000}"\n', "utf-8")
    items = api_results([path], max_bytes=5000)
    outcomes = _outcomes(items)
    assert outcomes["feed.csv#1"] == "doc" and outcomes["feed.csv#2"] == "E_TOO_LARGE"


def test_record_files_in_a_cli_batch_exit_1(tmp_path: Path):
    (tmp_path / "a.jsonl").write_text(f'{_line({"text": GOOD_A})}\nnot json\n', "utf-8")
    (tmp_path / "b.csv").write_text(f'text\n"{GOOD_B}"\n', "utf-8")
    (tmp_path / "c.json").write_text('{"articles": [{"text": 1}, ', "utf-8")
    code, records, err = cli_jsonl(str(tmp_path))
    assert code == 1, err
    found = by_name(records)
    assert "error" not in found["a.jsonl#1"] and found["a.jsonl#2"]["error"]["code"] == "E_PARSE"
    assert "error" not in found["b.csv#1"]
    assert found["c.json"]["error"]["code"] == "E_PARSE"
