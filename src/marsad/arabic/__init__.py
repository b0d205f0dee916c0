"""Arabic language primitives with no domain knowledge.

Normalisation with offset maps, tokens and clitics, sentences, numbers and
vague quantities, dates.  Importing is cheap: the language tables in
``kb/data/arabic`` are read on first use and cached.
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
