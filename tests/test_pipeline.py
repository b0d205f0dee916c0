"""Batches over processes: order kept, error records passed through, ``then`` run where analysed."""

from __future__ import annotations

import pytest

from marsad.corpus.rows import Prepared, prepare
from marsad.document import Document, Source
from marsad.errors import InputError
from marsad.ingest.article import Article
from marsad.pipeline import analyze_many

TEXTS = ["قصف على حلب\n\nقتل 3 مدنيين في قصف على حلب أمس.",
         "اعتقالات في الرقة\n\nاعتقلت قوات الأمن 12 شخصا في الرقة.",
         "بيان\n\nقال المتحدث إن \"الوضع هادئ\"."]


def _items() -> list[Article | InputError]:
    arts: list[Article | InputError] = [
        Article(text=t, title=t.split("\n")[0], source=Source(path=f"a{i}.txt")) for i, t in enumerate(TEXTS)]
    arts.insert(1, InputError("E_EMPTY", "empty input", Source(path="empty.txt")))
    return arts


def _fails(doc: Document) -> object:
    raise ValueError(f"cannot flatten {doc.source.path}")


@pytest.mark.parametrize("workers", [1, 2])
def test_then_runs_on_each_document_in_order(workers: int) -> None:
    out = list(analyze_many(_items(), workers=workers, then=prepare))
    assert [type(x) for x in out] == [Prepared, InputError, Prepared, Prepared]
    assert out[1].code == "E_EMPTY"
    assert [x.document[2] for x in out if isinstance(x, Prepared)] == ["a0.txt", "a1.txt", "a2.txt"]
    plain = [d for d in analyze_many(_items(), workers=1) if isinstance(d, Document)]
    assert [p.id for p in out if isinstance(p, Prepared)] == [d.id for d in plain]
    assert [p.tables for p in out if isinstance(p, Prepared)] == [prepare(d).tables for d in plain]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_then_becomes_an_error_record(workers: int) -> None:
    out = list(analyze_many(_items(), workers=workers, then=_fails))
    assert [x.code for x in out] == ["E_ANALYZE", "E_EMPTY", "E_ANALYZE", "E_ANALYZE"]
    assert "cannot flatten a0.txt" in out[0].message


def test_workers_read_ahead_a_bounded_window() -> None:
    """An endless input: the first results come back, and only a bounded number of inputs was read."""
    from itertools import count, islice

    read = 0

    def endless():
        nonlocal read
        for i in count():
            read += 1
            yield Article(text=TEXTS[i % 3], title=f"t{i}", source=Source(path=f"e{i}.txt"))

    results = analyze_many(endless(), workers=2, chunksize=2)
    first = list(islice(results, 5))
    results.close()  # the chunks not started are dropped, the pool shuts down
    assert [d.source.path for d in first] == [f"e{i}.txt" for i in range(5)]
    # a window of 4 chunks per worker plus one is in flight before the first result, then one more
    # chunk is read for each further chunk consumed (5 results = 3 chunks of 2)
    assert read <= 2 * (2 * 4 + 1 + 3)
