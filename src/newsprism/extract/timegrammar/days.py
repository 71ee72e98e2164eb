"""Days: dates with a month ("Oct. 29, 2023", "29 October"), ISO and numeric dates, weekdays, "yesterday".

These rules also read the day phrase inside larger expressions ("5 p.m. Friday", "the morning of Nov. 9"):
`day_of` tries them by priority.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ...lexicon.dates import MONTH, WEEKDAY, month_number, weekday_number
from .. import timevalues as tv
from ..timelexicon import DAYNUM, PARTDAY, YEAR, YEAR_SHORT, day_number
from .base import RULES, Context, Rule, Value, capitalized, rule
from .resolution import date_value, full_year, weekday_date, year_by_weekday

# a day phrase as it appears inside a larger expression
DAYREF = (rf"(?:(?:last|next|this)\s+)?{WEEKDAY}(?:,?\s+{MONTH}\s*{DAYNUM}(?:,?\s+{YEAR})?)?"
          rf"|{MONTH}\s*{DAYNUM}(?:,?\s+{YEAR})?|{DAYNUM}\s+{MONTH}(?:,?\s+{YEAR})?|today|yesterday|tomorrow|tonight")

DAY_RULES: list[Rule] = []


def day_rule(name: str, priority: int, pattern: str, accept=None):
    """A rule that also names a day inside larger expressions (see `day_of`)."""
    def register(fn):
        rule(name, priority, pattern, accept)(fn)
        DAY_RULES.append(RULES[-1])
        DAY_RULES.sort(key=lambda r: -r.priority)
        return fn

    return register


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


def _month_day_ok(m: re.Match, text: str) -> bool:
    # "May 5" is a date, "may 5" is not; a lower-case month only counts in an all-lower-case text
    mo = m.group("mo")
    return capitalized(mo) or text.islower()


@day_rule("weekday, month day year", 890, rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mo>{MONTH})\s*(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}|{YEAR_SHORT}))?", accept=_month_day_ok)
def _mdy(m: re.Match, ctx: Context) -> Value:
    y = full_year(m.group("y"), ctx.anchor) if m.group("y") else None
    if y is None and m.group("wd") and ctx.anchor is not None:
        y = year_by_weekday(ctx.anchor, month_number(m.group("mo")), day_number(m.group("d")), weekday_number(m.group("wd")))
    v = date_value(ctx, month_number(m.group("mo")), day_number(m.group("d")), y)
    return ("DATE", v) if v else None


@day_rule("weekday, day month year", 880, rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mo>{MONTH})(?:,?\s+(?P<y>{YEAR}))?", accept=_month_day_ok)
def _dmy(m: re.Match, ctx: Context) -> Value:
    return _mdy(m, ctx)


@day_rule("iso date", 870, rf"(?P<y>{YEAR})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[012]\d):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?")
def _iso(m: re.Match, ctx: Context) -> Value:
    try:
        d = dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d"))).isoformat()
    except ValueError:
        return None
    if m.group("h"):
        return "TIME", f"{d}T{m.group('h')}:{m.group('mi')}"
    return "DATE", d


@day_rule("numeric date", 860, r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)")
def _numeric(m: re.Match, ctx: Context) -> Value:
    a, b = int(m.group("a")), int(m.group("b"))
    # US order month/day with slashes unless impossible; day.month with dots (European)
    mo, d = (a, b) if m.group("sep") == "/" and a <= 12 else (b, a)
    try:
        return "DATE", dt.date(int(m.group("y")), mo, d).isoformat()
    except ValueError:
        return None


@day_rule("weekday", 850, rf"(?:(?P<mod>last|next|this|coming|past|the\s+(?:previous|preceding|following|next))\s+)?(?P<wd>{WEEKDAY})(?![’']s\s+(?:{WEEKDAY}))(?:\s+(?P<p>{PARTDAY}))?",
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


@day_rule("today", 840, r"(?:(?P<mod>early|earlier|later|late)\s+)?(?P<w>the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|tonight)(?:\s+(?P<p>morning|afternoon|evening|night))?")
def _today(m: re.Match, ctx: Context) -> Value:
    w = m.group("w").lower()
    n = -2 if "before" in w else 2 if "after" in w else DAYWORDS[w]
    if ctx.anchor is None:
        return ("DATE", "PRESENT_REF") if n == 0 and w != "tonight" else None
    d = (ctx.anchor + dt.timedelta(days=n)).isoformat()
    part = "NI" if w == "tonight" else tv.PART_OF_DAY.get((m.group("p") or "").lower())
    # "today" in a general statement means nowadays, which TimeML writes PRESENT_REF; a date is the safer reading in news
    return ("TIME", f"{d}T{part}") if part else ("DATE", d)
