"""Fixtures: a small corpus built from hand-made documents, and a client over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from webcorpus import make_corpus, sample_docs


def pytest_configure(config: pytest.Config) -> None:
    # Starlette suggests httpx2 for its TestClient; httpx still works and is what FastAPI documents.
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("web") / "c.db", sample_docs())


@pytest.fixture(scope="module")
def client(corpus_path: Path):
    from fastapi.testclient import TestClient

    from marsad.web import WebSettings, create_app

    with TestClient(create_app(WebSettings(db=corpus_path, token="")),
                    raise_server_exceptions=False) as c:
        yield c
