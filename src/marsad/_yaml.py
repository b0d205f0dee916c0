"""YAML parsing for the data files, with libyaml's C parser when PyYAML was built with it.

The pure-Python parser spends about a second on the package's data files at start-up; libyaml's
``CSafeLoader`` reads the same safe subset (plain data, no Python objects) several times faster.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load`` with the fastest safe loader available."""
    return yaml.load(stream, Loader=SafeLoader)
