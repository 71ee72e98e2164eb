"""Parts of days and weeks: "Monday morning", "this morning", "overnight", "the weekend", "the week of Nov. 6"."""
from __future__ import annotations

import datetime as dt
import re

from ...lexicon.dates import MONTH, WEEKDAY
from .. import timevalues as tv
from ..timelexicon import DAYNUM, YEAR, unit_name
from .base import Context, Value, next_word, prev_word, rule
from .days import DAYREF, date_of, day_of


@rule("part of day", 790, rf"(?:(?P<mod>early|late|mid)[\s-]+)?(?P<p>morning|afternoon|evening|night|mid-?day|noon)\s+(?P<w>yesterday|today|tomorrow|{WEEKDAY})")
def _part_of_day_then_day(m: re.Match, ctx: Context) -> Value:
    d = day_of(m.group("w"), ctx)
    p = m.group("p").lower().replace("-", "")
    code = tv.PART_OF_DAY.get(p, "MI")
    if d is None:
        return None
    return "TIME", f"{d}T{code}" if not code.startswith("T") else f"{d}{code}"


@rule("this morning", 780, r"(?:(?P<mod>early|earlier|later|late)\s+)?(?P<det>this|last|that|the|same)\s+(?:same\s+)?(?P<p>morning|afternoon|evening|night)",
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


@rule("mid afternoon", 770, r"(?P<mod>early|late|mid)[\s-]?(?P<p>morning|afternoon|evening)")
def _mid_afternoon(m: re.Match, ctx: Context) -> Value:
    base = ctx.ref_day or (ctx.anchor.isoformat() if ctx.anchor else None)
    return ("TIME", f"{base}T{tv.PART_OF_DAY[m.group('p').lower()]}") if base else None


@rule("the weekend", 760, r"(?P<det>the|this|last|next|that|over\s+the)\s+weekend(?!s)")
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


@rule("day-long", 750, r"(?P<u>hour|day|night|week|month|year|decade|century)(?P<pl>s)?-long")
def _day_long(m: re.Match, ctx: Context) -> Value:
    u = unit_name(m.group("u"))
    return "DURATION", tv.duration(None if m.group("pl") else 1, "day" if u == "night" else u)


@rule("overnight", 740, r"overnight", accept=lambda m, text: next_word(text, m.end()).lower() not in ("rate", "rates", "loan", "loans", "stay", "lending", "interest"))
def _overnight(m: re.Match, ctx: Context) -> Value:
    base = ctx.ref_day or (ctx.anchor.isoformat() if ctx.anchor else None)
    return ("TIME", f"{base}TNI") if base else None


@rule("morning of date", 730, rf"(?:the\s+)?(?:(?:early|late)\s+)?(?P<p>morning|afternoon|evening|night)\s+of\s+(?P<d>{DAYREF})")
def _morning_of(m: re.Match, ctx: Context) -> Value:
    d = day_of(m.group("d"), ctx)
    return ("TIME", f"{d}T{tv.PART_OF_DAY[m.group('p').lower()]}") if d else None


@rule("the week of date", 720, rf"the\s+(?P<u>week|weekend)\s+of\s+(?P<d>{MONTH}\s*{DAYNUM}(?:,?\s+{YEAR})?|{DAYNUM}\s+{MONTH}(?:,?\s+{YEAR})?)")
def _week_of(m: re.Match, ctx: Context) -> Value:
    day = date_of(m.group("d"), ctx)
    if day is None:
        return None
    return "DATE", tv.week(day) + ("-WE" if m.group("u").lower() == "weekend" else "")
