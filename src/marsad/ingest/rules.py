"""Boilerplate rules, loaded from ``kb/data/boilerplate.yaml`` (see that file for the layout)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.ingest._data import packaged, read_yaml
from marsad.ingest.fold import fold

_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class LineRule:
    """One rule of the ``rules`` list: what it matches and the reason it records."""

    reason: str
    exact: frozenset[str] = frozenset()
    prefix: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = None
    max_chars: int | None = None
    starts_list: bool = False
    words: bool = False

    def matches(self, line: str, key: str) -> bool:
        """Whether the trimmed ``line`` (folded: ``key``) is boilerplate of this kind."""
        if key in self.exact:
            return True
        if self.words and key and all(w in self.exact for w in key.split()):
            return True
        if self.max_chars is None or len(line) <= self.max_chars:
            if self.prefix and key.startswith(self.prefix):     # (most rules have no phrases: no loop)
                return True
            if self.contains and any(p in key for p in self.contains):
                return True
        return self.regex is not None and self.regex.search(line) is not None


@dataclass(frozen=True, slots=True, eq=False)
class Rules:
    """Everything :func:`marsad.ingest.clean` needs to know about boilerplate."""

    limits: dict[str, float]
    decoration: str
    sentence_end: str
    closers: str
    truncation_marks: tuple[str, ...]
    menu_separators: tuple[str, ...]
    line_rules: tuple[LineRule, ...]
    menu_re: re.Pattern[str]
    dateline: dict[str, Any] = field(default_factory=dict)
    key_chars: int = 400  # lines longer than this are never compared by folded phrase
    # the rules that can match a line without a folded key (a long one): regexes, empty phrases
    keyless_rules: tuple[LineRule, ...] = field(init=False, default=())
    # what any rule could match, all rules merged (see :meth:`may_match`); the prefix and contains
    # phrases by line length: group k holds those of the rules whose max_chars is at least
    # _caps[k] (or unset), the last group those of the rules without max_chars
    _exact: frozenset[str] = field(init=False, default=frozenset())
    _word_starts: frozenset[str] = field(init=False, default=frozenset())
    _caps: tuple[int, ...] = field(init=False, default=())
    _phrase_groups: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = field(init=False, default=())
    _regexes: tuple[re.Pattern[str], ...] = field(init=False, default=())
    _any_regex: re.Pattern[str] | None = field(init=False, default=None)   # all of them as one pattern
    _separator_reach: int = field(init=False, default=0)   # a separator match may end this far past a cut

    def __post_init__(self) -> None:
        rules = self.line_rules
        keyless = tuple(r for r in rules if r.regex is not None or "" in r.exact
                        or "" in r.prefix or "" in r.contains)
        caps = tuple(sorted({r.max_chars for r in rules if r.max_chars is not None}))
        groups = []
        for cap in (*caps, None):
            fit = [r for r in rules if r.max_chars is None or (cap is not None and r.max_chars >= cap)]
            groups.append((tuple(p for r in fit for p in r.prefix),
                           tuple(p for r in fit for p in r.contains)))
        merged = {
            "keyless_rules": keyless,
            "_exact": frozenset().union(*(r.exact for r in rules)),
            "_word_starts": frozenset().union(*(r.exact for r in rules if r.words)),
            "_caps": caps,
            "_phrase_groups": tuple(groups),
            "_regexes": tuple(r.regex for r in rules if r.regex is not None),
            "_any_regex": _merged(tuple(r.regex for r in rules if r.regex is not None)),
            "_separator_reach": max(map(len, self.menu_separators), default=1) - 1,
        }
        for name, value in merged.items():
            object.__setattr__(self, name, value)

    def limit(self, name: str) -> int:
        return int(self.limits[name])

    def key(self, line: str) -> str:
        """The folded matching key of a trimmed line."""
        return fold(line, self.decoration)

    def credited(self, rule: LineRule, line: str) -> str | None:
        """The outlet named by a rule's ``outlet`` group on ``line`` ("المصدر: سانا" -> "سانا")."""
        if rule.regex is None or "outlet" not in rule.regex.groupindex:
            return None
        match = rule.regex.search(line)
        return match.group("outlet") if match else None

    def classify(self, line: str) -> LineRule | None:
        """The first rule that marks ``line`` as boilerplate, or ``None``."""
        # phrases only match short lines: long ones skip the (costly) folding and meet regexes only
        key = self.key(line) if len(line) <= self.key_chars else ""
        if not self.may_match(line, key):
            return None
        for rule in self.line_rules if key else self.keyless_rules:
            if rule.matches(line, key):
                return rule
        return None

    def may_match(self, line: str, key: str) -> bool:
        """False when no rule matches ``line`` (folded: ``key``): all rules' phrases and patterns
        tried at once, so that most lines (body text) are let go without a test per rule.  True
        does not say which rule matches (:meth:`classify` then tries them in order)."""
        if key in self._exact or key.partition(" ")[0] in self._word_starts:   # (a words rule: every word)
            return True
        prefixes, contains = self._phrase_groups[bisect_left(self._caps, len(line))]
        if key.startswith(prefixes) or any(p in key for p in contains):
            return True
        if self._any_regex is not None:
            return self._any_regex.search(line) is not None
        return any(rx.search(line) is not None for rx in self._regexes)

    def line_key(self, line: str) -> str:
        """Key for comparing lines: folded when short, the text itself when long (exact repeats)."""
        return self.key(line) if len(line) <= self.key_chars else line

    def is_menu(self, line: str) -> bool:
        """A navigation line: many short items split by menu separators."""
        most = self.limit("menu_max_item_words")
        head = line.split(None, most + 1)   # (most lines) words enough for an item too long before any
        if len(head) > most + 1:            # separator: no menu, and no scan of the whole line
            cut = len(line) - len(head[-1])
            if self.menu_re.search(line, 0, cut + self._separator_reach) is None:
                return False
        items = [i for i in (part.strip() for part in self.menu_re.split(line)) if i]
        if len(items) < self.limit("menu_min_items"):
            return False
        return all(len(i.split()) <= self.limit("menu_max_item_words") for i in items)

    def ends_sentence(self, line: str) -> bool:
        tail = line.rstrip().rstrip(self.closers)
        return bool(tail) and tail[-1] in self.sentence_end

    def is_body(self, line: str) -> bool:
        """A line that looks like an article paragraph, not a label, headline or widget."""
        if len(line) >= self.limit("long_line_chars"):
            return True
        return len(line) >= self.limit("body_min_chars") and self.ends_sentence(line)


