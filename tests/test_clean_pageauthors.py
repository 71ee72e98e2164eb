"""Person names of the byline: never an outlet, a desk, a handle or a date."""
import json

from lxml import html

from newsprism.clean.pageauthors import _people as people
from newsprism.clean.pagemeta import read_page_metadata

BODY = "<p>" + "The harbour authority reopened the north pier on Tuesday after a month of repairs. " * 6 + "</p>"


def page(head: str = "", body: str = "", jsonld: object = None) -> html.HtmlElement:
    script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if jsonld is not None else ""
    return html.fromstring(f"<html><head>{head}{script}</head><body>{body}</body></html>")


def test_organisations_and_desks_are_never_authors():
    tree = page(jsonld={"@type": "NewsArticle", "headline": "Pier reopens",
                        "author": [{"@type": "Organization", "name": "Harbour Gazette"},
                                   {"@type": "Person", "name": "Gazette Staff"}]},
                body='<h1>Pier reopens</h1><span class="byline">By Staff Reporters</span>')
    assert read_page_metadata(tree).authors == []


def test_visible_byline_names_the_person_not_the_outlet_or_the_date():
    tree = page(body='<article><h1>Pier reopens</h1><div class="byline-box">'
                     '<span class="author">By JANE DOE and JOHN ROE, Harbour Gazette</span>'
                     '<span class="date">Published March 5, 2024</span></div>' + BODY + "</article>")
    meta = read_page_metadata(tree, "https://harbourgazette.example/pier")
    assert meta.authors == ["Jane Doe", "John Roe"]
    assert meta.sources["author"] == "byline"
    assert meta.published == "2024-03-05" and meta.sources["published"] == "dateline"


def test_names_are_cut_where_the_byline_runs_on_into_outlet_or_date():
    assert people(["Malcolm Owen Monday, November 18"], set()) == ["Malcolm Owen"]
    assert people(["Carrie ArnoldNovember 15, 2019"], set()) == ["Carrie Arnold"]
    assert people(["Kevin McCoy USA TODAY Published 10:02 AM"], set()) == ["Kevin McCoy"]
    assert people(["By JILL LAWLESS Associated Press"], set()) == ["Jill Lawless"]
    assert people(["Jane Doe Harbour Gazette"], {"harbourgazette"}) == ["Jane Doe"]
    assert people(["European Space Agency", "Science X staff", "NJ Advance Media"], set()) == []
