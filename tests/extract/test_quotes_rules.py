"""The quote stage's rules on short synthetic sentences, with hand-made entity mentions.

The entity stage is not run here: each test names the actors in its text, so the
rules of :mod:`marsad.extract.quotes` are tested on their own.
"""

from __future__ import annotations

import re

import pytest

from marsad.document import Document, Entity, Quote, validate
from marsad.extract.base import Analysis, Mention
from marsad.extract.quotes import find_quotes, quotes_stage
from marsad.kb.base import KnowledgeBase
from marsad.kb.model import Actor, Place

# surface form -> (entity type, kb id, canonical name, gender or place kind)
ACTORS: dict[str, tuple[str, str, str, str | None]] = {
    "سامر الحلبي": ("person", "samer", "سامر الحلبي", "m"),
    "خالد النمر": ("person", "khaled", "خالد النمر", "m"),
    "كريم داود": ("person", "karim", "كريم داود", "m"),
    "هالة يوسف": ("person", "hala", "هالة يوسف", "f"),
    "وزارة الدفاع": ("organization", "mod", "وزارة الدفاع", None),
    "وزارة الصحة": ("organization", "moh", "وزارة الصحة", None),
    "وزارة الخارجية": ("organization", "mofa", "وزارة الخارجية", None),
    "الجيش": ("organization", "army", "الجيش", None),
    "المرصد": ("organization", "observatory", "المرصد", None),
    "لمرصد": ("organization", "observatory", "المرصد", None),
    "الحكومة": ("organization", "gov", "الحكومة", None),
    "الجيش الوطني": ("organization", "national_army", "الجيش الوطني", None),
    "المنظمة": ("organization", "ngo", "المنظمة", None),
    "وكالة الأنباء الرسمية": ("organization", "agency", "وكالة الأنباء الرسمية", None),
    "هيئة الإغاثة": ("organization", "relief", "هيئة الإغاثة", None),
    "أنقرة": ("location", "ankara", "أنقرة", "city"),
    "حلب": ("location", "aleppo", "حلب", "city"),
    "التحالف": ("organization", "coalition", "التحالف", None),
    "الإدارة": ("organization", "admin", "الإدارة المحلية", None),
}
CATEGORIES = {"observatory": "other", "agency": "media", "army": "state_forces", "mod": "government"}


def analyze(text: str, names: tuple[str, ...] = ()) -> Document:
    """Run the quote stage on ``text`` with mentions of every occurrence of ``names``."""
    doc = Document(id="t", text=text)
    actors = {kb: Actor(kb, canon, typ, CATEGORIES.get(kb, "other"), gender=g)
              for typ, kb, canon, g in ACTORS.values() if typ != "location"}
    places = {kb: Place(kb, canon, str(kind), 36.0, 37.0, "SY")
              for typ, kb, canon, kind in ACTORS.values() if typ == "location"}
    a = Analysis(doc, KnowledgeBase(actors=actors, places=places))
    entities: dict[str, Entity] = {}
    mentions = []
    for name in names:
        typ, kb, canon, _ = ACTORS[name]
        ent = entities.setdefault(kb, Entity(f"e{len(entities) + 1}", typ, canon, kb_id=kb,  # type: ignore[arg-type]
                                             category=CATEGORIES.get(kb, "government")))
        for m in re.finditer(re.escape(name), text):
            if not any(x.span.start <= m.start() < x.span.end for x in mentions):
                mentions.append(Mention(doc.span(m.start(), m.end()), ent))
                ent.mentions.append(doc.span(m.start(), m.end()))
    doc.entities = list(entities.values())
    a.mentions = sorted(mentions, key=lambda m: m.span.start)
    quotes_stage(a)
    assert validate(doc) == []
    return doc


def kb(doc: Document, q: Quote) -> str | None:
    ent = doc.entity(q.speaker.entity)
    return ent.kb_id if ent else None


# ---------------------------------------------------------------- speakers and roles


def test_role_before_name_and_reported_content() -> None:
    doc = analyze("قال المتحدث باسم وزارة الدفاع سامر الحلبي إن القوات صدت هجوما على البلدة.",
                  ("سامر الحلبي", "وزارة الدفاع"))
    (q,) = doc.quotes
    assert q.cue.text == "قال"
    assert kb(doc, q) == "samer" and q.speaker.name == "سامر الحلبي"
    assert q.speaker.role == "المتحدث باسم وزارة الدفاع"
    assert q.content.text == "القوات صدت هجوما على البلدة"
    assert q.direct is False


