"""The pure pieces of eval/facts_ecbplus.py: carrying spans into cleaned text, anchoring claims at gold event
mentions, our clusters and the lemma baselines, cross-document pairs. Hand-made inputs only."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import facts_ecbplus as F  # noqa: E402
from coref_scores import chains, conll  # noqa: E402

CLASSES = {"slay": "kill", "murder": "kill", "oust": "expel", "expel": "expel"}
NOUNS = {"quake": "disaster", "killing": "kill"}


def gives(lemma: str, predicate: str) -> bool:
    return F.lemma_gives(lemma, predicate, lambda x: CLASSES.get(x, x), NOUNS)


def claim(cid, doc, start, end, predicate):
    return {"id": cid, "doc": doc, "start": start, "end": end, "predicate": predicate}


def mention(mid, doc, start, end, *lemmas, chain="x", topic=1, subtopic="1a"):
    return {"id": mid, "doc": doc, "start": start, "end": end, "lemmas": list(lemmas), "lemma": lemmas[0],
            "chain": chain, "topic": topic, "subtopic": subtopic}


def test_spans_follow_kept_lines_and_drop_with_dropped_lines():
    orig = "Storm hits coast .\nMay 2 , 2011\nThe storm killed two ."
    cleaned = "Storm hits coast .\n\nThe storm killed two ."
    blocks = F.line_blocks(orig, cleaned)
    s = orig.index("killed")
    got = F.map_span(blocks, s, s + len("killed"))
    assert got is not None and cleaned[got[0]:got[1]] == "killed"
    d = orig.index("May")
    assert F.map_span(blocks, d, d + 3) is None


def test_a_line_found_only_inside_a_longer_line_is_not_kept():
    orig = "Storm kills two\nThe Storm kills two people ."     # a headline the cleaner dropped
    cleaned = "The Storm kills two people ."
    blocks = F.line_blocks(orig, cleaned)
    assert F.map_span(blocks, 0, 5) is None
    s = orig.index("people")
    assert F.map_span(blocks, s, s + 6) == (cleaned.index("people"), cleaned.index("people") + 6)


def test_a_lemma_gives_a_predicate_through_its_class_an_event_noun_or_a_request():
    assert gives("murder", "kill")
    assert gives("killing", "kill")                # event noun
    assert gives("quake", "disaster")
    assert gives("oust", "call for expel")         # "called for the expulsion": the class after "call for"
    assert gives("check", "check")                 # a verb outside every class is its own class
    assert not gives("murder", "say")
    assert not gives("", "kill")


def test_a_claim_anchors_at_the_qualifying_mention_nearest_its_centre():
    c = claim("c1", "d1", 0, 40, "kill")
    near, far = mention("m1", "d1", 18, 24, "murder"), mention("m2", "d1", 2, 8, "slay")
    other_lemma = mention("m3", "d1", 19, 22, "say")
    anchors, _ = F.anchor_claims([c], [far, near, other_lemma], gives)
    assert anchors == {"c1": "m1"}


def test_a_mention_outside_the_span_or_in_another_document_is_not_taken():
    c = claim("c1", "d1", 10, 20, "kill")
    outside = mention("m1", "d1", 18, 24, "murder")    # runs past the claim's end
    elsewhere = mention("m2", "d2", 12, 16, "murder")
    anchors, _ = F.anchor_claims([c], [outside, elsewhere], gives)
    assert anchors == {}


def test_a_mention_keeps_the_shortest_claim_that_chose_it():
    long_c, short_c = claim("c1", "d1", 0, 60, "kill"), claim("c2", "d1", 10, 30, "kill")
    m = mention("m1", "d1", 15, 21, "murder")
    anchors, stats = F.anchor_claims([long_c, short_c], [m], gives)
    assert anchors == {"c2": "m1"}
    assert stats["claims_losing_their_mention"] == 1


def test_a_claim_in_two_facts_is_counted_and_keeps_the_first():
    facts = [{"id": "f1", "positions": [{"claims": ["c1", "c2"]}, {"claims": ["c3"]}]},
             {"id": "f2", "positions": [{"claims": ["c2", "c4"]}]}]
    fact_of, twice = F.fact_of_claims(facts)
    assert fact_of == {"c1": "f1", "c2": "f1", "c3": "f1", "c4": "f2"}
    assert twice == 1


def test_the_lemma_baseline_splits_by_topic_or_subtopic():
    ms = [mention("a", "d1", 0, 1, "strike", subtopic="1a"), mention("b", "d2", 0, 1, "strike", subtopic="1b"),
          mention("c", "d3", 0, 1, "strike", topic=2, subtopic="2a"), mention("d", "d1", 5, 6, "fire")]
    by_topic = chains(F.lemma_baseline(ms, "topic"))
    assert sorted(map(sorted, by_topic)) == [["a", "b"], ["c"], ["d"]]
    by_sub = chains(F.lemma_baseline(ms, "subtopic"))
    assert sorted(map(sorted, by_sub)) == [["a"], ["b"], ["c"], ["d"]]
    assert sorted(map(sorted, chains(F.singletons(ms)))) == [["a"], ["b"], ["c"], ["d"]]


def test_the_lemma_baseline_scores_one_when_gold_follows_the_lemma():
    ms = [mention("a", "d1", 0, 1, "strike", chain="s"), mention("b", "d2", 0, 1, "strike", chain="s"),
          mention("c", "d2", 4, 5, "fire", chain="f")]
    key = chains({m["id"]: m["chain"] for m in ms})
    assert conll(key, chains(F.lemma_baseline(ms, "topic")))["conll_f1"] == pytest.approx(1.0)


def test_cross_document_pairs_skip_a_document_with_itself():
    chain_of = {"m1": "A", "m2": "A", "m3": "B", "m4": "A"}
    members = [("d1", "m1"), ("d1", "m4"), ("d2", "m2"), ("d3", "m3")]
    n, good, wrong = F.cross_doc_pairs(members, chain_of)
    assert n == 5                                   # 6 pairs less d1 with d1
    assert good == 2                                # m1-m2, m4-m2
    assert sorted(wrong) == [(0, 3), (1, 3), (2, 3)]


def test_a_verb_with_the_particle_of_its_mention_gives_the_phrasal_class():
    phrasal = {("check", "into"): ("enter", "into")}
    assert F.lemma_gives("check into", "enter", lambda x: x, {}, phrasal)
    assert not F.lemma_gives("check", "enter", lambda x: x, {}, phrasal)        # 'checked out' enters nothing
    assert not F.lemma_gives("check out", "enter", lambda x: x, {}, phrasal)


def test_a_verb_and_a_particle_the_lexicon_does_not_know_is_given_by_its_verb():
    phrasal = {("check", "into"): ("enter", "into")}
    assert F.lemma_gives("take", "take over", lambda x: x, {}, phrasal)          # gold head of 'took over'
    assert F.lemma_gives("take over", "take over", lambda x: x, {}, phrasal)
    assert not F.lemma_gives("take off", "take over", lambda x: x, {}, phrasal)
    assert not F.lemma_gives("take", "take", lambda x: "seize", {}, phrasal)    # classes still apply alone
    assert not F.lemma_gives("hold", "hold captive", lambda x: x, {}, phrasal)  # 'captive' is no particle


def test_ledger_blocks_join_one_sense_of_one_storyline_with_no_participant_evidence():
    from test_facts import Corpus

    c = Corpus()
    c.claim("a", "The fire destroyed the old dairy warehouse.", predicate="destroy", subject_text="The fire",
            object_text="the old dairy warehouse", tense="past")
    c.claim("b", "A blaze destroyed the building.", predicate="destroy", subject_text="A blaze",
            object_text="the building", tense="past")
    c.claim("b", "The owner will rebuild it.", predicate="rebuild", subject_text="The owner", object_text="it",
            tense="future")
    c.claim("b", "Whether it was arson is unclear.", predicate="be", subject_text="it", tense="present")
    analysis = c.analysis().to_dict()
    ids = [x.id for x in c.claims]
    got = F.ledger_blocks(7, analysis, {cid: f"m{k}" for k, cid in enumerate(ids)})
    assert got["m0"] == got["m1"]                  # 'the fire' / 'a blaze', nothing tying them: one block all the same
    assert got["m2"] != got["m0"] and "planned" in got["m2"]     # another sense, and not done yet
    assert got["m3"] == f"7|{ids[3]}"             # no act: a cluster of its own
