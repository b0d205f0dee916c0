"""The JSON API over a hand-made corpus: every endpoint, exports, and clear 4xx errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.document import Document


def ok(client, url: str) -> dict:
    r = client.get(url)
    assert r.status_code == 200, r.text
    return r.json()


def test_index_lists_endpoints(client):
    assert "/api/events" in ok(client, "/api")["endpoints"]


def test_overview_counts(client):
    data = ok(client, "/api/overview")
    assert data["counts"]["documents"] == 4
    assert {r["event_type"]: r["n"] for r in data["by_type"]} == {
        "Explosions/Remote violence": 3, "Battles": 1}
    assert data["by_month"] == [{"period": "2017-10", "n": 4}]
    assert data["stories"][0]["outlets"] == 2


def test_documents_paging_and_filters(client):
    first = ok(client, "/api/documents?limit=2")
    assert first["total"] == 4 and len(first["items"]) == 2
    second = ok(client, "/api/documents?limit=2&offset=2")
    assert {d["id"] for d in first["items"]}.isdisjoint(d["id"] for d in second["items"])
    assert ok(client, "/api/documents?outlet=mizan_net")["total"] == 1
    assert ok(client, "/api/documents?date_from=2017-10-25")["total"] == 2
    assert ok(client, "/api/documents?place=raqqa")["items"][0]["outlet"] == "Furat Voice"
    assert ok(client, "/api/documents?event_type=Battles")["total"] == 1


def test_one_document_is_the_contract(client):
    doc_id = ok(client, "/api/documents?outlet=sham_now")["items"][0]["id"]
    data = ok(client, f"/api/documents/{doc_id}")
    assert data["schema"] == "marsad/1"
    doc = Document.from_dict(data)
    assert doc.id == doc_id and doc.events[0].trigger.text == "غارة"


def test_events_filters(client):
    assert ok(client, "/api/events")["total"] == 4
    assert ok(client, "/api/events?event_type=Battles")["items"][0]["location"] == "الرقة"
    assert ok(client, "/api/events?sub_event_type=Air/drone strike")["total"] == 3
    assert ok(client, "/api/events?actor=global_coalition")["total"] == 1
    assert ok(client, "/api/events?place=al_qusour")["total"] == 2
    assert ok(client, "/api/events?outlet=Mizan Net")["total"] == 1
    assert ok(client, "/api/events?date_from=2017-10-25&date_to=2017-10-26")["total"] == 2
    assert ok(client, "/api/events?bbox=39.5,35,41,36")["total"] == 2       # Deir ez-Zor only
    assert ok(client, "/api/events?modality=negated")["total"] == 0
    assert ok(client, "/api/events?modality=any")["total"] == 4


@pytest.mark.parametrize("rare", [0, 2000])
def test_both_event_plans_give_the_same_answers(client, monkeypatch, rare):
    """Actor / place filters use their own indexes when rare, else the covering index."""
    from marsad.corpus import views

    monkeypatch.setattr(views, "RARE", rare)
    assert ok(client, "/api/events?actor=global_coalition")["total"] == 1
    assert ok(client, "/api/events?place=al_qusour&date_from=2017-10-25")["total"] == 1
    rows = ok(client, "/api/events?place=al_qusour&modality=any")["items"]
    assert [r["date_start"] for r in rows] == ["2017-10-25", "2017-10-24"]
    assert ok(client, "/api/events?actor=nobody")["total"] == 0


def test_events_timeline_and_one_event(client):
    assert ok(client, "/api/events/timeline?place=al_qusour")["items"] == [{"period": "2017-10", "n": 2}]
    row = ok(client, "/api/events?place=raqqa")["items"][0]
    one = ok(client, f"/api/events/{row['doc_id']}/{row['event_id']}")
    assert one["sub_event_type"] == "Armed clash" and one["incident"]["reports"]


@pytest.mark.parametrize("fmt, media", [("jsonl", "application/x-ndjson"), ("acled-csv", "text/csv"),
                                        ("geojson", "application/geo+json")])
def test_event_exports_stream_only_the_matching_events(client, fmt, media):
    r = client.get(f"/api/events?place=al_qusour&format={fmt}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert "attachment" in r.headers["content-disposition"]
    if fmt == "jsonl":
        docs = [json.loads(line) for line in r.text.splitlines()]
        assert len(docs) == 2 and all(len(d["events"]) == 1 for d in docs)
    elif fmt == "acled-csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert sorted(int(x["fatalities"]) for x in rows) == [11, 14]
        assert {x["location"] for x in rows} == {"حي القصور"}
    else:
        data = json.loads(r.text)
        assert len(data["features"]) == 2
        assert data["features"][0]["geometry"]["coordinates"] == [40.14, 35.335]


def test_an_export_takes_a_limit(client):
    r = client.get("/api/events?format=jsonl&limit=1")
    assert r.status_code == 200 and len(r.text.splitlines()) == 1
    assert client.get("/api/events?format=jsonl&limit=0").status_code == 400


def test_document_and_search_exports(client):
    r = client.get("/api/documents?format=jsonl")
    assert len(r.text.splitlines()) == 4
    r = client.get("/api/search?q=الرقة&format=geojson")
    assert [f["properties"]["location"] for f in json.loads(r.text)["features"]] == ["الرقة"]


def test_stories_and_the_comparison(client):
    stories = ok(client, "/api/stories?min_outlets=2")
    assert stories["total"] == 1
    story = ok(client, f"/api/stories/{stories['items'][0]['id']}")
    strike = story["incidents"][0]
    assert strike["agreement"]["killed"] == "conflict" and strike["agreement"]["location"] == "agree"
    assert {r["outlet"] for r in strike["reports"]} == {"Sham Now", "Mizan Net"}
    csv_text = client.get(f"/api/stories/{story['id']}?format=acled-csv").text
    assert sorted(r["fatalities"] for r in csv.DictReader(io.StringIO(csv_text))) == ["11", "14"]


def test_outlets_and_profile(client):
    rows = ok(client, "/api/outlets")["items"]
    assert {r["id"] for r in rows} >= {"sham_now", "mizan_net", "furat_voice"}
    profile = ok(client, "/api/outlets/sham_now")
    assert profile["documents"] == 1 and len(profile["others"]) == 3
    assert ok(client, "/api/outlets/Sham Now")["id"] == "sham_now"


def test_search_highlights_are_offsets_into_the_snippet(client):
    data = ok(client, "/api/search?q=القصور")
    assert len(data["items"]) == 2
    for hit in data["items"]:
        marked = [hit["snippet"][a:b] for a, b in hit["highlights"]]
        assert marked and all("القصور" in m for m in marked)
    assert ok(client, "/api/search?q=القصور&outlet=mizan_net")["items"][0]["outlet"] == "Mizan Net"


def test_entity_page(client):
    data = ok(client, "/api/entities/al_qusour")
    assert data["type"] == "location" and len(data["documents"]) == 2 and len(data["events"]) == 2
    assert ok(client, "/api/entities/global_coalition")["events"][0]["actor1"] == "التحالف"


@pytest.mark.parametrize("url", [
    "/api/events?bbox=1,2", "/api/events?bbox=a,b,c,d", "/api/events?bbox=50,0,40,10",
    "/api/events?limit=0", "/api/events?limit=100000", "/api/events?limit=abc", "/api/events?offset=-1",
    "/api/events?event_type=Picnic", "/api/events?modality=maybe", "/api/events?date_from=yesterday",
    "/api/events?date_to=2017-13-45", "/api/documents?format=xml", "/api/stories?min_outlets=0",
    "/api/search?q=" + "x" * 600, "/api/events?actor=" + "a" * 500, "/api/events?place=%00",
    "/api/documents?outlet=%3Cscript%3E",
])
def test_bad_parameters_are_400_with_the_envelope(client, url):
    r = client.get(url)
    assert r.status_code == 400, (url, r.text)
    err = r.json()["error"]
    assert err["code"] == "E_PARAM" and err["message"]


@pytest.mark.parametrize("url", [
    "/api/documents/0123456789abcdef", "/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/ZZZ",
    "/api/events/0123456789abcdef/v1", "/api/events/0123456789abcdef/x1",
    "/api/stories/s000000", "/api/stories/%2e%2e", "/api/outlets/nobody", "/api/entities/nobody",
    "/api/entities/%2e%2e%2f%2e%2e", "/api/nope",
])
def test_unknown_things_are_404_with_the_envelope(client, url):
    r = client.get(url)
    assert r.status_code == 404, (url, r.text)
    assert r.json()["error"]["code"] == "E_NOT_FOUND"


def test_wrong_method_is_405_with_the_envelope(client):
    r = client.delete("/api/events")
    assert r.status_code == 405 and r.json()["error"]["code"] == "E_METHOD"


def test_no_corpus_is_503_not_500(tmp_path):
    from fastapi.testclient import TestClient

    from marsad.web import WebSettings, create_app

    with TestClient(create_app(WebSettings(db=tmp_path / "missing.db"))) as c:
        r = c.get("/api/events")
    assert r.status_code == 503 and r.json()["error"]["code"] == "E_NO_CORPUS"


def test_openapi_documents_the_endpoints(client):
    spec = ok(client, "/openapi.json")
    assert {"/api/events", "/api/search", "/api/analyze", "/api/ingest"} <= set(spec["paths"])
    assert "text/html" in spec["paths"]["/api/analyze"]["post"]["requestBody"]["content"]
