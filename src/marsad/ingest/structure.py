"""Document-level cleaning passes: related lists, title, labels and captions, repeats, glued teasers.

Each pass reads the per-line verdicts left by the previous ones and only ever sets ``Line.reason``
on lines still kept; limits come from ``boilerplate.yaml``.
"""

from __future__ import annotations

from marsad.ingest.lines import Line
from marsad.ingest.rules import Rules


def _kept(lines: list[Line]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.kept]


def _words(text: str) -> int:
    return len(text.split())


def drop_related_lists(lines: list[Line], starts: set[int], rules: Rules) -> None:
    """After a "related news" header, drop the run of headline-like lines up to the next body line."""
    for i in sorted(starts):
        for line in lines[i + 1:]:
            if not line.kept:
                continue
            if rules.is_body(line.text) or len(line.text) > rules.limit("teaser_max_chars"):
                break
            line.reason = "related_list"


def pick_title(lines: list[Line], rules: Rules, title_first: bool = False) -> int | None:
    """Index of the title line, dropping the labels and captions around it (see :func:`_pre_body`)."""
    kept = _kept(lines)
    if not kept:
        return None
    if title_first:
        return kept[0]
    pre = _pre_body(lines, kept, rules)
    title = _title_in(lines, pre, rules)
    if title is None and not pre:
        title = _repeated_headline(lines, kept, rules)
    title_key = rules.key(lines[title].text) if title is not None else ""
    for i in pre:
        text = lines[i].text
        if i == title or len(text) > rules.limit("short_line_chars") or rules.ends_sentence(text):
            continue  # a short first paragraph ending in a full stop is body: keep it
        if title_key and _repeats_title(rules.key(lines[i].text), title_key):
            continue  # left to drop_repeats, which names it a repeated title
        lines[i].reason = "label" if title is None or i < title else "caption"
    return title


def _pre_body(lines: list[Line], kept: list[int], rules: Rules) -> list[int]:
    """Kept lines before the first body paragraph (none when there is no body paragraph)."""
    for n, i in enumerate(kept):
        if rules.is_body(lines[i].text):
            return kept[:n]
    return []


def _title_in(lines: list[Line], pre: list[int], rules: Rules) -> int | None:
    fits = [i for i in pre if len(lines[i].text) <= rules.limit("title_max_chars")]
    long_enough = [i for i in fits if _words(lines[i].text) >= rules.limit("title_min_words")]
    if long_enough:
        return long_enough[0]
    fits = [i for i in fits if _words(lines[i].text) >= 2]
    return max(fits, key=lambda i: len(lines[i].text)) if fits else None


def _repeated_headline(lines: list[Line], kept: list[int], rules: Rules) -> int | None:
    """A headline-like line that occurs twice (pages that repeat their headline at the end)."""
    seen: dict[str, int] = {}
    for i in kept:
        text = lines[i].text
        if rules.is_body(text) or rules.ends_sentence(text) or _words(text) < rules.limit("title_min_words"):
            continue
        key = rules.key(text)
        if key in seen:
            return seen[key]
        seen[key] = i
    return None


def _repeats_title(key: str, title: str) -> bool:
    shorter, longer = sorted((key, title), key=len)
    return shorter in longer and len(shorter) >= 0.6 * len(longer)


def drop_repeats(lines: list[Line], title: int | None, rules: Rules) -> None:
    """Drop lines identical to an earlier line, and captions that repeat the title."""
    title_key = rules.key(lines[title].text) if title is not None else None
    seen = {title_key} if title_key else set()
    for i, line in enumerate(lines):
        if not line.kept or i == title:
            continue
        key = rules.line_key(line.text)
        if title_key and not rules.is_body(line.text) and _repeats_title(key, title_key):
            line.reason = "repeated_title"
        elif key in seen:
            line.reason = "duplicate_line"
        else:
            seen.add(key)


def drop_glued_teasers(lines: list[Line], title: int | None, rules: Rules) -> None:
    """In blank-line-paragraph text, drop a headline glued (no blank line) on top of a body paragraph.

    Scraped pages leave related-article headlines right above a paragraph; real subheadings are
    short (fewer than ``title_min_words`` words) or followed by a blank line, so they stay.
    """
    if len(lines) < 3:
        return
    share = sum(line.blank_before for line in lines[1:]) / (len(lines) - 1)
    if share < rules.limits["blank_style_share"]:
        return
    for i in range(len(lines) - 1):
        line, nxt = lines[i], lines[i + 1]
        if i == title or not line.kept or nxt.blank_before or not nxt.kept:
            continue
        text = line.text
        if (len(text) <= rules.limit("teaser_max_chars") and not rules.ends_sentence(text)
                and _words(text) >= rules.limit("title_min_words") and rules.is_body(nxt.text)):
            line.reason = "glued_teaser"
