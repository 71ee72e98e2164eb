"""What a figure counts: the noun it numbers and what happened to it.

"killing over 1,400 Israelis" counts Israelis who were killed; "thousands of people were displaced" counts people
displaced; "31 pieces of firefighting apparatus" counts apparatus. `counted` reads this from the parse around the
figure's tokens (found by newsprism.extract.quantities) within the figure's sentence.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from ..parse import text_of

# What happened to the counted people: lemma of the verb or noun -> role.
ROLES = {
    "kill": "killed", "slaughter": "killed", "murder": "killed", "die": "killed", "dead": "killed",
    "death": "killed", "casualty": "killed", "fatality": "killed", "execute": "killed", "massacre": "killed",
    "victim": "killed", "claim": None, "perish": "killed", "behead": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "injury": "injured", "injured": "injured",
    "wounded": "injured",
    "kidnap": "hostage", "abduct": "hostage", "hostage": "hostage", "captive": "hostage", "seize": "hostage",
    "displace": "displaced", "flee": "displaced", "evacuate": "displaced", "refugee": "displaced",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested", "imprison": "arrested",
    "miss": "missing", "missing": "missing", "rescue": "rescued", "release": "released", "free": "released",
    "vote": "votes", "elect": "elected", "fire": "fired", "lay": "laid off", "hire": "hired", "employ": "employed",
}
# nouns that only say "people affected by X": the nationality or "people" is the counted thing
ROLE_NOUNS = {"casualty", "death", "fatality", "dead", "victim", "injury", "hostage", "captive", "refugee",
              "wounded", "injured"}
PEOPLE = {"people", "person", "persons", "individual", "human", "life"}
# "a crew of 19", "a fleet of 40": the noun before "of" is what is counted, unless it only says "a number of"
# "31 pieces of firefighting apparatus", "40 head of cattle": the noun after "of" is what is counted
CLASSIFIERS = {"piece", "item", "unit", "head", "pair"}
# "a mother of 12", "a father of three": the figure counts the children, not the parent
PARENTS = {"mother", "father", "parent", "mom", "dad", "grandmother", "grandfather", "grandparent"}
OF_COUNTERS = {"total", "number", "toll", "count", "average", "maximum", "minimum", "majority", "sum", "tally",
               "figure", "age", "rate", "score", "record", "lead", "margin", "out", "one", "each", "all", "some",
               "most", "many", "none", "both", "any", "half", "percent", "%"}


def norm_noun(t: Token) -> str:
    """Lemma of a counted noun; nationalities keep their name ('Israelis' -> 'israeli')."""
    w = t.lemma_.lower() if t.pos_ != "PROPN" else t.text.lower()
    if t.ent_type_ == "NORP" or t.pos_ == "PROPN":
        w = re.sub(r"(?<=[a-z])s$", "", w)
    if w in PEOPLE:
        return "people"
    return w


def _of_object(tok: Token) -> Optional[Token]:
    """The noun after a token's 'of' ('thousands of people', 'pieces of apparatus')."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _across_lines(sent: Span, toks: list[Token], noun: Token) -> bool:
    """Whether a paragraph break lies between the figure and its noun: the parser joined two paragraphs, not a
    phrase (a hard-wrapped line, one line break, stays inside its paragraph)."""
    lo, hi = sorted((min(t.idx for t in toks), noun.idx))
    return "\n\n" in text_of(sent.doc)[lo:hi]


