"""Cleaning on invented scraped text: what goes, what stays, and offsets back to the raw input."""

from __future__ import annotations

from marsad.ingest import clean

TITLE = "قصف مدفعي يستهدف أحياء سكنية في مدينة حمص"
P1 = ("قالت مصادر محلية إن قصفاً مدفعياً استهدف أحياء سكنية في مدينة حمص صباح اليوم، "
      "ما أدى إلى أضرار في المنازل.")
P2 = "وأضافت المصادر أن فرق الإسعاف نقلت عدداً من الجرحى إلى المستشفى الوطني في المدينة لتلقي العلاج اللازم."
P3 = ("وتشهد المدينة توتراً أمنياً منذ أسابيع وسط دعوات محلية إلى التهدئة "
      "وحماية المدنيين من آثار المعارك الدائرة.")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _check_offsets(raw: str, cleaned) -> None:
    for r in cleaned.removed:
        assert raw[r.start:r.end] == r.text
    for s in cleaned.segments:
        assert cleaned.text[s.start:s.end] == raw[s.raw_start:s.raw_start + s.end - s.start]


def test_widgets_and_notices_removed_body_kept() -> None:
    raw = "\n".join([
        "Skip to content", "الرئيسية | أخبار | سياسة | اقتصاد | رياضة", "", TITLE, "", "شارك", "طباعة", "A+",
        "", P1, "", "•", "———", "", P2, "", "تحديث 09:15 بتوقيت دمشق", "", P3, "",
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.", "© 2024 جميع الحقوق محفوظة", "",
    ])
    cleaned = clean(raw)
    assert cleaned.text == "\n\n".join([TITLE, P1, P2, P3])
    assert cleaned.title == TITLE
    assert cleaned.stamps == ["تحديث 09:15 بتوقيت دمشق"]
    reasons = {r.reason for r in cleaned.removed}
    assert {"accessibility", "navigation", "share_widget", "font_size_widget", "symbol",
            "update_stamp", "cookie_notice", "copyright"} <= reasons
    _check_offsets(raw, cleaned)


def test_read_also_teaser_and_related_list() -> None:
    raw = "\n".join([
        TITLE, "", P1, "", "اقرأ أيضاً: انفجار عبوة ناسفة على طريق دولي", "", P2, "",
        "أخبار ذات صلة", "مقتل عنصرين في اشتباك قرب الحدود",
        "تظاهرة في ساحة المدينة للمطالبة بالإفراج عن المعتقلين",
        "", P3,
    ])
    cleaned = clean(raw)
    assert cleaned.text == "\n\n".join([TITLE, P1, P2, P3])
    reasons = [r.reason for r in cleaned.removed]
    assert reasons == ["teaser", "related_header", "related_list", "related_list"]
    _check_offsets(raw, cleaned)


def test_short_subheadings_kept_captions_dropped() -> None:
    raw = "\n".join([
        "عاجل", "", TITLE, "", "صورة أرشيفية لأحد أحياء المدينة", "", P1, "", "أضرار كبيرة", "", P2, "",
        "مطالب بالتهدئة", "", P3,
    ])
    cleaned = clean(raw)
    assert _lines(cleaned.text) == [TITLE, "", P1, "", "أضرار كبيرة", "", P2, "", "مطالب بالتهدئة", "", P3]
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        ("عاجل", "section_label"), ("صورة أرشيفية لأحد أحياء المدينة", "caption")]


def test_repeated_lines_and_title_captions() -> None:
    raw = "\n".join([TITLE, TITLE, "", P1, "", P2, "", P1, "", f"({TITLE})", "", P3])
    cleaned = clean(raw)
    assert cleaned.text == "\n\n".join([TITLE, P1, P2, P3])
    assert sorted(r.reason for r in cleaned.removed) == ["duplicate_line", "repeated_title", "repeated_title"]
    _check_offsets(raw, cleaned)


def test_headline_repeated_at_end_becomes_first() -> None:
    raw = "\n".join([P1, P2, P3, TITLE, TITLE, "تسجيل الدخول"])
    cleaned = clean(raw)
    assert cleaned.title == TITLE
    assert cleaned.text == "\n\n".join([TITLE, P1, P2, P3])
    title_seg = cleaned.segments[0]
    assert raw[title_seg.raw_start:title_seg.raw_start + len(TITLE)] == TITLE
    assert cleaned.to_raw(0) == raw.index(TITLE)
    assert cleaned.to_raw(cleaned.text.index(P2)) == raw.index(P2)
    assert cleaned.to_raw(len(TITLE) + 1) is None  # the blank line added between paragraphs


def test_signoff_and_dateline_recorded_then_dropped() -> None:
    raw = "\n".join([TITLE, "", "الخميس 07/03/2024 - 14:20", "", P1, "", P2, "", "سانا"])
    cleaned = clean(raw)
    assert cleaned.text == "\n\n".join([TITLE, P1, P2])
    assert cleaned.outlet_ids == ["sana"]
    assert cleaned.published is not None and cleaned.published.start.isoformat() == "2024-03-07"
    assert cleaned.published.text == "الخميس 07/03/2024 - 14:20"


