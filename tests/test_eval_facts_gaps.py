"""eval/facts_gaps.py: the first cause that keeps two gold-linked claims apart, and the ledger's two story levels."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import facts_gaps as G  # noqa: E402

ANALYSIS = {"documents": [{"id": d, "text": "x"} for d in "abcd"], "entities": [], "claims": [], "facts": [],
            "times": [], "stories": [{"id": "s1", "documents": ["a", "b"], "parent": "s3"},
                                     {"id": "s2", "documents": ["c"], "parent": "s3"},
                                     {"id": "s3", "documents": ["a", "b", "c"], "parent": None},
                                     {"id": "s4", "documents": ["d"], "parent": None}]}


def test_each_document_has_the_event_and_storyline_the_ledger_reads():
    finest, root = G.ledger_stories(ANALYSIS)
    assert finest == {"a": "s1", "b": "s1", "c": "s2", "d": "s4"}
    assert root == {"a": "s3", "b": "s3", "c": "s3", "d": "s4"}


def test_the_first_cause_that_applies_is_counted():
    finest, root = G.ledger_stories(ANALYSIS)
    a, c, d = {"id": "x", "doc": "a"}, {"id": "y", "doc": "c"}, {"id": "z", "doc": "d"}
    same, done = ("kill", "kill"), ("actual", "actual")
    assert G.cause(a, c, same, done, {}, finest, root, {"y"}) == "held by a figure fact"
    assert G.cause(a, c, ("kill", "die"), done, {}, finest, root, set()) == "sense differs"
    assert G.cause(a, c, same, ("actual", "planned"), {}, finest, root, set()) == "standing differs"
    assert G.cause(a, d, same, done, {}, finest, root, set()) == "storylines differ"
    assert G.cause(a, c, same, done, {}, finest, root, set()) == "events of one storyline differ"
    b = {"id": "w", "doc": "b"}
    assert G.cause(a, b, same, done, {}, finest, root, set()) == "same sense, neither in a fact"
    assert G.cause(a, b, same, done, {"x": "f1"}, finest, root, set()) == "same sense, held by other facts"


def test_a_figure_fact_is_one_whose_positions_hold_numbers():
    """A figure several reports give holds its claims; a single-source figure is no reason two claims sit apart."""
    counted = {"verdict": "corroborated", "positions": [{"normalized": 7}], "claims": ["x"]}
    event = {"verdict": "corroborated", "positions": [{"normalized": "sentence"}], "claims": ["y"]}
    assert G.figure_held([counted, event, dict(counted, verdict="single_source", claims=["z"])]) == {"x"}


def test_a_claims_sense_is_the_one_the_ledger_blocks_it_by():
    """'A woman was killed by a driver' is read as her death, as 'A woman died' is; a clause of no act has none."""
    text = "A woman was killed by a driver. A woman died. There it is."
    claims = [{"id": "c1", "doc": "a", "start": 0, "end": 30, "text": text[:30], "predicate": "kill",
               "object_text": "A woman", "subject_text": "a driver", "tense": "past"},
              {"id": "c2", "doc": "a", "start": 32, "end": 44, "text": text[32:44], "predicate": "die",
               "subject_text": "A woman", "tense": "past"},
              {"id": "c3", "doc": "a", "start": 46, "end": 57, "text": text[46:57], "predicate": "be", "tense": "present"}]
    analysis = dict(ANALYSIS, documents=[{"id": "a", "text": text}], stories=[], claims=claims)
    assert G.senses(analysis, ["c1", "c2", "c3"]) == {"c1": "die", "c2": "die", "c3": None}
