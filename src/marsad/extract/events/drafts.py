"""From sentences to event drafts: triggers with their arguments, counts bound to them.

A :class:`Draft` is one mention of an incident in one sentence; :mod:`.merge` then joins the
mentions of one incident.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from marsad.document import ActorRef, Attribution, DateValue, Location, Quantity, Span
from marsad.extract.base import Analysis
from marsad.extract.events import arguments as args
from marsad.extract.events.attribution import attribution
from marsad.extract.events.counts import CountHit
from marsad.extract.events.dating import incident_date
from marsad.extract.events.lexicon import Trigger, TriggerForm, lexicon
from marsad.extract.events.totals import totals
from marsad.extract.events.triggers import Candidate, find_candidates, modality, refine
from marsad.extract.events.views import sentence_index, sentences, word_index
from marsad.extract.events.words import article_stem


@dataclass
class Draft:
    trigger: Span
    sentence: int
    event_type: str
    sub_event_type: str
    modality: str
    evidence: list[Span]
    first: int = 0
    territory: bool = False
    refined: bool = False
    anaphoric: bool = False
    generic: bool = False
    weak: bool = False
    loose: bool = False
    soft: bool = False              # a default sub-type no context word confirmed
    vague: bool = False             # a bare masdar with no place, date or count of its own
    tid: str = ""                   # the trigger entry id
    distinct: bool = False          # an earlier incident named in response ("ردا على الهجوم")
    part: bool = False              # storming, looting: part of an attack reported just before
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    location: Location | None = None
    loc_rank: int = 99
    date: DateValue | None = None
    date_stated: bool = False
    attributed: Attribution | None = None
    hits: dict[str, list[CountHit]] = field(default_factory=dict)
    conflicts: list[tuple[str, Quantity, Quantity]] = field(default_factory=list)


def drafts(a: Analysis) -> list[Draft]:
    """Event drafts of the document in text order, counts attached."""
    sents = sentences(a)
    out: list[Draft] = []
    for k, sent in _trigger_sentences(a, sents):
        out.extend(_sentence_drafts(a, k, sent))
    _attach_counts(a, sents, out)
    _carry_dates(a, out)
    return [d for d in out if not (d.vague and not d.hits)]


def _trigger_sentences(a: Analysis, sents: list[Span]) -> list[tuple[int, Span]]:
    """The sentences (with their numbers) in which a trigger word starts: the others have no candidate.
    A fast path over the many sentences without one."""
    idx = word_index(a)
    starts = idx.starts
    triggers = [starts[i] for i, _n, _form in idx.find(lexicon().triggers, 0, idx.size, deep=True)]
    out = []
    for k, sent in enumerate(sents):
        j = bisect_left(triggers, sent.start)
        if j < len(triggers) and triggers[j] < sent.end:
            out.append((k, sent))
    return out


def _carry_dates(a: Analysis, out: list[Draft], reach: int = 4, recent_days: int = 3) -> None:
    """An undated mention near a dated one of the same days' news shares its date ("وبالتزامن مع
    الغارات، قصفت ...", "وفي السياق ذاته"): the report's incidents are usually of one day."""
    ref = a.reference_date
    last: Draft | None = None
    for d in out:
        if d.date_stated:
            last = d
            continue
        if last is None or ref is None or d.sentence - last.sentence > reach or last.date is None:
            continue
        start = last.date.start
        same_day = _same_day(a, d)
        if d.date is not None and (d.date.precision == "day" or same_day) and start is not None \
                and last.date.precision == "day" and 0 <= (ref - start).days <= recent_days:
            d.date = last.date


def _sentence_drafts(a: Analysis, k: int, sent: Span) -> list[Draft]:
    idx = word_index(a)
    lo, hi = idx.span(sent.start, sent.end)
    if hi <= lo:
        return []
    cands = find_candidates(a.text, idx, lo, hi)
    if not cands:
        return []
    s = args.sentence_view(a, sent.start, sent.end)
    made = []
    for c in cands:
        place = _placed(a, s, k, c)
        if place is not None:
            made.append((c, place))
    if not made:
        return []
    if len(made) > 1 or not _kept_alone(made[0][0]):
        kept = {id(c) for c in _reduce([c for c, _p in made])}
        made = [(c, place) for c, place in made if id(c) in kept]
    out = []
    for c, place in made:                   # arguments only for the candidates kept
        c.modality = modality(idx, c.first, s.lo)
        out.append(_fill(a, s, k, sent, c, place))
    return out


def _kept_alone(c: Candidate) -> bool:
    """Whether :func:`_reduce` keeps ``c`` when it is its sentence's only candidate: always, unless
    the "one incident" rule drops the sub-type for itself.  A fast path: most sentences with a trigger
    have one candidate."""
    pairs = lexicon().events.get("one_incident", ())
    return not any(keep == drop == c.sub_event_type for keep, drop in pairs)


