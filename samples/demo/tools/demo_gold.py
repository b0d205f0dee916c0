"""Turn the hand-written YAML gold of one demo article into a ``marsad/1`` Document.

Snippets in the YAML are resolved to code-point offsets of ``text`` (title, a blank
line, then the body paragraphs separated by blank lines).  ``"snippet@N"`` means the
N-th occurrence.  Every snippet that cannot be found raises :class:`GoldError` naming
the article and the snippet.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from marsad.document import (
    CLAIM_KINDS,
    COUNT_KINDS,
    ActorRef,
    Attribution,
    Claim,
    Counts,
    DateValue,
    Document,
    Entity,
    Event,
    Location,
    Quantity,
    Quote,
    Source,
    Span,
    Speaker,
)

TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}

# Actor ids that may be referenced without being listed among the entities.
UNLISTED_OK = frozenset({"civilians"})

_AR_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
# Letters that may be glued before a mention ("وأريحا", "بإدلب").  The article ال is not
# among them: "السورية" is an adjective, not a mention of "سورية".
_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"})


class GoldError(ValueError):
    """A gold annotation that cannot be resolved against the article text."""


def article_text(title: str, body: str) -> str:
    """The clean text: title, blank line, body paragraphs joined by blank lines."""
    return "\n\n".join([title.strip(), *paragraphs(body)])


def paragraphs(body: str) -> list[str]:
    """Body paragraphs (separated by blank lines), each with its lines stripped and joined."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", body.strip()):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if lines:
            out.append(" ".join(lines))
    return out


class Resolver:
    """Finds snippets of one article's text, with the article id for error messages."""

    def __init__(self, art_id: str, text: str) -> None:
        self.art_id = art_id
        self.text = text

    def fail(self, what: str, snippet: str) -> GoldError:
        return GoldError(f"{self.art_id}: {what} not found: {snippet!r}")

    def find(self, snippet: str, what: str, lo: int = 0, hi: int | None = None,
             word: bool = False) -> Span:
        """The span of ``snippet`` (``@N`` = N-th occurrence) within ``text[lo:hi]``.

        With ``word``, only exact whole-word occurrences count (so the cue "قال" is found
        neither inside "قالت" nor inside "وقال").
        """
        needle, nth = split_nth(snippet)
        hi = len(self.text) if hi is None else hi
        pos, seen = lo - 1, 0
        while seen < nth:
            pos = self.text.find(needle, pos + 1, hi)
            if pos < 0:
                raise self.fail(what, snippet)
            if not word or self._is_word(pos, pos + len(needle), proclitics=False):
                seen += 1
        return Span.of(self.text, pos, pos + len(needle))

    def find_in(self, snippet: str, what: str, spans: list[Span]) -> Span:
        """``snippet`` inside the first of ``spans`` holding it, else anywhere in the text."""
        if "@" not in snippet:
            for s in spans:
                try:
                    return self.find(snippet, what, s.start, s.end)
                except GoldError:
                    continue
        return self.find(snippet, what)

    def word_occurrences(self, surface: str) -> list[Span]:
        """Every occurrence of ``surface`` as a word, allowing proclitics before it."""
        spans: list[Span] = []
        start = self.text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if self._is_word(start, end):
                spans.append(Span.of(self.text, start, end))
            start = self.text.find(surface, start + 1)
        return spans

    def _is_word(self, start: int, end: int, proclitics: bool = True) -> bool:
        if end < len(self.text) and _AR_LETTER.match(self.text[end]):
            return False
        ws = start
        while ws > 0 and _AR_LETTER.match(self.text[ws - 1]):
            ws -= 1
        return self.text[ws:start] in _PROCLITICS if proclitics else ws == start


