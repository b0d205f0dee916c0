"""The entity stage's place-context data (place_cues.yaml) and the same-name places it must tell apart."""

from __future__ import annotations

from pathlib import Path

import yaml

from marsad.extract.entities.lexicon import key

DATA = Path(__file__).resolve().parents[2] / "src" / "marsad" / "kb" / "data"
LISTS = ("blockers", "after_blockers", "common_words", "adjective_like", "directions", "region_words")


def _cues() -> dict:
    return yaml.safe_load((DATA / "place_cues.yaml").read_text(encoding="utf-8"))


def test_word_lists_are_unique_strings() -> None:
    data = _cues()
    for name in LISTS:
        words = data[name]
        assert all(isinstance(w, str) and w.strip() for w in words), name
        folded = [key(w) for w in words]
        assert len(folded) == len(set(folded)), f"{name} repeats a word"


def test_compass_words_are_no_cues() -> None:
    """A compass word before an unknown name must not make it a place ("شمال X" is no village)."""
    data = _cues()
    assert not {key(w) for w in data["region_words"]} & {key(c) for c in data["cues"]}


def test_ariha_and_jericho(kb) -> None:  # type: ignore[no-untyped-def]
    ariha, jericho = kb.places["ariha"], kb.places["jericho"]
    assert (ariha.country, ariha.admin1) == ("SY", "Idlib")
    assert jericho.country == "PS"
    assert "أريحا" in ariha.names and "أريحا" in jericho.names
    assert ariha.ambiguous and jericho.ambiguous
    assert "مدينة أريحا" not in jericho.names


def test_common_words_cover_gazetteer_junk(kb) -> None:  # type: ignore[no-untyped-def]
    """One-word gazetteer names that news text uses as common words are listed."""
    common = {key(w) for w in _cues()["common_words"]}
    for word in ("التحالف", "البلاد", "الدور", "الزيارة", "سلامة", "الحكومة", "المصدر"):
        assert key(word) in common, word
