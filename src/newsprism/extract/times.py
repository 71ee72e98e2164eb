"""Every temporal expression in a document, typed and normalized as TimeML TIMEX3 (the contract's `times`).

    find_times("d1", "Officials met on Sunday.", "2023-10-30")  ->  [Time(text="Sunday", type="DATE", value="2023-10-29")]

Expressions are found by the grammar in `timegrammar` (longest match wins, no overlaps), then
normalized in text order against the publication date. A relative expression takes its direction
from the tense of its clause: "Sunday" in "met on Sunday" is the Sunday before publication, in
"will meet on Sunday" the one after. The tense comes from the spaCy parse when one is given and
from a few auxiliary words otherwise. Spans follow TimeML: "on" in "on Sunday" is not part of it.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from ..model import Time
from . import timevalues as tv
from .timegrammar import RULES, Context, Rule, prev_word

FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo"}
MODAL_FUTURE = {"may", "might", "can", "should", "must", "ought"}
# verbs whose present tense announces something to come ("is scheduled to", "plans to", "is due")
FUTURE_VERBS = {"schedule", "expect", "plan", "set", "due", "slate", "intend", "aim", "hope", "prepare", "poise",
                "anticipate", "propose", "want", "seek", "promise", "threaten", "vow", "pledge", "go"}
# expressions that point back at an earlier one and so never become the new point of reference
ANAPHORIC = {"the quarter", "year-earlier", "n units ago", "this week", "the 1988 quarter"}
DEADLINE_PREP = {"by", "until", "till", "through", "to", "deadline"}
# verbs that arrange something: what they put on a date lies ahead of the arranging, even in the past tense
PLAN_VERBS = {"schedule", "plan", "slate", "postpone", "delay", "reschedule", "book"}
# "to" marks a limit only after a verb that moves a date ("postponed to Nov. 20", "extended to Friday")
MOVED_TO = re.compile(r"\b(?:extend|postpon|delay|mov|push|adjourn|reschedul|shift|defer|bring|brought|put)\w*(?:\s+(?:back|forward|off|it|them|the\s+\w+))?\s+to\s+$", re.I)
# verbs that grant or move a limit: the limit lies ahead of the granting even in a past clause
ARRANGED = re.compile(r"\b(?:extend\w*|postpon\w*|delay\w*|push\w*\s+back|gave|given|give[sn]?|grant\w*|deadline|ha[sd]\s+until)\b(?![^.;]*[.;])", re.I)
CALENDAR = re.compile(r"\d{4}(?:-(?:\d\d|W\d\d|Q[1-4]|H[12]|SP|SU|FA|WI)(?:-\d\d)?)?")


def anchor_date(published: Optional[str]) -> Optional[dt.date]:
    """The date part of an ISO 8601 publication time (the local date as written, not converted to UTC)."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", published)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def candidates(text: str) -> list[tuple[int, int, int, re.Match]]:
    """Every match of every rule that its own context check accepts: (start, end, rule index, match)."""
    out = []
    for i, r in enumerate(RULES):
        for m in r.pattern.finditer(text):
            if m.end() > m.start() and (r.accept is None or r.accept(m, text)):
                out.append((m.start(), m.end(), i, m))
    return out


def select(cands: list[tuple[int, int, int, re.Match]]) -> list[tuple[int, int, int, re.Match]]:
    """Non-overlapping matches, longest first (then leftmost, then the rule listed first)."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0], c[2])):
        if all(c[1] <= s or c[0] >= e for s, e in taken):
            taken.append((c[0], c[1]))
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


# ---------------------------------------------------------------- tense

NEUTRAL = "neutral"  # the parse says the clause gives no direction: stop looking, use the nearest date


def _verb_tense(tok: Any, depth: int = 0) -> Optional[str]:
    """past | present | future | NEUTRAL for a verb; None when its clause has no tense of its own (look higher)."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or "would" in words:
        return "future"
    if "going" in words or (tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.children)):
        return "future"
    if words & MODAL_FUTURE:
        return "future"
    if "could" in words:
        return NEUTRAL
    if tok.tag_ == "VB" and "to" in words:
        # an infinitive happens after the verb that governs it: "decided to admit them in March"
        head = tok.head
        if head.i == tok.i or depth >= 4:
            return NEUTRAL
        if head.lemma_.lower() in FUTURE_VERBS:
            # "had been scheduled to expire Friday": a plan told in the past perfect was overtaken; no direction
            return NEUTRAL if any(c.lower_ == "had" for c in head.children) else "future"
        t = _governing_tense(head, depth + 1)
        return NEUTRAL if t in (None, "past") else t
    if tok.lemma_.lower() in PLAN_VERBS and tok.tag_ in ("VBD", "VBN"):
        return "future"  # "planned a rally on Saturday", "has scheduled a news conference Thursday"
    plan_set = tok.lemma_.lower() == "set" and any(c.lower_ in ("for", "as") for c in tok.children)
    if plan_set and tok.tag_ in ("VBD", "VBN"):
        # "set a vote for Thursday", "set Nov. 10 as the deadline" (but "a record set on Aug. 6" lies behind,
        # and a limit set in the past perfect has passed: "had ruled ... and set Friday as the deadline")
        verbs = [tok, tok.head] if tok.dep_ == "conj" else [tok]
        return "past" if any(c.lower_ == "had" for v in verbs for c in v.children) else "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if tok.lemma_.lower() in FUTURE_VERBS and (tok.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)):
        return "future"
    if tok.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if tok.tag_ == "VBN" and (tok.dep_ in ("acl", "amod") or tok.dep_ == "advcl" and not any(c.dep_ == "mark" for c in tok.children)):
        # a bare participle: "the decision, announced Wednesday, ..." ("if approved Tuesday" is conditional)
        return "future" if tok.lemma_.lower() in FUTURE_VERBS and (tok.lemma_.lower() != "set" or plan_set) else "past"
    return None


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


