"""Clock times: "5 p.m.", "11:55 EDT", "noon", alone or with their day ("5 p.m. Friday", "Friday at noon")."""
from __future__ import annotations

import re
from typing import Optional

from .base import Context, Value, prev_word, rule
from .days import DAYREF, day_of

CLOCK = (r"(?:(?P<h>[012]?\d)(?::(?P<mi>[0-5]\d))?(?::[0-5]\d)?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m(?![a-z])|o'clock)"
         r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?!\d)(?!:\d)|(?P<noon>noon|midnight|midday))"
         r"(?:\s+(?P<tz>[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|local time)(?![A-Za-z]))?")


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


def default_day(ctx: Context) -> str:
    if ctx.ref_day:
        return ctx.ref_day
    return ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"


@rule("clock+day", 980, rf"(?P<c>{CLOCK}),?\s+(?:(?:on|this|last)\s+)?(?P<d>{DAYREF})")
def _clock_day(m: re.Match, ctx: Context) -> Value:
    hm = clock_parts(m)
    d = day_of(m.group("d"), ctx)
    if hm is None or d is None:
        return None
    return "TIME", f"{d}T{hm[0]:02d}:{hm[1]:02d}"


@rule("day+clock", 970, rf"(?P<d>{DAYREF}),?\s+(?:(?:at|about|around|before|after|by|until|from)\s+)?(?P<c>{CLOCK})")
def _day_clock(m: re.Match, ctx: Context) -> Value:
    return _clock_day(m, ctx)


@rule("clock", 960, CLOCK, accept=lambda m, text: bool(m.group("ap") or m.group("noon") or m.group("tz")
                                                    or prev_word(text, m.start()) in ("at", "by", "until", "after", "before", "around", "about", "from")))
def _clock(m: re.Match, ctx: Context) -> Value:
    hm = clock_parts(m)
    if hm is None:
        return None
    return "TIME", f"{default_day(ctx)}T{hm[0]:02d}:{hm[1]:02d}"


@rule("clock in the morning", 950, r"(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s+(?:o'clock\s+)?(?:in the (?P<p>morning|afternoon|evening)|at (?P<n>night))")
def _clock_partday(m: re.Match, ctx: Context) -> Value:
    h, mi = int(m.group("h")), int(m.group("mi") or 0)
    if (m.group("p") or "").lower() in ("afternoon", "evening") or (m.group("n") and h >= 6):
        h = h + 12 if h < 12 else h
    return "TIME", f"{default_day(ctx)}T{h:02d}:{mi:02d}"
