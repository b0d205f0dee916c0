"""Score predicted documents against hand-annotated gold documents (``marsad evaluate``).

Gold documents are marsad/1 JSON files in a folder; their ``source.path`` names the raw input relative
to the folder's parent (``articles/x/y.txt``, ``feeds/f.jsonl#3``). Predictions are matched to gold by
that path (a predicted path ending with it), else by record id, else by document id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.document import Document
from marsad.errors import MarsadError
from marsad.evaluate.align import Alignment
from marsad.evaluate.score import LAYERS, LayerScore, Pair, score_layer

__all__ = ["Report", "evaluate", "load_gold", "load_predictions", "predict"]


@dataclass
class DocReport:
    gold_path: str
    errors: list[str] = field(default_factory=list)


@dataclass
class Report:
    layers: dict[str, LayerScore] = field(default_factory=lambda: {x.name: LayerScore() for x in LAYERS})
    documents: list[DocReport] = field(default_factory=list)
    unmatched_gold: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "layers": {name: {"items": s.items.to_dict(),
                              "fields": {f: t.to_dict() for f, t in s.fields.items()}}
                       for name, s in self.layers.items()},
            "documents": [{"gold": d.gold_path, "errors": d.errors} for d in self.documents],
            "unmatched_gold": self.unmatched_gold,
        }


def evaluate(gold: Sequence[Document], pred: Iterable[Document]) -> Report:
    """Match documents, then items per layer; return the scores and a per-document error list."""
    report = Report()
    preds = list(pred)
    for g in gold:
        p = _find(g, preds)
        if p is None:
            report.unmatched_gold.append(g.source.path or g.id)
            p = Document(id="", text=g.text, source=g.source)  # everything of g counts as missed
        pair = Pair(g, p, Alignment.between(g.text, p.text))
        for layer in LAYERS:
            report.layers[layer.name].add(score_layer(pair, layer))
        report.documents.append(DocReport(g.source.path or g.id, pair.errors))
    return report


def _find(g: Document, preds: list[Document]) -> Document | None:
    path = (g.source.path or "").replace("\\", "/")
    for p in preds:
        ppath = (p.source.path or "").replace("\\", "/")
        if path and (ppath == path or ppath.endswith("/" + path)):
            return p
    for p in preds:
        if g.source.record_id and p.source.record_id == g.source.record_id:
            return p
    return next((p for p in preds if p.id == g.id), None)


def load_gold(folder: Path) -> list[Document]:
    """Every marsad/1 document (``*.json``) in ``folder``, sorted by file name."""
    if not folder.is_dir():
        raise MarsadError("E_USAGE", f"gold folder not found: {folder}")
    docs = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        if isinstance(data, dict) and data.get("schema") == "marsad/1":
            docs.append(Document.from_dict(data))
    if not docs:
        raise MarsadError("E_USAGE", f"no marsad/1 gold documents (*.json) in {folder}")
    return docs


def load_predictions(path: Path) -> list[Document]:
    """Documents from a JSONL file (or a stream of JSON objects) as written by ``marsad analyze``."""
    if not path.is_file():
        raise MarsadError("E_USAGE", f"predictions file not found: {path}")
    decoder, text, docs, pos = json.JSONDecoder(), path.read_text("utf-8"), [], 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return docs
        data, pos = decoder.raw_decode(text, pos)
        if isinstance(data, dict) and data.get("schema") == "marsad/1":
            docs.append(Document.from_dict(data))


def predict(gold: Sequence[Document], root: Path, kb_files: Sequence[Path] = ()) -> list[Document]:
    """Analyse the raw inputs the gold documents name (paths relative to ``root``)."""
    from marsad.ingest import IngestOptions, read_paths
    from marsad.pipeline import analyze_many

    files = sorted({(g.source.path or "").split("#", 1)[0] for g in gold if g.source.path})
    missing = [f for f in files if not (root / f).exists()]
    if missing:
        raise MarsadError("E_USAGE", f"raw inputs named by the gold are missing under {root}: "
                                     + ", ".join(missing[:5]))
    outlets = [root / "outlets.yaml"] if (root / "outlets.yaml").is_file() else []
    opts = IngestOptions(outlet_files=outlets)
    items = read_paths([str(root / f) for f in files], opts)
    return [d for d in analyze_many(items, kb_files=kb_files) if isinstance(d, Document)]
