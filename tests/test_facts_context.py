"""What the ledger reads about each report: where its lede (the first sentence, which carries the news) ends."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism.align.facts.context import lede_end


def test_the_lede_is_the_first_sentence_with_the_headline_and_dateline_above_it():
    text = ("Harbour fire destroys old warehouse\n\nBy Ana Vel\n\nA fire destroyed the old harbour warehouse in "
            "Tarnby early on Sunday, police said. Nobody was hurt.")
    assert text[:lede_end(text, 8)].endswith("police said.")


def test_an_abbreviation_or_a_short_line_does_not_end_the_lede():
    text = "Dec. 9 2008\nTara Vel of St. Ives checked into a clinic in Malibu on Tuesday. She is resting."
    assert text[:lede_end(text, 8)].endswith("on Tuesday.")


def test_a_report_without_a_full_sentence_is_all_lede():
    assert lede_end("Fire in Tarnby\nSee pictures", 8) == len("Fire in Tarnby\nSee pictures")


@given(st.text())
def test_the_lede_ends_inside_the_text(text):
    assert 0 <= lede_end(text, 8) <= len(text)


def test_the_head_of_a_noun_phrase_ends_before_its_first_preposition():
    from newsprism.align.facts.context import head_word
    assert head_word("Online petitions against the visit") == "petition"
    assert head_word("The trade delegation, led by the minister") == "delegation"
    assert head_word("the fifth operation conducted by the frigate") == "operation"
    assert head_word("Under Armour") == "armour"    # a name's capitalized word is no preposition
