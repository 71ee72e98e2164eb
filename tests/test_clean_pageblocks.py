"""pageblocks: every block of a page the extractor left out is listed with its reason, read from
the same lxml tree; a lead paragraph the extractor dropped comes back."""
from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from newsprism.clean.pageblocks import BOILERPLATE, audit_page, dropped_blocks, page_blocks

BODY = ("The harbour board approved the new breakwater on Tuesday after a two-year inquiry into "
        "the winter storms.")


def page(inner: str) -> str:
    return f"<html><body>{inner}<article><p>{BODY}</p></article></body></html>"


def reasons(html: str, kept: str = BODY) -> list[tuple[str, str]]:
    return [(r.reason, r.text) for r in dropped_blocks(load_html(html), kept, 40)]


@pytest.mark.parametrize("box, reason", [
    ('<nav><a href="/">Home</a></nav>', "extractor: navigation"),
    ('<ul class="main-menu"><li><a href="/">Home</a></li></ul>', "extractor: navigation"),
    ('<figure><img src="x.jpg"><figcaption>Waves over the old wall.</figcaption></figure>', "extractor: photo caption"),
    ('<p class="image-credit">Photo: Ada Venn</p>', "extractor: photo caption"),
    ('<section id="comments"><p>Great news for the town, at last.</p></section>', "extractor: comments"),
    ('<div class="commentList"><p>Great news for the town, at last.</p></div>', "extractor: comments"),
    ('<aside class="read-more"><a href="/a">Storm damage bill rises</a></aside>', "extractor: related links"),
    ('<div class="related-posts"><a href="/a">Storm damage bill rises</a></div>', "extractor: related links"),
    ('<div class="most-popular"><a href="/b">Ferry fares frozen</a></div>', "extractor: trending"),
    ('<div class="share-buttons"><a href="#">Facebook</a></div>', "extractor: social buttons"),
    ('<div class="article-byline">Ada Venn</div>', "extractor: byline"),
    ('<div class="ad-slot">Advertisement</div>', "extractor: advertisement"),
    ('<div class="newsletter-box">Morning briefing, every day</div>', "extractor: newsletter"),
    ('<div id="cookie-banner">We value your privacy</div>', "extractor: cookies"),
    ('<footer><p>Harbour Post, Quay Road</p></footer>', "extractor: footer"),
    ('<aside><p>Tide times for the week</p></aside>', "extractor: sidebar"),
    ('<form><label>Search the site</label></form>', "extractor: form"),
    ('<div style="display: none">Tide times for the week</div>', "extractor: hidden"),
    ('<div aria-hidden="true">Tide times for the week</div>', "extractor: hidden"),
    ('<p>Subscribe now</p>', "extractor: subscribe"),
    ('<p>By Ada Venn</p>', "extractor: byline"),
    ('<div>Tide times for the week</div>', BOILERPLATE),
])
def test_each_block_left_out_is_named_by_its_box(box, reason):
    assert reasons(page(box))[0][0] == reason


def test_a_name_on_the_box_is_more_telling_than_its_tag():
    # an <aside> is a sidebar, unless the page says which box it is
    assert reasons(page('<aside class="related"><a href="/a">Storm damage bill rises</a></aside>')) == [
        ("extractor: related links", "Storm damage bill rises")]


def test_a_bem_modifier_names_no_box():
    assert reasons(page('<div class="header--share"><p>Tide times for the week</p></div>')) == [
        (BOILERPLATE, "Tide times for the week")]


def test_blocks_the_extractor_kept_are_not_listed():
    html = page('<nav><a href="/">Home</a></nav><p>The board meets again in May.</p>')
    kept = BODY + "\n\nThe board meets again in May."
    assert reasons(html, kept) == [("extractor: navigation", "Home")]


def test_a_short_block_counts_as_kept_only_as_a_whole_line():
    # "Sport" occurs inside a kept sentence, but the menu item itself was left out
    html = "<html><body><nav><a>Sport</a></nav><p>Sport clubs will use the new slipway from June.</p></body></html>"
    assert reasons(html, "Sport clubs will use the new slipway from June.") == [("extractor: navigation", "Sport")]


def test_kept_list_items_and_table_cells_are_found_in_the_extractors_lines():
    html = "<html><body><ul><li>Oars</li></ul><table><tr><td>Pier 4</td><td>12</td></tr></table></body></html>"
    assert reasons(html, "- Oars\n| Pier 4 | 12 |") == []


def test_spaces_between_inline_elements_do_not_matter():
    # two adjacent links: the extractor puts a space between them, the page has none
    html = ('<html><body><p>The base is <a href="/x">strategically located</a><a href="/y">near the border crossing'
            '</a> on the main road.</p></body></html>')
    assert reasons(html, "The base is strategically located near the border crossing on the main road.") == []


def test_a_paragraph_kept_without_its_inline_widget_is_not_listed():
    html = ("<html><body><p>The breakwater will be built from granite quarried inland, the board said. "
            "<span class='promo'>Listen to our podcast about the coast.</span> "
            "Work starts in the spring and should take three years, weather permitting.</p></body></html>")
    kept = ("The breakwater will be built from granite quarried inland, the board said. "
            "Work starts in the spring and should take three years, weather permitting.")
    assert reasons(html, kept) == []


