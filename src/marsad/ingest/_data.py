"""Lazy, cached access to the YAML files under ``marsad/kb/data`` (read by path, not via ``marsad.kb``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError

DATA_DIR = Path(__file__).resolve().parent.parent / "kb" / "data"


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a missing or broken file is an ``E_USAGE`` error with its path."""
    import yaml  # imported on first use: keeps `import marsad.ingest` light

    from marsad._yaml import safe_load

    try:
        with path.open(encoding="utf-8") as fh:
            return safe_load(fh)
    except OSError as exc:
        raise MarsadError("E_USAGE", f"cannot read data file {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise MarsadError("E_USAGE", f"data file {path} is not valid YAML: {exc}") from exc


@cache
def packaged(name: str) -> Any:
    """A data file shipped in ``kb/data`` (parsed once per process)."""
    return read_yaml(DATA_DIR / name)
