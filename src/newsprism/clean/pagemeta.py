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
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Iterator, Optional
from urllib.parse import urlsplit

from lxml.html import HtmlElement, fragment_fromstring

from ..lexicon.dates import MONTHS, WEEKDAYS
from .bylines import parse_byline, person_name
from .metadata import parse_dateline

_ARTICLE_TYPES = frozenset(
    "article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle backgroundnewsarticle "
    "reviewnewsarticle askpublicnewsarticle blogposting liveblogposting socialmediaposting report "
    "techarticle scholarlyarticle medicalscholarlyarticle".split())
# Blocks whose dates and names belong to other pages or other people.
_ELSEWHERE_WORDS = frozenset(
    "related recommended recommendations recirculation readmore more popular trending teaser teasers sidebar "
    "comment comments footer newsletter share sharing social nav navbar navigation menu breadcrumb breadcrumbs "
    "outbrain taboola".split())
_MARK_WORDS = re.compile(r"[^a-z0-9]+")
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_DESK = re.compile(r"staff|desk|team|editors?|editorial|bureau|newsroom|wires?|reports")
_BYLINE_LABELS = frozenset("published updated posted on at via for from in".split())
_DATE_WORDS = frozenset("date dateline pubdate published publish publishdate posted timestamp time".split())
_UPDATE_WORDS = frozenset("updated update modified modify lastmod revised".split())
_ELSEWHERE_TAGS = frozenset({"aside", "nav", "footer", "form"})
_SEPARATORS = re.compile(r"\s+[|–—\-:·•»/]\s+|\s*[|»·•]\s*|\s+::\s+")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:/|[_-]|\.|$)")
_NOT_PERSON = re.compile(r"\b(?:staff|desk|team|editors?|editorial|bureau|agency|agencies|wires?|news|newsroom|"
                         r"correspondents?|reporters?|contributors?|admin|press|media|online|digital|"
                         r"magazine|times|post|daily|service|associated|reuters|afp|ap|international|network|group|"
                         r"channel|tv|radio|insider|journal|herald|tribune|gazette|today|weekly|the)\b", re.I)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                "citation_author", "byl", "twitter:creator:name")
_DATE_META = ("article:published_time", "og:article:published_time", "published_time", "article.published",
              "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "published-date",
              "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
              "dc.date", "date", "citation_publication_date", "og:published_time", "article_date_original",
              "original-publish-date", "displaydate", "cxenseparse:recs:publishtime")


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
    nodes = _jsonld_nodes(tree)
    article = _jsonld_article(nodes, url)
    names = _site_names(nodes, meta, url, site_names)
    out = PageMetadata()
    title = _title(tree, meta, article, names, headline_overlap)
    if title:
        out.title, out.sources["title"] = title
    authors = _authors(tree, meta, article, _by_id(nodes), names)
    if authors:
        out.authors, out.sources["author"] = authors
    published = _published(tree, meta, article, url)
    if published:
        out.published, out.sources["published"] = published
    return out


# -- evidence ----------------------------------------------------------------------------------


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


def _jsonld_nodes(tree: HtmlElement) -> list[dict]:
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
                if isinstance(main, dict) and _types(main) & _ARTICLE_TYPES:
                    yield main


def _types(node: dict) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _by_id(nodes: list[dict]) -> dict[str, dict]:
    """Objects that carry more than their @id, by @id: an author given as {"@id": ...} is one of them."""
    return {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}


def _jsonld_article(nodes: list[dict], url: Optional[str]) -> Optional[dict]:
    """The page's own Article node: the one about this URL when several are given, else the first."""
    articles = [n for n in nodes if _types(n) & _ARTICLE_TYPES]
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


def _visible(el: HtmlElement) -> bool:
    """Not inside a related-links box, navigation, footer or comments. The climb stops at the
    article itself (<article>, <main>, an h-entry): what is inside it belongs to the story."""
    for node in [el, *el.iterancestors()]:
        if node.tag in ("body", "html"):
            break
        if node.tag in _ELSEWHERE_TAGS:
            return False
        words = set(_MARK_WORDS.split(f"{node.get('class') or ''} {node.get('id') or ''}".lower()))
        if _marked_elsewhere(node):
            return False
        if node.tag in ("article", "main") or words & {"hentry", "h-entry"} or node.get("itemprop") == "articleBody":
            break
    return True


