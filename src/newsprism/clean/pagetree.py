"""Reading a parsed news page: its meta tags, its JSON-LD objects, and whether an element belongs
to the story or to a box beside it (related links, navigation, footer, comments). Shared by the
title, author and date readers of pagemeta.py, pageauthors.py and pagedate.py."""
from __future__ import annotations

import json
import re
from typing import Iterator, Optional
from urllib.parse import urlsplit

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    "article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle backgroundnewsarticle "
    "reviewnewsarticle askpublicnewsarticle blogposting liveblogposting socialmediaposting report "
    "techarticle scholarlyarticle medicalscholarlyarticle".split())
# Blocks whose dates and names belong to other pages or other people.
_ELSEWHERE_WORDS = frozenset(
    "related recommended recommendations recirculation readmore more popular trending teaser teasers sidebar "
    "comment comments footer newsletter share sharing social nav navbar navigation menu breadcrumb breadcrumbs "
    "outbrain taboola".split())
MARK_WORDS = re.compile(r"[^a-z0-9]+")
_ELSEWHERE_TAGS = frozenset({"aside", "nav", "footer", "form"})


def meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """Every <meta> by its lower-cased name/property/itemprop, values in page order."""
    found: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = (el.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, []).append(" ".join(content.split()))
    return found


def jsonld_nodes(tree: HtmlElement) -> list[dict]:
    """Top-level JSON-LD objects, the items of lists and of @graph: not nested related items."""
    return list(_iter_jsonld(tree))


def _iter_jsonld(tree: HtmlElement) -> Iterator[dict]:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        for node in stack:
            if not isinstance(node, dict):
                continue
            graph = node.get("@graph")
            members = graph if isinstance(graph, list) else [graph] if isinstance(graph, dict) else []
            for member in [node, *(n for n in members if isinstance(n, dict))]:
                yield member
                # a WebPage whose mainEntity is the article: the article is the page's own
                main = member.get("mainEntity")
                if isinstance(main, dict) and node_types(main) & ARTICLE_TYPES:
                    yield main


def node_types(node: dict) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def nodes_by_id(nodes: list[dict]) -> dict[str, dict]:
    """Objects that carry more than their @id, by @id: an author given as {"@id": ...} is one of them."""
    return {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}


def jsonld_article(nodes: list[dict], url: Optional[str]) -> Optional[dict]:
    """The page's own Article node: the one about this URL when several are given, else the first."""
    articles = [n for n in nodes if node_types(n) & ARTICLE_TYPES]
    if not articles:
        return None
    if url and len(articles) > 1:
        path = urlsplit(url).path.rstrip("/")
        for node in articles:
            own = node.get("url") or node.get("mainEntityOfPage")
            own = own.get("@id") if isinstance(own, dict) else own
            if isinstance(own, str) and path and urlsplit(own).path.rstrip("/") == path:
                return node
    return articles[0]


def visible(el: HtmlElement) -> bool:
    """Not inside a related-links box, navigation, footer or comments. The climb stops at the
    article itself (<article>, <main>, an h-entry): what is inside it belongs to the story."""
    for node in [el, *el.iterancestors()]:
        if node.tag in ("body", "html"):
            break
        if node.tag in _ELSEWHERE_TAGS:
            return False
        words = set(MARK_WORDS.split(f"{node.get('class') or ''} {node.get('id') or ''}".lower()))
        if marked_elsewhere(node):
            return False
        if node.tag in ("article", "main") or words & {"hentry", "h-entry"} or node.get("itemprop") == "articleBody":
            break
    return True


def marked_elsewhere(node: HtmlElement) -> bool:
    """A class or id that names another box: "related-posts", "site-footer", "comments". Only a
    name's first or last word counts, and never a modifier ("header--social-icons")."""
    for token in f"{node.get('class') or ''} {node.get('id') or ''}".lower().split():
        if "--" in token:
            continue
        parts = [p for p in MARK_WORDS.split(token) if p]
        if parts and (parts[0] in _ELSEWHERE_WORDS or parts[-1] in _ELSEWHERE_WORDS):
            return True
    return False


def text_of(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def title_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()
