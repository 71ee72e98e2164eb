"""How firmly a clause is stated."""
from __future__ import annotations

from newsprism.extract.modality import modality


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


def test_a_verb_that_says_its_complement_did_not_happen_denies_it(nlp):
    assert mod(nlp, "The council refused to pay the contractor.", "pay") == "denied"
    assert mod(nlp, "The guards failed to stop the convoy.", "stop") == "denied"
    assert mod(nlp, "The guards managed to stop the convoy.", "stop") == "asserted"


def test_what_a_denial_governs_is_told_as_not_done(nlp):
    assert mod(nlp, "The envoy denied personally speaking to the mayor.", "speaking") == "denied"
    assert mod(nlp, "The envoy denied that he had met the mayor.", "met") == "denied"
    assert mod(nlp, "The envoy said that he had met the mayor.", "met") == "asserted"


def test_a_bare_verb_joined_to_another_shares_its_auxiliaries(nlp):
    """'may have been closed or dismantled': the dismantling is as uncertain as the closing; 'did not stop or slow
    down' denies both. A verb with its own auxiliary or a finite verb of its own keeps its own standing."""
    assert mod(nlp, "Some plants may have been closed or dismantled years ago.", "dismantled") == "hedged"
    assert mod(nlp, "The driver did not stop or slow down.", "slow") == "denied"
    assert mod(nlp, "Police arrested the man but did not charge him.", "arrested") == "asserted"
    assert mod(nlp, "He was not hurt and walked away.", "walked") == "asserted"
    assert mod(nlp, "Tarvel is not yours to play with, show some respect.", "show") == "asserted"
