"""``python -m marsad.kb [OVERLAY ...]``: check the knowledge base (and overlays), print a summary.

Exit status 0 when valid, 1 when problems were found (each printed with file,
entry id and field), 2 when an overlay cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from marsad.errors import MarsadError
from marsad.kb.loader import collect


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m marsad.kb", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("overlays", nargs="*", type=Path, help="user overlay files (--kb extra.yaml)")
    args = parser.parse_args(argv)
    try:
        raw = collect(args.overlays)
    except MarsadError as err:
        print(f"error: {err.message}", file=sys.stderr)
        return 2
    for problem in raw.problems:
        print(problem)
    kinds = Counter(str(p.get("source", "curated")) for p in raw.places.values())
    print(f"{len(raw.actors)} actors, {len(raw.places)} places "
          f"({kinds['curated']} curated, {kinds['gazetteer']} from GeoNames), "
          f"{len(raw.problems)} problems", file=sys.stderr)
    return 1 if raw.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
