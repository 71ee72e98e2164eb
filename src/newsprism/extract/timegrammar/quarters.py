"""Quarters and halves of (fiscal) years: "the third quarter", "Q3 2023", "the year-earlier quarter"."""
from __future__ import annotations

import re

from .. import timevalues as tv
from ..timelexicon import ORDINAL, YEAR, ordinal
from .base import Context, Value, rule
from .resolution import full_year

QYEAR = rf"(?P<y>{YEAR})|(?P<ry>this|last|next|the\s+current|the\s+previous|the\s+same)\s+(?:fiscal\s+)?year"


@rule("ordinal quarter", 490, rf"(?:(?:(?P<y1>{YEAR})|(?P<ry1>this|last|next)\s+year)[’']s\s+|(?P<ya>the\s+year-(?:earlier|ago)|year-(?:earlier|ago))\s+|the\s+(?:(?P<y3>{YEAR})\s+)?|its\s+|their\s+)?(?:fiscal[\s-]+)?(?P<ord>{ORDINAL})[\s-]+(?:fiscal[\s-]+)?(?:-?\s*)?(?P<u>quarter|half)(?:\s+(?:of\s+)?(?:(?:the\s+)?(?:fiscal|calendar)\s+(?:year\s+)?)?(?:{QYEAR}))?(?:\s+(?:of\s+)?(?P<y2>{YEAR}))?")
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


@rule("first two quarters", 480, rf"(?:the\s+)?(?P<w>first|last|final|second)\s+two\s+(?:fiscal\s+)?quarters(?:\s+of\s+(?:(?:the|its)\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<y>{YEAR}))?")
def _two_quarters(m: re.Match, ctx: Context) -> Value:
    # two quarters counted from either end of a year are its half
    half = "H1" if m.group("w").lower() == "first" else "H2"
    if m.group("y"):
        return "DATE", f"{m.group('y')}-{half}"
    return "DURATION", "P6M"


@rule("Q3 2023", 470, r"(?P<q>Q[1-4]|[1-4]Q)(?:\s+(?P<y>(?:19|20)\d\d)|\s*'(?P<sy>\d\d))?", accept=lambda m, text: m.group("q").isupper() or True)
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


@rule("the quarter", 460, r"(?P<det>the\s+(?:latest\s+fiscal|latest|most\s+recent|recent|same|comparable|year-earlier|year-ago|just-ended|just-completed|recently\s+ended|recently\s+completed)|the|that|last\s+year[’']s|a\s+year-earlier|a\s+year-ago|year-earlier|year-ago)\s+(?:fiscal\s+)?(?:three-month\s+|nine-month\s+|six-month\s+)?(?P<u>quarter|period)(?![s-])",
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


@rule("the 1988 quarter", 450, rf"the\s+(?P<y>{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)(?!s)")
def _year_quarter(m: re.Match, ctx: Context) -> Value:
    q = ctx.near_quarter() or ctx.ref_quarter
    if q is None:
        return "DATE", m.group("y")
    return "DATE", m.group("y") + q[4:]


@rule("year-earlier", 440, r"(?:the\s+)?year-(?:earlier|ago)(?!\s+(?:quarter|period))")
def _year_earlier(m: re.Match, ctx: Context) -> Value:
    q = ctx.near_quarter()
    if q:
        return "DATE", tv.shift_years(q, -1)
    if ctx.anchor is None:
        return None
    return "DATE", tv.shift(ctx.anchor, -1, "year")
