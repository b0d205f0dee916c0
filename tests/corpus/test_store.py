from __future__ import annotations

import copy
import sqlite3

import pytest

from marsad.corpus import Corpus
from marsad.corpus.migrations import MIGRATIONS
from marsad.corpus.search import Filters, fts_query, index_terms
from marsad.errors import InputError, MarsadError
from marsad.ingest import article_id


def test_ingest_twice_gives_the_same_rows(tmp_path, docs):
    with Corpus(tmp_path / "c.db") as corpus:
        first = corpus.add(docs)
        counts = corpus.counts()
        again = corpus.add(copy.deepcopy(docs))
        assert corpus.counts() == counts
    assert (first.added, again.added, again.unchanged) == (4, 0, 4)
    assert counts["documents"] == 4 and counts["events"] == 4


def test_updated_article_replaces_the_old_version(tmp_path, docs):
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(docs)
        newer = copy.deepcopy(docs[0])
        newer.text = newer.text + "\n\nتحديث: ارتفع عدد القتلى."
        newer.id = article_id(newer.text)
        stats = corpus.add([newer])
        assert stats.updated == 1
        assert corpus.counts()["documents"] == 4
        assert corpus.document(docs[0].id) is None
        assert corpus.document(newer.id).text.endswith("ارتفع عدد القتلى.")


def test_error_records_are_kept_and_cleared(tmp_path, docs):
    from marsad.document import Source

    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([InputError("E_BINARY", "binary", Source(path="a/1.txt"))])
        assert corpus.counts()["errors"] == 1
        corpus.add(docs[:1])  # the same path now reads fine
        assert corpus.counts()["errors"] == 0


def test_schema_is_versioned_and_refuses_a_newer_file(tmp_path):
    path = tmp_path / "c.db"
    Corpus(path).close()
    conn = sqlite3.connect(path)
    versions = [v for (v,) in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(MarsadError, match="newer Marsad"):
        Corpus(path)


def test_not_a_corpus_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(MarsadError, match="not a Marsad corpus"):
        Corpus(path)


def test_readonly_open_of_missing_file(tmp_path):
    with pytest.raises(MarsadError, match="not found"):
        Corpus(tmp_path / "none.db", readonly=True)


def test_search_is_clitic_and_spelling_insensitive(tmp_path, docs):
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(docs)
        for query in ("الرقة", "الرقه", "رقة"):
            hits = corpus.search(query)
            assert [h.doc_id for h in hits] == [docs[2].id], query
        hit = corpus.search("القصور")[0]
        start, end = hit.highlights[0]
        assert hit.snippet[start:end] in ("القصور",)
        assert {h.doc_id for h in corpus.search("بالقصور")} == {docs[0].id, docs[1].id}


def test_search_filters(tmp_path, docs):
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(docs)
        assert [h.doc_id for h in corpus.search("القصور", Filters(outlet="Mizan Net"))] == [docs[1].id]
        assert corpus.search("القصور", Filters(date_from="2017-10-25")) != []
        assert corpus.search("القصور", Filters(date_to="2017-10-01")) == []
        battles = corpus.search("", Filters(event_type="Battles"))
        assert [h.doc_id for h in battles] == [docs[3].id, docs[2].id]
        assert [h.doc_id for h in corpus.search("", Filters(actor="sdf", place="raqqa"))] == [docs[2].id]


def test_phrase_query_and_terms():
    assert index_terms("والرقة وبالرقة") == "رقه رقه"
    assert fts_query('"حي القصور" الرقة') == '"حي قصور" AND "رقه"'
    assert fts_query('"" ') == ""


def test_packed_documents_read_back_equal(tmp_path):
    """What the store keeps of an analysed document (orjson of the dataclasses, compressed) reads back
    to an equal Document; so does the blob earlier versions wrote (``to_json``)."""
    import zlib
    from pathlib import Path

    from marsad.corpus.rows import pack, unpack, unpack_text
    from marsad.ingest import IngestOptions, read_paths
    from marsad.pipeline import analyze_many

    demo = sorted((Path(__file__).parents[2] / "samples" / "demo" / "articles").iterdir())[:12]
    docs = list(analyze_many(read_paths([str(p) for p in demo], IngestOptions())))
    assert sum(len(d.events) + len(d.quotes) + len(d.entities) for d in docs) > 100
    for doc in docs:
        assert unpack(pack(doc)) == doc
        assert unpack(zlib.compress(doc.to_json().encode("utf-8"))) == doc
        assert unpack_text(pack(doc)) == doc.text


def test_missing_values_are_stored_as_null(tmp_path, docs):
    """None goes through the adapter the store registers for speed: it must still bind as SQL NULL."""
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(docs)
        nulls = corpus.conn.execute("SELECT COUNT(*) FROM events WHERE actor2 IS NULL").fetchone()[0]
        texts = corpus.conn.execute("SELECT COUNT(*) FROM events WHERE typeof(actor2) = 'text' "
                                    "AND actor2 IN ('None', '')").fetchone()[0]
        none_events = sum(1 for d in docs for v in d.events if v.actor2 is None)
    assert none_events and nulls == none_events and texts == 0
