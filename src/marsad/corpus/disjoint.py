"""A disjoint-set forest (union–find) used to group duplicates, incidents and stories."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class DisjointSet(Generic[K]):
    def __init__(self, items: Iterable[K] = ()):
        self.parent: dict[K, K] = {x: x for x in items}

    def find(self, x: K) -> K:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def groups(self) -> list[list[K]]:
        """The sets, each in insertion order, ordered by their first member."""
        out: dict[K, list[K]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())
