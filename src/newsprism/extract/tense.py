"""Which way a clause points in time: what happened, what is going on, what is to come.

Two readers share one knowledge of English tense. `clause_tense(token)` says whether the event a claim
anchors is told as done, going on or coming ('is slated to visit' is no visit yet), so the fact ledger never
joins a plan to the act. `tense_from_parse(doc, start, end)` says which way a temporal expression points:

    tense_from_parse(nlp("Troops entered the town on Sunday."), 26, 32)  ->  "past"

The answer is "past", "present", "future" or None (no direction: the normalizer takes the nearest
date). It comes from the verb the expression hangs on, read in the spaCy parse: its auxiliaries
("will", "has"), its form (VBD), and the verb governing an infinitive ("plans to meet" is ahead).
A date that names the time of a thing rather than of the verb ("in response to an attack on
October 7") takes its direction from what the text says of that thing: a clause of its own
("which killed"), a word such as "coming" or "recent", or a preposition that puts it before the
clause ("after", "in response to"); the verb's future does not reach it through such a preposition.
Without a parse, a few auxiliary words of the sentence decide (`tense_from_text`).
"""
from __future__ import annotations

import re
from typing import Any, Optional

from ..model import Tense

FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo"}
MODAL_FUTURE = {"may", "might", "can", "should", "must", "ought"}
# modals that guess: with "have" they guess about what is done ("may have collapsed"), not what is to come
MODAL_GUESS = {"may", "might", "could", "must"}
# "could" before these tells what was perceived ("firefighters could see flames"), not a possibility
PERCEPTION_VERBS = {"see", "hear", "smell", "feel", "sense", "spot", "notice", "watch"}
# verbs whose present tense announces something to come ("is scheduled to", "plans to", "is due")
FUTURE_VERBS = {"schedule", "expect", "plan", "set", "due", "slate", "intend", "aim", "hope", "prepare", "poise",
                "anticipate", "propose", "want", "seek", "promise", "threaten", "vow", "pledge", "go", "suppose"}
# verbs whose complement is an intention or an attempt, not yet an act: 'agreed to release', 'tried to flee'
INTENT_VERBS = FUTURE_VERBS | {"agree", "decide", "try", "attempt", "seek", "struggle", "wish", "plot", "await",
                                "mean"}
# verbs that direct or engage someone to act: the act they name is asked for, not done ('ordered troops to
# withdraw', 'was chosen to kill'); verbs that imply the act happened ('forced', 'persuaded', 'allowed') are not here
DIRECTIVE_VERBS = {"order", "urge", "ask", "tell", "instruct", "command", "direct", "choose", "select", "pick", "hire",
                   "recruit", "assign", "task", "invite", "encourage", "pressure", "press", "call", "advise", "warn",
                   "request", "demand", "beg", "implore", "authorize", "authorise", "appeal", "challenge"}
# nouns of an aim, an attempt or a request: the act their infinitive names is not told as done ('a bid to capture
# the city', 'the plot to kill', 'a deal to release'); a thing's use is ('a patch to fix'), and 'in order to' is
# a purpose, read like any other ('went to Oslo to sign'); a decision or a move is news because it was carried
# out ('defended its decision to host the delegation')
INTENT_NOUNS = {"attempt", "bid", "effort", "try", "plot", "plan", "scheme", "conspiracy", "threat", "call",
                "demand", "request", "proposal", "offer", "push", "campaign", "drive", "vow", "pledge",
                "promise", "intention", "intent", "aim", "goal", "hope", "desire", "wish", "ambition", "quest",
                "plea", "appeal", "invitation", "agreement", "deal", "readiness", "willingness"}
