"""Ingest throughput on generated boilerplate-laden articles (invented words, no seed text).

Rows: cleaning (articles/s and MB/s on one core), decoding Windows-1256, and the whole reader
over a directory of files (decode + clean + metadata).
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from marsad.ingest import clean, decode, load_outlets, read_paths

PROSE = ("قالت مصادر محلية إن قوات الأمن اعتقلت عدداً من الأشخاص في حملة مداهمات شملت أحياء المدينة "
         "وأضافت أن الاشتباكات أسفرت عن مقتل وإصابة مدنيين بينهم نساء وأطفال بعد قصف مدفعي استهدف "
         "الريف الشرقي فيما أعلنت الوزارة في بيان رسمي عن خطة لإعادة الخدمات إلى البلدات المتضررة")
WORDS = PROSE.split(" ")
BOILER_HEAD = ["Accessibility links", "الرئيسية | أخبار | سياسة | اقتصاد | رياضة", "×", "الأخبار المحلية"]
BOILER_TAIL = ["مناقشة", "XS", "SM", "MD", "LG", "لم تشترك بعد", "© 2024 جميع الحقوق محفوظة",
               "RELATED NEWS", "-"]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def make_article(rng: random.Random, paragraphs: int = 8) -> str:
    """One scraped-looking article: menus, title, caption, dateline, body, teasers, sign-off, widgets."""
    title = " ".join(rng.choice(WORDS) for _ in range(9))
    body = [" ".join(_sentence(rng, rng.randint(12, 30)) for _ in range(3)) for _ in range(paragraphs)]
    teaser = " ".join(rng.choice(WORDS) for _ in range(10))
    lines = [*BOILER_HEAD, title, "صورة من الموقع", f"{rng.randint(1, 28)}.0{rng.randint(1, 9)}.2023 | 10:35"]
    for i, para in enumerate(body):
        if i == 3:
            lines.append(teaser + "\n" + para)
        else:
            lines.append(para)
    lines += [title, "سيريانيوز", *BOILER_TAIL, "اقرأ أيضاً", teaser, teaser[::-1]]
    return "\n\n".join(lines)


def _rate(fn, items: list, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            fn(item)
    return len(items) * repeat / (time.perf_counter() - start)


def bench(quick: bool) -> list[dict]:
    rng = random.Random(7)
    count = 50 if quick else 400
    articles = [make_article(rng) for _ in range(count)]
    load_outlets()
    clean(articles[0])  # warm caches (rules, registry, regexes)
    mb = sum(len(a.encode("utf-8")) for a in articles) / count / 1e6
    per_s = _rate(clean, articles, 1 if quick else 3)
    raw = [a.encode("cp1256") for a in articles]
    dec_s = _rate(decode, raw, 1 if quick else 3)
    with tempfile.TemporaryDirectory() as tmp:
        for i, data in enumerate(raw):
            Path(tmp, f"{i:05d}.txt").write_bytes(data)
        start = time.perf_counter()
        n = sum(1 for _ in read_paths([tmp]))
        files_s = n / (time.perf_counter() - start)
    note = f"{count} generated articles, {mb * 1000:.1f} KB each"
    return [
        _row("ingest.clean", "articles/s per core", round(per_s, 1), "art/s", note),
        _row("ingest.clean", "throughput per core", round(per_s * mb, 2), "MB/s", note),
        _row("ingest.decode", "cp1256 articles/s", round(dec_s, 1), "art/s", "detection + decoding"),
        _row("ingest.read_paths", "files/s per core", round(files_s, 1), "files/s",
             "directory of cp1256 .txt: read, decode, clean, metadata"),
    ]


def _row(stage: str, metric: str, value: float, unit: str, note: str) -> dict:
    return {"stage": stage, "metric": metric, "value": value, "unit": unit, "note": note}
