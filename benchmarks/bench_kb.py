"""Knowledge base: load time, memory held by the loaded base, and name enumeration."""

from __future__ import annotations

import time
import tracemalloc


def _fresh_load():
    from marsad.kb import loader

    loader._load.cache_clear()
    loader.variant_pairs.cache_clear()
    loader.countries.cache_clear()
    return loader.load_kb()


def bench(quick: bool) -> list[dict]:
    """Rows for ``python -m benchmarks``: load time (best of N), traced memory, all_names()."""
    repeats = 1 if quick else 3
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        kb = _fresh_load()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    kb = _fresh_load()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    start = time.perf_counter()
    names = sum(1 for _ in kb.all_names())
    names_s = time.perf_counter() - start
    note = f"{len(kb.actors)} actors, {len(kb.places)} places"
    return [
        {"stage": "kb", "metric": "load time (best)", "value": min(times), "unit": "s", "note": note},
        {"stage": "kb", "metric": "memory held after load", "value": held / 2**20, "unit": "MiB",
         "note": "tracemalloc; goal <= 150"},
        {"stage": "kb", "metric": "peak memory during load", "value": peak / 2**20, "unit": "MiB"},
        {"stage": "kb", "metric": "all_names() forms", "value": names, "unit": "forms", "note": ""},
        {"stage": "kb", "metric": "all_names() time", "value": names_s, "unit": "s", "note": ""},
    ]
