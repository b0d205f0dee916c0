"""The per-document view the entity finders share: normalised text, words around a hit, spans."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from marsad.document import Span
from marsad.extract.entities.lexicon import Lexicon

if TYPE_CHECKING:
    from marsad.kb import KnowledgeBase

SKIPPED = ' "\'(«»'


@dataclass(slots=True)
class Found:
    """One mention found: ``[start, end)`` in the normalised text, the referent, how it was found.

    ``ref`` is a knowledge-base id, or ``"?" + folded name`` for a person the KB lacks.
    """

    start: int
    end: int
    ref: str
    how: str = "match"


@dataclass
class DocView:
    """A document as the entity finders see it."""

    original: str
    norm: Any                      # marsad.arabic.Normalized
    kb: KnowledgeBase
    lex: Lexicon
    sentences: Callable[[], list[Span]] | None = None   # original sentence spans, on demand

    @property
    def text(self) -> str:
        return str(self.norm.text)

    @cached_property
    def tokens(self) -> list[Any]:
        from marsad.arabic import tokens

        return list(tokens(self.text))

    @cached_property
    def token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_right(self.token_starts, offset - 1)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Normalised offsets where sentences begin."""
        if self.sentences is None:
            from marsad.arabic import sentences

            spans = sentences(self.original)
        else:
            spans = self.sentences()
        return [self.norm.to_normalized(s.start, s.end)[0] for s in spans]

    def sentence_index(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def original_char(self, i: int) -> str:
        s, e = self.norm.to_original(i, i + 1)
        return self.original[s:e][-1:] if e > s else ""

    def span(self, start: int, end: int) -> Span:
        """The original span behind normalised ``[start, end)``."""
        s, e = self.norm.to_original(start, end)
        return Span.of(self.original, s, e)

    def word_start(self, i: int) -> int:
        text = self.text
        while i > 0 and text[i - 1].isalnum():
            i -= 1
        return i

    def word_before(self, start: int) -> str:
        """The folded word before the one holding ``start`` (quotes and spaces skipped)."""
        text = self.text
        j = self.word_start(start)
        while j > 0 and text[j - 1] in SKIPPED:
            j -= 1
        end = j
        while j > 0 and text[j - 1].isalnum():
            j -= 1
        return text[j:end]

    def word_after(self, end: int) -> str:
        text = self.text
        j = end
        while j < len(text) and text[j] in SKIPPED:
            j += 1
        k = j
        while k < len(text) and text[k].isalnum():
            k += 1
        return text[j:k]

    def bare(self, word: str, vocabulary: frozenset[str] | dict[str, Any]) -> str | None:
        """``word`` or ``word`` without a proclitic, if that is in ``vocabulary``."""
        if word in vocabulary:
            return word
        for p in self.lex.clitics.before_plain:
            if p and word.startswith(p) and word[len(p):] in vocabulary:
                return word[len(p):]
        return None
