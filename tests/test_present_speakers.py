from reader_sample import IDS, build

from newsprism.present.speakers import Speakers, is_pronoun

A = build()


def test_a_pronoun_is_named_from_its_paragraph():
    c = A.claim("c8")
    assert Speakers(A).name(c.doc, c.start, None, "He") == "Ana Pop"


def test_an_unresolvable_pronoun_is_left_out_and_entities_are_named():
    sp = Speakers(A)
    assert sp.name(IDS[1], 0, None, "She") is None
    assert sp.name(IDS[0], 10, "e4", "the ministry") == "Harbour Ministry"
    assert sp.name(IDS[0], 10, None, "the port authority") == "the port authority"
    assert is_pronoun(" They ") and not is_pronoun("Theo")
