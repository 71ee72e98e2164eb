"""HTML pages: decoded as the page declares; cleaning extracts the article and its metadata."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from .base import RawItem, ReadError
from .decode import DecodeError, declared_charset, decode_text, head_text

if TYPE_CHECKING:
    from ..config import Config

_PROLOGUE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*", re.S)
_TAG = re.compile(r"<[!/?]?[A-Za-z][^<>]*>")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main)[\s>/]", re.I)
_FIRST_ELEMENT = re.compile(r"<([A-Za-z][A-Za-z0-9]*)[\s>/]")
# Elements a page fragment may open with; other XML (feeds, sitemaps, SVG) is not HTML.
_HTML_ELEMENTS = frozenset(
    "a abbr address article aside b blockquote br caption center cite code dd del details dfn div dl dt em "
    "figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i img ins kbd li link main mark nav "
    "noscript ol p pre q s script section small span strong style sub summary sup table tbody td template "
    "th thead time tr u ul".split())


def looks_like_html(text: str) -> bool:
    """A doctype or <html> first, or a document that starts with a tag and is mostly tags."""
    start = text[_PROLOGUE.match(text).end():]
    if _HTML_START.match(start):
        return True
    first = _FIRST_ELEMENT.match(start)
    if first is None or first.group(1).lower() not in _HTML_ELEMENTS:
        return False
    tags = _TAG.findall(text)
    visible = sum(1 for ch in text if not ch.isspace())
    return len(tags) >= 3 and sum(len(t) for t in tags) > 0.5 * max(visible, 1)


class HtmlReader:
    name = "html"
    extensions = (".html", ".htm", ".xhtml", ".shtml")

    def sniff(self, head: bytes, path: Optional[Path]) -> bool:
        return looks_like_html(head_text(head))

    def read(self, data: bytes, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]:
        try:
            decoded = decode_text(data, declared=declared_charset(data[:8192]))
        except DecodeError as exc:
            yield ReadError(source, str(exc))
            return
        if not decoded.text.strip():
            yield ReadError(source, "no text (only whitespace)")
            return
        yield RawItem(source=source, kind="html", html=decoded.text, stem=path.stem if path else None,
                      notes=[decoded.note] if decoded.note else [])
