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
still decides with `same_person` itself. The keys a name is filed under (`filed_keys`) and asked for
(`asked_keys`), and the surname search (`Surnames`), are apart so that a Spark run can find the same
candidates by joins (`scale.stubs`).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

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


def filed_keys(name: str) -> Iterator[tuple]:
    """The keys `PersonIndex` files a person's name under: ("t", tokens), ("j", joined spelling) and ("s", surname
    key) of each of its spellings."""
    for s in spellings(name):
        p = names.parse_person(s)
        if p is not None:
            yield from (("t", p.tokens), ("j", p.joined), ("s", names.translit(p.surname)))


def asked_keys(name: str) -> tuple[set[tuple], set[str]]:
    """What `PersonIndex.candidates(name)` looks up: the ("t", tokens) and ("j", joined) keys of the name's
    spellings, and their surname keys, each looked up with every indexed surname key `Surnames.near` gives."""
    keys = set(filed_keys(name))
    return {k for k in keys if k[0] != "s"}, {k[1] for k in keys if k[0] == "s"}


class Surnames:
    """Surname keys, and which of them `names.tokens_match` may accept beside a surname key. `near` over the keys
    of several sets together is the union of `near` over each (each key is judged alone), so the keys may be split
    across machines (`scale.stubs`)."""

    def __init__(self, keys: Iterable[str]):
        self.by_initial: dict[str, set[str]] = defaultdict(set)   # first letter -> keys starting with it
        for key in keys:
            if key:
                self.by_initial[key[0]].add(key)
        self.long = sorted(k for ks in self.by_initial.values() for k in ks if len(k) >= 2)
        self._near: dict[str, list[str]] = {}

    def near(self, key: str) -> set[str]:
        """The keys `names.tokens_match` may accept with `key` (and `key` itself, indexed or not): for an initial,
        every key it starts; else the key, a one-letter key of its initial, and the keys of two letters or more
        within a Jaro-Winkler similarity of FUZZY_CUTOFF."""
        if not key:
            return set()
        if len(key) == 1:
            return set(self.by_initial.get(key, ()))
        if key not in self._near:
            self._near[key] = [k for k, _, _ in process.extract(key, self.long, scorer=JaroWinkler.similarity,
                                                                score_cutoff=FUZZY_CUTOFF, limit=None)]
        return {key, *self._near[key]} | ({key[0]} if key[0] in self.by_initial.get(key[0], ()) else set())


class PersonIndex:
    """Entities by the keys of their names' spellings; `candidates(name)` is a superset of the entities with a
    name that `same_person` matches to `name`."""

    def __init__(self, people: Iterable[tuple[str, list[str]]]):
        self.by_key: dict[tuple, set[str]] = defaultdict(set)   # ("t", tokens) / ("j", joined) / ("s", surname)
        self.order: dict[str, int] = {}
        self.own: dict[str, set[tuple]] = defaultdict(set)   # entity -> the keys of its names
        for ref, aliases in people:
            self.order.setdefault(ref, len(self.order))
            for n in aliases:
                for k in filed_keys(n):
                    self.by_key[k].add(ref)
                    self.own[ref].add(k)
        self.surnames = Surnames(k[1] for k in self.by_key if k[0] == "s")
        self._keys: dict[str, frozenset] = {}

    def candidates(self, name: str) -> list[str]:
        """Entities that may have a name `same_person` matches to `name`, in the order they were indexed."""
        exact, surnames = asked_keys(name)
        found: set[str] = set()
        for k in exact:
            found |= self.by_key.get(k, set())
        for key in surnames:
            for k in self.surnames.near(key):
                found |= self.by_key.get(("s", k), set())
        return sorted(found, key=self.order.__getitem__)

    def keys(self, ref: str) -> frozenset:
        """Keys of an indexed entity that any indexed entity `same_person` may match (one name of each) shares
        with it: its names' token and joined keys, and its surname keys with every indexed surname key
        `tokens_match` may accept beside them."""
        if ref not in self._keys:
            own = self.own.get(ref, set())
            self._keys[ref] = frozenset({k for k in own if k[0] != "s"} | {
                ("s", near) for _, key in (k for k in own if k[0] == "s") for near in self.surnames.near(key)})
        return self._keys[ref]
