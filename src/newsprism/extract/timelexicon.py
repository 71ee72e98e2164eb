"""Words English uses for time beyond the calendar names of `newsprism.lexicon`: units, ordinals, seasons,
parts of the day, and the regular expressions the time grammar builds from them."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon.numbers import FIXED, NUMWORD, VAGUE

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4}

DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d,]\d)"
YEAR_SHORT = r"(?:'\d\d)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PARTDAY = r"(?:morning|afternoon|evening|night|overnight)"
DIGITS = r"(?:\d+(?:\.\d+)?(?:\s+1/2|\s*½)?|\d/\d|½)"
# an amount of time units: a vague or idiomatic amount, a number in words or digits, or "a"/"an"
NUM = ("(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(VAGUE + tuple(FIXED), key=len, reverse=True)
                        if v not in ("a", "an", "one"))
       + rf"|(?:{NUMWORD})(?:\s+and\s+a\s+half)?|{DIGITS}|an?(?:\s+and\s+a\s+half)?)")
UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?"
        r"|years?|yrs?|decades?|century|centuries|millennium|millennia)(?![a-z])")
ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"


def unit_name(word: str) -> str:
    w = word.lower()
    for stem, name in (("sec", "second"), ("min", "minute"), ("h", "hour"), ("y", "year"), ("centur", "century"),
                       ("millenni", "millennium"), ("decade", "decade"), ("fortnight", "fortnight"),
                       ("weekend", "weekend"), ("week", "week"), ("month", "month"), ("quarter", "quarter"),
                       ("day", "day"), ("night", "night")):
        if w.startswith(stem):
            return name
    raise ValueError(word)


def ordinal(word: str) -> Optional[int]:
    return ORDINALS.get(word.lower())


def day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())
