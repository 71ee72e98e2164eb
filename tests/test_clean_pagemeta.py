"""Title, authors and publication date from a page's own statements, each with its source."""
import json

from lxml import html

from newsprism.clean.pagemeta import read_page_metadata
from newsprism.clean import clean_item
from newsprism.config import Config
from newsprism.read.base import RawItem

BODY = "<p>" + "The harbour authority reopened the north pier on Tuesday after a month of repairs. " * 6 + "</p>"


def page(head: str = "", body: str = "", jsonld: object = None) -> html.HtmlElement:
    script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if jsonld is not None else ""
    return html.fromstring(f"<html><head>{head}{script}</head><body>{body}</body></html>")


def test_jsonld_graph_gives_headline_authors_by_id_and_publication_not_modified_date():
    tree = page(jsonld={"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Harbour Gazette"},
        {"@type": ["NewsArticle"], "headline": "North pier reopens &#8211; at last",
         "author": [{"@id": "#p1"}, {"@type": "Person", "name": "Tomas Lind"}],
         "datePublished": "2024-03-05T09:30:00+01:00", "dateModified": "2024-03-09T10:00:00+01:00"},
        {"@type": "Person", "@id": "#p1", "name": "Ada Brenner"},
    ]})
    meta = read_page_metadata(tree, "https://gazette.example/pier")
    assert meta.title == "North pier reopens – at last"
    assert meta.authors == ["Ada Brenner", "Tomas Lind"]
    assert meta.published == "2024-03-05T09:30:00+01:00"
    assert meta.sources == {"title": "json-ld", "author": "json-ld", "published": "json-ld"}


def test_title_is_the_headline_without_the_site_name():
    tree = page('<title>Pier reopens after repairs | Harbour Gazette</title>'
                '<meta property="og:site_name" content="Harbour Gazette">'
                '<meta property="og:title" content="Pier reopens after repairs - Harbour Gazette">',
                "<h1>Pier reopens after repairs</h1>" + BODY)
    meta = read_page_metadata(tree, "https://www.harbourgazette.example/news/pier")
    assert meta.title == "Pier reopens after repairs"
    assert meta.sources["title"] == "opengraph"


def test_stated_title_loses_site_suffix_when_no_heading_confirms_it():
    tree = page('<title>Pier reopens after repairs – Harbour Gazette</title>'
                '<meta property="og:site_name" content="Harbour Gazette">', BODY)
    assert read_page_metadata(tree).title == "Pier reopens after repairs"


def test_a_heading_with_a_section_label_in_the_stated_title_is_the_headline():
    tree = page('<meta property="og:title" content="Opinion | The pier deserved better">',
                "<nav><h1>Harbour Gazette</h1></nav><article><h1>The pier deserved better</h1></article>")
    assert read_page_metadata(tree).title == "The pier deserved better"


def test_meta_tags_give_author_and_date_when_there_is_no_jsonld():
    tree = page('<meta name="author" content="By Ada Brenner and Tomas Lind">'
                '<meta property="article:modified_time" content="2024-03-09T10:00:00Z">'
                '<meta property="article:published_time" content="2024-03-05T08:00:00Z">', BODY)
    meta = read_page_metadata(tree)
    assert meta.authors == ["Ada Brenner", "Tomas Lind"]
    assert meta.published == "2024-03-05T08:00:00+00:00"
    assert meta.sources == {"author": "meta", "published": "opengraph"}


def test_malformed_jsonld_is_skipped():
    tree = html.fromstring('<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script>'
                           '<meta property="og:title" content="Pier reopens"></head><body></body></html>')
    assert read_page_metadata(tree).title == "Pier reopens"


def test_the_document_keeps_where_each_value_came_from():
    raw = ('<html><head><meta property="og:site_name" content="Harbour Gazette">'
           '<meta property="og:title" content="Pier reopens after repairs">'
           '<meta name="author" content="Ada Brenner">'
           '<meta property="article:published_time" content="2024-03-05T09:30:00+01:00"></head><body><article>'
           "<h1>Pier reopens after repairs</h1>" + BODY + "</article></body></html>")
    doc = clean_item(RawItem(source="pier.html", kind="html", html=raw), Config())
    assert (doc.title, doc.author, doc.authors) == ("Pier reopens after repairs", "Ada Brenner", ["Ada Brenner"])
    assert doc.published == "2024-03-05T09:30:00+01:00"
    assert doc.metadata_source == {"title": "opengraph", "author": "meta", "published": "opengraph",
                                   "outlet": "opengraph"}
    given = clean_item(RawItem(source="pier.html", kind="html", html=raw, author="Tomas Lind"), Config())
    assert given.metadata_source["author"] == "input" and given.authors == ["Tomas Lind"]


def test_a_short_banner_heading_is_not_taken_for_the_headline():
    tree = page('<meta property="og:title" content="Breaking News: Pier reopens">', "<h1>Breaking News</h1>" + BODY)
    assert read_page_metadata(tree).title == "Breaking News: Pier reopens"


def test_the_article_may_be_the_main_entity_of_a_webpage_node():
    tree = page(jsonld=[{"@type": "WebPage", "mainEntity": {
        "@type": "ReportageNewsArticle", "headline": "Pier reopens", "datePublished": ["2024-03-05"],
        "author": {"@type": "Person", "name": ["Ada Brenner", "Tomas Lind"]}}}])
    meta = read_page_metadata(tree)
    assert (meta.title, meta.authors, meta.published) == ("Pier reopens", ["Ada Brenner", "Tomas Lind"], "2024-03-05")
