"""Binding numbers to what happened and to whom: "مقتل 14 مدنيا" -> killed 14 civilians.

A :class:`CountHit` is a quantity with its count kind (killed, injured, arrested, kidnapped,
displaced, returned, detained), the victim group of its noun and the noun's lemma.  The kind comes
from the noun itself (قتلى، جرحى، جثث) or from the nearest cue verb before the number ("جرح ما يزيد
على أربعين") or right after its noun ("ثلاثة مدنيين قتلوا").  Duals ("قتيلان") count 2.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Quantity, Span
from marsad.extract.base import Analysis
from marsad.extract.events.lexicon import fold, lexicon
from marsad.extract.events.views import quantities, word_index
from marsad.extract.events.words import WordIndex, article_stem

_BACK_NEAR, _BACK_FAR = 4, 16
_KEY = "events.counts"


@dataclass
class CountHit:
    kind: str
    quantity: Quantity
    group: str | None          # civilians | fighters | soldiers | people | protesters | attackers
    subject: str | None        # the noun's singular lemma, e.g. "مدني"
    noun: Span | None
    first: int                 # index of the first word of the number
    last: int                  # index of the last word of the number (or of its noun)
    subset: bool = False       # "بينهم خمسة أطفال": part of a number already counted
    cue: int | None = None     # index of the cue word ("مقتل"), when a cue named the kind


def count_hits(a: Analysis) -> list[CountHit]:
    """All casualty-like counts of the document, in text order (cached per document)."""
    hits = a.scratch.get(_KEY)
    if hits is None:
        hits = a.scratch[_KEY] = _find(a)
    return hits


def _find(a: Analysis) -> list[CountHit]:
    idx = word_index(a)
    covered: set[int] = set()
    spans: list[tuple[Quantity, int, int]] = []
    for q in quantities(a):
        assert q.span is not None
        ws = idx.overlapping(q.span.start, q.span.end)
        if not ws:
            continue
        covered.update(ws)
        spans.append((q, ws[0], ws[-1]))
    spans += _duals(a, idx, covered)
    spans += _singulars(a, idx, covered)
    spans.sort(key=lambda t: t[1])
    hits: list[CountHit] = []
    for q, first, last in spans:
        hit = _bind(a, idx, q, first, last, covered, hits)
        if hit is not None:
            hits.append(hit)
    return hits


def _duals(a: Analysis, idx: WordIndex, covered: set[int]) -> list[tuple[Quantity, int, int]]:
    """Dual victim nouns standing alone ("قتيلان", "طفلين") as quantities of 2."""
    out = []
    for i, n, info in idx.find(lexicon().nouns, 0, idx.size):
        if i not in covered and n == 1 and info.get("dual") and not _after_number(idx, i, covered):
            out.append((Quantity(2, 2, False, Span.of(a.text, idx.starts[i], idx.ends[i])), i, i))
    return out


def _singulars(a: Analysis, idx: WordIndex, covered: set[int]) -> list[tuple[Quantity, int, int]]:
    """A singular victim noun right after a cue ("مقتل قيادي", "إصابة طفلة بجروح") counts one."""
    lex = lexicon()
    out = []
    clauses = idx.clauses
    singular = idx.hits_at(lex.phrases("singular"))     # where idx.match(singular, j) is not None
    for k, n, _kind in idx.find(lex.cues, 0, idx.size, deep=True):
        for j in range(k + n, min(k + n + 3, idx.size)):
            if j in covered or clauses[j] != clauses[k]:
                break
            if j in singular:
                out.append((Quantity(1, 1, False, Span.of(a.text, idx.starts[j], idx.ends[j])), j, j))
                covered.add(j)
                break
    return out


def _after_number(idx: WordIndex, i: int, covered: set[int]) -> bool:
    return i - 1 in covered or (i >= 2 and idx.keys[i - 1] == "من" and i - 2 in covered)


def _bind(a: Analysis, idx: WordIndex, q: Quantity, first: int, last: int, covered: set[int],
          previous: list[CountHit]) -> CountHit | None:
    lex = lexicon()
    noun_i, info = _noun(idx, first, last)
    if noun_i is None and idx.match(lex.phrases("non_person"), min(last + 1, idx.size - 1)):
        return None
    if info.get("group") == "same" or info.get("subject") == "same" or noun_i is None:
        prev = previous[-1] if previous and previous[-1].last >= first - 12 else None
        info = {"group": prev.group if prev else None, "subject": prev.subject if prev else None}
    kind, cue = _cue_kind(idx, first, last if noun_i is None else noun_i, covered)
    if info.get("weak_kind") and kind is None and q.approx and q.low != q.high:
        return None                      # "لآلاف النازحين": a population, not a displacement
    kind = (kind or info.get("kind")) if info.get("weak_kind") else (info.get("kind") or kind)
    subset = idx.has(lex.phrases("subset"), first - 2, first)
    near = previous[-1] if previous and previous[-1].last >= first - 12 \
        and idx.sentence_numbers[previous[-1].last] == idx.sentence_numbers[first] else None
    if kind is None and near is not None and ((subset and near.last >= first - 4)
                                              or idx.keys[first].startswith("و")):
        kind = near.kind          # "مقتل 4 جنود و43 مهاجما", "بينهم 97 مدنيا": the cue governs both
    if kind is None and noun_i is None:
        kind, noun_i, info = _event_noun(idx, last)
    if kind is None and info.get("group") and q.low is not None \
            and q.low >= int(lex.victims.get("other_min", 1000)):
        kind = "other"
    if kind is None or (noun_i is None and not _cue_adjacent(idx, first)):
        return None
    q = _open_end(idx, q, noun_i if noun_i is not None else last)
    if first > 0 and q.low is not None and q.high is not None \
            and idx.match(lex.phrases("more_than"), first - 1, deep=True) is not None:
        q = Quantity(q.low + 1, None, q.approx, q.span)    # "تفوق مئة قتيل"
    return CountHit(kind, q, info.get("group"), info.get("subject"),
                    Span.of(a.text, idx.starts[noun_i], idx.ends[noun_i]) if noun_i is not None else None,
                    first, noun_i if noun_i is not None else last, subset, cue)


def _noun(idx: WordIndex, first: int, last: int) -> tuple[int | None, dict]:
    """The victim noun after the number ("14 مدنيا", "210 من عناصر") or just before it."""
    lex = lexicon()
    clauses = idx.clauses
    itself = idx.match(lex.nouns, first) if first == last else None     # the dual or singular noun itself
    if itself:
        return first, itself[1]
    j = last + 1
    if j < idx.size and idx.keys[j] == "من":
        j += 1
    if j < idx.size and clauses[j] == clauses[last]:
        m = idx.match(lex.nouns, j)
        if m is not None:
            return j, m[1]
    if first > 0 and clauses[first - 1] == clauses[first]:
        m = idx.match(lex.nouns, first - 1)
        if m is not None and m[1].get("group") not in (None, "same"):
            return first - 1, m[1]
    return None, {}


Cue = tuple[str | None, int | None]


def _cue_kind(idx: WordIndex, first: int, end: int, covered: set[int]) -> Cue:
    """The count kind named by the nearest cue before the number, or right after its noun."""
    found = _scan_back(idx, first, _BACK_NEAR, covered)
    if found[0] is not None:
        return found
    clauses = idx.clauses
    cues = idx.hits_at(lexicon().cues, deep=True)
    for k in range(end + 1, min(end + 4, idx.size)):
        if clauses[k] != clauses[end] or k in covered or idx.keys[k].startswith("و"):
            break
        m = cues.get(k)
        if m is not None:
            return m[1], k
    return _scan_back(idx, first, _BACK_FAR, covered)


def _scan_back(idx: WordIndex, first: int, reach: int, covered: set[int]) -> Cue:
    if not idx.has(lexicon().cues, first - reach, first, deep=True):
        return None, None               # no cue within reach: nothing to scan for (a fast path)
    clauses = idx.clauses
    cues = idx.hits_at(lexicon().cues, deep=True)
    for k in range(first - 1, max(first - 1 - reach, -1), -1):
        if k in covered or clauses[k] != clauses[first]:
            return None, None
        m = cues.get(k)
        if m is not None and k + m[0] <= first and not (reach > _BACK_NEAR and _definite(idx.stems[k])):
            return m[1], k
    return None, None


def _definite(stems: tuple[str, ...]) -> bool:
    """"العائدين": a definite noun describes people, it does not say what happened to the number."""
    return article_stem(stems)


def _event_noun(idx: WordIndex, last: int) -> tuple[str | None, int | None, dict]:
    """"37 هجوما", "19 تفجيرا": a number of incidents (kind "other", subject the noun)."""
    j = last + 1
    if j < idx.size and idx.match(lexicon().triggers, j) is not None:
        return "other", j, {"subject": idx.texts[j]}
    return None, None, {}


def _cue_adjacent(idx: WordIndex, first: int) -> bool:
    """A bare number (no victim noun) counts only right after its cue ("وقتل 130", "عدد القتلى في الحرب
    بنحو 130 ألفا")."""
    cues = idx.hits_at(lexicon().cues, deep=True)
    for k in range(first - 1, max(first - 5, -1), -1):
        if idx.clauses[k] != idx.clauses[first]:
            break
        m = cues.get(k)
        if m is not None and k + m[0] <= first:
            return True
    return False


def _open_end(idx: WordIndex, q: Quantity, last: int) -> Quantity:
    """"مدنيان على الأقل": an open upper end written after the noun."""
    keys = idx.keys
    if last + 2 < idx.size and keys[last + 1] == fold("على") \
            and keys[last + 2] == fold("الأقل"):
        return Quantity(q.low, None, q.approx, q.span)
    return q
