"""The event lexicons are well formed: ACLED types spelled exactly, known kinds and groups."""

from __future__ import annotations

import pytest

from marsad.document import CLAIM_KINDS, COUNT_KINDS
from marsad.extract.events.lexicon import fold, lexicon, verb_forms
from marsad.extract.events.words import WordIndex, analyse, split_from
from marsad.extract.quotes.words import Layout

TAXONOMY = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


def test_trigger_types_are_acled_strings() -> None:
    events = lexicon().events
    for entry in events["triggers"]:
        assert entry["sub_event_type"] in TAXONOMY[entry["event_type"]], entry["id"]
        assert entry.get("forms") or entry.get("verbs"), entry["id"]
        for group in (*entry.get("refine", ()), *entry.get("needs_context", ())):
            assert group in events["context"], (entry["id"], group)
    for group, spec in events["context"].items():
        if "event_type" in spec:
            assert spec["sub_event_type"] in TAXONOMY[spec["event_type"]], group
    override = events["civilian_victim_override"]
    assert override["sub_event_type"] in TAXONOMY[override["event_type"]]
    assert events["territory_state"] in TAXONOMY["Battles"]
    assert events["territory_nonstate"] in TAXONOMY["Battles"]


def test_trigger_ids_unique() -> None:
    ids = [e["id"] for e in lexicon().events["triggers"]]
    assert len(ids) == len(set(ids))


def test_victim_nouns_and_cues() -> None:
    victims = lexicon().victims
    kinds = set(COUNT_KINDS) | set(CLAIM_KINDS)
    for entry in victims["nouns"]:
        assert entry.get("group") in (None, "same", *victims["groups"]), entry
        assert entry.get("kind") in (None, *kinds), entry
        assert entry["forms"]
    assert set(victims["cues"]) <= kinds


def test_claims_and_modality_lists() -> None:
    lex = lexicon()
    assert set(lex.claims["kinds"]) == set(CLAIM_KINDS)
    assert set(lex.claims["claim_only_kinds"]) <= set(CLAIM_KINDS)
    for mod in ("negated", "future", "hypothetical", "alleged"):
        assert any(lex.modality[mod].values()), mod
    assert lex.modality["attribution"]["nominal"] and lex.modality["attribution"]["verbs"]


def test_verb_forms_cover_perfect_and_imperfect() -> None:
    forms = verb_forms("اعتقل")
    assert forms["اعتقلت"] == "perfect" and forms["يعتقل"] == "imperfect" and forms["اعتقلوا"] == "perfect"
    assert "يستهدف" not in verb_forms("استهدف", imperfect=False)


@pytest.mark.parametrize(("word", "stem"), [
    ("بالقصف", "القصف"), ("وقصفت", "قصفت"), ("للتحالف", "التحالف"), ("غاراتها", "غارات"), ("كمينا", "كمين"),
])
def test_clitic_stems(word: str, stem: str) -> None:
    _stems, deep = analyse(fold(word), word.endswith("ة"))
    assert fold(stem) in deep


def test_taa_marbuta_is_not_an_enclitic() -> None:
    _stems, deep = analyse(fold("الضربة"), True)
    assert fold("الضرب") not in deep


def test_word_keys_are_the_lexicon_folding() -> None:
    """A word's key (read from the Arabic layer's word-key cache) is what the lexicon folds it to."""
    for word in ("قُتِلَ", "الـمدنيين", "إصابة", "ومستشفى", "٣٥", "ISIS", "الأمم"):
        assert WordIndex(word).words[0].key == fold(word)


def test_words_keep_offsets_and_clauses() -> None:
    text = "قصفت الطائرات، فيما اشتبك المسلحون. ثم عاد الهدوء"
    idx = WordIndex(text)
    assert all(text[w.start:w.end] == w.text for w in idx.words)
    clauses = [w.clause for w in idx.words]
    assert clauses == sorted(clauses) and len(set(clauses)) >= 3
    assert idx.words[-1].sentence > idx.words[0].sentence


def test_word_columns_match_the_words() -> None:
    """The index's columns are its words' fields; a text with no clause mark is one clause."""
    for text in ("قصفت الطائرات المدينة", "\nقصفت الطائرات، فيما اشتبك المسلحون. ثم عاد الهدوء.", ""):
        idx = WordIndex(text)
        assert idx.size == len(idx.words) == len(text.split())
        assert idx.starts == [w.start for w in idx.words] and idx.ends == [w.end for w in idx.words]
        assert idx.clauses == [w.clause for w in idx.words]
        assert idx.sentence_numbers == [w.sentence for w in idx.words]
        assert idx.stems == [w.stems for w in idx.words] and idx.keys == [w.key for w in idx.words]
    assert WordIndex("قصفت الطائرات المدينة").clauses == [0, 0, 0]
    assert WordIndex("\nقصفت الطائرات. المدينة").sentence_numbers == [1, 1, 2]


