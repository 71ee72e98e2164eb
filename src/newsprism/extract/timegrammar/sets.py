"""Recurring times (TIMEX3 SET): "daily", "every two weeks", "twice a year", "on Mondays"."""
from __future__ import annotations

import re

from ...lexicon.dates import MONTH, WEEKDAY, month_number, weekday_number
from ...lexicon.numbers import NUMWORD, amount
from .. import timevalues as tv
from ..timelexicon import SEASON, UNIT, unit_name
from .base import Context, Value, capitalized, rule

SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H",
             "quarterly": "P3M", "nightly": "P1D", "biweekly": "P2W", "bi-weekly": "P2W", "bimonthly": "P2M",
             "bi-monthly": "P2M", "semiannually": "P6M", "semi-annually": "P6M", "every day": "P1D",
             "everyday": "P1D", "twice-yearly": "P6M", "twice-weekly": "P1W", "twice-daily": "P1D", "year-round": "P1Y"}
SET_RE = "|".join(re.escape(k) for k in sorted(SET_WORDS, key=len, reverse=True))


def _set_word_ok(m: re.Match, text: str) -> bool:
    w = m.group("w").lower()
    nxt = text[m.end():m.end() + 20]
    if w in ("quarterly", "annually", "monthly", "weekly", "yearly", "everyday"):
        # an adjective before a noun names a kind of thing ("its quarterly dividend"), not a recurrence
        return not re.match(r"\s+[a-z]", nxt) or w == "annually"
    return True


@rule("set word", 290, rf"(?P<w>{SET_RE})", accept=_set_word_ok)
def _set_word(m: re.Match, ctx: Context) -> Value:
    return "SET", SET_WORDS[m.group("w").lower()]


@rule("every unit", 280, rf"(?:(?:once|twice|thrice|(?:{NUMWORD}|\d+)\s+times)\s+)?(?P<q>every|each|per|a|an)\s+(?:(?P<other>other|single)\s+)?(?:(?P<num>{NUMWORD}|\d+|few)\s+)?(?P<unit>{UNIT}|{WEEKDAY}|{MONTH}|{SEASON}|morning|afternoon|evening|night)",
      accept=lambda m, text: m.group("q").lower() in ("every", "each", "per") or m.group(0).lower().split()[0] in ("once", "twice", "thrice") or " times " in m.group(0).lower())
def _every(m: re.Match, ctx: Context) -> Value:
    w = m.group("unit").lower()
    if re.fullmatch(WEEKDAY, w):
        return "SET", f"XXXX-WXX-{weekday_number(w)}"
    if re.fullmatch(SEASON, w):
        return "SET", f"XXXX-{tv.SEASON_CODE[w]}"
    if w in ("morning", "afternoon", "evening", "night"):
        return "SET", f"XXXX-XX-XXT{tv.PART_OF_DAY[w]}"
    if re.fullmatch(MONTH, w) and not re.fullmatch(UNIT, w):
        if not capitalized(m.group("unit")):
            return None
        return "SET", f"XXXX-{month_number(w):02d}"
    unit = unit_name(w)
    n = amount(m.group("num")) if m.group("num") else 1
    if m.group("other") and m.group("other").lower() == "other":
        n = 2
    if unit == "weekend":
        return "SET", "XXXX-WXX-WE"
    return "SET", tv.duration(n, "day" if unit == "night" else unit)


@rule("weekdays plural", 270, rf"(?P<wd>{WEEKDAY})s(?:\s+(?P<p>morning|afternoon|evening|night)s?)?",
      accept=lambda m, text: capitalized(m.group("wd")))
def _weekdays(m: re.Match, ctx: Context) -> Value:
    v = f"XXXX-WXX-{weekday_number(m.group('wd'))}"
    if m.group("p"):
        v += "T" + tv.PART_OF_DAY[m.group("p").lower()]
    return "SET", v
