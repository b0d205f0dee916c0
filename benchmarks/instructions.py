"""Instructions per article for chosen views or stages, counted by valgrind (callgrind).

Timings on a shared or virtual machine drift by tens of per cent between identical runs; the number of
instructions executed does not, so a change to a pure-Python hot path is well judged by this count (run
it before and after).  Needs ``valgrind`` on the PATH; it is not part of ``make bench``.

Not for changes that move work into libraries that pick their code by CPU features (numpy, OpenSSL,
orjson, zlib): under valgrind they see a CPU without AVX-512 or SHA instructions and run other, longer
code, so the count misjudges them. Measured in session 4: CPython's ``_sha1`` ran fewer instructions
than OpenSSL's SHA-1 but is 35 % slower on the machine; a numpy table scan cut the normalisation view's
count by 16 % and made it 54 % slower. Judge those by timings of the two versions run alternately
(``python -m benchmarks --only pipeline`` rows, several runs each, medians).

    python -m benchmarks.instructions quotes              # the quotes stage alone
    python -m benchmarks.instructions dates quantities    # two shared views
    python -m benchmarks.instructions --articles 80 events claims

Each article is analysed up to the first target without counting (earlier stages and views are
computed first, so a target's count is its own work), then the targets are counted in pipeline order.
Per-word caches are warmed on other articles first, as in a long run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

VIEWS = ("normalized", "sentences", "dates", "quantities")
STAGES = ("entities", "quotes", "events", "claims", "consistency")
WARM = 60


def _toggle(on: bool) -> None:
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(os.getpid())],
                   capture_output=True, check=False)


def _measure(targets: list[str], count: int) -> None:
    """Child mode (under valgrind): warm up, then count only the targets."""
    from itertools import groupby

    import marsad.arabic  # noqa: F401  (the modules whose caches are widened)
    from benchmarks.bench_pipeline import _articles
    from marsad import pipeline
    from marsad.extract.base import Analysis
    from marsad.pipeline import document_from_article

    _widen_text_caches(WARM + count)
    arts = _articles(WARM + count)
    pipe = pipeline.build(list(STAGES))
    for art in arts[:WARM]:
        pipe.analyze(art)
    analyses = [Analysis(document_from_article(art), pipe.kb) for art in arts[WARM:]]
    steps = [(name, lambda a, name=name: getattr(a, name)) for name in VIEWS]
    steps += [(spec.name, spec.fn) for spec in pipe.stages]
    first = min(i for i, (name, _) in enumerate(steps) if name in targets)
    # the steps before the first target, uncounted; then runs of counted / uncounted steps, one
    # toggle per run (callgrind_control is slow under valgrind: never once per article)
    runs = [(False, steps[:first])] + [(counted, list(group)) for counted, group in
                                       groupby(steps[first:], key=lambda step: step[0] in targets)]
    for counted, group in runs:
        if counted:
            _toggle(True)
        for a in analyses:
            for _name, run in group:
                run(a)
        if counted:
            _toggle(False)


def _widen_text_caches(size: int) -> None:
    """The normalised text and the date scan of the last few texts are cached, so that the views and
    stages of one article share them; steps here run article after article for all the articles,
    so the caches must hold them all to give each step the hits it has in the pipeline."""
    from functools import lru_cache

    normalize = sys.modules["marsad.arabic.normalize"]
    dates = sys.modules["marsad.arabic.dates"]
    normalize._normalize_default = lru_cache(maxsize=size)(  # type: ignore[attr-defined]
        normalize._normalize_default.__wrapped__)
    dates._collect = lru_cache(maxsize=size)(dates._collect.__wrapped__)  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.instructions", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="+", choices=VIEWS + STAGES, metavar="TARGET",
                        help=f"views ({', '.join(VIEWS)}) or stages ({', '.join(STAGES)})")
    parser.add_argument("--articles", type=int, default=40, help="articles counted (default 40)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[1]
    if args.child:
        sys.path.insert(0, str(root))
        _measure(args.targets, args.articles)
        return 0
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        print("valgrind (with callgrind_annotate) is not installed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                        sys.executable, "-m", "benchmarks.instructions", "--child",
                        "--articles", str(args.articles), *args.targets],
                       cwd=root, env=env, check=True, capture_output=True)
        report = subprocess.run(["callgrind_annotate", str(out)], capture_output=True, text=True,
                                check=True).stdout
    total = re.search(r"([\d,]+)\s+(?:\([^)]*\)\s+)?PROGRAM TOTALS", report)
    if total is None:
        print("no total in callgrind's report", file=sys.stderr)
        return 1
    per = int(total.group(1).replace(",", "")) / args.articles
    print(f"{' + '.join(args.targets)}: {per / 1e6:.2f} M instructions per article "
          f"({args.articles} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