_RENUMBERED = re.compile(r"\\\d|\(\?\(")   # a numbered back-reference or a conditional group


def _merged(regexes: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that matches where any of ``regexes`` does (one search instead of one per rule:
    most of a search's cost is the call), or ``None`` when they cannot be put together: other
    flags, a group referred to by number, a group name used twice."""
    if not regexes or len({rx.flags for rx in regexes}) != 1 or any(_RENUMBERED.search(rx.pattern)
                                                                    for rx in regexes):
        return None
    try:
        return re.compile("|".join(f"(?:{rx.pattern})" for rx in regexes), regexes[0].flags)
    except re.error:
        return None


def has_word(text: str) -> bool:
    """Whether ``text`` holds any letter or digit (a line without one is a lone symbol)."""
    return _WORD.search(text) is not None


def _line_rule(spec: dict[str, Any], strip: str) -> LineRule:
    regex = spec.get("regex")
    return LineRule(
        reason=str(spec["reason"]),
        exact=frozenset(fold(str(p), strip) for p in spec.get("exact", ())),
        prefix=tuple(fold(str(p), strip) for p in spec.get("prefix", ())),
        contains=tuple(fold(str(p)) for p in spec.get("contains", ())),
        regex=re.compile(regex, re.IGNORECASE) if regex else None,
        max_chars=spec.get("max_chars"),
        starts_list=bool(spec.get("starts_list", False)),
        words=bool(spec.get("words", False)),
    )


def rules_from_dict(data: dict[str, Any]) -> Rules:
    """Build :class:`Rules` from the parsed YAML mapping."""
    try:
        strip = str(data["decoration"])
        return Rules(
            limits={k: float(v) for k, v in data["limits"].items()},
            decoration=strip,
            sentence_end=str(data["sentence_end"]),
            closers=str(data["closers"]),
            truncation_marks=tuple(data["truncation_marks"]),
            menu_separators=tuple(data["menu_separators"]),
            menu_re=re.compile("|".join(re.escape(s) for s in data["menu_separators"])),
            line_rules=tuple(_line_rule(s, strip) for s in data["rules"]),
            dateline=dict(data.get("dateline") or {}),
            key_chars=int(data["limits"].get("key_chars", 400)),
        )
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise MarsadError("E_USAGE", f"boilerplate rules are malformed: {exc!r}") from exc


@cache
def load_rules(path: Path | None = None) -> Rules:
    """The packaged rules, or those of another file with the same layout (cached)."""
    data = read_yaml(path) if path is not None else packaged("boilerplate.yaml")
    return rules_from_dict(data)
