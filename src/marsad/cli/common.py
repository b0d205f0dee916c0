"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from marsad.errors import MarsadError


def add_input_options(p: argparse.ArgumentParser) -> None:
    """Options about reading articles, shared by `analyze` and `ingest`."""
    g = p.add_argument_group("reading articles")
    g.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                   help="skip inputs larger than N bytes, reporting an error (default 5000000)")
    g.add_argument("--field", action="append", default=[], metavar="ROLE=NAME",
                   help="JSONL/CSV column for a role (text, title, url, date, outlet, id); repeatable, "
                        "e.g. --field text=body_html")
    g.add_argument("--outlets", action="append", default=[], type=Path, metavar="FILE",
                   help="an extra outlet registry (YAML, same layout as kb/data/outlets.yaml); repeatable")
    g.add_argument("--default-outlet", metavar="ID",
                   help="the outlet (registry id or name) of inputs whose outlet cannot be told")
    g.add_argument("--kb", action="append", default=[], type=Path, metavar="FILE",
                   help="a YAML file adding or overriding actors and places; repeatable")


def add_progress_options(p: argparse.ArgumentParser) -> None:
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="always show a progress bar on stderr")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show one")


def ingest_options(args: argparse.Namespace):  # -> IngestOptions
    from marsad.ingest import IngestOptions

    opts = IngestOptions(max_bytes=args.max_bytes, outlet_files=list(args.outlets),
                         default_outlet=args.default_outlet)
    for item in args.field:
        role, sep, name = item.partition("=")
        if not sep or not role or not name:
            raise MarsadError("E_USAGE", f"--field expects ROLE=NAME, got {item!r}")
        opts.fields[role] = [name, *opts.fields.get(role, [])]
    return opts


def kb_files(args: argparse.Namespace) -> list[Path]:
    for path in args.kb:
        if not path.is_file():
            raise MarsadError("E_USAGE", f"--kb file not found: {path}")
    return list(args.kb)


@contextlib.contextmanager
def output(path: Path | None) -> Iterator[IO[str]]:
    """Standard output, or a file written atomically (renamed into place when complete)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        yield fh
    tmp.replace(path)


def progress(total: int, enabled: bool | None, desc: str):  # -> tqdm-like
    """A progress bar on stderr for batches of more than a few inputs (or when asked)."""
    from tqdm import tqdm

    tqdm.monitor_interval = 0   # no monitor thread: worker processes are forked while a bar runs
    show = enabled if enabled is not None else (total > 3 and sys.stderr.isatty())
    return tqdm(total=total, disable=not show, desc=desc, unit="doc", file=sys.stderr,
                dynamic_ncols=True, smoothing=0.1)
