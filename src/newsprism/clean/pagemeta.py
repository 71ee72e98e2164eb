"""Title, authors and publication date a news page states about itself, each with where it came from.

Pages say these things several times over, with different care. The readers here ask in order of
trust and keep the first answer that passes the field's checks, with its source:

    json-ld    the page's schema.org Article node (headline, author.name, datePublished)
    opengraph  og:* and twitter:* cards
    meta       other <meta> tags (author, article:published_time, Dublin Core) and microdata
    byline     the visible byline element (class/rel/itemprop "author" or "byline")
    dateline   the visible <time datetime> or dated element of the article's head
    url        a /2024/03/05/ date path in the page's address

(`text`, the plain-text cleaner's reading of the head lines, is the caller's fallback.)
Only related-link boxes, navigation, footers and comments are kept out of the visible readers, so a
date in a "read more" box is never the publication date; modified dates are never read at all.

    >>> from lxml import html
    >>> page = html.fromstring('<html><head><title>Port strike ends | Harbour Gazette</title>'
    ...     '<meta property="og:site_name" content="Harbour Gazette">'
    ...     '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
    ...     ' "headline": "Port strike ends", "author": [{"@type": "Person", "name": "Jane Doe"}],'
    ...     ' "datePublished": "2024-03-05T09:30:00+01:00", "dateModified": "2024-03-06"}]}</script>'
    ...     '</head><body><h1>Port strike ends</h1></body></html>')
    >>> meta = read_page_metadata(page, "https://harbourgazette.example/2024/03/04/strike")
    >>> meta.title, meta.authors, meta.published, meta.sources
    ('Port strike ends', ['Jane Doe'], '2024-03-05T09:30:00+01:00', {'title': 'json-ld', 'author': 'json-ld', 'published': 'json-ld'})
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional
from urllib.parse import urlsplit

from lxml.html import HtmlElement, fragment_fromstring

from .pageauthors import read_authors
from .pagedate import read_published
from .pagetree import jsonld_article, jsonld_nodes, meta_tags, node_types, nodes_by_id, text_of, title_key, visible

__all__ = ["PageMetadata", "read_page_metadata", "meta_tags"]

_SEPARATORS = re.compile(r"\s+[|–—\-:·•»/]\s+|\s*[|»·•]\s*|\s+::\s+")


@dataclass
class PageMetadata:
    """What the page states; `sources` maps each found field to the evidence it came from."""

    title: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    published: Optional[str] = None
    sources: dict[str, str] = field(default_factory=dict)


def read_page_metadata(tree: HtmlElement, url: Optional[str] = None, site_names: Iterable[str] = (),
                       headline_overlap: float = 0.6, meta: Optional[dict[str, list[str]]] = None) -> PageMetadata:
    """Title, authors and publication date of the page in `tree` (never raises on odd markup).
    `headline_overlap`: CleanConfig.headline_overlap; `meta`: the page's meta_tags(), when read already."""
    meta = meta if meta is not None else meta_tags(tree)
    nodes = jsonld_nodes(tree)
    article = jsonld_article(nodes, url)
    names = _site_names(nodes, meta, url, site_names)
    out = PageMetadata()
    title = _title(tree, meta, article, names, headline_overlap)
    if title:
        out.title, out.sources["title"] = title
    authors = read_authors(tree, meta, article, nodes_by_id(nodes), names)
    if authors:
        out.authors, out.sources["author"] = authors
    published = read_published(tree, meta, article, url)
    if published:
        out.published, out.sources["published"] = published
    return out

# -- title -------------------------------------------------------------------------------------


