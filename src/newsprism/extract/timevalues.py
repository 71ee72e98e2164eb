"""Calendar arithmetic and TIMEX3 value strings (TimeML), independent of any grammar.

A value's granularity is read from its shape: "2023" year, "2023-10" month, "2023-W43" week,
"2023-Q3"/"2023-SU"/"2023-H1" part of a year, "2023-10-29" day, "2023-10-29T11:55" minute,
"2023-10-29TMO" part of a day. Durations are "P3W", "PT2H", "PXD" (X = unspecified amount).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

Date = dt.date

# TIMEX3 duration letters; minutes and seconds sit after the "T" separator
UNIT_LETTER = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M",
               "second": "S", "quarter": "Q", "decade": "DE", "century": "CE", "millennium": "ML",
               "weekend": "WE", "fortnight": "W", "night": "D"}
CLOCK_UNITS = {"hour", "minute", "second"}
# smaller unit a fractional amount is carried into ("2 1/2 years" -> P2Y6M)
FRACTION_CARRY = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
                  "hour": ("minute", 60), "minute": ("second", 60), "decade": ("year", 10),
                  "century": ("year", 100)}
# whole multiples written in a larger unit's letter, as TimeBank does ("two decades" = P20Y)
AS_YEARS = {"decade": 10, "century": 100, "millennium": 1000}

SEASON_CODE = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# the month in which each season mostly lies, for deciding which year a season belongs to
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
               "overnight": "NI", "dawn": "MO", "daybreak": "MO", "dusk": "EV", "noon": "T12:00",
               "midday": "T12:00", "midnight": "T24:00", "lunchtime": "MI"}


def day(d: Date) -> str:
    return d.isoformat()


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(d: Date, n: int) -> Date:
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    m += 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def shift(anchor: Date, n: int, unit: str) -> str:
    """The calendar unit `n` units away from `anchor`, at that unit's granularity (n=-1, "week" = last week)."""
    if unit in ("day", "night"):
        return day(anchor + dt.timedelta(days=n))
    if unit in ("week", "fortnight"):
        return week(anchor + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit == "weekend":
        return week(anchor + dt.timedelta(weeks=n)) + "-WE"
    if unit == "month":
        d = add_months(anchor, n)
        return month(d.year, d.month)
    if unit == "quarter":
        k = anchor.year * 4 + quarter_of(anchor) - 1 + n
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    if unit == "half":
        k = anchor.year * 2 + (anchor.month > 6) + n
        return f"{k // 2:04d}-H{k % 2 + 1}"
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}"
    raise ValueError(unit)


def shift_value(value: str, n: int) -> Optional[str]:
    """Move a calendar value by `n` of its own units ("1989-Q3", -4 quarters is done by shift_value(v, -1) on years)."""
    m = re.fullmatch(r"(\d{4})(?:-(Q[1-4]|H[12]|SP|SU|FA|WI|\d{2}|W\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    y, part, dd = int(m.group(1)), m.group(2), m.group(3)
    if part is None:
        return f"{y + n:04d}"
    if dd is not None:
        return day(dt.date(y, int(part), int(dd)) + dt.timedelta(days=n))
    if part.isdigit():
        return shift(dt.date(y, int(part), 1), n, "month")
    if part[0] == "W":
        return week(dt.date.fromisocalendar(y, int(part[1:]), 1) + dt.timedelta(weeks=n))
    if part[0] == "Q":
        return shift(dt.date(y, (int(part[1]) - 1) * 3 + 1, 1), n, "quarter")
    if part[0] == "H":
        return shift(dt.date(y, 1 if part == "H1" else 7, 1), n, "half")
    return f"{y + n:04d}-{part}"


def shift_years(value: str, n: int) -> Optional[str]:
    """The same part of the calendar `n` years away: 1989-Q3 -> 1988-Q3, 1989-10-26 -> 1988-10-26."""
    m = re.fullmatch(r"(\d{4})(.*)", value)
    if not m:
        return None
    rest = m.group(2)
    if re.fullmatch(r"-W\d{2}.*", rest):
        return f"{int(m.group(1)) + n:04d}"
    if rest == "-02-29":
        rest = "-02-28"
    return f"{int(m.group(1)) + n:04d}{rest}"


def value_date(value: str) -> Optional[Date]:
    """The first day a calendar value covers (None for durations, references, unknowns)."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m or "X" in value[:10]:
        return None
    y = int(m.group(1))
    if m.group(3):
        return dt.date(y, int(m.group(2)), int(m.group(3)))
    if m.group(2):
        return dt.date(y, int(m.group(2)), 1)
    w = re.match(r"\d{4}-W(\d{2})", value)
    if w:
        return dt.date.fromisocalendar(y, int(w.group(1)), 1)
    q = re.match(r"\d{4}-Q([1-4])", value)
    if q:
        return dt.date(y, (int(q.group(1)) - 1) * 3 + 1, 1)
    s = re.match(r"\d{4}-(SP|SU|FA|WI)", value)
    if s:
        return dt.date(y, SEASON_MONTH[s.group(1)], 1)
    return dt.date(y, 1, 1)


def granularity(value: str) -> str:
    """year | month | week | day | minute, for placing a value on a timeline."""
    if re.match(r"\d{4}-\d{2}-\d{2}T\d{2}", value):
        return "minute"
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.match(r"\d{4}-W\d{2}", value):
        return "week"
    if re.match(r"\d{4}-\d{2}(?!\d)", value):
        return "month"
    return "year"


def duration(amount: Optional[float], unit: str) -> str:
    """TIMEX3 duration: duration(3, "week") = P3W, duration(None, "day") = PXD, duration(2.5, "year") = P2Y6M."""
    if unit in AS_YEARS and amount is not None:
        amount, unit = amount * AS_YEARS[unit], "year"
    if unit == "fortnight" and amount is not None:
        amount = amount * 2
    t = "T" if unit in CLOCK_UNITS else ""
    letter = UNIT_LETTER[unit]
    if amount is None:
        return f"P{t}X{letter}"
    whole = int(amount)
    frac = amount - whole
    out = f"P{t}{whole}{letter}" if whole or not frac else f"P{t}"
    if frac:
        small, k = FRACTION_CARRY.get(unit, (unit, 1))
        sub = round(frac * k)
        st = "T" if small in CLOCK_UNITS and not t else ""
        if sub:
            out += f"{st}{sub}{UNIT_LETTER[small]}"
        elif not whole:
            out += f"{whole}{letter}"
    return out
