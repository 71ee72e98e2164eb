"""Month and weekday names and ISO 8601 calendar prefixes."""
from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.lexicon.dates import (MONTH, MONTHS, WEEKDAY, WEEKDAY_ABBREVIATIONS, days_covered, iso_day, iso_prefix,
                                     month_number, weekday_number)


@pytest.mark.parametrize("word, n", [("January", 1), ("Sept.", 9), ("sep", 9), ("Dec", 12), ("may", 5), ("JUNE", 6)])
def test_month_number_reads_names_and_abbreviations(word, n):
    assert month_number(word) == n


def test_month_table_has_every_name_and_abbreviation():
    assert MONTHS["september"] == MONTHS["sept"] == MONTHS["sep"] == 9
    assert sorted(set(MONTHS.values())) == list(range(1, 13))
    with pytest.raises(KeyError):
        month_number("Monday")
    assert WEEKDAY_ABBREVIATIONS["thurs"] == 4


@pytest.mark.parametrize("text, found", [("on Sept. 3", "Sept."), ("in December", "December"), ("Marines", None),
                                         ("a separate deal", None)])
def test_month_pattern_finds_months_not_words_that_start_like_one(text, found):
    m = re.search(r"\b" + MONTH, text, re.I)
    assert (m.group(0) if m else None) == found


def test_weekdays_singular_and_plural():
    assert weekday_number("Friday") == weekday_number("Fridays") == 5
    assert re.fullmatch(WEEKDAY, "sunday")


@pytest.mark.parametrize("value, prefix", [("2023-10-29TMO", "2023-10-29"), ("2023-10-29T11:55", "2023-10-29T11:55"),
                                           ("2023-W43-WE", "2023-W43"), ("2023-Q3", "2023"), ("PRESENT_REF", None),
                                           ("", None), (None, None)])
def test_iso_prefix_is_the_calendar_part(value, prefix):
    assert iso_prefix(value) == prefix


def test_iso_day_is_a_real_day_or_none():
    assert iso_day("2023-10-30T11:55:00-04:00") == "2023-10-30"
    assert iso_day("2023-02-30") is None
    assert iso_day("2023-10") is None


@given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 26)))    # the ISO week of 9999-12-27 runs past year 9999
def test_days_covered_holds_the_day_its_month_its_week_and_its_year(d):
    assert days_covered(d.isoformat()) == (d, d)
    first, last = days_covered(d.isoformat()[:7])
    assert first.day == 1 and first <= d <= last and last.day == calendar.monthrange(d.year, d.month)[1]
    y, w, _ = d.isocalendar()
    first, last = days_covered(f"{y:04d}-W{w:02d}")
    assert first <= d <= last and (last - first).days == 6 and first.isoweekday() == 1
    assert days_covered(d.isoformat()[:4]) == (dt.date(d.year, 1, 1), dt.date(d.year, 12, 31))


def test_days_covered_of_what_is_no_calendar_value():
    assert days_covered("9999-W52") is None and days_covered("9999-12")[1] == dt.date(9999, 12, 31)
    assert days_covered("2023-02-30") is None and days_covered("PAST_REF") is None and days_covered(None) is None


def test_the_lexicon_imports_nothing_of_newsprism():
    import ast
    from pathlib import Path

    import newsprism.lexicon as lexicon

    for path in Path(lexicon.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0 and not (node.module or "").startswith("newsprism"), path.name
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("newsprism") for a in node.names), path.name
