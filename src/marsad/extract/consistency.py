"""The consistency stage: warnings where one article disagrees with itself.

When the article gives different counts for one incident (14 killed and "more than forty" wounded,
later 14 killed and 32 wounded), the event keeps the first figure and an ``inconsistent_count``
warning names both quantities.  The events stage notes the disagreements while merging mentions.
"""

from __future__ import annotations

from marsad.document import Quantity, Warning
from marsad.extract.base import Analysis, stage
from marsad.extract.events import CONFLICTS

__all__ = ["consistency_stage", "count_warnings"]


def _show(q: Quantity) -> str:
    if q.low is not None and q.low == q.high:
        return str(q.low)
    if q.high is None:
        return f"{q.low} or more"
    return f"{q.low}-{q.high}"


def count_warnings(a: Analysis) -> list[Warning]:
    """One ``inconsistent_count`` warning per disagreeing pair of counts of one event."""
    out = []
    seen = set()
    for event_id, kind, first, other in a.scratch.get(CONFLICTS, ()):
        key = (event_id, kind, first.low, first.high, other.low, other.high)
        if key in seen:
            continue
        seen.add(key)
        spans = [q.span for q in (first, other) if q.span is not None]
        message = (f"event {event_id}: {kind} given as {_show(first)} and as {_show(other)}; "
                   f"the event keeps {_show(first)}")
        out.append(Warning("inconsistent_count", message, spans))
    return out


@stage("consistency", requires=("events",), assigns=("warnings",))
def consistency_stage(a: Analysis) -> None:
    """Add count warnings to the document."""
    a.doc.warnings.extend(count_warnings(a))
