"""Genre from visible features, with the features kept beside the verdict."""
from __future__ import annotations

from newsprism.config import Config
from newsprism.extract.framing import framing_of
from newsprism.extract.genre import classify
from newsprism.model import Document
from newsprism.records import DocRecord
from newsprism.resolve import mentions

NEWS = """The city council of Brennford approved a new harbour budget on Tuesday, officials said.
The plan allocates 40 million euros to dredging and a new ferry terminal, according to the council's statement.
"The harbour is the heart of our economy," said Mayor Julia Brandt after the vote.
Opposition members said that the costs had been underestimated and asked for an independent review.
The terminal is expected to open in 2027, the port authority said in a statement.
Construction firms will be able to bid from March, the council added.
Local fishermen welcomed the dredging, while environmental groups said they would study the plan."""

OPINION = """Why do we keep pouring money into a harbour nobody uses?
I have watched this council waste our taxes for a decade, and I am tired of it.
The new budget is a shameless gift to construction firms, and plainly nobody checked the numbers.
We should demand an independent review. The council must stop treating citizens as fools!
Is there anyone left at city hall who reads a balance sheet? It seems not.
It is time for voters to remember this shameful decision at the next election."""


def genre_of(nlp, text: str, title: str):
    doc = Document(id="g", text=text, title=title)
    sdoc = nlp(text)
    record = DocRecord(doc="g")
    mentions.component(doc, sdoc, record, Config())
    return framing_of(doc, sdoc, record, Config())


def test_news_piece(nlp):
    f = genre_of(nlp, NEWS, "Brennford approves harbour budget")
    assert f.genre == "news"
    assert f.genre_features["attributed_share"] > 0.5
    assert f.genre_features["first_person_singular"] == 0.0  # "our" inside the mayor's quote does not count


def test_opinion_piece(nlp):
    f = genre_of(nlp, OPINION, "A harbour to nowhere?")
    assert f.genre == "opinion"
    feats = f.genre_features
    assert feats["first_person_singular"] > 0 and feats["first_person_plural"] > 0
    assert feats["rhetorical_questions"] > 0 and feats["exclamations"] > 0
    assert feats["obligation_modals"] > 0 and feats["headline_question"] == 1.0
    assert feats["opinion_score"] > 0.35


def test_rules_for_other_kinds():
    base = {"words": 300.0}
    assert classify({"words": 20.0}) == "other"
    assert classify({**base, "press_release_markers": 2.0}) == "press_release"
    assert classify({**base, "analysis_markers": 1.0}) == "analysis"
    assert classify(base) == "news"
