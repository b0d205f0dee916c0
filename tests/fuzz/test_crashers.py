"""Replay the inputs that once crashed a fuzz target (``crashers/<target>/<name>``): each must now pass.

When ``make fuzz`` finds a crash it writes ``.fuzz/<target>/crash-*``; copy the file here under a
name that says what it is, fix the bug, and this test keeps it fixed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz_targets import TARGETS

CRASHERS = Path(__file__).resolve().parent / "crashers"
FOUND = sorted(p for p in CRASHERS.glob("*/*") if p.is_file() and not p.name.startswith("."))


def test_crashers_are_filed_under_a_known_target():
    assert FOUND, "the regression corpus is empty"
    assert {p.parent.name for p in FOUND} <= set(TARGETS)


@pytest.mark.parametrize("path", FOUND, ids=[f"{p.parent.name}/{p.name}" for p in FOUND])
def test_crasher_replays_cleanly(path: Path):
    TARGETS[path.parent.name](path.read_bytes())