def test_consecutive_blocks_left_out_for_one_reason_are_one_entry():
    html = ("<html><body><nav><a>Home</a></nav><div class='menu'><a>News</a></div>"
            f"<p>{BODY}</p><nav><a>Contact</a></nav></body></html>")
    assert reasons(html) == [("extractor: navigation", "Home\nNews"), ("extractor: navigation", "Contact")]


def test_code_styles_and_drawings_are_never_text():
    html = page("<script>var x = 'SCRIPT';</script><style>p{}</style><svg><title>ICON</title></svg>"
                "<noscript><p>Turn on JavaScript</p></noscript><template><p>Loading</p></template>")
    assert reasons(html) == [("extractor: hidden", "Turn on JavaScript\nLoading")]


def test_page_blocks_join_inline_text_to_its_block():
    tree = load_html("<html><body><p>Port <b>closed</b> for <a>two</a> days.</p>"
                     "<div>Tide <i>table</i></div></body></html>")
    assert [(el.tag, text) for el, text in page_blocks(tree)] == [("p", "Port closed for two days."),
                                                                ("div", "Tide table")]


LEAD = ("Harbour pilots voted on Monday to end their four-day strike after the port authority agreed "
        "to hire six more pilots by the summer.")


def lead_page(lead_box: str) -> str:
    return (f"<html><body><h1>Pilots end strike</h1>{lead_box}<p class='byline'>By Ada Venn</p>"
            f"<div class='body'><p>{BODY}</p></div></body></html>")


@pytest.mark.parametrize("box", [f'<p class="article-lead">{LEAD}</p>', f'<div class="intro"><p>{LEAD}</p></div>',
                                 f'<div class="story__summary"><p>{LEAD}</p></div>'])
def test_a_lead_paragraph_the_extractor_dropped_comes_back(box):
    audit = audit_page(load_html(lead_page(box)), BODY, 40)
    assert audit.lead == LEAD
    assert LEAD not in [r.text for r in audit.removed]
    assert ("extractor: title", "Pilots end strike") in [(r.reason, r.text) for r in audit.removed]


@pytest.mark.parametrize("box", [f'<p class="standfirst">{LEAD}</p>', f'<p class="summary dek">{LEAD}</p>',
                                 f'<div itemprop="description" class="lead">{LEAD}</div>',
                                 f'<h2 class="lead">{LEAD}</h2>', '<p class="lead">Pilots back at work</p>'])
def test_a_standfirst_or_subtitle_is_listed_not_kept(box):
    audit = audit_page(load_html(lead_page(box)), BODY, 40)
    assert audit.lead is None
    assert any(r.reason == "extractor: standfirst" for r in audit.removed)


def test_a_summary_box_after_the_body_started_is_no_lead():
    html = (f"<html><body><h1>Pilots end strike</h1><div class='body'><p>{BODY}</p></div>"
            f"<div class='summary'><p>{LEAD}</p></div></body></html>")
    audit = audit_page(load_html(html), BODY, 40)
    assert audit.lead is None and [r.reason for r in audit.removed] == ["extractor: title", BOILERPLATE]


def test_a_lead_needs_a_headline_above_it():
    html = f"<html><body><p class='lead'>{LEAD}</p><div class='body'><p>{BODY}</p></div></body></html>"
    assert audit_page(load_html(html), BODY, 40).lead is None


MORE = "The second half of the report looks at the cost of dredging the outer channel every winter."


def test_paragraphs_of_a_second_box_like_the_kept_one_continue_the_story():
    html = (f"<html><body><div class='story'><p>{BODY}</p></div><div class='promo-box'><p>Listen to our podcast "
            f"about the coast every week.</p></div><div class='story'><p>{MORE}</p></div></body></html>")
    audit = audit_page(load_html(html), BODY, 40)
    assert audit.continued == [(MORE, BODY)]
    assert [r.reason for r in audit.removed] == ["extractor: related links"]


@pytest.mark.parametrize("html", [
    # the second box is of another kind
    f"<html><body><div class='story'><p>{BODY}</p></div><div class='bio'><p>{MORE}</p></div></body></html>",
    # boxes without a class name say nothing about which box is the story's
    f"<html><body><div><p>{BODY}</p></div><div><p>{MORE}</p></div></body></html>",
    # before anything was kept
    f"<html><body><div class='story'><p>{MORE}</p></div><div class='story'><p>{BODY}</p></div></body></html>",
    # not a full sentence
    f"<html><body><div class='story'><p>{BODY}</p></div><div class='story'><p>Dredging costs, by year</p>"
    "</div></body></html>",
    # inside a named box
    f"<html><body><div class='story'><p>{BODY}</p><div class='comments'><div class='story'><p>{MORE}</p></div>"
    "</div></div></body></html>",
])
def test_other_paragraphs_the_extractor_left_out_stay_out(html):
    audit = audit_page(load_html(html), BODY, 40)
    assert audit.continued == [] and len(audit.removed) == 1
