"""Telling a count of one incident from a total over a period or a campaign (a claim).

Shared by the events stage (which leaves totals out of event counts) and the claims stage (which
turns them into :class:`marsad.document.Claim`).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.base import Analysis
from marsad.extract.events.counts import CountHit, count_hits
from marsad.extract.events.lexicon import Tables, lexicon
from marsad.extract.events.views import long_ranges, word_index
from marsad.extract.events.words import WordIndex

_CLAUSE_REACH = 14
_KEY = "events.totals"


def totals(a: Analysis) -> list[tuple[CountHit, bool]]:
    """The document's counts (:func:`count_hits`), each with whether it is a total (:func:`is_total`);
    computed once per document for the events and claims stages."""
    found = a.scratch.get(_KEY)
    if found is None:
        idx, ranges = word_index(a), long_ranges(a)
        found = a.scratch[_KEY] = [(hit, is_total(idx, hit, ranges)) for hit in count_hits(a)]
    return found


def clause_bounds(idx: WordIndex, i: int, reach: int = _CLAUSE_REACH) -> tuple[int, int]:
    """Word range of the clause around word ``i`` (at most ``reach`` words each way)."""
    return _bounds(idx, i, reach, "clause")


def sentence_bounds(idx: WordIndex, i: int, reach: int = 60) -> tuple[int, int]:
    """Word range of the sentence around word ``i`` (at most ``reach`` words each way)."""
    return _bounds(idx, i, reach, "sentence")


def _bounds(idx: WordIndex, i: int, reach: int, unit: str) -> tuple[int, int]:
    """Word range around word ``i`` sharing its ``unit`` number (clause or sentence)."""
    return idx.run(i, max(i - reach, 0), min(i + reach + 1, idx.size), unit)


def rate(idx: WordIndex, hit: CountHit) -> str | None:
    """"كل أسبوع", "يوميا" within a few words after the count: its rate period, if any."""
    lo, hi = clause_bounds(idx, hit.first)
    lo, hi = max(lo, hit.first - 2), min(hi, hit.last + 7)
    for table, unit in _RATES.of(lexicon()):
        if idx.has(table, lo, hi):
            return unit
    return None


_RATES = Tables(("rate.day", "day"), ("rate.week", "week"), ("rate.month", "month"), ("rate.year", "year"))
# the cues is_total reads in a count's clause, with the stems they are read with
_CUES = Tables(("period", False), ("rate.day", False), ("rate.week", False), ("rate.month", False),
               ("rate.year", False), ("estimate", True), ("campaign", False))


def is_total(idx: WordIndex, hit: CountHit, ranges: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether ``hit`` counts a period, a rate or a campaign rather than one incident; ``ranges``
    are the word ranges of long date ranges ("بين تشرين الأول 2017 وآذار 2018")."""
    lex = lexicon()
    if hit.kind in lex.claims.get("claim_only_kinds", ()):
        return True
    lo, hi = clause_bounds(idx, hit.first)
    if any(lo <= a < hi for a, _b in ranges):
        return True
    cue = hit.cue if hit.cue is not None else hit.first
    # most counts have no period, rate, estimate or campaign cue in their clause (a fast path)
    cued = idx.has_any(_CUES.of(lex), lo, max(hi, cue))
    if cued and (idx.has(lex.phrases("period"), lo, hi) or rate(idx, hit) is not None):
        return True
    if idx.has(lex.phrases("strong_period"), *sentence_bounds(idx, hit.first)):
        return True
    if cued and idx.find(lex.phrases("estimate"), max(lo, hit.first - 8), hit.first, deep=True):
        return True
    if hit.kind == "other":
        return hit.group is not None    # a population or a force; incidents ("3 ضربات") only with a period
    if cued and idx.has(lex.phrases("campaign"), max(lo, cue - 4), cue):
        return True
    q = hit.quantity
    return bool(q.approx and q.low is not None and q.low >= int(lex.claims.get("vague_total_min", 1000))
                and q.high != q.low)
