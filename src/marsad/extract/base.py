"""What every extraction stage shares: the per-document :class:`Analysis` and the stage protocol.

A stage is a plain function ``stage(a: Analysis) -> None`` that reads ``a.doc`` (and the cached
linguistic views on ``a``) and adds to the document.  Stages are registered with :func:`stage`, which
records what each one needs and adds, so the pipeline can check the order when it is built.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from marsad.document import Document, Entity, Span

if TYPE_CHECKING:  # imported lazily: loading the KB or the Arabic tables is not free
    from marsad.kb import KnowledgeBase

StageFn = Callable[["Analysis"], None]


@dataclass(frozen=True)
class StageSpec:
    name: str
    fn: StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


REGISTRY: dict[str, StageSpec] = {}


def stage(name: str, *, requires: Iterable[str] = (),
          assigns: Iterable[str] = ()) -> Callable[[StageFn], StageFn]:
    """Register ``fn`` as the stage ``name`` (built-in and user stages register the same way)."""

    def register(fn: StageFn) -> StageFn:
        REGISTRY[name] = StageSpec(name, fn, tuple(requires), tuple(assigns))
        return fn

    return register


def find_all(text: str, chars: str) -> list[int]:
    """Offsets of every occurrence of each of ``chars`` in ``text``, in order (a string search per
    character: far cheaper than a regex scan of the whole text when they are rare)."""
    found: list[int] = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            found.append(i)
            i = text.find(c, i + 1)
    found.sort()
    return found


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text, as found by the entity stage."""

    span: Span
    entity: Entity
    resolved_by: str = "match"      # "match" | "coref" | "role"


@dataclass
class Analysis:
    """A document under analysis, with its linguistic views computed once, on demand."""

    doc: Document
    kb: KnowledgeBase
    mentions: list[Mention] = field(default_factory=list)   # filled by the entity stage, sorted by start
    scratch: dict[str, Any] = field(default_factory=dict)   # stage-to-stage notes (namespaced keys)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def reference_date(self) -> date | None:
        """The date relative expressions resolve against: the publication date, if known."""
        pub = self.doc.published
        return pub.start if pub is not None else None

    @cached_property
    def sentences(self) -> list[Span]:
        from marsad.arabic import sentences

        return sentences(self.text)

    @cached_property
    def normalized(self) -> Any:
        from marsad.arabic import normalize

        return normalize(self.text)

    @cached_property
    def tokens(self) -> list[Any]:
        from marsad.arabic import tokens

        return tokens(self.text)

    @cached_property
    def quantities(self) -> list[Any]:
        from marsad.arabic import find_quantities

        return find_quantities(self.text)

    @cached_property
    def dates(self) -> list[tuple[Span, Any]]:
        from marsad.arabic import find_date_spans

        return find_date_spans(self.text, self.reference_date)

    # ------------------------------------------------------------ mention look-ups

    def sentence_of(self, offset: int) -> Span | None:
        """The sentence containing ``offset``."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Entity mentions lying inside ``[start, end)``, in text order."""
        return [m for m in self.mentions if start <= m.span.start and m.span.end <= end]

    def mention_at(self, offset: int) -> Mention | None:
        """The mention covering ``offset``, if any."""
        return next((m for m in self.mentions if m.span.start <= offset < m.span.end), None)

    def next_id(self, prefix: str, items: list[Any]) -> str:
        return f"{prefix}{len(items) + 1}"
