"""Quotations: one reader for claims and framing."""
from __future__ import annotations

from hypothesis import given, strategies as st

from newsprism.extract.quotes import inside, quote_spans


def spans_of(text):
    return [text[a:b] for a, b in quote_spans(text)]


def test_marks_pair_within_a_paragraph_and_a_stray_mark_swallows_nothing():
    text = 'He said "yes" and left.\nA stray " mark.\n\u201cNo,\u201d she said.'
    assert spans_of(text) == ['"yes"', "\u201cNo,\u201d"]


def test_apostrophes_are_no_quote_ends_and_nested_quotes_belong_to_the_outer_one():
    text = 'She said: "The pier is open." The Jonas\u2019 boat crews called it \u201ca \u2018temporary\u2019 repair\u201d.'
    assert spans_of(text) == ['"The pier is open."', "\u201ca \u2018temporary\u2019 repair\u201d"]


def test_inside_means_wholly_within_one_quotation():
    text = 'The mayor called it "a disgrace" on Monday.'
    [(a, b)] = quote_spans(text)
    assert inside([(a, b)], a + 1, b - 1) and not inside([(a, b)], 0, b)


@given(st.text(alphabet='ab "\u201c\u201d\u2018\u2019\n.', max_size=80))
def test_spans_are_ordered_disjoint_and_open_and_close_with_marks(text):
    spans = quote_spans(text)
    assert spans == sorted(spans)
    for (a, b), (c, _) in zip(spans, spans[1:]):
        assert b <= c
    for a, b in spans:
        assert text[a] in '"\u201c\u00ab\u201e\u2018' and text[b - 1] in '"\u201d\u00bb\u201c\u2019'