def counted(sent: Span, toks: list[Token]) -> tuple[Optional[str], Optional[str], int]:
    """(counted noun, role, head token index) for the figure made of `toks`."""
    inside = {t.i for t in toks}
    role: Optional[str] = None
    top = next((t for t in toks if t.head.i not in inside or t.head == t), toks[-1])
    if top.dep_ == "conj" and top.head.i < top.i and top.head.like_num and top.head.i not in inside \
            and not any(c.dep_ in ("prep", "compound") for c in top.children) \
            and not any(c.dep_ == "cc" and c.lower_ == "or" for c in top.head.children):
        # "two sons, ages 6 and 16": the second figure counts what the first does ("one or two justices" is one
        # figure, vaguely)
        return counted(sent, [top.head])
    noun_tok: Optional[Token] = None
    if top.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and top.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        noun_tok = top.head
        if noun_tok.lemma_.lower() in CLASSIFIERS:
            pobj = _of_object(noun_tok)
            if pobj is not None and pobj.pos_ == "NOUN":
                noun_tok = pobj
    else:
        pobj = _of_object(top)
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
            noun_tok = pobj
            # "thousands of people were displaced": the figure carries the verb
            if ROLES.get(top.head.lemma_.lower()) and top.dep_ in ("nsubjpass", "dobj", "nsubj"):
                role = ROLES[top.head.lemma_.lower()]
    if noun_tok is None and top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN" \
            and top.head.head.lemma_.lower() not in OF_COUNTERS:
        if top.head.head.lemma_.lower() in PARENTS:
            return "child", None, top.i   # "a mother of 12" has twelve children: she is one mother
        noun_tok = top.head.head   # "a crew of 19"
    if noun_tok is None:
        noun_tok = _noun_after(sent, toks[-1])
    if noun_tok is not None and _across_lines(sent, toks, noun_tok):
        return None, None, top.i    # '...-20130504' ending a paragraph counts nothing of the headline below it
    if noun_tok is None:
        # "killed 50", "the toll rose to 50": the figure stands for people when a role verb governs it
        gov = top.head if top.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr") else None
        if gov is not None and gov.dep_ == "prep":
            gov = gov.head
        lemma = gov.lemma_.lower() if gov is not None else ""
        if ROLES.get(lemma):
            return "people", ROLES[lemma], top.i
        return None, None, top.i
    noun = norm_noun(noun_tok)
    if noun in ROLE_NOUNS or noun_tok.lemma_.lower() in ROLE_NOUNS:
        role = ROLES.get(noun_tok.lemma_.lower()) or ROLES.get(noun)
        nat = next((c for c in noun_tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"), None)
        noun = norm_noun(nat) if nat is not None else "people"
    # "people hostage", "held 50 hostage"
    if role is None and noun_tok.head.lemma_.lower() in ("hostage", "captive") and noun_tok.dep_ == "compound":
        role = "hostage"
    if role is None:
        role = _role_from_context(noun_tok)
    return noun, role, noun_tok.i


def _noun_after(sent: Span, last: Token) -> Optional[Token]:
    """The common noun of the phrase that starts right after a figure the parser left unattached ('one in every
    1007 Windows users', where a year-like number broke the parse)."""
    chunk = _chunk_at(sent, last.i + 1)
    if chunk is None or chunk.root.pos_ != "NOUN" or any(
            t.dep_ not in ("compound", "amod") for t in chunk if t.i != chunk.root.i):
        return None
    return chunk.root


def _chunk_at(sent: Span, start: int) -> Optional[Span]:
    """The base noun phrase (spaCy's noun chunk) of the sentence that starts at token `start`, if any.
    `Span.noun_chunks` walks every chunk of the whole document on each call; the language's chunk iterator run
    on the sentence alone yields the same chunks (a parse tree never crosses a sentence), in order of start,
    so the walk stops at the figure."""
    doc = sent.doc
    if start >= sent.end or doc.noun_chunks_iterator is None:
        return None
    for first, end, _label in doc.noun_chunks_iterator(sent):
        if first >= start:
            return doc[first:end] if first == start else None
    return None


def _role_from_context(noun_tok: Token, depth: int = 0) -> Optional[str]:
    """The verb the counted noun depends on, or a verb in a clause about it ('who were killed'); a noun joined to
    another ('arrested 12 men and 4 women') has what the first one has."""
    if noun_tok.dep_ == "conj" and noun_tok.head.pos_ in ("NOUN", "PROPN") and depth < 4:
        return _role_from_context(noun_tok.head, depth + 1)
    for c in noun_tok.children:
        if c.dep_ in ("relcl", "acl") and ROLES.get(c.lemma_.lower()):
            return ROLES[c.lemma_.lower()]
        if c.dep_ == "amod" and ROLES.get(c.lemma_.lower()) and c.lower_ in ("dead", "injured", "wounded", "missing"):
            return ROLES[c.lemma_.lower()]
    h = noun_tok.head
    if noun_tok.dep_ == "pobj" and h.dep_ == "prep":
        # "the deaths of 50 people", "the release of 50 hostages"
        h = h.head
    if noun_tok.dep_ in ("dobj", "nsubjpass", "pobj", "nsubj", "conj", "appos", "attr") or h is not noun_tok.head:
        lemma = h.lemma_.lower()
        if noun_tok.dep_ == "nsubj" and h.pos_ == "VERB" and lemma not in ("die", "perish", "flee"):
            return None  # "50 people attacked" – the counted people did it, not suffered it
        if ROLES.get(lemma):
            return ROLES[lemma]
    return None
