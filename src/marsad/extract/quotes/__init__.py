"""The quotes stage: who said what, in what capacity, through which medium.

``find_quotes(a)`` is the pure finder; the stage writes its result into
``a.doc.quotes``.  The language knowledge (cue verbs in all their forms, nominal
cues, media words, role nouns, institution nouns...) is in ``kb/data/cues.yaml``.
Conventions:

* **One quote per reporting cue**, continuations included ("وأضافت", "، مشيرا إلى"):
  a participle after a comma, a و-verb after a comma and a verb after a clause
  opener ("كما", "فيما", "في حين") end the content before them.  A cue inside
  another quote's content or inside quotation marks is part of what was said;
  a negated cue ("لم تعلن") and impersonal formulas ("يذكر أن") are not cues;
  headlines (short lines without a full stop) are left to the body they repeat.
* **Content** is what was said.  A direct quote's content is the text between the
  outer quotation marks (marks excluded, inner marks kept, across sentences and
  paragraphs; an unclosed mark runs to the end of its paragraph).  Reported content
  runs from after أن / إن / بأن or a colon (or the object of "أكد", "رحب بـ", "دعا
  إلى") to the end of the statement or the next continuation cue.  When the object
  is a quotation with a lead of at most three words ("بما وصفته بـ"جريمة حرب"",
  "عن "قلقها العميق""), the quotation is the content.  ``direct`` is true exactly
  when the content is a quotation; a framed quotation ("أن التحالف: «...»") is kept
  whole and is not direct.
* **Speaker**: the subject of the cue, after the verb (Arabic's usual order) or
  before it ("وكانت الوزارة قالت", "أما الهيئة ... فأعلنت", "غير أن مصادر ... قدرت").
  A named person: ``name`` the entity's canonical name, ``role`` the capacity
  written beside the name (ranks such as "العقيد" dropped).  An organisation (or a
  country or city speaking, "قالت أنقرة"): its canonical name, no role.  A speaker
  described by role only ("مصدر أمني", "قيادي من قوات سوريا الديمقراطية"): ``name``
  is the description, ``role`` null, ``entity`` the organisation named in the
  description (or referred to by a pronoun, "المتحدث باسمها"), else null.  Not
  speakers: reports, figures, studies ("تقارير", "إحصائية").
* **Anaphora** (:mod:`.discourse`): a dropped subject ("وأضافت") or an institution
  noun ("وقالت الوزارة") goes to the speaker of the quote just before when it agrees
  (gender; the noun is one of its names), else to the first agreeing actor named
  in this or the previous sentence, else to the latest agreeing speaker outside
  background narration ("وكانت ... قالت").  A statement as subject ("وأكد البيان")
  speaks for the author of the latest quote given in a statement.
* **Nominal cues**: "وبحسب X، ..." / "ووفقا لـX، ..." at the head of a sentence, and
  "بحسب ما أفاد به X" anywhere, are quotes; a trailing "...، بحسب X" attributes a
  fact (events and claims carry it) and is not.  "وجاء في بيان X: ..." is X's quote.
* **Medium**: statement, press_conference, letter, interview, tweet, post, report,
  speech or video when the text names it (after the subject, or earlier in the
  sentence: "وفي مؤتمر صحافي ...، قال"); remarks addressed to a named outlet
  ("لقناة العربية", "لـ"الخليج برس"") are an interview.  A continuation keeps the
  medium of the quote it continues.  An organisation that speaks without a medium
  named speaks by statement, unless it is an outlet or a monitor or the cue only
  reports ("أفاد", "ذكر").
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
