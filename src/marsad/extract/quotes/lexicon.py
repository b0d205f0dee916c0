"""The cue lexicon: ``kb/data/cues.yaml`` loaded once, folded, and looked up word by word."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad._yaml import safe_load
from marsad.extract.quotes.words import key

CUES_FILE = Path(__file__).resolve().parents[2] / "kb" / "data" / "cues.yaml"

PROCLITICS = ("و", "ف")
OBJECT_PRONOUNS = ("ه", "ها", "هم")
ATTACHED = ("وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "ب", "ل", "ك")

# Key classes: what a folded word can be, as bits, worked out once per distinct key
# (:attr:`Lexicon.classes`) so that the finder's word tests are a dict read and a mask.
# The first three stay in the low byte, which Ctx.adjunct reads as bytes.
ADJUNCT = 1 << 0         # a time or adjunct word (also after و/ف)
MANNER = 1 << 1          # a manner word
DATE_PREPOSITION = 1 << 2
VERB = 1 << 3            # a cue form by its key alone (``Lexicon.verb(key)``)
CUE_HEAD = 1 << 4        # may open a cue: a verb form (bare, after و/ف or with an object
                         # pronoun) or the head of a nominal cue (bare or after و)
COMPLEMENTIZER = 1 << 5  # أن / إن / بأن, with or without a pronoun ending
OUTLET = 1 << 6          # an outlet or an addressee ("لقناة", "لمراسل")
MEDIUM_HEAD = 1 << 7     # one of its forms heads a medium phrase
ROLE_NOUN = 1 << 8       # a role noun, masculine or feminine
GENERIC = 1 << 9         # an institution noun (any form)
TITLE = 1 << 10          # a rank or honorific (any form)
NON_SPEAKER = 1 << 11    # reports, figures (any form)
TO_OUTLET = 1 << 12      # ل bound to an outlet ("لقناة"), or ل alone
PREPOSITION = 1 << 13    # a preposition (alone or bound: "بالمجازر", "للحملة") or أن / إن
NARRATOR_HEAD = 1 << 14  # the first word of a narrator's clause opener ("فيما", "في حين")
SELF_NAMED = 1 << 15     # "باسم" / "يدعى" after "عرّف عن نفسه"
NOT_IN_NAME = 1 << 16    # a relative pronoun or a word that is no name ("الذي", "طالبا")
ROLE_PREPOSITION = 1 << 17   # a preposition that continues a role ("باسم", "في")
OBJECT_PREPOSITION = 1 << 18  # a preposition that opens the cue's object, never a role ("إلى")
LEXICAL_ADJUNCT = ADJUNCT | MANNER
MAX_CLASSED_KEYS = 1 << 17   # the class table is emptied past this many keys


@dataclass(frozen=True, slots=True)
class CueForm:
    """One surface form of a reporting verb."""

    lemma: str
    gender: str          # "m" | "f" | "pl"
    tense: str           # "past" | "pres" | "part"
    object: bool = False
    needs: str | None = None
    relay: bool = False
    maqsura: bool = False  # written with a final ى
    explicit: bool = False  # the subject must be named
    prep: str | None = None  # the preposition opening the content ("حذر من")


@dataclass(frozen=True, slots=True)
class Nominal:
    """A verbless cue phrase: folded words, the last one possibly a bound prefix (``prefix``)."""

    words: tuple[str, ...]
    kind: str            # "source" | "document"
    prefix: str | None = None
    initial: bool = False  # only at the head of a sentence


@dataclass(slots=True)
class Lexicon:
    """Folded look-up tables built from ``cues.yaml``."""

    verbs: dict[str, CueForm] = field(default_factory=dict)
    excluded: set[tuple[str, str]] = field(default_factory=set)
    nominal: list[Nominal] = field(default_factory=list)
    nominal_by_head: dict[str, list[Nominal]] = field(default_factory=dict)
    complementizers: set[str] = field(default_factory=set)
    complementizer_forms: set[str] = field(default_factory=set)   # with their pronoun endings
    media: dict[tuple[str, ...], str] = field(default_factory=dict)
    media_by_head: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    outlets: set[str] = field(default_factory=set)
    documents: dict[str, str] = field(default_factory=dict)
    role_nouns: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    generic: set[str] = field(default_factory=set)
    non_speakers: set[str] = field(default_factory=set)
    adjuncts: set[str] = field(default_factory=set)
    addressees: set[str] = field(default_factory=set)
    manner: set[str] = field(default_factory=set)
    background: set[str] = field(default_factory=set)
    negations: set[str] = field(default_factory=set)
    relatives: set[str] = field(default_factory=set)
    clause_openers: set[str] = field(default_factory=set)
    infinitive_governors: set[str] = field(default_factory=set)
    prepositions: set[str] = field(default_factory=set)
    role_prepositions: set[str] = field(default_factory=set)
    object_prepositions: set[str] = field(default_factory=set)
    medium_prepositions: set[str] = field(default_factory=set)
    fronting: set[str] = field(default_factory=set)
    attributive: set[str] = field(default_factory=set)
    narrator_openers: set[tuple[str, ...]] = field(default_factory=set)
    narrator_heads: set[tuple[str, ...]] = field(default_factory=set)   # their first words, as 1-tuples
    title_adjectives: set[str] = field(default_factory=set)
    ordinals: set[str] = field(default_factory=set)
    relative_ma: set[str] = field(default_factory=set)
    without: set[str] = field(default_factory=set)
    date_prepositions: set[str] = field(default_factory=set)
    statement_except_categories: set[str] = field(default_factory=set)
    statement_except_lemmas: set[str] = field(default_factory=set)
    not_names: set[str] = field(default_factory=set)
    self_named: set[str] = field(default_factory=set)
    name_markers: set[str] = field(default_factory=set)
    feminine: set[str] = field(default_factory=set)
    masculine: set[str] = field(default_factory=set)
    _verb_memo: dict[tuple[str, str, bool, bool], tuple[CueForm, bool] | None] = field(
        default_factory=dict, repr=False, compare=False)
    _comp_memo: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    classes: dict[str, int] = field(default_factory=dict, repr=False, compare=False)  # key -> class bits
    # (surface, canonical name) of an organisation -> its grammatical gender (see Ctx.gender_of)
    name_genders: dict[tuple[str, str | None], str | None] = field(default_factory=dict, repr=False,
                                                                   compare=False)

    def __post_init__(self) -> None:
        self.classes = _KeyClasses(self)    # filled on first reads, once the tables are loaded

    # ------------------------------------------------------------ look-ups

    def verb(self, word_key: str, raw: str = "", *, pronoun: bool = False,
             strict_maqsura: bool = False) -> tuple[CueForm, bool] | None:
        """The cue form of a word and whether it carries the proclitic و/ف; with ``pronoun``,
        also a past form with an object pronoun ("ما وصفه").  A form written with a final ى is
        not matched by a word written with ي and a shadda ("تبنّي", a noun); in a text that
        writes ى (``strict_maqsura``) final ى and ي must agree ("نفي", "رأي" are nouns).
        Answers are memoised (the tables do not change once loaded)."""
        memo_key = (word_key, raw, pronoun, strict_maqsura)
        try:
            return self._verb_memo[memo_key]
        except KeyError:
            hit = self._verb_memo[memo_key] = self._verb(word_key, raw, pronoun, strict_maqsura)
            return hit

    def _verb(self, word_key: str, raw: str, pronoun: bool,
              strict_maqsura: bool) -> tuple[CueForm, bool] | None:
        hit = self._form(word_key, raw, pronoun)
        if hit is None:
            return None
        if hit[0].maqsura and raw.endswith("ي") and "\u0651" in raw:
            return None
        if strict_maqsura and raw.endswith(("ى", "ي")) and raw.endswith("ى") != hit[0].maqsura:
            return None   # "نفي" is not "نفى", "يدعى" (is called) is not "يدعي" (claims)
        return hit

    def _form(self, word_key: str, raw: str, pronoun: bool) -> tuple[CueForm, bool] | None:
        """The form itself, after و/ف, or a past form with an object pronoun ("وصفه", not
        "تابعة": the pronoun is written with ه)."""
        for stem, clitic in ((word_key, False), (word_key[1:], word_key[:1] in PROCLITICS)):
            if stem in self.verbs and (clitic or stem == word_key):
                return self.verbs[stem], clitic
        if not pronoun:
            return None
        for end in OBJECT_PRONOUNS:
            form = self.verbs.get(word_key[:-len(end)]) if raw.endswith(end) else None
            if form is not None and form.tense == "past":
                return form, False
        return None

    def is_complementizer(self, word_key: str) -> bool:
        """أن / إن / بأن, alone or with a pronoun ending (أنه، إنها)."""
        got = self._comp_memo.get(word_key)
        if got is None:
            got = self._comp_memo[word_key] = self._complementizer(word_key)
        return got

    def _complementizer(self, word_key: str) -> bool:
        return word_key in self.complementizer_forms

    def in_set(self, word_key: str, table: set[str]) -> bool:
        """``word_key`` or one of its forms without proclitics / article is in ``table``."""
        return not table.isdisjoint(variants(word_key))

    def medium_at(self, keys: list[str], i: int) -> tuple[str, int] | None:
        """The medium named by the phrase starting at ``keys[i]`` and its length in words."""
        if i >= len(keys):
            return None
        for head in variants(keys[i]):
            for phrase in self.media_by_head.get(head, ()):
                n = len(phrase)
                if i + n <= len(keys) and all(keys[i + k] == phrase[k] for k in range(1, n)):
                    return self.media[phrase], n
        return None

    def key_class(self, word_key: str) -> int:
        """The class bits of ``word_key`` (see ``VERB`` ... ``DATE_PREPOSITION``); use
        ``classes[word_key]``, which computes and stores them on a first read."""
        verbs = self.verbs
        forms = variants(word_key)
        bits = 0
        if self._verb(word_key, "", False, False) is not None:     # not memoised: read once per key
            bits |= VERB
        if (word_key in verbs or (word_key[:1] in PROCLITICS and word_key[1:] in verbs)
                or word_key[:-1] in verbs or word_key[:-2] in verbs
                or word_key in self.nominal_by_head
                or (word_key[:1] == "و" and word_key[1:] in self.nominal_by_head)):
            bits |= CUE_HEAD
        if self._complementizer(word_key):
            bits |= COMPLEMENTIZER | PREPOSITION
        if word_key in self.prepositions or word_key.startswith(("بال", "لل")):
            bits |= PREPOSITION
        outlets = self.outlets
        if word_key in outlets or (word_key[:1] == "ل" and (word_key[1:] in outlets
                                                            or not self.addressees.isdisjoint(forms))):
            bits |= OUTLET
        if word_key == "ل" or (word_key[:1] == "ل" and word_key[1:] in outlets):
            bits |= TO_OUTLET
        if not self.media_by_head.keys().isdisjoint(forms):
            bits |= MEDIUM_HEAD
        if not self.role_nouns.isdisjoint(forms) or (word_key.endswith("ه")
                                                     and self.in_set(word_key[:-1], self.role_nouns)):
            bits |= ROLE_NOUN
        for table, bit in ((self.generic, GENERIC), (self.titles, TITLE), (self.non_speakers, NON_SPEAKER)):
            if not table.isdisjoint(forms):
                bits |= bit
        bare = word_key[1:] if word_key[:1] in "وف" and len(word_key) > 3 else word_key
        if word_key in self.adjuncts or bare in self.adjuncts:
            bits |= ADJUNCT
        for table, bit in ((self.manner, MANNER), (self.date_prepositions, DATE_PREPOSITION),
                           (self.self_named, SELF_NAMED), (self.relatives, NOT_IN_NAME),
                           (self.not_names, NOT_IN_NAME)):
            if word_key in table:
                bits |= bit
        if word_key in self.role_prepositions:
            bits |= ROLE_PREPOSITION
        elif word_key in self.object_prepositions:
            bits |= OBJECT_PREPOSITION
        if (word_key,) in self.narrator_heads or () in self.narrator_heads:
            bits |= NARRATOR_HEAD
        return bits

    def gender_of_head(self, head_key: str, raw: str) -> str | None:
        """Grammatical gender of an organisation's head word ("m" / "f"), None when unknown."""
        if self.in_set(head_key, self.feminine):
            return "f"
        if self.in_set(head_key, self.masculine):
            return "m"
        if raw.endswith(("ة", "ات")):
            return "f"
        return "m" if raw.startswith(("ال", "ب", "ل", "و")) or len(raw) > 3 else None