def test_role_after_name_rank_dropped() -> None:
    doc = analyze("وأكد العقيد خالد النمر القائد الميداني في الجيش الوطني أن المعارك مستمرة.",
                  ("خالد النمر", "الجيش الوطني"))
    (q,) = doc.quotes
    assert kb(doc, q) == "khaled"
    assert q.speaker.role == "القائد الميداني في الجيش الوطني"
    assert q.content.text == "المعارك مستمرة"


def test_name_in_apposition_without_entity() -> None:
    doc = analyze("وقال مدير المستشفى، ماهر سليمان، لوكالة الأنباء إن الطواقم تعمل بلا توقف.")
    (q,) = doc.quotes
    assert q.speaker.name == "ماهر سليمان" and q.speaker.entity is None
    assert q.speaker.role == "مدير المستشفى"
    assert q.medium == "interview"


def test_described_speaker_links_the_organisation_named() -> None:
    doc = analyze("وأفاد قيادي في الجيش الوطني بأن الدورية عادت إلى قاعدتها.", ("الجيش الوطني",))
    (q,) = doc.quotes
    assert q.speaker.name == "قيادي في الجيش الوطني"
    assert kb(doc, q) == "national_army"
    doc = analyze("وقال مصدر أمني إن دورية تعرضت لكمين قرب الجسر.")
    (q,) = doc.quotes
    assert q.speaker.name == "مصدر أمني" and q.speaker.entity is None
    assert q.content.text == "دورية تعرضت لكمين قرب الجسر"


def test_subject_before_the_verb() -> None:
    doc = analyze("وكانت الحكومة قالت إن المفاوضات متوقفة منذ أسابيع.", ("الحكومة",))
    (q,) = doc.quotes
    assert kb(doc, q) == "gov" and q.content.text == "المفاوضات متوقفة منذ أسابيع"


def test_relayed_source_is_the_speaker() -> None:
    doc = analyze("ونقلت وكالة الأنباء عن مسؤول محلي قوله إن الطريق ما زال مغلقا.")
    (q,) = doc.quotes
    assert q.speaker.name == "مسؤول محلي"
    assert q.content.text == "الطريق ما زال مغلقا"


# ---------------------------------------------------------------- content


def test_colon_direct_quote_excludes_the_marks() -> None:
    doc = analyze("وقال كريم داود: «لن نتراجع عن قرارنا».", ("كريم داود",))
    (q,) = doc.quotes
    assert q.direct is True and q.content.text == "لن نتراجع عن قرارنا"


def test_direct_quote_across_sentences_keeps_inner_marks() -> None:
    text = 'وقالت المنظمة: «الوضع خطير جدا. نطالب بفتح "ممرات آمنة" فورا».\n\nوفي سياق آخر، هطلت الأمطار.'
    doc = analyze(text, ("المنظمة",))
    (q,) = doc.quotes
    assert q.direct is True
    assert q.content.text == 'الوضع خطير جدا. نطالب بفتح "ممرات آمنة" فورا'


def test_unclosed_quote_runs_to_the_paragraph_end() -> None:
    doc = analyze('وقال الجيش إن "الهجوم فشل تماما.\nوفي خبر آخر، افتتح جسر جديد.', ("الجيش",))
    (q,) = doc.quotes
    assert q.direct is True and q.content.text == "الهجوم فشل تماما"


def test_reported_content_with_a_quoted_word_is_indirect() -> None:
    doc = analyze('وأكد الجيش أن الفصائل "انسحبت" من التلة بعد معارك عنيفة.', ("الجيش",))
    (q,) = doc.quotes
    assert q.direct is False
    assert q.content.text == 'الفصائل "انسحبت" من التلة بعد معارك عنيفة'


def test_object_of_the_cue_is_the_content() -> None:
    doc = analyze("ونددت وزارة الخارجية يوم الأحد بالقصف الذي طال الأحياء السكنية.", ("وزارة الخارجية",))
    (q,) = doc.quotes
    assert q.cue.text == "ونددت"
    assert q.content.text == "بالقصف الذي طال الأحياء السكنية"


def test_short_lead_and_quotation_is_a_direct_quote() -> None:
    doc = analyze('ونددت وزارة الخارجية بما وصفته بـ"جريمة حرب موصوفة".', ("وزارة الخارجية",))
    (q,) = doc.quotes
    assert q.direct is True and q.content.text == "جريمة حرب موصوفة"


# ---------------------------------------------------------------- continuations


