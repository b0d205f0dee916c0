"""Near-duplicates: syndicated or re-published copies, found with MinHash and LSH (datasketch).

Each document's signature is a MinHash of its 5-word shingles over search keys (so spelling and clitic
variation does not hide a copy). Documents whose estimated Jaccard similarity reaches
:data:`THRESHOLD` form a group; the group is named after its earliest member, which counts once in
coverage and comparisons.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from marsad.corpus.disjoint import DisjointSet
from marsad.corpus.search import index_terms

NUM_PERM = 64
SCHEME = "affine32"  # datasketch's hashing scheme, stored signatures depend on it
SHINGLE = 5
THRESHOLD = 0.6


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` as bytes (NUM_PERM unsigned 64-bit values)."""
    from datasketch import MinHash

    words = index_terms(text).split()
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8")
                for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME)
    mh.update_batch(list(shingles))
    return mh.hashvalues.astype(np.uint64).tobytes()


def groups(signatures: Iterable[tuple[str, bytes]]) -> dict[str, tuple[str, float]]:
    """doc id → (group id, similarity to the group's first member), for documents with a near-copy.

    ``signatures`` come in the order that decides the group's name (earliest first).
    """
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    sets: DisjointSet[str] = DisjointSet()
    sigs: dict[str, LeanMinHash] = {}
    order: list[str] = []
    for doc_id, blob in signatures:
        mh = LeanMinHash(seed=7, hashvalues=np.frombuffer(blob, dtype=np.uint64), scheme=SCHEME)
        for other in lsh.query(mh):
            if mh.jaccard(sigs[other]) >= THRESHOLD:
                sets.union(other, doc_id)
        lsh.insert(doc_id, mh)
        sigs[doc_id] = mh
        order.append(doc_id)
    rank = {d: i for i, d in enumerate(order)}
    result = {}
    for group in sets.groups():
        if len(group) < 2:
            continue
        first = min(group, key=rank.__getitem__)
        for doc_id in group:
            result[doc_id] = (first, float(sigs[doc_id].jaccard(sigs[first])))
    return result