def _marked_elsewhere(node: HtmlElement) -> bool:
    """A class or id that names another box: "related-posts", "site-footer", "comments". Only a
    name's first or last word counts, and never a modifier ("header--social-icons")."""
    for token in f"{node.get('class') or ''} {node.get('id') or ''}".lower().split():
        if "--" in token:
            continue
        parts = [p for p in _MARK_WORDS.split(token) if p]
        if parts and (parts[0] in _ELSEWHERE_WORDS or parts[-1] in _ELSEWHERE_WORDS):
            return True
    return False


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


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
    headings = [_text(h) for h in tree.iter("h1") if _visible(h)]
    headings = [h for h in headings if 2 <= len(h) <= 300]
    for text, source in stated:
        for heading in headings:
            if _same_title(heading, text, names):
                return heading, source
    # no heading is a stated title: the one that says most of what a stated title says
    best: Optional[tuple[float, str, str]] = None
    side_parts = {_key(part) for text, _ in stated for part in _SEPARATORS.split(text)[1:]}
    for heading in headings:
        if _key(heading) in side_parts:  # "Story | Kabar Dunia" with <h1>Kabar Dunia</h1>: the site, not the story
            continue
        words = set(_key(heading).split())
        for text, source in stated:
            share = len(words & set(_key(text).split())) / max(len(words), 1)
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


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _same_title(heading: str, stated: str, names: set[str]) -> bool:
    """The heading is the stated title, or the stated title is the heading and the site's name
    ("The Space Review: Seeking a bigger role", "Seeking a bigger role - SpaceNews")."""
    h, t = _key(heading), _key(stated)
    if not h or h in {t, _key(_without_site_name(stated, names) or "")}:
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
    key = _key(part)
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
        if _types(node) & {"organization", "newsmediaorganization", "website"} and isinstance(node.get("name"), str):
            names.append(node["name"])
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [p for p in host.split(".") if p not in {"www", "com", "co", "org", "net", "uk", "news", "edition"}]
    if labels:
        names.append(labels[0] if len(labels) == 1 else labels[-2])
    keys = {_key(n.lstrip("@")) for n in names if n}
    keys |= {k.replace(" ", "") for k in keys}
    return {k for k in keys if k}


# -- authors -----------------------------------------------------------------------------------


def _authors(tree: HtmlElement, meta: dict, article: Optional[dict], index: dict[str, dict],
             names: set[str]) -> Optional[tuple[list[str], str]]:
    if article:
        found = _people(_jsonld_names(article.get("author"), index), names)
        found = found or [n for n in _single_person_names(article.get("author"), index) if _key(n) not in names]
        if found:
            return found, "json-ld"
    for key in _AUTHOR_META:
        values = [v for v in meta.get(key, []) if not re.match(r"https?:|www\.|@", v)]
        found = _people(values, names)
        if found:
            return found, "opengraph" if key.startswith("twitter:") else "meta"
    for el in _byline_elements(tree):
        inner = el.xpath('.//*[@itemprop="name"]')
        text = _text(inner[0]) if inner else _text(el)
        if not text or len(text) > 160:
            continue
        byline = parse_byline(text)
        found = _people([byline.author] if byline and byline.author else [text], names)
        if found:
            return found, "byline"
    return None


def _byline_elements(tree: HtmlElement) -> list[HtmlElement]:
    """Visible elements marked as the author or byline, the innermost of nested ones (the name,
    not the box that also holds the outlet and the date), outside comments and related boxes."""
    marked = [el for el in tree.xpath('//*[@itemprop="author"]|//*[@rel="author"]|//*[contains(@class, "byline")]'
                                      '|//*[contains(@class, "author")]')
              if el.tag not in ("meta", "link", "script", "style")]
    inside = {id(anc) for el in marked for anc in el.iterancestors()}
    return [el for el in marked if id(el) not in inside and _visible(el)]


def _single_person_names(value: Any, index: dict[str, dict]) -> list[str]:
    """A JSON-LD Person whose name is one capitalised word ("Regan"): a name, not a handle."""
    out = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = index.get(item["@id"], item)
        if isinstance(item, dict) and "person" in _types(item) and isinstance(item.get("name"), str):
            name = item["name"].strip()
            if re.fullmatch(r"[A-Z][a-z]{2,}", name) and not _NOT_PERSON.search(name):
                out.append(name)
    return out


