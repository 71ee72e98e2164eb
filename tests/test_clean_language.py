"""detect_language: ISO 639-1 among the configured languages, None when there is nothing to go on."""
from __future__ import annotations

from newsprism.clean.language import detect_language

ENGLISH = "The harbour authority said on Tuesday that the strike had cost the port millions of euros."
GERMAN = "Der Stadtrat hat am Dienstagabend nach langer Debatte den Haushalt für das kommende Jahr beschlossen."
RUSSIAN = "Городской совет во вторник вечером после долгих споров утвердил бюджет на следующий год."
FRENCH = "Le conseil municipal a adopté mardi soir le budget de l'année prochaine après un long débat."


def test_languages_of_whole_sentences():
    assert detect_language(ENGLISH) == "en"
    assert detect_language(GERMAN) == "de"
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language(FRENCH) == "fr"


def test_numbers_and_symbols_have_no_language():
    assert detect_language("12 345 678 -- 2024/03/12 ++ 99%") is None
    assert detect_language("") is None


def test_only_configured_languages_are_candidates():
    # With English and Russian as the only candidates, German text cannot come out as "de".
    assert detect_language(GERMAN, ["en", "ru"]) in ("en", None)
    assert detect_language(RUSSIAN, ["en", "ru"]) == "ru"


def test_single_configured_language_is_that_language():
    assert detect_language(ENGLISH, ["en"]) == "en"


def test_a_long_article_is_judged_by_its_opening():
    # The detector reads a bounded prefix: a long English article with a German appendix is English.
    assert detect_language(" ".join([ENGLISH] * 15 + [GERMAN] * 60)) == "en"
    assert detect_language(" ".join([RUSSIAN] * 40)) == "ru"
