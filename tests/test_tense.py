"""Whether a clause tells what happened, what is going on, or what is to come."""
from __future__ import annotations

import pytest

from newsprism.extract.tense import tense_of


def tense(nlp, sentence: str, word: str):
    tok = next(t for t in nlp(sentence) if t.text == word)
    return tense_of(tok)


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
])
def test_tense_of_a_clause(nlp, sentence, word, expected):
    assert tense(nlp, sentence, word) == expected


def test_an_event_noun_marked_as_coming(nlp):
    assert tense(nlp, "Crowds gathered before the upcoming summit.", "summit") == "future"
    assert tense(nlp, "Crowds gathered after the summit.", "summit") is None
