"""A small corpus of hand-made documents (no extraction involved) for the web tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from marsad.corpus import Corpus
from marsad.document import (
    ActorRef,
    Counts,
    DateValue,
    Document,
    Entity,
    Event,
    Geo,
    Location,
    Quantity,
    Quote,
    Removed,
    Source,
    Speaker,
)
from marsad.ingest import article_id

XSS_TITLE = "عنوان <script>window.__pwned=1</script>"
XSS_BODY = ("خبر تجريبي عن قصف في منبج <script>window.__pwned=1</script> ثم "
            "<img src=x onerror=\"window.__pwned=2\"> وانتهى الخبر.")
XSS_ENTITY = "منبج<b onmouseover=\"window.__pwned=3\">"


def _find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def build_doc(text: str, *, outlet: str, day: date, place: tuple[str, str, float, float] | None = None,
              trigger: str | None = None, kind: tuple[str, str] = ("Explosions/Remote violence",
                                                                    "Air/drone strike"),
              killed: int | None = None, actor: tuple[str, str] | None = None, title: str | None = None,
              speaker: tuple[str, str, str] | None = None) -> Document:
    """One document; ``place`` is (kb id, name as written in text, lat, lon)."""
    doc = Document(id=article_id(text), text=text, title=title or text.split("\n")[0],
                   source=Source(path=f"{outlet}/{day}.txt", outlet=outlet,
                                 outlet_id=outlet.lower().replace(" ", "_")),
                   published=DateValue(day, day, "day"),
                   removed=[Removed(0, 12, "شارك الخبر <script>x</script>", "share")])
    loc = actor_ref = None
    if actor:
        a, b = _find(text, actor[1])
        doc.entities.append(Entity("e1", "organization", actor[1], kb_id=actor[0], category="external_forces",
                                   mentions=[doc.span(a, b)]))
        actor_ref = ActorRef("e1", actor[1])
    if place:
        a, b = _find(text, place[1])
        eid = f"e{len(doc.entities) + 1}"
        doc.entities.append(Entity(eid, "location", place[1], kb_id=place[0],
                                   geo=Geo(place[2], place[3], "SY"), mentions=[doc.span(a, b)]))
        loc = Location(eid, place[1], place[2], place[3], "SY", None, 1)
    if trigger:
        a, b = _find(text, trigger)
        doc.events.append(Event("v1", kind[0], kind[1], doc.span(a, b), actor1=actor_ref, location=loc,
                                date=DateValue(day, day, "day"),
                                counts=Counts(killed=None if killed is None else Quantity(killed, killed)),
                                evidence=[doc.span(0, len(text))]))
    if speaker:
        c0, c1 = _find(text, speaker[1])
        q0, q1 = _find(text, speaker[2])
        doc.quotes.append(Quote("q1", Speaker(None, speaker[0]), doc.span(c0, c1), doc.span(q0, q1)))
    return doc


QUSOUR = ("al_qusour", "حي القصور", 35.335, 40.14)
RAQQA = ("raqqa", "الرقة", 35.95, 39.01)
MANBIJ = ("manbij", "منبج", 36.53, 37.95)
COALITION = ("global_coalition", "التحالف")


def sample_docs() -> list[Document]:
    return [
        build_doc("غارة على حي القصور\n\nشنت طائرات التحالف غارة على حي القصور ما أدى إلى مقتل 14 مدنيا. "
                  "وقال المرصد إن الضحايا من عائلة واحدة.", outlet="Sham Now", day=date(2017, 10, 24),
                  place=QUSOUR, trigger="غارة", killed=14, actor=COALITION,
                  speaker=("المرصد", "قال", "الضحايا من عائلة واحدة")),
        build_doc("مقتل مدنيين بقصف في حي القصور\n\nقتل 11 مدنيا في قصف جوي استهدف حي القصور أمس.",
                  outlet="Mizan Net", day=date(2017, 10, 25), place=QUSOUR, trigger="قصف", killed=11),
        build_doc("معارك في الرقة\n\nاندلعت معارك عنيفة في مدينة الرقة بين فصائل مسلحة.",
                  outlet="Furat Voice", day=date(2017, 10, 20), place=RAQQA, trigger="معارك",
                  kind=("Battles", "Armed clash")),
        build_doc(XSS_BODY, outlet="Evil <script>Outlet</script>", day=date(2017, 10, 26), title=XSS_TITLE,
                  place=(MANBIJ[0], "منبج", MANBIJ[2], MANBIJ[3]), trigger="قصف", killed=2),
    ]


def make_corpus(path: Path, docs: list[Document]) -> Path:
    with Corpus(path) as corpus:
        corpus.add(docs)
        corpus.refresh()
        # an entity whose name carries markup (stored XSS through entity names)
        corpus.conn.execute("UPDATE entities SET canonical = ? WHERE kb_id = 'manbij'", (XSS_ENTITY,))
    return path
