"""Days for story clustering: ordinals of ISO prefixes and when an undated text was written."""
from datetime import date

from newsprism.align.storytime import interval, iso, latest_day, ordinal, written_after


def test_ordinals_of_dates_and_timestamps() -> None:
    assert ordinal("2024-03-01T10:00:00Z") == date(2024, 3, 1).toordinal()
    assert ordinal("not a date") is None and ordinal(None) is None
    assert iso(ordinal("2024-03-01")) == "2024-03-01" and iso(None) is None


def test_an_iso_prefix_covers_its_day_month_or_year() -> None:
    assert interval("2024-02") == (date(2024, 2, 1).toordinal(), date(2024, 2, 29).toordinal())
    assert interval("2023") == (date(2023, 1, 1).toordinal(), date(2023, 12, 31).toordinal())
    assert interval("2023-13") is None


def test_an_undated_text_was_written_after_the_latest_precise_date_it_names() -> None:
    lo, hi = written_after(["2019", "2023-10", "2023-10-29"], slack_days=30)
    assert (lo, hi) == (date(2023, 10, 29).toordinal(), date(2023, 10, 31).toordinal() + 30)
    assert written_after(["2021"], 0) == (date(2021, 1, 1).toordinal(), date(2021, 12, 31).toordinal())
    assert written_after([], 30) is None
    assert latest_day(["2023-10", "2023-10-29", "2022-01-05"]) == date(2023, 10, 29).toordinal()
