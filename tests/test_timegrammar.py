"""The time grammar's rules: unique explicit priorities, and the ties they decide."""
from __future__ import annotations

import datetime as dt

import pytest

from newsprism.extract.timegrammar import RULES, Context
from newsprism.extract.timegrammar.base import rule
from newsprism.extract.timegrammar.days import DAY_RULES, day_of
from newsprism.extract.times import candidates, find_times, select

PUB = "2023-10-30"  # a Monday


def test_every_rule_has_its_own_priority_and_rules_are_listed_by_it():
    priorities = [r.priority for r in RULES]
    assert len(set(priorities)) == len(priorities)
    assert priorities == sorted(priorities, reverse=True)
    assert [r.priority for r in DAY_RULES] == sorted((r.priority for r in DAY_RULES), reverse=True)


def test_a_taken_priority_is_refused():
    with pytest.raises(ValueError):
        rule("again", RULES[0].priority, r"x")(lambda m, ctx: None)


def test_families_rank_from_the_most_specific_reading():
    by_name = {r.name: r.priority for r in RULES}
    assert by_name["clock+day"] > by_name["weekday"] > by_name["the weekend"] > by_name["month year"] \
        > by_name["this week"] > by_name["ordinal quarter"] > by_name["duration"] > by_name["set word"] \
        > by_name["reference"]


@pytest.mark.parametrize("text, phrase, winner, value", [
    ("Talks resume at noon Thursday.", "noon Thursday", "clock+day", "2023-10-26T12:00"),
    ("They rested this weekend.", "this weekend", "the weekend", "2023-W44-WE"),
    ("Buses run every day.", "every day", "set word", "P1D"),
    ("It took several years.", "several years", "duration", "PXY"),
    ("Prices may rise in the coming years.", "the coming years", "plural units", "PXY"),
    ("Sales fell in the last quarter.", "the last quarter", "this week", "P1Q"),
])
def test_the_higher_priority_wins_a_tie(text, phrase, winner, value):
    start = text.index(phrase)
    tied = {c[2].name for c in candidates(text) if (c[0], c[1]) == (start, start + len(phrase))}
    assert winner in tied and len(tied) > 1
    [chosen] = [c for c in select(candidates(text)) if c[0] == start]
    assert chosen[2].name == winner
    assert {t.text: t.value for t in find_times("d", text, PUB)}[phrase] == value


def test_day_of_reads_a_day_phrase_inside_a_larger_expression():
    ctx = Context(text="", anchor=dt.date(2023, 10, 30))
    assert day_of("Nov. 9, 2023", ctx) == "2023-11-09"
    assert day_of("yesterday", ctx) == "2023-10-29"
    assert day_of("soon", ctx) is None
