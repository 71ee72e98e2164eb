"""Compact per-document records: local ids and the entity under a span."""
from newsprism.model import Entity, Mention
from newsprism.records import DocRecord, entity_at, is_local_id, local_id

TEXT = "Mayor Ilse Varga met the harbour board. Varga's deputy spoke later."


def _mention(words: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Mention(doc="d", start=start, end=start + len(words), text=words, label="PERSON")


def _record() -> DocRecord:
    varga = Entity(id=local_id("d", 1), name="Ilse Varga", type="PERSON",
                   mentions=[_mention("Ilse Varga"), _mention("Varga", 1)])
    board = Entity(id=local_id("d", 2), name="harbour board", type="ORG", mentions=[_mention("harbour board")])
    return DocRecord(doc="d", entities=[varga, board])


def test_local_ids_name_the_document_and_a_number():
    assert local_id("d", 3) == "d@3"
    assert is_local_id("d@3") and not is_local_id("Ilse Varga") and not is_local_id("a@b")


def test_entity_at_takes_the_mention_overlapping_the_span_most():
    record = _record()
    deputy = TEXT.index("Varga's deputy")
    assert entity_at(record, deputy, deputy + len("Varga's deputy")) == "d@1"
    board = TEXT.index("the harbour board")
    assert entity_at(record, board, board + len("the harbour board")) == "d@2"


def test_entity_at_is_none_where_no_mention_overlaps():
    assert entity_at(_record(), 0, 0) is None
    met = TEXT.index("met")
    assert entity_at(_record(), met, met + 3) is None
