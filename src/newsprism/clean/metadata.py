"""Read article metadata from the lines where pages state it: datelines and headlines (bylines,
source lines and mastheads: bylines.py).

Each parser looks at one line and answers only when the whole line has the shape it knows
(a date and nothing but date words; a headline's shape).
A date in the middle of a sentence is never taken for the publication date: that would be
a guess presented as fact. Which lines are offered (the head of the page, bylines) is
decided by `lines.py`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..lexicon.dates import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

# -- dates -----------------------------------------------------------------------------------

_WEEKDAYS = (*WEEKDAYS, *WEEKDAY_ABBREVIATIONS)

# Zone abbreviations read literally, as the page prints them (CET is +01:00 even in summer).
ZONE_OFFSETS = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "WET": "+00:00", "WEST": "+01:00",
    "BST": "+01:00", "IST": "+05:30", "CET": "+01:00", "CEST": "+02:00", "MET": "+01:00",
    "MEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "TRT": "+03:00",
    "AST": "+03:00", "GST": "+04:00", "PKT": "+05:00", "HKT": "+08:00", "SGT": "+08:00",
    "CST": "-06:00", "CDT": "-05:00", "EST": "-05:00", "EDT": "-04:00", "MST": "-07:00",
    "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "AKST": "-09:00", "AKDT": "-08:00",
    "HST": "-10:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00",
    "NZST": "+12:00", "NZDT": "+13:00", "WIB": "+07:00", "ICT": "+07:00",
}

# Zone names that do not say whether summer time applies: the offset comes from the calendar.
REGIONAL_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
                  "PT": "America/Los_Angeles"}

_MONTH_RX = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RX = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_ZONE_RX = "|".join(sorted([*ZONE_OFFSETS, *REGIONAL_ZONES], key=len, reverse=True))

# One token of a dateline; the order of the alternatives matters (longest shapes first).
_DATE_TOKEN = re.compile(
    r"(?P<iso>\b\d{4}-\d{2}-\d{2})(?:[T ](?P<iso_h>\d{2}):(?P<iso_m>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?P<iso_z>Z|[+-]\d{2}:?\d{2})?)?"
    r"|(?P<numeric>\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b)"
    r"|(?P<time>\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?)"
    r"|(?P<hour_ampm>\b\d{1,2}\s*(?P<ampm2>[ap]\.?\s?m\b\.?))"
    r"|(?P<offset>\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?<![\w:])[+-]\d{2}:?\d{2}\b)"
    rf"|(?P<zone>\b(?:{_ZONE_RX})\b)"
    r"|(?P<year>\b(?:19|20)\d{2}\b)"
    r"|(?P<day>\b\d{1,2}(?:st|nd|rd|th)?\b)"
    rf"|(?P<month>\b(?:{_MONTH_RX})\b\.?)"
    rf"|(?P<weekday>\b(?:{_WEEKDAY_RX})\b\.?)"
    r"|(?P<label>\b(?:published|updated|posted|last|modified|first|on|at|date|time|of)\b:?)",
    re.I,
)
_PLACE_PREFIX = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:,| [-–—])\s+")
_TOKEN_KINDS = ("iso", "numeric", "time", "hour_ampm", "offset", "zone", "year", "day", "month", "weekday", "label")
_DATE_FILLER = re.compile(r"[\s,.\-–—|/·•:()\[\]]*")
_RELATIVE_AGE = re.compile(
    r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)"
    r"\s+ago$", re.I)


def _zone_offset(token: str) -> Optional[str]:
    token = token.strip()
    if token.upper() in ZONE_OFFSETS:
        return ZONE_OFFSETS[token.upper()]
    m = re.fullmatch(r"(?:GMT|UTC)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", token, re.I)
    if not m:
        return None
    sign, hh, mm = m.group(1), int(m.group(2)), int(m.group(3) or 0)
    if hh > 14 or mm > 59:
        return None
    return f"{sign}{hh:02d}:{mm:02d}"


def _iso(year: int, month: int, day: int, hm: Optional[tuple[int, int]], zone: Optional[str]) -> Optional[str]:
    import datetime as dt

    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    if hm is None:
        return date
    hour, minute = hm
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    if zone in REGIONAL_ZONES:
        from zoneinfo import ZoneInfo

        return dt.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(REGIONAL_ZONES[zone])).isoformat()
    return f"{date}T{hour:02d}:{minute:02d}:00{zone or ''}"


def parse_dateline(line: str) -> Optional[str]:
    """The date a dateline states; a line of several dates ("Published ... | Updated ...")
    gives the publication date, or its first date when none is labelled.

    >>> parse_dateline("Published March 3, 2024 | Updated March 4, 2024 10:02 GMT")
    '2024-03-03'
    """
    whole = _parse_one_date(line)
    if whole or len(line) > 160:
        return whole
    parts = [p for p in re.split(r"\s+[|•·/]\s+|\s*(?=\b(?:last updated|updated|modified)\b)", line.strip(), flags=re.I)
             if p.strip(" |•·/") and not is_relative_dateline(p.strip(" |•·/"))]
    if not parts or parts == [line.strip()]:
        return None
    dates = [_parse_one_date(p.strip(" |•·/")) for p in parts]
    if not all(dates):
        return None
    for part, date in zip(parts, dates):
        if re.match(r"\s*(?:published|posted|first published)\b", part, re.I):
            return date
    return dates[0]


def _parse_one_date(line: str) -> Optional[str]:
    """The ISO 8601 date a dateline states, when the line holds a date and nothing else.

    >>> parse_dateline("11:55 AM EDT, October 30, 2023")
    '2023-10-30T11:55:00-04:00'
    >>> parse_dateline("Published: Tuesday 5 March 2024")
    '2024-03-05'
    >>> parse_dateline("The talks began on 5 March 2024.") is None
    True
    """
    text = line.strip()
    place = _PLACE_PREFIX.match(text)  # "OSLO, June 3, 2024": the wire's place name first
    if place and place.end() < len(text):
        text = text[place.end():]
    if not text or len(text) > 80:
        return None
    tokens = list(_DATE_TOKEN.finditer(text))
    pos = 0
    for m in tokens:  # everything between tokens must be punctuation or space
        if not _DATE_FILLER.fullmatch(text[pos:m.start()]):
            return None
        pos = m.end()
    if not _DATE_FILLER.fullmatch(text[pos:]):
        return None
    year = month = day = None
    hm: Optional[tuple[int, int]] = None
    zone: Optional[str] = None
    days: list[int] = []
    for m in tokens:
        kind = next(k for k in _TOKEN_KINDS if m.group(k))
        if kind == "iso":
            if year is not None:
                return None
            year, month, day = (int(x) for x in m.group("iso").split("-"))
            if m.group("iso_h"):
                hm = (int(m.group("iso_h")), int(m.group("iso_m")))
            if m.group("iso_z"):
                zone = _zone_offset(m.group("iso_z")) if m.group("iso_z") != "Z" else "+00:00"
        elif kind == "numeric":
            a, b, y = (int(x) for x in re.split(r"[./-]", m.group("numeric")))
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                month, day = a, b
            else:  # 03/04/2024: day-month or month-day? Unsure, so no date.
                return None
            year = y
        elif kind == "time":
            parts = re.split(r"[:.]", m.group("time").split()[0].rstrip("apmAPM. "))
            hour, minute = int(parts[0]), int(parts[1])
            hm = _apply_ampm(hour, minute, m.group("ampm"))
        elif kind == "hour_ampm":
            hour = int(re.match(r"\d+", m.group("hour_ampm")).group())
            hm = _apply_ampm(hour, 0, m.group("ampm2"))
        elif kind in ("offset", "zone"):
            if kind == "zone" and not m.group("zone").isupper():
                return None  # "est" or "Ist" in lower case is a word, not a zone
            token = m.group(kind)
            zone = token if token in REGIONAL_ZONES else _zone_offset(token)
        elif kind == "year":
            if year is not None:
                return None
            year = int(m.group("year"))
        elif kind == "day":
            days.append(int(re.match(r"\d+", m.group("day")).group()))
        elif kind == "month":
            if month is not None:
                return None
            month = MONTHS[m.group("month").rstrip(".").lower()]
    if len(days) > 1 or (days and day is not None):
        return None
    if days:
        day = days[0]
    if hm is None:
        zone = None
    if year is None or month is None or day is None:
        return None
    return _iso(year, month, day, hm, zone)


def _apply_ampm(hour: int, minute: int, ampm: Optional[str]) -> Optional[tuple[int, int]]:
    if ampm:
        pm = ampm.strip().lower().startswith("p")
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    return hour, minute


def is_relative_dateline(line: str) -> bool:
    """"Updated 3 hours ago": a dateline that states no date we could read."""
    return bool(_RELATIVE_AGE.match(line.strip()))


@lru_cache(maxsize=1)
def _date_parser():
    """One dateparser parser for the configured languages, built once: offered every locale it
    knows, dateparser spends tens of milliseconds per line finding which applies."""
    from dateparser.date import DateDataParser

    from newsprism.config import LanguageConfig

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False}
    languages = []
    for code in sorted({c.lower() for c in LanguageConfig().languages} | {"en"}):
        try:
            DateDataParser(languages=[code])
        except ValueError:  # a language dateparser does not know
            continue
        languages.append(code)
    return DateDataParser(languages=languages, settings=settings)


def parse_foreign_dateline(line: str) -> Optional[str]:
    """A date-only line in another language ("30 октября 2023"), read with dateparser in the
    languages the configuration expects.

    Only short lines with a year and no sentence are tried; the result is a date only,
    unless the line shows a clock time.
    """
    text = line.strip()
    if len(text) > 40 or not re.search(r"\b(?:19|20)\d{2}\b", text) or len(text.split()) > 6:
        return None
    if re.search(r"[.!?]\s*$", text) and not re.search(r"\d\.?\s*$", text):
        return None
    got = _date_parser().get_date_data(text).date_obj
    if got is None:
        return None
    if re.search(r"\b\d{1,2}:\d{2}\b", text):
        return got.strftime("%Y-%m-%dT%H:%M:00")
    return got.strftime("%Y-%m-%d")


# -- title ---------------------------------------------------------------------------------------


def split_glued_label(line: str, next_line: Optional[str]) -> Optional[str]:
    """The clean title when `line` is a short section label glued onto the next line's text.

    Scraped pages often run a breadcrumb into the headline ("WorldDelegation arrives") and
    then print the headline again on its own.

    >>> split_glued_label("WorldDelegation arrives in the capital", "Delegation arrives in the capital")
    'Delegation arrives in the capital'
    >>> split_glued_label("Delegation arrives", "Talks begin") is None
    True
    """
    if not next_line:
        return None
    a, b = " ".join(line.split()), " ".join(next_line.split())
    if len(b) < 8 or len(a) <= len(b) or not a.endswith(b):
        return None
    label = a[: len(a) - len(b)].strip()
    if not label or len(label) > 30 or len(label.split()) > 3 or re.search(r"[.!?]$", label):
        return None
    return b


def title_like(line: str, min_sentence_chars: int) -> bool:
    """Could this line be a headline? Short, starts like a heading, and is not a body sentence.

    >>> title_like("Delegation arrives in the capital", 40)
    True
    >>> title_like("The delegation arrived in the capital on Monday after a long journey.", 40)
    False
    """
    text = line.strip()
    words = text.split()
    if len(words) < 2 or len(text) > 200 or len(words) > 30:
        return False
    first = text.lstrip("\"'“‘«(")
    if not first:
        return False
    first_word = first.split()[0]
    # Capitalised, a figure ("$1m payoff"), or a brand written in camel case ("iPhone sales").
    if not (first[0].isupper() or first[0].isdigit() or first[0] in "$£€¥#&"
            or any(c.isupper() for c in first_word[1:])):
        return False
    if len(text) >= min_sentence_chars and re.search(r"[.!?…][\"”’'»)]*$", text):
        # A long line ending like a sentence is body text, except a short question or
        # exclamation headline ("Is the tunnel worth it?").
        return not text.endswith(".") and len(words) <= 15
    return True
