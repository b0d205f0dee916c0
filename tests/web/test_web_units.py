"""Pure helpers of the web layer: highlight segments, parameter checks, the outline cutter, `marsad serve`
options, and pages without the vendored assets."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import pytest

from marsad.errors import MarsadError
from marsad.web import params
from marsad.web.errors import ApiError
from marsad.web.highlight import Mark, marks, segments, snippet_segments

ROOT = Path(__file__).resolve().parents[2]


def test_segments_cover_the_text_and_know_their_marks():
    text = "قصفت الطائرات مدينة حلب أمس"
    found = [Mark("entity", "e1", 20, 23, "location: حلب", "location"),
             Mark("event", "v1", 0, 4, "Explosions", "explosions"),
             Mark("quote", "q1", 14, 27, "quote")]
    segs = segments(text, found)
    assert "".join(s.text for s in segs) == text
    assert all(s.text == text[s.start:s.end] for s in segs)
    city = next(s for s in segs if s.text == "حلب")
    assert city.ids == "e1 q1" and "hl-entity-location" in city.classes and "hl-quote" in city.classes
    assert next(s for s in segs if s.start == 4).marks == []


def test_marks_of_a_document_stay_inside_its_text():
    from webcorpus import sample_docs

    for doc in sample_docs():
        for m in marks(doc):
            assert 0 <= m.start < m.end <= len(doc.text)


def test_framing_terms_are_underlined_in_the_document_view():
    from webcorpus import sample_docs

    from marsad.web.highlight import document_view

    doc = sample_docs()[0]
    start = doc.text.index("غارة")
    view = document_view(doc, [{"start": start, "end": start + 4, "term": "غارة", "term_en": "raid",
                                "kind": "test", "actor": None}, {"start": -1, "end": 2, "term": "x",
                                                                 "term_en": "x", "kind": "x", "actor": None}])
    seg = next(s for s in view["segments"] if s.start == start)
    assert "hl-framing" in seg.classes and "framing: raid (test)" in seg.title


def test_snippet_segments():
    assert snippet_segments("abc def ghi", [(4, 7)]) == [("abc ", False), ("def", True), (" ghi", False)]
    assert snippet_segments("abc", [(1, 9)]) == [("abc", False)]       # out of range: ignored


@pytest.mark.parametrize("value, expected", [("2017-10-24", "2017-10-24"), ("2017-10", "2017-10-01"),
                                             ("2017", "2017-01-01"), ("", None), (None, None)])
def test_dates(value, expected):
    assert params.date_param(value, "d") == expected


@pytest.mark.parametrize("value", ["2017-02-30", "24/10/2017", "2017-1-1", "x" * 50])
def test_bad_dates(value):
    with pytest.raises(ApiError) as err:
        params.date_param(value, "date_from")
    assert err.value.status == 400 and "date_from" in err.value.message


def test_bbox_and_ids():
    assert params.bbox_param("35,30,42,37.5") == (35.0, 30.0, 42.0, 37.5)
    for bad in ("1,2,3", "nan,0,1,1", "0,0,200,1"):
        with pytest.raises(ApiError):
            params.bbox_param(bad)
    assert params.check_id("0123456789abcdef", params.DOC_ID, "document") == "0123456789abcdef"
    with pytest.raises(ApiError) as err:
        params.check_id("../etc/passwd", params.DOC_ID, "document")
    assert err.value.status == 404


def _vendor_tool():
    spec = importlib.util.spec_from_file_location("vendor_assets", ROOT / "tools" / "vendor_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_outlines_are_clipped_to_the_region_and_simplified():
    tool = _vendor_tool()
    square = [[10.0, 0.0], [30.0, 0.0], [30.0, 10.0], [10.0, 10.0], [10.0, 0.0]]   # half outside (west)
    clipped = tool.clip_ring(square, (20.0, 5.0, 65.0, 45.0))
    assert clipped[0] == clipped[-1]
    assert all(20.0 <= x <= 65.0 and 5.0 <= y <= 45.0 for x, y in clipped)
    assert tool.clip_ring([[0, 0], [1, 0], [1, 1], [0, 0]], (20.0, 5.0, 65.0, 45.0)) == []
    line = [[0.0, 0.0], [1.0, 0.001], [2.0, 0.0], [3.0, 5.0]]
    assert tool.simplify(line, 0.01) == [[0.0, 0.0], [2.0, 0.0], [3.0, 5.0]]
    geo = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [square]}},
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[-80, 0], [-70, 0], [-70, 9],
                                                                             [-80, 0]]]}}]}
    cut = tool.cut_outlines(geo)
    assert len(cut["features"]) == 1


def _serve_args(**kw) -> argparse.Namespace:
    base = {"db": Path("missing.db"), "host": "127.0.0.1", "port": 8000, "allow_ingest": False,
            "token": None, "max_body": 2_000_000}
    return argparse.Namespace(**{**base, **kw})


def test_serve_options(tmp_path, monkeypatch, corpus_path):
    from marsad.cli.serve import settings_from

    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    with pytest.raises(MarsadError, match="corpus not found"):
        settings_from(_serve_args())
    with pytest.raises(MarsadError, match="needs a token"):
        settings_from(_serve_args(db=corpus_path, allow_ingest=True))
    with pytest.raises(MarsadError, match="--port"):
        settings_from(_serve_args(db=corpus_path, port=70000))
    monkeypatch.setenv("MARSAD_TOKEN", "t0k")
    settings = settings_from(_serve_args(db=corpus_path, allow_ingest=True))
    assert settings.token == "t0k" and settings.allow_ingest


def test_serve_is_a_registered_command():
    from marsad.cli import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.db", "--port", "9000"])
    assert args.port == 9000 and args.func.__module__ == "marsad.cli.serve"


def test_pages_say_when_the_vendored_assets_are_missing(client, monkeypatch):
    from marsad.web import pages

    monkeypatch.setattr(pages, "vendor_ready", lambda: dict.fromkeys(
        ("leaflet", "outlines", "font", "swagger"), False))
    html = client.get("/events").text
    assert 'id="no-map"' in html and 'id="no-assets"' in html and "leaflet.js" not in html
    assert client.get("/api/events").status_code == 200
