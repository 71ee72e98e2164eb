"""An index of people's names for the ledger's person lookups: which entities a name may be, without comparing it
with every name of every person.

`context.same_person(a, b)` holds only if `names.person_match` accepts `a` and `b`, or the shorter one's words
and as many last words of the longer one (`spellings`). `person_match(s, t)` accepts only when the two parse to
the same core tokens, to the same joined spelling key ('Abu Bakr' / 'Abubakr', at least five letters), or
when their surnames pass `names.tokens_match` at 0.88: the same spelling key, an initial and a key it starts,
or a Jaro-Winkler similarity of the two keys of at least 0.8 (`token_similarity` raises nothing below 0.8
to 0.88). Each of these is a key looked up exactly (tokens, joined key, surname key, first letter), except the
last: no exact key holds every pair of strings within a Jaro-Winkler similarity of 0.8 ('bacdef' / 'abcdef'
share no first letter, 'smit' / 'smithsonian' no length band), so those surname keys are found by
`rapidfuzz.process.extract` over the distinct surname keys (in C, once per surname looked up), with a cut-off
below 0.8. The index thus returns every entity `same_person` can accept (and some it rejects); the caller
still decides with `same_person` itself.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from ...resolve import names

# below the least Jaro-Winkler similarity `names.token_similarity` can raise to the 0.88 `person_match` asks
# (0.8), with room for rounding: a candidate search, never the decision
FUZZY_CUTOFF = 0.79


def spellings(name: str) -> list[str]:
    """Every string `same_person` may hand `person_match` for this name: the name itself, and its last k words
    joined by one space for every k from 2 to all of them."""
    w = names.words(name)
    return [name] + [" ".join(w[-k:]) for k in range(2, len(w) + 1)]


class PersonIndex:
    """Entities by the keys of their names' spellings; `candidates(name)` is a superset of the entities with a
    name that `same_person` matches to `name`."""

    def __init__(self, people: Iterable[tuple[str, list[str]]]):
        self.by_key: dict[tuple, set[str]] = defaultdict(set)   # ("t", tokens) / ("j", joined) / ("s", surname)
        self.by_initial: dict[str, set[str]] = defaultdict(set)   # first letter -> surname keys starting with it
        self.order: dict[str, int] = {}
        self.own: dict[str, set[tuple]] = defaultdict(set)   # entity -> the keys of its names
        for ref, aliases in people:
            self.order.setdefault(ref, len(self.order))
            for n in aliases:
                for s in spellings(n):
                    p = names.parse_person(s)
                    if p is None:
                        continue
                    key = names.translit(p.surname)
                    for k in (("t", p.tokens), ("j", p.joined), ("s", key)):
                        self.by_key[k].add(ref)
                        self.own[ref].add(k)
                    if key:
                        self.by_initial[key[0]].add(key)
        self.surnames = sorted(k for ks in self.by_initial.values() for k in ks if len(k) >= 2)
        self._near: dict[str, list[str]] = {}
        self._keys: dict[str, frozenset] = {}

    def _surname_keys(self, key: str) -> set[str]:
        """The indexed surname keys `names.tokens_match` may accept with `key`."""
        if not key:
            return set()
        if len(key) == 1:
            return set(self.by_initial.get(key, ()))
        if key not in self._near:
            self._near[key] = [k for k, _, _ in process.extract(key, self.surnames, scorer=JaroWinkler.similarity,
                                                                score_cutoff=FUZZY_CUTOFF, limit=None)]
        return {key, *self._near[key]} | ({key[0]} if key[0] in self.by_initial.get(key[0], ()) else set())

    def candidates(self, name: str) -> list[str]:
        """Entities that may have a name `same_person` matches to `name`, in the order they were indexed."""
        found: set[str] = set()
        for s in spellings(name):
            p = names.parse_person(s)
            if p is None:
                continue
            found |= self.by_key.get(("t", p.tokens), set())
            found |= self.by_key.get(("j", p.joined), set())
            for k in self._surname_keys(names.translit(p.surname)):
                found |= self.by_key.get(("s", k), set())
        return sorted(found, key=self.order.__getitem__)

    def keys(self, ref: str) -> frozenset:
        """Keys of an indexed entity that any indexed entity `same_person` may match (one name of each) shares
        with it: its names' token and joined keys, and its surname keys with every indexed surname key
        `tokens_match` may accept beside them."""
        if ref not in self._keys:
            own = self.own.get(ref, set())
            self._keys[ref] = frozenset({k for k in own if k[0] != "s"} | {
                ("s", near) for _, key in (k for k in own if k[0] == "s") for near in self._surname_keys(key)})
        return self._keys[ref]
