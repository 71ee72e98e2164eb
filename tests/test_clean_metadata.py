"""Dateline and headline parsers: each answers only when the whole line has the shape it knows."""
from __future__ import annotations

import pytest

from newsprism.clean.metadata import (
    is_relative_dateline,
    parse_dateline,
    parse_foreign_dateline,
    split_glued_label,
    title_like,
)


@pytest.mark.parametrize("line, iso", [
    ("11:55 AM EDT, October 30, 2023", "2023-10-30T11:55:00-04:00"),
    ("Oct.26 - 2023 8:39 PM CET", "2023-10-26T20:39:00+01:00"),
    ("September 11 2022", "2022-09-11"),
    ("Published: Tuesday 5 March 2024", "2024-03-05"),
    ("Posted on 3rd June 2021", "2021-06-03"),
    ("Jun 3, 2021, 4:05pm", "2021-06-03T16:05:00"),
    ("2024-03-05T10:22:00Z", "2024-03-05T10:22:00+00:00"),
    ("13.03.2024, 09:15 MSK", "2024-03-13T09:15:00+03:00"),
    ("Updated: 25/03/2024 14:20 GMT+2", "2024-03-25T14:20:00+02:00"),
    ("12 July 2023 18:00 BST", "2023-07-12T18:00:00+01:00"),
    ("5 January 2024, 07:30 IST", "2024-01-05T07:30:00+05:30"),
])
def test_datelines_become_iso_8601_with_the_zone_read_literally(line, iso):
    assert parse_dateline(line) == iso


def test_a_wire_place_name_before_the_date_is_allowed():
    assert parse_dateline("KYIV, October 26, 2023") == "2023-10-26"
    assert parse_dateline("NEW YORK — March 3, 2024 10:00 ET") == "2024-03-03T10:00:00-05:00"


def test_relative_ages_beside_a_date_are_ignored():
    assert parse_dateline("October 30, 2023 / Updated 2 hours ago") == "2023-10-30"


def test_regional_zone_names_take_the_offset_of_that_day():
    assert parse_dateline("Monday, March 4, 2024 at 5 p.m. ET") == "2024-03-04T17:00:00-05:00"
    assert parse_dateline("July 4, 2024 10:00 PT") == "2024-07-04T10:00:00-07:00"


def test_published_wins_over_updated_on_one_line():
    assert parse_dateline("Published March 3, 2024 | Updated March 4, 2024 10:02 GMT") == "2024-03-03"


@pytest.mark.parametrize("line", [
    "The talks began on 5 March 2024.",          # a date inside a sentence is not a dateline
    "03/04/2024",                                # day-month or month-day? unsure, so nothing
    "March 2024",                                # no day
    "February 30, 2024",                         # no such day
    "Delegation arrives in Moscow",
    "",
])
def test_lines_that_are_not_datelines(line):
    assert parse_dateline(line) is None


def test_dates_in_other_languages_are_read_by_dateparser():
    assert parse_foreign_dateline("12. März 2024") == "2024-03-12"
    assert parse_foreign_dateline("Der Rat tagte am 12. März 2024 bis spät.") is None


def test_relative_age_is_a_dateline_without_a_date():
    assert is_relative_dateline("Updated 3 hours ago")
    assert not is_relative_dateline("Three hours ago the river burst its banks.")


def test_section_label_glued_to_the_headline_is_split_off():
    assert split_glued_label("BusinessMarkets slide on rate fears", "Markets slide on rate fears") == \
        "Markets slide on rate fears"
    assert split_glued_label("Markets slide on rate fears", "Markets slide on rate fears") is None
    assert split_glued_label("A long sentence that ends. Markets slide", "Markets slide") is None


def test_title_like_lines():
    assert title_like("Hamlet council approves budget", 40)
    assert title_like("Is the river tunnel worth two billion euros to the city?", 40)
    assert title_like("$1m payout for former chief", 40)
    assert title_like("iPhone sales slow in Europe", 40)
    assert not title_like("Budget", 40)
    assert not title_like("the council approved the budget", 40)
    assert not title_like("The council approved the budget on Tuesday after a long debate.", 40)
