"""Numbers written in words or digits: the one parser every part of newsprism reads amounts with.

    parse_number(["1.5", "million"]) -> 1500000.0      parse_number(["twenty-five"]) -> 25.0
    amount("two and a half") -> 2.5                    amount("several") -> None (a vague amount)
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# every word that is a number by itself; "a" and "an" count one ("a million", "an hour")
WORD_NUMBERS: dict[str, int] = {"zero": 0, **ONES, **TEENS, **TENS, "a": 1, "an": 1}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "dozen": 12, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
# the codes money figures are normalised to, and with "percent" every unit that is an amount, never a count of things
CURRENCY_CODES = frozenset({"USD", "EUR", "GBP", "JPY", "RUB", "ILS"})
CURRENCY_UNITS = CURRENCY_CODES | {"percent"}
# amounts that name no number: "several days" lasts an unknown number of days
VAGUE = ("a few", "a number of", "several", "few", "many", "some", "numerous",
         "dozens of", "hundreds of", "thousands of", "countless", "a handful of")
# idioms that do name one ("a couple of weeks", "half an hour")
FIXED = {"a": 1, "an": 1, "one": 1, "a single": 1, "a couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12,
         "a hundred": 100, "one hundred": 100, "a thousand": 1000, "half a": 0.5, "half an": 0.5, "a half": 0.5}

_ones, _tens, _teens = "|".join(ONES), "|".join(TENS), "|".join(TEENS)
# a number from one to ninety-nine in words ("seven", "fourteen", "twenty-five")
NUMWORD = rf"(?:(?:{_tens})(?:[\s-](?:{_ones}))?|{_teens}|{_ones})"
_VAGUE_WORDS = frozenset(v.replace("-", " ") for v in VAGUE)
_HALVES = (" and a half", " 1/2", "½")


def digits(word: str) -> Optional[float]:
    """'1,400' -> 1400.0, '2.5' -> 2.5, '5k' -> 5000.0, '3bn' -> 3e9; None for anything else."""
    w = word.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(k|m|bn)", w)
    if m:
        return float(m.group(1)) * SCALES[m.group(2)]
    return None


def parse_number(words: Iterable[str]) -> Optional[float]:
    """'1,400' -> 1400; ['1.5', 'million'] -> 1.5e6; ['two', 'dozen'] -> 24; ['six'] -> 6; None if not a number."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        lw = w.lower().strip()
        if lw in ("and", "-", "a", "an") and seen:
            continue
        num = digits(lw)
        if num is not None:
            current += num
            seen = True
        elif lw in WORD_NUMBERS:
            current += WORD_NUMBERS[lw]
            seen = True
        elif "-" in lw and all(p in WORD_NUMBERS for p in lw.split("-")):   # twenty-five
            current += sum(WORD_NUMBERS[p] for p in lw.split("-"))
            seen = True
        elif lw in SCALES:
            scale = SCALES[lw]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def amount(phrase: str) -> Optional[float]:
    """How many a counting phrase names ("three", "a couple of", "2 1/2", "twenty-one and a half"); None when
    it names no number ("several") or is not one."""
    w = re.sub(r"[\s-]+", " ", phrase.lower().strip())
    half = 0.0
    for suffix in _HALVES:
        if w.endswith(suffix) and w != suffix.strip():
            w, half = w[: -len(suffix)].strip(), 0.5
    if w in FIXED:
        return FIXED[w] + half
    if w in _VAGUE_WORDS:
        return None
    if w in ("1/2", "½"):
        return 0.5
    n = parse_number(w.split())
    return None if n is None else n + half