def _title(tree: HtmlElement, meta: dict, article: Optional[dict], names: set[str],
           overlap: float) -> Optional[tuple[str, str]]:
    """The headline: an <h1> the metadata confirms, else the most trusted stated title, site name cut."""
    stated: list[tuple[str, str]] = []
    if article and isinstance(article.get("headline"), str):
        stated.append((html.unescape(article["headline"]), "json-ld"))
    for key, source in (("og:title", "opengraph"), ("twitter:title", "opengraph"), ("headline", "meta")):
        stated += [(v, source) for v in meta.get(key, [])[:1]]
    page_title = tree.find(".//title")
    if page_title is not None and page_title.text_content().strip():
        stated.append((_markup_free(page_title.text_content()), "meta"))
    stated = [(" ".join(t.split()), s) for t, s in stated if t and t.strip()]
    headings = [text_of(h) for h in tree.iter("h1") if visible(h)]
    headings = [h for h in headings if 2 <= len(h) <= 300]
    for text, source in stated:
        for heading in headings:
            if _same_title(heading, text, names):
                return heading, source
    # no heading is a stated title: the one that says most of what a stated title says
    best: Optional[tuple[float, str, str]] = None
    side_parts = {title_key(part) for text, _ in stated for part in _SEPARATORS.split(text)[1:]}
    for heading in headings:
        if title_key(heading) in side_parts:  # "Story | Kabar Dunia" with <h1>Kabar Dunia</h1>: the site, not the story
            continue
        words = set(title_key(heading).split())
        for text, source in stated:
            share = len(words & set(title_key(text).split())) / max(len(words), 1)
            if share >= overlap and len(words) >= 3 and (best is None or share > best[0]):
                best = (share, heading, source)
    if best:
        return best[1], best[2]
    for text, source in stated:
        cut = _without_site_name(text, names)
        if cut:
            return cut, source
    return None


def _markup_free(text: str) -> str:
    """A <title> is raw text: markup written into it ("<script>…</script>Talks end") is not its words."""
    if "<" not in text:
        return text
    try:
        holder = fragment_fromstring(text, create_parent="div")
    except Exception:  # lxml refuses some fragments: keep the text as it is
        return text
    for code in holder.xpath(".//script|.//style"):
        code.drop_tree()
    return holder.text_content()


def _same_title(heading: str, stated: str, names: set[str]) -> bool:
    """The heading is the stated title, or the stated title is the heading and the site's name
    ("The Space Review: Seeking a bigger role", "Seeking a bigger role - SpaceNews")."""
    h, t = title_key(heading), title_key(stated)
    if not h or h in {t, title_key(_without_site_name(stated, names) or "")}:
        return bool(h)
    rest = t[len(h):] if t.startswith(h) else t[:-len(h)] if t.endswith(h) else None
    if rest is None:
        return False
    # the site's name, or a short section label beside a headline at least twice its length
    # ("Opinion | <headline>"; not "Breaking News: <story>" beside an <h1>Breaking News</h1>)
    words = len(rest.split())
    return rest.replace(" ", "") in names or (words <= 3 and len(h.split()) >= 2 * words)


def _without_site_name(title: str, names: set[str]) -> Optional[str]:
    """"Port strike ends | Harbour Gazette" -> "Port strike ends": a leading or trailing part that
    names the site goes; the headline's own colons and dashes stay."""
    parts = _SEPARATORS.split(title)
    while len(parts) > 1 and _is_site_name(parts[-1], names):
        parts.pop()
    while len(parts) > 1 and _is_site_name(parts[0], names):
        parts.pop(0)
    if len(parts) == len(_SEPARATORS.split(title)):
        return title
    # rebuild from the original so the kept separators keep their spelling
    kept = " ".join(parts)
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else kept


def _is_site_name(part: str, names: set[str]) -> bool:
    key = title_key(part)
    if not key:
        return True
    squeezed = key.replace(" ", "")
    for name in names:
        n = name.replace(" ", "")
        if n and (squeezed == n or (len(n) >= 3 and squeezed.startswith(n) and len(key.split()) <= 4)
                  or (len(squeezed) >= 3 and n.startswith(squeezed))):
            return True
    return False


def _site_names(nodes: list[dict], meta: dict, url: Optional[str], extra: Iterable[str]) -> set[str]:
    """Keys of the names the site goes by: og:site_name, application-name, publisher, host."""
    names = [*meta.get("og:site_name", []), *meta.get("application-name", []), *meta.get("twitter:site", []), *extra]
    for node in nodes:
        publisher = node.get("publisher")
        publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(publisher["name"])
        if node_types(node) & {"organization", "newsmediaorganization", "website"} and isinstance(node.get("name"), str):
            names.append(node["name"])
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [p for p in host.split(".") if p not in {"www", "com", "co", "org", "net", "uk", "news", "edition"}]
    if labels:
        names.append(labels[0] if len(labels) == 1 else labels[-2])
    keys = {title_key(n.lstrip("@")) for n in names if n}
    keys |= {k.replace(" ", "") for k in keys}
    return {k for k in keys if k}
