"""Entity stage speed: automaton build once per KB, then articles per second on one core.

Articles are generated (seeded) from the shipped knowledge base's names, role
phrases and generic nouns mixed with filler words, about 500 words each, so
they exercise matching, context rules, people and coreference.
"""

from __future__ import annotations

import random
import time

FILLER_TEXT = (
    "قال إن الوضع في المنطقة ما زال متوترا بعد أيام من المواجهات التي شهدتها الأحياء الشرقية "
    "وأضاف أن الفرق الطبية تعمل على نقل المصابين إلى المستشفيات القريبة وسط نقص في الأدوية "
    "وأشار إلى أن الطرق الرئيسية أغلقت أمام حركة المدنيين منذ مساء أمس وأن الأهالي ينتظرون "
    "وصول المساعدات كما أكد مصدر محلي أن الاشتباكات توقفت صباح اليوم قبل أن تتجدد بعد الظهر"
)
EXTRA = ("وقال المتحدث الرسمي باسم", "وأعلن العقيد", "وقالت الوزارة", "وأكد التنظيم", "بالقرب من",
         "في ريف", "وقال قائد", "نيكولاس غرانغر", "(سامر الحلبي)", "وأضاف الحلبي")
WORDS = 500


def _names(kb: object, rng: random.Random, n: int = 400) -> list[str]:
    names = [form for form, _kind, _id in kb.all_names()]  # type: ignore[attr-defined]
    rng.shuffle(names)
    return names[:n]


def make_articles(count: int, seed: int = 7) -> list[str]:
    """``count`` generated articles of about :data:`WORDS` words."""
    from marsad.kb import load_kb

    rng = random.Random(seed)
    names = _names(load_kb(), rng)
    filler = FILLER_TEXT.split()
    out = []
    for _ in range(count):
        words: list[str] = []
        while len(words) < WORDS:
            roll = rng.random()
            if roll < 0.08:
                words.append(rng.choice(names))
            elif roll < 0.11:
                words.append(rng.choice(EXTRA))
            else:
                words.append(rng.choice(filler))
        out.append(" ".join(words) + ".")
    return out


def bench(quick: bool) -> list[dict]:
    from marsad.extract.entities import find_entities
    from marsad.extract.entities.matcher import matcher_for
    from marsad.kb import load_kb

    kb = load_kb()
    t0 = time.perf_counter()
    matcher = matcher_for(kb)
    build_ms = (time.perf_counter() - t0) * 1000
    articles = make_articles(60 if quick else 600)
    find_entities(articles[0], kb)             # warm the lazy tables
    mentions = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for text in articles:
        mentions += len(find_entities(text, kb)[1])
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = len(articles)
    note = f"{n} generated articles of ~{WORDS} words, one process, normalisation included"
    return [
        {"stage": "entities", "metric": "automaton build", "value": build_ms, "unit": "ms",
         "note": f"{matcher.size:,} keys, once per knowledge base"},
        {"stage": "entities", "metric": "throughput (wall)", "value": n / elapsed, "unit": "articles/s",
         "note": note},
        {"stage": "entities", "metric": "throughput (CPU, per core)", "value": n / cpu,
         "unit": "articles/s", "note": note},
        {"stage": "entities", "metric": "CPU time per article", "value": cpu / n * 1000, "unit": "ms",
         "note": note},
        {"stage": "entities", "metric": "mentions per article", "value": mentions / n, "unit": "mentions",
         "note": note},
    ]
