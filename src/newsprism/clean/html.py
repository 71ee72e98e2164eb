"""Main text and metadata of one news page, from its HTML.

    >>> page = ('<html lang="en-GB"><head><title>Bridge reopens | The Harbour Gazette</title>'
    ...         '<meta property="og:site_name" content="The Harbour Gazette"></head><body><article>'
    ...         '<h1>Bridge reopens</h1><p>' + 'The old swing bridge reopened on Monday after repairs. ' * 6 +
    ...         '</p></article></body></html>')
    >>> x = extract_html(page, url="https://www.harbourgazette.example/news/bridge")
    >>> x.outlet, x.language, "The old swing bridge reopened on Monday" in x.text
    ('The Harbour Gazette', 'en', True)

Text comes from trafilatura in precision mode (comments off, tables kept, no external
fallback extractors) with a recall retry when that yields too little; the page's blocks it
leaves out are listed with a reason, and a lead paragraph or a second box of the story it
passed over goes back (pageblocks.py). On the article-extraction benchmark this beats every
single trafilatura setting (see eval/extraction_predict.py). Title, authors and publication
date come from the page's own statements in order of trust (pagemeta.py: JSON-LD, OpenGraph,
meta tags, byline, dateline, URL), read from the same lxml tree, each with its source;
htmldate is asked only when none of them gives a date. Scripts and styles never reach the
text: trafilatura drops them while cleaning the tree.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterator, Optional
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsprism.model import Removed

from .pageblocks import PageAudit, audit_page
from .pagemeta import PageMetadata, meta_tags, read_page_metadata

log = logging.getLogger(__name__)

# A precision-mode result shorter than this is suspicious for a news page: the recall retry
# runs, and wins when it finds clearly more (at least RESCUE_GAIN times as much text).
RESCUE_BELOW_CHARS = 1000
RESCUE_GAIN = 2.0

_PRECISION = dict(favor_precision=True, include_comments=False, include_tables=True, fast=True)
_RECALL = dict(favor_recall=True, include_comments=False, include_tables=True, fast=True)

# htmldate with a timestamp format keeps the page's time and offset; extensive search is
# off because its extra guesses (copyright lines, "© 2021") are not publication dates.
# htmldate gives no date rather than today's when the page does not say.
_DATE_PARAMS = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "original_date": True,  # first publication, not the last update
    "extensive_search": False,
    "deferred_url_extractor": True,  # a date in the URL has no time: prefer the page's own
}
_OFFSET = re.compile(r"([+-]\d\d)(\d\d)$")
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


@dataclass
class HtmlExtract:
    """What one page says about itself. `text` is "" when no article body was found."""

    text: str = ""
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None      # ISO 8601: with time and offset where the page gives them
    outlet: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None       # the language the page declares (primary subtag)
    description: Optional[str] = None
    authors: list[str] = field(default_factory=list)  # person names only, in byline order
    metadata_source: dict[str, str] = field(default_factory=dict)  # field -> json-ld, opengraph, meta, ...
    removed: list[Removed] = field(default_factory=list)  # the page's blocks the extractor left out, with reasons


def extract_html(html: str, url: str | None = None, headline_overlap: float = 0.6,
                 min_sentence_chars: int = 40) -> HtmlExtract:
    """Main text (paragraphs separated by a blank line) and metadata of a news page. Never raises.

    `removed` lists the page's visible blocks the text leaves out, each with its reason
    (pageblocks.py); a block of `min_sentence_chars` or more counts as kept when its words are in the text."""
    tree = _parse(html)
    if tree is None:
        return HtmlExtract(url=url, outlet=_host(url))
    text = _main_text(tree, url)
    audit = audit_page(tree, text, min_sentence_chars) if text else PageAudit()
    if audit.continued:
        text = _with_continued(text, audit.continued)
    if audit.lead:
        text = _with_lead(text, audit.lead)
    page, meta, page_url = _metadata(tree, url, headline_overlap)
    outlet, outlet_source = _outlet(tree, meta, page_url)
    sources = dict(page.sources)
    if outlet_source:
        sources["outlet"] = outlet_source
    return HtmlExtract(
        text=text,
        title=_clean(page.title),
        author=join_names(page.authors),
        authors=list(page.authors),
        published=page.published,
        outlet=outlet,
        url=page_url,
        language=_language(tree),
        description=next(iter(meta.get("og:description", []) + meta.get("description", [])), None),
        metadata_source=sources,
        removed=audit.removed,
    )


def _with_lead(text: str, lead: str) -> str:
    """The lead paragraph first, or second when the extractor's text opens with the headline."""
    first, _, rest = text.partition("\n\n")
    if rest and len(first) < len(lead) and not first.rstrip().endswith((".", "!", "?", "\"", "”")):
        return f"{first}\n\n{lead}\n\n{rest}"
    return f"{lead}\n\n{text}"


def _with_continued(text: str, continued: list[tuple[str, str]]) -> str:
    """Paragraphs the extractor passed over, each after the kept paragraph it follows on the page."""
    paragraphs = text.split("\n\n")
    keys = ["".join(p.split()) for p in paragraphs]
    after: dict[int, list[str]] = {}
    at = 0  # the entries come in page order: each is looked for from where the last one went
    for paragraph, previous in continued:
        want = "".join(previous.split())
        at = next((i for i in range(at, len(keys)) if want and want in keys[i]), len(paragraphs) - 1)
        after.setdefault(at, []).append(paragraph)
    out = []
    for i, paragraph in enumerate(paragraphs):
        out.append(paragraph)
        out.extend(after.get(i, []))
    return "\n\n".join(out)


