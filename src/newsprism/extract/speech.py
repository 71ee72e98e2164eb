"""Who said it: the one reader of reported speech, for claims (according to whom) and framing (whose voices).

A source is read from the grammar of reporting, never from a list of names:
  1. a speech verb and its subject ("X said that ...", "... , said a statement from the ministry");
  2. a quoting verb: "engineers were quoted by Y warning ..." (the engineers speak, Y publishes),
     "Y quoted the minister as saying ..." (the minister speaks, Y publishes);
  3. "as reported by Y", "according to Y", "citing Y": the whole sentence is Y's;
  4. the speaker of a quotation: a source outside the quote in the sentence that closes it, then
     the one that opens it, then a short sentence right after it ('"…," the ministry added.').
Claims credit the publisher where one is named (`Source.by`); voices count who speaks (`Source.speaker`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..parse import text_of

# Verbs that report what someone said: their subject speaks, their clausal complement is what was said.
SPEECH_VERBS = frozenset({
    "say", "state", "tell", "add", "note", "announce", "disclose", "report", "write", "claim", "confirm",
    "acknowledge", "reveal", "explain", "insist", "warn", "stress", "declare", "mention", "assert", "argue",
    "allege", "tweet", "post", "comment", "remark", "reply", "respond", "answer", "admit", "concede",
    "testify", "underline", "emphasize", "emphasise", "highlight", "indicate", "predict",
    "contend", "maintain", "observe", "recount", "recall", "deny", "vow", "promise", "urge", "complain",
    "accuse", "assure", "caution", "boast", "retort", "whisper", "shout", "ask", "inform", "brief", "quip",
})
# Verbs that pass on someone else's words: the subject (or the agent) publishes, the object speaks.
QUOTING_VERBS = frozenset({"quote", "cite"})
REPORTING_VERBS = SPEECH_VERBS | QUOTING_VERBS
# Messages that speak for whoever issued them: "a statement from the union", "issued a statement praising X".
ISSUED_NOUNS = frozenset({
    "statement", "report", "communique", "communiqué", "release", "letter", "message", "post", "tweet",
    "memo", "notice", "readout", "transcript", "announcement", "declaration", "note", "email", "video",
    "document",
})
# A closing '," the ministry added.' that the sentencizer split off is one short sentence: a speaker
# phrase (at most a handful of words) and a verb, with its punctuation. Longer sentences say more
# than who spoke, and their own sources are about their own content.
TRAILING_SPEAKER_TOKENS = 12
# ... and it follows the quote directly: the closing mark, a comma and a space at most.
TRAILING_SPEAKER_GAP = 3
# How far up the tree a clause looks for the reporting verb or the sentence-level source above it:
# deeper than any clause nesting a news sentence has.
MAX_HOPS = 20
# How far up a sentence-level source ("which, according to the police, destroyed ...") looks for the
# verb whose clause it covers: the first verb above it, within a few arcs.
ATTACH_HOPS = 10


@dataclass(frozen=True)
class Source:
    """One reporting construction of a sentence."""

    verb: int                 # token index of the reporting verb, 'according' or 'citing'
    speaker: int              # token index of the head of who speaks; -1 when only a publisher is named
    by: int                   # token index of who the words are credited to: the publisher if named, else the speaker
    start: int                # character offsets of the phrase of `by`
    end: int
    text: str
    scope: str                # "clause" (covers its complement) or "sentence" (covers the clause it hangs from)
    attach: int = -1          # for "sentence" sources: the verb whose clause they cover
    content: Optional[tuple[int, int]] = None   # the reported clause's characters, where there is one
    negated: bool = False     # "X did not say": a source of nothing


def phrase(tok: Token) -> tuple[int, int]:
    """Character span of a noun phrase without its relative clauses or trailing punctuation."""
    tree = list(tok.subtree)
    cut = {t.i for a in tree if a.dep_ in ("relcl", "acl", "appos") and a.i != tok.i for t in a.subtree}
    keep = [t for t in tree if t.i not in cut]
    toks = [t for t in keep if t.i >= tok.left_edge.i]
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    while hi > lo and tok.doc[hi].is_punct:
        hi -= 1
    while lo < hi and tok.doc[lo].is_punct:
        lo += 1
    return tok.doc[lo].idx, tok.doc[hi].idx + len(tok.doc[hi].text)


def _subtree_span(tok: Token) -> tuple[int, int]:
    lo, hi = tok.left_edge, tok.right_edge
    while hi.i > lo.i and (hi.is_punct or hi.is_space):
        hi = tok.doc[hi.i - 1]
    while lo.i < hi.i and (lo.is_punct or lo.is_space):
        lo = tok.doc[lo.i + 1]
    return lo.idx, hi.idx + len(hi.text)


def _attach(verb: Token) -> int:
    """The verb a sentence-level source hangs from: "which, according to Israel, killed ..." covers "killed"."""
    node = verb
    for _ in range(ATTACH_HOPS):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.i != verb.i:
            break
    return node.i


def _source(verb: Token, speaker: Optional[Token], by: Token, scope: str,
            content: Optional[tuple[int, int]] = None) -> Source:
    s, e = phrase(by)
    return Source(verb=verb.i, speaker=speaker.i if speaker is not None else -1, by=by.i, start=s, end=e,
                  text=text_of(by.doc)[s:e], scope=scope, attach=_attach(verb) if scope == "sentence" else -1,
                  content=content, negated=any(c.dep_ == "neg" for c in verb.children))


def _pobj(tok: Token) -> Optional[Token]:
    return next((c for c in tok.children if c.dep_ == "pobj"), None)


def sources_in(sent: Span) -> list[Source]:
    """Every reporting construction of one sentence, in text order of its verb."""
    out: list[Source] = []
    whole = (sent.start_char, sent.end_char)
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX") and lemma in REPORTING_VERBS and t.dep_ != "amod":
            kids = list(t.children)
            said = next((c for c in kids if c.dep_ in ("ccomp", "parataxis")), None)
            content = _subtree_span(said) if said is not None else None
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
            agent = next((g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            # "as reported by Y", "as quoted by Y": the sentence the clause hangs from is Y's
            scope = "sentence" if any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) else "clause"
            if lemma in QUOTING_VERBS and passive is not None:
                # "engineers were quoted by Y warning …": the engineers speak, Y publishes
                acl = next((g for g in (agent.children if agent is not None else []) if g.dep_ == "acl"), None)
                out.append(_source(t, passive, agent or passive, scope,
                                   _subtree_span(acl) if acl is not None else content))
            elif lemma in ("report", "quote") and agent is not None:
                # "as reported by the Daily Courier": the whole sentence is the Courier's
                out.append(_source(t, agent, agent, scope, whole))
            elif subj is not None and subj.lower_ != "it" and passive is None:
                # "Y quoted the minister as saying …": Y publishes, the minister speaks
                speaker = next((c for c in kids if c.dep_ == "dobj"), None) if lemma in QUOTING_VERBS else subj
                out.append(_source(t, speaker, subj, "clause", content))
        if t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to":
            pobj = _pobj(t.doc[t.i + 1]) or next((g for c in t.children for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                out.append(_source(t, pobj, pobj, "sentence", whole))
        if lemma == "cite" and t.dep_ in ("advcl", "xcomp", "prep", "acl"):
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            if obj is not None:
                out.append(_source(t, obj, obj, "sentence", whole))
    return out


def source_for(tok: Token, sources: list[Source]) -> Optional[Source]:
    """The source that covers the clause headed by `tok`: the nearest reporting verb above it, else the sentence's."""
    by_verb = {s.verb: s for s in sources if s.scope == "clause"}
    node, hops = tok, 0
    while hops < MAX_HOPS:
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
        while hops < MAX_HOPS:
            if node.i == s.attach:
                return s
            if node.head.i == node.i:
                break
            node, hops = node.head, hops + 1
    return None


