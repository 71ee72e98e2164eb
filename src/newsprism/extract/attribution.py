"""Who says so, and how firmly: the source and modality of a clause.

News rarely asserts in its own voice; it reports what someone said. The source of a clause is read
from the grammar around it, in this order:
  1. a reporting verb that governs the clause ("X said that ...", "... , said a statement from the ministry",
     "the ministry disclosed", "Tass wrote", "unnamed sources were quoted by Y announcing ...");
  2. a sentence-level source ("according to Tass", "as reported by Tass", "citing officials");
  3. the speaker of a quotation the clause sits in (found in the sentence that opens or closes the quote).
A clause with a source is never reported as the outlet's own voice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token
from newsprism.parse import text_of

REPORTING = {
    "say", "state", "tell", "add", "note", "announce", "disclose", "report", "write", "claim", "confirm",
    "acknowledge", "reveal", "explain", "insist", "warn", "stress", "declare", "mention", "quote", "assert",
    "argue", "allege", "tweet", "comment", "remark", "reply", "admit", "concede",
    "testify", "underline", "emphasize", "emphasise", "indicate", "predict", "contend", "recount",
}
SOURCE_NOUNS = {"statement", "report", "communique", "release", "letter", "message", "post", "tweet", "memo",
                "document", "notice", "readout", "transcript", "announcement", "source", "sources"}
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


@dataclass(frozen=True)
class Source:
    """A stretch of the sentence that names who says something."""

    head: int           # token index of the source's head noun
    verb: int           # token index of the reporting verb or preposition; -1 for none
    start: int          # character offsets of the source phrase
    end: int
    text: str
    scope: str          # "clause" (governs its complement) or "sentence" (covers the clause it hangs from)
    attach: int = -1    # for "sentence" sources: the verb whose clause they cover


def _phrase(tok: Token) -> tuple[int, int]:
    """Character span of a noun phrase without its relative clauses or trailing punctuation."""
    keep = [t for t in tok.subtree if not any(a.dep_ in ("relcl", "acl", "appos") and a.i != tok.i and a in tok.subtree
                                              and t in a.subtree for a in tok.subtree)]
    toks = [t for t in keep if t.i >= tok.left_edge.i]
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    while hi > lo and tok.doc[hi].is_punct:
        hi -= 1
    while lo < hi and tok.doc[lo].is_punct:
        lo += 1
    return tok.doc[lo].idx, tok.doc[hi].idx + len(tok.doc[hi].text)


def _source(head: Token, verb: int, scope: str) -> Source:
    s, e = _phrase(head)
    attach = -1
    if scope == "sentence":
        node = head.doc[verb]
        for _ in range(10):   # "which, according to Israel, killed ...": the verb above "according"/"as reported"
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX") and node.i != verb:
                break
        attach = node.i
    return Source(head=head.i, verb=verb, start=s, end=e, text=text_of(head.doc)[s:e], scope=scope, attach=attach)


def sources_in(sent: Span) -> list[Source]:
    """Every source named in the sentence, reporting verbs first, then sentence-level sources."""
    out: list[Source] = []
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX") and lemma in REPORTING and t.dep_ not in ("amod",):
            subj = next((c for c in t.children if c.dep_ in ("nsubj",)), None)
            agent = next((g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            passive = any(c.dep_ == "nsubjpass" for c in t.children)
            if lemma in ("report", "quote") and agent is not None:
                # "as reported by Tass" / "sources were quoted by Y": the agent is who published it
                scope = "sentence" if any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) else "clause"
                out.append(_source(agent, t.i, scope))
            elif subj is not None and subj.lower_ not in ("it",) and not passive:
                out.append(_source(subj, t.i, "clause"))
        if t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in t.children for c in c.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                out.append(_source(pobj, t.i, "sentence"))
        if t.lemma_.lower() == "cite" and t.dep_ in ("advcl", "xcomp", "prep", "acl"):
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            if obj is not None:
                out.append(_source(obj, t.i, "sentence"))
    return out


def source_for(tok: Token, sources: list[Source]) -> Optional[Source]:
    """The source that covers the clause headed by `tok`: the nearest reporting verb above it, else the sentence's."""
    by_verb = {s.verb: s for s in sources if s.scope == "clause"}
    node, hops = tok, 0
    while hops < 20:
        if node.head.i == node.i:
            break
        # only the reported content is covered: "X said [that ...]", "“…,” said X", not the reporter's own objects
        if node.head.i in by_verb and node.dep_ in ("ccomp", "parataxis", "conj") and node.head.i != tok.i:
            if node.dep_ != "conj" or node.head.dep_ in ("ccomp",):
                return by_verb[node.head.i]
        node, hops = node.head, hops + 1
    for s in sources:
        if s.scope != "sentence" or s.verb == tok.i:
            continue
        node, hops = tok, 0
        while hops < 20:
            if node.i == s.attach:
                return s
            if node.head.i == node.i:
                break
            node, hops = node.head, hops + 1
    return None


def quote_speaker(doc: Doc, quote: tuple[int, int], sources_by_sent: dict[int, list[Source]]) -> Optional[Source]:
    """Who speaks a quotation: a source outside the quote, in the sentence that closes it, else the one that opens it."""
    qs, qe = quote
    sents = list(doc.sents)
    closing = [k for k, s in enumerate(sents) if s.start_char <= qe - 1 < s.end_char]
    opening = [k for k, s in enumerate(sents) if s.start_char <= qs < s.end_char]
    for k in closing + opening:
        for src in sources_by_sent.get(k, []):
            if not (qs <= src.start < qe):
                return src
    # "… ,” the source added." may be split off as its own sentence
    for k in closing:
        if k + 1 < len(sents) and len(sents[k + 1]) <= 12:
            for src in sources_by_sent.get(k + 1, []):
                return src
    return None


def modality(tok: Token, sent: Span, attributed: bool, in_quote: bool = False) -> str:
    """asserted | reported | hedged | denied | question | opinion for the clause headed by `tok`."""
    if sent.text.rstrip().rstrip(" \"'”’»)").endswith("?"):
        return "question"
    kids = list(tok.children)
    if any(c.dep_ == "neg" for c in kids) or tok.lemma_.lower() in DENIAL_VERBS:
        return "denied"
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