# verbs that arrange something: what they put on a date lies ahead of the arranging, even in the past tense
PLAN_VERBS = {"schedule", "plan", "slate", "postpone", "delay", "reschedule", "book"}
# forms the parser's lemmatizer gets wrong ("slated" -> "slat")
LEMMA_FIX = {"slated": "slate", "slates": "slate"}
# words on a noun that place the thing it names ahead of or behind the time of writing
NOUN_FUTURE = {"coming", "upcoming", "forthcoming", "planned", "scheduled", "next", "proposed", "expected"}
NOUN_PAST = {"last", "recent", "previous", "earlier", "past", "latest", "former"}
# prepositions (and "in response to"-style phrases, by their noun) that put a thing before the clause's event
BEFORE_PREP = {"after", "following", "since"}
BEFORE_NOUN = {"response", "retaliation", "reaction", "revenge", "reprisal", "wake", "aftermath", "answer"}
# adverbs that put a present or tenseless clause in the past ("Hamas, already designated ... on May 3")
PAST_ADVERBS = {"earlier", "previously", "already", "ago"}

NEUTRAL = "neutral"  # the parse says the clause gives no direction: stop looking, use the nearest date
NOUN_DEPS = ("compound", "nmod", "amod", "poss", "nummod")


def lemma(tok: Any) -> str:
    return LEMMA_FIX.get(tok.lower_, tok.lemma_.lower())


def _verb_tense(tok: Any, depth: int = 0) -> Optional[str]:
    """past | present | future | NEUTRAL for a verb; None when its clause has no tense of its own (look higher)."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or "would" in words:
        return "future"
    if "going" in words or (tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.children)):
        return "future"
    if words & MODAL_GUESS and "have" in words and tok.tag_ == "VBN":
        return "past"    # "may have collapsed", "could have been sent": a guess about what is done
    if words & MODAL_FUTURE:
        return "future"
    if "could" in words:
        if lemma(tok) in PERCEPTION_VERBS or any(c.dep_ == "neg" for c in tok.children):
            return NEUTRAL   # "could see smoke", "could not find him": what was seen or not done, not ahead
        return "future"      # "the river could flood the town": a possibility, still to come
    if tok.tag_ == "VB" and "to" in words:
        # an infinitive happens after the verb that governs it: "decided to admit them in March"
        head = tok.head
        if head.i == tok.i or depth >= 4:
            return NEUTRAL
        if lemma(head) in FUTURE_VERBS:
            # "had been scheduled to expire Friday": a plan told in the past perfect was overtaken; no direction
            return NEUTRAL if any(c.lower_ == "had" for c in head.children) else "future"
        if lemma(head) == "be" and head.tag_ in ("VBZ", "VBP") and tok.dep_ == "xcomp":
            return "future"  # "the minister is to visit Ankara": an arrangement
        t = _governing_tense(head, depth + 1)
        return NEUTRAL if t in (None, "past") else t
    if lemma(tok) in PLAN_VERBS and tok.tag_ in ("VBD", "VBN"):
        return "future"  # "planned a rally on Saturday", "has scheduled a news conference Thursday"
    plan_set = lemma(tok) == "set" and any(c.lower_ in ("for", "as") for c in tok.children)
    if plan_set and tok.tag_ in ("VBD", "VBN"):
        # "set a vote for Thursday", "set Nov. 10 as the deadline" (but "a record set on Aug. 6" lies behind,
        # and a limit set in the past perfect has passed: "had ruled ... and set Friday as the deadline")
        verbs = [tok, tok.head] if tok.dep_ == "conj" else [tok]
        return "past" if any(c.lower_ == "had" for v in verbs for c in v.children) else "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if lemma(tok) in FUTURE_VERBS and (tok.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)):
        return "future"
    if tok.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if tok.tag_ == "VBN" and (tok.dep_ in ("acl", "amod") or tok.dep_ == "advcl" and not any(c.dep_ == "mark" for c in tok.children)):
        # a bare participle: "the decision, announced Wednesday, ..." ("if approved Tuesday" is conditional)
        return "future" if lemma(tok) in FUTURE_VERBS and (lemma(tok) != "set" or plan_set) else "past"
    return None


def _clause_verb(tok: Any) -> Optional[Any]:
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _past_cue(root: Any) -> bool:
    """An adverb of the clause ("earlier", "already") or of the date itself ("November 3, two weeks ago") says past."""
    if any(t.lower_ == "ago" for t in root.subtree):
        return True
    verb = _clause_verb(root)
    return verb is not None and any(c.dep_ == "advmod" and c.lower_ in PAST_ADVERBS for c in verb.children)


def _governing_tense(tok: Any, depth: int = 0) -> Optional[str]:
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            t = _verb_tense(tok, depth)
            if t is not None:
                return t
        elif tok.pos_ == "ADJ" and not any(c.dep_ == "cop" or c.lemma_ == "be" for c in tok.children):
            return NEUTRAL  # "payable Dec. 7", "effective Feb. 1": an adjective carries no tense
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


# ---------------------------------------------------------------- a date that names the time of a thing

def _host_noun(root: Any) -> Optional[Any]:
    """The noun a date modifies through a preposition ("an attack on October 7" -> attack), if any."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN") or prep.head.i == prep.i:
        return None
    return prep.head