_PRONOUNS: set[str] = set()


@lru_cache(maxsize=1 << 16)
def variants(word_key: str) -> tuple[str, ...]:
    """The word and its forms without a proclitic, a bound preposition or the article (cached)."""
    out = [word_key]
    if not word_key.startswith("ال"):
        out.append("ال" + word_key)
    for pre in _ATTACHED_BY_FIRST.get(word_key[:1], ()):
        if word_key.startswith(pre) and len(word_key) - len(pre) >= 2:
            rest = word_key[len(pre):]
            out.append(rest)
            if pre == "لل":
                out.append("ال" + rest)
            if not rest.startswith("ال"):
                out.append("ال" + rest)
    return tuple(out)


# ATTACHED by first letter, in the same order: a word is tried only against those that can match it
_ATTACHED_BY_FIRST = {c: tuple(p for p in ATTACHED if p[0] == c) for c in {p[0] for p in ATTACHED}}


@lru_cache(maxsize=4)
def load_lexicon(path: Path = CUES_FILE) -> Lexicon:
    """Read and fold ``cues.yaml`` (cached)."""
    data = safe_load(path.read_text(encoding="utf-8"))
    lex = Lexicon()
    _PRONOUNS.update(key(p) for p in data.get("pronoun_endings", ()))
    for lemma, entry in data["verbs"].items():
        _add_verb(lex, lemma, entry)
    lex.excluded = {(key(a), key(b)) for a, b in data.get("excluded", ())}
    lex.nominal = [_nominal(item) for item in data.get("nominal", ())]
    for nom in lex.nominal:
        lex.nominal_by_head.setdefault(nom.words[0], []).append(nom)
    lex.complementizers = {key(w) for w in data.get("complementizers", ())}
    lex.complementizer_forms = lex.complementizers | {c + p for c in lex.complementizers for p in _PRONOUNS}
    for medium, phrases in data.get("media", {}).items():
        for phrase in phrases:
            words = tuple(key(w) for w in phrase.split())
            lex.media[words] = medium
            lex.media_by_head.setdefault(words[0], []).append(words)
    lex.documents = {key(w): m for w, m in data.get("documents", {}).items()}
    for name in ("outlets", "role_nouns", "titles", "generic", "non_speakers", "adjuncts", "background",
                 "addressees", "manner", "negations", "relatives", "not_names", "self_named", "name_markers",
                 "clause_openers", "infinitive_governors"):
        setattr(lex, name, {key(w) for w in data.get(name, ())})
    grammar = data.get("grammar", {})
    for name in ("prepositions", "role_prepositions", "object_prepositions", "medium_prepositions",
                 "fronting", "attributive", "title_adjectives", "ordinals", "relative_ma", "without",
                 "date_prepositions"):
        setattr(lex, name, {key(w) for w in grammar.get(name, ())})
    lex.narrator_openers = {tuple(key(w) for w in p.split()) for p in grammar.get("narrator_openers", ())}
    lex.narrator_heads = {p[:1] for p in lex.narrator_openers}
    default = data.get("default_statement", {})
    lex.statement_except_categories = set(default.get("except_categories", ()))
    lex.statement_except_lemmas = set(default.get("except_lemmas", ()))
    gender = data.get("gender", {})
    lex.feminine = {key(w) for w in gender.get("feminine", ())}
    lex.masculine = {key(w) for w in gender.get("masculine", ())}
    return lex


