"""The `marsad` command end to end: parsing, output shapes, exit codes (the functions are tested
elsewhere)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from marsad import __version__
from marsad.cli import main
from marsad.document import Document, schema_errors, validate

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad", *args], input=stdin, capture_output=True,
                          timeout=300)


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "analyze" in out and "exit codes" in out


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["analyze"])
    assert exc.value.code == 2
    assert main([]) == 2
    assert main(["analyze", "x.txt", "--field", "nonsense"]) == 2
    assert "ROLE=NAME" in capsys.readouterr().err


def test_seeds_give_five_valid_documents(seeds, tmp_path):
    out = tmp_path / "seeds.jsonl"
    assert main(["analyze", *map(str, seeds.values()), "--format", "jsonl", "--out", str(out)]) == 0
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 5
    for line in lines:
        data = json.loads(line)
        assert schema_errors(data) == []
        doc = Document.from_dict(data)
        assert validate(doc) == []
    from pathlib import Path

    published = {Path(json.loads(x)["source"]["path"]).name[:3]: json.loads(x) for x in lines}
    assert published["002"]["published"]["start"] == "2017-10-24"
    assert published["002"]["source"]["outlet"] == "SyriaNews"
    assert published["003"]["published"]["start"] == "2023-02-18"
    assert published["003"]["source"]["outlet"] == "Al Arabiya"
    assert published["000"]["source"]["outlet"] == "Sputnik"


def test_bad_inputs_become_error_records_and_exit_1(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.png").write_bytes(PNG)
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_bytes("هذا نص عربي قديم من أرشيف إخباري عن قصف المدينة.".encode("cp1256"))
    (folder / "d.txt").write_text("اندلعت اشتباكات عنيفة في ريف حلب الشمالي.", "utf-8")
    proc = run("analyze", str(folder), "--format", "jsonl")
    assert proc.returncode == 1
    records = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(records) == 4
    errors = {r["source"]["path"].rsplit("/", 1)[-1]: r["error"]["code"] for r in records if "error" in r}
    assert errors == {"a.png": "E_BINARY", "b.txt": "E_EMPTY"}
    docs = {r["source"]["path"].rsplit("/", 1)[-1]: r for r in records if "error" not in r}
    assert "قصف المدينة" in docs["c.txt"]["text"] and docs["c.txt"]["source"]["encoding"] in ("cp1256",
                                                                                               "windows-1256")
    assert docs["d.txt"]["source"]["encoding"].startswith("utf")


def test_table_format_lists_errors_and_totals(tmp_path):
    (tmp_path / "a.png").write_bytes(PNG)
    (tmp_path / "ok.txt").write_text("قتل ثلاثة مدنيين في قصف على بلدة في ريف إدلب.", "utf-8")
    proc = run("analyze", str(tmp_path))
    text = proc.stdout.decode()
    assert proc.returncode == 1
    assert "ERROR" in text and "E_BINARY" in text and "1 document(s), 1 error(s)" in text


def test_stdin_and_json_format():
    proc = run("analyze", "-", "--format", "json", stdin="أعلنت وزارة الدفاع مقتل جنديين.".encode())
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "marsad/1" and "وزارة الدفاع" in doc["text"]


def test_corpus_commands(tmp_path, seeds):
    db = tmp_path / "c.db"
    proc = run("ingest", *map(str, seeds.values()), "--db", str(db), "--no-progress")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "5 added" in proc.stderr.decode()
    again = run("ingest", *map(str, seeds.values()), "--db", str(db), "--no-progress")
    assert "0 added" in again.stderr.decode() and "5 unchanged" in again.stderr.decode()
    hits = json.loads(run("search", "بالرقة", "--db", str(db), "--json").stdout)
    assert len(hits) >= 3
    assert run("stories", "--db", str(db)).returncode == 0
    assert run("outlets", "--db", str(db)).returncode == 0
    exported = run("export", "--db", str(db), "--format", "jsonl").stdout.decode().splitlines()
    assert len(exported) == 5
    assert run("story", "nope", "--db", str(db)).returncode == 2
    assert run("stories", "--db", str(tmp_path / "missing.db")).returncode == 2
