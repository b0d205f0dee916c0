"""Near-duplicates: syndicated or re-published copies, found with MinHash and LSH.

Each document's signature is a MinHash of its 5-word shingles over search keys (so spelling and clitic
variation does not hide a copy). Documents whose estimated Jaccard similarity reaches
:data:`THRESHOLD` form a group; the group is named after its earliest member, which counts once in
coverage and comparisons.

The MinHash is datasketch's "affine32" scheme (SHA-1's first four bytes, the MurmurHash3 finalizer,
then ``a * h + b mod 2**32`` with datasketch's seeded permutations), computed here with numpy: the
values are the same bit for bit (a test compares them with datasketch when it is installed), so
stores written by earlier versions stay comparable, and ingest no longer pays datasketch's import of
scipy (about a second per process). LSH uses datasketch's banding for 64 permutations at 0.6
(10 bands of 6 values), so the candidate pairs, and the groups, are the same too.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from marsad.corpus.disjoint import DisjointSet
from marsad.corpus.search import index_terms

NUM_PERM = 64
SCHEME = "affine32"  # datasketch's hashing scheme, stored signatures depend on it
SEED = 7
SHINGLE = 5
THRESHOLD = 0.6
BANDS, ROWS = 10, 6  # datasketch's optimal (b, r) for THRESHOLD and NUM_PERM (equal weights)

_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # MurmurHash3 32-bit finalizer


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations for SEED: odd ``a`` and any ``b``, as uint32 columns."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a.reshape(-1, 1), b.reshape(-1, 1)


def _fmix(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer of uint32 values (in place on a copy: no array per step)."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> np.uint32(s1))
    hv *= np.uint32(m1)
    hv ^= hv >> np.uint32(s2)
    hv *= np.uint32(m2)
    hv ^= hv >> np.uint32(s3)
    return hv


def shingles(terms: str) -> list[bytes]:
    """The 5-word shingles of space-separated search ``terms``, UTF-8 encoded (one shingle for a
    short text), repeats included: they cannot change a minimum, and a set of them costs more than
    hashing the few repeats again.  Split once as bytes: no encoding per shingle."""
    words = terms.encode("utf-8").split()
    if len(words) < SHINGLE:
        return [b" ".join(words)]
    return list(map(b" ".join, zip(*(words[j:] for j in range(SHINGLE)), strict=False)))


def signature(text: str, terms: str | None = None) -> bytes:
    """The MinHash signature of ``text`` as bytes (NUM_PERM unsigned 64-bit values).

    ``terms``: ``index_terms(text)`` when the caller has it already.
    """
    sha1 = hashlib.sha1   # OpenSSL's (SHA instructions): faster here than CPython's own _sha1
    digests = b"".join([sha1(s).digest() for s in shingles(index_terms(text) if terms is None else terms)])
    # each digest is 20 bytes: its first 4, little-endian, are datasketch's sha1_hash32
    hv = _fmix(np.frombuffer(digests, dtype="<u4")[::5].astype(np.uint32))
    a, b = _permutations()
    values = a * hv           # one row per permutation (uint32 arithmetic wraps, as datasketch's
    values += b               # mod 2**32; arrays raise no overflow warning)
    return values.min(axis=1).astype(np.uint64).tobytes()


def jaccard(x: np.ndarray, y: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal values)."""
    return float(np.count_nonzero(x == y)) / len(x)


def groups(signatures: Iterable[tuple[str, bytes]]) -> dict[str, tuple[str, float]]:
    """doc id → (group id, similarity to the group's first member), for documents with a near-copy.

    ``signatures`` come in the order that decides the group's name (earliest first).
    """
    bands: list[defaultdict[bytes, list[str]]] = [defaultdict(list) for _ in range(BANDS)]
    sets: DisjointSet[str] = DisjointSet()
    sigs: dict[str, np.ndarray] = {}
    order: list[str] = []
    for doc_id, blob in signatures:
        sig = np.frombuffer(blob, dtype=np.uint64)
        keys = [sig[i * ROWS:(i + 1) * ROWS].tobytes() for i in range(BANDS)]
        candidates = {other for band, key in zip(bands, keys, strict=True) for other in band.get(key, ())}
        for other in candidates:
            if jaccard(sig, sigs[other]) >= THRESHOLD:
                sets.union(other, doc_id)
        for band, key in zip(bands, keys, strict=True):
            band[key].append(doc_id)
        sigs[doc_id] = sig
        order.append(doc_id)
    rank = {d: i for i, d in enumerate(order)}
    result = {}
    for group in sets.groups():
        if len(group) < 2:
            continue
        first = min(group, key=rank.__getitem__)
        for doc_id in group:
            result[doc_id] = (first, jaccard(sigs[doc_id], sigs[first]))
    return result
