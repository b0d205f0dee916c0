"""Arabic language primitives with no domain knowledge.

* :func:`normalize` / :func:`fold` / :func:`fold_key` — folding of letter
  variants, digits and punctuation, deletion of marks and controls, whitespace
  runs; :class:`Normalized` maps spans back (``to_original``, ``span``) and
  forth (``to_normalized``).
* :func:`tokens` (:class:`Token` with ``start, end, text, kind`` and
  ``.stems``) and :func:`stems` (:class:`Stem`: clitic analyses, most likely
  first; "بالرقة" -> "الرقة", "رقة").
* :func:`sentences` — sentence :class:`~marsad.document.Span` objects.
* :func:`find_quantities` / :func:`parse_quantity` / :func:`dual_value` —
  numbers in digits and words, vague amounts, ranges and modifiers as
  :class:`~marsad.document.Quantity`.
* :func:`find_date_spans` / :func:`find_dates` / :func:`parse_date` —
  Gregorian, Hijri, numeric and relative dates as
  :class:`~marsad.document.DateValue`.

Importing is cheap: the language tables in ``kb/data/arabic`` are read on
first use and cached.
"""

from marsad.arabic.dates import find_date_spans, find_dates, parse_date
from marsad.arabic.duals import dual_value
from marsad.arabic.normalize import Normalized, fold, fold_key, normalize
from marsad.arabic.quantities import find_quantities, parse_quantity
from marsad.arabic.sentences import sentences
from marsad.arabic.tokens import Stem, Token, stems, tokens

__all__ = [
    "Normalized", "Stem", "Token", "dual_value", "find_date_spans", "find_dates", "find_quantities", "fold",
    "fold_key", "normalize", "parse_date", "parse_quantity", "sentences", "stems", "tokens",
]
