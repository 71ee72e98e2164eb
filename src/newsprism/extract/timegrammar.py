"""A grammar of English temporal expressions: patterns that find them and rules that normalize them.

Each `Rule` pairs a regular expression with a normalizer. Finding is context-free (a rule may only
veto a match from the surrounding words); normalizing happens afterwards, in text order, with a
`Context` that knows the anchor date (publication), the tense of the clause, and the calendar value
most recently mentioned (what "two days later" or "the year-earlier quarter" count from).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from dateutil.easter import easter

from . import timevalues as tv
from ..lexicon.dates import MONTH, WEEKDAY, month_number, weekday_number
from ..lexicon.numbers import NUMWORD, amount
from .timelexicon import DAYNUM, NUM, ORDINAL, PARTDAY, SEASON, UNIT, YEAR, YEAR_SHORT, day_number, ordinal, unit_name

Value = Optional[tuple[str, str]]  # (TIMEX3 type, value); None = not a temporal expression after all


@dataclass
class Context:
    """What a normalizer may know besides its own words."""

    text: str
    anchor: Optional[dt.date]
    tense: Optional[str] = None          # past | present | future | None (unknown)
    deadline: str = ""                   # after "by", "until", "as early as": "ahead", or "past" in a past clause
    ref: Optional[str] = None            # last calendar value mentioned (day, month, year ...)
    ref_day: Optional[str] = None        # last day mentioned (for clock times and "that night")
    ref_day_pos: int = -10_000
    ref_quarter: Optional[str] = None    # last quarter or half mentioned ("the quarter", "a year earlier")
    ref_quarter_pos: int = -10_000
    ref_year: Optional[str] = None       # year of the last calendar value mentioned ("that year", "the following year")
    start: int = 0

    def near_quarter(self) -> Optional[str]:
        """The quarter talked about just before (financial reports compare it with a year earlier)."""
        return self.ref_quarter if self.start - self.ref_quarter_pos < 1200 else None


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    normalize: Callable[[re.Match, Context], Value]
    accept: Optional[Callable[[re.Match, str], bool]] = None


RULES: list[Rule] = []


def rule(name: str, pattern: str, accept: Optional[Callable[[re.Match, str], bool]] = None):
    compiled = re.compile(r"(?<![\w$£€#])(?:" + pattern + r")(?![\w])", re.I)

    def register(fn: Callable[[re.Match, Context], Value]):
        RULES.append(Rule(name, compiled, fn, accept))
        return fn

    return register


# ---------------------------------------------------------------- context helpers

def before(text: str, start: int, n: int = 30) -> str:
    return text[max(0, start - n):start]


def prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w.'’-]+)\W*$", before(text, start, 40))
    return m.group(1).lower() if m else ""


def next_word(text: str, end: int) -> str:
    m = re.match(r"\W*?([\w'’.-]+)", text[end:end + 40])
    return m.group(1) if m else ""


TEMPORAL_PREP = {"in", "on", "since", "by", "until", "till", "through", "during", "from", "to", "of", "before",
                 "after", "between", "and", "or", "early", "late", "mid", "last", "next", "this", "end",
                 "beginning", "start", "around", "circa", "throughout", "for", "as", "at", "within", "ending",
                 "starting", "beginning", "year", "fiscal", "that", "every", "each", "the", "summer", "spring",
                 "winter", "fall", "autumn", "middle", ",", "in-", "pre", "post", "mid-", "pre-", "post-", "than", "about", "till"}


def capitalized(s: str) -> bool:
    return s[:1].isupper()


# ---------------------------------------------------------------- resolution helpers

FUTURE_WINDOW_DAYS = 120


def choose_year(anchor: dt.date, month: int, day: Optional[int], tense: Optional[str]) -> int:
    """The year of a month (and day) named without one: past tense looks back, future forward, else nearest."""
    y = anchor.year
    if day is None:
        k = month - anchor.month
        if tense == "past":
            return y - 1 if k > 0 else y
        if tense == "future":
            return y + 1 if k < 0 else y
        return y - 1 if k > 6 else y + 1 if k < -6 else y
    try:
        target = dt.date(y, month, day)
    except ValueError:
        return y
    if tense == "past":
        return y - 1 if target > anchor else y
    if tense == "future":
        return y + 1 if target < anchor else y
    delta = (target - anchor).days  # in (-366, 366)
    if tense == "present":
        return y - 1 if delta > 182 else y + 1 if delta < -182 else y
    # no tense: news mostly reports what has happened; a date ahead counts only when it is close
    if delta > FUTURE_WINDOW_DAYS:
        return y - 1
    if delta < -(365 - FUTURE_WINDOW_DAYS):
        return y + 1
    return y


def weekday_date(anchor: dt.date, wd: int, tense: Optional[str], mod: str = "") -> dt.date:
    """The date of a weekday named relative to the anchor ("Friday", "last Friday", "next Friday")."""
    back = (anchor.isoweekday() - wd) % 7
    fwd = (wd - anchor.isoweekday()) % 7
    if mod == "last":
        return anchor - dt.timedelta(days=back or 7)
    if mod == "next":
        return anchor + dt.timedelta(days=fwd or 7)
    if mod in ("this", "coming"):
        return anchor + dt.timedelta(days=wd - anchor.isoweekday()) if mod == "this" else anchor + dt.timedelta(days=fwd)
    if tense in ("future", "present", "deadline"):
        return anchor + dt.timedelta(days=fwd)
    return anchor - dt.timedelta(days=back)


def month_value(ctx: Context, month: int, year: Optional[int], mod: str = "") -> Optional[str]:
    if year is not None:
        return tv.month(year, month)
    if ctx.anchor is None:
        return f"XXXX-{month:02d}"
    a = ctx.anchor
    if mod == "last":
        return tv.month(a.year - 1 if month >= a.month else a.year, month)
    if mod == "next":
        return tv.month(a.year + 1 if month <= a.month else a.year, month)
    if mod == "this":
        return tv.month(a.year, month)
    return tv.month(choose_year(a, month, None, ctx.tense), month)


def year_by_weekday(anchor: dt.date, month: int, day: int, wd: int) -> Optional[int]:
    """The year near the anchor in which this month and day fall on the weekday the text names."""
    fits = []
    for y in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            if dt.date(y, month, day).isoweekday() == wd:
                fits.append(y)
        except ValueError:
            pass
    return fits[0] if fits else None


def date_value(ctx: Context, month: int, day: int, year: Optional[int]) -> Optional[str]:
    if year is None:
        if ctx.anchor is None:
            return f"XXXX-{month:02d}-{day:02d}"
        year = choose_year(ctx.anchor, month, day, ctx.tense)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def full_year(s: str, anchor: Optional[dt.date]) -> int:
    s = s.strip("'’")
    if len(s) == 4:
        return int(s)
    n = int(s)
    century = (anchor.year // 100 * 100) if anchor else 1900
    return century + n if century + n <= (anchor.year if anchor else 2000) + 10 else century - 100 + n


REL_STEP = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
            "following": 1, "same": 0, "that": 0}


# ---------------------------------------------------------------- clock times

CLOCK = (r"(?:(?P<h>[012]?\d)(?::(?P<mi>[0-5]\d))?(?::[0-5]\d)?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m(?![a-z])|o'clock)"
         r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?!\d)(?!:\d)|(?P<noon>noon|midnight|midday))"
         r"(?:\s+(?P<tz>[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|local time)(?![A-Za-z]))?")
DAYREF = (rf"(?:(?:last|next|this)\s+)?{WEEKDAY}(?:,?\s+{MONTH}\s*{DAYNUM}(?:,?\s+{YEAR})?)?"
          rf"|{MONTH}\s*{DAYNUM}(?:,?\s+{YEAR})?|{DAYNUM}\s+{MONTH}(?:,?\s+{YEAR})?|today|yesterday|tomorrow|tonight")


def clock_parts(m: re.Match) -> Optional[tuple[int, int]]:
    g = m.groupdict()
    if g.get("noon"):
        return (24, 0) if g["noon"].lower() == "midnight" else (12, 0)
    if g.get("h24"):
        return int(g["h24"]), int(g["mi24"])
    h, mi, ap = int(g["h"]), int(g["mi"] or 0), g["ap"].lower().replace(" ", "")
    if h > 12 and not ap.startswith("o"):
        return None
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    return h, mi


def day_of(phrase: str, ctx: Context) -> Optional[str]:
    """The day a day phrase inside a larger expression names ("Friday", "Nov. 9", "yesterday")."""
    for r in DAY_RULES:
        m = r.pattern.fullmatch(phrase.strip(" ,"))
        if m:
            got = r.normalize(m, ctx)
            if got and re.fullmatch(r"(\d{4}|XXXX)-(\d\d|XX|WXX)-(\d\d?|XX)", got[1]):
                return got[1]
    return None


def date_of(phrase: str, ctx: Context) -> Optional[dt.date]:
    """The calendar date a day phrase names, when it names a full one ("Nov. 9, 2023", "last Friday")."""
    d = day_of(phrase, ctx)
    return tv.value_date(d) if d else None


def default_day(ctx: Context) -> str:
    if ctx.ref_day:
        return ctx.ref_day
    return ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"


@rule("clock+day", rf"(?P<c>{CLOCK}),?\s+(?:(?:on|this|last)\s+)?(?P<d>{DAYREF})")
def _clock_day(m: re.Match, ctx: Context) -> Value:
    hm = clock_parts(m)
    d = day_of(m.group("d"), ctx)
    if hm is None or d is None:
        return None
    return "TIME", f"{d}T{hm[0]:02d}:{hm[1]:02d}"


@rule("day+clock", rf"(?P<d>{DAYREF}),?\s+(?:(?:at|about|around|before|after|by|until|from)\s+)?(?P<c>{CLOCK})")
def _day_clock(m: re.Match, ctx: Context) -> Value:
    return _clock_day(m, ctx)


@rule("clock", CLOCK, accept=lambda m, text: bool(m.group("ap") or m.group("noon") or m.group("tz")
                                                    or prev_word(text, m.start()) in ("at", "by", "until", "after", "before", "around", "about", "from")))
def _clock(m: re.Match, ctx: Context) -> Value:
    hm = clock_parts(m)
    if hm is None:
        return None
    return "TIME", f"{default_day(ctx)}T{hm[0]:02d}:{hm[1]:02d}"


@rule("clock in the morning", r"(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s+(?:o'clock\s+)?(?:in the (?P<p>morning|afternoon|evening)|at (?P<n>night))")
def _clock_partday(m: re.Match, ctx: Context) -> Value:
    h, mi = int(m.group("h")), int(m.group("mi") or 0)
    if (m.group("p") or "").lower() in ("afternoon", "evening") or (m.group("n") and h >= 6):
        h = h + 12 if h < 12 else h
    return "TIME", f"{default_day(ctx)}T{h:02d}:{mi:02d}"


# ---------------------------------------------------------------- days

DAY_RULES: list[Rule] = []


def day_rule(name: str, pattern: str, accept=None):
    def register(fn):
        rule(name, pattern, accept)(fn)
        DAY_RULES.append(RULES[-1])
        return fn

    return register


def _month_day_ok(m: re.Match, text: str) -> bool:
    # "May 5" is a date, "may 5" is not; a lower-case month only counts in an all-lower-case text
    mo = m.group("mo")
    return capitalized(mo) or text.islower()


@day_rule("weekday, month day year", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mo>{MONTH})\s*(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}|{YEAR_SHORT}))?", accept=_month_day_ok)
def _mdy(m: re.Match, ctx: Context) -> Value:
    y = full_year(m.group("y"), ctx.anchor) if m.group("y") else None
    if y is None and m.group("wd") and ctx.anchor is not None:
        y = year_by_weekday(ctx.anchor, month_number(m.group("mo")), day_number(m.group("d")), weekday_number(m.group("wd")))
    v = date_value(ctx, month_number(m.group("mo")), day_number(m.group("d")), y)
    return ("DATE", v) if v else None


@day_rule("weekday, day month year", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mo>{MONTH})(?:,?\s+(?P<y>{YEAR}))?", accept=_month_day_ok)
def _dmy(m: re.Match, ctx: Context) -> Value:
    return _mdy(m, ctx)


@day_rule("iso date", rf"(?P<y>{YEAR})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[012]\d):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?")
def _iso(m: re.Match, ctx: Context) -> Value:
    try:
        d = dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d"))).isoformat()
    except ValueError:
        return None
    if m.group("h"):
        return "TIME", f"{d}T{m.group('h')}:{m.group('mi')}"
    return "DATE", d


@day_rule("numeric date", r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)")
def _numeric(m: re.Match, ctx: Context) -> Value:
    a, b = int(m.group("a")), int(m.group("b"))
    # US order month/day with slashes unless impossible; day.month with dots (European)
    mo, d = (a, b) if m.group("sep") == "/" and a <= 12 else (b, a)
    try:
        return "DATE", dt.date(int(m.group("y")), mo, d).isoformat()
    except ValueError:
        return None


@day_rule("weekday", rf"(?:(?P<mod>last|next|this|coming|past|the\s+(?:previous|preceding|following|next))\s+)?(?P<wd>{WEEKDAY})(?![’']s\s+(?:{WEEKDAY}))(?:\s+(?P<p>{PARTDAY}))?",
          accept=lambda m, text: capitalized(m.group("wd")) or text.islower())
def _weekday(m: re.Match, ctx: Context) -> Value:
    wd = weekday_number(m.group("wd"))
    part = tv.PART_OF_DAY.get((m.group("p") or "").lower())
    if ctx.anchor is None:
        v = f"XXXX-WXX-{wd}"
        return ("TIME", v + "T" + part) if part else ("DATE", v)
    mod = (m.group("mod") or "").lower()
    mod = "last" if mod == "past" else mod
    if mod.startswith("the"):
        # "the previous Friday": the one before the day just talked about, not before publication
        base = tv.value_date(ctx.ref_day) if ctx.ref_day else ctx.anchor
        step = -((base.isoweekday() - wd) % 7 or 7) if re.search(r"previous|preceding", mod) else (wd - base.isoweekday()) % 7 or 7
        d = (base + dt.timedelta(days=step)).isoformat()
        return ("TIME", f"{d}T{part}") if part else ("DATE", d)
    tense = {"ahead": "future", "past": "past"}.get(ctx.deadline, ctx.tense)
    d = weekday_date(ctx.anchor, wd, tense, mod).isoformat()
    return ("TIME", f"{d}T{part}") if part else ("DATE", d)


DAYWORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@day_rule("today", r"(?:(?P<mod>early|earlier|later|late)\s+)?(?P<w>the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|tonight)(?:\s+(?P<p>morning|afternoon|evening|night))?")
def _today(m: re.Match, ctx: Context) -> Value:
    w = m.group("w").lower()
    n = -2 if "before" in w else 2 if "after" in w else DAYWORDS[w]
    if ctx.anchor is None:
        return ("DATE", "PRESENT_REF") if n == 0 and w != "tonight" else None
    d = (ctx.anchor + dt.timedelta(days=n)).isoformat()
    part = "NI" if w == "tonight" else tv.PART_OF_DAY.get((m.group("p") or "").lower())
    # "today" in a general statement means nowadays, which TimeML writes PRESENT_REF; a date is the safer reading in news
    return ("TIME", f"{d}T{part}") if part else ("DATE", d)


@rule("part of day", rf"(?:(?P<mod>early|late|mid)[\s-]+)?(?P<p>morning|afternoon|evening|night|mid-?day|noon)\s+(?P<w>yesterday|today|tomorrow|{WEEKDAY})")
def _part_of_day_then_day(m: re.Match, ctx: Context) -> Value:
    d = day_of(m.group("w"), ctx)
    p = m.group("p").lower().replace("-", "")
    code = tv.PART_OF_DAY.get(p, "MI")
    if d is None:
        return None
    return "TIME", f"{d}T{code}" if not code.startswith("T") else f"{d}{code}"


@rule("this morning", rf"(?:(?P<mod>early|earlier|later|late)\s+)?(?P<det>this|last|that|the|same)\s+(?:same\s+)?(?P<p>morning|afternoon|evening|night)",
      accept=lambda m, text: m.group("det").lower() != "the" or prev_word(text, m.start()) in ("in", "during", "by", "until", "overnight", "of"))
def _this_morning(m: re.Match, ctx: Context) -> Value:
    det, p = m.group("det").lower(), m.group("p").lower()
    code = tv.PART_OF_DAY[p]
    if det == "this" or (det == "last" and p != "night"):
        base = ctx.anchor.isoformat() if ctx.anchor else None
    elif det == "last":
        base = (ctx.anchor - dt.timedelta(days=1)).isoformat() if ctx.anchor else None
    else:
        base = ctx.ref_day or (ctx.anchor.isoformat() if ctx.anchor else None)
    if base is None:
        return None
    return "TIME", f"{base}T{code}"


@rule("mid afternoon", r"(?P<mod>early|late|mid)[\s-]?(?P<p>morning|afternoon|evening)")
def _mid_afternoon(m: re.Match, ctx: Context) -> Value:
    base = ctx.ref_day or (ctx.anchor.isoformat() if ctx.anchor else None)
    return ("TIME", f"{base}T{tv.PART_OF_DAY[m.group('p').lower()]}") if base else None


@rule("the weekend", r"(?P<det>the|this|last|next|that|over\s+the)\s+weekend(?!s)")
def _weekend(m: re.Match, ctx: Context) -> Value:
    det = m.group("det").lower().split()[-1]
    if det == "that":
        base = tv.value_date(ctx.ref_day) if ctx.ref_day else ctx.anchor
        return ("DATE", tv.week(base) + "-WE") if base else None
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    if det == "the":
        # no tense: early in the week "the weekend" is the one just gone, late in the week the coming one
        guess = "last" if a.isoweekday() <= 3 else "this"
        det = "last" if ctx.tense == "past" else "next" if ctx.tense == "future" else guess
    if det == "last":
        # the weekend just gone: Saturday before the anchor (weekend days belong to the ISO week they end)
        sat = a - dt.timedelta(days=(a.isoweekday() - 6) % 7 or 7)
        return "DATE", tv.week(sat) + "-WE"
    if det == "next" and a.isoweekday() < 6:
        return "DATE", tv.week(a) + "-WE"
    return "DATE", tv.week(a + dt.timedelta(weeks=1 if det == "next" else 0)) + "-WE"


@rule("day-long", r"(?P<u>hour|day|night|week|month|year|decade|century)(?P<pl>s)?-long")
def _day_long(m: re.Match, ctx: Context) -> Value:
    u = unit_name(m.group("u"))
    return "DURATION", tv.duration(None if m.group("pl") else 1, "day" if u == "night" else u)


@rule("overnight", r"overnight", accept=lambda m, text: next_word(text, m.end()).lower() not in ("rate", "rates", "loan", "loans", "stay", "lending", "interest"))
def _overnight(m: re.Match, ctx: Context) -> Value:
    base = ctx.ref_day or (ctx.anchor.isoformat() if ctx.anchor else None)
    return ("TIME", f"{base}TNI") if base else None


@rule("morning of date", rf"(?:the\s+)?(?:(?:early|late)\s+)?(?P<p>morning|afternoon|evening|night)\s+of\s+(?P<d>{DAYREF})")
def _morning_of(m: re.Match, ctx: Context) -> Value:
    d = day_of(m.group("d"), ctx)
    return ("TIME", f"{d}T{tv.PART_OF_DAY[m.group('p').lower()]}") if d else None


@rule("the week of date", rf"the\s+(?P<u>week|weekend)\s+of\s+(?P<d>{MONTH}\s*{DAYNUM}(?:,?\s+{YEAR})?|{DAYNUM}\s+{MONTH}(?:,?\s+{YEAR})?)")
def _week_of(m: re.Match, ctx: Context) -> Value:
    day = date_of(m.group("d"), ctx)
    if day is None:
        return None
    return "DATE", tv.week(day) + ("-WE" if m.group("u").lower() == "weekend" else "")


# ---------------------------------------------------------------- months, years, decades, seasons

MOD = r"(?:(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half|close|turn)\s+of|the\s+(?:first|second|third|last|final)\s+week\s+of)[\s-]+)"
AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "june", "april", "august", "aug", "sept", "sep", "dec", "jun", "jul"}


def _month_alone_ok(m: re.Match, text: str) -> bool:
    mo = m.group("mo")
    if not (capitalized(mo) or text.islower()):
        return False
    if m.group("mod") or m.group("y") or m.group("rel") or m.group("ry"):
        return True
    key = mo.lower().rstrip(".")
    pw = prev_word(text, m.start())
    if key == "march" and re.match(r"\s+(?:of|on)\s+(?:the\s+)?[A-Z]", text[m.end():]) and pw in ("the", "a", "", ","):
        return False  # "the March of the Combatant Mothers", "the March on Washington": a procession
    if key in AMBIGUOUS_MONTHS and capitalized(next_word(text, m.end())) and not re.match(r"\s*[,.;:]", text[m.end():]):
        return False  # "Jan Smith", "April Ryan": a first name
    if pw in TEMPORAL_PREP or re.match(r"\s*[’']s\b", text[m.end():]):
        return True
    if pw in ("a", "an", "its", "his", "her", "their", "our") and re.match(r"\s+[a-z]", text[m.end():]):
        return True  # "under a June agreement": a month naming when a thing was made
    if key in AMBIGUOUS_MONTHS or "." in mo or len(key) <= 4:
        return False
    return not capitalized(next_word(text, m.end()))


@rule("month year", rf"{MOD}?(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<mo>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}|{YEAR_SHORT})|\s+(?:of\s+)?(?P<ry>last|this|next)\s+year)?", accept=_month_alone_ok)
def _month(m: re.Match, ctx: Context) -> Value:
    y = full_year(m.group("y"), ctx.anchor) if m.group("y") else None
    if m.group("ry") and ctx.anchor is not None:
        y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m.group("ry").lower()]
    rel = (m.group("rel") or "").lower()
    v = month_value(ctx, month_number(m.group("mo")), y, "last" if rel == "past" else rel)
    return ("DATE", v) if v else None


NOT_YEAR_BEFORE = {"no", "no.", "nos", "number", "flight", "room", "route", "article", "resolution", "section", "chapter",
                   "page", "pages", "p", "pp", "model", "version", "code", "highway", "interstate", "bus", "suite",
                   "unit", "box", "#", "windows", "boeing", "airbus", "lot", "form", "rule", "bill", "s", "h.r", "hr",
                   "rs", "rupees", "yen", "about", "some", "nearly", "almost", "approximately", "roughly", "over",
                   "than", "least", "top", "dow", "index", "at"}


def _year_ok(m: re.Match, text: str) -> bool:
    s, e = m.start(), m.end()
    if s > 0 and text[s - 1] in "$£€#.,:/-+" and not re.search(r"(?:pre|post|mid)-$", before(text, s, 6), re.I) or re.match(r"[.,:/]\d|\s*(?:%|percent|per cent)", text[e:e + 12]):
        return False
    if m.group("mod") or m.group("fy") or m.groupdict().get("the"):
        return True
    y = int(m.group("y"))
    pw = prev_word(text, s)
    if pw in NOT_YEAR_BEFORE:
        return False
    raw_prev = re.search(r"(\S+)\s+$", before(text, s, 30))
    if raw_prev and raw_prev.group(1)[:1].isupper() and raw_prev.group(1)[-1:].isalpha() and pw not in TEMPORAL_PREP:
        try:
            month_number(raw_prev.group(1))
        except KeyError:
            return False  # "Orion 1980", "Expo 2020": part of a name
    nw = next_word(text, e)
    # "1,990 people" never reaches here; "1990 people" does: a lower-case plural after the number counts things
    not_nouns = ("was", "has", "is", "saw", "brings", "marks", "sees", "begins", "ends", "as", "remains", "this", "its",
                 "us", "his")
    counted = re.fullmatch(r"[a-z]+s", nw) and nw not in not_nouns
    after_names = re.match(r"\s*(?:[A-Z][\w-]*\s+){0,2}([a-z]+s)\b", text[e:e + 40])
    if pw in ("every", "each") and after_names and after_names.group(1) not in not_nouns:
        return False   # "one in every 1007 Windows users": a count of things, names and all
    if pw == "for" and re.fullmatch(r"[a-z]+s", nw.rstrip(".,;:!?")) and nw.rstrip(".,;:!?") not in ("years", "decades"):
        return False   # "passes for 1099 yards": "for" measures as often as it dates
    if pw in TEMPORAL_PREP or pw.endswith("'s"):
        return 1000 <= y <= 2099
    if counted:
        return False
    return 1900 <= y <= 2099


@rule("year", rf"{MOD}?(?:(?P<fy>fiscal|calendar|FY|the\s+year|model\s+year|fiscal\s+year)\s*)?(?P<y>{YEAR})(?:[’']s)?", accept=_year_ok)
def _year(m: re.Match, ctx: Context) -> Value:
    return "DATE", m.group("y")


SPELLED_YEAR = rf"(?:nineteen|twenty)\s+(?:hundred(?:\s+and)?\s+)?(?:{NUMWORD})|two\s+thousand(?:\s+and\s+(?:{NUMWORD}))?|the\s+year\s+two\s+thousand"
SPELLED_YEAR_RE = re.compile(rf"(?:(?P<mo>{MONTH})\s+)?(?P<w>{SPELLED_YEAR})", re.I)


@rule("spelled year", rf"(?:(?P<mo>{MONTH})\s+)?(?P<w>{SPELLED_YEAR})",
      accept=lambda m, text: prev_word(text, m.start()) in TEMPORAL_PREP or bool(m.group("mo")) or m.group("w").lower().startswith("the"))
def _spelled_year(m: re.Match, ctx: Context) -> Value:
    w = re.sub(r"\s+", " ", m.group("w").lower()).replace("the year ", "")
    if w.startswith("two thousand"):
        y = 2000 + (amount(w.split(" and ", 1)[1]) or 0 if " and " in w else 0)
    else:
        head, rest = w.split(" ", 1)
        rest = rest.replace("hundred and ", "").replace("hundred ", "")
        n = amount(rest)
        if n is None or n >= 100:
            return None
        y = (19 if head == "nineteen" else 20) * 100 + int(n)
    if m.group("mo"):
        return "DATE", tv.month(int(y), month_number(m.group("mo")))
    return "DATE", f"{int(y)}"


@rule("decade", r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>1\d|20)(?P<d>\d)0|'(?P<sd>\d)0)[’']?s")
def _decade(m: re.Match, ctx: Context) -> Value:
    if m.group("c"):
        return "DATE", f"{m.group('c')}{m.group('d')}"
    return "DATE", f"19{m.group('sd')}"


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


@rule("decade words", r"the\s+(?:(?:early|mid|late)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
      accept=lambda m, text: not re.match(r"\s+(?:of|and)\b", text[m.end():]) or True)
def _decade_words(m: re.Match, ctx: Context) -> Value:
    return "DATE", f"19{DECADE_WORDS[m.group('w').lower()]}"


CENTURY_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)"


@rule("century", rf"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<n>{CENTURY_ORD})[\s-]+century")
def _century(m: re.Match, ctx: Context) -> Value:
    w = m.group("n").lower()
    n = int(re.match(r"\d+", w).group()) if w[0].isdigit() else ordinal(w)
    if not n:
        return None
    return "DATE", f"{n - 1:02d}"


def _season_ok(m: re.Match, text: str) -> bool:
    if m.group("y") or m.group("sy") or m.group("rel"):
        return True
    if m.group("det") or m.group(0).lower().startswith("the ") or prev_word(text, m.start()) in ("in", "during", "by", "until", "since", "through", "over", "before", "after", "this", "last", "next", "early", "late", "mid"):
        # "the fall of the city" is an event, "the fall of 2022" a season
        return not re.match(r"\s+of\s+(?!\d)", text[m.end():])
    return False


@rule("season", rf"(?:the\s+(?=early|mid|late))?{MOD}?(?:(?P<rel>this\s+past|this|last|next|past|coming)\s+|(?P<det>the)\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<sy>{SPELLED_YEAR})))?", accept=_season_ok)
def _season(m: re.Match, ctx: Context) -> Value:
    code = tv.SEASON_CODE[m.group("s").lower()]
    if m.group("y"):
        return "DATE", f"{m.group('y')}-{code}"
    if m.group("sy"):
        y = _spelled_year(SPELLED_YEAR_RE.fullmatch(m.group("sy")), ctx)
        return ("DATE", f"{y[1]}-{code}") if y else None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    a = ctx.anchor
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    y = a.year
    if rel == "this past":
        y -= 1 if tv.SEASON_MONTH[code] + 2 > a.month else 0  # the latest one already over
    elif rel in ("last", "past"):
        y -= 1
    elif rel in ("next", "coming"):
        y += 1 if tv.SEASON_MONTH[code] <= a.month else 0
    elif not rel:
        k = tv.SEASON_MONTH[code] - a.month
        if ctx.tense == "past" and k > 0:
            y -= 1
        elif ctx.tense == "future" and k < -2:
            y += 1
    return "DATE", f"{y}-{code}"


def _nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(y, month, 1)
        return first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = tv.add_months(dt.date(y, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25), "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "independence day": lambda y: dt.date(y, 7, 4),
    "the fourth of july": lambda y: dt.date(y, 7, 4), "veterans day": lambda y: dt.date(y, 11, 11),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4), "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1), "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "easter sunday": easter, "easter": easter, "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "boxing day": lambda y: dt.date(y, 12, 26), "may day": lambda y: dt.date(y, 5, 1),
}
HOLIDAY_RE = "|".join(re.escape(k).replace(r"\ ", r"\s+").replace("'", "[’']?") for k in sorted(HOLIDAYS, key=len, reverse=True))


@rule("holiday", rf"(?P<h>{HOLIDAY_RE})(?:,?\s+(?P<y>{YEAR}))?",
      accept=lambda m, text: capitalized(m.group("h").replace("the ", "")) and not re.match(r"\s+(?:Island|Parade|Declaration|Rising)", text[m.end():]))
def _holiday(m: re.Match, ctx: Context) -> Value:
    key = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'")
    key = key if key in HOLIDAYS else key.replace("s day", "'s day").replace("s eve", "'s eve")
    fn = HOLIDAYS.get(key)
    if fn is None:
        return None
    if m.group("y"):
        return "DATE", fn(int(m.group("y"))).isoformat()
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    cands = [fn(y) for y in (a.year - 1, a.year, a.year + 1)]
    if ctx.tense == "past":
        pick = max((c for c in cands if c <= a), default=cands[1])
    elif ctx.tense == "future":
        pick = min((c for c in cands if c >= a), default=cands[1])
    else:
        pick = min(cands, key=lambda c: abs((c - a).days))
    return "DATE", pick.isoformat()


# ---------------------------------------------------------------- units relative to the anchor

REL_UNIT = r"(?P<unit>week|weekend|month|quarter|year|decade|century|half)"


@rule("this week", rf"(?:(?P<mod>early|earlier|late|later|mid)[\s-]+(?:in\s+)?)?(?P<rel>this\s+past|this|last|next|past|coming|current|the\s+current|the\s+past|the\s+last|the\s+previous|the\s+coming|the\s+next|the\s+following|the\s+same|that|the\s+preceding|the\s+prior|previous|the\s+present)\s+(?:fiscal\s+|calendar\s+)?{REL_UNIT}(?![\w-])")
def _rel_unit(m: re.Match, ctx: Context) -> Value:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    if unit == "half" and rel not in ("this", "last", "next", "the current", "current"):
        return None
    pw = prev_word(ctx.text, m.start())
    if rel in ("the past", "the last", "the coming", "the next") and not m.group("mod"):
        if rel in ("the past", "the last") or pw in ("over", "for", "within", "during", "throughout"):
            return "DURATION", tv.duration(1, unit)
    if rel in ("the previous", "the following", "the same", "that", "the preceding", "the prior"):
        base = ctx.ref or (ctx.anchor.isoformat() if ctx.anchor else None)
        if unit in ("year", "decade", "century") and ctx.ref_year:
            base = ctx.ref_year  # "in 1988 ... that year": a year mentioned after the last day counts
        if base is None:
            return None
        d = tv.value_date(base)
        if d is None:
            return None
        step = {"the previous": -1, "the preceding": -1, "the prior": -1, "the following": 1}.get(rel, 0)
        return "DATE", tv.shift(d, step, unit)
    if ctx.anchor is None:
        return None
    step = {"this past": -1, "the next": 1, "the coming": 1, "the current": 0, "the present": 0, "previous": -1}.get(rel, REL_STEP.get(rel, 0))
    if rel in ("the past", "the last"):
        step = -1
    return "DATE", tv.shift(ctx.anchor, step, unit)


@rule("earlier this year", rf"(?P<mod>earlier|later)\s+(?:in\s+)?the\s+(?P<unit>week|month|year|day)")
def _earlier_in_the(m: re.Match, ctx: Context) -> Value:
    if ctx.anchor is None:
        return None
    unit = m.group("unit").lower()
    return "DATE", tv.shift(ctx.anchor, 0, unit)


@rule("year end", r"(?:(?:the\s+)?(?:end|close)\s+of\s+the\s+(?P<u>year|month|week|quarter)|(?:around\s+)?(?P<u2>year|month)(?:[\s-]|[’']s\s+)end)")
def _year_end(m: re.Match, ctx: Context) -> Value:
    if ctx.anchor is None:
        return None
    return "DATE", tv.shift(ctx.anchor, 0, (m.group("u") or m.group("u2")).lower())


AGO = r"ago|earlier|later|before|after|from\s+now|hence|back|on"


def _ago_ok(m: re.Match, text: str) -> bool:
    w = m.group("dir").lower()
    if w in ("before", "after", "on"):
        # adverbial only: "two days later," / "three weeks before." -- not "two days after the attack"
        return bool(re.match(r"\s*(?:[,.;:)]|$)", text[m.end():]))
    return True


@rule("n units ago", rf"(?:(?:about|nearly|almost|more\s+than|less\s+than|at\s+least|some|roughly|around|approximately|only|just|barely|over|exactly|fully)\s+)?(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})\s+(?P<dir>{AGO})", accept=_ago_ok)
def _ago(m: re.Match, ctx: Context) -> Value:
    n = amount(m.group("num"))
    unit = unit_name(m.group("unit"))
    d = m.group("dir").lower()
    sign = 1 if d in ("later", "after", "from now", "hence", "on") else -1
    if n is None:
        return ("DATE", "PAST_REF") if sign < 0 else ("DATE", "FUTURE_REF")
    if unit in ("hour", "minute", "second"):
        return "DURATION", tv.duration(n, unit)
    if d in ("earlier", "later", "before", "after", "on"):
        base_v = ctx.ref or (ctx.anchor.isoformat() if ctx.anchor else None)
        if unit == "year" and n == 1 and ctx.near_quarter() and d in ("earlier", "before"):
            return "DATE", tv.shift_years(ctx.near_quarter(), -1)
    else:
        base_v = ctx.anchor.isoformat() if ctx.anchor else None
        if unit == "year" and n == 1 and ctx.near_quarter():
            return "DATE", tv.shift_years(ctx.near_quarter(), -1)
    base = tv.value_date(base_v) if base_v else None
    if base is None:
        return None
    k = int(round(n * sign))
    if unit in ("night",):
        unit = "day"
    if unit in ("fortnight",):
        k, unit = k * 2, "week"
    if unit == "weekend":
        unit = "week"
    return "DATE", tv.shift(base, k, unit)


@rule("the day before a day", rf"the\s+day\s+(?P<w>before|after)\s+(?P<d>(?:last|next|this)\s+{WEEKDAY}|{MONTH}\s*{DAYNUM}(?:,?\s+{YEAR})?|yesterday)(?![’']s\s+[a-z]+\s+(?:of|by))")
def _day_before_day(m: re.Match, ctx: Context) -> Value:
    day = date_of(m.group("d"), ctx)
    if day is None:
        return None
    return "DATE", (day + dt.timedelta(days=1 if m.group("w").lower() == "after" else -1)).isoformat()


@rule("the day before", r"the\s+(?P<w>next|following|previous|preceding|same|prior)\s+(?P<u>day|morning|night|evening|afternoon)|the\s+day\s+(?P<w2>before|after)|(?P<w3>that)\s+(?:same\s+)?day")
def _day_before(m: re.Match, ctx: Context) -> Value:
    w = (m.group("w") or m.group("w2") or m.group("w3") or m.group("w4")).lower()
    base_v = ctx.ref_day or (ctx.anchor.isoformat() if ctx.anchor else None)
    if base_v is None:
        return None
    base = tv.value_date(base_v)
    step = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1, "eve": -1}.get(w, 0)
    d = (base + dt.timedelta(days=step)).isoformat()
    part = tv.PART_OF_DAY.get((m.group("u") or "").lower())
    return ("TIME", f"{d}T{part}") if part else ("DATE", d)


# ---------------------------------------------------------------- quarters and halves

QYEAR = rf"(?P<y>{YEAR})|(?P<ry>this|last|next|the\s+current|the\s+previous|the\s+same)\s+(?:fiscal\s+)?year"


@rule("ordinal quarter", rf"(?:(?:(?P<y1>{YEAR})|(?P<ry1>this|last|next)\s+year)[’']s\s+|(?P<ya>the\s+year-(?:earlier|ago)|year-(?:earlier|ago))\s+|the\s+(?:(?P<y3>{YEAR})\s+)?|its\s+|their\s+)?(?:fiscal[\s-]+)?(?P<ord>{ORDINAL})[\s-]+(?:fiscal[\s-]+)?(?:-?\s*)?(?P<u>quarter|half)(?:\s+(?:of\s+)?(?:(?:the\s+)?(?:fiscal|calendar)\s+(?:year\s+)?)?(?:{QYEAR}))?(?:\s+(?:of\s+)?(?P<y2>{YEAR}))?")
def _ordinal_quarter(m: re.Match, ctx: Context) -> Value:
    q = ordinal(m.group("ord"))
    if q is None:
        return None
    u = m.group("u").lower()
    if m.group("ord").lower() in ("last", "final"):
        q = 4 if u == "quarter" else 2
    if u == "half" and q > 2:
        return None
    tag = f"Q{q}" if u == "quarter" else f"H{q}"
    y = m.group("y1") or m.group("y") or m.group("y2") or m.group("y3")
    ry = (m.group("ry1") or m.group("ry") or "").lower()
    if y:
        year = int(y)
    elif ctx.anchor is None:
        return "DATE", f"XXXX-{tag}"
    elif ry:
        year = ctx.anchor.year + {"last": -1, "the previous": -1, "next": 1}.get(ry, 0)
    else:
        cur = tv.quarter_of(ctx.anchor) if u == "quarter" else (1 if ctx.anchor.month <= 6 else 2)
        year = ctx.anchor.year
        if ctx.tense == "past" and q > cur:
            year -= 1
        elif ctx.tense == "future" and q < cur - 1:
            year += 1
        elif ctx.tense is None and q > cur + (1 if u == "quarter" else 0):
            year -= 1
    if m.group("ya"):
        year -= 1
    return "DATE", f"{year}-{tag}"


@rule("first two quarters", rf"(?:the\s+)?(?P<w>first|last|final|second)\s+two\s+(?:fiscal\s+)?quarters(?:\s+of\s+(?:(?:the|its)\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<y>{YEAR}))?")
def _two_quarters(m: re.Match, ctx: Context) -> Value:
    # two quarters counted from either end of a year are its half
    half = "H1" if m.group("w").lower() == "first" else "H2"
    if m.group("y"):
        return "DATE", f"{m.group('y')}-{half}"
    return "DURATION", "P6M"


@rule("Q3 2023", r"(?P<q>Q[1-4]|[1-4]Q)(?:\s+(?P<y>(?:19|20)\d\d)|\s*'(?P<sy>\d\d))?", accept=lambda m, text: m.group("q").isupper() or True)
def _q_abbrev(m: re.Match, ctx: Context) -> Value:
    q = int(re.search(r"\d", m.group("q")).group())
    if m.group("y"):
        return "DATE", f"{m.group('y')}-Q{q}"
    if m.group("sy"):
        return "DATE", f"{full_year(m.group('sy'), ctx.anchor)}-Q{q}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-Q{q}"
    y = ctx.anchor.year - (1 if q > tv.quarter_of(ctx.anchor) and ctx.tense != "future" else 0)
    return "DATE", f"{y}-Q{q}"


@rule("the quarter", r"(?P<det>the\s+(?:latest\s+fiscal|latest|most\s+recent|recent|same|comparable|year-earlier|year-ago|just-ended|just-completed|recently\s+ended|recently\s+completed)|the|that|last\s+year[’']s|a\s+year-earlier|a\s+year-ago|year-earlier|year-ago)\s+(?:fiscal\s+)?(?:three-month\s+|nine-month\s+|six-month\s+)?(?P<u>quarter|period)(?![s-])",
      accept=lambda m, text: m.group("u").lower() == "quarter" or bool(re.search(r"year|latest|recent|comparable|same", m.group("det").lower())))
def _the_quarter(m: re.Match, ctx: Context) -> Value:
    det = re.sub(r"\s+", " ", m.group("det").lower())
    q = ctx.near_quarter() or ctx.ref_quarter
    if q is None:
        if ctx.anchor is None:
            return None
        q = tv.shift(ctx.anchor, -1 if ctx.tense != "future" else 0, "quarter")
    if "year" in det:
        return "DATE", tv.shift_years(q, -1)
    return "DATE", q


@rule("the 1988 quarter", rf"the\s+(?P<y>{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)(?!s)")
def _year_quarter(m: re.Match, ctx: Context) -> Value:
    q = ctx.near_quarter() or ctx.ref_quarter
    if q is None:
        return "DATE", m.group("y")
    return "DATE", m.group("y") + q[4:]


@rule("year-earlier", r"(?:the\s+)?year-(?:earlier|ago)(?!\s+(?:quarter|period))")
def _year_earlier(m: re.Match, ctx: Context) -> Value:
    q = ctx.near_quarter()
    if q:
        return "DATE", tv.shift_years(q, -1)
    if ctx.anchor is None:
        return None
    return "DATE", tv.shift(ctx.anchor, -1, "year")


# ---------------------------------------------------------------- durations

DUR_PRE = r"(?:past|last|next|first|coming|previous|following|latest|final|remaining|initial|ensuing|preceding|subsequent|last|same|other|entire|whole|full|better\s+part\s+of\s+the|same)"
DUR_Q = (r"(?:about|nearly|almost|more\s+than|less\s+than|at\s+least|at\s+most|up\s+to|over|under|some|roughly|around|approximately|another|only|just|barely|fewer\s+than|no\s+more\s+than|an\s+additional|a\s+further|a\s+full|well\s+over|close\s+to|upwards\s+of|a\s+mere|the\s+better\s+part\s+of)")
FREQ_BEFORE = re.compile(r"(?:\d|%|percent|cents?|dollars?|euros?|pounds?|yuan|rubles?|million|billion|trillion|once|twice|thrice|times|barrels|tons|tonnes|units|visitors|passengers|people|miles|km)\W{0,3}$", re.I)


def _duration_ok(m: re.Match, text: str) -> bool:
    if m.group("tail") and "old" in m.group("tail").lower():
        return False  # ages ("a 6-year-old boy") are not tagged in TimeBank
    unit = m.group("unit").lower()
    if re.fullmatch(r"\d{3,}", m.group("num")) and not unit.endswith("s") and "-" not in m.group(0):
        return False  # "the 1988 second quarter"
    if unit.startswith("quarter") and re.match(r"\s+of\b", text[m.end():]):
        return False  # "three-quarters of the vote": a fraction
    if unit == "second" and m.group("num").lower() in ("a", "an") and not re.match(r"\s*(?:[,.;:)]|later|earlier|ago|or|and|before|after)", text[m.end():]):
        return False  # "a second time", "a second round": an ordinal
    return True


@rule("duration", rf"(?:(?P<det>the|its|their|his|her|this|that|these|those)\s+)?(?:(?P<pre>{DUR_PRE})\s+)?(?:(?P<q>{DUR_Q})\s+)?(?P<num>{NUM})(?:(?:\s+|-)(?:to|or|and|-)(?:\s+|-)?(?P<num2>{NUM}))?[\s-]+(?:(?:more|additional|consecutive|straight|full|long|short|trading|business|working|calendar|extra|further|successive|odd|plus)[\s-]+)?(?P<unit>{UNIT})(?P<tail>[\s-]+(?:old|long))?(?:[\s-]+(?:and\s+a\s+half))?", accept=_duration_ok)
def _duration(m: re.Match, ctx: Context) -> Value:
    num = re.sub(r"\s+", " ", m.group("num").lower())
    unit = unit_name(m.group("unit"))
    n = amount(m.group(0)[m.start("num") - m.start():m.end("num") - m.start()])
    if m.group(0).lower().rstrip().endswith("and a half") and n is not None and not num.endswith("half"):
        n += 0.5
    if num in ("a", "an") and not m.group("det") and not m.group("pre") and not m.group("q") and not m.group("tail"):
        if FREQ_BEFORE.search(before(ctx.text, m.start(), 25)):
            return "SET", tv.duration(1, unit if unit != "night" else "day")
    if unit == "night":
        unit = "day"
    if unit == "weekend":
        return "DURATION", tv.duration(2 * n if n is not None else None, "day")
    if m.group("num2") and n is not None and amount(m.group("num2")) is None:
        n = None
    return "DURATION", tv.duration(n, unit)


@rule("plural units", r"(?:(?P<mod>recent|coming|past|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+ensuing|the\s+following|the\s+preceding|the\s+early|the\s+final|the\s+last\s+few|many|several|few|a\s+few|some|numerous|countless|dozens\s+of|hundreds\s+of|the)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?:[\s-]long)?(?P<ahead>\s+ahead)?",
      accept=lambda m, text: bool(m.group("mod") and m.group("mod").lower() != "the") or prev_word(text, m.start()) in ("for", "over", "within", "after", "in", "take", "took", "takes", "taken", "lasted", "lasting", "spent", "spend", "of")
      or bool(re.match(r"-long|\s+ahead|\s+(?:ago|earlier|later)\b", text[m.end() - 6 if m.group(0).endswith("long") else m.end():])) or (bool(m.group("mod")) and prev_word(text, m.start()) in ("over", "in", "during", "throughout", "for", "of")))
def _plural_units(m: re.Match, ctx: Context) -> Value:
    mod = (m.group("mod") or "").lower()
    if mod in ("the early", "the final"):
        return "DURATION", tv.duration(None, "year")
    return "DURATION", tv.duration(None, unit_name(m.group("unit")))


@rule("half an hour", r"(?:(?P<pre>about|nearly|almost|more\s+than|less\s+than|at\s+least|only|just)\s+)?half\s+(?:an?\s+)?(?P<unit>hour|day|year|century|decade|minute|month)")
def _half(m: re.Match, ctx: Context) -> Value:
    return "DURATION", tv.duration(0.5, unit_name(m.group("unit")))


@rule("the year", r"the\s+(?:whole\s+|entire\s+|full\s+)?(?P<u>year|week|month)(?!\s*-|\w)",
      accept=lambda m, text: prev_word(text, m.start()) in ("for", "over", "during", "throughout", "through", "all", "in", "of") and not re.match(r"\s+(?:of|before|after|in|when|that|since|\d)", text[m.end():]))
def _the_year(m: re.Match, ctx: Context) -> Value:
    pw = prev_word(ctx.text, m.start())
    u = m.group("u").lower()
    if re.match(r"\s+(?:ended|ending)\b", ctx.text[m.end():]):
        return "DURATION", tv.duration(1, u)  # "the year ended March 31": twelve months up to a date, a fiscal year
    if u == "year" and re.search(r"\bfull\s", m.group(0)) and ctx.anchor is not None:
        return "DATE", tv.shift(ctx.anchor, 0, "year")  # "sales for the full year": the whole current year
    if pw in ("in", "of") and ctx.anchor is not None:
        return "DATE", tv.shift(ctx.anchor, 0, u)
    return "DURATION", tv.duration(1, u)


# ---------------------------------------------------------------- sets

SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H",
             "quarterly": "P3M", "nightly": "P1D", "biweekly": "P2W", "bi-weekly": "P2W", "bimonthly": "P2M",
             "bi-monthly": "P2M", "semiannually": "P6M", "semi-annually": "P6M", "every day": "P1D",
             "everyday": "P1D", "twice-yearly": "P6M", "twice-weekly": "P1W", "twice-daily": "P1D", "year-round": "P1Y"}
SET_RE = "|".join(re.escape(k) for k in sorted(SET_WORDS, key=len, reverse=True))


def _set_word_ok(m: re.Match, text: str) -> bool:
    w = m.group("w").lower()
    nxt = text[m.end():m.end() + 20]
    if w in ("quarterly", "annually", "monthly", "weekly", "yearly", "everyday"):
        # an adjective before a noun names a kind of thing ("its quarterly dividend"), not a recurrence
        return not re.match(r"\s+[a-z]", nxt) or w == "annually"
    return True


@rule("set word", rf"(?P<w>{SET_RE})", accept=_set_word_ok)
def _set_word(m: re.Match, ctx: Context) -> Value:
    return "SET", SET_WORDS[m.group("w").lower()]


@rule("every unit", rf"(?:(?:once|twice|thrice|(?:{NUMWORD}|\d+)\s+times)\s+)?(?P<q>every|each|per|a|an)\s+(?:(?P<other>other|single)\s+)?(?:(?P<num>{NUMWORD}|\d+|few)\s+)?(?P<unit>{UNIT}|{WEEKDAY}|{MONTH}|{SEASON}|morning|afternoon|evening|night)",
      accept=lambda m, text: m.group("q").lower() in ("every", "each", "per") or m.group(0).lower().split()[0] in ("once", "twice", "thrice") or " times " in m.group(0).lower())
def _every(m: re.Match, ctx: Context) -> Value:
    w = m.group("unit").lower()
    if re.fullmatch(WEEKDAY, w):
        return "SET", f"XXXX-WXX-{weekday_number(w)}"
    if re.fullmatch(SEASON, w):
        return "SET", f"XXXX-{tv.SEASON_CODE[w]}"
    if w in ("morning", "afternoon", "evening", "night"):
        return "SET", f"XXXX-XX-XXT{tv.PART_OF_DAY[w]}"
    if re.fullmatch(MONTH, w) and not re.fullmatch(UNIT, w):
        if not capitalized(m.group("unit")):
            return None
        return "SET", f"XXXX-{month_number(w):02d}"
    unit = unit_name(w)
    n = amount(m.group("num")) if m.group("num") else 1
    if m.group("other") and m.group("other").lower() == "other":
        n = 2
    if unit == "weekend":
        return "SET", "XXXX-WXX-WE"
    return "SET", tv.duration(n, "day" if unit == "night" else unit)


@rule("weekdays plural", rf"(?P<wd>{WEEKDAY})s(?:\s+(?P<p>morning|afternoon|evening|night)s?)?",
      accept=lambda m, text: capitalized(m.group("wd")))
def _weekdays(m: re.Match, ctx: Context) -> Value:
    v = f"XXXX-WXX-{weekday_number(m.group('wd'))}"
    if m.group("p"):
        v += "T" + tv.PART_OF_DAY[m.group("p").lower()]
    return "SET", v


# ---------------------------------------------------------------- present, past and future references

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


@rule("reference", rf"(?P<w>{REFS_RE})", accept=_ref_ok)
def _reference(m: re.Match, ctx: Context) -> Value:
    return "DATE", REFS[re.sub(r"\s+", " ", m.group("w").lower())]
