"""Fuzz targets shared by the hypothesis properties, the atheris harnesses and the crasher replay.

Each target takes raw bytes (what a fuzzer produces) and raises ``AssertionError`` when an invariant
breaks; any other exception is a crash.  Invariants: ingest never raises and reports only documented
error codes (never ``E_ANALYZE``, its code for an unexpected exception); the Arabic layer returns
spans that index the text exactly and offset maps that are monotonic; ``analyze`` never raises and
its documents pass :func:`marsad.document.validate`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

# The first byte of an ingest input picks the kind of file it is written as.
SUFFIXES = (".txt", ".html", ".jsonl", ".csv", ".json", ".xml", ".tsv", ".htm")
MAX_TEXT = 20_000  # characters of arbitrary text given to the Arabic layer and the pipeline


def text_of(data: bytes) -> str:
    """Arbitrary bytes as text (UTF-8 with replacement), bounded in length."""
    return data.decode("utf-8", "replace")[:MAX_TEXT]


# ---------------------------------------------------------------- ingest


def check_ingest_item(item: object) -> None:
    from marsad.errors import CODES, InputError
    from marsad.ingest import Article

    if isinstance(item, InputError):
        assert item.code in CODES and item.code != "E_ANALYZE", f"{item.code}: {item.message}"
        assert item.message
        return
    assert isinstance(item, Article), type(item)
    assert item.text.strip(), "an article with no text"
    for r in item.removed:
        assert 0 <= r.start <= r.end, r


def ingest_bytes(data: bytes) -> None:
    """Bytes as a file of the kind the first byte picks, through ``read_file`` and ``article_from_bytes``."""
    from marsad.document import Source
    from marsad.ingest import IngestOptions, article_from_bytes, read_file

    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".txt"
    body = data[1:]
    options = IngestOptions(max_bytes=200_000)
    with tempfile.TemporaryDirectory(prefix="marsad-fuzz-") as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(body)
        for item in read_file(path, options):
            check_ingest_item(item)
    check_ingest_item(article_from_bytes(body, Source(path="fuzz"), options))


# ---------------------------------------------------------------- the Arabic layer


def check_spans(text: str, spans: list, where: str) -> None:
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text), f"{where}: {s.start}:{s.end} outside {len(text)}"
        assert text[s.start:s.end] == s.text, f"{where}: {s.text!r} != {text[s.start:s.end]!r}"


def check_normalized(text: str) -> None:
    """The offset map of :func:`normalize` is monotonic and stays inside both texts."""
    from marsad.arabic import normalize

    norm = normalize(text)
    n, size = len(norm.text), len(text)
    assert norm.original == text
    last_start = last_end = 0
    for i in range(n):
        start, end = norm.to_original(i, i + 1)
        assert 0 <= start <= end <= size, (i, start, end)
        assert start >= last_start and end >= last_end, f"map goes back at {i}"
        last_start, last_end = start, end
    previous = 0
    for j in range(0, size + 1, max(1, size // 64)):
        first, last = norm.to_normalized(0, j)
        assert first == 0 and previous <= last <= n, (j, first, last)
        previous = last


def arabic_text(data: bytes) -> None:
    """normalize, tokens, sentences, find_quantities and find_date_spans on arbitrary text."""
    from marsad.arabic import find_date_spans, find_quantities, sentences, tokens

    text = text_of(data)
    check_normalized(text)
    toks = tokens(text)
    check_spans(text, [_SpanLike(t.start, t.end, t.text) for t in toks], "tokens")
    assert all(a.end <= b.start for a, b in pairwise(toks)), "tokens overlap"
    sents = sentences(text)
    check_spans(text, sents, "sentences")
    assert all(a.end <= b.start for a, b in pairwise(sents)), "sentences overlap"
    for q in find_quantities(text):
        if q.span is not None:
            check_spans(text, [q.span], "quantities")
        assert q.low is None or q.high is None or q.low <= q.high, q
    check_spans(text, [span for span, _value in find_date_spans(text)], "dates")


class _SpanLike:
    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text = start, end, text


# ---------------------------------------------------------------- the whole analysis


@lru_cache(maxsize=1)
def pipeline():  # -> marsad.pipeline.Pipeline
    from marsad.pipeline import build

    return build().prepare()


def analyze_text(data: bytes) -> None:
    """The whole pipeline on arbitrary text: no exception, a valid document."""
    from marsad.document import validate
    from marsad.ingest import Article

    text = text_of(data)
    if not text.strip():
        return
    doc = pipeline().analyze(Article(text=text))
    problems = validate(doc)
    assert problems == [], problems[:5]


TARGETS: dict[str, Callable[[bytes], None]] = {
    "ingest": ingest_bytes, "arabic": arabic_text, "analyze": analyze_text,
}


def run_atheris(name: str) -> None:
    """Entry point of the atheris harness ``fuzz_<name>.py`` (libFuzzer options on the command line)."""
    import sys

    import atheris

    target = TARGETS[name]
    with atheris.instrument_imports(include=["marsad"]):
        import marsad.arabic
        import marsad.ingest
        import marsad.pipeline  # noqa: F401
    if name == "analyze":
        pipeline()  # load the knowledge base once, before fuzzing starts

    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
