"""Shared fixtures: paths to the seeds (outside the repository) and the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.fixture
def seeds() -> dict[str, Path]:
    """The five real seed articles by their three-digit prefix ("000" ... "004")."""
    paths = seed_paths()
    if not paths:
        pytest.skip(f"seed articles not found in {SEEDS}")
    return {p.name[:3]: p for p in paths}
