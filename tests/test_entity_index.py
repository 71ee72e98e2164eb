"""Which entity the words at an offset name."""
from __future__ import annotations

from newsprism.extract.entity_index import EntityIndex
from newsprism.model import Entity, Mention
from newsprism.records import DocRecord


def _record() -> DocRecord:
    record = DocRecord(doc="d1")
    record.entities = [Entity(id="d1#e1", name="Mara Quill", type="PERSON",
                              mentions=[Mention(doc="d1", start=0, end=10, text="Mara Quill")]),
                       Entity(id="d1#e2", name="Larkspur", type="GPE",
                              mentions=[Mention(doc="d1", start=20, end=28, text="Larkspur")])]
    return record


def test_within_lists_the_mentions_wholly_inside_a_span():
    index = EntityIndex(_record())
    assert [r[2] for r in index.within(0, 30)] == ["d1#e1", "d1#e2"]
    assert [r[2] for r in index.within(5, 30)] == ["d1#e2"]


def test_at_finds_the_mention_covering_a_token(nlp):
    doc = nlp("Mara Quill went to Larkspur today.")
    index = EntityIndex(_record())
    assert index.at(doc[1])[2] == "d1#e1"
    assert index.at(doc[2]) is None
