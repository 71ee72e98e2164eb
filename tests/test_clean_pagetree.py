"""Meta tags, JSON-LD objects and whether an element belongs to the story or a box beside it."""
from lxml import html

from newsprism.clean.pagetree import jsonld_article, jsonld_nodes, meta_tags, visible


def test_meta_tags_by_name_property_and_itemprop_in_page_order():
    tree = html.fromstring('<html><head><meta property="og:title" content=" Pier  reopens ">'
                           '<meta name="Author" content="Ada Brenner"><meta name="author" content="Tomas Lind">'
                           '<meta name="empty" content=" "></head><body></body></html>')
    assert meta_tags(tree) == {"og:title": ["Pier reopens"], "author": ["Ada Brenner", "Tomas Lind"]}


def test_jsonld_article_is_the_one_about_this_address():
    tree = html.fromstring('<html><head><script type="application/ld+json">'
                           '[{"@type": "NewsArticle", "headline": "Other", "url": "https://p.example/other"},'
                           ' {"@type": "NewsArticle", "headline": "Pier", "url": "https://p.example/pier"}]'
                           '</script><script type="application/ld+json">{broken</script></head><body></body></html>')
    nodes = jsonld_nodes(tree)
    assert jsonld_article(nodes, "https://p.example/pier")["headline"] == "Pier"
    assert jsonld_article(nodes, None)["headline"] == "Other"


def test_boxes_beside_the_story_are_not_visible_but_modifiers_and_the_article_are():
    tree = html.fromstring(
        '<html><body class="related-page"><aside><time>1</time></aside>'
        '<div class="related-posts"><time>2</time></div>'
        '<header class="content-header--social-icons"><h1>3</h1></header>'
        '<div class="sidebar"><article><time>4</time></article></div></body></html>')
    shown = {el.text: visible(el) for el in tree.iter("time", "h1")}
    assert shown == {"1": False, "2": False, "3": True, "4": True}
