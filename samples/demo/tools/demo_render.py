"""Render SYNTHETIC demo articles into raw inputs: web-page text, HTML pages and feeds.

The wrapping of each outlet (menus, widgets, teasers, sign-offs) comes from
``templates.yaml``; placeholders are written ``{{name}}``.  Everything here is
deterministic: times and record numbers derive from a hash of the article id.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from datetime import date
from typing import Any

from demo_gold import paragraphs

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_ATTR = ' onerror="alert(1)"'
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def fill(template: str, ctx: dict[str, str]) -> str:
    """Replace every ``{{name}}`` of ``template`` (an unknown name is an error)."""
    return _PLACEHOLDER.sub(lambda m: ctx[m.group(1)], template)


def digest(art_id: str) -> int:
    return int(hashlib.sha256(art_id.encode()).hexdigest()[:8], 16)


def context(art: dict, cal: dict, teasers: list[str], caption: str) -> dict[str, str]:
    """Placeholder values of one article (dates, time, teasers, caption)."""
    pub: date = art["published"]
    h = digest(art["id"])
    hh, mm = 7 + h % 15, (h // 15) % 60
    return {
        "id": art["id"], "title": art["title"].strip(), "url": art["url"],
        "dd": f"{pub.day:02d}", "mm": f"{pub.month:02d}", "yyyy": str(pub.year),
        "day": str(pub.day), "HH": f"{hh:02d}", "MM": f"{mm:02d}",
        "month": cal["months"][pub.month - 1], "month_short": cal["months_short"][pub.month - 1],
        "weekday": cal["weekdays"][pub.weekday()], "iso": f"{pub.isoformat()}T{hh:02d}:{mm:02d}:00+03:00",
        "teaser_1": teasers[0], "teaser_2": teasers[1], "caption": art.get("caption") or caption,
        "city": art.get("city") or "إسطنبول", "num": f"{h % 100000:05d}",
    }


def render_txt(art: dict, tpl: dict, ctx: dict[str, str]) -> str:
    """A scraped web page as text: template lines around the body paragraphs."""
    paras = paragraphs(art["body"])
    after = tpl.get("teaser_after_paragraph")
    if after and len(paras) > after + 1:
        paras.insert(after, fill(tpl["teaser_block"], ctx).strip())
    return fill(tpl["layout"], {**ctx, "body": "\n\n".join(paras)})


def render_html(art: dict, tpl: dict, ctx: dict[str, str], hostile: bool) -> str:
    """An HTML page; ``hostile`` adds an inline script and an ``onerror`` attribute."""
    esc = {k: html.escape(v, quote=False) for k, v in ctx.items()}
    ps = [f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs(art["body"])]
    if hostile:
        ps.insert(1, HOSTILE_SCRIPT)
    esc.update(
        title_attr=html.escape(ctx["title"], quote=True), url=html.escape(ctx["url"], quote=True),
        paragraphs="\n".join(ps), hostile_attr=HOSTILE_ATTR if hostile else "",
    )
    return fill(tpl["layout"], esc)


def feed_body(art: dict, tpl: dict, sep: str) -> str:
    return sep.join([*paragraphs(art["body"]), tpl["body_suffix"]])


def render_jsonl(arts: list[dict], tpl: dict, ctxs: list[dict[str, str]], source: str) -> str:
    """The JSONL feed: one record per article, in id order."""
    lines = []
    for art, ctx in zip(arts, ctxs, strict=True):
        rec: dict[str, Any] = {
            "id": fill(tpl["record_id"], ctx), "title": ctx["title"], "body": feed_body(art, tpl, "\n\n"),
            "url": art["url"], "published": ctx["iso"], "source": source,
        }
        lines.append(json.dumps(rec, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def render_csv(arts: list[dict], tpl: dict, ctxs: list[dict[str, str]], outlet: str) -> str:
    """The CSV feed: guid, headline, content, link, pubdate (dd/mm/yyyy), outlet."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["guid", "headline", "content", "link", "pubdate", "outlet"])
    for art, ctx in zip(arts, ctxs, strict=True):
        writer.writerow([
            fill(tpl["record_id"], ctx), ctx["title"], feed_body(art, tpl, "\n"), art["url"],
            f"{ctx['dd']}/{ctx['mm']}/{ctx['yyyy']}", outlet,
        ])
    return buf.getvalue()
