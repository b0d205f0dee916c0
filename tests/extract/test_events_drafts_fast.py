"""The fast paths of the events stage's drafts give what their plain definitions give."""

from __future__ import annotations

from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from marsad.document import Span
from marsad.extract.events.drafts import _kept_alone, _reduce
from marsad.extract.events.lexicon import Trigger, TriggerForm, lexicon
from marsad.extract.events.triggers import Candidate

_SUBS = sorted({sub for pair in lexicon().events.get("one_incident", ()) for sub in pair} | {"Armed clash"})


@st.composite
def _candidates(draw: st.DrawFn) -> Candidate:
    sub = draw(st.sampled_from(_SUBS))
    trig = Trigger("t", "Battles", sub, weak=draw(st.booleans()), absorbable=draw(st.booleans()))
    form = TriggerForm(trig, "masdar", draw(st.booleans()))
    return Candidate(form, 3, 3, Span(0, 4, "قصف"), "Battles", sub, generic=draw(st.booleans()),
                     anaphoric=draw(st.booleans()), distinct=draw(st.booleans()))


@given(_candidates(), st.booleans())
def test_a_candidate_alone_is_kept_as_reduce_keeps_it(c: Candidate, self_drop: bool) -> None:
    """:func:`_kept_alone` says what :func:`_reduce` does with a sentence's only
    candidate (also under a rule that drops a sub-type for itself)."""
    events = dict(lexicon().events)
    if self_drop:
        events["one_incident"] = [*events.get("one_incident", ()), [c.sub_event_type, c.sub_event_type]]
    with mock.patch.object(lexicon(), "events", events):
        assert _kept_alone(c) == (_reduce([c]) == [c])
