"""A generator of realistic synthetic Arabic war-news articles, for benchmarks and demos.

``python -m benchmarks.generate N --out DIR|FILE.jsonl [--seed S]`` writes N articles, either as a
JSONL feed (fields ``id, title, body, url, published, outlet``) or as a folder of ``.txt`` files
(title, body and the scraped boilerplate around it).

Articles are built from sentence templates written for this generator (strikes, clashes, arrests,
explosions, statements with «quotes», casualty claims, background) filled with real actor and place
names from the knowledge base (:func:`marsad.kb.load_kb`) and outlets of the registry; numbers are
written in digits and in words, dates in the forms outlets use.  About one article in three retells
an incident of another (same place, actors, date and toll, other outlet and wording), so a corpus
has multi-outlet stories.  Lengths are 300-700 words (about 500 on average).  The output depends
only on ``seed`` and the article index: article ``i`` is the same whatever ``N``.

The templates are generator data, not analysis knowledge: they live here, not in ``kb/data``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

# ---------------------------------------------------------------- templates (original wording)

LEV_MONTHS = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
              "تشرين الأول", "تشرين الثاني", "كانون الأول")
GREG_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
               "أكتوبر", "نوفمبر", "ديسمبر")
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
NUMBER_WORDS = ("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة")
TENS_WORDS = ("عشرين", "ثلاثين", "أربعين", "خمسين", "ستين")

TITLES = (
    "مقتل {n} مدنيين بقصف على {p}",
    "اشتباكات عنيفة بين {a} و{b} في ريف {r}",
    "{a} تعتقل {n} أشخاص في حملة مداهمات بـ{p}",
    "غارات جوية تستهدف مواقع في {p} وسقوط ضحايا",
    "انفجار عبوة ناسفة في {p} يوقع {w} جرحى",
    "{g}: الوضع الإنساني في {r} يتدهور",
    "توتر أمني في {p} بعد هجوم على نقطة لـ{a}",
)
INCIDENT = (
    "شنت طائرات {a} غارات جوية على مواقع في بلدة {p} بريف {r} {d}، ما أسفر عن مقتل {n} أشخاص "
    "وإصابة {w} آخرين بجروح متفاوتة.",
    "قتل {n} مدنيين، بينهم نساء وأطفال، جراء قصف مدفعي استهدف أحياء سكنية في مدينة {p} {d}.",
    "اندلعت اشتباكات عنيفة بين {a} و{b} في محيط {p} {d}، أسفرت عن سقوط {n} قتلى من الطرفين.",
    "صدت {a} هجوما شنه عناصر من {b} على نقاط تمركزها قرب {p}، وقتلت {w} من المهاجمين.",
    "اعتقلت {a} {n} أشخاص خلال حملة مداهمات في {p} {d} بتهمة التعامل مع {b}.",
    "انفجرت عبوة ناسفة بسيارة عسكرية تابعة لـ{a} على أطراف {p}، ما أدى إلى إصابة {w} عناصر.",
    "استهدفت طائرة مسيرة سيارة على الطريق الواصل بين {p} و{p2} {d}، ما أدى إلى مقتل {w} من ركابها.",
    "أقدم مسلحون مجهولون على اغتيال مختار قرية قرب {p} بإطلاق النار عليه أمام منزله {d}.",
    "سيطرت {a} على قرى عدة في محيط {p} بعد معارك مع {b} استمرت ساعات.",
)
FOLLOW = (
    "وأفادت مصادر محلية بأن {a} استقدمت تعزيزات عسكرية إلى محيط {p} عقب الهجوم.",
    "وتحدثت مصادر طبية عن وصول {w} جرحى إلى مشفى {p2}، بعضهم في حالة حرجة.",
    "وأشارت المصادر إلى أن عدد القتلى مرشح للارتفاع بسبب وجود مفقودين تحت الأنقاض.",
    "وفرضت {a} طوقا أمنيا حول المنطقة ومنعت دخول الصحفيين إليها.",
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى ساعة إعداد هذا الخبر.",
    "وقالت مصادر أهلية إن نحو {n} عائلة نزحت من {p} باتجاه القرى المجاورة.",
    "وبلغت حصيلة الضحايا ما لا يقل عن {n} قتيلا، بحسب ناشطين في المنطقة.",
    "وأحصى ناشطون سقوط عشرات القذائف على الأحياء الشرقية من {p} خلال ساعات الليل.",
)
QUOTE = (
    "وقال {s} في بيان {d} إن «{q}».",
    "وأكد {s}، في تصريح لـ{o}، أن «{q}».",
    "وصرح {s} بأن «{q}»، مضيفا أن التحقيقات ما زالت جارية.",
    "من جهته، نفى {s} صحة هذه الأنباء، وقال إن «{q}».",
    "ونقلت وكالات عن {s} قوله: «{q}».",
    "وأضاف {s} أن «{q}».",
)
QUOTE_CONTENT = (
    "الوضع الإنساني في {p} يزداد سوءا يوما بعد يوم",
    "قواتنا ستواصل عملياتها حتى تطهير المنطقة بالكامل من الخلايا المسلحة",
    "عدد الضحايا مرشح للارتفاع بسبب وجود جرحى في حالة خطرة",
    "لا صحة للأنباء التي تحدثت عن انسحاب قواتنا من {p}",
    "الهجوم استهدف مدنيين عزلا ولا يمكن تبريره بأي شكل",
    "فرقنا تعمل على إجلاء العالقين وتأمين المساعدات العاجلة للنازحين",
    "ما حدث في {p} خرق واضح لاتفاق وقف إطلاق النار",
    "أوقفنا {n} مشتبها بهم وضبطنا كميات من الأسلحة والذخائر",
)
CLAIMS = (
    "وبحسب توثيق {g}، قتل {big} مدنيا منذ بداية العام في {r}.",
    "وبحسب إحصاءات {g}، نزح أكثر من {n} ألف شخص من {r} خلال الأشهر الماضية.",
    "وقدر تقرير صادر عن {g} عدد المعتقلين في سجون {a} بنحو {big} شخص.",
    "وتشير أرقام {g} إلى أن {tens} منشأة طبية خرجت عن الخدمة في {r} منذ {month} الماضي.",
)
BACKGROUND = (
    "وكانت {a} قد سيطرت على {p} في {month} {year} بعد معارك استمرت أسابيع مع {b}.",
    "وتشهد المنطقة توترا أمنيا متصاعدا منذ أشهر، في ظل تبادل الاتهامات بين الأطراف المتنازعة.",
    "ويعاني السكان من نقص حاد في المواد الغذائية والأدوية مع استمرار إغلاق الطرق المؤدية إلى {p}.",
    "وتتقاسم السيطرة على ريف {r} عدة جهات، أبرزها {a} و{b}.",
    "وتعد {p} من أكثر المناطق تضررا من المعارك التي شهدتها {r} في السنوات الأخيرة.",
    "وتأتي هذه التطورات بعد أيام من اجتماع عقده ممثلون عن {g} لبحث الأوضاع الأمنية في {r}.",
    "ويتهم ناشطون {a} بتنفيذ اعتقالات تعسفية بحق شبان من أبناء {p}.",
    "وسبق أن شهدت {p} في {month} {year} هجوما مماثلا راح ضحيته {w} أشخاص.",
)
SPEAKERS = ("مصدر أمني", "مصدر محلي", "مصدر طبي في {p}", "مسؤول في {g}", "المتحدث باسم {a}",
            "قيادي في {a}", "ناشط من أبناء {p}", "مدير الدفاع المدني في {r}")
HEAD = ("الرئيسية | أخبار | سياسة | اقتصاد | رياضة | منوعات", "آخر الأخبار", "شارك الخبر", "حجم الخط",
        "الأخبار العاجلة", "تابعونا")
TAIL = ("اقرأ أيضا:", "تابعونا على تلغرام", "جميع الحقوق محفوظة © {year}", "شارك هذا المقال:",
        "الأكثر قراءة", "كلمات مفتاحية: {r} | {p} | أخبار")

ARMED = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"})
SOURCES = frozenset({"government", "international_org"})
COUNTRIES = frozenset({"SY", "IQ"})
TOWNS = frozenset({"city", "town", "village", "neighbourhood"})


@dataclass(frozen=True, slots=True)
class Vocab:
    """Names drawn from the knowledge base and the outlet registry."""

    armed: tuple[str, ...]
    sources: tuple[str, ...]
    people: tuple[str, ...]
    towns: tuple[str, ...]
    regions: tuple[str, ...]
    outlets: tuple[tuple[str, str, str], ...]  # (name_en, name_ar, domain)


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The names, read once from the knowledge base (real actors, places and outlets)."""
    from marsad.ingest import load_outlets
    from marsad.kb import load_kb

    kb = load_kb()
    orgs = [a for a in kb.actors.values() if a.type == "organization"]
    curated = [p for p in kb.places.values() if p.country in COUNTRIES and p.source == "curated"]
    return Vocab(
        armed=tuple(sorted(a.name for a in orgs if a.category in ARMED)),
        sources=tuple(sorted(a.name for a in orgs if a.category in SOURCES)),
        people=tuple(sorted(f"{a.role} {a.name}" for a in kb.actors.values()
                            if a.type == "person" and a.role)),
        towns=tuple(sorted(p.name for p in curated if p.kind in TOWNS)),
        regions=tuple(sorted(p.name for p in curated if p.kind == "governorate")),
        outlets=tuple((o.name_en, o.name_ar, o.domains[0] if o.domains else "example.org")
                      for o in load_outlets() if not o.synthetic),
    )


