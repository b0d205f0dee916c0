"""Property tests: whatever the input, cleaning keeps offsets exact and never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import MarsadError
from marsad.ingest import clean, decode

PIECES = st.sampled_from([
    "قالت مصادر محلية إن قصفاً استهدف البلدة صباح اليوم وأدى إلى أضرار في المنازل والمحال التجارية.",
    "عنوان خبر قصير عن البلدة", "×", "XS", "مناقشة", "اقرأ أيضاً", "سانا", "18/02/2023", "  ", "",
    "تحديث 10:15 ت.غ", "وفي سياق متصل، أكد...مسؤول: الوضع هادئ في البلدة مسؤول: الوضع هادئ في البلدة",
    "الرئيسية | أخبار | سياسة", "\u00a0", "\r", "\t", "-", "...", "(سانا)", "واشنطن — سبوتنيك. وقال",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES | st.text(max_size=40), max_size=25), st.sampled_from(["\n", "\n\n", "\r\n", " "]))
def test_offsets_exact(parts: list[str], sep: str) -> None:
    raw = sep.join(parts)
    cleaned = clean(raw)
    for r in cleaned.removed:
        assert raw[r.start:r.end] == r.text
    for s in cleaned.segments:
        assert cleaned.text[s.start:s.end] == raw[s.raw_start:s.raw_start + s.end - s.start]
    assert cleaned.text == cleaned.text.strip() or not cleaned.text.strip()
    if cleaned.title is not None:
        assert cleaned.text.startswith(cleaned.title)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_decode_returns_or_raises_coded(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except MarsadError as exc:
        assert exc.code in ("E_BINARY", "E_ENCODING")
    else:
        assert isinstance(text, str) and encoding


# The line key's definition, written as a per-character table (fold() itself uses faster operations).
_KEY_TABLE = str.maketrans({
    "\u0640": None, **{chr(c): None for c in range(0x064B, 0x0653)}, "\u0670": None,
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي",
    "\u200c": None, "\u200d": None, "\u200e": None, "\u200f": None, "\ufeff": None,
})
KEY_CHARS = st.text(alphabet=st.sampled_from(list("أإآٱىيابتةAbcßİ -*\t\n\u00a0\u2003\u3000\x1c\u0640\u064b"
                                                  "\u0650\u0651\u0652\u0653\u0670\u200c\u200d\u200e\u200f"
                                                  "\ufeff")) | st.characters(), max_size=60)


@settings(max_examples=300, deadline=None)
@given(KEY_CHARS, st.sampled_from(["", "-*", "|•"]))
def test_line_key_follows_its_definition(text: str, strip: str) -> None:
    import re

    from marsad.ingest.fold import fold

    expected = re.sub(r"\s+", " ", text.translate(_KEY_TABLE).casefold()).strip()
    if strip:
        expected = expected.strip(strip + " ")
    assert fold(text, strip) == expected
