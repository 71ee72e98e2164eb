"""The direction a temporal expression takes from its clause: past, present, future or none."""
from __future__ import annotations

import pytest

from newsprism.extract.tense import clause_tense, tense_from_parse, tense_from_text


def tense(nlp, text: str, phrase: str) -> str | None:
    start = text.index(phrase)
    return tense_from_parse(nlp(text), start, start + len(phrase))


@pytest.mark.parametrize("text, phrase, want", [
    ("The rebels seized the airport on May 3.", "May 3", "past"),
    ("The rebels have held the airport since May 3.", "May 3", "past"),
    ("The minister will visit Ankara on May 3.", "May 3", "future"),
    ("The minister is to visit Ankara on May 3.", "May 3", "future"),
    ("The talks are slated for May 3.", "May 3", "future"),
    ("The minister is slated to visit Ankara on May 3.", "May 3", "future"),
    ("The vote is scheduled for May 3.", "May 3", "future"),
    ("The company plans to list its shares on May 3.", "May 3", "future"),
    ("Investors expect the bank to cut rates on May 3.", "May 3", "future"),
    ("The talks are supposed to take place on May 3.", "May 3", "future"),
])
def test_the_governing_verb_gives_the_direction(nlp, text, phrase, want):
    assert tense(nlp, text, phrase) == want


def test_a_future_clause_does_not_reach_a_thing_it_answers(nlp):
    # the vow lies ahead, the attack it answers behind: the verb's future stops at "in response to"
    text = "The army has vowed to crush the militia in response to a raid on May 3 near the border."
    assert tense(nlp, text, "May 3") is None


def test_a_thing_takes_the_tense_of_its_own_clause(nlp):
    text = "The government has promised to punish those behind a raid on May 3, which killed nine guards."
    assert tense(nlp, text, "May 3") == "past"


def test_words_on_the_thing_place_it(nlp):
    assert tense(nlp, "The coming vote on May 3 worries the party.", "May 3") == "future"
    text = "Investigators will publish a report on the recent collapse on May 3 of the bridge."
    assert tense(nlp, text, "May 3") == "past"


def test_a_past_adverb_puts_a_present_clause_behind(nlp):
    assert tense(nlp, "The ban, which is already in force since May 3, covers imports.", "May 3") == "past"


def test_a_date_naming_a_thing_has_no_direction(nlp):
    assert tense(nlp, "Officials defended the May 3 deadline.", "May 3") is None


def test_without_a_parse_the_auxiliaries_decide():
    text = "The talks will resume on Wednesday."
    assert tense_from_text(text, text.index("Wednesday"), len(text) - 1) == "future"
    text = "The talks collapsed on Wednesday."
    assert tense_from_text(text, text.index("Wednesday"), len(text) - 1) == "past"
    text = "Talks on Wednesday"
    assert tense_from_text(text, text.index("Wednesday"), len(text)) is None


# -- the standing of a claim's event -------------------------------------------------------------

def standing(nlp, sentence: str, word: str):
    tok = next(t for t in nlp(sentence) if t.text == word)
    return clause_tense(tok)


@pytest.mark.parametrize("sentence, word, expected", [
    ("The envoy visited Oslo on Monday.", "visited", "past"),
    ("The envoy has visited Oslo twice.", "visited", "past"),
    ("The envoy is visiting Oslo this week.", "visiting", "present"),
    ("The envoy will visit Oslo.", "visit", "future"),
    ("Officials said the envoy is slated to visit Oslo shortly.", "visit", "future"),
    ("The minister is expected to sign the accord on Friday.", "sign", "future"),
    ("The leader is to meet the envoy on Monday.", "meet", "future"),
    ("The mayor plans to resign next month.", "resign", "future"),
    ("He said he would resign.", "resign", "future"),
    ("The group had arrived to discuss the release of the crew.", "discuss", "past"),
    ("The delegation met the minister and praised the plan.", "praised", "past"),
    # an act someone is told, asked or chosen to do is not yet done
    ("The general ordered the troops to withdraw from the town.", "withdraw", "future"),
    ("Police urged residents to leave their homes.", "leave", "future"),
    ("The gunman was chosen to kill the boss.", "kill", "future"),
    ("Witnesses named a young man who was chosen to kill the boss to win his spurs.", "kill", "future"),
    ("The minister called a news conference to announce his resignation.", "announce", "past"),
    # ... while one they were made to do was done
    ("The scandal forced the minister to resign.", "resign", "past"),
    # an infinitive on a noun of an aim or an attempt is not an act told as done
    ("Rebels shelled the port in a bid to capture the city.", "capture", "future"),
    ("The plot to kill the king failed.", "kill", "future"),
    ("Smith was the first player to score twice in a final.", "score", None),
    # 'could' with a bare verb guesses at what may come; with 'have' any guessing modal looks back
    ("Officials warned that the river could flood the town.", "flood", "future"),
    ("The suspect could face charges.", "face", "future"),
    ("The storm damaged the bridge, which may have collapsed.", "collapsed", "past"),
    ("The photo could have been sent from his account.", "sent", "past"),
    # ... but what 'could' be seen was seen, and what could not be done was not done ahead of the report
    ("Firefighters could see flames under the eaves.", "see", None),
    ("Police could not find the driver.", "find", None),
])
def test_tense_of_a_clause(nlp, sentence, word, expected):
    assert standing(nlp, sentence, word) == expected


def test_an_event_noun_marked_as_coming(nlp):
    assert standing(nlp, "Crowds gathered before the upcoming summit.", "summit") == "future"
    assert standing(nlp, "Crowds gathered after the summit.", "summit") is None