def _jsonld_names(value: Any, index: dict[str, dict]) -> list[str]:
    """author as a string, a Person object (or its @id), or a list of either; organisations are not authors."""
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = index.get(item["@id"], item)
        if isinstance(item, str):
            out.append(html.unescape(item))
        elif isinstance(item, dict) and not (_types(item) & {"organization", "newsmediaorganization"}):
            name = item.get("name")
            if isinstance(name, list):
                out += [html.unescape(n) for n in name if isinstance(n, str)]
            elif isinstance(name, str):
                out.append(html.unescape(name))
    return out


def _people(values: Iterable[str], site: set[str]) -> list[str]:
    """Person names only, each once, from values that may hold several ("Jane Doe and John Roe")."""
    people: list[str] = []
    for value in values:
        value = " ".join((value or "").split())
        # "By Jane Doe", "Analysis by Jane Doe": the lead words go
        value = re.sub(r"^(?:[A-Za-z]+\s+){0,2}by\s*:?\s+", "", value, flags=re.I)
        for part in re.split(r"\s*(?:,|;|&|\band\b|\|)\s*|(?<=[a-z]{2})\.\s+", value):
            name = person_name(_name_words(part, site)) if part else None
            if not name or len(name.split()) < 2 or _NOT_PERSON.search(name) or _key(name) in site:
                continue
            if name.isupper():
                name = name.title()
            if name not in people:
                people.append(name)
    return people


def _name_words(words: str, site: set[str]) -> str:
    """The name at the head of a byline that runs on: "Malcolm Owen Monday", "Carrie ArnoldNovember",
    "Kevin McCoy USA TODAY Published", "Jill Lawless Associated Press", "Jane Doe Harbour Gazette";
    "" when the byline names a desk ("Science X staff") or starts with an acronym ("NJ Advance Media")."""
    tokens = words.split()
    shouting = all(t.isupper() for t in tokens if t.isalpha())
    for i, token in enumerate(tokens):
        glued = re.fullmatch(r"([A-Z][a-z]+|[A-Z]{2,})([A-Z][a-z]+\.?)", token)
        if i >= 1 and glued and (glued.group(2).lower().strip(".") in _CALENDAR_WORDS or _NOT_PERSON.fullmatch(glued.group(2))):
            return " ".join([*tokens[:i], glued.group(1)])
        low = token.lower().strip(".,")
        if _DESK.fullmatch(low):
            return ""
        if not shouting and token.isupper() and len(token) > 1 and token.isalpha():
            return "" if i < 2 else " ".join(tokens[:i])
        if i < 2:
            continue
        later = ["".join(_key(t).replace(" ", "") for t in tokens[i:j]) for j in range(i + 1, len(tokens) + 1)]
        if _NOT_PERSON.fullmatch(low) and i == len(tokens) - 1:
            return ""  # "European Space Agency": an organisation's whole name
        if (low in _CALENDAR_WORDS or low in _BYLINE_LABELS or re.match(r"\d", token) or _NOT_PERSON.fullmatch(low)
                or any(rest in site for rest in later)):
            return " ".join(tokens[:i])
    return words


# -- publication date -------------------------------------------------------------------------


def _published(tree: HtmlElement, meta: dict, article: Optional[dict], url: Optional[str]) -> Optional[tuple[str, str]]:
    found = _first_published(tree, meta, article, url)
    if found is None:
        return None
    stamp, source = found
    stamp = _in_page_zone(stamp, tree, meta)
    return _on_address_day(stamp, url), source


def _first_published(tree: HtmlElement, meta: dict, article: Optional[dict], url: Optional[str]) -> Optional[tuple[str, str]]:
    if article:
        stamp = _stamp(article.get("datePublished")) or _stamp(article.get("dateCreated"))
        if stamp:
            return stamp, "json-ld"
    for key in _DATE_META:
        for value in meta.get(key, []):
            stamp = _stamp(value)
            if stamp:
                return stamp, "opengraph" if key.startswith(("og:", "article:")) else "meta"
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        stamp = _stamp(el.get("content") or el.get("datetime"))
        if stamp:
            return stamp, "meta"
    for el in _dateline_elements(tree):
        stamp = _stamp(el.get("datetime")) or _stamp(_dateline_text(el))
        if stamp:
            return stamp, "dateline"
    for el in _byline_elements(tree):  # "By Jane Doe - 2019-04-10"
        text = _text(el)
        byline = parse_byline(text) if len(text) <= 120 else None
        if byline and byline.published:
            return byline.published, "byline"
    m = _URL_DATE.search(urlsplit(url).path if url else "")
    if m:
        stamp = _stamp("-".join(m.groups()))
        if stamp:
            return stamp, "url"
    return None