class _KeyClasses(dict[str, int]):
    """Key -> class bits, filled on demand (a plain dict read once a key is known)."""

    def __init__(self, lex: Lexicon) -> None:
        super().__init__()
        self.lex = lex

    def __missing__(self, word_key: str) -> int:
        if len(self) >= MAX_CLASSED_KEYS:
            self.clear()
        bits = self[word_key] = self.lex.key_class(word_key)
        return bits


def _add_verb(lex: Lexicon, lemma: str, entry: dict[str, Any]) -> None:
    needs = entry.get("needs")
    for form, tag in entry["forms"].items():
        gender, tense = tag.split(".")
        needed = (key(needs.rstrip("-")) + "-" if needs.endswith("-") else key(needs)) if needs else None
        lex.verbs[key(form)] = CueForm(lemma, gender, tense, bool(entry.get("object")), needed,
                                       bool(entry.get("relay")), form.endswith("ى"),
                                       bool(entry.get("explicit")),
                                       key(entry["prep"]) if "prep" in entry else None)


def _nominal(item: dict[str, Any]) -> Nominal:
    words = [str(w) for w in item["phrase"]]
    prefix = None
    if words[-1].endswith("-"):
        prefix = key(words.pop()[:-1])
    return Nominal(tuple(key(w) for w in words), item["kind"], prefix, bool(item.get("initial")))
