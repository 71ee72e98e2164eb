"""Per-document entity clusters: ids in order of first mention, exact offsets, an acronym joined to the
name it spells, and the entity at a span."""
from __future__ import annotations

from newsprism.resolve.mentions import entity_at

from mention_texts import ARTICLE, by_name, record  # noqa: F401 (fixtures)


def test_offsets_are_exact_and_ids_follow_first_mention(record):
    firsts = []
    for n, e in enumerate(record.entities):
        assert e.id == f"d1@{n}"
        assert e.documents == ["d1"]
        for m in e.mentions:
            assert ARTICLE[m.start:m.end] == m.text
        firsts.append(min(m.start for m in e.mentions))
    assert firsts == sorted(firsts)


def test_acronym_joins_the_spelled_out_name(record):
    nato = by_name(record, "North Atlantic Treaty Organization")
    assert {m.text for m in nato.mentions} == {"NATO", "North Atlantic Treaty Organization"}


def test_entity_at_finds_the_entity_overlapping_a_span(record):
    start = ARTICLE.index("Kuleba's spokesman")
    assert entity_at(record, start, start + len("Kuleba's spokesman")) == by_name(record, "Dmytro Kuleba").id
    assert entity_at(record, 0, 0) is None