def _reduce(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per event type in a sentence; weak ones only when alone, absorbable ones unless
    they describe a stronger trigger just before them ("هجوما استهدف مقرا")."""
    strong = [c for c in cands if not (c.form.trigger.weak or c.form.trigger.absorbable)]
    if strong:
        types = {x.event_type for x in strong}
        cands = strong + [c for c in cands if c.form.trigger.absorbable
                          and not any(0 < c.first - x.first <= 4 for x in strong)] \
            + [c for c in cands if c.form.trigger.weak and c.event_type not in types]
    elif any(c.form.trigger.absorbable for c in cands):
        cands = [c for c in cands if c.form.trigger.absorbable]
    subs = {c.sub_event_type for c in cands}
    for keep, drop in lexicon().events.get("one_incident", ()):
        if keep in subs:
            cands = [c for c in cands if c.sub_event_type != drop]
    best: dict[str, Candidate] = {}
    anaphors = [c for c in cands if c.anaphoric or c.distinct]
    for c in cands:
        if (c.anaphoric or c.distinct) and len(anaphors) < len(cands):
            continue
        kept = best.get(c.event_type)
        if kept is None or _rank(c) > _rank(kept):
            best[c.event_type] = c
    chosen = list(best.values()) + [c for c in anaphors if c not in best.values() and (c.distinct or not any(
        b.event_type == c.event_type and not b.anaphoric for b in best.values()))]
    return sorted(chosen, key=lambda c: c.first)


def _rank(c: Candidate) -> tuple[bool, int, int]:
    return not c.generic, c.priority, -c.first


def _draft(a: Analysis, s: args.Sentence, k: int, sent: Span, c: Candidate) -> Draft | None:
    place = _placed(a, s, k, c)
    return _fill(a, s, k, sent, c, place) if place is not None else None


Place = tuple[tuple[Location, int] | None, bool]


def _placed(a: Analysis, s: args.Sentence, k: int, c: Candidate) -> Place | None:
    """(place and rank, whether the trigger points back), or None when the candidate makes no draft:
    missing context, part of a name, or no place where it needs one."""
    trig = c.form.trigger
    if c.context_missing and not _object_place(s, c.last, 3):
        return None
    start, end = c.span.start, c.span.end
    for _w0, _w1, m in s.mentions:
        if m.span.start <= start and end <= m.span.end and m.entity.type != "location":
            return None             # part of a name ("طيران العدوان", "غرفة عمليات ...")
    loc = args.location(s, c.first, c.last)
    pointer = c.anaphoric or _place_pronoun(s, c.first) or _enclitic(s, c.first)
    if loc is None and pointer:
        loc = _previous_place(a, k)
    if trig.needs_place and (loc is None or not (pointer or _object_place(s, c.last))):
        return None
    return loc, pointer


def _fill(a: Analysis, s: args.Sentence, k: int, sent: Span, c: Candidate, place: Place) -> Draft:
    """The draft of a candidate that makes one: its source, actors, place, date."""
    trig = c.form.trigger
    found = attribution(s, a.doc, c.span.start, c.first)
    sources = found[1] if found else set()
    verb = c.form.aspect in ("perfect", "imperfect")
    d = Draft(c.span, k, c.event_type, c.sub_event_type, c.modality, [sent], c.first,
              territory=trig.territory, refined=c.refined is not None, anaphoric=c.anaphoric,
              generic=c.generic, weak=trig.weak, loose=trig.loose and c.refined is None,
              soft=bool(trig.refine) and (c.refined is None or c.weakly), tid=trig.id,
              distinct=c.distinct, part=trig.part_of_attack)
    d.attributed = found[0] if found else None
    own = not verb and not trig.territory and _enclitic(s, c.first)
    possessor = args.possessor(s, c.first) if own else None
    d.actor1 = _responsible(s, c.first) or possessor or args.actor1(s, c.first, c.last, verb, sources,
                                                                     trig.territory)
    d.actor2 = args.actor2(s, c.first, c.last, d.actor1, trig.territory, verb)
    loc, pointer = place
    if loc is not None:
        d.location, d.loc_rank = loc
    d.date, d.date_stated = incident_date(a, s.idx, sent, c.first, s.lo)
    d.vague = _construct(s, c) and not (c.anaphoric or pointer or d.date_stated or _near_place(s, c))
    return d


def _same_day(a: Analysis, d: Draft) -> bool:
    idx = word_index(a)
    return idx.has(lexicon().phrases("same_day"), max(d.first - 12, 0), d.first)


def _construct(s: args.Sentence, c: Candidate) -> bool:
    """A definite masdar, or one in a construct with a definite noun ("قصف التحالف", "استهداف الأسواق")."""
    if c.form.aspect != "masdar":
        return False
    return article_stem(s.idx.stems[c.first]) or (
        c.last + 1 < s.hi and s.idx.keys[c.last + 1].startswith("ال"))


def _near_place(s: args.Sentence, c: Candidate) -> bool:
    """A place in the trigger's clause before it, or within a few words after it."""
    clauses = s.idx.clauses
    clause = clauses[c.first]
    return any((w1 < c.first and clauses[w1] == clause and c.first - w1 <= 8)
               or c.last < w0 <= c.last + 8 for w0, w1, _m in s.places())


def _responsible(s: args.Sentence, first: int) -> ActorRef | None:
    """"أعلن التنظيم مسؤوليته عن الهجوم": the claimant is the actor."""
    hits = s.idx.find(lexicon().phrases("actor.responsibility_cues"), max(s.lo, first - 4), first)
    if not hits:
        return None
    cue = hits[-1][0]
    before = [t for t in s.actors() if t[1] < cue]
    return args.actor_ref(before[-1][2]) if before else None


def _previous_place(a: Analysis, k: int) -> tuple[Location, int] | None:
    """The place of the sentence before (a pronoun or an anaphor points back to it)."""
    if k == 0:
        return None
    prev = sentences(a)[k - 1]
    s = args.sentence_view(a, prev.start, prev.end)
    return args.location(s, s.hi, s.hi) if s.hi > s.lo else None


def _object_place(s: args.Sentence, last: int, reach: int = 6) -> bool:
    """A place named right after the trigger ("السيطرة على مدينة X", "استعاد الجيش، السبت، مدينة X")."""
    return any(last < w0 <= last + reach for w0, _w1, _m in s.places())


def _enclitic(s: args.Sentence, first: int) -> bool:
    """The trigger carries a pronoun ("بتحريره"): what it points to was named before."""
    return lexicon().triggers.index.keys().isdisjoint(s.idx.stems[first])


def _place_pronoun(s: args.Sentence, first: int) -> bool:
    return s.idx.has(lexicon().phrases("place_pronouns"), first, min(s.hi, first + 8))


# ------------------------------------------------------------------ counts


def _attach_counts(a: Analysis, sents: list[Span], out: list[Draft]) -> None:
    idx = word_index(a)
    for hit, total in totals(a):
        if total or hit.subset:
            continue
        start = idx.starts[hit.first]
        k = sentence_index(sents, start)
        same = [d for d in out if d.sentence == k]
        if same:
            target = min(same, key=lambda d: abs(d.first - hit.first))
        else:
            target = _earlier(out, k, hit) or _fallback(a, sents, k, hit, out)
            if target is _SKIP:
                continue
        if target is not None:
            target.hits.setdefault(hit.kind, []).append(hit)
            if sents[k] not in target.evidence:
                target.evidence.append(sents[k])
            if all(d is not target for d in out):  # identity: a deep dataclass == is slow
                out.append(target)
    out.sort(key=lambda d: d.trigger.start)


_SKIP = Draft(Span(0, 0, ""), -1, "", "", "asserted", [])
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _earlier(out: list[Draft], k: int, hit: CountHit) -> Draft | None:
    """The event a count in a sentence without trigger belongs to: one of the two sentences before,
    else the latest violent one (a later toll or testimony); ``_SKIP`` when that one has the figure."""
    prev = [d for d in out if k - 2 <= d.sentence < k and d.modality == "asserted"]
    if prev:
        return prev[-1]
    violent = [d for d in out if d.sentence < k and d.modality == "asserted" and d.event_type in _VIOLENT]
    if not violent:
        return None
    return violent[-1] if hit.kind not in violent[-1].hits else _SKIP


def _fallback(a: Analysis, sents: list[Span], k: int, hit: CountHit, out: list[Draft]) -> Draft | None:
    """A casualty count with no trigger nearby: the killing itself is the event."""
    if hit.kind not in ("killed", "injured", "kidnapped"):
        return None
    idx = word_index(a)
    cue = hit.cue if hit.cue is not None else hit.last
    sent = sents[k]
    s = args.sentence_view(a, sent.start, sent.end)
    kinds = {"kidnapped": ("Violence against civilians", "Abduction/forced disappearance")}
    etype, sub = kinds.get(hit.kind, ("Battles", "Armed clash"))
    trig = Trigger("count", etype, sub, refine=("suicide", "air", "ied", "artillery", "chemical"))
    span = Span.of(a.text, idx.starts[cue], idx.ends[cue])
    c = Candidate(TriggerForm(trig, "masdar", False), cue, cue, span, etype, sub)
    refine(idx, c, s.lo, s.hi)
    c.modality = modality(idx, cue, s.lo)
    return _draft(a, s, k, sent, c)
