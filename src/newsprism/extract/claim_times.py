"""Which time expression dates the event a clause or an event noun tells (for claims): the most precise date
attached to the predicate in the parse, not crossing into another clause."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..lexicon.dates import iso_prefix
from ..lexicon.predicates import EVENT_NOUNS, predicate_class
from ..model import Time


def time_tokens(sdoc: Doc, times: list[Time]) -> dict[int, Time]:
    """Token index -> the time expression covering it (dates and clock times only)."""
    out: dict[int, Time] = {}
    for t in times:
        day = iso_prefix(t.value)
        if t.type not in ("DATE", "TIME") or not day:
            continue
        if day != t.value:   # "2022-09-10TAF" (afternoon): the calendar part is what dates the event
            t = t.model_copy(update={"value": day})
        span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            prev = out.get(tok.i)
            if prev is None or len(t.value) > len(prev.value):
                out[tok.i] = t
    return out


WEEKDAY = re.compile(r"^XXXX-WXX-[1-7]")


def weekday_tokens(sdoc: Doc, times: list[Time]) -> dict[int, Time]:
    """Token index -> a bare weekday covering it ('on Wednesday' in an undated report): no calendar date, yet two
    reports of one happening name the same day for it."""
    out: dict[int, Time] = {}
    for t in times:
        if t.type in ("DATE", "TIME") and WEEKDAY.match(t.value or ""):
            span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
            for tok in span if span is not None else ():
                out[tok.i] = t
    return out


def own_time(noun: Token, times: dict[int, Time]) -> bool:
    """A time expression hangs directly off this noun (compound, 'on <date>', 'of <date>')."""
    for c in noun.children:
        if c.i in times:
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "of", "in", "at"):
            if any(g.i in times for g in c.children):
                return True
    return False


def _attached(anchor: Token, times: dict[int, Time]) -> list[Time]:
    """Times whose nearest verbal or event-noun ancestor is this anchor."""
    found: list[Time] = []
    for c in anchor.children:
        if c.dep_ in ("ccomp", "relcl", "acl", "advcl", "conj", "xcomp", "parataxis"):
            continue
        for tok in c.subtree:
            if tok.i not in times:
                continue
            node = tok.head
            while node.i != anchor.i and node.head.i != node.i and node.i in times:
                node = node.head
            # the first content head above the time must lead to this anchor without crossing another clause
            path_ok, n = True, tok
            while n.i != anchor.i:
                # an event noun's date is its own ('condemned the May 3 raid'), unless it names the verb's act too
                # ('as part of a tour of Europe in 1961, Kennedy travelled to London')
                if n.i not in times and (n.pos_ in ("VERB",) or (n.pos_ == "NOUN" and n.lemma_.lower() in EVENT_NOUNS
                                                               and anchor.pos_ == "VERB" and EVENT_NOUNS[n.lemma_.lower()]
                                                               != predicate_class(anchor.lemma_.lower()))):
                    path_ok = False
                    break
                if n.head.i == n.i:
                    path_ok = False
                    break
                n = n.head
            if path_ok and times[tok.i] not in found:
                found.append(times[tok.i])
    return found


def when_of(anchor: Token, times: dict[int, Time], sent: Span, depth: int = 0) -> Optional[Time]:
    """The time expression that dates the event this token anchors: the most precise one attached to it."""
    own = _attached(anchor, times)
    if own:
        return max(own, key=lambda t: (len(t.value), t.value))
    if depth > 4:
        return None
    # "in June 2021, when the rebels launched ...": a clause hanging off a date takes it
    if anchor.head.i in times and anchor.dep_ in ("relcl", "advcl", "acl"):
        return times[anchor.head.i]
    if anchor.dep_ in ("conj", "advcl", "xcomp") and anchor.head.i != anchor.i and anchor.head.pos_ in ("VERB", "AUX", "NOUN"):
        return when_of(anchor.head, times, sent, depth + 1)
    return None
