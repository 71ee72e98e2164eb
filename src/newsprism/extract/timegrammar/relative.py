"""Units counted from the anchor or from the last date mentioned: "last week", "two days later", "the day before"."""
from __future__ import annotations

import datetime as dt
import re

from ...lexicon.dates import MONTH, WEEKDAY
from ...lexicon.numbers import amount
from .. import timevalues as tv
from ..timelexicon import DAYNUM, NUM, UNIT, YEAR, unit_name
from .base import Context, Value, prev_word, rule
from .days import date_of

REL_STEP = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
            "following": 1, "same": 0, "that": 0}


REL_UNIT = r"(?P<unit>week|weekend|month|quarter|year|decade|century|half)"


@rule("this week", 590, rf"(?:(?P<mod>early|earlier|late|later|mid)[\s-]+(?:in\s+)?)?(?P<rel>this\s+past|this|last|next|past|coming|current|the\s+current|the\s+past|the\s+last|the\s+previous|the\s+coming|the\s+next|the\s+following|the\s+same|that|the\s+preceding|the\s+prior|previous|the\s+present)\s+(?:fiscal\s+|calendar\s+)?{REL_UNIT}(?![\w-])")
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


@rule("earlier this year", 580, r"(?P<mod>earlier|later)\s+(?:in\s+)?the\s+(?P<unit>week|month|year|day)")
def _earlier_in_the(m: re.Match, ctx: Context) -> Value:
    if ctx.anchor is None:
        return None
    unit = m.group("unit").lower()
    return "DATE", tv.shift(ctx.anchor, 0, unit)


@rule("year end", 570, r"(?:(?:the\s+)?(?:end|close)\s+of\s+the\s+(?P<u>year|month|week|quarter)|(?:around\s+)?(?P<u2>year|month)(?:[\s-]|[’']s\s+)end)")
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


@rule("n units ago", 560, rf"(?:(?:about|nearly|almost|more\s+than|less\s+than|at\s+least|some|roughly|around|approximately|only|just|barely|over|exactly|fully)\s+)?(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})\s+(?P<dir>{AGO})", accept=_ago_ok)
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
        if unit in ("year", "decade", "century") and ctx.ref_year:
            base_v = ctx.ref_year   # "the hearing in 1991 ... two years later": a year mentioned after the last day counts
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


@rule("the day before a day", 550, rf"the\s+day\s+(?P<w>before|after)\s+(?P<d>(?:last|next|this)\s+{WEEKDAY}|{MONTH}\s*{DAYNUM}(?:,?\s+{YEAR})?|yesterday)(?![’']s\s+[a-z]+\s+(?:of|by))")
def _day_before_day(m: re.Match, ctx: Context) -> Value:
    day = date_of(m.group("d"), ctx)
    if day is None:
        return None
    return "DATE", (day + dt.timedelta(days=1 if m.group("w").lower() == "after" else -1)).isoformat()


@rule("the day before", 540, r"the\s+(?P<w>next|following|previous|preceding|same|prior)\s+(?P<u>day|morning|night|evening|afternoon)|the\s+day\s+(?P<w2>before|after)|(?P<w3>that)\s+(?:same\s+)?day")
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
