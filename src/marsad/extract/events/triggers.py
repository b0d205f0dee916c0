"""Finding triggers: trigger words of events.yaml, filtered by the frames that name no incident
(launches, goals, praise, habits, states), typed by nearby context words, with their modality.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Span
from marsad.extract.events.lexicon import Tables, TriggerForm, lexicon
from marsad.extract.events.totals import sentence_bounds
from marsad.extract.events.words import WordIndex, article_stem

_PURPOSE_LAM = ("ل", "لل", "ول", "ولل", "فل", "فلل")
_FUTURE = ("س", "وس", "فس")
_FUTURE_FIRST = tuple({pre[0] for pre in _FUTURE})
# the frame tables looked for just before a trigger, with how many words back
_FRAMES = Tables(("frame.launch", 3), ("frame.diplomacy", 6), ("frame.goal", 3), ("frame.ceasefire", 1))


@dataclass
class Candidate:
    form: TriggerForm
    first: int
    last: int
    span: Span
    event_type: str
    sub_event_type: str
    modality: str = "asserted"
    generic: bool = False
    anaphoric: bool = False
    refined: str | None = None      # the context group that set the type, if any
    context_missing: bool = False   # needs context it lacks (a place may do, see place_instead_of_context)
    distinct: bool = False          # "ردا على الهجوم": an earlier incident, not the one reported
    weakly: bool = False            # refined by a weak context word only

    @property
    def priority(self) -> int:
        return self.form.trigger.priority


def find_candidates(text: str, idx: WordIndex, lo: int, hi: int) -> list[Candidate]:
    """Trigger candidates among words ``[lo, hi)`` (one sentence); their modality is left to the
    caller (:func:`modality`, read only for the candidates it keeps)."""
    lex = lexicon()
    out: list[Candidate] = []
    free = lo
    for i, n, form in idx.find(lex.triggers, lo, hi, deep=True):
        if i < free:
            continue                    # inside a longer phrase already taken
        if i + n > hi:                  # a phrase running past the sentence: take what fits
            m = idx.match(lex.triggers, i, deep=True, limit=hi)
            if m is None:
                continue
            n, form = m
        cand = _candidate(text, idx, form, i, i + n - 1, lo, hi)
        if cand is not None:
            out.append(cand)
        free = i + n
    return out


def _candidate(text: str, idx: WordIndex, form: TriggerForm, first: int, last: int,
               lo: int, hi: int) -> Candidate | None:
    trig = form.trigger
    if _dropped(idx, form, first, lo) or (form.aspect != "masdar" and _definite(idx, first)):
        return None
    missing = bool(trig.needs_context) and not _context_hits(idx, first, last, lo, hi, trig.needs_context)
    if missing and not trig.place_instead_of_context:
        return None
    span = Span.of(text, idx.starts[first], idx.ends[last])
    cand = Candidate(form, first, last, span, trig.event_type, trig.sub_event_type, context_missing=missing)
    refine(idx, cand, lo, hi)
    definite = _definite(idx, first)
    cand.generic = form.plural and (definite or trig.generic_plural)
    lex = lexicon()
    anaphora = lex.phrases("anaphora")
    cand.anaphoric = definite and form.aspect == "masdar" and bool(idx.match(anaphora, first))
    # the cues just before a trigger that point back or answer: most triggers have none (a fast path)
    if idx.has_any(_BACK.of(lex), max(lo, first - 6), first):
        cand.anaphoric = cand.anaphoric or idx.before(anaphora, first, lo, 2) \
            or idx.has(lex.phrases("condemnation"), max(lo, first - 6), first, deep=True)
        cand.distinct = idx.has(lex.phrases("response"), max(lo, first - 3), first)
        cand.anaphoric = cand.anaphoric and not cand.distinct
    return cand


def _dropped(idx: WordIndex, form: TriggerForm, first: int, lo: int) -> bool:
    """Frames in which the trigger names no concrete incident."""
    lex = lexicon()
    if form.aspect == "masdar" and _purpose(idx, first, lo):
        return True
    if idx.covered(_FRAMES.of(lex)).get(first, -1) >= lo:       # a frame table's phrase just before
        return True
    near = idx.has_any(_NEAR.of(lex), max(lo, first - 8), first + 9)     # else neither (a fast path)
    if near and (idx.has(lex.phrases("frame.habitual"), *_clause_range(idx, first, lo))
                 or _long_duration(idx, first)):
        return True
    if idx.has(lex.phrases("strong_period"), *sentence_bounds(idx, first)):
        return True
    headline = lo == 0             # titles report in the present: "قوات النظام تسيطر على البلدة"
    return form.trigger.state and (
        (form.aspect == "imperfect" and not headline)
        or idx.before(lex.phrases("frame.state_before"), first, lo, 2))


def _long_duration(idx: WordIndex, first: int) -> bool:
    """"معارك استمرت أكثر من ثلاث سنوات": a duration of months or years right after the trigger."""
    lex = lexicon()
    verbs = idx.find(lex.phrases("frame.duration_verbs"), first + 1, first + 5)
    return bool(verbs) and idx.has(lex.phrases("frame.duration_units"), verbs[0][0] + 1, verbs[0][0] + 6)


def _purpose(idx: WordIndex, first: int, lo: int) -> bool:
    """"لتحرير", "للسيطرة": a goal, unless the verb before takes that ل ("تعرضت لقصف")."""
    key = idx.keys[first]
    prefix = next((key[: -len(s)] for s in idx.stems[first][1:] if key.endswith(s) and s != key), "")
    if prefix not in _PURPOSE_LAM:
        return False
    return not idx.has(lexicon().phrases("frame.purpose_exceptions"), max(lo, first - 12), first, deep=True)


def _clause_range(idx: WordIndex, i: int, lo: int, reach: int = 8) -> tuple[int, int]:
    return idx.run(i, max(lo, i - reach), min(idx.size, i + reach + 1))


def _definite(idx: WordIndex, i: int) -> bool:
    return article_stem(idx.stems[i]) or idx.keys[i].startswith(("لل", "ولل", "فلل"))


def _context_hits(idx: WordIndex, first: int, last: int, lo: int, hi: int,
                  groups: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """Context words of ``groups`` near the trigger: (distance, group, strength)."""
    lex = lexicon()
    reach = lex.window
    hits = []
    for i, _n, (group, strength) in idx.find(lex.context, max(lo, first - reach), min(hi, last + reach + 1),
                                             deep=False):
        if group in groups and i != first:
            clause = idx.clauses[i] != idx.clauses[first]
            hits.append((clause, min(abs(i - first), abs(i - last)), group, strength))
    return [h[1:] for h in sorted(hits)]


def refine(idx: WordIndex, cand: Candidate, lo: int, hi: int) -> None:
    """Let the nearest strong context word (else a weak one) decide the type."""
    groups = cand.form.trigger.refine
    if not groups:
        return
    hits = _context_hits(idx, cand.first, cand.last, lo, hi, groups)
    strong = [h for h in hits if h[2] == "strong"]
    for first_choice in ("excessive_force", "defused"):
        if first_choice in groups and any(h[1] == first_choice for h in hits):
            strong = [h for h in hits if h[1] == first_choice]
            break
    chosen = (strong or hits or [None])[0]
    if chosen is None:
        return
    types = lexicon().context_types.get(chosen[1])
    if types:
        cand.event_type, cand.sub_event_type = types
        cand.refined = chosen[1]
        cand.weakly = chosen[2] == "weak"


def modality(idx: WordIndex, first: int, lo: int) -> str:
    """negated, future, hypothetical, alleged or asserted, from cues before the trigger."""
    lex = lexicon()
    if not idx.has_any(_CUES.of(lex), lo, first):     # no cue before the trigger (a fast path)
        return "future" if _future_prefix(idx, first, lo) else "asserted"
    reach = int(lex.modality.get("window", 5))
    if idx.before(lex.phrases("negated.before"), first, lo, reach) or _denied(idx, first, lo):
        return "negated"
    if idx.before(lex.phrases("future.before"), first, lo, reach) or _future_prefix(idx, first, lo):
        return "future"
    if idx.before(lex.phrases("hypothetical.before"), first, lo, reach) or \
            idx.before(lex.phrases("hypothetical.nonspecific"), first, lo, 2) or \
            idx.has(lex.phrases("hypothetical.sentence"), lo, first):
        return "hypothetical"
    if idx.has(lex.phrases("alleged.sentence"), lo, first):
        return "alleged"
    return "asserted"


# the tables modality() reads before the trigger, each with the stems it is read with (deep or plain):
# with no phrase of them between the sentence start and the trigger, only the future proclitic can
# make the trigger other than asserted
_CUES = Tables(("negated.before", True), ("negated.sentence", True), ("future.before", True),
               ("hypothetical.before", True), ("hypothetical.nonspecific", True),
               ("hypothetical.sentence", False), ("alleged.sentence", False))
# the tables of _candidate's anaphora, condemnation and response checks, with their stems
_BACK = Tables(("anaphora", True), ("condemnation", True), ("response", False))
# the habit and duration frames, read within eight words of a trigger (the verb of a duration after it)
_NEAR = Tables(("frame.habitual", False), ("frame.duration_verbs", False))


def _denied(idx: WordIndex, first: int, lo: int) -> bool:
    """"نفت ... أي قصف": a denial before the trigger, unless it denies involvement ("أي علاقة لها")."""
    lex = lexicon()
    hits = idx.find(lex.phrases("negated.sentence"), lo, first, deep=True)
    if not hits:
        return False
    return not idx.has(lex.phrases("negated.involvement"), hits[-1][0] + 1, first, deep=True)


def _future_prefix(idx: WordIndex, first: int, lo: int) -> bool:
    """A verb with the future proclitic س ("سترد", "ستقصف") up to three words before, or the trigger."""
    clauses, keys = idx.clauses, idx.keys
    exceptions = lexicon().phrases("future_exceptions")
    clause = clauses[first]
    for k in range(first, max(first - 4, lo - 1), -1):
        if clauses[k] != clause:
            break
        key = keys[k]
        if not key.startswith(_FUTURE_FIRST):
            continue
        for pre in _FUTURE:
            rest = key[len(pre):]
            if key.startswith(pre) and len(rest) >= 3 and rest[0] in "يتن" \
                    and idx.match(exceptions, k, deep=True) is None:
                return True
    return False
