"""How firmly a clause is stated: asserted, reported, hedged, denied, a question or an opinion.

Who says it is read by `speech`; a clause with a source is never reported as the outlet's own voice.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

HEDGE_ADVERBS = {"reportedly", "allegedly", "apparently", "possibly", "probably", "perhaps", "likely",
                 "purportedly", "supposedly", "seemingly", "presumably", "maybe", "ostensibly", "potentially"}
HEDGE_MODALS = {"may", "might", "could"}
HEDGE_RAISERS = {"believe", "think", "say", "report", "allege", "expect", "understand", "appear", "seem",
                 "rumor", "rumour", "suspect", "likely", "presume", "estimate"}
OPINION_MODALS = {"should", "must", "ought"}
DENIAL_VERBS = {"deny", "reject", "refute", "dismiss", "rebuff", "disavow"}
EVALUATIVE_OPENERS = re.compile(r"^\s*(it is|it's|it seems|clearly|obviously|undoubtedly|surely|of course|"
                                r"unfortunately|fortunately|sadly|tragically|regrettably)\b[^.]{0,30}?\b"
                                r"(obvious|clear|evident|plain|certain|sad|shameful|outrageous|absurd|"
                                r"unfortunate|fortunate|regrettable|tragic|that)?", re.I)
FIRST_PERSON = {"i", "we", "my", "our", "me", "us"}
# verbs that say their complement did not happen: 'refused to pay', 'failed to stop', 'declined to comment'
NEGATIVE_IMPLICATIVES = {"refuse", "decline", "fail", "neglect", "forget", "avoid", "omit"}


def modality(tok: Token, sent: Span, attributed: bool, in_quote: bool = False) -> str:
    """asserted | reported | hedged | denied | question | opinion for the clause headed by `tok`."""
    if sent.text.rstrip().rstrip(" \"'”’»)").endswith("?"):
        return "question"
    kids = list(tok.children)
    if tok.dep_ == "conj" and tok.tag_ in ("VBN", "VB") and tok.tag_ == tok.head.tag_ \
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "neg") for c in kids) \
            and any(c.dep_ in ("aux", "auxpass") for c in tok.head.children):
        # 'may have been closed or dismantled', 'did not stop or slow down': a bare verb joined to another of its
        # form shares that one's auxiliaries and negation ('is not yours, show some respect' shares nothing)
        kids += [c for c in tok.head.children if c.dep_ in ("aux", "neg")]
    if any(c.dep_ == "neg" for c in kids) or tok.lemma_.lower() in DENIAL_VERBS:
        return "denied"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "go" and any(c.dep_ == "neg" for c in tok.head.children):
        return "denied"    # 'is not going to pay': no paying
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in DENIAL_VERBS:
        return "denied"    # 'denied personally speaking to him', 'denies that he met them': told as not done
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NEGATIVE_IMPLICATIVES:
        return "denied"    # 'refused to pay', 'failed to stop the attack': neither happened
    for c in kids:   # "there are no plans", "no one was hurt", "never visited"
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children):
            return "denied"
        if c.dep_ == "advmod" and c.lower_ == "never":
            return "denied"
    if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in kids):
        return "hedged"
    if any(c.dep_ == "aux" and c.lower_ in HEDGE_MODALS for c in kids):
        return "hedged"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in HEDGE_RAISERS:   # "is believed to have", "is said to"
        return "hedged"
    if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in tok.head.children) and tok.dep_ in ("xcomp", "conj"):
        return "hedged"
    if not attributed and not in_quote:
        if any(c.dep_ == "aux" and c.lower_ in OPINION_MODALS for c in kids):
            return "opinion"
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in FIRST_PERSON:
            return "opinion"
        if EVALUATIVE_OPENERS.match(sent.text) and re.match(r"^\s*it\b", sent.text, re.I) and \
                re.search(r"\b(obvious|clear|evident|plain|certain|shameful|outrageous|absurd)\b", sent.text[:60], re.I):
            return "opinion"
    if attributed or in_quote:
        return "reported"
    return "asserted"
