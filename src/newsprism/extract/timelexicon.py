"""Words English uses for time: months, weekdays, numbers, units, and the regular expressions built from them."""
from __future__ import annotations

import re
from typing import Optional

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4}
# amounts that are not numbers: "several days" = PXD
VAGUE = ("a few", "a number of", "several", "few", "many", "some", "numerous",
         "dozens of", "hundreds of", "thousands of", "countless", "a handful of")
FIXED = {"a": 1, "an": 1, "one": 1, "a single": 1, "a couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12, "a hundred": 100,
         "one hundred": 100, "a thousand": 1000, "half a": 0.5, "half an": 0.5, "a half": 0.5}

MONTH = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?\.?|july?\.?|aug(?:ust|\.)?"
         r"|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])")
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d,]\d)"
YEAR_SHORT = r"(?:'\d\d)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PARTDAY = r"(?:morning|afternoon|evening|night|overnight)"
_ones = "|".join(ONES)
_tens = "|".join(TENS)
_teens = "|".join(TEENS)
NUMWORD = rf"(?:(?:{_tens})(?:[\s-](?:{_ones}))?|{_teens}|{_ones})"
DIGITS = r"(?:\d+(?:\.\d+)?(?:\s+1/2|\s*½)?|\d/\d|½)"
NUM = ("(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(VAGUE + tuple(FIXED), key=len, reverse=True)
                        if v not in ("a", "an", "one"))
       + rf"|(?:{NUMWORD})(?:\s+and\s+a\s+half)?|{DIGITS}|an?(?:\s+and\s+a\s+half)?)")
UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?"
        r"|years?|yrs?|decades?|century|centuries|millennium|millennia)(?![a-z])")
ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"


def month_number(word: str) -> int:
    return MONTHS[word.lower().strip(".")[:3]]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip("s")]


def unit_name(word: str) -> str:
    w = word.lower()
    for stem, name in (("sec", "second"), ("min", "minute"), ("h", "hour"), ("y", "year"), ("centur", "century"),
                       ("millenni", "millennium"), ("decade", "decade"), ("fortnight", "fortnight"),
                       ("weekend", "weekend"), ("week", "week"), ("month", "month"), ("quarter", "quarter"),
                       ("day", "day"), ("night", "night")):
        if w.startswith(stem):
            return name
    raise ValueError(word)


def number(words: str) -> Optional[float]:
    """The amount a number phrase names; None for vague amounts ("several")."""
    w = re.sub(r"[\s-]+", " ", words.lower().strip())
    half = 0.0
    for suffix in (" and a half", " 1/2", "½"):
        if w.endswith(suffix) and w != suffix.strip():
            w, half = w[: -len(suffix)].strip(), 0.5
    if w in FIXED:
        return FIXED[w] + half
    if w in (v.replace("-", " ") for v in VAGUE):
        return None
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w) + half if "." in w else int(w) + half
    if w in ("1/2", "½"):
        return 0.5
    parts = w.split()
    total = 0
    for p in parts:
        if p in TENS:
            total += TENS[p]
        elif p in ONES:
            total += ONES[p]
        elif p in TEENS:
            total += TEENS[p]
        else:
            return None
    return total + half


def ordinal(word: str) -> Optional[int]:
    return ORDINALS.get(word.lower())


def day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())
