"""Document pairs of a figure block that may align a figure, found through shared keys: the ledger is the same
with and without the pruning."""
from __future__ import annotations

from test_facts import CFG, Corpus, killed

from newsprism.align.facts.context import build_context
from newsprism.align.facts.figure_match import _align
from newsprism.align.facts.figure_reach import keys, partners, prunable, slot_people
from newsprism.align.facts.figures import figure


def test_partners_are_the_later_documents_sharing_a_key():
    assert partners([frozenset({1, 2}), frozenset({3}), frozenset({2, 3}), frozenset({4})]) == [[2], [2], [], []]


def test_pruning_needs_penalties_that_only_lower_the_score():
    assert prunable(CFG.facts)
    cfg = CFG.facts.model_copy(update={"parse_weights": {**CFG.facts.parse_weights, "mods": -0.05}})
    assert not prunable(cfg)


def block():
    c = Corpus()
    c.entity("e1", "Sergei Lavrov")
    c.entity("e2", "Sergey Lavrow")
    c.claim("a", "Gunmen killed 12 villagers in Kora.", predicate="kill", value=killed(12))
    c.claim("b", "Twelve villagers died in Kora, officials said.", predicate="kill", value=killed(12, text="Twelve"))
    c.claim("c", "A storm killed 30 villagers far away.", predicate="kill", value=killed(30))
    c.claim("d", "Gunmen killed 19 villagers in Kora.", predicate="kill", value=killed(19))
    for doc, who, at in (("e", "e1", "Sergei Lavrov"), ("f", "e2", "Sergey Lavrow")):
        text = f"{at} counted 7 villagers."
        c.claim(doc, text, predicate="count", value={**killed(7), "slot": {"verb": "count", "pred": "count",
                                                                        "subj": {"lemma": "x", "at": 0}}})
        c.mention(doc, at, who)
    a = c.analysis()
    a.bind()
    ctx = build_context(a, CFG.facts)
    figs = [figure(ctx, cl) for cl in a.claims]
    return ctx, figs


def test_the_same_pairs_are_aligned_with_and_without_pruning():
    ctx, figs = block()
    idf = {w: 1.0 for f in figs for w in f.words}
    people = slot_people(ctx, figs)
    assert {"e1", "e2"} <= set(people.order)   # the doers named in the slots
    doer = [{k for k in keys(ctx, f, people) if k[0] == "subj"} for f in figs[4:]]
    assert doer[0] & doer[1]   # Lavrov / Lavrow may be one doer: they share a key of the slot's people
    # the storm's count and the doers' count share nothing with the others: those pairs are never compared
    assert partners([keys(ctx, f, people) for f in figs]) == [[1, 2, 3], [2, 3], [3], [], [5], []]
    pruned = [(x.claim.id, y.claim.id, v) for x, y, v in _align(ctx, figs, idf, people)]
    full = [(x.claim.id, y.claim.id, v) for x, y, v in _align(ctx, figs, idf)]
    assert pruned == full and pruned