def _dateline_elements(tree: HtmlElement) -> Iterator[HtmlElement]:
    """<time> elements, then elements marked as a date ("date-published", "pubdate"), in page
    order, leaving out updates and whatever sits in related boxes, navigation or comments."""
    marked = tree.xpath('//time|//*[contains(@class, "date") or contains(@class, "publish") '
                        'or contains(@class, "posted") or contains(@class, "timestamp")]')
    for wanted_time in (True, False):
        for el in marked:
            if (el.tag == "time") != wanted_time:
                continue
            words = set(_MARK_WORDS.split(f"{el.get('class') or ''} {el.get('itemprop') or ''}".lower()))
            if words & _UPDATE_WORDS or not _visible(el):
                continue
            if el.tag != "time" and not words & _DATE_WORDS:
                continue
            yield el


def _dateline_text(el: HtmlElement) -> Optional[str]:
    text = _text(el)
    if not text or len(text) > 80 or re.match(r"(?:last\s+)?(?:updated|modified)\b", text, re.I):
        return None
    return re.sub(r"^(?:published|posted|first published|date)\s*:?\s*(?:on\s+)?", "", text, flags=re.I).strip(" -–|")


def _in_page_zone(stamp: str, tree: HtmlElement, meta: dict) -> str:
    """A UTC stamp re-expressed in the page's own zone when the page states the same moment in
    local time too (a <time> "20:59" beside "02:59Z"): the reader's date is the local one."""
    if not stamp.endswith("+00:00"):
        return stamp
    utc = datetime.fromisoformat(stamp).replace(second=0)
    others = [v for k in _DATE_META for v in meta.get(k, [])]
    for el in tree.iter("time"):
        others += [el.get("datetime") or "", _text(el)]
    for other in others:
        local = _stamp(other) if other else None
        if not local or "T" not in local or local.endswith("+00:00"):
            continue
        got = datetime.fromisoformat(local).replace(second=0)
        if got.tzinfo is not None:
            if abs((got - utc).total_seconds()) < 60:
                return got.isoformat()
            continue
        shift = (got - utc.replace(tzinfo=None)).total_seconds()
        if got.minute == utc.minute and shift % 900 == 0 and 0 < abs(shift) <= 14 * 3600:
            return datetime.fromisoformat(stamp).astimezone(timezone(timedelta(seconds=shift))).isoformat()
    return stamp


def _on_address_day(stamp: str, url: Optional[str]) -> str:
    """A UTC stamp that falls on the day after (or before) the date in the page's own address is the
    outlet's late-evening (early-morning) story: its day is the address's, its local time unknown."""
    m = _URL_DATE.search(urlsplit(url).path if url else "")
    if not m or not stamp.endswith("+00:00"):
        return stamp
    day = "-".join(m.groups())
    try:
        utc = datetime.fromisoformat(stamp)
        apart = (datetime.fromisoformat(day).date() - utc.date()).days
    except ValueError:
        return stamp
    # only when some zone in use (UTC-10 to UTC+14) puts the moment on the address's day
    if (apart == -1 and utc.hour < 10) or (apart == 1 and utc.hour >= 10):
        return day
    return stamp


def _stamp(value: Any) -> Optional[str]:
    """ISO 8601 as the page gives it: the time and offset kept when stated, a bare date otherwise."""
    if isinstance(value, list) and value:  # "datePublished": ["2024-03-05T09:30:00Z"]
        value = value[0]
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        got = datetime.fromisoformat(text.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", text) else text)
    except ValueError:
        return parse_dateline(text)
    if not 1990 <= got.year <= 2100:
        return None
    if len(text) <= 10 or (got.hour == got.minute == got.second == 0 and got.tzinfo is None):
        return got.date().isoformat()
    return got.replace(microsecond=0).isoformat()