def _own_clause_tense(noun: Any) -> Optional[str]:
    """past | future for a noun that a relative clause describes ("the attack ..., which killed 1,400")."""
    for t in noun.subtree:
        if t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX") and t.i > noun.i:
            tense = _verb_tense(t, 4)
            if tense is None and t.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in t.children) \
                    and any(c.dep_ == "nsubj" for c in t.children):
                tense = "past"  # "which ... killed 1,400 people", tagged as a participle
            if tense in ("past", "future"):
                return tense
    return None


def _before_clause(noun: Any) -> bool:
    """The noun is what the clause follows: "after the raid", "in response to an attack", "in the wake of"."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ in BEFORE_PREP:
        return True
    return prep.dep_ == "prep" and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in BEFORE_NOUN


def _marked_tense(noun: Any) -> Optional[str]:
    """past | future where a word on the noun places the thing ("the upcoming summit", "the recent raid")."""
    words = {c.lower_ for c in noun.children if c.dep_ in ("amod", "advmod", "det")}
    return "future" if words & NOUN_FUTURE else "past" if words & NOUN_PAST else None


def _noun_tense(noun: Any, clause: Optional[str]) -> Optional[str]:
    """The direction of a date on a noun, given the tense of the clause around the noun ("skip": use the clause)."""
    marked = _marked_tense(noun)
    if marked is not None:
        return marked
    own = _own_clause_tense(noun)
    if own is not None:
        return own
    if _before_clause(noun) and clause in ("future", "present"):
        return NEUTRAL  # what a future or present event answers has happened, but when is not said
    return "skip"


def tense_from_parse(sdoc: Any, start: int, end: int) -> Optional[str]:
    """Tense of the clause that governs the expression at [start, end) in a spaCy Doc (None: no direction)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    while root.dep_ == "conj" and root.head.pos_ == "PROPN" and root.head.i < root.i:
        root = root.head  # "statements made Friday and Thursday": coordinated dates share one verb
    own = _when_clause_tense(root)
    if own is not None:
        return own
    if root.dep_ in NOUN_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
        # "Wednesday's ruling", "the Jan. 14 deadline": a date naming a thing, not when a verb happened; only what
        # the text says of the thing points it ("the upcoming Jan. 14 deadline", "after the Sept. 11 attacks")
        return _thing_tense(root.head)
    outside = [t for t in span if not span.start <= t.head.i < span.end]
    if outside and all(t.dep_ in NOUN_DEPS + ("det",) and t.head.i >= span.end
                       and t.head.pos_ in ("NOUN", "PROPN") for t in outside):
        return None  # the same when the span took the noun's article along: "the Oct. 23 slaying"
    t = _governing_tense(root)
    if t is None:
        t = _sentence_tense(list(span.sent))
    noun = _host_noun(root)
    if noun is not None:
        own = _noun_tense(noun, t)
        t = t if own == "skip" else own
    if t in (None, "present") and _past_cue(root):
        t = "past"
    return None if t == NEUTRAL else t


