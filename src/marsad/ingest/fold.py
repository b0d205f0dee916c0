"""A small matching key for short lines: case, tatweel, diacritics, hamza forms and spacing folded.

Only used to *compare* lines with rule phrases and outlet signatures; the text itself is never
changed.  (Kept local so that ingest does not depend on ``marsad.arabic``.)
"""

from __future__ import annotations

import re

# Deleted: tatweel, harakat/tanween/shadda/sukun (064B-0652), dagger alef, zero-width and bidi marks.
_DELETE = re.compile("[\u0640\u064b-\u0652\u0670\u200c-\u200f\ufeff]")
_MAP = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"))


def fold(text: str, strip_chars: str = "") -> str:
    """Folded key of ``text``: see the module docstring; ``strip_chars`` are trimmed at both ends."""
    # one regex deletion and a few replaces: several times faster than str.translate with a dict
    key = _DELETE.sub("", text)
    for letter, plain in _MAP:
        key = key.replace(letter, plain)
    key = " ".join(key.casefold().split())   # whitespace runs -> one space, ends trimmed
    if strip_chars:
        key = key.strip(strip_chars + " ")
    return key
