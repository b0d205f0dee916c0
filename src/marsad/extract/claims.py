"""The claims stage: numbers that are not one incident (totals over a period, rates, returnees,
the displaced) become :class:`marsad.document.Claim` records with kind, subject, period, place and
source.  Counts of single incidents stay with the events stage; the split is
:func:`marsad.extract.events.totals.is_total`.
"""

from __future__ import annotations

from marsad.document import CLAIM_KINDS, Claim, DateValue, Span
from marsad.extract.base import Analysis, stage
from marsad.extract.events.arguments import location, sentence_view
from marsad.extract.events.attribution import attribution
from marsad.extract.events.counts import CountHit
from marsad.extract.events.totals import clause_bounds, rate, totals
from marsad.extract.events.views import dates, sentence_index, sentences, word_index
from marsad.extract.events.words import WordIndex

__all__ = ["claims_stage", "find_claims"]

_SINCE = "منذ"


def find_claims(a: Analysis) -> list[Claim]:
    """The document's claims, in text order, one per (kind, number)."""
    idx = word_index(a)
    sents = sentences(a)
    out: list[Claim] = []
    seen: set[tuple[str, int | None, int | None]] = set()
    for hit, total in totals(a):
        if not total:
            continue
        kind = hit.kind if hit.kind in CLAIM_KINDS else "other"
        key = (kind, hit.quantity.low, hit.quantity.high)
        if key in seen or (kind == "other" and any(k[1:] == key[1:] for k in seen)):
            continue
        seen.add(key)
        out.append(_claim(a, idx, sents, hit, kind, f"c{len(out) + 1}"))
    return out


def _claim(a: Analysis, idx: WordIndex, sents: list[Span], hit: CountHit, kind: str, cid: str) -> Claim:
    sent = sents[sentence_index(sents, idx.starts[hit.first])]
    s = sentence_view(a, sent.start, sent.end)
    found = attribution(s, a.doc, idx.starts[hit.first], hit.first)
    place = location(s, hit.first, hit.last)
    return Claim(
        id=cid, kind=kind, quantity=hit.quantity, subject=hit.subject, evidence=sent,
        period=_period(a, idx, hit, sent), location=place[0] if place else None,
        attributed_to=found[0] if found else None,
    )


def _period(a: Analysis, idx: WordIndex, hit: CountHit, sent: Span) -> DateValue | None:
    """The period a total covers: a stated range, "منذ X" (to the report day), or a rate unit."""
    unit = rate(idx, hit)
    if unit is not None:
        return DateValue(None, None, "week" if unit == "week" else "range", None)
    lo, hi = clause_bounds(idx, hit.first)
    start, end = idx.starts[lo], idx.ends[hi - 1]
    best = None
    for span, value in dates(a):
        if not (sent.start <= span.start < sent.end) or value.start is None:
            continue
        inside = start <= span.start < end
        key = (not inside, abs(span.start - idx.starts[hit.first]))
        if best is None or key < best[0]:
            best = (key, span, value)
    if best is None:
        return None
    _key, span, value = best
    return _open_range(a, idx, span, value)


def _open_range(a: Analysis, idx: WordIndex, span: Span, value: DateValue) -> DateValue:
    """"منذ 2014": from the date to the report day (left open when the report date is unknown)."""
    ref = a.reference_date
    i = idx.after(span.start)
    lo, _hi = clause_bounds(idx, min(i, idx.size - 1))
    since = value.end is None or any(_SINCE in stems for stems in idx.stems[lo:i + 1])
    if not since:
        return value
    end = ref if ref is not None and value.start is not None and ref >= value.start else None
    return DateValue(value.start, end, "range", value.text)


@stage("claims", requires=("entities",), assigns=("claims",))
def claims_stage(a: Analysis) -> None:
    """Add the document's claims."""
    a.doc.claims.extend(find_claims(a))
