"""Hand-built documents for corpus tests: no extraction stage is involved, so these tests pin the
corpus layer's own behaviour."""

from __future__ import annotations

from datetime import date

import pytest

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
    Source,
)
from marsad.ingest import article_id


def make_doc(text: str, *, outlet: str, path: str, published: date, events: list[dict] | None = None,
             actors: dict[str, tuple[str, str]] | None = None) -> Document:
    """A document whose events are given as dicts: type, sub, place (kb, name, lat, lon), day, killed..."""
    doc = Document(id=article_id(text), text=text, title=text.split("\n")[0],
                   source=Source(path=path, outlet=outlet, outlet_id=outlet.lower().replace(" ", "_")),
                   published=DateValue(published, published, "day"))
    for kb, (name, category) in (actors or {}).items():
        spans = [doc.span(i, i + len(name)) for i in _find_all(text, name)]
        doc.entities.append(Entity(f"e{len(doc.entities) + 1}", "organization", name, kb_id=kb,
                                   category=category, mentions=spans))
    for n, spec in enumerate(events or [], start=1):
        kb, name, lat, lon = spec["place"]
        pid = f"e{len(doc.entities) + 1}"
        doc.entities.append(Entity(pid, "location", name, kb_id=kb, geo=Geo(lat, lon, "SY", "X"),
                                   mentions=[doc.span(text.index(name), text.index(name) + len(name))]))
        trig = text.index(spec["trigger"])
        actor = next((e for e in doc.entities if e.kb_id == spec.get("actor1")), None)
        day = spec.get("day", published)
        doc.events.append(Event(
            f"v{n}", spec["type"], spec["sub"], doc.span(trig, trig + len(spec["trigger"])),
            actor1=ActorRef(actor.id, actor.canonical) if actor else None,
            location=Location(pid, name, lat, lon, "SY", "X", 1),
            date=DateValue(day, day, "day"),
            counts=Counts(killed=Quantity(*spec["killed"]) if "killed" in spec else None),
            modality=spec.get("modality", "asserted"),
            evidence=[doc.span(0, len(text))]))
    return doc


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


@pytest.fixture
def make():
    """The document factory, for tests that need one more document."""
    return make_doc


QUSOUR = ("al_qusour", "حي القصور", 35.335, 40.14)
RAQQA = ("raqqa", "الرقة", 35.95, 39.01)
ALEPPO = ("aleppo", "حلب", 36.2, 37.16)


@pytest.fixture
def docs() -> list[Document]:
    d1 = make_doc("غارة على حي القصور\n\nشنت طائرات التحالف غارة على حي القصور بدير الزور ما أدى إلى "
                  "مقتل 14 مدنيا.",
                  outlet="Sham Now", path="a/1.txt", published=date(2017, 10, 24),
                  actors={"global_coalition": ("التحالف", "external_forces")},
                  events=[{"type": "Explosions/Remote violence", "sub": "Air/drone strike", "trigger": "غارة",
                           "place": QUSOUR, "actor1": "global_coalition", "killed": (14, 14)}])
    d2 = make_doc("مقتل مدنيين بقصف في دير الزور\n\nقتل 11 مدنيا في قصف جوي استهدف حي القصور، وقالت "
                  "مصادر إن ميليشيا قسد الإرهابية انسحبت من المنطقة.",
                  outlet="Mizan Net", path="b/2.txt", published=date(2017, 10, 25),
                  actors={"sdf": ("قسد", "rebel_group")},
                  events=[{"type": "Explosions/Remote violence", "sub": "Air/drone strike", "trigger": "قصف",
                           "place": QUSOUR, "killed": (11, 11), "day": date(2017, 10, 24)}])
    d3 = make_doc("تحرير الرقة\n\nأعلنت قسد تحرير مدينة الرقة بالكامل من تنظيم داعش بعد معارك عنيفة.",
                  outlet="Furat Voice", path="c/3.txt", published=date(2017, 10, 20),
                  actors={"sdf": ("قسد", "rebel_group"), "isis": ("داعش", "rebel_group")},
                  events=[{"type": "Battles", "sub": "Non-state actor overtakes territory",
                           "trigger": "تحرير", "place": RAQQA, "actor1": "sdf"}])
    d4 = make_doc("اشتباكات في حلب\n\nاندلعت اشتباكات عنيفة في مدينة حلب بين فصائل مسلحة.",
                  outlet="Khaleej Press", path="d/4.txt", published=date(2020, 1, 5),
                  events=[{"type": "Battles", "sub": "Armed clash", "trigger": "اشتباكات", "place": ALEPPO}])
    return [d1, d2, d3, d4]
