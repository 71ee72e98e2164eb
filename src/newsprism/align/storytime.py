"""Days for story clustering: calendar values as day ordinals, and when an undated text was written.

The calendar itself (which prefixes are dates, what they cover) is `lexicon.dates`; this module only turns
it into the ordinals the index compares."""
from __future__ import annotations

from datetime import date
from typing import Iterable, Optional

from ..lexicon.dates import days_covered, iso_day


def ordinal(value: Optional[str]) -> Optional[int]:
    """The day an ISO date or timestamp starts with, as an ordinal, or None."""
    day = iso_day(value)
    return date.fromisoformat(day).toordinal() if day else None


def iso(day: Optional[int]) -> Optional[str]:
    return date.fromordinal(day).isoformat() if day is not None else None


def interval(prefix: str) -> Optional[tuple[int, int]]:
    """The days an ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD) covers, as ordinals."""
    span = days_covered(prefix)
    return (span[0].toordinal(), span[1].toordinal()) if span else None


def written_after(dates: Iterable[str], slack_days: int) -> Optional[tuple[int, int]]:
    """When an undated text was probably written: from the latest date it writes out (month or day
    precision preferred over bare years, which are often anniversaries or targets) to `slack_days` later."""
    precise = [d for d in dates if len(d) >= 7]
    pool = precise or [d for d in dates if len(d) == 4]
    spans = [s for s in (interval(d) for d in pool) if s]
    if not spans:
        return None
    lo = max(s[0] for s in spans)
    hi = max(s[1] for s in spans)
    return lo, hi + slack_days


def latest_day(dates: Iterable[str]) -> Optional[int]:
    """The latest full calendar day among ISO prefixes, as an ordinal."""
    days = [d for d in (ordinal(x) for x in dates if len(x) == 10) if d is not None]
    return max(days) if days else None
