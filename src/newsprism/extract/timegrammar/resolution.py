"""Which year, which weekday: placing a calendar name that lacks a year (or a week) near the anchor date."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from .. import timevalues as tv
from .base import Context


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