def test_place_outlet_dateline_in_body_kept_but_recorded() -> None:
    body = "دمشق-سانا: " + P1
    cleaned = clean("\n\n".join([TITLE, body, P2]))
    assert body in cleaned.text
    assert cleaned.outlet_ids == ["sana"]


def test_glued_teaser_lines_in_blank_line_paragraph_text() -> None:
    teaser = "مسؤول محلي يحذر من موجة نزوح جديدة باتجاه المخيمات"
    raw = "\n".join([TITLE, "", P1, "", teaser, P2, "", P3])
    cleaned = clean(raw)
    assert teaser not in cleaned.text and P2 in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["glued_teaser"]


def test_inline_glued_teaser_run_cut() -> None:
    head = "مسؤول محلي: الأوضاع مستقرة في أحياء المدينة"
    line = P1 + "وفي سياق متصل، أكد..." + head + " " + head + " حمص"
    raw = "\n\n".join([TITLE, line, P2])
    cleaned = clean(raw)
    assert P1 in cleaned.text
    assert head not in cleaned.text and "وفي سياق متصل" not in cleaned.text
    (cut,) = cleaned.removed
    assert cut.reason == "glued_teaser" and cut.text.endswith(head + " حمص")
    _check_offsets(raw, cleaned)


def test_inline_plain_repeat_keeps_first_copy() -> None:
    phrase = "وصلت قافلة مساعدات إنسانية إلى المدينة"
    line = "قال مسؤول إن " + phrase + " " + phrase + " صباح اليوم بعد انتظار طويل عند المعبر الحدودي."
    cleaned = clean("\n\n".join([TITLE, line, P2]))
    assert cleaned.text.count(phrase) == 1
    assert "قال مسؤول إن " + phrase + " صباح اليوم" in cleaned.text


def test_when_in_doubt_keep() -> None:
    raw = "ملاحظات ميدانية\n\nهدوء حذر في المدينة\n\nحركة خفيفة في الأسواق\n\nعودة بعض العائلات"
    cleaned = clean(raw)
    assert cleaned.removed == []
    assert cleaned.text == raw


def test_crlf_and_whitespace_only_lines() -> None:
    raw = f"  {TITLE}  \r\n\u00a0\r\n{P1}\r\n\t\r\n{P2}   \r\n"
    cleaned = clean(raw)
    assert cleaned.text == "\n\n".join([TITLE, P1, P2])
    _check_offsets(raw, cleaned)


def test_empty_input() -> None:
    cleaned = clean("\n  \n×\n")
    assert cleaned.text == "" and cleaned.title is None
    assert [r.reason for r in cleaned.removed] == ["symbol"]


def test_short_lede_with_full_stop_kept() -> None:
    lede = "قتل خمسة مدنيين في قصف على المدينة."
    raw = "\n\n".join([TITLE, lede, P1, P2])
    cleaned = clean(raw)
    assert cleaned.text == raw
    assert cleaned.removed == []


def test_trailing_outlet_credit_recorded() -> None:
    cleaned = clean("\n\n".join([TITLE, P1, P2 + " (سانا)"]))
    assert cleaned.outlet_ids == ["sana"]
    assert cleaned.text.endswith("(سانا)")


def test_more_widgets() -> None:
    junk = ["3 تعليقات", "الوسوم: حمص، قصف", "00:00 / 02:35", "عدد المشاهدات: 1,250", "كتب: فلان الفلاني",
            "منذ 3 ساعات", "الرئيسية > أخبار > سوريا", "مشاركة فيسبوك تويتر واتساب", "XS SM MD LG",
            "تابعونا على تيليغرام", "صورة أرشيفية", "آخر تحديث: 07/03/2024 - 14:20"]
    raw = "\n\n".join([TITLE, P1, *junk, P2])
    cleaned = clean(raw)
    assert cleaned.text == "\n\n".join([TITLE, P1, P2])
    assert [r.text for r in cleaned.removed] == junk
    assert cleaned.published is not None and cleaned.published.start.isoformat() == "2024-03-07"


def test_source_credit_line() -> None:
    cleaned = clean("\n\n".join([TITLE, P1, P2, "المصدر: سانا"]))
    assert cleaned.text == "\n\n".join([TITLE, P1, P2])
    assert cleaned.outlet_ids == ["sana"]
    assert [r.reason for r in cleaned.removed] == ["source_credit"]
    unknown = clean("\n\n".join([TITLE, P1, "المصدر: وكالات"]))
    assert unknown.outlet_ids == [] and unknown.text == "\n\n".join([TITLE, P1])


def test_comment_form_and_share_prompts() -> None:
    junk = ["شارك هذا المقال", "فيسبوك تويتر", "التعليقات (0)", "الاسم", "البريد الإلكتروني", "إرسال"]
    cleaned = clean("\n".join([TITLE, "", P1, "", P2, *junk]))
    assert cleaned.text == "\n\n".join([TITLE, P1, P2])