def test_participle_continues_the_speaker() -> None:
    doc = analyze("وأكد الجيش أن قواته سيطرت على التلة، مشيرا إلى أن العملية مستمرة.", ("الجيش",))
    first, second = doc.quotes
    assert first.content.text == "قواته سيطرت على التلة"
    assert second.cue.text == "مشيرا" and kb(doc, second) == "army"
    assert second.content.text == "العملية مستمرة"


def test_and_verb_after_comma_cuts_the_content() -> None:
    doc = analyze("وقالت هالة يوسف إن الوضع صعب، وأضافت أن المساعدات لم تصل بعد.", ("هالة يوسف",))
    first, second = doc.quotes
    assert first.content.text == "الوضع صعب"
    assert kb(doc, second) == "hala" and second.content.text == "المساعدات لم تصل بعد"


def test_dropped_subject_follows_the_gender_of_the_cue() -> None:
    text = ("أعلنت وزارة الصحة أن عدد الجرحى ارتفع إلى عشرين. وقال سامر الحلبي إن الطواقم منهكة. "
            "وأضافت أن شحنة أدوية وصلت صباحا.")
    doc = analyze(text, ("وزارة الصحة", "سامر الحلبي"))
    assert [kb(doc, q) for q in doc.quotes] == ["moh", "samer", "moh"]
    text = "وقالت هالة يوسف إن المدرسة أغلقت. وقال كريم داود إن الطريق مفتوح. وتابعت أن الطلاب نقلوا."
    doc = analyze(text, ("هالة يوسف", "كريم داود"))
    assert [kb(doc, q) for q in doc.quotes] == ["hala", "karim", "hala"]


def test_institution_noun_refers_to_the_institution_in_focus() -> None:
    text = "نشرت وزارة الدفاع صورا للموقع. وقالت الوزارة في بيان إن الصور تثبت روايتها."
    doc = analyze(text, ("وزارة الدفاع",))
    (q,) = doc.quotes
    assert kb(doc, q) == "mod" and q.medium == "statement"


def test_statement_as_subject_speaks_for_its_author() -> None:
    text = "وقالت وزارة الخارجية في بيان إن الهجوم مدان. وأكد البيان أن الوزارة ستتابع القضية."
    doc = analyze(text, ("وزارة الخارجية",))
    first, second = doc.quotes
    assert kb(doc, first) == "mofa" and first.medium == "statement"
    assert kb(doc, second) == "mofa" and second.medium == "statement"
    assert second.content.text == "الوزارة ستتابع القضية"


def test_document_nominal_cue() -> None:
    text = 'وقالت وزارة الصحة في بيان إن المستشفيات ممتلئة. وجاء في البيان: "نحتاج إلى دعم عاجل".'
    doc = analyze(text, ("وزارة الصحة",))
    second = doc.quotes[1]
    assert second.cue.text == "وجاء في" and kb(doc, second) == "moh"
    assert second.direct is True and second.content.text == "نحتاج إلى دعم عاجل"


# ---------------------------------------------------------------- nominal cues


def test_sentence_initial_according_to() -> None:
    doc = analyze("وبحسب المرصد، فإن خمسة مدنيين قتلوا في القصف.", ("المرصد",))
    (q,) = doc.quotes
    assert q.cue.text == "وبحسب" and kb(doc, q) == "observatory"
    assert q.content.text == "خمسة مدنيين قتلوا في القصف"
    doc = analyze("ووفقا للمرصد، قتل ثلاثة مقاتلين في الاشتباكات.", ("لمرصد",))
    (q,) = doc.quotes
    assert kb(doc, q) == "observatory" and q.content.text == "قتل ثلاثة مقاتلين في الاشتباكات"


def test_according_to_what_a_source_said() -> None:
    doc = analyze("وقتل ثلاثة مدنيين في القصف، بحسب ما أفاد به المرصد.", ("المرصد",))
    (q,) = doc.quotes
    assert q.cue.text == "أفاد" and kb(doc, q) == "observatory"
    assert q.content.text == "وقتل ثلاثة مدنيين في القصف"


# ---------------------------------------------------------------- not quotes


@pytest.mark.parametrize("text", [
    "قتل ثلاثة مدنيين في القصف، بحسب المرصد.",
    "وأفادت تقارير بأن القصف استمر حتى الفجر.",
    "يذكر أن المدينة شهدت معارك عنيفة العام الماضي.",
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.",
    "وقتل طالب جامعي في القصف.",
    "ويواصل التنظيم تبنّي هجمات متفرقة في المنطقة.",
])
def test_not_a_quote(text: str) -> None:
    assert analyze(text, ("المرصد",)).quotes == []


