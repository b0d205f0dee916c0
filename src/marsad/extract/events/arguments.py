"""Who acted, on whom, where: actor1, actor2 and location of a trigger, from the entity mentions.

Mentions come from the entity stage (``a.mentions``).  Actors are organisations, people, or
countries standing as actors ("شن تركيا هجوما"); places are location mentions whose KB kind gives
both the specificity used to choose among them and ACLED's geo precision.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from marsad.document import ActorRef, Location
from marsad.extract.base import Analysis, Mention
from marsad.extract.events.lexicon import Tables, fold, lexicon
from marsad.extract.events.views import word_index
from marsad.extract.events.words import WordIndex
from marsad.kb.model import Place

# Most specific first; ACLED geo precision by kind.
_RANK = {"neighbourhood": 0, "village": 1, "town": 1, "camp": 1, "base": 1, "oil_field": 1, "airport": 1,
         "crossing": 1, "dam": 1, "city": 2, "subdistrict": 3, "district": 4, "mountain": 4,
         "governorate": 5, "region": 6, "river": 6, "country": 7}
_PRECISION = {"subdistrict": 2, "district": 2, "governorate": 3, "region": 3, "river": 3, "country": 3,
              "mountain": 2}
_GAZETTEER_PENALTY = 2.5
_THAT = frozenset(("ان", "بان", "لان", "وان"))
_RELATIVE = ("الذي", "التي", "الذين", "اللذين", "اللتين")
_NEAR_APPLIES = {"city", "town", "village", "neighbourhood", "governorate", None}
_SENTENCES = "events.sentences"
_PEOPLE = ("organization", "person")        # the entity types that are actors by themselves
Mention3 = tuple[int, int, Mention]         # (first word, last word, mention)
# the cues of _agent: "من قبل X" within eight words of the trigger, a light verb within twelve before it
_AGENT = Tables(("actor.agent_cues", False), ("actor.light_verbs", False))


def place_kind(a: Analysis, m: Mention) -> str | None:
    place = a.kb.places.get(m.entity.kb_id) if m.entity.kb_id else None
    return place.kind if place is not None else None


def is_actor(a: Analysis, m: Mention, countries: bool = True) -> bool:
    """An organisation or person (not generic civilians), or (``countries``) a country acting."""
    e = m.entity
    if e.type in _PEOPLE:
        return e.kb_id != "civilians" and e.category != "civilians"
    return countries and place_kind(a, m) == "country"


def actor_ref(m: Mention) -> ActorRef:
    """The actor of a mention, named as the text names it (the KB id says who it is)."""
    return ActorRef(m.entity.id, m.span.text, m.entity.canonical_en)


def word_of(idx: WordIndex, offset: int) -> int:
    i = idx.index_at(offset)
    return i if i is not None else idx.after(offset)


def mentions_in(a: Analysis, start: int, end: int) -> list[Mention]:
    """``a.mentions_in`` by bisection over the (sorted) mention starts, cached per document."""
    starts = a.scratch.get("events.mention_starts")
    if starts is None or len(starts) != len(a.mentions):
        starts = a.scratch["events.mention_starts"] = [m.span.start for m in a.mentions]
    i = bisect_left(starts, start)
    out = []
    while i < len(starts) and starts[i] < end:
        m = a.mentions[i]
        if m.span.end <= end:
            out.append(m)
        i += 1
    return out


class Sentence:
    """The mentions of one sentence, with word positions, for argument look-ups (each list built when
    first asked, then kept: most sentences hold no trigger)."""

    def __init__(self, a: Analysis, start: int, end: int) -> None:
        self.a = a
        self.idx = word_index(a)
        self._span = (start, end)
        self.lo, self.hi = self.idx.span(start, end)
        self._mentions: list[tuple[int, int, Mention]] | None = None
        self._actors: dict[bool, list[tuple[int, int, Mention]]] = {}
        self._places: list[tuple[int, int, Mention]] | None = None
        self._ranked: list[tuple[float, int, Mention, str | None]] | None = None

    @property
    def mentions(self) -> list[tuple[int, int, Mention]]:
        """(first word, last word, mention) of the sentence's mentions."""
        if self._mentions is None:
            start, end = self._span
            self._mentions = _word_ranges(self.idx, mentions_in(self.a, start, end))
        return self._mentions

    def actors(self, countries: bool = True) -> list[tuple[int, int, Mention]]:
        """The actor mentions (computed once per sentence and kind; callers do not change the list)."""
        found = self._actors.get(countries)
        if found is None:
            self._actors[True], self._actors[False] = _actor_lists(self.a, self.mentions)
            found = self._actors[countries]
        return found

    def places(self) -> list[tuple[int, int, Mention]]:
        """The place mentions (computed once per sentence)."""
        if self._places is None:
            self._places = [t for t in self.mentions if t[2].entity.type == "location"]
        return self._places

    @property
    def ranked_places(self) -> list[tuple[float, int, Mention, str | None]]:
        """The places :func:`location` chooses from, with their ranks (computed once per sentence)."""
        if self._ranked is None:
            self._ranked = _ranked_places(self)
        return self._ranked


