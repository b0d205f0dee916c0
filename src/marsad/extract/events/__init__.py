"""The events stage: ACLED-typed incidents with actors, place, date, counts, source and modality.

Pipeline of pure steps (see docs/events.md):

1. :mod:`.triggers` finds trigger words sentence by sentence (clitic-aware, from ``events.yaml``),
   drops frames that name no incident (launches, goals, praise, habits, states), types them by
   nearby context words and reads their modality (``modality.yaml``);
2. :mod:`.drafts` gives each trigger its arguments (:mod:`.arguments`, :mod:`.attribution`,
   :mod:`.dating`) and binds casualty counts (:mod:`.counts`, ``victims.yaml``), leaving totals over
   periods to the claims stage (:mod:`.totals`);
3. :mod:`.merge` settles argument-dependent types and joins the mentions of one incident;
   disagreeing counts are kept for the consistency stage in ``a.scratch["events.conflicts"]``.
"""

from __future__ import annotations

from marsad.document import Counts, Event
from marsad.extract.base import Analysis, stage
from marsad.extract.events.drafts import Draft, drafts
from marsad.extract.events.merge import counts_of, merge, settle

CONFLICTS = "events.conflicts"

__all__ = ["CONFLICTS", "events_stage", "find_events"]


def find_events(a: Analysis) -> list[Draft]:
    """The merged drafts of the document (no writing)."""
    found = drafts(a)
    for d in found:
        settle(a, d)
    return merge(a, found)


@stage("events", requires=("entities",), assigns=("events",))
def events_stage(a: Analysis) -> None:
    """Add the document's events (and note count conflicts for the consistency stage)."""
    conflicts = a.scratch.setdefault(CONFLICTS, [])
    for d in find_events(a):
        a.doc.events.append(_event(a, d))
        conflicts.extend((a.doc.events[-1].id, kind, x, y) for kind, x, y in d.conflicts)


def _event(a: Analysis, d: Draft) -> Event:
    counts = Counts(**{k: q for k, q in counts_of(d, a.text).items() if k in Counts.__slots__})
    return Event(
        id=a.next_id("v", a.doc.events), event_type=d.event_type, sub_event_type=d.sub_event_type,
        trigger=d.trigger, actor1=d.actor1, actor2=d.actor2, location=d.location, date=d.date,
        counts=counts, attributed_to=d.attributed, modality=d.modality,  # type: ignore[arg-type]
        evidence=sorted(d.evidence, key=lambda s: s.start),
    )