def _thing_tense(noun: Any) -> Optional[str]:
    """past | future for a thing a date names ("the Sept. 11 attacks"), where the text says which: a word on it
    ("upcoming", "last"), a clause of its own in the past ("the Sept. 11 attack, which killed four Americans"; a
    modal one, "which can be found here", says nothing of when), or a past event that followed it ("was passed
    after the Sept. 11 attacks"); None otherwise (the nearest date)."""
    marked = _marked_tense(noun)
    if marked is not None:
        return marked
    if _own_clause_tense(noun) == "past":
        return "past"
    if _before_clause(noun) and _governing_tense(noun) == "past":
        return "past"
    return None


def _when_clause_tense(root: Any) -> Optional[str]:
    """past | future for a date a clause of its own describes: 'from Friday, when Boehner told reporters', 'dates back
    to January, when LePage claimed', 'on Tuesday, when lawmakers will return'."""
    for c in root.children:
        if c.dep_ == "relcl" and c.i > root.i and any(w.lower_ == "when" for w in c.children):
            t = _verb_tense(c, 4)
            if t in ("past", "future"):
                return t
    return None


def _sentence_tense(tokens: list[Any]) -> Optional[str]:
    if any(t.lower_ in FUTURE_AUX for t in tokens):
        return "future"
    if any(t.tag_ == "VBD" for t in tokens):
        return "past"
    return None


FUTURE_TEXT = re.compile(r"\b(?:will|shall|won't|going to|(?:is|are) (?:scheduled|expected|due|set|slated|planned) to|plans? to|intends? to)\b|'ll\b", re.I)
PAST_TEXT = re.compile(r"\b(?:was|were|had|did|said|told|met|went|came|took|left|made|killed|announced|\w{3,}ed)\b", re.I)


def tense_from_text(text: str, start: int, end: int) -> Optional[str]:
    """Tense of the sentence around [start, end) from its auxiliaries, for when there is no parse."""
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    e = min([i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0] or [len(text)])
    sentence = text[s:e]
    if FUTURE_TEXT.search(sentence):
        return "future"
    if PAST_TEXT.search(sentence):
        return "past"
    return None


# ---------------------------------------------------------------- the standing of a claim's event

def clause_tense(tok: Any, depth: int = 0) -> Optional[Tense]:
    """past | present | future for the event the token anchors (a verb, or an event noun: 'the upcoming summit');
    None where nothing says. A complement of an intention is still to come ('is slated to visit', 'agreed to
    release', 'ordered troops to withdraw', 'a bid to capture'); any other complement or conjunct takes its
    head's tense ('had arrived to discuss')."""
    if tok.pos_ == "NOUN":
        words = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        return "future" if words & NOUN_FUTURE else "past" if words & NOUN_PAST else None
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if tok.dep_ == "xcomp" and depth < 4 and tok.head.i != tok.i:
        head = tok.head
        if lemma(head) in INTENT_VERBS | DIRECTIVE_VERBS or (lemma(head) == "be" and "to" in auxes):
            return "future"
        if head.pos_ in ("VERB", "AUX"):
            return clause_tense(head, depth + 1)
    if tok.dep_ == "advcl" and "to" in auxes and lemma(tok.head) in DIRECTIVE_VERBS \
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.head.children):
        return "future"    # the parser's other reading of 'who was chosen to kill' ('called a news conference to
        # announce' is a purpose, read as before)
    if tok.dep_ == "acl" and "to" in auxes and tok.head.lemma_.lower() in INTENT_NOUNS:
        return "future"
    own = _verb_tense(tok, 4)    # depth 4: an infinitive is judged here, not by the dates' rules
    if own in ("past", "present", "future"):
        return own
    if tok.dep_ in ("conj", "advcl") and depth < 4 and tok.head.pos_ in ("VERB", "AUX"):
        return clause_tense(tok.head, depth + 1)
    return None
