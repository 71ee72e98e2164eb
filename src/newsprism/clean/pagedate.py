"""When a news page was published, from its own statements in order of trust: JSON-LD
datePublished, OpenGraph and meta tags, microdata, the visible dateline, the byline, the address's
date path. Never the modified date, never a date in a related-links box."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator, Optional
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .bylines import parse_byline
from .metadata import parse_dateline
from .pageauthors import byline_elements
from .pagetree import MARK_WORDS, text_of, visible

_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:/|[_-]|\.|$)")
_DATE_META = ("article:published_time", "og:article:published_time", "published_time", "article.published",
              "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "published-date",
              "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
              "dc.date", "date", "citation_publication_date", "og:published_time", "article_date_original",
              "original-publish-date", "displaydate", "cxenseparse:recs:publishtime")
_DATE_WORDS = frozenset("date dateline pubdate published publish publishdate posted timestamp time".split())
_UPDATE_WORDS = frozenset("updated update modified modify lastmod revised".split())


def read_published(tree: HtmlElement, meta: dict, article: Optional[dict], url: Optional[str]) -> Optional[tuple[str, str]]:
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
    for el in byline_elements(tree):  # "By Jane Doe - 2019-04-10"
        text = text_of(el)
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
            words = set(MARK_WORDS.split(f"{el.get('class') or ''} {el.get('itemprop') or ''}".lower()))
            if words & _UPDATE_WORDS or not visible(el):
                continue
            if el.tag != "time" and not words & _DATE_WORDS:
                continue
            yield el


def _dateline_text(el: HtmlElement) -> Optional[str]:
    text = text_of(el)
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
        others += [el.get("datetime") or "", text_of(el)]
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
