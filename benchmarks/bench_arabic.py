"""Throughput of the Arabic layer on a generated corpus (``python -m benchmarks --only arabic``).

The corpus is built from the language tables themselves (number words, month
names, clitics) plus random letter strings, with diacritics, tatweel,
Arabic-Indic digits, punctuation variants and paragraph breaks sprinkled in,
so every normalisation path is exercised.  Sizes are UTF-8 megabytes
(10^6 bytes); one process, timed in CPU seconds (``time.process_time``), so
the figures are per core and hold up when other work shares the machine;
the cyclic garbage collector is paused while timing, as ``timeit`` does.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىؤئ"
MARKS = "\u064e\u064f\u0650\u0651\u0652\u064b"
PUNCT = ["،", "؛", "؟", ".", "«", "»", "“", "”", ":", "(", ")"]


def _vocabulary() -> list[str]:
    from marsad.arabic._data import table

    words: list[str] = []
    numbers = table("numbers")
    for group in ("units", "tens", "hundreds"):
        for forms in numbers[group].values():
            words.extend(forms)
    for forms in table("dates")["gregorian"].values():
        words.extend(forms)
    words.extend(p["form"] + "قوات" for p in table("clitics")["proclitics"])
    for vague in table("quantities")["vague"]:
        words.extend(vague["forms"])
    return words


def corpus(size_bytes: int, seed: int = 7) -> str:
    """Arabic-like text of at least ``size_bytes`` UTF-8 bytes."""
    rng = random.Random(seed)
    vocab = _vocabulary()
    parts: list[str] = []
    total = 0
    while total < size_bytes:
        roll = rng.random()
        if roll < 0.45:
            word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 8)))
        elif roll < 0.8:
            word = rng.choice(vocab)
        elif roll < 0.9:
            word = str(rng.randint(1, 3000)).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) \
                if rng.random() < 0.3 else str(rng.randint(1, 3000))
        else:
            word = rng.choice(PUNCT)
        if rng.random() < 0.05:
            word = word[:1] + rng.choice(MARKS) + word[1:]
        if rng.random() < 0.02:
            word = word[:1] + "\u0640" + word[1:]
        sep = "\n\n" if rng.random() < 0.01 else ("  " if rng.random() < 0.02 else " ")
        parts.append(word + sep)
        total += len(word.encode()) + len(sep)
    return "".join(parts)


def _rate(fn: Callable[[str], object], text: str, repeat: int) -> float:
    from marsad.arabic.dates import _collect

    best = float("inf")
    for _ in range(repeat):
        _collect.cache_clear()  # the date finder caches per text; measure the work itself
        gc.collect()
        gc.disable()            # as timeit does: the cyclic collector's pauses depend on the whole heap
        try:
            t0 = time.process_time()
            fn(text)
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return len(text.encode()) / 1e6 / best


def _fresh(fn: Callable[[str], object]) -> Callable[[str], object]:
    """``fn`` with the per-text caches emptied first: the normalised text and the date scan of the
    last few texts are cached (the pipeline's stages share them), which a repeated run must not reuse."""
    from marsad.arabic.dates import _collect
    from marsad.arabic.normalize import _normalize_default

    def call(text: str) -> object:
        _normalize_default.cache_clear()
        _collect.cache_clear()
        return fn(text)
    return call


def bench(quick: bool) -> list[dict]:
    from marsad.arabic import find_dates, find_quantities, fold, normalize, sentences, tokens

    size = 300_000 if quick else 2_500_000
    text = corpus(size)
    repeat = 1 if quick else 5
    normalize(text[:1000]), tokens(text[:1000]), find_dates(text[:1000]), find_quantities(text[:1000])
    mb = len(text.encode()) / 1e6
    note = f"{mb:.1f} MB generated corpus, per CPU-second"

    def norm_tok(t: str) -> object:
        return tokens(normalize(t).text)

    rows = [
        ("normalize+tokens", _fresh(norm_tok), repeat),
        ("normalize", _fresh(normalize), repeat),
        ("fold", fold, repeat),
        ("tokens", tokens, repeat),
        ("sentences", sentences, repeat),
        ("find_quantities", _fresh(find_quantities), 1),
        ("find_dates", _fresh(find_dates), 1),
    ]
    out = [{"stage": "arabic", "metric": f"{name} throughput", "value": round(_rate(fn, text, r), 2),
            "unit": "MB/s", "note": note} for name, fn, r in rows]
    return out + _seed_rows(quick)


def _seed_rows(quick: bool) -> list[dict]:
    """The finders on the real seed articles (repeated), when ``../shared/seeds`` is there."""
    from marsad.arabic import find_dates, find_quantities, sentences

    articles = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    if not articles:
        return []
    reps = 5 if quick else 40
    note = f"{len(articles)} seed articles x {reps}, per CPU-second"

    from marsad.arabic import normalize, tokens

    def run(fn: Callable[[str], object]) -> Callable[[str], object]:
        each = _fresh(fn)
        return lambda _: [each(a) for _ in range(reps) for a in articles]

    size = "".join(articles) * reps
    return [{"stage": "arabic", "metric": f"{name} on seeds", "value": round(_rate(run(fn), size, 3), 2),
             "unit": "MB/s", "note": note}
            for name, fn in (("normalize+tokens", lambda t: tokens(normalize(t).text)),
                             ("find_quantities", find_quantities), ("find_dates", find_dates),
                             ("sentences", sentences))]
