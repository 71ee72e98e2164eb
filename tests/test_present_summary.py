"""The neutral brief: agreed facts quoted outlet by outlet, agreed figures named, contested ones as
"A reports …; B reports …"; no outlet credited with words it did not write."""
import re

from present_sample import build

from newsprism.config import Config
from newsprism.model import Analysis
from newsprism.present.summary import brief_lines, format_value, outlets_phrase, quote, summarize


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
    assert [s.facts for s in lines] == [["f2"], ["f2"], ["f1"]]
    first, second, contested = lines
    # each outlet is quoted in its own words, and credited with those words only
    assert first.documents == ["quay"]
    assert first.text == "Daily <b onmouseover=alert(3)>Quay</b> reports: “Mayor Ana Pop announced the north pier closure on Monday”."
    assert second.documents == ["harbor"]
    assert second.text == "Harbor Times reports: “Mayor Ana Pop said on Monday that the north pier will close for repairs”."
    assert contested.text == ("How many ships were waiting: Harbor Times reports 40 ships; "
                              "Daily <b onmouseover=alert(3)>Quay</b> reports 55 ships.")


def _quoted(text: str) -> list[str]:
    return re.findall(r"“([^”]+)”", text)


def _every_quote_is_in_every_cited_document(a: Analysis) -> None:
    for s in summarize(a, Config()):
        for words in _quoted(s.text):
            for d in s.documents:
                assert words in re.sub(r"\s+", " ", a.document(d).text), (words, d)


def test_every_quoted_sentence_is_in_every_cited_document():
    _every_quote_is_in_every_cited_document(build())
    _every_quote_is_in_every_cited_document(three_outlets())


WIRE = "The ferry Aral Star docked at Pier 3 on Tuesday after a two-day delay."
OWN = "Port officials said the Aral Star finally reached the terminal on Tuesday evening."


def three_outlets() -> Analysis:
    """Two outlets run the same wire sentence, a third says it in its own words; two agree on 12 ships."""
    texts = {"a": f"{WIRE} Twelve ships waited.", "b": f"Dockers cheered.  {WIRE}", "c": f"{OWN} 12 ships were queued."}
    outlets = {"a": "Alpha Wire", "b": "Bay Post", "c": "Coast Daily"}

    def claim(cid: str, doc: str, words: str, **kw) -> dict:
        start = texts[doc].index(words)
        return {"id": cid, "doc": doc, "start": start, "end": start + len(words), "text": words, **kw}

    ships = {"amount": 12, "unit": "ships"}
    return Analysis.model_validate({
        "documents": [{"id": d, "outlet": outlets[d], "text": t} for d, t in texts.items()],
        "claims": [claim("c1", "a", WIRE), claim("c2", "b", WIRE), claim("c3", "c", OWN),
                   claim("c4", "a", "Twelve ships waited", value=ships), claim("c5", "c", "12 ships were queued", value=ships)],
        "facts": [
            {"id": "f1", "about": "The ferry docked", "verdict": "corroborated",
             "positions": [{"value": "dock Pier 3", "claims": ["c1", "c2", "c3"], "documents": ["a", "b", "c"]}]},
            {"id": "f2", "about": "Ships waiting", "verdict": "corroborated",
             "positions": [{"value": "12 ships", "claims": ["c4", "c5"], "documents": ["a", "c"]}]},
        ],
    }).bind()


def test_one_quotation_per_outlet_and_shared_words_credit_every_outlet_that_printed_them():
    lines = [s for s in summarize(three_outlets(), Config()) if s.facts == ["f1"]]
    assert [(s.documents, _quoted(s.text)) for s in lines] == [
        (["a", "b"], [WIRE]),      # the wire copy, printed word for word by both
        (["c"], [OWN]),
    ]
    assert lines[0].text.startswith("Alpha Wire and Bay Post report: “")
    assert lines[1].text.startswith("Coast Daily reports: “")


def test_the_same_words_are_not_repeated():
    a = build()
    dup = a.facts[1].model_copy(update={"id": "f5"})
    a.facts.append(dup)
    a.bind()
    assert [s.facts for s in summarize(a, Config())] == [["f2"], ["f2"], ["f1"]]


def test_brief_lines_join_the_sentences_of_one_fact():
    lines = brief_lines(summarize(three_outlets(), Config()))
    assert [docs for _, docs in lines] == [["a", "b", "c"], ["a", "c"]]
    assert "Alpha Wire reports: “Twelve ships waited”. Coast Daily reports: “12 ships were queued”." == lines[1][0]
    assert lines[0][0].startswith("Alpha Wire and Bay Post report: “") and "Coast Daily reports: “" in lines[0][0]

