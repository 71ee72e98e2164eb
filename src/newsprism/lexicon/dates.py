"""Month and weekday names, the patterns that find them, and ISO 8601 calendar prefixes.

    month_number("Sept.") -> 9        weekday_number("Fridays") -> 5
    iso_prefix("2023-10-29TMO") -> "2023-10-29"      iso_day("2023-10-30T11:55:00-04:00") -> "2023-10-30"
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
# every way a month is written as a word: full names and the abbreviations news uses ("Sept.", "Jun")
MONTHS: dict[str, int] = {name: i for i, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update({name[:3]: i for i, name in enumerate(MONTH_NAMES, 1)})
MONTHS["sept"] = 9

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(WEEKDAY_NAMES, 1)}  # ISO numbering, Monday = 1
WEEKDAY_ABBREVIATIONS: dict[str, int] = {"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
                                         "fri": 5, "sat": 6, "sun": 7}

# a month written out or abbreviated ("Jan.", "Sept", "December"), never the start of a longer word ("marines")
MONTH = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?\.?|july?\.?|aug(?:ust|\.)?"
         r"|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])")
WEEKDAY = r"(?:" + "|".join(WEEKDAY_NAMES) + ")"

# the calendar part of a TIMEX3 or ISO 8601 value: year, month, ISO week, day, and minute
ISO_PREFIX = re.compile(r"^\d{4}(?:-W\d\d|-\d\d(?:-\d\d(?:T\d\d:\d\d)?)?)?")
_ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation, read by its first three letters; KeyError otherwise."""
    return MONTHS[word.lower().strip(".")[:3]]


def weekday_number(word: str) -> int:
    """1 (Monday) - 7 for a weekday's full name, singular or plural; KeyError otherwise."""
    return WEEKDAYS[word.lower().rstrip("s")]


def iso_prefix(value: Optional[str]) -> Optional[str]:
    """The calendar prefix of a value ("2023-10-29" of "2023-10-29TMO", "2023-W43", "2023"); None if it has none."""
    m = ISO_PREFIX.match(value or "")
    return m.group(0) if m else None


def iso_day(value: Optional[str]) -> Optional[str]:
    """The YYYY-MM-DD a value starts with, when it is a real calendar day; None otherwise."""
    if not value:
        return None
    m = _ISO_DAY.match(str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def days_covered(value: Optional[str]) -> Optional[tuple[dt.date, dt.date]]:
    """First and last day of the calendar prefix of a value: '2023' the year, '2023-10' October, '2023-W43' the week."""
    prefix = iso_prefix(value)
    if prefix is None:
        return None
    y, _, rest = prefix.split("T")[0].partition("-")
    parts = rest.split("-") if rest else []
    try:
        if parts and parts[0].startswith("W"):
            start = dt.date.fromisocalendar(int(y), int(parts[0][1:]), 1)
            return start, start + dt.timedelta(days=6)
        if len(parts) == 2:
            d = dt.date(int(y), int(parts[0]), int(parts[1]))
            return d, d
        if parts:
            mo = int(parts[0])
            start = dt.date(int(y), mo, 1)
            end = dt.date(int(y), 12, 31) if mo == 12 else dt.date(int(y), mo + 1, 1) - dt.timedelta(days=1)
            return start, end        # December ends on the 31st (year 9999 has no next January)
        return dt.date(int(y), 1, 1), dt.date(int(y), 12, 31)
    except (ValueError, OverflowError):       # no such day, or a week running past year 9999
        return None