# ---------------------------------------------------------------- one article

START = date(2014, 1, 1)
DAYS = (date(2024, 12, 31) - START).days


def _count(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return str(rng.randint(2, 60))
    if roll < 0.8:
        return rng.choice(NUMBER_WORDS)
    return rng.choice(("نحو ", "ما لا يقل عن ", "أكثر من ", "قرابة ")) + str(rng.randint(5, 90))


def _date_phrase(rng: random.Random, day: date, published: date) -> str:
    weekday = WEEKDAYS[day.weekday()]
    roll = rng.random()
    if roll < 0.3:
        return ("أمس " if day < published else "يوم ") + weekday
    if roll < 0.5:
        return f"{rng.choice(('فجر', 'مساء', 'ظهر', 'صباح'))} {weekday}"
    if roll < 0.75:
        m = day.month - 1
        return f"في {day.day} {LEV_MONTHS[m]}/{GREG_MONTHS[m]} {day.year}"
    if roll < 0.9:
        return f"{weekday} {day.day} {GREG_MONTHS[day.month - 1]}"
    return f"بتاريخ {day.day:02d}/{day.month:02d}/{day.year}"


@dataclass(slots=True)
class Incident:
    """The facts an article reports; retellings by other outlets share them."""

    a: str
    b: str
    g: str
    p: str
    p2: str
    r: str
    day: date
    n: str
    w: str
    kinds: tuple[int, ...]


def _incident(rng: random.Random, v: Vocab) -> Incident:
    a, b = rng.sample(v.armed, 2)
    p, p2 = rng.sample(v.towns, 2)
    day = START + timedelta(days=rng.randrange(DAYS))
    kinds = tuple(rng.sample(range(len(INCIDENT)), 2))
    return Incident(a, b, rng.choice(v.sources), p, p2, rng.choice(v.regions), day, _count(rng),
                    rng.choice(NUMBER_WORDS), kinds)


def _slots(rng: random.Random, inc: Incident, published: date, outlet_ar: str) -> dict[str, str]:
    month = rng.randrange(12)
    slots = {
        "a": inc.a, "b": inc.b, "g": inc.g, "p": inc.p, "p2": inc.p2, "r": inc.r, "n": inc.n, "w": inc.w,
        "o": outlet_ar, "d": _date_phrase(rng, inc.day, published), "big": str(rng.randint(40, 4000)),
        "tens": rng.choice(TENS_WORDS), "month": rng.choice((LEV_MONTHS, GREG_MONTHS))[month],
        "year": str(inc.day.year - rng.randint(1, 4)),
    }
    slots["q"] = rng.choice(QUOTE_CONTENT).format_map(slots)
    slots["s"] = rng.choice(SPEAKERS).format_map(slots)
    return slots


def _sentence(rng: random.Random, table: tuple[str, ...], slots: dict[str, str], v: Vocab) -> str:
    fresh = dict(slots, big=str(rng.randint(40, 4000)), tens=rng.choice(TENS_WORDS),
                 month=rng.choice((LEV_MONTHS, GREG_MONTHS))[rng.randrange(12)],
                 year=str(int(slots["year"]) - rng.randint(0, 3)))
    if table is QUOTE:
        fresh["s"] = rng.choice(SPEAKERS).format_map(slots) if rng.random() < 0.7 else rng.choice(v.people)
        fresh["q"] = rng.choice(QUOTE_CONTENT).format_map(slots)
    return rng.choice(table).format_map(fresh)


def _body(rng: random.Random, inc: Incident, slots: dict[str, str], v: Vocab, words: int) -> list[str]:
    lead = [INCIDENT[inc.kinds[0]].format_map(slots), INCIDENT[inc.kinds[1]].format_map(slots)]
    paragraphs = [" ".join(lead)]
    count = sum(s.count(" ") + 1 for s in lead)
    seen = set(lead)
    tables = (FOLLOW, QUOTE, QUOTE, CLAIMS, BACKGROUND, BACKGROUND, FOLLOW)
    while count < words:
        para = []
        for _ in range(rng.randint(2, 4)):
            text = _sentence(rng, rng.choice(tables), slots, v)
            for _retry in range(3):  # avoid saying the same sentence twice
                if text not in seen:
                    break
                text = _sentence(rng, rng.choice(tables), slots, v)
            seen.add(text)
            para.append(text)
        count += sum(s.count(" ") + 1 for s in para)
        paragraphs.append(" ".join(para))
    return paragraphs


@dataclass(slots=True)
class Generated:
    """One generated article: the JSONL record fields and the scraped text file form."""

    id: str
    title: str
    body: str
    url: str
    published: str
    outlet: str
    page: str

    def record(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "body": self.body, "url": self.url,
                "published": self.published, "outlet": self.outlet}


def article(index: int, seed: int = 0) -> Generated:
    """Article ``index`` of the corpus of ``seed``; a third retell the incident of an earlier one."""
    v = vocab()
    rng = random.Random(seed * 1_000_003 + index)
    story = index if index == 0 or rng.random() < 0.65 else rng.randrange(index)
    inc = _incident(random.Random(seed * 7_919 + story * 104_729 + 1), v)
    name_en, name_ar, domain = rng.choice(v.outlets)
    published = inc.day + timedelta(days=rng.choice((0, 0, 1, 1, 2)))
    slots = _slots(rng, inc, published, name_ar)
    words = int(rng.triangular(270, 640, 450))  # the last paragraph adds ~45 words
    paragraphs = _body(rng, inc, slots, v, words)
    title = rng.choice(TITLES).format_map(slots)
    dateline = f"{inc.p} - {name_ar}"
    body = "\n\n".join([f"{dateline}\n{paragraphs[0]}", *paragraphs[1:]])
    head = rng.sample(HEAD, 2)
    tail = [t.format_map(slots) for t in rng.sample(TAIL, 3)]
    teaser = rng.choice(TITLES).format_map(_slots(rng, _incident(rng, v), published, name_ar))
    page = "\n\n".join([*head, title, f"{published.isoformat()} | {rng.randint(8, 23)}:{rng.randint(10, 59)}",
                        body, tail[0], teaser, *tail[1:], name_ar])
    doc_id = f"g{seed}-{index:07d}"
    return Generated(doc_id, title, "\n\n".join([body, tail[0], teaser, name_ar]),
                     f"https://{domain}/news/{seed}/{index}", published.isoformat(), name_en, page)


def articles(n: int, seed: int = 0) -> Iterator[Generated]:
    """The first ``n`` articles of the corpus of ``seed``."""
    for i in range(n):
        yield article(i, seed)


# ---------------------------------------------------------------- writing


def write(n: int, out: Path, seed: int = 0) -> int:
    """Write ``n`` articles to ``out`` (``*.jsonl``: a feed; else a folder of .txt files); bytes written."""
    total = 0
    if out.suffix.lower() in (".jsonl", ".ndjson"):
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for art in articles(n, seed):
                line = json.dumps(art.record(), ensure_ascii=False) + "\n"
                fh.write(line)
                total += len(line.encode("utf-8"))
        return total
    out.mkdir(parents=True, exist_ok=True)
    width = max(6, len(str(n)))
    for i, art in enumerate(articles(n, seed)):
        data = art.page.encode("utf-8")
        (out / f"a{i:0{width}d}.txt").write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="a folder, or a FILE.jsonl feed")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    vocab()  # the knowledge base loads once, before the clock starts
    started = time.perf_counter()
    size = write(args.n, args.out, args.seed)
    took = time.perf_counter() - started
    print(f"{args.n} articles, {size / 1e6:.1f} MB -> {args.out} in {took:.1f} s "
          f"({args.n / max(took, 1e-9):,.0f} articles/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