def test_headline_is_left_to_the_body() -> None:
    text = "الجيش يعلن السيطرة على التلة\n\nأعلن الجيش أن قواته سيطرت على التلة بعد معارك."
    doc = analyze(text, ("الجيش",))
    (q,) = doc.quotes
    assert q.cue.text == "أعلن"


def test_cue_inside_content_is_not_a_new_quote() -> None:
    doc = analyze("وقالت هالة يوسف إن الوزير أكد لها أن الطريق سيفتح.", ("هالة يوسف",))
    assert [q.cue.text for q in doc.quotes] == ["وقالت"]


# ---------------------------------------------------------------- media


@pytest.mark.parametrize(("text", "medium"), [
    ("وقال كريم داود في مؤتمر صحافي إن الهدنة صامدة.", "press_conference"),
    ("وقال كريم داود في تغريدة إن الهدنة صامدة.", "tweet"),
    ("وقال كريم داود في رسالة إلى الأمم المتحدة إن الهدنة صامدة.", "letter"),
    ("وقال كريم داود لقناة محلية إن الهدنة صامدة.", "interview"),
    ("وقال كريم داود في بيان إن الهدنة صامدة.", "statement"),
    ("وقال كريم داود إن الهدنة صامدة.", None),
])
def test_medium(text: str, medium: str | None) -> None:
    (q,) = analyze(text, ("كريم داود",)).quotes
    assert kb(analyze(text, ("كريم داود",)), q) == "karim"
    assert q.medium == medium


def test_medium_named_before_the_cue() -> None:
    text = "وفي مؤتمر صحافي عقد أمس في العاصمة، قال كريم داود إن الهدنة صامدة."
    (q,) = analyze(text, ("كريم داود",)).quotes
    assert q.medium == "press_conference"


def test_find_quotes_does_not_write() -> None:
    doc = Document(id="t", text="وقال مصدر أمني إن الطريق مغلق.")
    a = Analysis(doc, KnowledgeBase(actors={}, places={}))
    found = find_quotes(a)
    assert [q.id for q in found] == ["q1"] and doc.quotes == []


# ---------------------------------------------------------------- later rules


def test_clause_opener_starts_a_new_statement() -> None:
    text = "وقال الجيش إن الهجوم صد، فيما أشار المرصد إلى أن ثلاثة مقاتلين قتلوا."
    doc = analyze(text, ("الجيش", "المرصد"))
    first, second = doc.quotes
    assert first.content.text == "الهجوم صد"
    assert second.cue.text == "أشار" and kb(doc, second) == "observatory"


def test_cue_with_an_object_pronoun() -> None:
    doc = analyze('وانسحبت القوات من البلدة، وهو ما وصفه مراقبون بأنه "خطوة تكتيكية".')
    (q,) = doc.quotes
    assert q.cue.text == "وصفه" and q.speaker.name == "مراقبون"
    assert q.direct is True and q.content.text == "خطوة تكتيكية"


def test_capital_as_speaker() -> None:
    doc = analyze("وقالت أنقرة إن العملية ستستمر حتى تأمين الحدود.", ("أنقرة",))
    (q,) = doc.quotes
    assert kb(doc, q) == "ankara"
    doc = analyze("وقال مسؤول في حلب إن الطريق مغلق.", ("حلب",))
    (q,) = doc.quotes
    assert q.speaker.name == "مسؤول في حلب"


def test_topic_before_the_verb() -> None:
    text = "أما هيئة الإغاثة، التي تعمل في المخيم، فأعلنت في بيان وصول قافلة جديدة."
    doc = analyze(text, ("هيئة الإغاثة",))
    (q,) = doc.quotes
    assert kb(doc, q) == "relief" and q.medium == "statement"
    assert q.content.text == "وصول قافلة جديدة"


def test_pronoun_in_a_description_names_the_organisation() -> None:
    text = "نفت وزارة الدفاع الاتهامات. وقال المتحدث باسمها إن الصور مفبركة."
    doc = analyze(text, ("وزارة الدفاع",))
    assert [kb(doc, q) for q in doc.quotes] == ["mod", "mod"]
    assert doc.quotes[1].speaker.name == "المتحدث باسم وزارة الدفاع"


