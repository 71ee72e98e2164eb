"""Which document pairs of a figure block can align a figure at all, found through an index instead of comparing
every pair.

`figure_match.slot_score(a, b)` is above 0 only through something the two figures share: a word of their
neighbourhoods (names included, as '@entity'), a value of one part of their parse slots, a figure stated beside
both, the same amount, or a doer, thing done to or owner that `Context.may_be_same` takes for one person (the
same entity, a shared name word, or names that `same_person` matches). Everything else it adds is a penalty (the
size, part and doer terms), so with nothing shared the score is at most 0, below `agree_min`, and with the
unique-figure bonus added only to a score above 0, two documents whose figures share none of these keys align
no figure. `keys` lists a figure's keys (the people's through `name_index.PersonIndex.keys`, which two people
share whenever `same_person` may match one name of each); `partners` lists the documents sharing a key.
"""
from __future__ import annotations

from collections import defaultdict

from ...config import FactsConfig
from .context import Context, names_of
from .figures import Figure
from .name_index import PersonIndex

PERSON_PARTS = ("subj", "obj", "owner")   # the parse parts `_parse_score` compares with `may_be_same`


def prunable(cfg: FactsConfig) -> bool:
    """Whether a score with nothing shared is surely below `agree_min`: every part weight and penalty is
    non-negative and `agree_min` is positive (else every pair is compared)."""
    return cfg.agree_min > 0 and cfg.size_apart >= 0 and cfg.part_apart >= 0 \
        and all(w >= 0 for w in cfg.parse_weights.values())


def slot_people(ctx: Context, figs: list[Figure]) -> PersonIndex:
    """The people that figures' parse slots name, indexed by their names."""
    refs = sorted({x for f in figs for _, x in _people(ctx, f, PERSON_PARTS)})
    return PersonIndex((x, names_of(ctx, x)) for x in refs)


def _people(ctx: Context, f: Figure, parts: tuple[str, ...]):
    """(part, person) pairs of a figure's slot, read as `Context.may_be_same` reads them."""
    for part in parts:
        for r in f.parse.get(part, ()):
            x = r[1:] if r.startswith("@") else r
            if ctx.entity_type(x) == "PERSON":
                yield part, x


def keys(ctx: Context, f: Figure, people: PersonIndex) -> frozenset:
    """Keys two figures share whenever `slot_score` may put them above 0."""
    out: set = {("w", w) for w in f.words}
    out |= {("p", part, r) for part in ctx.cfg.parse_weights for r in f.parse.get(part, ())}
    out |= {("c", t) for t in f.co}
    out.add(("k", f.key[:2]))
    for part, x in _people(ctx, f, PERSON_PARTS):
        out.add(("e", part, x))
        out |= {("n", part, w) for w in ctx.name_words(x)}
        out |= {(part, k) for k in people.keys(x)}
    return frozenset(out)


def partners(doc_keys: list[frozenset]) -> list[list[int]]:
    """For each document (by index), the later documents sharing a key with it, in order."""
    masks: dict = defaultdict(int)
    for i, ks in enumerate(doc_keys):
        bit = 1 << i
        for k in ks:
            masks[k] |= bit
    out = []
    for i, ks in enumerate(doc_keys):
        m = 0
        for k in ks:
            m |= masks[k]
        m &= ~((2 << i) - 1)   # later documents only
        later = []
        while m:
            low = m & -m
            later.append(low.bit_length() - 1)
            m ^= low
        out.append(later)
    return out
