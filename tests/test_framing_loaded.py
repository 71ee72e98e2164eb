"""Loaded language: judgment-carrying words with exact offsets, quoted ones marked."""
from __future__ import annotations

from newsprism.extract.loaded import QUOTED, density, lexicon, loaded_terms, word_count
from newsprism.extract.voices import quote_spans
from newsprism.model import Document


def terms(nlp, text: str, sources=("news",)):
    doc = Document(id="l", text=text)
    sdoc = nlp(text)
    return doc, sdoc, loaded_terms(doc, sdoc, lexicon(tuple(sources)), quote_spans(text))


def test_news_list_categories(nlp):
    text = "The regime claimed the so-called reforms worked, after a brutal crackdown and atrocities in the north."
    doc, _, found = terms(nlp, text)
    got = {t.text: t.category for t in found}
    assert got["regime"] == "news/label"
    assert got["claimed"] == "news/attribution_verb"
    assert got["so-called"] == "news/intensifier"
    assert got["brutal"] == "news/intensifier"
    assert got["atrocities"] == "news/emotive"
    for t in found:
        assert doc.text[t.start:t.end] == t.text


def test_plain_news_words_are_not_loaded(nlp):
    _, _, found = terms(nlp, "Three people were killed and two injured in the attack, police said.")
    assert found == []


def test_part_of_speech_restriction(nlp):
    # "claim" the noun is neutral; "claimed" the verb casts doubt
    _, _, found = terms(nlp, "The claim was filed on Monday.")
    assert found == []


def test_quoted_terms_are_kept_and_marked(nlp):
    _, _, found = terms(nlp, 'The minister called them "bloodthirsty thugs" on Sunday.')
    assert [t.text for t in found] == ["bloodthirsty", "thugs"]
    assert all(t.category.endswith(QUOTED) for t in found)


def test_density_is_per_hundred_words(nlp):
    doc, sdoc, found = terms(nlp, "A brutal regime. " + "Officials met in the capital today. " * 3)
    assert word_count(sdoc) == 21 and len(found) == 2
    assert density(found, word_count(sdoc)) == round(200 / 21, 3)


def test_general_lexicons_are_optional():
    # without vaderSentiment/textblob installed the news list still works; with them it only grows
    assert set(lexicon(("news",)).words) <= set(lexicon(("news", "vader", "textblob")).words) | set(lexicon(("news",)).neutral)
