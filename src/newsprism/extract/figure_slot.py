"""The slot of a figure: what the parse around a figure says it counts (the counted noun's modifiers, the verb
over it and that verb's other arguments, the prepositions hanging off both, and for an age or a person's figure
whose it is), so that outlets that word one count differently still line up ("the blaze drew 40 fire trucks" /
"40 engines were sent to the fire")."""
from __future__ import annotations

from typing import Any, Optional

from spacy.tokens import Doc, Token

from ..lexicon.predicates import predicate_class
from ..model import FigureSlot, FigureValue, SlotArg
from .quantities import Quantity
from .subjects import RELATIVE, subject_of

# verbs that only link a figure to its noun ("the toll is 50", "there were 50"): no slot of their own
LINK_VERBS = {"be", "have", "become", "remain", "include", "total", "number", "reach", "rise", "climb", "stand"}
SLOT_MODS = ("amod", "compound", "nmod", "poss")
# what the verb does or says of its thing: "cut 50 jobs", "remain solvent for 75 years", "keep it solvent"
OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "acomp", "oprd")
PLACES = {"GPE", "LOC", "FAC", "NORP", "ORG"}


def figure_value(doc: Doc, q: Quantity) -> FigureValue:
    """The figure's value with its `slot`: what the parse says the figure is about, so that outlets that word
    one count differently still line up ("the blaze drew 40 fire trucks" / "40 engines were sent to the fire")."""
    slot = figure_slot(doc, q)
    return FigureValue(**q.value(), slot=slot if slot.model_dump() else None)


def _lemma(t: Token) -> str:
    return t.lemma_.lower() if t.pos_ != "PROPN" else t.text.lower()


def _arg(t: Token) -> SlotArg:
    """An argument with its character offset: the offset lets the fact ledger find the entity named there."""
    return SlotArg(lemma=_lemma(t), at=t.idx)


def figure_slot(doc: Doc, q: Quantity) -> FigureSlot:
    """Compact parse neighbourhood of a figure: the counted noun's modifiers, the governing verb (lemma and
    class), the verb's other arguments, the prepositions hanging off noun and verb ("of the budget",
    "in the crash") and, for an age or a person's figure, whose it is."""
    inside = set(range(*q.tokens))
    noun = doc[q.head]
    slot: dict[str, Any] = {}
    mods = sorted({_lemma(c) for c in noun.children if c.dep_ in SLOT_MODS and not q.start <= c.idx < q.end
                   and not c.like_num and c.is_alpha and c.lower_ not in ("old", "year")})
    if mods:
        slot["mods"] = mods
    preps = _preps(noun, inside)
    # the verb that says what happened to the counted: climb from the noun through nouns and prepositions
    node, path = noun, noun
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        path, node = node, node.head
    verb = node if node.pos_ in ("VERB", "AUX") else None
    if verb is not None:
        slot["verb"] = verb.lemma_.lower()
        slot["pred"] = predicate_class(verb.lemma_)
        below = {t.i for t in path.subtree}
        subj = subject_of(verb)
        if subj is not None and subj.i not in below and subj.lower_ not in RELATIVE:
            slot["subj"] = _arg(subj)
        obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i not in below
                    and c.i not in inside), None)
        if obj is not None and obj.lower_ not in RELATIVE:
            slot["obj"] = _arg(obj)
        preps += _preps(verb, below | inside)
    if preps:
        slot["preps"] = sorted(set(preps))
    owner = _owner(noun, inside)
    if owner is not None:
        slot["owner"] = _arg(owner)
    return FigureSlot(**slot)


def _preps(tok: Token, skip: set[int]) -> list[str]:
    """'of budget', 'in crash': each preposition under the token with its object's lemma, one level down too."""
    out = []
    for c in tok.children:
        if c.dep_ != "prep" or c.i in skip:
            continue
        for g in c.children:
            if g.dep_ == "pobj" and g.i not in skip and not g.like_num and g.lower_ not in RELATIVE \
                    and g.ent_type_ not in ("DATE", "TIME", "CARDINAL"):   # when is no part of what is counted
                out.append(f"{c.lower_} {_lemma(g)}")
    return out


def _owner(noun: Token, inside: set[int]) -> Optional[Token]:
    """The named person or body a figure belongs to: 'the 33-year-old actress Jane Roe', 'Roe, the 33-year-old'."""
    def named(t: Token) -> bool:   # "a 61-year-old Vancouver man": a place names no owner
        return t.pos_ == "PROPN" and t.ent_type_ not in PLACES and t.i not in inside

    if named(noun):
        return noun
    for c in noun.children:
        if c.dep_ in ("appos", "flat", "compound") and named(c):
            return c
    if noun.dep_ == "appos" and named(noun.head):
        return noun.head
    return None
