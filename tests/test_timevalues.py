"""Calendar arithmetic behind TIMEX3 values: shifting by calendar units, durations, granularity."""
from __future__ import annotations

import datetime as dt

from newsprism.extract import timevalues as tv

MONDAY = dt.date(2023, 10, 30)


def test_shift_by_calendar_units():
    assert tv.shift(MONDAY, -1, "week") == "2023-W43"
    assert tv.shift(MONDAY, -1, "month") == "2023-09"
    assert tv.shift(dt.date(2023, 1, 15), -1, "quarter") == "2022-Q4"
    assert tv.shift(MONDAY, 0, "decade") == "202"
    assert tv.shift(dt.date(2024, 3, 31), -1, "month") == "2024-02"


def test_shift_years_keeps_the_part_of_the_year():
    assert tv.shift_years("1989-Q3", -1) == "1988-Q3"
    assert tv.shift_years("2024-02-29", -1) == "2023-02-28"


def test_durations_carry_fractions_into_smaller_units():
    assert tv.duration(3, "week") == "P3W"
    assert tv.duration(None, "day") == "PXD"
    assert tv.duration(2.5, "year") == "P2Y6M"
    assert tv.duration(1.5, "hour") == "PT1H30M"
    assert tv.duration(2, "decade") == "P20Y"


def test_granularity_and_first_day_of_a_value():
    assert tv.granularity("2023-W43-WE") == "week"
    assert tv.value_date("2023-Q4") == dt.date(2023, 10, 1)
    assert tv.value_date("PRESENT_REF") is None

