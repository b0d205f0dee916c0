"""A small matching key for short lines: case, tatweel, diacritics, hamza forms and spacing folded.

Only used to *compare* lines with rule phrases and outlet signatures; the text itself is never
changed.  (Kept local so that ingest does not depend on ``marsad.arabic``.)
"""

from __future__ import annotations

import re

# Deleted: tatweel, harakat/tanween/shadda/sukun (064B-0652), dagger alef, zero-width and bidi marks.
_DELETED = "\u0640\u064b-\u0652\u0670\u200c-\u200f\ufeff"
_DELETE = re.compile(f"[{_DELETED}]")
_MAP = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"))
# every whitespace character (``str.isspace``) but the plain space
OTHER_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# a character that folding deletes or that is a space other than " ": a text without one (nor a
# double, leading or trailing space) has nothing to delete and its spacing is already folded
_IRREGULAR = re.compile(f"[{_DELETED}{OTHER_SPACES}]")
MAX_FOLDED = 8192          # the memo of folded lines is emptied past this many
MAX_FOLDED_CHARS = 512     # longer texts are folded without the memo
_FOLDED: dict[str, str] = {}


def fold(text: str, strip_chars: str = "") -> str:
    """Folded key of ``text``: see the module docstring; ``strip_chars`` are trimmed at both ends."""
    key = _FOLDED.get(text)
    if key is None:
        key = _fold(text)
        if len(text) <= MAX_FOLDED_CHARS:   # a line is folded by several passes of cleaning: once here
            if len(_FOLDED) >= MAX_FOLDED:
                _FOLDED.clear()
            _FOLDED[text] = key
    if strip_chars:
        key = key.strip(strip_chars + " ")
    return key


def _fold(text: str) -> str:
    """:func:`fold` without ``strip_chars`` (not memoised)."""
    if _IRREGULAR.search(text) is None and "  " not in text and text[:1] != " " and text[-1:] != " ":
        key = text                          # the usual line: nothing to delete, spacing already folded
        for letter, plain in _MAP:
            key = key.replace(letter, plain)
        return key.casefold()
    return fold_plain(text)


def fold_plain(text: str) -> str:
    """The plain definition of the folded key (without ``strip_chars``), which :func:`fold` gives faster."""
    # one regex deletion and a few replaces: several times faster than str.translate with a dict
    key = _DELETE.sub("", text)
    for letter, plain in _MAP:
        key = key.replace(letter, plain)
    return " ".join(key.casefold().split())   # whitespace runs -> one space, ends trimmed
