"""Disjoint sets (union-find): items joined into groups, each group named by its smallest item, so that the
name does not depend on the order of the joins.

>>> sets = DisjointSets("abcd")
>>> sets.union("d", "b")
'b'
>>> sets.union("c", "d")
'b'
>>> sets.find("c"), sets.find("a")
('b', 'a')
"""
from __future__ import annotations

from typing import Generic, Hashable, Iterable, TypeVar

K = TypeVar("K", bound=Hashable)


class DisjointSets(Generic[K]):
    """Groups of items, joined two at a time; path halving keeps `find` near constant time."""

    def __init__(self, items: Iterable[K]) -> None:
        self.parent: dict[K, K] = {i: i for i in items}

    def __contains__(self, x: object) -> bool:
        return x in self.parent

    def find(self, x: K) -> K:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: K, b: K) -> K:
        """Join the groups of `a` and `b`; the name of the joined group (its smallest item) is returned."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if rb < ra:   # type: ignore[operator]  (items are ids: strings or ints)
            ra, rb = rb, ra
        self.parent[rb] = ra
        return ra
