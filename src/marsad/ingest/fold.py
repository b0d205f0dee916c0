"""A small matching key for short lines: case, tatweel, diacritics, hamza forms and spacing folded.

Only used to *compare* lines with rule phrases and outlet signatures; the text itself is never
changed.  (Kept local so that ingest does not depend on ``marsad.arabic``.)
"""

from __future__ import annotations

import re

_TABLE = str.maketrans({
    "\u0640": None,  # tatweel
    **{chr(c): None for c in range(0x064B, 0x0653)},  # harakat, tanween, shadda, sukun
    "\u0670": None,  # dagger alef
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي",
    "\u200c": None, "\u200d": None, "\u200e": None, "\u200f": None, "\ufeff": None,
})
_SPACES = re.compile(r"\s+")


def fold(text: str, strip_chars: str = "") -> str:
    """Folded key of ``text``: see the module docstring; ``strip_chars`` are trimmed at both ends."""
    key = _SPACES.sub(" ", text.translate(_TABLE).casefold()).strip()
    if strip_chars:
        key = key.strip(strip_chars + " ")
    return key
