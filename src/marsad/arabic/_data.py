"""Lazy loading of the language tables in ``marsad/kb/data/arabic``.

``marsad.arabic`` must not import ``marsad.kb``; it reads its YAML files by
path, once, on first use.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "kb" / "data" / "arabic"


@cache
def table(name: str) -> dict[str, Any]:
    """The parsed YAML table ``<name>.yaml`` (cached; do not mutate)."""
    from marsad._yaml import safe_load

    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as fh:
        data = safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{name}.yaml: expected a mapping at top level")
    return data
