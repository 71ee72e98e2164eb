"""One story cut out of a larger analysis keeps everything that rests on its documents."""
import pytest
from present_sample import build

from newsprism.model import Analysis
from newsprism.present.subset import restrict, story_family


def _with_extra_story() -> Analysis:
    a = build()
    data = a.to_dict()
    data["documents"].append({"id": "other", "text": "Unrelated report about a bridge.", "outlet": "Else"})
    data["stories"].append({"id": "s9", "title": "Bridge", "documents": ["other"]})
    data["claims"].append({"id": "c9", "doc": "other", "start": 0, "end": 9, "text": "Unrelated"})
    data["facts"].append({"id": "f9", "story": "s9", "about": "bridge", "verdict": "single_source",
                          "positions": [{"value": "x", "claims": ["c9"], "documents": ["other"]}]})
    return Analysis.from_dict(data)


def test_a_storyline_brings_its_events():
    a = build()
    assert [s.id for s in story_family(a, "s2")] == ["s1", "s2"]
    assert [s.id for s in story_family(a, "s1")] == ["s1"]


def test_restrict_keeps_only_the_story():
    sub = restrict(_with_extra_story(), "s2")
    assert [d.id for d in sub.documents] == ["harbor", "quay"]
    assert "f9" not in {f.id for f in sub.facts} and "c9" not in {c.id for c in sub.claims}
    assert {f.id for f in sub.facts} == {"f1", "f2", "f3", "f4"}
    # every reference still resolves inside the cut
    for f in sub.facts:
        for p in f.positions:
            assert all(c.doc in {"harbor", "quay"} for c in p.claim_objects)


def test_an_event_becomes_the_root_of_its_cut():
    sub = restrict(build(), "s1")
    assert [(s.id, s.parent) for s in sub.stories] == [("s1", None)]


def test_unknown_story_is_a_key_error():
    with pytest.raises(KeyError):
        restrict(build(), "nope")
