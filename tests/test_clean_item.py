"""clean_item: a raw item becomes a Document with a clean body and metadata, or a ReadError."""
from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean import clean_item
from newsprism.config import Config
from newsprism.model import Document
from newsprism.read.base import RawItem, ReadError

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
CFG = Config()


def item(name: str, **given) -> RawItem:
    path = FIXTURES / name
    return RawItem(source=str(path), kind="text", text=path.read_text(encoding="utf-8"), stem=path.stem, **given)


def test_text_item_becomes_a_document_with_metadata_from_the_page():
    doc = clean_item(item("wire_story.txt"), CFG)
    assert isinstance(doc, Document)
    assert doc.id == "" and doc.source.endswith("wire_story.txt") and doc.sources == [doc.source]
    assert doc.title == "Harbour strike enters second week as talks stall"
    assert doc.author == "Ingrid Solberg and Tomas Reyes"
    assert doc.published == "2024-03-12T09:14:00+00:00"
    assert doc.outlet == "The Valmora Courier"
    assert doc.language == "en"
    assert doc.text.startswith("Dock workers in Valmora vow to stay out until wages rise\n\nCranes stood idle")
    assert {r.reason for r in doc.removed} >= {"title", "byline", "dateline", "boilerplate: advertisement"}


def test_given_metadata_wins_over_what_the_page_says():
    doc = clean_item(item("wire_story.txt", id="doc-7", author="Desk Editor", published="2024-03-13",
                          outlet="Coastal Wire", url="https://example.org/strike"), CFG)
    assert (doc.id, doc.author, doc.published, doc.outlet, doc.url) == \
        ("doc-7", "Desk Editor", "2024-03-13", "Coastal Wire", "https://example.org/strike")
    assert doc.title == "Harbour strike enters second week as talks stall"  # not given: read from the page


def test_given_title_is_removed_from_the_body():
    doc = clean_item(item("wire_story.txt", title="Harbour strike enters second week as talks stall"), CFG)
    assert "Harbour strike enters second week" not in doc.text
    assert any(r.reason == "title" for r in doc.removed)


def test_non_english_text_is_kept_with_its_language():
    doc = clean_item(item("german_report.txt"), CFG)
    assert isinstance(doc, Document)
    assert doc.language == "de"
    assert doc.published == "2024-03-12"
    assert doc.text.startswith("Der Stadtrat hat am Dienstagabend")


def test_language_detection_can_be_switched_off():
    cfg = Config.load(overrides={"language.detect": False})
    assert clean_item(item("german_report.txt"), cfg).language is None


def test_text_that_is_all_chrome_is_a_read_error():
    raw = RawItem(source="feed.txt", kind="text", text="Share this article\nFollow us on Twitter\nAdvertisement\n")
    result = clean_item(raw, CFG)
    assert isinstance(result, ReadError)
    assert result.source == "feed.txt"
    assert result.reason == "no article text after cleaning (0 chars)"


def test_text_shorter_than_the_minimum_is_a_read_error():
    raw = RawItem(source="short.txt", kind="text", text="Talks resumed on Monday.")
    result = clean_item(raw, CFG)
    assert isinstance(result, ReadError) and "(24 chars)" in result.reason


@dataclass
class FakeExtract:
    text: str
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None


def test_html_goes_through_extract_html_and_then_line_cleaning(monkeypatch):
    calls = []

    def extract_html(html: str, url: Optional[str] = None, headline_overlap: float = 0.6,
                     min_sentence_chars: int = 40) -> FakeExtract:
        calls.append((html, url))
        return FakeExtract(
            text="Ferry service resumes\n\nThe first ferry left at dawn on Monday with 200 passengers.\n\n"
                 "Share this article\n\nThe harbour master said the\u00a0schedule would be normal by Friday.",
            title="Ferry service resumes", author="Ruth Amsel", published="2024-02-05T06:00:00+00:00",
            outlet="Harbour Daily", url="https://harbour.example/ferry", language="en")

    monkeypatch.setitem(sys.modules, "newsprism.clean.html", types.SimpleNamespace(extract_html=extract_html))
    raw = RawItem(source="page.html", kind="html", html="<html>…</html>", url="https://harbour.example/ferry?ref=x")
    doc = clean_item(raw, CFG)
    assert calls == [("<html>…</html>", "https://harbour.example/ferry?ref=x")]
    assert (doc.title, doc.author, doc.outlet) == ("Ferry service resumes", "Ruth Amsel", "Harbour Daily")
    assert doc.published == "2024-02-05T06:00:00+00:00"
    assert doc.url == "https://harbour.example/ferry?ref=x"  # the input's URL wins
    assert doc.text == ("The first ferry left at dawn on Monday with 200 passengers.\n\n"
                        "The harbour master said the schedule would be normal by Friday.")


