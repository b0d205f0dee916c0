"""Golden quotes of the five real seed articles (read from ``../shared/seeds``, never copied here).

Every statement of every seed is listed: cue, speaker (knowledge-base id, or the name for a
speaker the knowledge base lacks), role, direct flag, medium, and the first and last three words
of the content.  The entity stage runs first, as in the pipeline.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pytest

from marsad.document import Document, validate
from marsad.ingest.article import Article

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


class Q(NamedTuple):
    cue: str
    kb_id: str | None
    name: str
    role: str | None
    direct: bool
    medium: str | None
    head: str
    tail: str


EXPECTED: dict[str, list[Q]] = {
    "000": [
        Q('أعلنت', 'us_state_department', 'وزارة الخارجية الأمريكية',
          None, False, 'statement',
          'الدول المشاركة في', '"قسد" شرق سوريا'),
        Q('وقالت', 'us_state_department', 'وزارة الخارجية الأمريكية',
          None, False, 'statement',
          'الوزراء رحبوا بجهود', 'روسيا) شرق سوريا'),
        Q('وأكد', 'us_state_department', 'وزارة الخارجية الأمريكية',
          None, True, 'statement',
          'تنظيم داعش لم', 'على هذا الوضع'),
        Q('أشار', 'us_state_department', 'وزارة الخارجية الأمريكية',
          None, True, 'statement',
          'منذ أكتوبر/ تشرين', '138 ألف مدني'),
        Q('وجاء في', 'us_state_department', 'المكتب الصحفي للوزارة',
          None, True, 'statement',
          'حتى في أصعب', 'من العام الماضي'),
        Q('وقالت', 'russia_mod', 'وزارة الدفاع الروسية',
          None, True, 'statement',
          'نشرت وزارة الدفاع', 'ومرافق دعم الحياة'),
        Q('وأشار', 'russia_mod', 'وزارة الدفاع الروسية',
          None, False, 'statement',
          'الوضع الإنساني في', 'المدنية كل أسبوع'),
        Q('وأعلنت', 'sdf', 'قوات سوريا الديمقراطية',
          None, False, 'statement',
          'استئناف المعركة لاستعادة', 'شمال غربي سوريا'),
        Q('أعلنت', 'sdf', 'قوات سوريا الديمقراطية',
          None, False, 'statement',
          'انطلاق عملية "عاصفة', 'لمحافظة دير الزور'),
        Q('موضحة', 'sdf', 'قوات سوريا الديمقراطية',
          None, True, 'statement',
          'تستهدف تحرير ما', 'دير الزور الشرقي'),
    ],
    "001": [
        Q('أعلنت', 'heather_nauert', 'هيذر ناورت',
          'المتحدثة باسم وزارة الخارجية الأميركية', False, None,
          'الولايات المتحدة والتحالف', 'داعش في سورية'),
        Q('وأضافت', 'heather_nauert', 'هيذر ناورت',
          'المتحدثة باسم وزارة الخارجية الأميركية', False, 'statement',
          'القتال سيكون صعبا،', 'نصيب التحالف وشركائه'),
        Q('مشددة', 'heather_nauert', 'هيذر ناورت',
          'المتحدثة باسم وزارة الخارجية الأميركية', False, 'statement',
          'القوات سترد على', 'توشك أن تنتهي'),
        Q('وأوضح', 'heather_nauert', 'هيذر ناورت',
          'المتحدثة باسم وزارة الخارجية الأميركية', False, 'statement',
          'التحالف سيعمل مع', 'ضد التنظيم المتطرف'),
        Q('وشدد', 'heather_nauert', 'هيذر ناورت',
          'المتحدثة باسم وزارة الخارجية الأميركية', False, 'statement',
          'الولايات المتحدة تعمل', 'الاستقرار في سورية'),
        Q('أعلنت', 'sdf', 'قوات سوريا الديمقراطية',
          None, False, 'statement',
          'بدء معركة جديدة', 'الزور شرقي سورية'),
        Q('وقالت', 'sdf', 'قوات سوريا الديمقراطية',
          None, False, 'statement',
          'المرحلة النهائية من', 'بقيادة الولايات المتحدة'),
        Q('وقالت', 'lilwa_abdullah', 'ليلوى العبدالله',
          'الناطقة الرسمية باسم عاصفة الجزيرة', True, None,
          'الحملة تهدف لإنهاء', 'واحدة وإلى الأبد'),
        Q('ورحبت', 'lilwa_abdullah', 'ليلوى العبدالله',
          'الناطقة الرسمية باسم عاصفة الجزيرة', True, 'statement',
          'بدعم التحالف الدولي', 'العراقية للحملة العسكرية'),
        Q('أكد', 'ahmed_abu_khawla', 'أحمد أبو خولة',
          'قائد مجلس دير الزور العسكري', True, None,
          'غرفة عمليات مشتركة', 'مع القوات العراقية'),
        Q('مشيرا', 'ahmed_abu_khawla', 'أحمد أبو خولة',
          'قائد مجلس دير الزور العسكري', True, None,
          'قوات التحالف الدولي', 'الأخيرة من الهجوم'),
    ],
    "002": [
        Q('نددت', 'syria_mofa', 'وزارة الخارجية والمغتربين',
          None, False, 'statement',
          'بالمجازر التي ارتكبها', 'دير الزور والرقة'),
        Q('مطالبة', 'syria_mofa', 'وزارة الخارجية والمغتربين',
          None, False, 'statement',
          'مجلس الأمن بالاضطلاع', 'بقرارات مكافحة الإرهاب'),
        Q('وقالت', 'syria_mofa', 'وزارة الخارجية والمغتربين',
          None, True, 'letter',
          'الطيران الحربي التابع', 'من النساء والأطفال'),
        Q('واضافت', 'syria_mofa', 'وزارة الخارجية والمغتربين',
          None, True, 'letter',
          'استهداف (التحالف الدولي)', 'محافظة دير الزور'),
        Q('واشارت', 'syria_mofa', 'وزارة الخارجية والمغتربين',
          None, True, 'statement',
          'مسرحية تحرير مدينة', 'محافظة دير الزور'),
        Q('واعتبرت', 'syria_mofa', 'وزارة الخارجية والمغتربين',
          None, True, 'statement',
          'إسراع هذا التحالف', 'ووحدة وسلامة أراضيها'),
        Q('اعلنت', 'sdf', 'قوات "سوريا الديمقراطية" (قسد)',
          None, False, 'statement',
          'السيطرة بشكل كامل', '"الدولة الإسلامية" (داعش)'),
        Q('قالت', 'us_state_department', 'وزارة الخارجية الأمريكية',
          None, False, 'statement',
          'الولايات المتحدة سوف', 'داعش في الرقة'),
        Q('وعبرت', 'syria_mofa', 'وزارة الخارجية والمغتربين',
          None, True, 'statement',
          'إدانتها بأشد العبارات', 'قادرة على تبريرها'),
        Q('وجددت', 'syria_mofa', 'وزارة الخارجية والمغتربين',
          None, True, 'statement',
          'بحل فوري للتحالف', '2253 لعام 2015'),
        Q('وكشف', 'global_coalition', 'التحالف الدولي',
          None, False, 'report',
          'ما لا يقل', '(داعش) في 2014'),
    ],
    "003": [
        Q('أعلن', 'global_coalition', 'التحالف الدولي',
          None, False, 'statement',
          'قوات سوريا الديمقراطية', 'الرقة شرق سوريا'),
        Q('وأضاف', 'global_coalition', 'التحالف الدولي',
          None, False, 'statement',
          'العملية أعاقت بشكل', 'من الأسلحة والوثائق'),
        Q('وأعلن', 'sdf', 'قيادي من قوات سوريا الديمقراطية (قسد)',
          None, False, 'interview',
          'فرض حظر تجوال', 'مدينة الرقة السورية'),
        Q('قال', 'global_coalition', 'التحالف الدولي',
          None, False, 'statement',
          'قوات قسد "طهرت"', 'من عناصر داعش'),
        Q('مشيراً', 'global_coalition', 'التحالف الدولي',
          None, False, 'statement',
          'التزامه معها بإزالة', 'التنظيم من المنطقة'),
        Q('وأعلنت', 'sdf', 'قوات سوريا الديمقراطية',
          None, False, 'statement',
          'أحبطت نهاية العام', 'في شمال البلاد'),
        Q('أعلن', 'isis', 'تنظيم الدولة الإسلامية',
          None, False, 'statement',
          'مسؤوليته عن الهجوم', 'من القوات الكردية'),
        Q('وقال', 'isis', 'تنظيم الدولة الإسلامية',
          None, False, 'statement',
          'اثنين من مقاتليه', 'أحدهما من الفرار'),
        Q('أعلن', 'raqqa_civil_council', 'مجلس الرقة المدني',
          None, False, 'statement',
          'حالة طوارئ وحظراً', 'للتجول في المدينة'),
        Q('أكد', 'nicholas_granger', 'نيكولاس غرانغر',
          'الممثل الأمريكي لشمال وشرق سوريا', False, None,
          'دعم بلاده للمشاريع', 'لشمال وشرق سوريا'),
        Q('أوضح', 'talat_yunis', 'طلعت يونس',
          'الرئيس المشترك للمجلس التنفيذي في إقليم الجزيرة', False, None,
          'أهمية هذه الزيارة', 'أهمية هذه الزيارة'),
        Q('مشيراً', 'talat_yunis', 'طلعت يونس',
          'الرئيس المشترك للمجلس التنفيذي في إقليم الجزيرة', False, None,
          'تأكيد المبعوث الأمريكي', 'التهديدات على المنطقة'),
        Q('ذكر', 'talat_yunis', 'طلعت يونس',
          'الرئيس المشترك للمجلس التنفيذي في إقليم الجزيرة', False, None,
          'تطرّقوا إلى الوضع', 'على الأمن والاستقرار'),
        Q('وأبدى', 'nicholas_granger', 'نيكولاس غرانغر',
          'مبعوث الخارجية الأمريكية', False, None,
          'دعم بلاده لما', 'نموذج يحتذى به'),
        Q('مؤكداً', 'nicholas_granger', 'نيكولاس غرانغر',
          'مبعوث الخارجية الأمريكية', False, None,
          'دعم الاستقرار في', 'تركي على المنطقة'),
        Q('وأشار', 'nicholas_granger', 'نيكولاس غرانغر',
          'الممثل الأمريكي لشمال وشرق سوريا', False, None,
          'استمرار دعم المشاريع', 'شمال وشرق سوريا'),
        Q('ودعا', None, 'المسؤولون الأمريكيون',
          None, False, None,
          'وقف التصعيد لأنه', 'تنظيم داعش الإرهابي'),
        Q('أكد', 'antony_blinken', 'أنطوني بلينكن',
          'وزير الخارجية الأمريكي', False, 'interview',
          'أي توغل عسكري', 'تنظيم (داعش) للخطر'),
        Q('داعياً', 'antony_blinken', 'أنطوني بلينكن',
          'وزير الخارجية الأمريكي', False, 'interview',
          'حل الخلافات بعيداً', 'عن الحلول العسكرية'),
    ],
    "004": [
        Q('تعهد', 'global_coalition', 'التحالف الدولي',
          None, False, 'statement',
          'بتقديم الدعم والمساعدات', 'شمال شرقي سوريا'),
        Q('وأعلن', 'myles_caggins', 'مايلز كاغينز',
          'المتحدث الرسمي للتحالف', False, None,
          'قوات التحالف و«قوات', 'خلايا تنظيم «داعش»'),
        Q('قال', 'myles_caggins', 'مايلز كاغينز',
          'المتحدث الرسمي للتحالف الدولي', True, 'press_conference',
          'ننسق مع (قوات', 'لهم والعمل المشترك'),
        Q('وأشار', 'myles_caggins', 'مايلز كاغينز',
          'المتحدث الرسمي للتحالف الدولي', False, 'press_conference',
          'المرحلة الأخيرة من', '(داعش) في الحدود»'),
        Q('ولفت', 'myles_caggins', 'مايلز كاغينز',
          'المتحدث الرسمي للتحالف', False, 'press_conference',
          'العديد من الشركات', 'المنتشرة شرقي الفرات'),
        Q('وأضاف', 'myles_caggins', 'مايلز كاغينز',
          'المتحدث الرسمي للتحالف', False, 'press_conference',
          'الملايين من الدولارات:', 'الخدمات لمختلف المكونات»'),
        Q('أكد', 'kino_gabriel', 'كينو كبرييل',
          'الناطق الرسمي لـ«قوات سوريا الديمقراطية»', False, None,
          'التحالف: «يدعم المجالس', 'الحياة إلى طبيعتها»'),
        Q('مضيفاً', 'kino_gabriel', 'كينو كبرييل',
          'الناطق الرسمي لـ«قوات سوريا الديمقراطية»', False, None,
          'هذه المناطق تتعرض', 'وتهديد أمنها واستقرارها»'),
        Q('منوهاً', 'kino_gabriel', 'كينو كبرييل',
          'الناطق الرسمي لـ«قوات سوريا الديمقراطية»', False, None,
          'تركيا لم تلتزم', 'الأول) العام الماضي'),
    ],
}


@lru_cache(maxsize=8)
def analyzed(prefix: str) -> Document:
    from marsad import pipeline

    paths = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip(f"seed articles not found in {SEEDS}")
    return pipeline.build(["entities", "quotes"]).analyze(Article(text=paths[0].read_text(encoding="utf-8")))


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_document_is_valid(prefix: str) -> None:
    assert validate(analyzed(prefix)) == []


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_cues(prefix: str) -> None:
    """One quote per reporting cue, in text order, and no other."""
    assert [q.cue.text for q in analyzed(prefix).quotes] == [e.cue for e in EXPECTED[prefix]]


@pytest.mark.parametrize(("prefix", "n"), [(p, n) for p, qs in EXPECTED.items() for n in range(len(qs))])
def test_seed_quote(prefix: str, n: int) -> None:
    doc = analyzed(prefix)
    if n >= len(doc.quotes):
        pytest.fail(f"quote {n + 1} of {prefix} missing")
    q, e = doc.quotes[n], EXPECTED[prefix][n]
    ent = doc.entity(q.speaker.entity)
    assert q.cue.text == e.cue
    assert (ent.kb_id if ent else None) == e.kb_id, q.speaker
    assert q.speaker.name == e.name or (e.kb_id is not None and ent is not None)
    assert q.speaker.role == e.role
    assert (q.direct, q.medium) == (e.direct, e.medium)
    words = q.content.text.split()
    assert " ".join(words[:3]) == e.head
    assert " ".join(words[-3:]) == e.tail


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_through_ingest(prefix: str) -> None:
    """Read as the pipeline reads them (boilerplate removed, title and date apart): the same quotes."""
    from marsad import pipeline
    from marsad.ingest import read_file

    paths = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip(f"seed articles not found in {SEEDS}")
    doc = pipeline.build(["entities", "quotes"]).analyze(next(iter(read_file(paths[0]))))
    assert validate(doc) == []
    assert [q.cue.text for q in doc.quotes] == [e.cue for e in EXPECTED[prefix]]
    assert [" ".join(q.content.text.split()[:3]) for q in doc.quotes] == [e.head for e in EXPECTED[prefix]]
