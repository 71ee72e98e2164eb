"""Who says so and how firmly: sources from grammar, and the modality of a clause."""
from __future__ import annotations

from newsprism.extract.attribution import modality, source_for, sources_in


def main_verb_source(nlp, text, verb):
    sent = next(nlp(text).sents)
    tok = next(t for t in sent if t.text == verb)
    src = source_for(tok, sources_in(sent))
    return src.text if src else None


def test_according_to_covers_the_sentence(nlp):
    assert main_verb_source(nlp, "According to Tass, the envoy arrived in Valdora on Monday.", "arrived") == "Tass"


def test_as_reported_by_names_the_publisher(nlp):
    text = "Councillor Brandt was among those who attended the hearing, as reported by the Harbour Gazette."
    assert main_verb_source(nlp, text, "was") == "the Harbour Gazette"


def test_reporting_verb_covers_its_complement_not_itself(nlp):
    text = "Mayor Ilse Varga said that the port would close for a week."
    assert main_verb_source(nlp, text, "close") == "Mayor Ilse Varga"
    assert main_verb_source(nlp, text, "said") is None


def test_inverted_reporting_after_a_quote(nlp):
    text = "\u201cThe lease was signed in secret,\u201d said a statement from the ministry."
    assert main_verb_source(nlp, text, "signed") == "a statement from the ministry"


def test_according_to_inside_a_relative_clause_covers_only_that_clause(nlp):
    text = "The council vowed to respond to the fire, which, according to the police, destroyed six homes."
    assert main_verb_source(nlp, text, "destroyed") == "the police"
    assert main_verb_source(nlp, text, "vowed") is None


def mod(nlp, text, verb, attributed=False):
    sent = next(nlp(text).sents)
    return modality(next(t for t in sent if t.text == verb), sent, attributed)


def test_modalities(nlp):
    assert mod(nlp, "The minister visited the port.", "visited") == "asserted"
    assert mod(nlp, "The minister visited the port.", "visited", attributed=True) == "reported"
    assert mod(nlp, "The minister reportedly visited the port.", "visited") == "hedged"
    assert mod(nlp, "The minister may have visited the port.", "visited") == "hedged"
    assert mod(nlp, "The minister did not visit the port.", "visit") == "denied"
    assert mod(nlp, "There are no plans for a meeting with the mayor.", "are") == "denied"
    assert mod(nlp, "Did the minister visit the port?", "visit") == "question"
    assert mod(nlp, "The council should cancel the lease.", "cancel") == "opinion"
    assert mod(nlp, "We believe the lease is a mistake.", "believe") == "opinion"
