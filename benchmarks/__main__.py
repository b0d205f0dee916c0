"""Run every benchmark module (``bench_*.py``) and print one table.

Each module defines ``bench(quick: bool) -> list[dict]``; a row has the keys
``stage``, ``metric``, ``value``, ``unit`` and optionally ``note``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
from pathlib import Path


def machine() -> str:
    try:
        import os

        cores = os.cpu_count()
    except Exception:  # pragma: no cover
        cores = None
    cpu = platform.processor() or platform.machine()
    python = platform.python_version()
    return f"{platform.system()} {platform.release()}, {cpu}, {cores} cores, Python {python}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small corpora, for a smoke run")
    parser.add_argument("--only", help="run only modules whose name contains this")
    parser.add_argument("--json", help="also write the rows to this JSON file")
    args = parser.parse_args(argv)
    here = Path(__file__).parent
    sys.path.insert(0, str(here.parent))
    rows: list[dict] = []
    for path in sorted(here.glob("bench_*.py")):
        if args.only and args.only not in path.stem:
            continue
        module = importlib.import_module(f"benchmarks.{path.stem}")
        print(f"… {path.stem}", file=sys.stderr, flush=True)
        rows.extend(module.bench(args.quick))
    print(f"Machine: {machine()}")
    width = max([len(r["stage"]) for r in rows] + [5])
    print(f"{'stage':<{width}}  {'metric':<28} {'value':>12} unit")
    for r in rows:
        value = r["value"]
        shown = f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"
        print(f"{r['stage']:<{width}}  {r['metric']:<28} {shown:>12} {r['unit']}  {r.get('note', '')}")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