def test_anonymous_and_self_named_speakers() -> None:
    text = "وقال مسؤول محلي، طالبا عدم الكشف عن اسمه، إن المياه مقطوعة."
    (q,) = analyze(text).quotes
    assert q.speaker.name == "مسؤول محلي" and q.content.text == "المياه مقطوعة"
    text = "وقال أحد سكان الحي، الذي عرّف عن نفسه باسم أبو سامي، إن القصف لم يتوقف."
    (q,) = analyze(text).quotes
    assert q.speaker.name == "أبو سامي" and q.speaker.role == "أحد سكان الحي"


def test_default_medium_of_organisations() -> None:
    (q,) = analyze("وأعلن الجيش أن قواته دخلت البلدة.", ("الجيش",)).quotes
    assert q.medium == "statement"
    (q,) = analyze("وأفاد المرصد بأن قواته دخلت البلدة.", ("المرصد",)).quotes
    assert q.medium is None
    (q,) = analyze("وذكرت وكالة الأنباء الرسمية أن القوات دخلت البلدة.", ("وكالة الأنباء الرسمية",)).quotes
    assert q.medium is None


def test_description_fronted_after_a_clause_opener() -> None:
    text = "ولم يعلق الجيش على الحادث، غير أن مصادر عسكرية قدرت عدد القتلى بعشرة."
    (q,) = analyze(text, ("الجيش",)).quotes
    assert q.cue.text == "قدرت" and q.speaker.name == "مصادر عسكرية"
    assert q.content.text == "عدد القتلى بعشرة"


def test_masculine_noun_after_a_feminine_verb_is_the_object() -> None:
    text = "ونددت الإدارة بالقصف، وطالبت التحالف بفتح تحقيق عاجل."
    doc = analyze(text, ("الإدارة", "التحالف"))
    assert [kb(doc, q) for q in doc.quotes] == ["admin", "admin"]
    assert doc.quotes[1].content.text == "التحالف بفتح تحقيق عاجل"


def test_dropped_subject_named_earlier_in_its_own_sentence() -> None:
    text = ("وقال المرصد إن المعارك مستمرة. وكانت هيئة الإغاثة قد أطلقت حملة في المخيم، "
            "قالت إنها شملت ألف عائلة.")
    doc = analyze(text, ("المرصد", "هيئة الإغاثة"))
    assert [kb(doc, q) for q in doc.quotes] == ["observatory", "relief"]


def test_general_is_a_role_word_not_a_time() -> None:
    text = "وأكد القائد العام للقوات خالد النمر أن المعركة انتهت."
    (q,) = analyze(text, ("خالد النمر",)).quotes
    assert kb(analyze(text, ("خالد النمر",)), q) == "khaled"
    assert q.speaker.role == "القائد العام للقوات"


def test_statement_issued_then_quoted() -> None:
    text = "وأصدرت وزارة الدفاع بيانا جاء فيه أن الطائرات لم تقصف المدينة."
    (q,) = analyze(text, ("وزارة الدفاع",)).quotes
    assert q.cue.text == "جاء فيه" and q.medium == "statement"
    assert kb(analyze(text, ("وزارة الدفاع",)), q) == "mod"
    assert q.content.text == "الطائرات لم تقصف المدينة"


def test_written_in_a_tweet() -> None:
    (q,) = analyze("وكتب كريم داود في تغريدة: «لا صحة لهذه الادعاءات».", ("كريم داود",)).quotes
    assert q.medium == "tweet" and q.direct is True


def test_according_to_a_statement_by() -> None:
    text = "وبحسب بيان صادر عن وزارة الدفاع، فإن الطائرات لم تقصف المدينة."
    (q,) = analyze(text, ("وزارة الدفاع",)).quotes
    assert q.medium == "statement" and q.content.text == "الطائرات لم تقصف المدينة"
    assert kb(analyze(text, ("وزارة الدفاع",)), q) == "mod"


def test_quotation_before_the_cue() -> None:
    (q,) = analyze("«نحن مستعدون لكل الاحتمالات»، قال كريم داود.", ("كريم داود",)).quotes
    assert q.direct is True and q.content.text == "نحن مستعدون لكل الاحتمالات"


def test_medium_between_verb_and_subject() -> None:
    (q,) = analyze("وقال في حديث لقناة الرافدين كريم داود إن الهدنة صامدة.", ("كريم داود",)).quotes
    assert q.speaker.name == "كريم داود" and q.medium == "interview"
    text = "وقالت هالة يوسف في بيان نشرته على موقعها إن الهدنة صامدة."
    (q,) = analyze(text, ("هالة يوسف",)).quotes
    assert q.speaker.name == "هالة يوسف" and q.medium == "statement"


