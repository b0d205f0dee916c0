"""What ingest hands to analysis: a cleaned article with its metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.document import DateValue, Removed, Source


@dataclass(slots=True)
class Article:
    """A decoded, cleaned article.

    ``text`` is the clean body every later span indexes; ``removed`` lists the ranges of the
    decoded input that cleaning dropped (offsets into the decoded input, with a reason).  For HTML
    and for records with a title field the "decoded input" is ``title + "\\n\\n" + body text``
    (the extracted body of the page, or the record's text).  ``format`` says which reader made the
    article (``text``, ``html``); ``updated`` is an "updated at" stamp removed from the body, if any.
    """

    text: str
    source: Source = field(default_factory=Source)
    title: str | None = None
    published: DateValue | None = None
    removed: list[Removed] = field(default_factory=list)
    format: str = "text"
    updated: str | None = None