def split_nth(snippet: str) -> tuple[str, int]:
    """``"text@2"`` → ``("text", 2)``; a snippet without a suffix is the first occurrence."""
    m = re.fullmatch(r"(.*?)@(\d+)", snippet, flags=re.S)
    if m:
        return m.group(1), int(m.group(2))
    return snippet, 1


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def date_value(raw: dict | None) -> DateValue | None:
    if not raw:
        return None
    return DateValue(as_date(raw.get("start")), as_date(raw.get("end")), raw["precision"], raw.get("text"))


# ---------------------------------------------------------------- entities


def build_entities(res: Resolver, raw: list[dict]) -> list[Entity]:
    """Entities with every word occurrence of their listed mentions.

    An occurrence lying strictly inside a longer occurrence (of any entity) is dropped,
    so "سوريا" inside "قوات سوريا الديمقراطية" is not a mention of Syria.
    """
    found: list[tuple[int, Span]] = []
    for i, e in enumerate(raw):
        if e["type"] not in ("person", "organization", "location"):
            raise GoldError(f"{res.art_id}: unknown entity type {e['type']!r}")
        for surface in e.get("mentions") or [e["canonical"]]:
            spans = res.word_occurrences(surface)
            if not spans:
                raise res.fail(f"mention of {e.get('kb_id') or e['canonical']}", surface)
            found.extend((i, s) for s in spans)
    keep: dict[int, list[Span]] = {i: [] for i in range(len(raw))}
    for i, s in found:
        inside = any(o.contains(s) and len(o) > len(s) for _, o in found)
        if not inside and s not in keep[i]:
            keep[i].append(s)
    out = []
    for i, e in enumerate(raw):
        out.append(Entity(
            id=f"e{i + 1}", type=e["type"], canonical=e["canonical"],
            canonical_en=e.get("canonical_en"), kb_id=e.get("kb_id"), category=e.get("category"),
            mentions=sorted(keep[i], key=lambda s: s.start), role=e.get("role"),
        ))
    return out


class EntityIndex:
    """Looks up the entity a reference names: by kb id, else by canonical name or mention."""

    def __init__(self, res: Resolver, entities: list[Entity], raw: list[dict]) -> None:
        self.res = res
        self.by_kb = {e.kb_id: e.id for e in entities if e.kb_id}
        self.by_name: dict[str, str] = {}
        for e, r in zip(entities, raw, strict=True):
            for name in [e.canonical, *(r.get("mentions") or [])]:
                self.by_name.setdefault(name, e.id)

    def ref(self, raw: dict | None) -> str | None:
        if not raw:
            return None
        kb = raw.get("kb_id")
        if kb:
            if kb in self.by_kb:
                return self.by_kb[kb]
            if kb in UNLISTED_OK:
                return None
            raise GoldError(f"{self.res.art_id}: reference to unlisted entity {kb!r}")
        return self.by_name.get(raw.get("name", ""))


# ---------------------------------------------------------------- parts


def quantity(res: Resolver, raw: dict | None, within: list[Span]) -> Quantity | None:
    if not raw:
        return None
    span = res.find_in(str(raw["text"]), "quantity", within) if raw.get("text") else None
    return Quantity(raw.get("low"), raw.get("high"), bool(raw.get("approx", False)), span)


def location(idx: EntityIndex, raw: dict | None) -> Location | None:
    if not raw:
        return None
    return Location(
        entity=idx.ref(raw), name=raw["name"], lat=raw.get("lat"), lon=raw.get("lon"),
        country=raw.get("country"), admin1=raw.get("admin1"), geo_precision=raw.get("geo_precision"),
    )


def actor(idx: EntityIndex, raw: dict | None) -> ActorRef | None:
    if not raw:
        return None
    return ActorRef(entity=idx.ref(raw), name=raw["name"], name_en=raw.get("name_en"))


def attribution(idx: EntityIndex, raw: dict | None) -> Attribution | None:
    if not raw:
        return None
    return Attribution(entity=idx.ref(raw), name=raw["name"])


