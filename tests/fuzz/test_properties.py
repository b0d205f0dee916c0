"""Property tests over the fuzz targets: ingest, the Arabic layer and the whole analysis never raise
and keep their invariants, whatever the input (see :mod:`fuzz_targets`)."""

from __future__ import annotations

import json

from fuzz_targets import SUFFIXES, analyze_text, arabic_text, ingest_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FAST = settings(max_examples=200, deadline=None)

# Pieces of Arabic news text and markup, written for these tests, that fuzzing mixes with noise.
PIECES = (
    "قتل خمسة مدنيين", "في قصف على بلدة الباب", "بريف حلب", "يوم الثلاثاء", "أمس الأحد",
    "وقال مصدر طبي إن", "«", "»", "نحو 200", "ما لا يقل عن عشرين", "عشرات", "12 آذار/مارس 2021",
    "اعتقلت قوات سوريا الديمقراطية", "تنظيم داعش", "الجيش السوري", "التحالف الدولي", "وأضاف",
    "\u200f", "\u202e", "\u0651", "\u0640", "ـ", "٣٤", "١٤٤٤ هـ", "\n", "\n\n", "، ", ". ", ": ",
    '"', "(", ")",
    "<p>", "</p>", "<div>", "<script>x()</script>", "&amp;", "<!--", "-->", "<br/>", "\x00", "\r\n", "\t",
)
pieces = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=40).map("".join)
soupy_text = st.one_of(pieces, st.text(max_size=200))


@FAST
@given(soupy_text)
def test_arabic_layer_on_any_text(text: str):
    arabic_text(text.encode("utf-8", "surrogatepass"))


@FAST
@given(st.binary(max_size=400))
def test_arabic_layer_on_any_bytes(data: bytes):
    arabic_text(data)


def _records(texts: list[str], kind: int) -> bytes:
    if kind == 0:  # JSONL
        return "\n".join(json.dumps({"text": t, "title": t[:10]}, ensure_ascii=False) for t in texts).encode()
    if kind == 1:  # CSV
        return ("text,title\n" + "\n".join(f'"{t}",{t[:5]}' for t in texts)).encode()
    return json.dumps({"articles": [{"body": t} for t in texts]}, ensure_ascii=False).encode()


@SLOW
@given(st.integers(0, 255), st.binary(max_size=600))
def test_ingest_of_any_bytes(kind: int, data: bytes):
    ingest_bytes(bytes([kind]) + data)


@SLOW
@given(st.sampled_from(range(len(SUFFIXES))), soupy_text, st.sampled_from(["utf-8", "cp1256", "utf-16"]))
def test_ingest_of_text_in_any_format(kind: int, text: str, encoding: str):
    ingest_bytes(bytes([kind]) + text.encode(encoding, "ignore"))


@SLOW
@given(st.lists(soupy_text, min_size=1, max_size=4), st.sampled_from([0, 1, 2]))
def test_ingest_of_record_files(texts: list[str], kind: int):
    suffix = (".jsonl", ".csv", ".json")[kind]
    ingest_bytes(bytes([SUFFIXES.index(suffix)]) + _records(texts, kind))


@SLOW
@given(pieces)
def test_analyze_any_text(text: str):
    analyze_text(text.encode("utf-8", "surrogatepass"))