def _word_ranges(idx: WordIndex, mentions: list[Mention]) -> list[Mention3]:
    """(``word_of`` its start, ``idx.last_before`` its end, mention) of each mention, by bisections
    written out here (a fast path: three calls less per mention)."""
    starts, ends, size = idx.starts, idx.ends, idx.size
    out = []
    for m in mentions:
        start, end = m.span.start, m.span.end
        i = bisect_right(starts, start) - 1         # the word covering the start, else the one after
        if not (0 <= i < size and starts[i] <= start < ends[i]):
            i = bisect_left(starts, start)
        out.append((i, max(bisect_left(starts, end) - 1, 0), m))
    return out


def _actor_lists(a: Analysis, mentions: list[Mention3]) -> tuple[list[Mention3], list[Mention3]]:
    """The mentions that are actors, with countries acting and without (:func:`is_actor` either way),
    by one pass: the events stage asks for both lists of a sentence with a trigger."""
    with_countries: list[Mention3] = []
    without: list[Mention3] = []
    for t in mentions:
        if is_actor(a, t[2], False):
            with_countries.append(t)
            without.append(t)
        elif t[2].entity.type not in _PEOPLE and place_kind(a, t[2]) == "country":
            with_countries.append(t)
    return with_countries, without


def sentence_view(a: Analysis, start: int, end: int) -> Sentence:
    """The :class:`Sentence` of ``[start, end)``, built once per document (its look-ups are cached)."""
    views = a.scratch.setdefault(_SENTENCES, {})
    s = views.get((start, end))
    if s is None:
        s = views[start, end] = Sentence(a, start, end)
    return s


def actor1(s: Sentence, first: int, last: int, verb: bool, sources: set[str],
           object_genitive: bool = False) -> ActorRef | None:
    """The agent of the trigger at words ``[first, last]``; ``sources`` are attribution mentions;
    ``object_genitive``: the noun after the masdar is its object ("هزيمة التنظيم", "تحرير المدينة")."""
    relative = _after_relative(s, first)
    actors = [t for t in s.actors() if not (relative and first - 3 <= t[1] < first - 1)
              and not (object_genitive and not verb and t[0] == last + 1)]
    preferred = [t for t in actors if t[2].entity.id not in sources or t[0] > last]
    found = _agent(s, first, last, verb, preferred)
    if found is None and not _complementizer(s, first):
        found = _agent(s, first, last, verb, actors)
    if found is not None:
        return found
    found = nationality(s, last)
    if found is not None:
        return found
    earlier = [t for t in preferred if t[1] < first and first - t[1] <= 10 and is_actor(s.a, t[2], False)]
    return actor_ref(earlier[-1][2]) if earlier else described(s, first, last)


def nationality(s: Sentence, last: int) -> ActorRef | None:
    """"قصف حوثي", "بطائرة مسيرة تركية": a nationality adjective after the trigger names the side."""
    keys = _nationality_keys(lexicon().events.get("actors", {}).get("nationality", {}))
    stems = s.idx.stems
    for k in range(last + 1, min(last + 4, s.hi)):
        if keys.keys().isdisjoint(stems[k]):
            continue
        kb_id = next(keys[x] for x in stems[k] if x in keys)
        ent = next((e for e in s.a.doc.entities if e.kb_id == kb_id), None)
        actor = s.a.kb.actors.get(kb_id) if hasattr(s.a.kb, "actors") else None
        name = s.a.text[s.idx.starts[last]:s.idx.ends[k]]
        return ActorRef(ent.id if ent else None, ent.canonical if ent else name,
                        getattr(actor, "name_en", None))
    return None


