"""Hypothesis strategies shared by the Arabic tests: Arabic-heavy soup and arbitrary Unicode."""

from __future__ import annotations

from hypothesis import strategies as st

ARABIC_SOUP = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" "أإآٱىةؤئء" "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
    "\u0640" "٠١٢٣٤٥٦٧٨٩۰۱۲۳" "0123456789" "،؛؟«»“”…—.,!?\"'()/-:%٫٬٪"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\ufeff\u061c\u00ad"
    " \t\n\r\u00a0\u2003\u2028" "ﻻﻷﺍﺏﷲ" "abcXYZé"
)
WORDS = ("في", "عام", "نحو", "أكثر", "من", "ما", "يزيد", "على", "بين", "و", "إلى", "كانون", "الأول", "أيار",
         "تشرين", "الثاني", "الماضي", "مطلع", "منذ", "أمس", "الثلاثاء", "ستة", "عشر", "آلاف", "عشرات",
         "مئة", "ألفا", "2017", "25", "30", "-", "/", "(", ")", "رمضان", "1444", "هـ", "الشهر", "الحالي",
         "24.10.2017", "18/02/2023", "20:35", "القرار", "2254", "%", "قتيلين", "اثنين", "،", ".",
         "وللأيام", "الثلاثة", "الماضية", "قبل", "يومين", "الـ24", "ساعة", "الخامس", "شهر", "ونصف", "ألف")

soup = st.text(alphabet=ARABIC_SOUP, max_size=80)
anything = st.text(max_size=60)
phrases = st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)
mixed = st.one_of(soup, anything, phrases)
