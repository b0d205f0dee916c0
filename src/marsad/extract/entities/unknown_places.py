"""Places the knowledge base lacks, introduced by a place cue: "قرية تل علو في ريف القامشلي".

After a cue word of ``place_cues.yaml`` ("قرية"، "بلدة"، "حي"، "مخيم" ...) a name of
one word, or two when the first is a place-name particle ("تل"، "عين"، "دير"، "كفر"
...), that is no KB name, no stop word and not a common adjective ("قرية صغيرة")
is a place.  It borrows the coordinates of the nearest KB place named in the same
sentence (the district or town it lies in), so every location keeps coordinates;
a cue with no such place nearby gives nothing.  After a dual or plural cue
("قريتي X وY") the name joined by و is a place too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from marsad.extract.entities.lexicon import DEFINITE
from marsad.extract.entities.matcher import Hit
from marsad.extract.entities.names import NameHit
from marsad.extract.entities.view import MARK, DocView, Found, ones

NEAR = 150           # characters around the name searched for a known place
AHEAD = 5            # words after a cue that two names joined by و may take
_WORD = re.compile(f"[^{MARK}]+")      # a word of the marked text


@dataclass(frozen=True, slots=True)
class UnknownPlace:
    """A place found by cue, and the KB place whose coordinates it borrows."""

    found: Found
    near: str


def find_unknown_places(view: DocView, hits: list[Hit], names: list[NameHit]) -> list[UnknownPlace]:
    """Cue-introduced places absent from the knowledge base, in text order."""
    cues = [h for h in hits if "cue" in h.meaning.kinds]
    if not cues:
        return []
    taken = bytearray(len(view.text))
    for n in names:
        taken[n.start:n.end] = ones(n.end - n.start)
    out: list[UnknownPlace] = []
    for cue in cues:
        if taken[cue.start]:
            continue
        for span in _names_after(view, cue.end, taken):
            near = _near_place(view, names, span)
            if near is not None:
                ref = "@" + view.text[span[0]:span[1]]
                out.append(UnknownPlace(Found(span[0], span[1], ref, "match"), near))
    return out


class _Words:
    """The first :data:`AHEAD` words of the normalised text from an offset on, walked by index."""

    def __init__(self, view: DocView, offset: int) -> None:
        self.view = view
        marked = view.marked
        if 0 < offset < len(marked) and marked[offset - 1] != MARK and marked[offset] != MARK:
            offset = marked.find(MARK, offset)      # inside a word: from the next one
        found = islice(_WORD.finditer(marked, offset), AHEAD) if offset >= 0 else ()
        spans = [m.span() for m in found]
        self.starts, self.ends = [s for s, _ in spans], [e for _, e in spans]

    def text(self, k: int) -> str:
        return self.view.text[self.starts[k]:self.ends[k]] if 0 <= k < len(self.starts) else ""

    def joined(self, k: int) -> bool:
        """Word ``k`` follows word ``k - 1`` after spaces only."""
        return 0 < k < len(self.starts) and not self.view.text[self.ends[k - 1]:self.starts[k]].strip()


def _names_after(view: DocView, end: int, taken: bytearray) -> list[tuple[int, int]]:
    """The name after a cue ending at ``end``, and one joined to it by و."""
    w = _Words(view, end)
    if not w.starts or view.text[end:w.starts[0]].strip():
        return []
    out: list[tuple[int, int]] = []
    first = _name(w, 0, taken, "")
    if first is None:
        return out
    out.append((w.starts[0], w.ends[first]))
    nxt = first + 1
    if w.joined(nxt) and w.text(nxt).startswith("و"):
        second = _name(w, nxt, taken, "و")
        if second is not None:
            out.append((w.starts[nxt] + 1, w.ends[second]))
    return out


def _name(w: _Words, k: int, taken: bytearray, prefix: str) -> int | None:
    """Index of the last word of a place name starting at word ``k`` (after ``prefix``)."""
    view = w.view
    if k >= len(w.starts) or taken[w.starts[k]]:
        return None
    word = w.text(k)[len(prefix):]
    if not word.isalpha() or _common(view, word):
        return None
    last = k
    if word in view.lex.place_particles and w.joined(k + 1) and not taken[w.starts[k + 1]] \
            and not _common(view, w.text(k + 1)):
        last = k + 1
    if w.joined(last + 1) and not _boundary(view, w.text(last + 1)):
        return None
    return last


def _common(view: DocView, word: str) -> bool:
    lex = view.lex
    return (view.bares.stop_words.get(word) is not None or word in lex.not_place_names
            or view.bares.blockers.get(word) is not None
            or view.bares.cues.get(word) is not None or view.bares.directions.get(word) is not None
            or (word.startswith(DEFINITE) and len(word) < 5))


def _boundary(view: DocView, word: str) -> bool:
    """A word that may follow a place name: a stop word, a direction, or one joined by و."""
    lex = view.lex
    return (word.startswith("و") or view.bares.stop_words.get(word) is not None
            or view.bares.directions.get(word) is not None or word in lex.cues
            or view.bares.cues.get(word) is not None)


def _near_place(view: DocView, names: list[NameHit], span: tuple[int, int]) -> str | None:
    """The closest KB place named within :data:`NEAR` characters, on the same line."""
    best, best_gap = None, NEAR + 1
    for n in names:
        if n.ref is None or n.ref not in view.kb.places or view.kb.places[n.ref].kind == "country":
            continue
        gap = n.start - span[1] if n.start >= span[1] else span[0] - n.end
        if 0 <= gap < best_gap and "\n" not in view.text[min(n.end, span[1]):max(n.start, span[0])]:
            best, best_gap = n.ref, gap
    return best