_NATIONALITY: list[Any] = [None, {}]       # (the table, its folded keys): computed once


def _nationality_keys(table: dict[str, str]) -> dict[str, str]:
    """Folded adjective -> KB id (the table is the lexicon's, read once)."""
    if _NATIONALITY[0] is not table:
        _NATIONALITY[:] = [table, {fold(k): v for k, v in sorted(table.items())}]
    return _NATIONALITY[1]


def possessor(s: Sentence, first: int) -> ActorRef | None:
    """"هجومها": the pronoun points to the clause's subject, its first actor before the trigger."""
    clauses = s.idx.clauses
    clause = [t for t in s.actors() if t[1] < first and clauses[t[0]] == clauses[first]]
    return actor_ref(clause[0][2]) if clause else None


def _agent(s: Sentence, first: int, last: int, verb: bool,
           actors: list[tuple[int, int, Mention]]) -> ActorRef | None:
    clauses = s.idx.clauses
    # most triggers have neither an agent cue nor a light verb near them (a fast path)
    cued = s.idx.has_any(_AGENT.of(lexicon()), max(s.lo, first - 12), min(s.hi, last + 4))
    cue = _agent_cue(s, first, last, actors) if cued else None
    if cue is not None:
        return cue
    clause = clauses[first]
    after = before = None
    for t in actors:
        if t[0] == last + 1 and clauses[t[0]] == clauses[last] and is_actor(s.a, t[2], False):
            after = t
            break
    for t in reversed(actors):
        if t[1] < first and clauses[t[1]] == clause \
                and first - t[1] <= (6 if is_actor(s.a, t[2], False) else 2):
            before = t
            break
    if verb and before is not None:
        return actor_ref(before[2])
    light = None if verb or not cued else _light_verb_subject(s, first, actors)
    if light is not None:
        return light
    if after is not None and not (cued and _object_of_light_verb(s, first)):
        return actor_ref(after[2])
    return actor_ref(before[2]) if before is not None else None


def _agent_cue(s: Sentence, first: int, last: int, actors: list) -> ActorRef | None:
    """"من قبل X", "برصاص X" right after the trigger; "طائرات تابعة لـ X" before it."""
    for i, n, _p in s.idx.find(lexicon().phrases("actor.agent_cues"), max(s.lo, first - 8),
                               min(s.hi, last + 4)):
        hit = next((t for t in actors if i + n <= t[0] <= i + n + 2), None)
        if hit is not None:
            return actor_ref(hit[2])
    return None


def _complementizer(s: Sentence, first: int) -> bool:
    """"قال X إن ..." / "أعلن X أن ...": the speaker is not the actor of what follows."""
    return not _THAT.isdisjoint(s.idx.keys[s.lo:first])


def _after_relative(s: Sentence, first: int) -> bool:
    """"التنظيم الذي استعادت منه": a relative pronoun before the trigger (the noun before the pronoun,
    a mention ending in the two words before it, is then not the subject)."""
    return first >= 1 and s.idx.keys[first - 1] in _RELATIVE


def _object_of_light_verb(s: Sentence, first: int) -> bool:
    return first > 0 and s.idx.has(lexicon().phrases("actor.light_verbs"), max(s.lo, first - 3), first)


def _light_verb_subject(s: Sentence, first: int, actors: list) -> ActorRef | None:
    """"شن التحالف غارة" / "التحالف شن غارة": the subject of the light verb before the masdar."""
    hits = s.idx.find(lexicon().phrases("actor.light_verbs"), max(s.lo, first - 12), first)
    if not hits:
        return None
    v = hits[-1][0]
    near = [t for t in actors if abs(t[0] - v) <= 4 and t[0] < first]
    near.sort(key=lambda t: abs(t[0] - v))
    return actor_ref(near[0][2]) if near else None


def described(s: Sentence, first: int, last: int) -> ActorRef | None:
    """An unnamed perpetrator kept by its description ("مسلحون مجهولون")."""
    idx = s.idx
    for i, n, _p in idx.find(lexicon().phrases("actor.described"), max(s.lo, first - 6), min(s.hi, last + 7)):
        if idx.keys[i].startswith("ب") and len(idx.stems[i]) > 1:
            continue                    # "بطائرة مسيرة": the weapon, not who used it
        text = s.a.text[idx.starts[i]:idx.ends[i + n - 1]]
        return ActorRef(None, text, None)
    return None


