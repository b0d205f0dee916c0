"""Hostile file-system inputs: FIFOs and devices, symlink loops, files that vanish or fail mid-read,
unreadable files, and a 50 MB single line.  None may hang or end the batch."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hostile_helpers import GOOD_A, api_results, by_name, cli_jsonl, write_goods

from marsad.errors import InputError
from marsad.ingest import IngestOptions, read_paths

LINE = "قتل ثلاثة مدنيين في قصف استهدف بلدة الباب بريف حلب يوم الثلاثاء، وقال مصدر طبي إن الجرحى 12. "


def _codes(items: list) -> dict[str, str]:
    return {Path(i.source.path).name: i.code for i in items if isinstance(i, InputError)}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_in_a_folder_and_as_a_path_does_not_hang(tmp_path: Path):
    folder = tmp_path / "news"
    write_goods(folder)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(tmp_path / "feed.jsonl")
    code, records, err = cli_jsonl(str(folder), str(tmp_path / "feed.jsonl"), timeout=120)
    assert code == 1, err
    found = by_name(records)
    assert found["pipe.txt"]["error"]["code"] == "E_UNREADABLE"
    assert found["feed.jsonl"]["error"]["code"] == "E_UNREADABLE"
    assert "error" not in found["good_a.txt"] and "error" not in found["good_b.txt"]


@pytest.mark.skipif(not Path("/dev/zero").is_char_device() or not Path("/dev/urandom").is_char_device(),
                    reason="no /dev/zero and /dev/urandom devices here")
def test_devices_are_refused_without_reading_them():
    tracemalloc.start()
    try:
        items = list(read_paths(["/dev/zero", "/dev/urandom"]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [type(i) for i in items] == [InputError, InputError]
    assert [i.code for i in items] == ["E_UNREADABLE", "E_UNREADABLE"]
    assert "not a regular file" in items[0].message
    assert peak < 2_000_000, f"{peak:,} bytes allocated reading a device"


def test_symlink_loops_neither_hang_nor_stop_the_batch(tmp_path: Path):
    folder = tmp_path / "news"
    write_goods(folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)  # a directory loop
    (folder / "self").symlink_to(".", target_is_directory=True)
    (folder / "l1.txt").symlink_to("l2.txt")                              # a file loop
    (folder / "l2.txt").symlink_to("l1.txt")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    items = api_results([folder, folder / "l1.txt"])
    codes = _codes(items)
    assert codes["l1.txt"] == "E_UNREADABLE" and codes["l2.txt"] == "E_UNREADABLE"
    assert codes["dangling.txt"] == "E_NOT_FOUND"
    assert sum(1 for i in items if not isinstance(i, InputError)) == 2, "each good article once"


def test_file_vanishing_between_listing_and_reading(tmp_path: Path):
    folder = tmp_path / "news"
    write_goods(folder)
    (folder / "z_gone.txt").write_text(GOOD_A, "utf-8")
    items = []
    for item in read_paths([folder]):
        items.append(item)
        if len(items) == 1:
            (folder / "z_gone.txt").unlink()  # the walk listed it; it vanishes before it is read
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError"]  # sorted by name
    assert items[2].code == "E_NOT_FOUND" and items[2].source.path.endswith("z_gone.txt")


class _FailingReader:
    """A file object whose reads fail as a disk or network file system can."""

    def __init__(self, fh, error: OSError):
        self.fh, self.error = fh, error

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()

    def read(self, *args):
        raise self.error

    def __getattr__(self, name):
        return getattr(self.fh, name)


@pytest.mark.parametrize(("error", "code"), [
    (OSError(errno.EIO, "Input/output error"), "E_UNREADABLE"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), "E_NOT_FOUND"),
])
def test_read_failing_mid_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, code: str):
    goods = write_goods(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD_A, "utf-8")
    real_open = Path.open

    def flaky_open(self, mode="r", *args, **kwargs):
        fh = real_open(self, mode, *args, **kwargs)
        return _FailingReader(fh, error) if self.name == "bad.txt" else fh

    monkeypatch.setattr(Path, "open", flaky_open)
    items = api_results([goods[0], bad, goods[1]])
    assert [getattr(i, "code", "doc") for i in items] == ["doc", code, "doc"]


# Run as root, the interpreter lives where `nobody` may not go: warm every module up as root (one
# analysis of a good file), then drop privileges in the same process and analyse the folder.
AS_NOBODY = """
import os, sys
from marsad.cli import main
main(["analyze", sys.argv[1], "--format", "jsonl", "--no-progress", "--out", os.devnull])
os.setgid(65534)
os.setuid(65534)
sys.exit(main(["analyze", sys.argv[2], "--format", "jsonl", "--no-progress"]))
"""


def _analyze_as_nobody(folder: Path) -> tuple[int, list[dict], str]:
    import json
    import pwd

    try:
        pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no `nobody` user to drop privileges to")
    proc = subprocess.run([sys.executable, "-c", AS_NOBODY, str(folder / "good_a.txt"), str(folder)],
                          capture_output=True, timeout=300, cwd=folder)
    records = [json.loads(x) for x in proc.stdout.decode("utf-8").splitlines() if x.strip()]
    return proc.returncode, records, proc.stderr.decode("utf-8", "replace")


def test_unreadable_file_is_an_error_record():
    work = Path(tempfile.mkdtemp(prefix="marsad-perm-"))  # reachable by an unprivileged user
    try:
        os.chmod(work, 0o755)
        write_goods(work)
        locked = work / "locked.txt"
        locked.write_text(GOOD_A, "utf-8")
        locked.chmod(0)
        root = os.geteuid() == 0
        code, records, err = _analyze_as_nobody(work) if root else cli_jsonl(str(work))
        assert code == 1, err
        found = by_name(records)
        assert found["locked.txt"]["error"]["code"] == "E_UNREADABLE"
        assert "permission" in found["locked.txt"]["error"]["message"]
        assert "error" not in found["good_a.txt"] and "error" not in found["good_b.txt"]
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def huge_line(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 50 MB file of Arabic prose without a single line break."""
    path = tmp_path_factory.mktemp("huge") / "line.txt"
    chunk = (LINE * 2000).encode("utf-8")
    with path.open("wb") as fh:
        while fh.tell() < 50_000_000:
            fh.write(chunk)
    return path


