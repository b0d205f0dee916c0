"""Ingest against the demo corpus gold: cleaned text, title, date, outlet and record id per article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.ingest import Article, IngestOptions, read_paths

DEMO = Path(__file__).resolve().parents[2] / "samples" / "demo"


def _index() -> list[dict]:
    path = DEMO / "gold" / "index.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []


@pytest.fixture(scope="module")
def ingested() -> dict[str, Article]:
    index = _index()
    if not index:
        pytest.skip("samples/demo/gold not present")
    files = sorted({e["path"].split("#", 1)[0] for e in index})
    options = IngestOptions(outlet_files=[DEMO / "outlets.yaml"])
    items = read_paths([DEMO / f for f in files], options)
    return {str(Path(i.source.path).relative_to(DEMO)): i for i in items}


@pytest.mark.parametrize("entry", _index(), ids=lambda e: e["id"])
def test_matches_gold(ingested: dict[str, Article], entry: dict) -> None:
    gold = json.loads((DEMO / "gold" / f"{entry['id']}.json").read_text(encoding="utf-8"))
    article = ingested[entry["path"]]
    assert isinstance(article, Article), article
    assert article.text == gold["text"]
    assert article.title == gold["title"]
    published = article.published.start.isoformat() if article.published else None
    assert published == (gold.get("published") or {}).get("start")
    assert article.source.outlet_id == gold["source"]["outlet_id"]
    assert article.source.outlet == gold["source"]["outlet"]
    assert article.source.record_id == gold["source"]["record_id"]
