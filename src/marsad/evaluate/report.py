"""Render an evaluation report as a plain-text table."""

from __future__ import annotations

from typing import IO

from marsad.evaluate import Report
from marsad.evaluate.score import Tally


def _row(name: str, t: Tally) -> str:
    if not (t.tp or t.fp or t.fn):  # nothing in gold or prediction: no score, not a zero
        return f"{name:<22} {'-':>6} {'-':>6} {'-':>6}   {0:>5} {0:>5} {0:>5}"
    return (f"{name:<22} {t.precision:>6.3f} {t.recall:>6.3f} {t.f1:>6.3f}   "
            f"{t.tp:>5} {t.fp:>5} {t.fn:>5}")


def write_text(report: Report, out: IO[str], *, errors: bool = True) -> None:
    out.write(f"{'layer / field':<22} {'P':>6} {'R':>6} {'F1':>6}   {'tp':>5} {'fp':>5} {'fn':>5}\n")
    for name, layer in report.layers.items():
        out.write(_row(name.upper(), layer.items) + "\n")
        for field_name, tally in layer.fields.items():
            out.write(_row("  " + field_name, tally) + "\n")
    if report.unmatched_gold:
        out.write(f"\n{len(report.unmatched_gold)} gold document(s) had no prediction: "
                  + ", ".join(report.unmatched_gold[:10]) + "\n")
    if errors:
        for doc in report.documents:
            if doc.errors:
                out.write(f"\n== {doc.gold_path}\n")
                out.writelines(f"  {e}\n" for e in doc.errors)
