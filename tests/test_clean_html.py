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


# -- what the extractor leaves out, and why (issue #17, point 4) -------------------------------------

def _reasons(x: HtmlExtract) -> dict[str, str]:
    """Each removed entry's first line -> its reason."""
    return {r.text.split("\n")[0]: r.reason for r in x.removed}


def test_every_block_the_extractor_leaves_out_is_listed_with_its_reason(ferry):
    assert _reasons(ferry) == {
        "Home": "extractor: navigation",
        "Subscribe today for unlimited access to every story.": "extractor: newsletter",
        "By Maren Oakes": "extractor: byline",
        "Reader comments": "extractor: comments",
        "Related stories": "extractor: related links",
        "Copyright 2024 Lantern Courier Media Group. All rights reserved.": "extractor: footer",
    }
    # scripts and styles are code, never text the page shows: they are not listed either
    assert not any("SCRIPT_MARKER" in r.text or "STYLE_MARKER" in r.text for r in ferry.removed)


@pytest.fixture(scope="module")
def mill() -> HtmlExtract:
    return extract_html(page("lead_and_boxes.html"), url="https://estuarychronicle.example/coast/mill")


def test_the_standfirst_inside_the_article_opens_the_text(mill):
    paragraphs = mill.text.split("\n\n")
    assert paragraphs[0] == "Tidal mill at Wrenmouth grinds flour again after 60 years"  # the line cleaner takes it
    assert paragraphs[1].startswith("Volunteers spent four winters rebuilding the oak waterwheel")
    assert paragraphs[2].startswith("The tidal mill at Wrenmouth produced its first sack")
    assert paragraphs[-1].startswith("The mill will open to visitors at weekends from May")


def test_captions_and_photo_credits_are_left_out_as_captions(mill):
    assert "The rebuilt wheel turning" not in mill.text and "Nessa Quill" not in mill.text
    assert "Millstones quarried" not in mill.text
    assert _reasons(mill)["The rebuilt wheel turning on the ebb tide last Tuesday. Photograph: Nessa Quill"] == \
        "extractor: photo caption"
    assert _reasons(mill)["Millstones quarried in the nineteenth century were recovered from a nearby farmyard."] == \
        "extractor: photo caption"


def test_read_more_box_comments_and_related_links_are_left_out_with_reasons(mill):
    for gone in ("Read more", "Ferry timetable changes", "I remember the wheel", "Saturday market", "More from Coast",
                 "Seal pup numbers", "Share on Facebook", "All rights reserved"):
        assert gone not in mill.text
    assert _reasons(mill) == {
        "The Estuary Chronicle": "extractor: boilerplate",  # the logo link in the site header
        "News": "extractor: navigation",
        "By Idris Pellow, Coast correspondent": "extractor: byline",
        "Share on Facebook Share on X Copy link": "extractor: social buttons",
        "The rebuilt wheel turning on the ebb tide last Tuesday. Photograph: Nessa Quill": "extractor: photo caption",
        "Read more": "extractor: related links",
        "Millstones quarried in the nineteenth century were recovered from a nearby farmyard.":
            "extractor: photo caption",
        "Comments (3)": "extractor: comments",
        "More from Coast": "extractor: related links",
        "© 2025 The Estuary Chronicle. All rights reserved.": "extractor: footer",
    }
    comments = next(r for r in mill.removed if r.reason == "extractor: comments")
    assert comments.text.split("\n")[1:3] == [
        "millwatcher", "I remember the wheel standing still for years when I was a child, it is wonderful news for "
                       "the whole valley."]


@pytest.fixture(scope="module")
def lido() -> HtmlExtract:
    return extract_html(page("intro_apart.html"), url="https://northgaterecord.example/local/lido")


def test_a_lead_paragraph_set_apart_under_the_headline_is_kept_first(lido):
    # the extractor keeps only the story's body box; the intro box above it is the story's first paragraph
    assert lido.text.split("\n\n")[0] == (
        "Northgate councillors voted by 31 to 9 on Wednesday night to buy the derelict Saltmarsh lido from its "
        "private owner for 1.2 million pounds, with a plan to reopen it within three summers.")
    assert lido.text.split("\n\n")[1].startswith("The art deco pool on the seafront opened in 1938")
    assert not any("Northgate councillors voted" in r.text for r in lido.removed)


def test_a_dek_under_the_headline_is_listed_as_standfirst_not_kept(lido):
    assert "The pool closed in 2016" not in lido.text
    assert _reasons(lido)["The pool closed in 2016 and has stood empty since."] == "extractor: standfirst"


def test_boxes_inside_the_story_body_are_left_out_with_reasons(lido):
    assert "Beach hut fees" not in lido.text and "The empty main pool" not in lido.text
    assert _reasons(lido) == {
        "Northgate Record": "extractor: boilerplate",
        "Local": "extractor: navigation",
        "Council votes to buy back the Saltmarsh lido": "extractor: title",
        "The pool closed in 2016 and has stood empty since.": "extractor: standfirst",
        "By Halima Orrin": "extractor: byline",
        "Read more: Beach hut fees to rise by a fifth": "extractor: related links",
        "The empty main pool, photographed from the diving stage in March.": "extractor: photo caption",
        "Join the discussion": "extractor: comments",
        "You won't believe these seaside homes": "extractor: related links",
        "Northgate Record, Quay Street, Northgate": "extractor: footer",
    }


def test_a_list_article_keeps_its_lists_in_order():
    x = extract_html(page("listicle.html"), url="https://heathsidepost.example/transport/buses")
    paragraphs = x.text.split("\n\n")
    items = [p for p in paragraphs if p.startswith("- ")]
    assert [p.split()[2] for p in items[:3]] == ["4", "9", "12"]  # "- Route 4 ...", in the page's order
    assert len(items) == 7
    assert paragraphs.index("The two new routes") == paragraphs.index(items[4]) + 1
    assert paragraphs[1].startswith("The county's bus operator is redrawing five routes")  # the lead stays
    assert _reasons(x) == {"Home Transport Sport": "extractor: navigation",
                           "Sign up to our transport newsletter": "extractor: newsletter",
                           "Heathside Post, 14 Mill Row": "extractor: footer"}


def test_a_story_split_over_several_boxes_of_one_kind_is_read_whole():
    # trafilatura keeps the first of the two story boxes; the second (after the newsletter box) comes back
    x = extract_html(page("split_body.html"), url="https://inlandwaters.example/towns/boatyards")
    paragraphs = x.text.split("\n\n")
    assert len(paragraphs) == 8
    assert paragraphs[3].startswith("Rents on the remaining yards")
    assert paragraphs[4] == ("Some owners have tried to share the cost of a dry dock between several small "
                             "businesses, with mixed results.")
    assert paragraphs[-1].startswith("The association wants the trust")
    assert "weekly briefing" not in x.text
    assert _reasons(x) == {"Home Boats Towns": "extractor: navigation",
                           "Why the canal towns are losing their boatyards": "extractor: title",
                           "Get the Inland Waters weekly briefing in your inbox every Friday morning.":
                               "extractor: newsletter",
                           "Inland Waters Review, Lock House, Tenby": "extractor: footer"}
