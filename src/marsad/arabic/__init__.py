"""Arabic language primitives with no domain knowledge.

Normalisation with offset maps, tokens and clitics, sentences, numbers and
vague quantities, dates.  Importing is cheap: the language tables in
``kb/data/arabic`` are read on first use and cached.
"""

from marsad.arabic.normalize import Normalized, fold, normalize
from marsad.arabic.sentences import sentences
from marsad.arabic.tokens import Stem, Token, stems, tokens

__all__ = ["Normalized", "Stem", "Token", "fold", "normalize", "sentences", "stems", "tokens"]
