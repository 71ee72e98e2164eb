"""Who appears with whom: sentence co-occurrence and a deterministic layout."""
from present_sample import build

from newsprism.present.network import build_network, cooccurrence, sentence_starts


def test_sentences_split_after_end_punctuation():
    text = 'He said "Go." Then she left! New line?\n\nNext one'
    starts = sentence_starts(text)
    assert [text[s:s + 4] for s in starts] == ["He s", "Then", "New ", "Next"]


def test_entities_in_one_sentence_are_linked():
    a = build()
    pairs = cooccurrence(a)
    # "PORT ELLIS — Mayor Ana Pop said ..." is one sentence; the Harbor Times is named in the next
    assert pairs[("e1", "e2")] == 1
    assert ("e1", "e3") not in pairs


def test_layout_is_deterministic_and_inside_the_frame():
    a = build()
    one, two = build_network(a), build_network(a)
    assert [(n.id, n.x, n.y) for n in one.nodes] == [(n.id, n.x, n.y) for n in two.nodes]
    assert {n.id for n in one.nodes} == {"e1", "e2"}  # entities without a partner are left out
    for n in one.nodes:
        assert 0 <= n.x <= one.width and 0 <= n.y <= one.height


def test_empty_analysis_has_an_empty_network():
    from newsprism.model import Analysis

    net = build_network(Analysis())
    assert net.nodes == [] and net.edges == []
