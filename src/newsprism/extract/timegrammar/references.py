"""References to the present, past and future without a date: "now", "recently", "in the near future"."""
from __future__ import annotations

import re

from .base import Context, Value, before, prev_word, rule

REFS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
        "presently": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
        "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
        "at this time": "PRESENT_REF", "for the time being": "PRESENT_REF", "the moment": "PRESENT_REF",
        "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
        "formerly": "PAST_REF", "the past": "PAST_REF", "years ago": "PAST_REF", "long ago": "PAST_REF",
        "some time ago": "PAST_REF", "not long ago": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF",
        "decades ago": "PAST_REF", "the old days": "PAST_REF",
        "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "the near future": "FUTURE_REF",
        "the near term": "FUTURE_REF", "the long term": "FUTURE_REF", "the short term": "FUTURE_REF",
        "someday": "FUTURE_REF",
        "the coming years": "FUTURE_REF", "the years ahead": "FUTURE_REF", "shortly": "FUTURE_REF"}
REFS_RE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(REFS, key=len, reverse=True))


def _ref_ok(m: re.Match, text: str) -> bool:
    w = re.sub(r"\s+", " ", m.group("w").lower())
    nxt = text[m.end():m.end() + 25]
    if w == "once":
        # "once" is a past time only as "once [was/had]"-style adverb before a verb phrase; "once again" is not
        return False
    if w in ("earlier", "shortly"):
        return False
    if w == "soon":
        return not re.search(r"\bas\s+$", before(text, m.start(), 4)) and not re.match(r"\s*(?:-|after|before|thereafter)\b", nxt)
    if w == "previously":
        # a sentence adverb ("Previously, the firm ...") is a time; "a previously announced plan" is not
        return bool(re.search(r"(?:^|[.!?;:,]\s*|\n\s*)$", before(text, m.start(), 3))) or bool(re.match(r"\s*[,.;]", nxt))
    if w == "current":
        # an adjective before a noun ("the current talks"); not "current account" (economics) or electric current
        return bool(re.match(r"\s+[a-z]", nxt)) and not re.match(r"\s+(?:account|accounts|affairs|events)\b", nxt)
    if w == "recent":
        return bool(re.match(r"\s+[a-z]", nxt)) or prev_word(text, m.start()) in ("in", "the", "near", "distant", "foreseeable")
    if w == "future":
        return prev_word(text, m.start()) in ("in", "near", "distant", "foreseeable") and not re.match(r"\s+[a-z]", nxt)
    if w == "now":
        return not re.match(r"[-‐]", nxt)
    if w == "the moment":
        return prev_word(text, m.start()) in ("at", "for")
    return True


@rule("reference", 190, rf"(?P<w>{REFS_RE})", accept=_ref_ok)
def _reference(m: re.Match, ctx: Context) -> Value:
    return "DATE", REFS[re.sub(r"\s+", " ", m.group("w").lower())]
