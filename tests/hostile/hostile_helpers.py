"""Helpers of the hostile-input tests: good articles (original wording), result checks, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from marsad.document import Document, validate
from marsad.errors import CODES, InputError

# Two short articles written for these tests; each reads cleanly and names known actors and places.
GOOD_A = (
    "قصف على ريف حلب\n\n"
    "قتل خمسة مدنيين وأصيب 12 آخرون في قصف مدفعي استهدف بلدة الباب بريف حلب يوم الثلاثاء، "
    "وفق ما أفادت مصادر طبية في المنطقة.\n\n"
    "وقال مصدر في الدفاع المدني إن «فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض»."
)
GOOD_B = (
    "حملة اعتقالات في دير الزور\n\n"
    "اعتقلت قوات سوريا الديمقراطية تسعة أشخاص خلال حملة مداهمات في بلدة الشحيل بريف دير الزور "
    "الشرقي أمس الأحد، بتهمة الانتماء إلى تنظيم داعش.\n\n"
    "وأكد المتحدث باسم القوات أن «الحملة ستستمر حتى القضاء على الخلايا النائمة في المنطقة»."
)
GOOD = (GOOD_A, GOOD_B)
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"


def write_goods(folder: Path) -> list[Path]:
    """The good articles as ``good_a.txt`` and ``good_b.txt`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in zip(("good_a.txt", "good_b.txt"), GOOD, strict=True):
        path = folder / name
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def check_item(item: Document | InputError) -> None:
    """An item of a batch is a valid document or an error record with a documented code."""
    if isinstance(item, InputError):
        assert item.code in CODES, item
        assert item.code != "E_ANALYZE", f"a stage crashed: {item.message}"
        assert item.message.strip()
        return
    assert isinstance(item, Document)
    assert validate(item) == [], validate(item)[:5]
    for ent in item.entities:
        assert not any(c in ent.canonical for c in BIDI), f"bidi control in entity name {ent.canonical!r}"


def api_results(paths: Iterable[str | Path], **options: object) -> list[Document | InputError]:
    """Read and analyse ``paths`` through the Python API, checking every item."""
    from marsad.ingest import IngestOptions, read_paths
    from marsad.pipeline import analyze_many

    items = list(analyze_many(read_paths([str(p) for p in paths], IngestOptions(**options))))
    for item in items:
        check_item(item)
    return items


def cli_jsonl(*args: str, timeout: float = 300) -> tuple[int, list[dict], str]:
    """``marsad analyze ARGS --format jsonl`` in a subprocess: exit code, records, stderr."""
    proc = subprocess.run([sys.executable, "-m", "marsad", "analyze", *args, "--format", "jsonl",
                           "--no-progress"], capture_output=True, timeout=timeout)
    records = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.strip()]
    return proc.returncode, records, proc.stderr.decode("utf-8", "replace")


def by_name(records: list[dict]) -> dict[str, dict]:
    """Records keyed by the file name of their source path (``#N`` kept)."""
    return {Path(r["source"]["path"]).name: r for r in records}
