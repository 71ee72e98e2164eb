"""What a reader calls a document: its outlet, else its site, else its title shortened.

Every view names documents through `doc_name`, so one article is called the same thing in the brief,
the ledger, the tables and the chips. Document ids are for machines: they appear only in the JSON
(and in the report's Documents section, labelled as the id).
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, Protocol
from urllib.parse import urlsplit

TITLE_CHARS = 48             # a longer title is cut at a word boundary and ends with "…"


class Named(Protocol):
    outlet: Optional[str]
    url: Optional[str]
    source: Optional[str]
    title: Optional[str]


def site_of(url: Optional[str]) -> str:
    """'www.bbc.co.uk' from 'https://www.bbc.co.uk/news/x': the host without 'www.'; '' for no web address."""
    if not url or not re.match(r"^https?://", url, re.I):
        return ""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return re.sub(r"^www\d*\.", "", host)


def short_title(title: Optional[str], limit: int = TITLE_CHARS) -> str:
    """The title on one line, cut at a word boundary when longer than `limit`."""
    t = re.sub(r"\s+", " ", title or "").strip()
    if len(t) <= limit:
        return t
    cut = t[:limit].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return (cut or t[:limit]) + "…"


def doc_name(d: Optional[Named]) -> str:
    """The outlet, else the site of its URL (or source address), else its shortened title."""
    if d is None:
        return "unknown document"
    outlet = re.sub(r"\s+", " ", d.outlet or "").strip()
    return (outlet or site_of(d.url) or site_of(d.source) or short_title(d.title)
            or "untitled document")


def doc_ref(d: Optional[Named]) -> str:
    """A document's name inside a sentence: a title (no outlet, no site) is set in quotation marks so it
    does not read as part of the sentence ('Only “Talks end early” states this')."""
    name = doc_name(d)
    if d is None or (d.outlet or "").strip() or site_of(d.url) or site_of(d.source) or not short_title(d.title):
        return name
    return f"“{name}”"


def names_phrase(names: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C' (each name once, in order)."""
    ns = list(dict.fromkeys(names))
    if not ns:
        return ""
    return ns[0] if len(ns) == 1 else ", ".join(ns[:-1]) + " and " + ns[-1]


def plural(n: int, word: str, words: Optional[str] = None) -> str:
    """'1 document', '2 documents' ('1 story', '3 stories' with words='stories')."""
    return f"{n} {word if n == 1 else (words or word + 's')}"
