"""Who wrote a news page: person names from its JSON-LD author, its author meta tags, then its
visible byline; never an outlet, a desk ("Staff"), a handle or a date."""
from __future__ import annotations

import html
import re
from typing import Any, Iterable, Optional

from lxml import etree
from lxml.html import HtmlElement

from ..lexicon.dates import MONTHS, WEEKDAYS
from .bylines import parse_byline, person_name
from .pagetree import node_types, text_of, title_key, visible

NOT_PERSON = re.compile(r"\b(?:staff|desk|team|editors?|editorial|bureau|agency|agencies|wires?|news|newsroom|"
                         r"correspondents?|reporters?|contributors?|admin|press|media|online|digital|"
                         r"magazine|times|post|daily|service|associated|reuters|afp|ap|international|network|group|"
                         r"channel|tv|radio|insider|journal|herald|tribune|gazette|today|weekly|the)\b", re.I)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                "citation_author", "byl", "twitter:creator:name")
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_DESK = re.compile(r"staff|desk|team|editors?|editorial|bureau|newsroom|wires?|reports")
_BYLINE_LABELS = frozenset("published updated posted on at via for from in".split())


def read_authors(tree: HtmlElement, meta: dict, article: Optional[dict], index: dict[str, dict],
             names: set[str]) -> Optional[tuple[list[str], str]]:
    if article:
        found = _people(_jsonld_names(article.get("author"), index), names)
        found = found or [n for n in _single_person_names(article.get("author"), index) if title_key(n) not in names]
        if found:
            return found, "json-ld"
    for key in _AUTHOR_META:
        values = [v for v in meta.get(key, []) if not re.match(r"https?:|www\.|@", v)]
        found = _people(values, names)
        if found:
            return found, "opengraph" if key.startswith("twitter:") else "meta"
    for el in byline_elements(tree):
        inner = el.xpath('.//*[@itemprop="name"]')
        text = text_of(inner[0]) if inner else text_of(el)
        if not text or len(text) > 160:
            continue
        byline = parse_byline(text)
        found = _people([byline.author] if byline and byline.author else [text], names)
        if found:
            return found, "byline"
    return None


# One pass over the tree (a union of four // paths scans it four times), in page order.
_BYLINE_MARKS = etree.XPath('//*[@itemprop="author" or @rel="author" or contains(@class, "byline") '
                            'or contains(@class, "author")]')


def byline_elements(tree: HtmlElement) -> list[HtmlElement]:
    """Visible elements marked as the author or byline, the innermost of nested ones (the name,
    not the box that also holds the outlet and the date), outside comments and related boxes."""
    marked = [el for el in _BYLINE_MARKS(tree) if el.tag not in ("meta", "link", "script", "style")]
    inside = {id(anc) for el in marked for anc in el.iterancestors()}
    return [el for el in marked if id(el) not in inside and visible(el)]


def _single_person_names(value: Any, index: dict[str, dict]) -> list[str]:
    """A JSON-LD Person whose name is one capitalised word ("Regan"): a name, not a handle."""
    out = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = index.get(item["@id"], item)
        if isinstance(item, dict) and "person" in node_types(item) and isinstance(item.get("name"), str):
            name = item["name"].strip()
            if re.fullmatch(r"[A-Z][a-z]{2,}", name) and not NOT_PERSON.search(name):
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
        elif isinstance(item, dict) and not (node_types(item) & {"organization", "newsmediaorganization"}):
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
            if not name or len(name.split()) < 2 or NOT_PERSON.search(name) or title_key(name) in site:
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
    letters = [t for t in tokens if any(c.isalpha() for c in t)]
    shouting = len(letters) >= 2 and all(t.isupper() for t in letters[:2])  # "JILL LAWLESS Associated Press"
    for i, token in enumerate(tokens):
        glued = re.fullmatch(r"([A-Z][a-z]+|[A-Z]{2,})([A-Z][a-z]+\.?)", token)
        if i >= 1 and glued and (glued.group(2).lower().strip(".") in _CALENDAR_WORDS or NOT_PERSON.fullmatch(glued.group(2))):
            return " ".join([*tokens[:i], glued.group(1)])
        low = token.lower().strip(".,")
        if _DESK.fullmatch(low):
            return ""
        if not shouting and token.isupper() and len(token) > 1 and token.isalpha():
            return "" if i < 2 else " ".join(tokens[:i])
        if i < 2:
            continue
        if shouting and not token.isupper():
            return " ".join(tokens[:i])
        later = ["".join(title_key(t).replace(" ", "") for t in tokens[i:j]) for j in range(i + 1, len(tokens) + 1)]
        if NOT_PERSON.fullmatch(low) and i == len(tokens) - 1:
            return ""  # "European Space Agency": an organisation's whole name
        if (low in _CALENDAR_WORDS or low in _BYLINE_LABELS or re.match(r"\d", token) or NOT_PERSON.fullmatch(low)
                or any(rest in site for rest in later)):
            return " ".join(tokens[:i])
    return words