def actor2(s: Sentence, first: int, last: int, a1: ActorRef | None, territory: bool = False,
           verb: bool = False) -> ActorRef | None:
    """The target: an actor after a target cue ("ضد", "على", "بحق", "عناصر من"); for a territory
    masdar its genitive ("هزيمة التنظيم", "طرد التنظيم")."""
    idx = s.idx
    taken = a1.entity if a1 is not None else None
    actors = [t for t in s.actors(False) if t[2].entity.id != taken and t[0] > last]
    if territory and not verb:
        hit = next((t for t in actors if t[0] == last + 1), None)
        if hit is not None:
            return actor_ref(hit[2])
    for i, n, _p in idx.find(lexicon().phrases("actor.target_cues"), last + 1, min(s.hi, last + 10)):
        hit = next((t for t in actors if i + n <= t[0] <= i + n + 2), None)
        if hit is not None:
            return actor_ref(hit[2])
    return None


def location(s: Sentence, first: int, last: int) -> tuple[Location, int] | None:
    """The most specific place of the sentence (not a place the actor came from), with its rank;
    the nearest to word ``first`` among the equally specific."""
    best = None
    for rank, w0, m, kind in s.ranked_places:
        key = (rank, abs(w0 - first))
        if best is None or key < best[0]:
            best = (key, w0, m, kind)
    if best is None:
        return None
    (rank, _d), w0, m, kind = best
    return make_location(s, m, kind, w0), rank


def _ranked_places(s: Sentence) -> list[tuple[float, int, Mention, str | None]]:
    """(rank, first word, mention, KB kind) of the places :func:`location` chooses from: not a place
    the actor came from, nor one a direction points to (unless all are)."""
    if not s.places():
        return []                       # no cue to read (most sentences name no place)
    lex = lexicon()
    idx = s.idx
    origin = {i + n for i, n, _p in idx.find(lex.phrases("actor.origin_cues"), s.lo, s.hi)}
    places = [t for t in s.places() if t[0] not in origin and t[0] - 1 not in origin]
    pointers = {i + n for i, n, _p in idx.find(lex.phrases("actor.direction_cues"), s.lo, s.hi)} \
        if places else set()
    located = [t for t in places if t[0] not in pointers and t[0] - 1 not in pointers]
    out = []
    kb_places = s.a.kb.places
    for w0, _w1, m in located or places:
        place = kb_places.get(m.entity.kb_id) if m.entity.kb_id else None
        kind = place.kind if place is not None else None
        rank = _rank(s.a, place, kind) + (_GAZETTEER_PENALTY if _from_gazetteer(place) else 0)
        out.append((rank, w0, m, kind))
    return out


def _rank(a: Analysis, place: Place | None, kind: str | None) -> float:
    """Specificity of a KB place of this kind: a region inside a governorate or district ranks like a
    district."""
    if kind == "region":
        parent = a.kb.places.get(place.parent) if place is not None and place.parent else None
        if parent is not None and parent.kind in ("governorate", "district", "subdistrict", "city"):
            return _RANK["district"] - 0.5
    return _RANK.get(kind or "town", 1)


def _from_gazetteer(place: Place | None) -> bool:
    """Places only the GeoNames gazetteer knows are weaker evidence than curated ones."""
    return place is not None and getattr(place, "source", "curated") == "gazetteer"


def make_location(s: Sentence, m: Mention, kind: str | None, w0: int) -> Location:
    e = m.entity
    precision = _PRECISION.get(kind or "town", 1)
    if kind in _NEAR_APPLIES and s.idx.has(lexicon().phrases("actor.near_cues"), max(w0 - 2, 0), w0):
        precision = 2 if kind != "governorate" or _rural(s, w0) else precision
    if "ريف" in s.idx.stems[w0] and precision == 3:
        precision = 2                     # "ريف دير الزور الشرقي" named as one place
    geo = e.geo
    return Location(e.id, e.canonical, geo.lat if geo else None, geo.lon if geo else None,
                    geo.country if geo else None, geo.admin1 if geo else None, precision)


def _rural(s: Sentence, w0: int) -> bool:
    """"ريف X": the countryside of X, precision 2."""
    return w0 > 0 and "ريف" in s.idx.stems[w0 - 1]