def test_plural_participle_continues() -> None:
    text = "وحمّل الأهالي الفصائل مسؤولية القصف، مؤكدين أن المنازل دمرت."
    doc = analyze(text)
    assert [q.cue.text for q in doc.quotes] == ["وحمّل", "مؤكدين"]
    assert doc.quotes[1].content.text == "المنازل دمرت"


def test_figures_speak_for_their_organisation() -> None:
    doc = analyze("وتشير أرقام المرصد إلى مقتل عشرين مدنيا منذ بداية الشهر.", ("المرصد",))
    (q,) = doc.quotes
    assert kb(doc, q) == "observatory" and q.content.text == "مقتل عشرين مدنيا منذ بداية الشهر"


def test_intransitive_homograph_needs_a_named_subject() -> None:
    assert analyze("وتجدد القتال في المدينة صباح اليوم.").quotes == []
    doc = analyze("وتجدد الحكومة مطالبتها بوقف القصف.", ("الحكومة",))
    assert [kb(doc, q) for q in doc.quotes] == ["gov"]


def test_not_what_would_confirm() -> None:
    text = "ولم يصدر عن الجيش ما يؤكد أو ينفي الرواية، غير أن مصدرا مقربا منه قال إن الحادث عرضي."
    doc = analyze(text, ("الجيش",))
    (q,) = doc.quotes
    assert q.cue.text == "قال" and q.speaker.name == "مصدر مقرب من الجيش"
    assert kb(doc, q) == "army" and q.content.text == "الحادث عرضي"


def test_plural_cue_prefers_a_plural_antecedent() -> None:
    text = "وقالت الحكومة إن الطريق مغلق، فيما لم يعلق الحوثيون على ذلك، واكتفوا بالقول إنهم صدوا هجوما."
    ACTORS["الحوثيون"] = ("organization", "houthis", "جماعة أنصار الله", None)
    try:
        doc = analyze(text, ("الحكومة", "الحوثيون"))
    finally:
        del ACTORS["الحوثيون"]
    assert [kb(doc, q) for q in doc.quotes] == ["gov", "houthis"]
    assert doc.quotes[1].content.text == "صدوا هجوما"


def test_without_saying_is_no_statement() -> None:
    text = "ونعى الجيش أحد عناصره من دون أن يوضح مكان مقتله."
    assert analyze(text, ("الجيش",)).quotes == []
    text = "وحمّل المرصد الفصائل المسؤولية دون أن يسميها في بيانه."
    (q,) = analyze(text, ("المرصد",)).quotes
    assert q.content.text.startswith("الفصائل المسؤولية")


def test_verbal_noun_in_a_text_that_writes_alef_maqsura() -> None:
    text = "وسارع الجيش إلى نفي وقوع إصابات، على ما أفاد المرصد."
    assert [q.cue.text for q in analyze(text, ("الجيش", "المرصد")).quotes] == ["أفاد"]


def test_named_by_a_marker_and_medium_kept_by_the_speaker() -> None:
    text = ('وقال أحد المتظاهرين، ويدعى سامي حداد، لـ"صوت المدينة": "خرجنا لأن الكهرباء مقطوعة". '
            "وتابع حداد أن المحتجين سلميون.")
    ACTORS["حداد"] = ("person", "sami", "سامي حداد", "m")
    try:
        doc = analyze(text, ("حداد",))
    finally:
        del ACTORS["حداد"]
    first, second = doc.quotes
    assert [q.cue.text for q in doc.quotes] == ["وقال", "وتابع"]
    assert first.speaker.name == "سامي حداد" and first.medium == "interview"
    assert second.medium == "interview"


def test_the_cue_preposition_ends_the_subject() -> None:
    text = 'وحذر كريم داود من "كارثة إنسانية وشيكة" في المدينة.'
    (q,) = analyze(text, ("كريم داود",)).quotes
    assert q.speaker.name == "كريم داود" and q.direct is True
    assert q.content.text == "كارثة إنسانية وشيكة"


def test_statement_issued_by_an_organisation_named_after_it() -> None:
    text = ("وقالت هالة يوسف في بيان إن الوضع مستقر. "
            "وأوضح البيان الصادر عن وزارة الدفاع أن الضربات استهدفت مخازن. وأكد البيان أن الجيش مستعد.")
    doc = analyze(text, ("هالة يوسف", "وزارة الدفاع"))
    assert [kb(doc, q) for q in doc.quotes] == ["hala", "mod", "mod"]
    assert [q.medium for q in doc.quotes] == ["statement"] * 3
