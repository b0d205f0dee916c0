"""The MinHash and LSH of marsad.corpus.dedup against datasketch, whose values they reproduce."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.corpus import dedup
from marsad.corpus.search import index_terms

datasketch = pytest.importorskip("datasketch")

WORDS = ("قصف", "طيران", "التحالف", "الدولي", "مدينة", "الرقة", "مقتل", "مدنيين", "أعلنت", "قوات", "سوريا",
         "الديمقراطية", "بيان", "اليوم", "الأحد", "حي", "القصور", "في", "دير", "الزور", "جرحى", "عشرة")


def _texts(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    base = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 120))) for _ in range(n)]
    # near-copies: a base text with a few words changed, dropped or added
    copies = []
    for text in base[: n // 2]:
        words = text.split()
        for _ in range(rng.randint(0, 4)):
            if words:
                words[rng.randrange(len(words))] = rng.choice(WORDS)
        copies.append(" ".join(words + [rng.choice(WORDS)] * rng.randint(0, 2)))
    return base + copies + ["", "قصف"]


def _reference(text: str) -> bytes:
    mh = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme=dedup.SCHEME)
    words = index_terms(text).split()  # 5-word shingles of the search keys, as documented
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh.hashvalues.astype(np.uint64).tobytes()


def test_signatures_equal_datasketch() -> None:
    for text in _texts(60):
        assert dedup.signature(text) == _reference(text), text


def test_banding_is_datasketch_choice() -> None:
    lsh = datasketch.MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM)
    assert (lsh.b, lsh.r) == (dedup.BANDS, dedup.ROWS)


def test_groups_equal_datasketch_lsh() -> None:
    texts = _texts(80, seed=9)
    sigs = [(f"d{i}", dedup.signature(t)) for i, t in enumerate(texts)]
    lsh = datasketch.MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM)
    expected: dict[str, set[str]] = {}
    seen: dict[str, datasketch.LeanMinHash] = {}
    for doc_id, blob in sigs:
        mh = datasketch.LeanMinHash(seed=dedup.SEED, hashvalues=np.frombuffer(blob, dtype=np.uint64),
                                    scheme=dedup.SCHEME)
        for other in lsh.query(mh):
            if mh.jaccard(seen[other]) >= dedup.THRESHOLD:
                expected.setdefault(doc_id, set()).add(other)
        lsh.insert(doc_id, mh)
        seen[doc_id] = mh
    got = dedup.groups(sigs)
    assert got, "the generated copies must form groups"
    for doc_id, others in expected.items():      # every matching pair ends in one group
        for other in others:
            assert got[doc_id][0] == got[other][0]
    linked = {d for d, others in expected.items() for d in (d, *others)}
    assert set(got) == linked
    for doc_id, (first, sim) in got.items():
        assert sim == pytest.approx(seen[doc_id].jaccard(seen[first]))
        assert int(first[1:]) <= int(doc_id[1:])   # named after the earliest member


def _reference_terms(terms: str) -> bytes:
    mh = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme=dedup.SCHEME)
    words = terms.split()
    mh.update_batch([" ".join(words[i:i + 5]).encode("utf-8") for i in range(max(1, len(words) - 4))])
    return mh.hashvalues.astype(np.uint64).tobytes()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from((*WORDS, "", "a", "٣")), max_size=40), st.sampled_from(("", " ")),
       st.sampled_from(("", " ")))
def test_signature_of_any_spacing_of_terms_equals_datasketch(words: list[str], lead: str, trail: str) -> None:
    """The shingles cut by offsets (single spaces) and the split-and-join path (any other spacing, e.g.
    a word whose search key is empty) give datasketch's signature of the same 5-word shingles."""
    terms = lead + " ".join(words) + trail
    assert dedup.signature("", terms) == _reference_terms(terms)
