"""Per-document entity clusters: ids in order of first mention, exact offsets, an acronym joined to the
name it spells."""
from __future__ import annotations

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

