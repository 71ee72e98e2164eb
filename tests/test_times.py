"""Temporal expressions found with exact offsets and normalized against the publication date.

Publication date in these tests: Monday 30 October 2023 (ISO week 44).
"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.extract.times import anchor_date, component, find_times, time_granularity
from newsprism.extract.timevalues import value_date

PUB = "2023-10-30T11:55:00-04:00"


def values(text: str, published: str | None = PUB, sdoc=None) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find_times("d", text, published, sdoc)}


def parsed(nlp, text: str, published: str | None = PUB) -> dict[str, tuple[str, str]]:
    return values(text, published, nlp(text))


# ---------------------------------------------------------------- weekdays and tense

def test_weekday_in_a_past_sentence_is_the_one_before_publication(nlp):
    assert parsed(nlp, "Troops entered the town on Sunday, the army said.")["Sunday"] == ("DATE", "2023-10-29")


def test_weekday_in_a_future_sentence_is_the_next_one(nlp):
    assert parsed(nlp, "The minister will visit Cairo on Thursday.")["Thursday"] == ("DATE", "2023-11-02")
    assert parsed(nlp, "The minister is scheduled to visit Cairo on Thursday.")["Thursday"] == ("DATE", "2023-11-02")


def test_a_bound_of_what_was_told_in_the_past_lies_behind(nlp):
    """'as late as Friday night, he was still saying': a bound of a past state, not a limit ahead; 'as soon as'
    still looks ahead."""
    got = parsed(nlp, "However, as late as Friday night, he was still saying that the forum was taking place.")
    assert got["Friday night"] == ("TIME", "2023-10-27TNI")
    assert parsed(nlp, "The mayor said the plant could reopen as soon as Friday.")["Friday"] == ("DATE", "2023-11-03")


def test_a_date_its_own_when_clause_tells_takes_that_clause_direction(nlp):
    """'from Friday, when the speaker told reporters' is the Friday before, though the sentence is in the present;
    'dates back to March, when the council raised fares' is the March before."""
    got = parsed(nlp, "Any optimism is a step forward from Friday, when the speaker told reporters there was no progress.")
    assert got["Friday"] == ("DATE", "2023-10-27")
    assert parsed(nlp, "The dispute dates back to March, when the council raised fares.")["March"] == ("DATE", "2023-03")
    assert parsed(nlp, "The vote is on Tuesday, when lawmakers will return.")["Tuesday"] == ("DATE", "2023-10-31")


def test_a_date_naming_a_thing_a_past_event_followed_lies_behind(nlp):
    """'passed after the Dec. 5 attacks' (published 30 October): the attacks came before a past act, so the Dec. 5
    before publication; 'prepared for the Dec. 5 vote' says nothing of it, and the nearest Dec. 5 is ahead."""
    assert parsed(nlp, "The law was passed after the Dec. 5 attacks.")["Dec. 5"] == ("DATE", "2022-12-05")
    assert parsed(nlp, "Officials prepared for the Dec. 5 vote.")["Dec. 5"] == ("DATE", "2023-12-05")


def test_weekday_named_on_the_day_of_publication_is_that_day(nlp):
    assert parsed(nlp, "The company said Monday it would cut jobs.")["Monday"] == ("DATE", "2023-10-30")


def test_weekday_with_last_and_next():
    got = values("He arrived last Friday and leaves next Friday.")
    assert got["last Friday"] == ("DATE", "2023-10-27")
    assert got["next Friday"] == ("DATE", "2023-11-03")


def test_weekday_with_part_of_day_is_a_time(nlp):
    assert parsed(nlp, "Rockets were fired on Monday morning.")["Monday morning"] == ("TIME", "2023-10-30TMO")


def test_weekday_beside_a_date_picks_the_year_the_weekday_fits():
    assert values("The vote was held on Saturday, Oct. 29, after weeks of delay.")["Saturday, Oct. 29"][1] == "2022-10-29"


def test_tense_without_a_parse_comes_from_auxiliaries():
    assert values("The talks will resume on Wednesday.", sdoc=None)["Wednesday"][1] == "2023-11-01"
    assert values("The talks collapsed on Wednesday.", sdoc=None)["Wednesday"][1] == "2023-10-25"


# ---------------------------------------------------------------- weeks, months, years relative to publication

def test_relative_weeks_months_and_years():
    got = values("Last week the bank raised rates; this week it paused. Last month prices fell. "
                 "Earlier this year the index peaked, and next year it may recover.")
    assert got["Last week"] == ("DATE", "2023-W43")
    assert got["this week"] == ("DATE", "2023-W44")
    assert got["Last month"] == ("DATE", "2023-09")
    assert got["Earlier this year"] == ("DATE", "2023")
    assert got["next year"] == ("DATE", "2024")


def test_month_without_a_year_takes_its_year_from_tense(nlp):
    assert parsed(nlp, "The ceasefire collapsed in August.")["August"] == ("DATE", "2023-08")
    assert parsed(nlp, "The ceasefire collapsed in December.")["December"] == ("DATE", "2022-12")
    assert parsed(nlp, "Elections will be held in December.")["December"] == ("DATE", "2023-12")


def test_past_sentence_in_january_about_august_means_last_year(nlp):
    assert parsed(nlp, "The deal was signed in August.", "2024-01-15")["August"][1] == "2023-08"


def test_deadline_after_by_is_the_nearest_date(nlp):
    assert parsed(nlp, "The court ordered that the boy be returned by Nov. 14.")["Nov. 14"][1] == "2023-11-14"


# ---------------------------------------------------------------- calendar dates

@pytest.mark.parametrize("phrase,value", [
    ("10 September", "2023-09-10"), ("September 10", "2023-09-10"), ("Oct. 7", "2023-10-07"),
    ("October 7th", "2023-10-07"), ("7th of October", "2023-10-07"), ("October 7, 2022", "2022-10-07"),
    ("September 2023", "2023-09"), ("Sept. 2021", "2021-09"), ("2023-10-29", "2023-10-29"),
])
def test_calendar_dates(phrase, value):
    text = f"The attack happened on {phrase} near the border."
    assert values(text)[phrase] == ("DATE", value)


def test_part_of_a_named_day_is_a_time():
    assert values("Sirens sounded on the afternoon of 10 September.")["the afternoon of 10 September"] == ("TIME", "2023-09-10TAF")


def test_years_and_decades():
    got = values("The group has ruled since 2006; in 2020 it lost ground, unlike in the 1990s.")
    assert got["2006"] == ("DATE", "2006")
    assert got["2020"] == ("DATE", "2020")
    assert got["the 1990s"] == ("DATE", "199")


def test_numbers_of_things_are_not_years():
    assert values("About 2,000 people and 1,500 soldiers marched; 1990 protesters were held.") == {}
    assert values("Mora completed 29 of 34 passes for 1099 yards.") == {}    # "for" measures as well as dates
    assert "1999" not in values("The mill ran at full speed for 1999 tonnes of steel.")
    assert values("One in every 1007 Windows users saw the attack.") == {}


def test_clock_time_takes_the_date_when_known():
    got = values("The statement was issued at 11:55 AM EDT on Sunday.")
    assert got["11:55 AM EDT on Sunday"] == ("TIME", "2023-10-29T11:55")
    assert values("Polls close at 8 p.m.")["8 p.m."] == ("TIME", "2023-10-30T20:00")


def test_fiscal_quarters_and_halves(nlp):
    got = parsed(nlp, "Profit rose in the third quarter, after a weak first half of 2022.")
    assert got["the third quarter"] == ("DATE", "2023-Q3")
    assert got["first half of 2022"] == ("DATE", "2022-H1")
    assert values("Third-quarter sales fell.")["Third-quarter"][1] == "2023-Q3"


def test_a_year_earlier_in_a_quarterly_report_is_that_quarter_a_year_before():
    got = values("Net income in the third quarter was $5 million, up from $4 million a year earlier.")
    assert got["a year earlier"] == ("DATE", "2022-Q3")


def test_seasons():
    got = values("Fighting intensified this summer and may resume in the spring of 2024.")
    assert got["this summer"] == ("DATE", "2023-SU")
    assert got["the spring of 2024"] == ("DATE", "2024-SP")


# ---------------------------------------------------------------- days relative to publication

def test_yesterday_today_tomorrow_tonight_and_this_morning():
    got = values("Yesterday the army withdrew. Today it returned; this morning shells fell, "
                 "and talks resume tomorrow. A vote is due tonight.")
    assert got["Yesterday"] == ("DATE", "2023-10-29")
    assert got["Today"] == ("DATE", "2023-10-30")
    assert got["this morning"] == ("TIME", "2023-10-30TMO")
    assert got["tomorrow"] == ("DATE", "2023-10-31")
    assert got["tonight"] == ("TIME", "2023-10-30TNI")


def test_two_days_later_counts_from_the_last_date_mentioned():
    got = values("The strike began on Oct. 7. Two days later, the army called up reservists.")
    assert got["Two days later"] == ("DATE", "2023-10-09")


def test_today_inside_a_quotation_is_no_point_to_count_from():
    """'"Already did that earlier today," he said' quotes a day the text may not give: 'a week later' counts from the
    last date the report itself gives (Oct. 3), not from publication."""
    got = values("WikiLeaks wrote to him on Oct. 3.\n\n\u201cAlready did that earlier today,\u201d he said in "
                 "response.\n\nIn a message a week later, WikiLeaks asked him to tweet a link.")
    assert got["a week later"] == ("DATE", "2023-W41")
    assert values("The minister arrived today. Two days later, she left.")["Two days later"] == ("DATE", "2023-11-01")


def test_years_later_count_from_the_last_year_mentioned():
    """'the hearing in 1991 ... two years later' is 1993, not two years after publication."""
    got = values("The hearing in 1991 ended in a 52-48 split. Another justice was confirmed 96-3 two years later.")
    assert got["two years later"] == ("DATE", "1993")
    assert values("The plant opened on Oct. 3, 2014. A year later, it closed.")["A year later"] == ("DATE", "2015")


def test_units_ago():
    got = values("Ten days ago the border closed; three years ago it was open.")
    assert got["Ten days ago"] == ("DATE", "2023-10-20")
    assert got["three years ago"] == ("DATE", "2020")


def test_present_past_and_future_references():
    got = values("The town is now quiet and currently under curfew. It was recently shelled. "
                 "Previously, it had been calm. Aid will arrive soon, and more in the future.")
    assert got["now"] == ("DATE", "PRESENT_REF")
    assert got["currently"] == ("DATE", "PRESENT_REF")
    assert got["recently"] == ("DATE", "PAST_REF")
    assert got["Previously"] == ("DATE", "PAST_REF")
    assert got["soon"] == ("DATE", "FUTURE_REF")
    assert got["the future"] == ("DATE", "FUTURE_REF")


def test_not_times_as_soon_as_and_adjectival_previously():
    got = values("He will leave as soon as possible under a previously agreed plan.")
    assert got == {}


# ---------------------------------------------------------------- durations and sets

@pytest.mark.parametrize("text,phrase,value", [
    ("after three weeks of warfare", "three weeks", "P3W"),
    ("They fought for several days.", "several days", "PXD"),
    ("The siege lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
    ("a meeting of two hours", "two hours", "PT2H"),
    ("a 10-year plan", "10-year", "P10Y"),
    ("over the past four months", "the past four months", "P4M"),
    ("It took half an hour.", "half an hour", "PT30M"),
    ("for decades", "decades", "PXDE"),
])
def test_durations(text, phrase, value):
    assert values(text)[phrase] == ("DURATION", value)


def test_ages_are_not_durations():
    assert values("A 6-year-old boy was found.") == {}


@pytest.mark.parametrize("text,phrase,value", [
    ("The report is published each year.", "each year", "P1Y"),
    ("The magazine appears weekly.", "weekly", "P1W"),
    ("Protesters gather every Monday.", "every Monday", "XXXX-WXX-1"),
    ("They meet twice a month.", "twice a month", "P1M"),
    ("The plant makes $5 million a year.", "a year", "P1Y"),
    ("Trains run daily.", "daily", "P1D"),
])
def test_sets(text, phrase, value):
    assert values(text)[phrase] == ("SET", value)


# ---------------------------------------------------------------- without an anchor, offsets, the stage

def test_no_publication_date_resolves_only_absolute_expressions():
    got = values("On Sunday, a day after Oct. 7, 2023, and yesterday too, now in May.", None)
    assert got["Oct. 7, 2023"] == ("DATE", "2023-10-07")
    assert got["Sunday"] == ("DATE", "XXXX-WXX-7")
    assert got["May"] == ("DATE", "XXXX-05")
    assert "yesterday" not in got
    assert got["now"] == ("DATE", "PRESENT_REF")
    assert find_times("d", "", None) == []


def test_anchor_is_the_date_part_of_the_publication_time():
    assert str(anchor_date("2023-10-30T23:55:00-04:00")) == "2023-10-30"
    assert anchor_date("not a date") is None and anchor_date(None) is None


def test_time_granularity():
    assert [time_granularity(v) for v in ("2023", "2023-10", "2023-W43", "2023-10-29", "2023-10-29T11:55", "2023-Q3")] == [
        "year", "month", "week", "day", "minute", "year"]


def test_component_fills_the_record(nlp):
    text = "Officials met on Sunday in Doha."
    doc = SimpleNamespace(id="d7", text=text, published="2023-10-30")
    record = SimpleNamespace(times=[])
    component(doc, nlp(text), record, None)
    assert [(t.doc, t.text, t.value) for t in record.times] == [("d7", "Sunday", "2023-10-29")]


PHRASES = ["on Sunday", "last week", "in August", "10 September", "three weeks", "since 2006", "yesterday",
           "11:55 AM EDT", "every Monday", "the third quarter", "two days later", "the 1990s", "now", "Oct. 7th"]
WORDS = st.sampled_from(["the", "army", "said", "2,000", "people", "May", "fall", "1990", "a", "-", ",", "day",
                         "Monday", "of", "\n", "5", "p.m.", "year", "old", "years", "ago", "in"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(WORDS, st.sampled_from(PHRASES)), max_size=30), st.sampled_from([PUB, None, "1999-02-28"]))
def test_offsets_are_exact_and_spans_do_not_overlap(parts, published):
    text = " ".join(parts)
    times = find_times("d", text, published)
    for t in times:
        assert text[t.start:t.end] == t.text and t.value
    spans = sorted((t.start, t.end) for t in times)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


# ---------------------------------------------------------------- tense cues that the parse alone misses

def test_a_plan_told_in_the_past_perfect_has_no_direction(nlp):
    assert parsed(nlp, "The offer had been scheduled to expire on Friday.")["Friday"][1] == "2023-10-27"


def test_a_bare_participle_places_its_date_behind(nlp):
    got = parsed(nlp, "They said they would appeal the ruling, announced Wednesday by the court.")
    assert got["Wednesday"][1] == "2023-10-25"


def test_setting_a_date_looks_ahead_but_a_record_set_lies_behind(nlp):
    assert parsed(nlp, "The council has set Thursday as the deadline for bids.")["Thursday"][1] == "2023-11-02"
    assert parsed(nlp, "The index closed near the record set on Aug. 6.", "2024-02-06")["Aug. 6"][1] == "2023-08-06"


def test_a_date_naming_a_thing_takes_the_nearest_year(nlp):
    assert parsed(nlp, "Police gave no reason for the Nov. 9 deadline.")["Nov. 9"][1] == "2023-11-09"


def test_to_marks_a_limit_only_after_a_verb_that_moves_a_date(nlp):
    assert parsed(nlp, "He bought the shares from Oct. 2 to Thursday.")["Thursday"][1] == "2023-10-26"
    assert parsed(nlp, "In contrast to Thursday, when police fired tear gas, the crowd was calm.")["Thursday"][1] == "2023-10-26"
    assert parsed(nlp, "The vote was postponed to Thursday.")["Thursday"][1] == "2023-11-02"


def test_a_limit_granted_in_a_past_clause_lies_ahead(nlp):
    got = parsed(nlp, "The agency extended its deadline until 9 a.m. Wednesday.")
    assert got["9 a.m. Wednesday"] == ("TIME", "2023-11-01T09:00")


# ---------------------------------------------------------------- references back to what was just said

def test_that_year_is_the_year_just_mentioned():
    got = values("Exports reached $3 million in 2019, a small share of all trade that year.")
    assert got["that year"] == ("DATE", "2019")


def test_the_previous_friday_counts_from_the_day_just_mentioned():
    got = values("Shares closed at 52 on Friday, down 3% from the previous Friday.")
    assert got["the previous Friday"] == ("DATE", "2023-10-20")


def test_the_week_of_a_date_is_that_week(nlp):
    assert parsed(nlp, "Hearings will resume the week of Nov. 6.")["the week of Nov. 6"] == ("DATE", "2023-W45")


def test_two_quarters_from_either_end_of_a_year_are_its_half():
    assert values("Losses will last through the first two quarters of 2024.")["the first two quarters of 2024"] == ("DATE", "2024-H1")


def test_the_year_ended_a_date_is_twelve_months_and_the_full_year_is_this_year():
    got = values("Sales in the year ended March 31 rose. The firm forecast higher profit for the full year.")
    assert got["the year"] == ("DURATION", "P1Y")
    assert got["the full year"] == ("DATE", "2023")


def test_an_earlier_quarter_named_in_passing_does_not_replace_the_reported_one():
    got = values("Profit rose in the third quarter after a weak second quarter. "
                 "The quarter-to-quarter gain was helped by charges taken in the year-earlier period.")
    assert got["the year-earlier period"] == ("DATE", "2022-Q3")
    assert "The quarter" not in got
    got = values("Acme's third-quarter profit rose. Bolt reported a loss for the fiscal second quarter, "
                 "and sales in the latest period fell.")
    assert got["the latest period"] == ("DATE", "2023-Q2")


def test_the_day_before_a_named_day_counts_from_that_day():
    got = values("The day before last Tuesday's hearing, the two brothers met.")
    assert got["The day before last Tuesday"] == ("DATE", "2023-10-23")


def test_coordinated_weekdays_share_their_verb(nlp):
    got = parsed(nlp, "Following are statements made Friday and Thursday by the lawyers.")
    assert (got["Friday"][1], got["Thursday"][1]) == ("2023-10-27", "2023-10-26")


def test_a_record_set_on_a_date_lies_behind(nlp):
    got = parsed(nlp, "Stocks rose, leaving the index within 70 points of its record high set on Aug. 6.", "2024-02-06")
    assert got["Aug. 6"][1] == "2023-08-06"


def test_months_naming_when_a_thing_was_made_and_early_seasons():
    assert values("The firm agreed under a June agreement to sell.")["June"] == ("DATE", "2023-06")
    assert "Jan" not in values("Jan Smith and April Ryan spoke.")
    assert values("Sales rose from the low levels of the early summer.")["the early summer"] == ("DATE", "2023-SU")


def test_seasons_with_spelled_years_and_this_past():
    assert values("It was the coldest since the winter of nineteen ninety-four.")["the winter of nineteen ninety-four"] == ("DATE", "1994-WI")
    assert values("Machine orders rose this past spring.")["this past spring"] == ("DATE", "2023-SP")
    assert values("Machine orders rose this past fall.", "2024-01-20")["this past fall"] == ("DATE", "2023-FA")


def test_a_march_with_a_name_is_a_procession_and_the_long_run_is_an_idiom():
    got = find_times("d", "She led the March of the Combatant Mothers in March.", PUB)
    assert [(t.text, t.start) for t in got] == [("March", 46)]
    assert values("In the long run, prices will fall.") == {}


# ---------------------------------------------------------------- a report of past events stays in the past

def test_a_thing_a_future_clause_answers_takes_the_nearest_date_not_next_year(nlp):
    # published 2023-10-26: the raid of October 7 is nineteen days old, not a year ahead
    text = "The army has vowed to crush the militia in response to a raid on October 7, which killed nine guards."
    assert parsed(nlp, text, "2023-10-26")["October 7"] == ("DATE", "2023-10-07")
    text = "The army has vowed to crush the militia in response to a raid on October 7 near the border."
    assert parsed(nlp, text, "2023-10-26")["October 7"] == ("DATE", "2023-10-07")


def test_next_and_plans_still_look_ahead_in_a_past_report(nlp):
    got = parsed(nlp, "The ministry said the envoy is slated to return on November 3 and leave next Friday.", "2023-10-26")
    assert got["November 3"] == ("DATE", "2023-11-03")
    assert got["next Friday"] == ("DATE", "2023-10-27")


YEARLESS = ["on {md}", "in {mo}", "in early {mo}", "in mid-{mo}", "on {wd}", "{wd} morning", "in the {season}",
            "last {season}", "this past {season}", "on {hol}", "in the {nth} quarter", "in Q{q}", "on the morning of {md}",
            "the week of {md}", "over the weekend", "the day before {md}", "this month", "this week", "this year"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
       st.sampled_from(YEARLESS), st.sampled_from(MONTH_NAMES), st.integers(1, 28),
       st.sampled_from(["Monday", "Wednesday", "Friday", "Sunday"]), st.sampled_from(["spring", "summer", "fall", "winter"]),
       st.sampled_from(["Christmas", "Easter", "Thanksgiving", "Halloween", "Labor Day"]),
       st.sampled_from(["first", "second", "third", "fourth"]), st.integers(1, 4),
       st.sampled_from(["The rebels attacked the town {e}, officials said.", "The talks collapsed {e}."]))
def test_a_past_clause_never_lands_after_publication(anchor, form, mo, d, wd, season, hol, nth, q, sentence):
    text = sentence.format(e=form.format(md=f"{mo} {d}", mo=mo, wd=wd, season=season, hol=hol, nth=nth, q=q))
    for t in find_times("d", text, anchor.isoformat()):
        first = value_date(t.value)
        assert first is None or first <= anchor, (text, t)


# -- the rules' prefilter: a rule skipped for a text could not have matched in it

def test_fold_maps_every_character_a_case_blind_pattern_takes_for_an_ascii_letter():
    import re
    import sys

    from newsprism.extract.times import FOLD

    letter = re.compile(r"[a-z]", re.I)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if letter.fullmatch(ch):
            assert FOLD.get(code, ch) in "abcdefghijklmnopqrstuvwxyz" and re.fullmatch(FOLD.get(code, ch), ch, re.I)


def test_rules_skipped_by_their_required_words_find_nothing_they_would_have_found():
    from newsprism.extract.times import RULES, candidates, required_words

    weekday = next(r for r in RULES if r.name == "weekday")
    assert "monday" in required_words(weekday.pattern)
    texts = ["Talks resumed on Monday and will end by the first quarter of 2024.",
             "İstanbul, MONDAY: the 1990s, ſunday, a \u212aelvin day-long strike, Q3 2023, three years ago.",
             "No date here at all.", ""]
    for text in texts:
        every = [(m.start(), m.end(), r.name) for r in RULES for m in r.pattern.finditer(text)
                 if m.end() > m.start() and (r.accept is None or r.accept(m, text))]
        assert [(s, e, r.name) for s, e, r, _ in candidates(text)] == every
