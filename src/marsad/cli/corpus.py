"""Corpus commands: `search`, `stories`, `story`, `outlets`, `export`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import IO, Any

from marsad.cli import common
from marsad.cli.analyze import write_table
from marsad.cli.ingest import DEFAULT_DB


def add_parser(sub: argparse._SubParsersAction) -> None:
    def command(name: str, help_text: str, func: Any, description: str = "") -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=description or help_text)
        p.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="FILE",
                       help=f"the corpus file (default {DEFAULT_DB})")
        p.add_argument("--json", action="store_true", help="print JSON instead of a table")
        p.set_defaults(func=func)
        return p

    p = command("search", "full-text search of the corpus", run_search,
                "Arabic-aware full-text search: spelling variants and attached prefixes (و ب ل ال ...) "
                'are ignored, so الرقة finds بالرقة. Quote a phrase: "حي القصور".')
    p.add_argument("query", help="words that must all occur (quote phrases)")
    for name in ("outlet", "event-type", "actor", "place"):
        p.add_argument(f"--{name}", metavar="X")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=20)

    p = command("stories", "list stories across outlets", run_stories)
    p.add_argument("--min-outlets", type=int, default=1, metavar="N", help="only stories told by N+ outlets")
    p.add_argument("--limit", type=int, default=50)

    p = command("story", "one story: each outlet's version of every incident, side by side", run_story)
    p.add_argument("story_id", metavar="ID")

    command("outlets", "outlets: coverage of multi-outlet stories and framing profiles", run_outlets)

    p = command("export", "export documents or events (jsonl, ACLED-layout CSV, GeoJSON)", run_export)
    p.add_argument("--format", choices=("jsonl", "acled-csv", "geojson"), default="jsonl")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of standard output")


def _open(args: argparse.Namespace):  # -> Corpus
    from marsad.corpus import Corpus

    return Corpus(args.db, readonly=True)


def _json(out: IO[str], data: Any) -> int:
    out.write(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n")
    return 0


def run_search(args: argparse.Namespace) -> int:
    import sys
    from dataclasses import asdict

    from marsad.corpus.search import Filters

    filters = Filters(outlet=args.outlet, date_from=args.date_from, date_to=args.date_to,
                      event_type=args.event_type, actor=args.actor, place=args.place)
    with _open(args) as corpus:
        hits = corpus.search(args.query, filters, limit=args.limit)
    if args.json:
        return _json(sys.stdout, [asdict(h) for h in hits])
    for h in hits:
        marked = _mark(h.snippet, h.highlights)
        print(f"{h.doc_id}  {h.published or '-'}  {h.outlet or '-'}  {h.title or ''}\n    {marked}\n")
    print(f"{len(hits)} result(s)")
    return 0


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for a, b in spans:
        out += [text[pos:a], "[", text[a:b], "]"]
        pos = b
    return ("".join(out) + text[pos:]).replace("\n", " ")


def run_stories(args: argparse.Namespace) -> int:
    import sys

    with _open(args) as corpus:
        rows = corpus.stories(limit=args.limit, min_outlets=args.min_outlets)
    if args.json:
        return _json(sys.stdout, rows)
    table = [(r["id"], str(r["outlets"]), str(r["documents"]), str(r["incidents"]), r["first"] or "-",
              r["last"] or "-", (r["title"] or "")[:60]) for r in rows]
    write_table(sys.stdout, ("story", "outlets", "docs", "incidents", "first", "last", "title"), table)
    return 0


def run_story(args: argparse.Namespace) -> int:
    import sys

    from marsad.errors import MarsadError

    with _open(args) as corpus:
        data = corpus.story(args.story_id)
    if data is None:
        raise MarsadError("E_USAGE", f"no story {args.story_id!r} (see `marsad stories`)")
    if args.json:
        return _json(sys.stdout, data)
    out = sys.stdout
    out.write(f"Story {data['id']}: {data['title']}\n\nCoverage: "
              + ", ".join(f"{o} ({n})" for o, n in data["coverage"].items()) + "\n")
    if data["missing_outlets"]:
        out.write("Silent (published in the period, not on this story): "
                  + ", ".join(o["name"] or o["id"] for o in data["missing_outlets"]) + "\n")
    for inc in data["incidents"]:
        out.write(f"\n== {inc['event_type']} / {inc['sub_event_type']} — {inc['location'] or '?'}, "
                  f"{inc['date'] or '?'}\n")
        rows = [_report_row(r) for r in inc["reports"]]
        write_table(out, REPORT_COLUMNS, rows)
        flags = {k: v for k, v in inc["agreement"].items() if v in ("conflict", "agree")}
        out.write("   " + ", ".join(f"{k}: {v.upper() if v == 'conflict' else v}" for k, v in flags.items())
                  + "\n")
    out.write("\nFraming by outlet:\n")
    for outlet, terms in data["framing"].items():
        words = ", ".join(f"{t['example']}×{t['n']}" + (f" ({t['actor']})" if t["actor"] else "")
                          for t in terms[:8])
        out.write(f"  {outlet}: {words}\n")
    return 0


REPORT_COLUMNS = ("outlet", "date", "actor1", "actor2", "place", "killed", "injured", "arrested")


def _count(r: dict[str, Any], kind: str) -> str:
    low, high = r[f"{kind}_low"], r[f"{kind}_high"]
    if low is None and high is None:
        return "-"
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}-{high}"


def _report_row(r: dict[str, Any]) -> tuple[str, ...]:
    return (r["outlet"] or "-", r["date_start"] or "-", r["actor1"] or "-", r["actor2"] or "-",
            r["location"] or "-", _count(r, "killed"), _count(r, "injured"), _count(r, "arrested"))


def run_outlets(args: argparse.Namespace) -> int:
    import sys

    with _open(args) as corpus:
        rows = corpus.outlets()
    if args.json:
        return _json(sys.stdout, rows)
    table = []
    for r in rows:
        top = ", ".join(f"{f['term_en']}{'→' + f['actor'] if f['actor'] else ''}×{f['n']}"
                        for f in r["framing"][:5])
        cov = f"{r['coverage']:.0%}" if r["coverage"] is not None else "-"
        table.append((r["name"] or r["id"] or "?", str(r["documents"]), str(r["stories"]), cov, top))
    write_table(sys.stdout, ("outlet", "docs", "stories", "coverage", "framing (top)"), table)
    return 0


def run_export(args: argparse.Namespace) -> int:
    import sys

    from marsad.export import write

    with _open(args) as corpus, common.output(args.out) as out:
        n = write(corpus.documents(), args.format, out)
    print(f"{n} record(s) written", file=sys.stderr)
    return 0
