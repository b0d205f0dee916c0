"""Who reports an incident: the speaker of a quote that contains it, the source after a nominal
cue ("بحسب المرصد", "وفقا لـ", "نقلا عن"), or the subject of a report verb ("قالت الوزارة إن").
The outlet that published the article is never the attribution.
"""

from __future__ import annotations

from bisect import bisect_right

from marsad.document import Attribution, Document
from marsad.extract.events.arguments import Sentence, is_actor
from marsad.extract.events.lexicon import Tables, fold, lexicon

_MAX_NAME_WORDS = 3
_QUOTES = "events.quotes"       # the document's quotes by content start (see _from_quotes)
_CUES = Tables(("attr.nominal", False), ("attr.verbs", False))     # read in the sentence, with plain stems


def attribution(s: Sentence, doc: Document, offset: int, first: int) -> tuple[Attribution, set[str]] | None:
    """The source of the statement containing the word ``first`` (at ``offset``), and the entity ids
    that serve as source in the sentence (so they are not taken for actors)."""
    found = _from_quotes(s, doc, offset)
    if found is None and s.idx.has_any(_CUES.of(lexicon()), s.lo, s.hi):    # else no cue (a fast path)
        found = _nominal(s) or _report_verb(s, first)
    if found is None:
        return None
    outlet = doc.source.outlet
    if outlet and fold(found.name) == fold(outlet):
        return None
    return found, {found.entity} if found.entity else set()


def _from_quotes(s: Sentence, doc: Document, offset: int) -> Attribution | None:
    """The speaker of the first quote (in document order) whose content holds ``offset``."""
    index = s.a.scratch.get(_QUOTES)
    if index is None or index[0] is not doc.quotes or index[1] != len(doc.quotes):
        order = sorted(range(len(doc.quotes)), key=lambda k: doc.quotes[k].content.start)
        starts = [doc.quotes[k].content.start for k in order]
        longest = max((q.content.end - q.content.start for q in doc.quotes), default=0)
        index = s.a.scratch[_QUOTES] = (doc.quotes, len(doc.quotes), order, starts, longest)
    quotes, _n, order, starts, longest = index
    best = None
    j = bisect_right(starts, offset) - 1
    while j >= 0 and starts[j] > offset - longest:      # an earlier start ends before the offset
        k = order[j]
        if offset < quotes[k].content.end and (best is None or k < best):
            best = k
        j -= 1
    if best is None:
        return None
    q = quotes[best]
    return Attribution(q.speaker.entity, q.speaker.name)


def _nominal(s: Sentence) -> Attribution | None:
    """"بحسب X", "وفقا لـ X", "نقلا عن X"."""
    idx = s.idx
    for i, n, _p in idx.find(lexicon().phrases("attr.nominal"), s.lo, s.hi):
        return _source_after(s, i + n)
    return None


def _report_verb(s: Sentence, first: int) -> Attribution | None:
    """"قالت الوزارة ... إن", "أعلن التحالف أن": the subject of a report verb before the trigger."""
    idx = s.idx
    hits = idx.find(lexicon().phrases("attr.verbs"), s.lo, first)
    for i, n, _p in reversed(hits):
        found = _source_after(s, i + n) or _source_before(s, i)
        if found is not None:
            return found
    return None


def _source_after(s: Sentence, start: int) -> Attribution | None:
    """The mention (or report noun + mention, "تقرير التحالف") right after ``start``."""
    idx = s.idx
    reach = start + 3
    if start < s.hi and idx.match(lexicon().phrases("attr.nouns"), start):
        hit = next((t for t in s.mentions if start < t[0] <= start + 3 and _speaker(s, t[2])), None)
        if hit is not None:
            return Attribution(hit[2].entity.id, hit[2].entity.canonical)
        return _phrase(s, start)
    hit = next((t for t in s.mentions if start <= t[0] <= reach and _speaker(s, t[2])), None)
    if hit is not None:
        return Attribution(hit[2].entity.id, hit[2].entity.canonical)
    return None


def _source_before(s: Sentence, verb: int) -> Attribution | None:
    hit = next((t for t in reversed(s.mentions) if verb - 3 <= t[1] < verb and _speaker(s, t[2])), None)
    return Attribution(hit[2].entity.id, hit[2].entity.canonical) if hit else None


def _speaker(s: Sentence, m) -> bool:
    return is_actor(s.a, m) and m.entity.type != "location"


def _phrase(s: Sentence, start: int) -> Attribution:
    """An unnamed source kept by its words ("مصادر محلية", "مصدر طبي")."""
    clauses = s.idx.clauses
    end = start
    clause = clauses[start]
    while end + 1 < s.hi and end + 1 - start < _MAX_NAME_WORDS and clauses[end + 1] == clause:
        if s.idx.match(lexicon().phrases("attr.verbs"), end + 1):
            break
        end += 1
    text = s.a.text[s.idx.starts[start]:s.idx.ends[end]]
    return Attribution(None, text)
