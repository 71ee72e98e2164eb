"""Whether a report tells a person as a man or a woman: courtesy titles, words for a man or a woman before the
name, and the pronouns after the name in sentences that name that person alone."""
from __future__ import annotations

import re

from newsprism.align.facts.gender import genders


def told(text: str, names: dict[str, str]) -> dict[str, str]:
    """The genders `text` tells of the people named there (name -> entity id)."""
    mentions = sorted((m.start(), m.end(), ref) for name, ref in names.items() for m in re.finditer(name, text))
    return genders(text, mentions, frozenset(names.values()))


def test_a_courtesy_title_or_a_word_for_a_woman_before_the_name_tells_it():
    text = "Mr. Hale pleaded guilty. His wife, Sandra Hale, was charged too. Ms. Vance, the mayor, spoke."
    assert told(text, {"Hale": "hale", "Sandra Hale": "sandra", "Vance": "vance"}) == \
        {"hale": "m", "sandra": "f", "vance": "f"}


def test_pronouns_after_the_name_in_a_sentence_naming_no_one_else_tell_it():
    text = ("Rita Okafor said she would sign the bill. Okafor added that her staff had read it twice. "
            "Okafor met Paul Dunn, who said he agreed.")
    assert told(text, {"Rita Okafor": "rita", "Okafor": "rita", "Paul Dunn": "paul"}) == {"rita": "f"}


def test_a_pronoun_before_the_name_is_someone_named_before():
    """'She said Obama had a chance': she is not the one named after her; one pronoun alone tells nothing."""
    text = "She said Leo Marsh had an amazing chance, and she hoped he would take it. Leo Marsh said he would."
    assert told(text, {"Leo Marsh": "leo"}) == {}


def test_an_abbreviation_does_not_end_the_sentence():
    text = "Jesse L. Cole Jr. said he was sorry and that he would repay the money."
    assert told(text, {"Jesse L. Cole Jr.": "cole"}) == {"cole": "m"}
