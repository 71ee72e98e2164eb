"""extract_html: the article body and the page's own metadata, from any HTML, without raising."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsprism.clean.html import HtmlExtract, extract_html

PAGES = Path(__file__).resolve().parent / "fixtures" / "html"


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ferry() -> HtmlExtract:
    return extract_html(page("full_article.html"), url="https://www.lanterncourier.example/local/ferry")


def test_body_paragraphs_are_separated_by_a_blank_line(ferry):
    paragraphs = ferry.text.split("\n\n")
    assert any(p.startswith("The only ferry linking Gull Island") for p in paragraphs)
    assert any(p.startswith("About 340 people live on the island") for p in paragraphs)
    assert "\n\n\n" not in ferry.text
    assert all(p == p.strip() and p for p in paragraphs)


def test_navigation_comments_related_links_and_footer_are_left_out(ferry):
    for boilerplate in ("Subscribe today", "COMMENT_MARKER", "Harbour fees rise again", "All rights reserved"):
        assert boilerplate not in ferry.text


def test_scripts_and_styles_never_reach_the_text(ferry):
    assert "SCRIPT_MARKER" not in ferry.text
    assert "trackingMarker" not in ferry.text
    assert "STYLE_MARKER" not in ferry.text


def test_metadata_comes_from_the_page(ferry):
    assert ferry.title == "Ferry service to Gull Island suspended after storm damage"
    assert ferry.author == "Maren Oakes"
    assert ferry.outlet == "The Lantern Courier"  # og:site_name wins over the JSON-LD publisher
    assert ferry.language == "en"
    assert ferry.description.startswith("The island's only ferry")
    # the canonical URL the page declares
    assert ferry.url == "https://www.lanterncourier.example/local/2024/03/05/gull-island-ferry"


def test_published_keeps_time_and_offset_from_article_published_time(ferry):
    # the URL holds a date too; the page's own timestamp is preferred because it has the time
    assert ferry.published == "2024-03-05T09:30:00+01:00"


def test_outlet_author_and_date_only_from_json_ld():
    x = extract_html(page("jsonld_publisher.html"), url="https://valleyledger.example/news/market")
    assert x.outlet == "Valley Ledger"
    assert x.author == "Tobias Fenwright"
    assert x.published == "2023-11-14"  # a date without time stays a date
    assert "Saturday market in the town square" in x.text


def test_a_page_without_a_date_has_none_never_today():
    x = extract_html(page("undated.html"), url="https://www.squashgrowers.example/guides/storage")
    assert x.published is None
    assert date.today().isoformat() not in (x.published or "")
    assert x.outlet == "squashgrowers.example"  # no site name anywhere: the host without "www."
    assert "Winter squash keeps for months" in x.text


def test_no_url_and_no_site_name_leaves_outlet_unknown():
    assert extract_html(page("undated.html")).outlet is None


def test_time_without_offset_is_kept_and_midnight_means_a_date():
    head = '<html><head><meta property="article:published_time" content="{}"></head><body>{}</body></html>'
    body = "<article><p>" + "A council meeting ran late into the evening on the budget. " * 5 + "</p></article>"
    assert extract_html(head.format("2022-06-01T18:45:00", body)).published == "2022-06-01T18:45:00"
    assert extract_html(head.format("2022-06-01T00:00:00", body)).published == "2022-06-01"


def test_short_article_is_rescued_by_the_recall_pass():
    # a body without article markup: precision mode alone keeps too little of it
    paragraphs = "".join(
        f"<div class='x{i}'><span>Paragraph {i} of the report says the harbour works ran over budget by {i} percent.</span></div>"
        for i in range(12)
    )
    x = extract_html(f"<html><body><div id='wrap'>{paragraphs}</div></body></html>")
    assert x.text.count("harbour works ran over budget") >= 6


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n ",
        "<<<>>>",
        "<html><body><p>An unclosed paragraph <b>with bold <i>and italics",
        "\x00\x01 binary \ufffd junk \x7f",
        "<p>Just a fragment with one short sentence in it.</p>",
        "<html><head><script>while(true){}</script></head></html>",
        "<html><body><table><tr><td>cell</td></table></tr></body></html>",
    ],
)
def test_malformed_html_never_raises(html):
    x = extract_html(html)
    assert isinstance(x, HtmlExtract)
    assert isinstance(x.text, str)
    assert "while(true)" not in x.text


def test_a_bare_fragment_still_gives_its_text():
    assert extract_html("<p>Just a fragment with one short sentence in it.</p>").text == (
        "Just a fragment with one short sentence in it."
    )


def test_code_inside_a_title_or_headline_is_not_part_of_the_title():
    page = ("<html><head><title><script>alert(1)</script>Pilots end strike</title></head><body><article>"
            "<h1>Pilots <script>alert(2)</script>end strike</h1><p>" + "Harbour pilots ended their strike on Friday. " * 8
            + "</p></article></body></html>")
    x = extract_html(page)
    assert x.title and "alert" not in x.title and "Pilots" in x.title
    assert "alert" not in x.text
