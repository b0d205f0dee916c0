"""Access to the corpus from request threads: one read-only connection per thread, one writer."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from marsad.corpus import Corpus
from marsad.errors import MarsadError
from marsad.web.errors import ApiError


class CorpusPool:
    """Read-only :class:`Corpus` handles cached per thread; writes go through one lock."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._all: list[Corpus] = []

    def reader(self) -> Corpus:
        corpus = getattr(self._local, "corpus", None)
        if corpus is None:
            if not self.path.is_file():
                raise ApiError(503, f"no corpus at {self.path.name}: ingest articles first", "E_NO_CORPUS")
            corpus = self._open()
            self._local.corpus = corpus
            self._all.append(corpus)
        return corpus

    def _open(self) -> Corpus:
        """A read-only handle; a file of an older schema is upgraded once (migrations are safe)."""
        try:
            return Corpus(self.path, readonly=True)
        except MarsadError:
            pass
        try:
            with self._write_lock, Corpus(self.path):
                pass
            return Corpus(self.path, readonly=True)
        except (MarsadError, OSError, sqlite3.Error) as exc:
            message = exc.message if isinstance(exc, MarsadError) else str(exc)
            raise ApiError(503, message, "E_NO_CORPUS") from exc

    @contextmanager
    def writer(self) -> Iterator[Corpus]:
        with self._write_lock, Corpus(self.path) as corpus:
            yield corpus

    def close(self) -> None:
        for corpus in self._all:
            with contextlib.suppress(Exception):  # a connection of a finished thread
                corpus.close()
        self._all.clear()
