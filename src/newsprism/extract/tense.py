"""Whether a clause tells what happened, what is happening, or what is planned: 'is slated to visit' and
'visited' are two different events for the fact ledger, however alike their words.

`tense_of(token)` reads the verb (or event noun) that anchors a clause: its auxiliaries, its tag, the verb it
is the complement of ('plans to visit', 'is expected to sign', 'is to meet') and, for an event noun, the words
that mark it as coming ('the upcoming visit', 'a planned summit').
"""
from __future__ import annotations

from typing import Literal, Optional

from spacy.tokens import Token

Tense = Literal["past", "present", "future"]

FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
# verbs whose complement is an intention, a plan or an expectation, not an act: 'slated to visit'
PLAN_VERBS = {"slate", "schedule", "plan", "expect", "set", "due", "intend", "aim", "hope", "want", "prepare",
              "promise", "threaten", "vow", "seek", "try", "attempt", "propose", "wish", "pledge", "mean",
              "decide", "agree", "plot", "await"}
# their inflected forms, since the lemmatizer misses some ('slated' -> 'slat')
PLAN_FORMS = {f for v in PLAN_VERBS for f in (v, v + "s", v + "d", v + "ed", v + "ing", v[:-1] + "ing")} | {
    "planned", "planning", "sought", "meant", "tried", "tries", "set", "setting", "slated", "scheduled", "due"}
# words before an event noun that place it ahead: 'the upcoming visit', 'a planned summit'
FUTURE_MODIFIERS = {"upcoming", "planned", "proposed", "scheduled", "forthcoming", "future", "next", "coming",
                    "expected", "possible", "potential", "prospective", "impending", "intended"}
PAST_TAGS = {"VBD"}
PRESENT_TAGS = {"VBZ", "VBP", "VBG"}


def tense_of(tok: Token, depth: int = 0) -> Optional[Tense]:
    """past | present | future for the clause this token heads; None where nothing says."""
    if tok.pos_ == "NOUN":
        return "future" if any(c.lower_ in FUTURE_MODIFIERS for c in tok.children if c.dep_ in ("amod", "compound")) \
            else None
    kids = list(tok.children)
    auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if any(a.lower_ == "going" for a in auxes) and any(a.lower_ == "to" for a in auxes):
        return "future"       # "is going to visit"
    if tok.dep_ == "xcomp" and depth < 4:
        head = tok.head
        if head.lemma_.lower() in PLAN_VERBS or head.lower_ in PLAN_FORMS \
                or (head.lemma_.lower() == "be" and any(a.lower_ == "to" for a in auxes)):
            return "future"   # "is slated to visit", "plans to meet", "is to sign"
        if head.pos_ in ("VERB", "AUX"):
            return tense_of(head, depth + 1)
    if any(a.lower_ == "would" for a in auxes):
        return "future"       # "said he would visit": what was to come when it was said
    if any(a.tag_ in PAST_TAGS or a.lower_ in ("had", "was", "were", "did") for a in auxes):
        return "past"
    if any(a.lower_ in ("have", "has", "'ve", "’ve") for a in auxes):
        return "past"         # "has visited": done, told as it bears on now
    if tok.tag_ in PAST_TAGS:
        return "past"
    if any(a.tag_ in PRESENT_TAGS or a.lower_ in ("is", "are", "am", "'s", "’s", "'re", "’re") for a in auxes) \
            or tok.tag_ in PRESENT_TAGS:
        return "present"
    if tok.dep_ in ("conj", "advcl") and depth < 4 and tok.head.pos_ in ("VERB", "AUX"):
        return tense_of(tok.head, depth + 1)
    return None
