"""Every temporal expression in a document, typed and normalized as TimeML TIMEX3 (the contract's `times`).

    find_times("d1", "Officials met on Sunday.", "2023-10-30")  ->  [Time(text="Sunday", type="DATE", value="2023-10-29")]

Expressions are found by the grammar in `timegrammar` (longest match wins, then the rule of higher
priority; no overlaps), then normalized in text order against the publication date. A relative expression takes its direction
from the tense of its clause: "Sunday" in "met on Sunday" is the Sunday before publication, in
"will meet on Sunday" the one after (`tense`: from the spaCy parse when one is given,
from a few auxiliary words otherwise). Spans follow TimeML: "on" in "on Sunday" is not part of it.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from ..model import Time
from . import timevalues as tv
from .timegrammar import RULES, Context, Rule, prev_word
from .quotes import inside, quote_spans
from .tense import tense_from_parse, tense_from_text

# expressions that point back at an earlier one and so never become the new point of reference
ANAPHORIC = {"the quarter", "year-earlier", "n units ago", "this week", "the 1988 quarter"}
DEADLINE_PREP = {"by", "until", "till", "through", "to", "deadline"}
# expressions counted from the moment of speaking: inside a quotation that moment is the quote's, which the text
# may not give ('"Already did that earlier today," Mr. Trump said' in a message of 2016), so they set no reference
DEICTIC = {"today"}
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


Candidate = tuple[int, int, Rule, re.Match]  # (start, end, rule, match)


# -- which rules can match at all: most documents name no weekday, no season, no quarter ...
# Every rule scans the whole text with a case-blind pattern that starts with a look-behind, which the
# regex engine cannot skip ahead for. Each pattern's parse says which words any match of it must hold
# (one of a set); a rule is scanned only in texts that hold one of them. Its matches are the same.

# The characters a case-blind pattern takes for an ASCII letter: the letter in either case and four more
# (checked against every code point: `tests/test_times.py`); FOLD maps each to the lower-case letter.
FOLD = {**{ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, 0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def _literal(code: int) -> Optional[str]:
    """A pattern's literal character as FOLD writes it; None for a cased one beyond ASCII."""
    ch = chr(code)
    if ch.isascii() and ch.isalpha():
        return ch.lower()
    if ch.lower() != ch or ch.upper() != ch or code in FOLD:
        return None
    return ch


def _needs_seq(items: Any) -> Optional[frozenset[str]]:
    """Of a sequence: the most telling requirement of any of its parts (a run of literals is one)."""
    from re import _constants as C

    options, run = [], ""
    for op, av in items:
        if op is C.LITERAL and _literal(av) is not None:
            run += _literal(av)
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        options.append(_needs_one(op, av))
    if run:
        options.append(frozenset({run}))
    found = [o for o in options if o]
    return max(found, key=lambda o: (min(map(len, o)), -len(o))) if found else None


def _needs_one(op: Any, av: Any) -> Optional[frozenset[str]]:
    from re import _constants as C

    if op is C.SUBPATTERN:
        return _needs_seq(av[3])
    if op is C.ATOMIC_GROUP:
        return _needs_seq(av)
    if op is C.BRANCH:   # every alternative must need something
        out: set[str] = set()
        for alt in av[1]:
            need = _needs_seq(alt)
            if not need:
                return None
            out |= need
        return frozenset(out)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _needs_seq(av[2])
    return None   # a class, an assertion, an optional part: nothing it must hold


_NEEDS: dict[re.Pattern, Optional[frozenset[str]]] = {}


def required_words(pattern: re.Pattern) -> Optional[frozenset[str]]:
    """Strings (folded by FOLD) one of which every match of the case-blind `pattern` holds; None if unknown."""
    if pattern not in _NEEDS:
        try:
            from re import _parser

            _NEEDS[pattern] = _needs_seq(_parser.parse(pattern.pattern, pattern.flags))
        except Exception:   # the private parser changed shape: scan with every rule
            _NEEDS[pattern] = None
    return _NEEDS[pattern]


def candidates(text: str) -> list[Candidate]:
    """Every match of every rule that its own context check accepts."""
    out = []
    folded = text.translate(FOLD)
    for r in RULES:
        need = required_words(r.pattern) if r.pattern.flags & re.IGNORECASE else None
        if need is not None and not any(w in folded for w in need):
            continue
        for m in r.pattern.finditer(text):
            if m.end() > m.start() and (r.accept is None or r.accept(m, text)):
                out.append((m.start(), m.end(), r, m))
    return out


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping matches, longest first (then leftmost, then the rule of higher priority)."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0], -c[2].priority)):
        if all(c[1] <= s or c[0] >= e for s, e in taken):
            taken.append((c[0], c[1]))
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


# ---------------------------------------------------------------- the API

def find_times(doc_id: str, text: str, published: Optional[str], sdoc: Any = None) -> list[Time]:
    """Every date, time, duration and set expression in `text`, normalized against the date of `published`."""
    anchor = anchor_date(published)
    if sdoc is not None and sdoc.text != text:
        sdoc = None
    ctx = Context(text=text, anchor=anchor, ref=anchor.isoformat() if anchor else None)
    out: list[Time] = []
    quotes: Optional[list[tuple[int, int]]] = None
    for start, end, rule, m in select(candidates(text)):
        ctx.start = start
        ctx.tense = tense_from_parse(sdoc, start, end) if sdoc is not None else tense_from_text(text, start, end)
        ctx.deadline = ""
        pw = prev_word(text, start)
        if pw == "to" and not MOVED_TO.search(text[max(0, start - 40):start]):
            pw = ""  # "from Sept. 14 to Thursday", "in contrast to Thursday": the clause's tense holds
        bound = re.search(r"\bas\s+(early|soon|late)\s+as\s+$", text[max(0, start - 20):start])
        if pw in DEADLINE_PREP or bound:
            # "by Jan. 14", "extended to Nov. 20", "until Tuesday": a limit, which may lie ahead even in a past clause;
            # "as late as Monday night, he was still saying" is a bound of what was, told in the past
            past = ctx.tense == "past" and (pw in ("by", "until", "till", "through")
                                            or (bound is not None and bound.group(1).lower() != "soon"))
            if past and ARRANGED.search(text[max(0, start - 80):start]):
                past = False  # "extended its deadline until Tuesday", "has given them until noon Friday"
            ctx.deadline = "past" if past else "ahead"
            ctx.tense = None
        got = rule.normalize(m, ctx)
        if not got or not got[1]:
            continue
        typ, value = got
        out.append(Time(doc=doc_id, start=start, end=end, text=text[start:end], type=typ, value=value))
        if rule.name in DEICTIC and quotes is None:
            quotes = quote_spans(text)   # read once, and only for a text that says 'today'
        if rule.name not in ANAPHORIC and not m.groupdict().get("ya") \
                and not (rule.name in DEICTIC and inside(quotes or [], start, end)):
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
