"""Who does the act a verb names: its subject, its passive's agent, or the one a complement or a participle
borrows it from ('X is slated to visit': X visits; 'issued a statement praising Y': the issuer praises)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..lexicon.predicates import OBJECT_CONTROL
from . import speech

RELATIVE = {"who", "which", "that", "whom", "whose"}


def clause_subject(kids: list[Token], deps: tuple[str, ...]) -> Optional[Token]:
    """The subject among a verb's children. The parser sometimes splits one noun phrase into two subjects
    ('San Diego Chargers | wide receiver Vincent Jackson was arrested'); an English noun phrase ends with its head,
    so the last one before the verb is the one meant."""
    found = [c for c in kids if c.dep_ in deps]
    before = [c for c in found if c.i < c.head.i]
    return before[-1] if before else found[0] if found else None


def subject_of(v: Token, depth: int = 0) -> Optional[Token]:
    """The token that does the act `v` names, or None where the clause does not say."""
    if depth > 6:
        return None
    kids = list(v.children)
    agent = next((g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None:
        return agent
    s = clause_subject(kids, ("nsubj", "csubj"))
    passive_subject = clause_subject(kids, ("nsubjpass",))
    if s is not None and passive_subject is not None and s.i < passive_subject.i:
        s = None    # 'Toronto Owls | goalie Pete Karlsson was suspended': one phrase split, not a doer
    if s is not None:
        if s.lower_ in RELATIVE and v.dep_ == "relcl":
            return v.head
        if s.dep_ == "nsubj" and s.lower_ in ("it", "there") and v.lemma_ == "be":
            return None
        if s.dep_ == "nsubj" and s.pos_ in ("ADJ", "VERB"):
            return None   # "Particularly worrying was ...": an inverted judgement, nobody who acts
        return s
    if any(c.dep_ == "nsubjpass" for c in kids):
        return None     # agentless passive: the doer is not said
    if v.dep_ == "xcomp":
        h = v.head
        ctrl = next((c for c in h.children if c.dep_ == "dobj"), None)
        if h.lemma_.lower() in OBJECT_CONTROL and ctrl is not None:
            return ctrl
        raised = clause_subject(list(h.children), ("nsubjpass",))
        if raised is not None and raised.lower_ not in RELATIVE:
            return raised   # "X is slated (expected, said) to visit": X is the one who visits
        return subject_of(h, depth + 1)
    if v.dep_ in ("conj", "advcl") and v.head.pos_ in ("VERB", "AUX"):
        return subject_of(v.head, depth + 1)
    if v.dep_ == "acl" and v.tag_ == "VBG":
        noun = v.head
        # "issued a statement praising X": the statement's author praises
        if noun.lemma_.lower() in speech.ISSUED_NOUNS and noun.dep_ == "dobj":
            return subject_of(noun.head, depth + 1) or noun
        return noun
    return None
