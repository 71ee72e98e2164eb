"""Disjoint sets: groups named by their smallest item, whatever the order of the joins."""
from __future__ import annotations

from hypothesis import given, strategies as st

from newsprism.disjoint import DisjointSets


def test_joined_items_share_the_name_of_their_smallest():
    sets = DisjointSets(["c2", "c10", "c7", "c3"])
    assert sets.union("c7", "c3") == "c3"
    assert sets.union("c10", "c7") == "c10"      # strings compare as strings: "c10" < "c3"
    assert {sets.find(x) for x in ("c10", "c7", "c3")} == {"c10"}
    assert sets.find("c2") == "c2" and "c2" in sets and "c9" not in sets


@given(st.lists(st.tuples(st.integers(0, 19), st.integers(0, 19)), max_size=40))
def test_groups_are_the_connected_items_and_named_by_their_smallest(joins):
    sets = DisjointSets(range(20))
    for a, b in joins:
        sets.union(a, b)
    # reference: grow each item's group through the joins until nothing changes
    group = {i: {i} for i in range(20)}
    changed = True
    while changed:
        changed = False
        for a, b in joins:
            merged = group[a] | group[b]
            for x in merged:
                if group[x] != merged:
                    group[x], changed = merged, True
    for i in range(20):
        assert sets.find(i) == min(group[i])
