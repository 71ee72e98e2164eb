"""A grammar of English temporal expressions: patterns that find them and rules that normalize them.

Each `Rule` pairs a regular expression with a normalizer. Finding is context-free (a rule may only
veto a match from the surrounding words); normalizing happens afterwards, in text order, with a
`Context` that knows the anchor date (publication), the tense of the clause, and the calendar value
most recently mentioned (what "two days later" or "the year-earlier quarter" count from).

The rules come in families, one module each. The longest match wins; when two rules match the same
words, the higher priority wins. Families are ranked from the most specific reading to the most
general one, in bands of a hundred:

    900  clock     a clock reading, with its day if given ("noon Thursday" is a time, not a part of day)
    800  days      a day named by date, weekday or "yesterday"
    700  dayparts  parts of days and weeks ("this weekend" is the weekend, not a week)
    600  calendar_names months, years, decades, seasons, holidays ("the second half of 2004" reads as 2004)
    500  relative  units counted from the anchor ("the last quarter" counts back, not the fourth quarter)
    400  quarters  quarters and halves of a year
    300  durations ("several years" counts years even where a vague plural would also match)
    200  sets      recurring times ("every day" is the set word, P1D)
    100  references "now", "recently", "the coming years" (only when nothing more specific reads them)

Within a family the more specific rule comes first. `RULES` lists every rule, highest priority first.
"""
from __future__ import annotations

from . import calendar_names, clock, dayparts, days, durations, quarters, references, relative, sets  # noqa: F401  (register)
from .base import RULES, Context, Rule, Value, prev_word

RULES.sort(key=lambda r: -r.priority)

__all__ = ["RULES", "Context", "Rule", "Value", "prev_word"]
