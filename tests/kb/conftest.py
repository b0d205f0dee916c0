"""Fixtures for the knowledge-base tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def kb():
    """The shipped knowledge base (loaded once)."""
    from marsad.kb import load_kb

    return load_kb()
