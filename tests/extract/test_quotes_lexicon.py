"""``kb/data/cues.yaml``: its layout, and the look-ups the quote stage builds from it."""

from __future__ import annotations

import yaml

from marsad.extract.quotes.lexicon import CUES_FILE, load_lexicon, variants
from marsad.extract.quotes.words import key

SECTIONS = {
    "verbs", "excluded", "nominal", "negations", "complementizers", "pronoun_endings", "media",
    "outlets", "addressees", "manner", "documents", "role_nouns", "titles", "generic", "non_speakers",
    "adjuncts", "background", "relatives", "not_names", "self_named", "name_markers", "gender",
    "clause_openers",
    "default_statement", "infinitive_governors", "grammar",
}


def raw() -> dict:
    return yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))


def test_sections_are_known() -> None:
    assert set(raw()) <= SECTIONS, set(raw()) - SECTIONS


def test_every_verb_form_has_gender_and_tense() -> None:
    for lemma, entry in raw()["verbs"].items():
        assert set(entry) <= {"forms", "object", "needs", "relay", "explicit", "prep"}, lemma
        for form, tag in entry["forms"].items():
            gender, tense = tag.split(".")
            assert gender in ("m", "f", "pl") and tense in ("past", "pres", "part"), (lemma, form)


def test_forms_are_not_shared_between_lemmas() -> None:
    seen: dict[str, str] = {}
    for lemma, entry in raw()["verbs"].items():
        for form in entry["forms"]:
            assert seen.setdefault(key(form), lemma) == lemma, (form, lemma, seen[key(form)])


def test_nominal_cues_and_documents() -> None:
    data = raw()
    assert all(item["kind"] in ("source", "document", "document_pronoun") for item in data["nominal"])
    assert set(data["documents"].values()) <= set(data["media"])


def test_lexicon_lookups() -> None:
    lex = load_lexicon()
    form, clitic = lex.verb(key("وأضافت"))
    assert (form.lemma, form.gender, form.tense, clitic) == ("أضاف", "f", "past", True)
    form, clitic = lex.verb(key("مشيراً"))
    assert (form.lemma, form.tense, clitic) == ("أشار", "part", False)
    assert lex.verb(key("وصف"))[0].lemma == "وصف"      # a cue beginning with و is not و + صف
    assert lex.verb(key("الحكومة")) is None
    assert lex.is_complementizer(key("أنها")) and lex.is_complementizer(key("بأن"))
    assert not lex.is_complementizer(key("أنقرة"))
    assert lex.medium_at([key("مؤتمر"), key("صحافي")], 0) == ("press_conference", 2)
    assert lex.in_set(key("للوزارة"), lex.generic)
    assert "مرصد" in set(variants(key("المرصد")))