def trigger_span(res: Resolver, snippet: str, first: Span) -> Span:
    """The trigger inside the first evidence span: a whole word if possible."""
    try:
        return res.find(snippet, "trigger (in first evidence)", first.start, first.end, word=True)
    except GoldError:
        return res.find(snippet, "trigger (in first evidence)", first.start, first.end)


def build_event(res: Resolver, idx: EntityIndex, n: int, raw: dict) -> Event:
    etype, sub = raw["event_type"], raw["sub_event_type"]
    if sub not in TAXONOMY.get(etype, ()):
        raise GoldError(f"{res.art_id}: unknown event type {etype!r} / {sub!r}")
    evidence = [res.find(s, "event evidence") for s in raw["evidence"]]
    first = evidence[0]
    trigger = trigger_span(res, raw["trigger"], first)
    raw_counts = raw.get("counts") or {}
    unknown = set(raw_counts) - set(COUNT_KINDS)
    if unknown:
        raise GoldError(f"{res.art_id}: unknown count kinds {sorted(unknown)}")
    counts = Counts(**{k: quantity(res, v, evidence) for k, v in raw_counts.items()})
    return Event(
        id=f"v{n}", event_type=etype, sub_event_type=sub, trigger=trigger,
        actor1=actor(idx, raw.get("actor1")), actor2=actor(idx, raw.get("actor2")),
        location=location(idx, raw.get("location")), date=date_value(raw.get("date")),
        counts=counts, attributed_to=attribution(idx, raw.get("attributed_to")),
        modality=raw.get("modality", "asserted"), evidence=evidence,
    )


def build_quote(res: Resolver, idx: EntityIndex, n: int, raw: dict) -> Quote:
    try:
        cue = res.find(raw["cue"], "quote cue", word=True)
    except GoldError:  # a cue glued to a longer word, e.g. "قال" in "وقالتا"
        cue = res.find(raw["cue"], "quote cue")
    content_snip = raw["content"]
    try:
        content = res.find(content_snip, "quote content", lo=cue.start) if "@" not in content_snip \
            else res.find(content_snip, "quote content")
    except GoldError:
        content = res.find(content_snip, "quote content")
    sp = raw["speaker"]
    speaker = Speaker(entity=idx.ref(sp), name=sp["name"], role=sp.get("role"))
    return Quote(id=f"q{n}", speaker=speaker, cue=cue, content=content,
                 direct=bool(raw.get("direct", False)), medium=raw.get("medium"))


def build_claim(res: Resolver, idx: EntityIndex, n: int, raw: dict) -> Claim:
    if raw["kind"] not in CLAIM_KINDS:
        raise GoldError(f"{res.art_id}: unknown claim kind {raw['kind']!r}")
    evidence = res.find(raw["evidence"], "claim evidence")
    qty = quantity(res, raw["quantity"], [evidence])
    assert qty is not None
    return Claim(
        id=f"c{n}", kind=raw["kind"], quantity=qty, subject=raw.get("subject"), evidence=evidence,
        period=date_value(raw.get("period")), location=location(idx, raw.get("location")),
        attributed_to=attribution(idx, raw.get("attributed_to")),
    )


def build_document(art: dict, source: Source, outlet_name: str) -> Document:
    """The gold Document of one parsed article YAML."""
    text = article_text(art["title"], art["body"])
    res = Resolver(art["id"], text)
    gold = art.get("gold") or {}
    raw_entities = gold.get("entities") or []
    entities = build_entities(res, raw_entities)
    idx = EntityIndex(res, entities, raw_entities)
    source.outlet = outlet_name
    published = as_date(art["published"])
    return Document(
        id=art["id"], text=text, source=source, title=art["title"].strip(),
        published=DateValue(published, published, "day", None), entities=entities,
        events=[build_event(res, idx, i + 1, e) for i, e in enumerate(gold.get("events") or [])],
        quotes=[build_quote(res, idx, i + 1, q) for i, q in enumerate(gold.get("quotes") or [])],
        claims=[build_claim(res, idx, i + 1, c) for i, c in enumerate(gold.get("claims") or [])],
    )