def tense_from_parse(sdoc: Any, start: int, end: int) -> Optional[str]:
    """Tense of the clause that governs the expression at [start, end) in a spaCy Doc (None: no direction)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    while root.dep_ == "conj" and root.head.pos_ == "PROPN" and root.head.i < root.i:
        root = root.head  # "statements made Friday and Thursday": coordinated dates share one verb
    if root.dep_ in ("compound", "nmod", "amod", "poss", "nummod") and root.head.pos_ in ("NOUN", "PROPN"):
        return None  # "Wednesday's ruling", "the Jan. 14 deadline": a date naming a thing, not when a verb happened
    outside = [t for t in span if not span.start <= t.head.i < span.end]
    if outside and all(t.dep_ in ("compound", "nmod", "amod", "poss", "nummod", "det") and t.head.i >= span.end
                       and t.head.pos_ in ("NOUN", "PROPN") for t in outside):
        return None  # the same when the span took the noun's article along: "the Oct. 23 slaying"
    t = _governing_tense(root)
    if t is None:
        t = _sentence_tense(list(span.sent))
    return None if t == NEUTRAL else t


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


# ---------------------------------------------------------------- the API

def find_times(doc_id: str, text: str, published: Optional[str], sdoc: Any = None) -> list[Time]:
    """Every date, time, duration and set expression in `text`, normalized against the date of `published`."""
    anchor = anchor_date(published)
    if sdoc is not None and sdoc.text != text:
        sdoc = None
    ctx = Context(text=text, anchor=anchor, ref=anchor.isoformat() if anchor else None)
    out: list[Time] = []
    for start, end, i, m in select(candidates(text)):
        rule: Rule = RULES[i]
        ctx.start = start
        ctx.tense = tense_from_parse(sdoc, start, end) if sdoc is not None else tense_from_text(text, start, end)
        ctx.deadline = ""
        pw = prev_word(text, start)
        if pw == "to" and not MOVED_TO.search(text[max(0, start - 40):start]):
            pw = ""  # "from Sept. 14 to Thursday", "in contrast to Thursday": the clause's tense holds
        if pw in DEADLINE_PREP or re.search(r"\bas\s+(?:early|soon|late)\s+as\s+$", text[max(0, start - 20):start]):
            # "by Jan. 14", "extended to Nov. 20", "until Tuesday": a limit, which may lie ahead even in a past clause
            past = ctx.tense == "past" and pw in ("by", "until", "till", "through")
            if past and ARRANGED.search(text[max(0, start - 80):start]):
                past = False  # "extended its deadline until Tuesday", "has given them until noon Friday"
            ctx.deadline = "past" if past else "ahead"
            ctx.tense = None
        got = rule.normalize(m, ctx)
        if not got or not got[1]:
            continue
        typ, value = got
        out.append(Time(doc=doc_id, start=start, end=end, text=text[start:end], type=typ, value=value))
        if rule.name not in ANAPHORIC and not m.groupdict().get("ya"):
            _remember(ctx, value, start, fiscal="fiscal" in text[max(0, start - 10):end].lower())
        elif rule.name == "this week" and re.fullmatch(r"\d{4}", value):
            ctx.ref_year = value  # "last year ... that year"
    return out


def _remember(ctx: Context, value: str, start: int, fiscal: bool = False) -> None:
    """Keep the last calendar value mentioned: what "two days later" and "the quarter" refer back to."""
    if not CALENDAR.match(value):
        return
    g = value.split("T")[0]
    ctx.ref_year = g[:4]
    if re.fullmatch(r"\d{4}-(Q[1-4]|H[12])", g):
        # only a period already over can be the one reported on (and compared with "a year earlier"); an earlier
        # period named just after it is a comparison ("after a flat second quarter"), not the new subject
        end = tv.value_date(tv.shift_value(g, 1) or g)
        if ctx.anchor is None or (end is not None and end <= ctx.anchor):
            if fiscal or not (ctx.near_quarter() and g[5] == ctx.ref_quarter[5] and g < ctx.ref_quarter):
                ctx.ref_quarter, ctx.ref_quarter_pos = g, start
        return
    if re.fullmatch(r"\d{4}-\d\d-\d\d", g):
        ctx.ref_day, ctx.ref_day_pos = g, start
        ctx.ref = g
    elif re.fullmatch(r"\d{4}-\d\d", g):
        ctx.ref = g


def time_granularity(value: str) -> str:
    """year | month | week | day | minute: how precisely a TIMEX3 value places something on a timeline."""
    return tv.granularity(value)


def component(document: Any, sdoc: Any, record: Any, cfg: Any) -> None:
    """Pipeline stage: the document's temporal expressions into its record."""
    found = find_times(document.id, document.text, document.published, sdoc)
    # local ids ("<doc>#t<n>"), so a claim can name the expression that dates it; the corpus renumbers them
    record.times = [t.model_copy(update={"id": f"{document.id}#t{n}"}) for n, t in enumerate(found, 1)]
