"""The quotes stage: who said what, in what capacity, through which medium.

``find_quotes(a)`` is the pure finder; the stage writes its result into
``a.doc.quotes``.  Conventions (see also ``kb/data/cues.yaml``):

* one quote per reporting cue, continuations included ("وأضافت", "، مشيرا إلى");
* ``content`` is what was said: for a direct quote the text between the outer
  quotation marks (marks excluded; inner marks kept); for reported speech the text
  after أن / إن / بأن or a colon (or the object of "أكد", "رحب بـ", ...) to the end of
  the statement or the next continuation cue; ``direct`` is true only when the
  content is one quotation opening right after the cue's subject, colon or إن;
* ``speaker.name`` is the entity's canonical name for a named speaker, the
  description itself for a described one ("مصدر أمني", "قيادي من قوات سوريا
  الديمقراطية"), whose ``entity`` is the organisation named in the description (or
  null); ``speaker.role`` is the capacity written beside a person's name, ranks
  ("العقيد") dropped;
* a statement as subject ("وأكد البيان") speaks for the author of the latest
  statement; dropped subjects and institution nouns ("وقالت الوزارة") go to the
  speaker or actor in focus (:mod:`marsad.extract.quotes.discourse`);
* medium: statement, press_conference, letter, interview (remarks to a named outlet,
  "لقناة العربية", count as an interview), tweet, post, report, speech, video, or null.
"""

from __future__ import annotations

from marsad.document import Quote
from marsad.extract.base import Analysis, stage

__all__ = ["find_quotes", "quotes_stage"]


def find_quotes(a: Analysis) -> list[Quote]:
    """The quotes of ``a.doc`` (ids q1, q2, ... in text order), without writing them."""
    from marsad.extract.quotes.context import Ctx
    from marsad.extract.quotes.finder import find

    return [s.quote for s in find(Ctx(a))]


@stage("quotes", requires=("entities",), assigns=("quotes",))
def quotes_stage(a: Analysis) -> None:
    """Add the document's quotes (after any already there)."""
    offset = len(a.doc.quotes)
    for n, q in enumerate(find_quotes(a), start=offset + 1):
        q.id = f"q{n}"
        a.doc.quotes.append(q)