def quote_sources(doc: Doc, quote: tuple[int, int], sents: Sequence[Span],
                  sources_by_sent: Sequence[list[Source]]) -> Iterator[Source]:
    """The sources that may speak a quotation, best first: those outside the quote in the sentence that
    closes it, then in the one that opens it, then in a short sentence right after it."""
    qs, qe = quote
    closing = [k for k, s in enumerate(sents) if s.start_char < qe <= s.end_char + 1]
    opening = [k for k, s in enumerate(sents) if s.start_char <= qs < s.end_char]
    order = closing + [k for k in opening if k not in closing]
    if closing and closing[-1] + 1 < len(sents):
        after = sents[closing[-1] + 1]
        if len(after) <= TRAILING_SPEAKER_TOKENS and after.start_char - qe <= TRAILING_SPEAKER_GAP:
            order.append(closing[-1] + 1)
    for k in order:
        for src in sources_by_sent[k]:
            if any(qs <= doc[i].idx < qe for i in (src.verb, src.by, src.speaker) if i >= 0):
                continue   # the quote's own words, not who speaks it
            yield src


def quote_speaker(doc: Doc, quote: tuple[int, int], sents: Sequence[Span],
                  sources_by_sent: Sequence[list[Source]]) -> Optional[Source]:
    """Who a quotation is credited to: the first source that may speak it."""
    return next(quote_sources(doc, quote, sents, sources_by_sent), None)
