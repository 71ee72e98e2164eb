"""The neutral brief: agreed facts quoted with their sources, contested ones as "A reports …; B reports …"."""
from present_sample import build

from newsprism.present.summary import format_value, outlets_phrase, quote, summarize
from newsprism.config import Config


def test_values_in_words():
    assert format_value({"amount": 1400, "qualifier": ">", "unit": "people killed"}) == "more than 1,400 people killed"
    assert format_value({"min": 1000, "max": 9999, "unit": "people"}) == "1,000–9,999 people"
    assert format_value("three weeks") == "three weeks"
    assert format_value(None) == ""


def test_quotes_are_not_doubled():
    assert quote("“We will stay,” she said") == "“We will stay,’ she said”"
    assert quote("  the pier will close,  ") == "“the pier will close”"


def test_outlets_are_listed_once_in_order():
    a = build()
    assert outlets_phrase(a, ["harbor", "harbor"]) == "Harbor Times"
    assert outlets_phrase(a, ["harbor", "quay"]) == "Harbor Times and Daily <b onmouseover=alert(3)>Quay</b>"


def test_brief_puts_agreement_first_then_contested_values():
    a = build()
    lines = summarize(a, Config())
    assert [s.facts for s in lines] == [["f2"], ["f1"]]
    agreed, contested = lines
    assert agreed.documents == ["harbor", "quay"]
    assert agreed.text.startswith("Harbor Times and Daily")
    assert "“Mayor Ana Pop announced the north pier closure on Monday”" in agreed.text  # a document's own words
    assert contested.text == ("How many ships were waiting: Harbor Times reports 40 ships; "
                              "Daily <b onmouseover=alert(3)>Quay</b> reports 55 ships.")


def test_every_quoted_sentence_is_in_a_cited_document():
    a = build()
    for s in summarize(a, Config()):
        if "“" in s.text:
            words = s.text.split("“", 1)[1].rsplit("”", 1)[0]
            assert any(words in a.document(d).text for d in s.documents)


def test_the_same_words_are_not_repeated():
    a = build()
    dup = a.facts[1].model_copy(update={"id": "f5"})
    a.facts.append(dup)
    a.bind()
    assert [s.facts for s in summarize(a, Config())] == [["f2"], ["f1"]]