def test_50mb_single_line_is_refused_without_reading_it(huge_line: Path):
    tracemalloc.start()
    try:
        items = list(read_paths([huge_line]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [i.code for i in items] == ["E_TOO_LARGE"]
    assert re.search(r"\b50,\d{3},\d{3}\+? bytes", items[0].message) and "5,000,000" in items[0].message
    assert peak < 1_000_000, f"{peak:,} bytes allocated to refuse it"


def test_50mb_single_line_refused_in_a_cli_batch(huge_line: Path, tmp_path: Path):
    goods = write_goods(tmp_path)
    code, records, err = cli_jsonl(str(goods[0]), str(huge_line), str(goods[1]))
    assert code == 1, err
    assert [r.get("error", {}).get("code") for r in records] == [None, "E_TOO_LARGE", None]


@pytest.mark.slow
def test_50mb_single_line_read_with_a_raised_limit(huge_line: Path):
    """With ``--max-bytes`` raised, ingest reads and cleans it (linear: see benchmarks/bench_scaling)."""
    items = list(read_paths([huge_line], IngestOptions(max_bytes=60_000_000)))
    assert len(items) == 1 and not isinstance(items[0], InputError), items
    assert len(items[0].text) > 25_000_000 and items[0].text.startswith("قتل ثلاثة مدنيين")


def test_long_single_line_analysed_with_a_raised_limit(tmp_path: Path):
    """A 300 kB article without line breaks goes through the whole pipeline."""
    path = tmp_path / "line.txt"
    path.write_text(LINE * 1700, "utf-8")
    items = api_results([path], max_bytes=60_000_000)
    assert len(items) == 1 and not isinstance(items[0], InputError), items
    assert items[0].entities and items[0].events
