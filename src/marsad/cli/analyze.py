"""`marsad analyze`: articles in, marsad/1 documents out."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from typing import IO

from marsad.cli import common
from marsad.document import Document
from marsad.errors import InputError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyze", help="analyse articles and print structured documents",
        description="Read articles (.txt, .html, .jsonl/.json, .csv, directories, or - for stdin), "
                    "clean them, and print one marsad/1 document per article. An input that cannot be "
                    "read becomes an error record and the batch goes on.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    p.add_argument("--format", choices=("json", "jsonl", "table"), default="table",
                   help="json: indented documents; jsonl: one document per line; table: a summary (default)")
    p.add_argument("--out", type=common.Path, metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="analyse in N processes (default 1)")
    p.add_argument("--stages", metavar="A,B", help="comma-separated stages to run (default: all)")
    common.add_progress_options(p)
    common.add_input_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.ingest import count_inputs, read_paths
    from marsad.pipeline import analyze_many, build

    opts = common.ingest_options(args)
    kb = common.kb_files(args)
    stages = [s.strip() for s in args.stages.split(",") if s.strip()] if args.stages else None
    build(stages, kb).prepare()  # fail fast on a bad stage list or knowledge base, before reading anything
    total = count_inputs(args.paths, opts)
    failed = 0
    with common.output(args.out) as out, common.progress(total, args.progress, "analyze") as bar:
        results = analyze_many(read_paths(args.paths, opts), workers=max(1, args.workers),
                               stages=stages, kb_files=kb)
        writer = TableWriter(out) if args.format == "table" else JsonWriter(out, args.format)
        for item in results:
            failed += isinstance(item, InputError)
            writer.write(item)
            bar.update(1)
        writer.close()
    return 1 if failed else 0


class JsonWriter:
    def __init__(self, out: IO[str], fmt: str):
        self.out, self.indent = out, (1 if fmt == "json" else None)

    def write(self, item: Document | InputError) -> None:
        self.out.write(json.dumps(item.to_dict(), ensure_ascii=False, indent=self.indent) + "\n")

    def close(self) -> None:
        self.out.flush()


class TableWriter:
    """A readable summary: one row per document, error rows marked, totals at the end."""

    COLUMNS = ("source", "outlet", "published", "ent", "evt", "quo", "clm", "warn", "title")

    def __init__(self, out: IO[str]):
        self.out = out
        self.rows: list[tuple[str, ...]] = []
        self.errors: list[InputError] = []

    def write(self, item: Document | InputError) -> None:
        if isinstance(item, InputError):
            self.errors.append(item)
            self.rows.append((_short(item.source.path, 40), "ERROR", item.code, "", "", "", "", "",
                              _short(item.message, 60)))
            return
        pub = item.published.start.isoformat() if item.published and item.published.start else "-"
        self.rows.append((_short(item.source.path, 40), item.source.outlet or "-", pub,
                          *(str(len(x)) for x in (item.entities, item.events, item.quotes, item.claims,
                                                  item.warnings)),
                          _short(item.title or "", 60)))

    def close(self) -> None:
        write_table(self.out, self.COLUMNS, self.rows)
        docs = len(self.rows) - len(self.errors)
        self.out.write(f"\n{docs} document(s), {len(self.errors)} error(s)\n")
        self.out.flush()


def write_table(out: IO[str], columns: Iterable[str], rows: list[tuple[str, ...]]) -> None:
    cols = tuple(columns)
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(cols)]
    line = "  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))
    out.write(line.rstrip() + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for r in rows:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _short(value: str | None, width: int) -> str:
    value = (value or "-").replace("\n", " ")
    return value if len(value) <= width else value[: width - 1] + "…"
