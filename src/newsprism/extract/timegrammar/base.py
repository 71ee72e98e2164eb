"""The grammar's building blocks: a `Rule`, the `Context` its normalizer reads, the registry, context words.

A rule is a regular expression, a normalizer and an optional veto on the surrounding words, and an
explicit priority: when two rules match the same words (same start, same length), the higher priority
wins. Priorities are unique, so the order in which modules register their rules never decides anything.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

Value = Optional[tuple[str, str]]  # (TIMEX3 type, value); None = not a temporal expression after all
Accept = Callable[[re.Match, str], bool]


@dataclass
class Context:
    """What a normalizer may know besides its own words."""

    text: str
    anchor: Optional[dt.date]
    tense: Optional[str] = None          # past | present | future | None (unknown)
    deadline: str = ""                   # after "by", "until", "as early as": "ahead", or "past" in a past clause
    ref: Optional[str] = None            # last calendar value mentioned (day, month, year ...)
    ref_day: Optional[str] = None        # last day mentioned (for clock times and "that night")
    ref_day_pos: int = -10_000
    ref_quarter: Optional[str] = None    # last quarter or half mentioned ("the quarter", "a year earlier")
    ref_quarter_pos: int = -10_000
    ref_year: Optional[str] = None       # year of the last calendar value mentioned ("that year", "the following year")
    start: int = 0

    def near_quarter(self) -> Optional[str]:
        """The quarter talked about just before (financial reports compare it with a year earlier)."""
        return self.ref_quarter if self.start - self.ref_quarter_pos < 1200 else None


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    priority: int  # breaks a tie between two rules matching the same words: the higher wins
    normalize: Callable[[re.Match, Context], Value]
    accept: Optional[Accept] = None


RULES: list[Rule] = []


def rule(name: str, priority: int, pattern: str, accept: Optional[Accept] = None):
    """Register the decorated normalizer as a rule of the grammar (see the module's note on priority)."""
    compiled = re.compile(r"(?<![\w$£€#])(?:" + pattern + r")(?![\w])", re.I)

    def register(fn: Callable[[re.Match, Context], Value]) -> Callable[[re.Match, Context], Value]:
        if any(r.priority == priority for r in RULES):
            raise ValueError(f"rule {name!r}: priority {priority} is taken")
        RULES.append(Rule(name, compiled, priority, fn, accept))
        return fn

    return register


# ---------------------------------------------------------------- context helpers

def before(text: str, start: int, n: int = 30) -> str:
    return text[max(0, start - n):start]


def prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w.'’-]+)\W*$", before(text, start, 40))
    return m.group(1).lower() if m else ""


def next_word(text: str, end: int) -> str:
    m = re.match(r"\W*?([\w'’.-]+)", text[end:end + 40])
    return m.group(1) if m else ""


TEMPORAL_PREP = {"in", "on", "since", "by", "until", "till", "through", "during", "from", "to", "of", "before",
                 "after", "between", "and", "or", "early", "late", "mid", "last", "next", "this", "end",
                 "beginning", "start", "around", "circa", "throughout", "for", "as", "at", "within", "ending",
                 "starting", "beginning", "year", "fiscal", "that", "every", "each", "the", "summer", "spring",
                 "winter", "fall", "autumn", "middle", ",", "in-", "pre", "post", "mid-", "pre-", "post-", "than", "about", "till"}


def capitalized(s: str) -> bool:
    return s[:1].isupper()