def join_names(names: list[str]) -> Optional[str]:
    """["A", "B", "C"] -> "A, B and C", as a byline prints them."""
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _parse(html: str) -> Optional[HtmlElement]:
    """One lxml tree for every later step; a bare fragment is wrapped so it still parses."""
    if not html or not html.strip():
        return None
    for candidate in (html, f"<html><body><div>{html}</div></body></html>"):
        try:
            tree = load_html(candidate)
        except Exception as err:  # lxml and trafilatura's repairs can fail on hostile input
            log.debug("HTML not parsed: %s", err)
            tree = None
        if tree is not None:
            return tree
    return None


def _main_text(tree: HtmlElement, url: Optional[str]) -> str:
    text = _trafilatura_text(tree, url, _PRECISION)
    if len(text) < RESCUE_BELOW_CHARS:
        recall = _trafilatura_text(tree, url, _RECALL)
        if len(recall) > RESCUE_GAIN * len(text):
            text = recall
    return text


def _trafilatura_text(tree: HtmlElement, url: Optional[str], options: dict[str, Any]) -> str:
    try:
        # extract() works on a copy of the tree, so the same tree serves every call
        out = trafilatura.extract(tree, url=url, output_format="txt", with_metadata=False, **options)
    except Exception as err:  # a failed extraction leaves an empty text, never an exception
        log.debug("trafilatura failed on %s: %s", url, err)
        return ""
    # trafilatura writes one block (paragraph, heading, list item, table row) per line
    return "\n\n".join(line.strip() for line in (out or "").splitlines() if line.strip())


def _metadata(tree: HtmlElement, url: Optional[str], headline_overlap: float
              ) -> tuple[PageMetadata, dict[str, list[str]], Optional[str]]:
    """The page's own statements (pagemeta.py) from the tree the text came from: no second parse;
    with its meta tags and the URL it declares. htmldate is asked only when the page states no
    date in any form pagemeta reads."""
    # Code inside a title or headline is not its words ("<h1>Pilots <script>…</script>end strike</h1>"):
    # the body text is extracted already, so the tree may lose it now.
    for code in dict.fromkeys(c for head in tree.iter("title", "h1", "h2") for c in head.iter("script", "style")):
        code.drop_tree()
    meta = meta_tags(tree)
    url = _page_url(tree, meta, url)
    try:
        page = read_page_metadata(tree, url, headline_overlap=headline_overlap, meta=meta)
    except Exception as err:  # metadata is optional: a page that breaks a reader keeps its text
        log.debug("metadata failed on %s: %s", url, err)
        page = PageMetadata()
    if not page.published:
        try:
            found = find_date(tree, url=url, **_DATE_PARAMS, max_date=date.today().isoformat())
        except Exception as err:
            log.debug("htmldate failed on %s: %s", url, err)
            found = None
        if found:
            page.published, page.sources["published"] = _iso(found), "text"
    return page, meta, url


def _page_url(tree: HtmlElement, meta: dict[str, list[str]], url: Optional[str]) -> Optional[str]:
    """The page's canonical link or og:url (the address it declares), else the one given to us."""
    for link in tree.xpath('//link[@rel="canonical"]/@href'):
        if _clean(link) and _clean(link).startswith("http"):
            return _clean(link)
    for value in meta.get("og:url", []):
        if value.startswith("http"):
            return value
    return url


def _iso(stamp: Optional[str]) -> Optional[str]:
    """htmldate's '2023-10-30T11:55:00-0400' as ISO 8601 '…-04:00'; a bare midnight means date only."""
    if not stamp:
        return None
    if stamp.endswith("T00:00:00"):
        return stamp[:10]
    return _OFFSET.sub(r"\1:\2", stamp)


def _outlet(tree: HtmlElement, meta: dict[str, list[str]], url: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """og:site_name, else the JSON-LD publisher, else application-name, else the host; with its source."""
    for name in meta.get("og:site_name", []):
        return name, "opengraph"
    for name in _jsonld_publishers(tree):
        return name, "json-ld"
    for name in meta.get("application-name", []):
        return name, "meta"
    host = _host(url)
    return (host, "url") if host else (None, None)


def _jsonld_publishers(tree: HtmlElement) -> Iterator[str]:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script, strict=False)
        except ValueError:
            continue
        for node in _walk(data):
            publisher = node.get("publisher")
            if isinstance(publisher, list) and publisher:
                publisher = publisher[0]
            if isinstance(publisher, dict):
                publisher = publisher.get("name")
            if isinstance(publisher, str) and _clean(publisher):
                yield _clean(publisher)


def _walk(data: Any) -> Iterator[dict]:
    """Every JSON object in a JSON-LD block (top level, lists, @graph), depth first."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _walk(value)
    elif isinstance(data, list):
        for item in data:
            yield from _walk(item)


def _language(tree: HtmlElement) -> Optional[str]:
    root = tree.getroottree().getroot()
    for value in (root.get("lang") or "", root.get("xml:lang") or ""):  # most pages say it here
        m = _LANG.match(value.strip())
        if m:
            return m.group(1).lower()
    declared = (
        tree.xpath('//meta[translate(@http-equiv, "CONTENT-LANGUAGE", "content-language")="content-language"]/@content')
        + tree.xpath('//meta[@property="og:locale"]/@content')
    )
    for value in declared:
        m = _LANG.match(value.strip())
        if m:
            return m.group(1).lower()
    return None


def _host(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _clean(value: Optional[str]) -> Optional[str]:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
