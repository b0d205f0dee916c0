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

from dataclasses import dataclass

from marsad.extract.entities.lexicon import DEFINITE
from marsad.extract.entities.matcher import Hit
from marsad.extract.entities.names import NameHit
from marsad.extract.entities.view import DocView, Found, Tok

WINDOW = 80          # characters after a cue searched for the name
NEAR = 150           # characters around the name searched for a known place


@dataclass(frozen=True, slots=True)
class UnknownPlace:
    """A place found by cue, and the KB place whose coordinates it borrows."""

    found: Found
    near: str


def find_unknown_places(view: DocView, hits: list[Hit], names: list[NameHit]) -> list[UnknownPlace]:
    """Cue-introduced places absent from the knowledge base, in text order."""
    cues = [h for h in hits if "cue" in h.kinds]
    if not cues:
        return []
    taken = bytearray(len(view.text))
    for n in names:
        taken[n.start:n.end] = b"\x01" * (n.end - n.start)
    toks = view.tokens_near([(c.start, c.end) for c in cues], 0, WINDOW)
    starts = {t.start: i for i, t in enumerate(toks)}
    ends = {t.end for t in toks}
    out: list[UnknownPlace] = []
    for cue in cues:
        if taken[cue.start] or cue.end not in ends:
            continue
        i = starts.get(_next_start(view, cue.end), -1)
        for span in _names_after(view, toks, i, taken):
            near = _near_place(view, names, span)
            if near is not None:
                ref = "@" + view.text[span[0]:span[1]]
                out.append(UnknownPlace(Found(span[0], span[1], ref, "match"), near))
    return out


def _next_start(view: DocView, end: int) -> int:
    j = end
    while j < len(view.text) and view.text[j] == " ":
        j += 1
    return j


def _names_after(view: DocView, toks: list[Tok], i: int, taken: bytearray) -> list[tuple[int, int]]:
    """The name after a cue (token ``i``), and one joined to it by و."""
    out: list[tuple[int, int]] = []
    first = _name(view, toks, i, taken, "")
    if first is None:
        return out
    out.append((toks[first[0]].start, toks[first[1]].end))
    k = first[1] + 1
    if k < len(toks) and toks[k].kind == "word" and toks[k].text.startswith("و"):
        second = _name(view, toks, k, taken, "و")
        if second is not None:
            out.append((toks[second[0]].start + 1, toks[second[1]].end))
    return out


def _name(view: DocView, toks: list[Tok], i: int, taken: bytearray, prefix: str) -> tuple[int, int] | None:
    """Token range of a place name at token ``i`` (its first word may carry ``prefix``)."""
    lex = view.lex
    if i < 0 or i >= len(toks) or toks[i].kind != "word" or taken[toks[i].start]:
        return None
    word = toks[i].text[len(prefix):]
    if not word or _common(view, word):
        return None
    end = i
    if word in lex.place_particles and i + 1 < len(toks) and toks[i + 1].kind == "word" \
            and not taken[toks[i + 1].start] and not _common(view, toks[i + 1].text):
        end = i + 1
    nxt = toks[end + 1] if end + 1 < len(toks) else None
    if nxt is not None and nxt.kind == "word" and not _boundary(view, nxt.text):
        return None
    return i, end


def _common(view: DocView, word: str) -> bool:
    lex = view.lex
    return (view.bare(word, lex.stop_words) is not None or word in lex.not_place_names
            or view.bare(word, lex.blockers) is not None
            or view.bare(word, lex.cues) is not None or view.bare(word, lex.directions) is not None
            or (word.startswith(DEFINITE) and len(word) < 5))


def _boundary(view: DocView, word: str) -> bool:
    """A word that may follow a place name: a stop word, a direction, or one joined by و."""
    lex = view.lex
    return (word.startswith("و") or view.bare(word, lex.stop_words) is not None
            or view.bare(word, lex.directions) is not None or word in lex.cues
            or view.bare(word, lex.cues) is not None)


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
