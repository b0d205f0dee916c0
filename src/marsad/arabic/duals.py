"""Dual nouns as counts of two ("قتيلان", "قتيلين", "سيارتين")."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from marsad.arabic._data import table
from marsad.arabic.normalize import fold_key
from marsad.arabic.numbers import lexicon

__all__ = ["dual_value"]


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, ...], tuple[str, ...], str]:
    d = table("numbers")["dual"]
    suffixes = tuple(fold_key(s) for s in d["suffixes"])
    feminine = tuple(fold_key(s) for s in d["feminine"])
    return suffixes, feminine, fold_key(d["feminine_stem_end"])


def _bases(word: str) -> list[str]:
    """The word without proclitics and/or the article."""
    article = fold_key(table("clitics")["article"])
    out = [word]
    for pro in ("", *lexicon().proclitics):
        rest = word[len(pro):] if word.startswith(pro) else None
        if rest is None:
            continue
        out.append(rest)
        if rest.startswith(article):
            out.append(rest[len(article):])
    return out


def dual_stems(word: str) -> list[str]:
    """Singular stems (folded) the word would be the dual of, by its ending alone."""
    suffixes, feminine, fem_end = _endings()
    out: list[str] = []
    for base in _bases(fold_key(word)):
        for suf in feminine:
            if base.endswith(suf) and len(base) - len(suf) >= 2:
                out.append(base[: -len(suf)] + fem_end)
        for suf in suffixes:
            if base.endswith(suf) and len(base) - len(suf) >= 2:
                out.append(base[: -len(suf)])
    return out


def dual_value(token: str, nouns: Collection[str] | None = None) -> int | None:
    """2 when ``token`` is the dual of one of ``nouns`` (singular stems), else ``None``.

    Without ``nouns`` only the ending is checked, which also accepts sound
    plurals ("مدنيين"): pass the nouns whose dual you mean to count.  Nouns
    are compared folded ("قتيل" matches "قتيلان", "بالقتيلين").
    """
    stems = dual_stems(token)
    if nouns is None:
        return 2 if stems else None
    folded = {fold_key(n) for n in nouns}
    return 2 if any(s in folded for s in stems) else None