def test_extracted_html_keeps_lines_the_article_repeats(monkeypatch):
    # An extractor has already dropped the page's furniture: a list item printed under two
    # headings is the article's own, whereas scraped text loses the second copy.
    body = ("Ferries resume across the bay after the storm damaged two piers last week.\n\n"
            "Morning\n\n- Leaves at 7:15 from Pier 2\n\nEvening\n\n- Leaves at 7:15 from Pier 2")

    def extract_html(html: str, url: Optional[str] = None, headline_overlap: float = 0.6,
                     min_sentence_chars: int = 40) -> FakeExtract:
        return FakeExtract(text=body, title="Ferries resume")

    monkeypatch.setitem(sys.modules, "newsprism.clean.html", types.SimpleNamespace(extract_html=extract_html))
    doc = clean_item(RawItem(source="page.html", kind="html", html="<html>…</html>"), CFG)
    assert doc.text.count("- Leaves at 7:15 from Pier 2") == 2
    scraped = clean_item(RawItem(source="page.txt", kind="text", text=body), CFG)
    assert scraped.text.count("- Leaves at 7:15 from Pier 2") == 1


def test_html_that_cannot_be_extracted_is_a_read_error(monkeypatch):
    def extract_html(html: str, url: Optional[str] = None, headline_overlap: float = 0.6,
                     min_sentence_chars: int = 40):
        raise ValueError("no body")

    monkeypatch.setitem(sys.modules, "newsprism.clean.html", types.SimpleNamespace(extract_html=extract_html))
    result = clean_item(RawItem(source="bad.html", kind="html", html="<"), CFG)
    assert isinstance(result, ReadError) and "no body" in result.reason


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400))
def test_property_clean_item_never_raises_on_arbitrary_text(text):
    result = clean_item(RawItem(source="any.txt", kind="text", text=text), CFG)
    assert isinstance(result, (Document, ReadError))
    if isinstance(result, Document):
        assert len(result.text) >= CFG.read.min_chars


ARTICLE = ("Harbour pilots in Port Ellis ended their strike on Friday after the port authority agreed to hire twelve "
           "more pilots, the union said. Ships that had waited outside the breakwater for four days began to enter "
           "the harbour on Friday evening, a spokeswoman for the authority said.")


def test_a_page_too_deep_for_the_extractor_keeps_its_visible_text_with_a_note():
    html = ("<html><head><title>Pilots end strike</title></head><body>" + "<div>" * 5000 + f"<p>{ARTICLE}</p>"
            + "</div>" * 5000 + "</body></html>")
    doc = clean_item(RawItem(source="deep.html", kind="html", html=html), CFG)
    assert isinstance(doc, Document) and doc.text == ARTICLE and doc.title == "Pilots end strike"
    assert doc.notes == ["no article found by the HTML extractor: the page's visible text was cleaned instead"]


def test_an_unclosed_title_does_not_swallow_the_article():
    html = f"<html><head><title>Pilots end strike<body><div><p>{ARTICLE}<p>Ferries sailed again on Saturday, the operator said."
    doc = clean_item(RawItem(source="unclosed.html", kind="html", html=html), CFG)
    assert isinstance(doc, Document) and doc.title == "Pilots end strike"
    assert doc.text.startswith("Harbour pilots") and "Ferries sailed again" in doc.text and "<" not in doc.text


def test_a_consent_banner_or_a_paywall_alone_is_not_an_article():
    banner = ("<html><body><div class='consent'><p>We use cookies and similar technologies to improve your experience "
              "and to show you personalised content.</p><p>By clicking Accept all, you agree to our use of cookies as "
              "described in our privacy policy.</p><button>Accept all</button><button>Manage preferences</button>"
              "</div></body></html>")
    paywall = ("<html><body><article><h1>Pilots end strike</h1><p>Subscribe to continue reading this article.</p>"
               "<p>Already a subscriber? Sign in to your account.</p><p>Subscribe now for unlimited access to our "
               "journalism.</p></article></body></html>")
    for name, html in (("banner.html", banner), ("paywall.html", paywall)):
        result = clean_item(RawItem(source=name, kind="html", html=html), CFG)
        assert result == ReadError(name, "only cookie-consent and subscription text, no article text")
    with_article = paywall.replace("<p>Subscribe to", f"<p>{ARTICLE}</p><p>Subscribe to")
    assert isinstance(clean_item(RawItem(source="ok.html", kind="html", html=with_article), CFG), Document)


def test_how_the_input_was_read_stays_on_the_document():
    doc = clean_item(RawItem(source="a.txt", kind="text", text=ARTICLE, notes=["3 NUL bytes removed"]), CFG)
    assert doc.notes == ["3 NUL bytes removed"]


def test_a_pages_removed_lists_what_the_extractor_left_out_then_what_the_line_cleaner_took():
    path = Path(__file__).parent / "fixtures" / "html" / "intro_apart.html"
    doc = clean_item(RawItem(source=str(path), kind="html", html=path.read_text(encoding="utf-8"),
                             url="https://northgaterecord.example/local/lido"), CFG)
    assert isinstance(doc, Document)
    reasons = [r.reason for r in doc.removed]
    extractor = [r for r in reasons if r.startswith("extractor: ")]
    assert reasons[:len(extractor)] == extractor  # the extractor's blocks first, in page order
    assert reasons[len(extractor):] == ["photo credit"]  # "Photograph: ..." under the body, by the line cleaner
    assert doc.text.startswith("Northgate councillors voted by 31 to 9")  # the lead paragraph the extractor dropped
    assert all(r.text not in doc.text for r in doc.removed)
