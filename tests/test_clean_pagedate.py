"""The publication date a page states: never an update or a related link's date; in the page's zone."""
import json

from lxml import html

from newsprism.clean.pagemeta import read_page_metadata

BODY = "<p>" + "The harbour authority reopened the north pier on Tuesday after a month of repairs. " * 6 + "</p>"


def page(head: str = "", body: str = "", jsonld: object = None) -> html.HtmlElement:
    script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if jsonld is not None else ""
    return html.fromstring(f"<html><head>{head}{script}</head><body>{body}</body></html>")


def test_dates_in_related_boxes_and_updates_are_not_the_publication_date():
    tree = page(body='<article><h1>Pier reopens</h1><time class="updated" datetime="2024-03-09">9 March</time>'
                     + BODY + '</article><aside class="related-stories"><time datetime="2023-01-02">2 Jan</time></aside>')
    meta = read_page_metadata(tree, "https://harbourgazette.example/2024/03/05/pier")
    assert meta.published == "2024-03-05"
    assert meta.sources["published"] == "url"


def test_a_utc_stamp_is_given_in_the_zone_the_page_shows():
    tree = page('<meta property="article:published_time" content="2024-03-06T02:59:46Z">',
                '<time datetime="2024-03-05 20:59:46">March 5, 2024 at 8:59 pm</time>' + BODY)
    assert read_page_metadata(tree).published == "2024-03-05T20:59:46-06:00"


def test_a_utc_stamp_after_midnight_keeps_the_day_of_the_address():
    tree = page('<meta property="article:published_time" content="2024-03-06T03:05:00Z">', BODY)
    assert read_page_metadata(tree, "https://paper.example/2024/03/05/pier/").published == "2024-03-05"
    assert read_page_metadata(tree, "https://paper.example/pier/").published == "2024-03-06T03:05:00+00:00"
