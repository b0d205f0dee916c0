"""`marsad evaluate`: precision, recall and F1 against hand-annotated gold documents."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate", help="score Marsad against hand-annotated gold documents",
        description="Match predicted documents to gold ones and report precision, recall and F1 per "
                    "layer (events, entities, quotes, claims) and per field, with a per-document list of "
                    "errors. Without --pred, the raw inputs the gold names are analysed first.")
    p.add_argument("--gold", type=Path, required=True, metavar="DIR", help="folder of gold *.json documents")
    p.add_argument("--pred", type=Path, metavar="FILE", help="predictions (JSONL from `marsad analyze`)")
    p.add_argument("--root", type=Path, metavar="DIR",
                   help="where the gold's source paths are rooted (default: the gold folder's parent)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--no-errors", action="store_true", help="print the scores only, not the error listing")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--kb", action="append", default=[], type=Path, metavar="FILE",
                   help="extra knowledge-base YAML used when analysing")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.evaluate import evaluate, load_gold, load_predictions, predict
    from marsad.evaluate.report import write_text

    gold = load_gold(args.gold)
    if args.pred is not None:
        preds = load_predictions(args.pred)
    else:
        preds = predict(gold, args.root or args.gold.parent, common.kb_files(args))
    report = evaluate(gold, preds)
    with common.output(args.out) as out:
        if args.format == "json":
            out.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n")
        else:
            write_text(report, out, errors=not args.no_errors)
    return 0
