"""Days for story clustering: ISO prefixes as day ordinals, and when an undated text was written."""
from __future__ import annotations

from datetime import date
from typing import Iterable, Optional


def ordinal(iso: Optional[str]) -> Optional[int]:
    """The day of an ISO date or timestamp as an ordinal, or None."""
    if not iso:
        return None
    try:
        return date.fromisoformat(str(iso)[:10]).toordinal()
    except ValueError:
        return None


def iso(day: Optional[int]) -> Optional[str]:
    return date.fromordinal(day).isoformat() if day is not None else None


def interval(prefix: str) -> Optional[tuple[int, int]]:
    """The days an ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD) covers."""
    try:
        parts = [int(p) for p in prefix.split("-")]
        if len(parts) == 3:
            d = date(*parts).toordinal()
            return d, d
        if len(parts) == 2:
            start = date(parts[0], parts[1], 1)
            end = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return start.toordinal(), end.toordinal() - 1
        return date(parts[0], 1, 1).toordinal(), date(parts[0], 12, 31).toordinal()
    except (ValueError, TypeError):
        return None


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
