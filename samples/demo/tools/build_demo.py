"""Build the SYNTHETIC Marsad demo corpus from its hand-written sources.

Reads every ``samples/demo/src/<story>/<nn>-<outlet>.yaml`` and writes, deterministically:

* raw inputs: ``articles/<outlet>/<id>.txt|.html``, ``feeds/khaleej_wire.jsonl``,
  ``feeds/medi_radio.csv`` (wrapped with the outlet templates of ``tools/templates.yaml``);
* gold: ``gold/<id>.json`` (one ``marsad/1`` Document each) and ``gold/index.json``.

Usage::

    python samples/demo/tools/build_demo.py           # (re)write the generated files
    python samples/demo/tools/build_demo.py --check   # exit 1 if a committed file differs

Only the standard library, PyYAML and ``marsad.document`` are used.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

TOOLS = Path(__file__).resolve().parent
DEMO = TOOLS.parent
sys.path.insert(0, str(TOOLS))
try:
    from marsad.document import Source, validate
except ModuleNotFoundError:  # running without the package installed
    sys.path.insert(0, str(DEMO.parents[1] / "src"))
    from marsad.document import Source, validate

import demo_render as render  # noqa: E402
from demo_gold import GoldError, as_date, build_document  # noqa: E402

GENERATED = ("articles", "feeds", "gold")
REQUIRED = ("id", "story", "outlet", "published", "url", "title", "body")


@dataclass
class Corpus:
    outlets: dict[str, dict]
    templates: dict
    articles: list[dict]


def load_yaml(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise GoldError(f"{path}: invalid YAML: {exc}") from exc


def load_corpus(demo: Path = DEMO, stories: set[str] | None = None) -> Corpus:
    """Outlets, templates and the source articles (sorted by id), checked for consistency.

    ``stories`` limits loading to those story folders (for checking work in progress).
    """
    outlets = {o["id"]: o for o in load_yaml(demo / "outlets.yaml")["outlets"]}
    templates = load_yaml(demo / "tools" / "templates.yaml")
    paths = sorted((demo / "src").glob("*/*.yaml"))
    articles = [load_article(p, outlets) for p in paths if not stories or p.parent.name in stories]
    articles.sort(key=lambda a: a["id"])
    ids = {a["id"] for a in articles}
    if len(ids) != len(articles):
        raise GoldError("duplicate article ids")
    for a in articles:
        if a.get("syndicated_from") and a["syndicated_from"] not in ids and not stories:
            raise GoldError(f"{a['id']}: syndicated_from {a['syndicated_from']!r} is not an article")
    return Corpus(outlets, templates, articles)


def load_article(path: Path, outlets: dict[str, dict]) -> dict:
    art = load_yaml(path)
    missing = [k for k in REQUIRED if not art.get(k)]
    if missing:
        raise GoldError(f"{path}: missing {missing}")
    nn, _, outlet = path.stem.partition("-")
    expected = f"{path.parent.name}-{nn}"
    if art["id"] != expected or art["story"] != path.parent.name or art["outlet"] != outlet:
        raise GoldError(f"{path}: id/story/outlet do not match the file name ({expected}, {outlet})")
    if outlet not in outlets:
        raise GoldError(f"{path}: unknown outlet {outlet!r}")
    art["published"] = as_date(art["published"])
    return art


def teasers_for(corpus: Corpus) -> dict[str, list[str]]:
    """Two teaser headlines per article: the next titles of the same outlet, cyclically."""
    fallback = corpus.templates["fallback_teasers"]
    out: dict[str, list[str]] = {}
    for outlet in corpus.outlets:
        titles = [(a["id"], a["title"].strip()) for a in corpus.articles if a["outlet"] == outlet]
        for i, (art_id, _) in enumerate(titles):
            others = [titles[(i + k) % len(titles)][1] for k in range(1, len(titles))]
            out[art_id] = [*others, *fallback][:2]
    return out


def build(corpus: Corpus) -> dict[str, bytes]:
    """Every generated file, as ``{path relative to samples/demo: bytes}``."""
    files: dict[str, bytes] = {}
    teasers = teasers_for(corpus)
    cal = corpus.templates["calendar"]
    index: list[dict] = []
    first_html = next((a["id"] for a in corpus.articles
                       if corpus.templates["outlets"][a["outlet"]]["format"] == "html"), None)
    feeds: dict[str, list[tuple[dict, dict[str, str]]]] = {}
    for art in corpus.articles:
        tpl = corpus.templates["outlets"][art["outlet"]]
        ctx = render.context(art, cal, teasers[art["id"]], tpl.get("caption", ""))
        fmt, enc = tpl["format"], tpl["encoding"]
        if fmt in ("jsonl", "csv"):
            rows = feeds.setdefault(art["outlet"], [])
            rows.append((art, ctx))
            path, record_id = f"feeds/{art['outlet']}.{fmt}#{len(rows)}", render.fill(tpl["record_id"], ctx)
        else:
            path, record_id = f"articles/{art['outlet']}/{art['id']}.{fmt}", None
            raw = render.render_txt(art, tpl, ctx) if fmt == "txt" else \
                render.render_html(art, tpl, ctx, hostile=art["id"] == first_html)
            files[path] = raw.encode(enc)
        files[f"gold/{art['id']}.json"] = gold_json(corpus, art, path, record_id, enc)
        index.append({"id": art["id"], "story": art["story"], "outlet": art["outlet"], "path": path,
                      "record_id": record_id, "syndicated_from": art.get("syndicated_from")})
    files.update(feed_files(corpus, feeds))
    files["gold/index.json"] = (json.dumps(index, ensure_ascii=False, indent=1) + "\n").encode()
    return files


def feed_files(corpus: Corpus, feeds: dict[str, list[tuple[dict, dict[str, str]]]]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for outlet, rows in sorted(feeds.items()):
        tpl = corpus.templates["outlets"][outlet]
        arts, ctxs = [a for a, _ in rows], [c for _, c in rows]
        ids = [render.fill(tpl["record_id"], c) for c in ctxs]
        if len(set(ids)) != len(ids):
            raise GoldError(f"{outlet}: record ids collide")
        name = corpus.outlets[outlet]["name_ar"]
        text = render.render_jsonl(arts, tpl, ctxs, name) if tpl["format"] == "jsonl" \
            else render.render_csv(arts, tpl, ctxs, name)
        out[f"feeds/{outlet}.{tpl['format']}"] = text.encode(tpl["encoding"])
    return out


def gold_json(corpus: Corpus, art: dict, path: str, record_id: str | None, enc: str) -> bytes:
    outlet = corpus.outlets[art["outlet"]]
    source = Source(path=path, url=art["url"], outlet_id=outlet["id"], record_id=record_id, encoding=enc)
    doc = build_document(art, source, outlet["name_en"])
    problems = validate(doc)
    if problems:
        raise GoldError(f"{art['id']}: invalid gold: {problems}")
    return (doc.to_json(indent=1) + "\n").encode()


def on_disk(demo: Path = DEMO) -> dict[str, bytes]:
    """The generated files currently present under ``demo``."""
    files: dict[str, bytes] = {}
    for top in GENERATED:
        for p in sorted((demo / top).rglob("*")):
            if p.is_file():
                files[p.relative_to(demo).as_posix()] = p.read_bytes()
    return files


def differences(built: dict[str, bytes], present: dict[str, bytes]) -> list[str]:
    changed = [f"differs: {k}" for k in sorted(built) if k in present and present[k] != built[k]]
    missing = [f"missing: {k}" for k in sorted(built) if k not in present]
    extra = [f"stale: {k}" for k in sorted(present) if k not in built]
    return changed + missing + extra


def write(built: dict[str, bytes], demo: Path = DEMO) -> None:
    for stale in set(on_disk(demo)) - set(built):
        (demo / stale).unlink()
    for rel, data in built.items():
        target = demo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed files; write nothing")
    parser.add_argument("--stories", help="only validate these stories (comma-separated), write nothing")
    args = parser.parse_args(argv)
    stories = set(args.stories.split(",")) if args.stories else None
    try:
        built = build(load_corpus(stories=stories))
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if stories:
        print(f"ok: {sum(1 for k in built if k.startswith('gold/s'))} articles of {sorted(stories)} build")
        return 0
    if args.check:
        diffs = differences(built, on_disk())
        for line in diffs:
            print(line)
        return 1 if diffs else 0
    write(built)
    print(f"wrote {len(built)} files under {DEMO}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