def test_words_from_the_quote_stage_split() -> None:
    """The quote stage's split of a text gives the same words when its words are ours, else none."""
    text = "قصفت الطائرات (يوم 3/5) مواقع «داعش»، فيما اشتبك المسلحون.\nثم عاد الهدوء إلى المدينة_2 ١٢"
    lay = Layout(text)
    parts = split_from(lay.gaps, lay.texts)
    assert parts is not None
    assert WordIndex(text, parts).words == WordIndex(text).words
    for other in ("قال مراسل Le Monde في café المدينة", "ورد اسم ۺ في النص"):   # letters not ours
        lay = Layout(other)
        assert split_from(lay.gaps, lay.texts) is None


def _brute(idx: WordIndex, table, deep: bool) -> list:
    """Every phrase of ``table``, word by word (the reference for the one-pass look-up)."""
    return [(i, *m) for i in range(len(idx.words)) if (m := idx._match(table, i, deep, None)) is not None]


def test_one_pass_tables_match_word_by_word() -> None:
    lex = lexicon()
    tables = [lex.triggers, lex.context, lex.nouns, lex.cues, *lex.words.values()]
    texts = ["قتل 14 مدنيا على الأقل في قصف لطائرات التحالف على سوق شعبي في مدينة حلب، فيما أصيب آخرون.",
             "أعلن التنظيم مسؤوليته عن الهجوم. ولم تعلق الحكومة منذ بداية العام على حصيلة الضحايا",
             "في حين قالت مصادر محلية إن الاشتباكات استمرت أكثر من ثلاث سنوات"]
    for text in texts:
        first, second = WordIndex(text), WordIndex(text)     # the second reads the tables in one pass
        for table in tables:
            for deep in (False, True):
                expected = _brute(first, table, deep)
                assert first.find(table, 0, len(first.words), deep) == expected
                assert second.find(table, 0, len(second.words), deep) == expected
                for i, n, payload in expected:
                    assert second.match(table, i, deep) == (n, payload)


def test_word_ranges() -> None:
    text = "قصفت الطائرات، فيما اشتبك المسلحون. ثم عاد الهدوء إلى المدينة"
    idx = WordIndex(text)
    n = len(idx.words)
    for i, w in enumerate(idx.words):
        a, b = idx.run(i, 0, n)
        assert all(x.clause == w.clause for x in idx.words[a:b])
        assert (a == 0 or idx.words[a - 1].clause != w.clause) and (b == n or idx.words[b].clause != w.clause)
        a, b = idx.run(i, 0, n, "sentence")
        assert all(x.sentence == w.sentence for x in idx.words[a:b])
    start = text.index("ثم")
    lo, hi = idx.span(start, len(text))
    assert [w.text for w in idx.words[lo:hi]] == text[start:].split()
    assert idx.span(0, 0) == (0, 0)


def test_before_is_a_clause_bounded_look_behind() -> None:
    lex = lexicon()
    text = "لم يشن التحالف، قبل أيام، أي غارة على المدينة ولن يقصف الأحياء فيما نفى الجيش شن هجوم"
    idx = WordIndex(text)
    words = idx.words
    for name in ("negated.before", "future.before", "frame.launch", "condemnation"):
        table = lex.phrases(name)
        for first in range(len(words)):
            for lo in (0, max(first - 3, 0)):
                for reach in (1, 2, 5):
                    hits = idx.find(table, max(first - reach, lo), first, deep=True)
                    expected = any(words[i].clause == words[first].clause for i, _n, _p in hits)
                    assert idx.before(table, first, lo, reach) == expected


def test_quote_holding_an_offset_is_the_first_in_document_order() -> None:
    from marsad.document import Document, Quote, Speaker
    from marsad.extract.base import Analysis
    from marsad.extract.events.arguments import sentence_view
    from marsad.extract.events.attribution import _from_quotes
    from marsad.kb.base import KnowledgeBase

    text = "قال المتحدث إن الطائرات قصفت المدينة صباح اليوم وإن القصف أدى إلى مقتل مدنيين في السوق"
    doc = Document("t", text)
    spans = [(40, 70), (5, 60), (20, 30), (65, len(text)), (0, 3), (25, 26)]   # nested, overlapping, unsorted
    doc.quotes = [Quote(f"q{k}", Speaker(f"e{k}", f"s{k}"), doc.span(0, 1), doc.span(a, b))
                  for k, (a, b) in enumerate(spans)]
    a = Analysis(doc, KnowledgeBase(actors={}, places={}))
    s = sentence_view(a, 0, len(text))
    for offset in range(len(text) + 2):
        first = next((q for q in doc.quotes if q.content.start <= offset < q.content.end), None)
        found = _from_quotes(s, doc, offset)
        assert (found.entity if found else None) == (first.speaker.entity if first else None)
