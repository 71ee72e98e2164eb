"""The one number parser: digits, number words and scales, and the counting phrases of time expressions."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.lexicon.numbers import ONES, TEENS, TENS, amount, digits, parse_number

WORDS = {v: k for k, v in {**ONES, **TEENS, **TENS}.items()}


def spelled(n: int) -> list[str]:
    """0 < n < 10**9 written in words as news does ("three hundred forty-one thousand ...")."""
    def below_thousand(k: int) -> list[str]:
        out = []
        if k >= 100:
            out += [WORDS[k // 100], "hundred"]
            k %= 100
        if k >= 20:
            out.append(WORDS[k - k % 10] + (f"-{WORDS[k % 10]}" if k % 10 else ""))
        elif k:
            out.append(WORDS[k])
        return out

    out = []
    for scale, name in ((1_000_000, "million"), (1_000, "thousand"), (1, "")):
        part, n = divmod(n, scale)
        if part:
            out += below_thousand(part) + ([name] if name else [])
    return out


@pytest.mark.parametrize("words, expected", [
    (["1,400"], 1400), (["1.5", "million"], 1_500_000), (["two", "dozen"], 24), (["six"], 6),
    (["716", "billion"], 716_000_000_000), (["twenty-five"], 25), (["banana"], None), ([], None),
    (["a", "million"], 1_000_000), (["3bn"], 3_000_000_000),
])
def test_parse_number_reads_digits_words_and_scales(words, expected):
    assert parse_number(words) == expected


@given(st.integers(1, 999_999_999))
def test_every_number_written_in_words_reads_back(n):
    assert parse_number(spelled(n)) == n


@given(st.integers(0, 10**12))
def test_digits_with_and_without_thousands_separators(n):
    assert digits(str(n)) == n == digits(f"{n:,}")
    assert parse_number([f"{n:,}"]) == n


@pytest.mark.parametrize("phrase, expected", [
    ("twenty-four", 24), ("Twenty four", 24), ("2 1/2", 2.5), ("2½", 2.5), ("½", 0.5), ("a couple of", 2),
    ("half an", 0.5), ("three and a half", 3.5), ("an and a half", 1.5), ("12.5", 12.5), ("several", None),
    ("dozens of", None), ("a few", None),
])
def test_amount_reads_counting_phrases(phrase, expected):
    assert amount(phrase) == expected


@given(st.integers(1, 99), st.booleans())
def test_amount_of_a_number_word_with_a_half(n, half):
    words = " ".join(spelled(n)) + (" and a half" if half else "")
    assert amount(words) == n + (0.5 if half else 0)
