"""Figures inside one event: the same act by the same doer, its count told two ways by two documents, is a
dispute; a document giving two values of the unit counts two things; an unsure doer disputes nothing."""
from __future__ import annotations

from test_facts import CFG, Corpus

from newsprism.align.facts.context import build_context
from newsprism.align.facts.event_figures import split_disputed
from newsprism.align.facts.events import event_claims


def usd(amount, text):
    return {"amount": amount, "unit": "USD", "text": text}


def split(c: Corpus, same_doer=lambda a, b: True):
    analysis = c.analysis()
    ctx = build_context(analysis, CFG.facts)
    return split_disputed(ctx, event_claims(ctx, analysis.claims), same_doer)


def cut(c: Corpus, doc: str, text: str, value: dict) -> None:
    lumo = c.entity("e1", "Lumo Systems", "ORG")
    c.claim(doc, text, predicate="cut", subject=lumo, subject_text="Lumo Systems", object_text="pensions",
            tense="past", value=value)


def test_one_act_whose_count_two_documents_give_differently_is_contested():
    c = Corpus()
    cut(c, "a", "Lumo Systems has cut $716 million from pensions, the filing shows.", usd(716e6, "$716 million"))
    cut(c, "b", "Critics say Lumo Systems cut $2,151 million from pensions.", usd(2151e6, "$2,151 million"))
    cut(c, "d", "Lumo Systems cut pensions.", None)
    rest, [fact] = split(c)
    assert fact.verdict == "contested"
    assert [p.documents for p in fact.positions] == [["a"], ["b"]]
    assert [v.claim.doc for v in rest] == ["d"]     # the event without a figure stays for the event ledger


def test_values_that_may_both_be_true_and_a_document_giving_two_values_dispute_nothing():
    c = Corpus()
    cut(c, "a", "Lumo Systems cut $716 million from pensions.", usd(716e6, "$716 million"))
    cut(c, "b", "Lumo Systems cut about $700 million from pensions.", usd(700e6, "$700 million"))
    assert split(c)[1] == []      # one the other rounded
    c = Corpus()
    cut(c, "a", "Lumo Systems cut $716 million from pensions.", usd(716e6, "$716 million"))
    cut(c, "b", "Lumo Systems cut $80 million from pensions in March.", usd(80e6, "$80 million"))
    cut(c, "b", "Lumo Systems cut $716 million from pensions in all.", usd(716e6, "$716 million"))
    assert split(c)[1] == []      # b counts two things: a month's cut and the whole


def test_no_dispute_without_the_same_doer_named_on_both_sides():
    c = Corpus()
    cut(c, "a", "Lumo Systems has cut $716 million from pensions.", usd(716e6, "$716 million"))
    cut(c, "b", "Lumo Systems cut $2,151 million from pensions.", usd(2151e6, "$2,151 million"))
    rest, facts = split(c, same_doer=lambda a, b: False)
    assert facts == [] and len(rest) == 2


def test_a_sentence_giving_both_values_counts_two_things():
    """'Green (14 points) became the first to score 1,000 points': the game's 14 and the career's 1,000 are two
    counts of points in one sentence, so another report's 'scored 14 points' disputes nothing."""
    def points(amount, text):
        return {"amount": amount, "unit": "point", "text": text}

    def build(with_game_points: bool) -> Corpus:
        c = Corpus()
        green = c.entity("e2", "Dana Green")
        c.claim("a", "Dana Green scored 14 points in the win.", predicate="score", subject=green,
                subject_text="Dana Green", object_text="14 points", tense="past", value=points(14, "14 points"))
        if with_game_points:
            c.claim("b", "Dana Green (14 points)", predicate="be", subject=green, subject_text="Dana Green",
                    value=points(14, "14 points"))
        c.claim("b", "became the first player to score 1,000 points.", predicate="score", subject=green,
                object_text="1,000 points", tense="past", value=points(1000, "1,000 points"))
        return c

    assert split(build(with_game_points=False))[1] != []      # alone, 1,000 against 14 is a dispute
    assert split(build(with_game_points=True))[1] == []
