"""normalize_text: one spelling of spaces and line ends, and nothing else changes."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean.normalize import normalize_text


def test_odd_spaces_fold_to_one_plain_space():
    text = "Talks\u00a0resume\u2009in\u202fthe\u3000capital\tagain"
    assert normalize_text(text) == "Talks resume in the capital again"


def test_zero_width_characters_are_removed():
    assert normalize_text("cease\u200bfire and\u2060 a soft\u00adhyphen\ufeff") == "ceasefire and a softhyphen"


def test_runs_of_spaces_collapse_and_trailing_spaces_go():
    assert normalize_text("The   minister  spoke.   \nThen  left. ") == "The minister spoke.\nThen left."


def test_line_ends_become_newlines():
    assert normalize_text("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"


def test_many_blank_lines_become_one():
    assert normalize_text("first\n\n\n\n\nsecond\n \n\t\n\nthird") == "first\n\nsecond\n\nthird"


def test_single_blank_line_between_paragraphs_is_kept():
    assert normalize_text("first\n\nsecond\nthird") == "first\n\nsecond\nthird"


def test_text_is_nfc_and_curly_quotes_stay():
    decomposed = "Cafe\u0301 owner said \u201cno\u201d and it\u2019s final"
    out = normalize_text(decomposed)
    assert out == "Caf\u00e9 owner said \u201cno\u201d and it\u2019s final"
    assert unicodedata.is_normalized("NFC", out)


_ALPHABET = st.sampled_from(list("ab é\u0301\n\r\t\u00a0\u2003\u200b\u202f\u3000\u00ad.\u201c\u201d")) | st.characters()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
