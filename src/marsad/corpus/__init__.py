"""The corpus: a SQLite store of analysed documents, search, near-duplicates, stories, comparison and
framing across outlets."""

from marsad.corpus.store import Corpus, IngestStats

__all__ = ["Corpus", "IngestStats"]
