"""`marsad ingest`: analyse articles and store them in a corpus file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from marsad.cli import common
from marsad.corpus.store import BATCH

DEFAULT_DB = Path(".marsad/corpus.db")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest", help="analyse articles and store them in a corpus",
        description="Analyse articles and store them in a corpus file (SQLite). Re-ingesting the same "
                    "article changes nothing; a changed version of an article (same URL or path) replaces "
                    "the old one. Interrupting is safe: what was committed stays, and a rerun completes it.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    p.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="FILE",
                   help=f"the corpus file (default {DEFAULT_DB})")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="analyse in N processes (default 1)")
    p.add_argument("--semantic", action="store_true",
                   help="also link articles by the meaning of their titles (slower; needs marsad[semantic]); "
                        "stays on for this corpus")
    p.add_argument("--batch", type=int, default=BATCH, metavar="N",
                   help=f"documents per transaction ({BATCH}); an interruption loses at most this many")
    common.add_progress_options(p)
    common.add_input_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.corpus import Corpus
    from marsad.corpus.rows import prepare
    from marsad.ingest import count_inputs, read_paths
    from marsad.pipeline import analyze_many, build

    opts = common.ingest_options(args)
    kb = common.kb_files(args)
    build(None, kb).prepare()  # fail fast on a bad knowledge base, before reading anything
    total = count_inputs(args.paths, opts)
    with Corpus(args.db) as corpus, common.progress(total, args.progress, "ingest") as bar:
        if args.semantic:
            corpus.enable_semantic()
        # workers flatten each document into its rows too: the writer (this process) only runs SQL
        docs = analyze_many(read_paths(args.paths, opts), workers=max(1, args.workers), kb_files=kb,
                            then=prepare)
        stats = corpus.add(docs, batch=max(1, args.batch), on_item=lambda _item: bar.update(1))
        found = corpus.refresh()
    print(f"{args.db}: {stats.added} added, {stats.updated} updated, {stats.unchanged} unchanged, "
          f"{stats.failed} failed; {found['stories']} stories, {found['incidents']} incidents, "
          f"{found['duplicates']} near-duplicates", file=sys.stderr)
    return 1 if stats.failed else 0
