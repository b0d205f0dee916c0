"""The ``marsad`` command: a thin shell over plain functions.

Each sub-command lives in its own module exposing ``add_parser(subparsers)``; the function it sets as
``func`` receives the parsed arguments and returns the exit code (0 ok, 1 some inputs failed, 2 usage).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from marsad import __version__
from marsad.errors import MarsadError

COMMANDS = ("analyze", "ingest", "corpus", "serve", "evaluate")

DESCRIPTION = """\
Marsad (مرصد) turns Arabic news articles about wars into structured, verifiable knowledge:
events typed with the ACLED taxonomy, who said what, numeric claims, and where each fact came from
(exact character offsets into the cleaned text). Everything runs offline.
"""

EPILOG = """\
examples:
  marsad analyze article.txt                 analyse one article, print a summary table
  marsad analyze news/ --format jsonl        every article under news/, one JSON document per line
  marsad analyze feed.jsonl --out out.jsonl  a JSONL/CSV feed of articles, written to a file
  cat page.html | marsad analyze -           read one article from standard input
  marsad evaluate --gold samples/demo/gold   score Marsad against hand-annotated documents

exit codes: 0 everything worked, 1 some inputs could not be read (each reported) or the corpus
could not be written, 2 wrong usage.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"marsad.cli.{name}")
        except ModuleNotFoundError as exc:  # a command whose module is not installed
            if exc.name != f"marsad.cli.{name}":
                raise
            continue
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except MarsadError as exc:
        print(f"marsad: error [{exc.code}]: {exc.message}", file=sys.stderr)
        return 2 if exc.code == "E_USAGE" else 1
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `marsad analyze ... | head`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
