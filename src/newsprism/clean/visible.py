"""The visible text of a page the article extractor could not read (nested past lxml's depth limit,
an unclosed <title> that swallows the body, ...), from a tokenizer that builds no tree.

Used only when extraction found nothing: the text is then cleaned like plain text, so navigation
and other page chrome are judged line by line.

    >>> page = "<html><head><title>Pilots end strike<body><p>Pilots ended &amp; left.<script>x()</script><p>Ships sailed."
    >>> visible_text(page)
    ('Pilots ended & left.\\n\\nShips sailed.', 'Pilots end strike')
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Optional

# Elements whose content is never shown: code, styles, templates, and the page's head.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "title", "iframe", "object"})
# What a <head> holds; any other element starts the body, as browsers read it.
_HEAD_ELEMENTS = frozenset({"head", "meta", "link", "title", "style", "script", "base", "noscript", "template"})
# Elements that break the text into blocks (paragraphs, headings, items, rows).
_BLOCKS = frozenset(
    "address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split())
_SPACE = re.compile(r"\s+")
_BLOCK_RUN = re.compile(r"\s*\n\s*")


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden: list[str] = []     # open hidden elements, innermost last
        self.parts: list[str] = []
        self.title: Optional[str] = None
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body" or (self.hidden[:1] == ["head"] and tag not in _HEAD_ELEMENTS):
            self.hidden.clear()  # an unclosed <head> or <title> ends where the body begins
            self._end_title()
        if tag != "body":
            if self.hidden[-1:] == ["title"]:  # a tag inside <title>: the title was never closed
                self._end_title()
                self.hidden.pop()
            if tag in _HIDDEN:
                self.hidden.append(tag)
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.hidden:
            while self.hidden:
                if self.hidden.pop() == tag:
                    break
            if tag == "title":
                self._end_title()
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.hidden[-1:] == ["title"]:
            self._title.append(data)
        elif not self.hidden:
            self.parts.append(_SPACE.sub(" ", data))

    def _end_title(self) -> None:
        if self.title is None and self._title:
            self.title = _SPACE.sub(" ", "".join(self._title)).strip() or None
        self._title = []


def visible_text(html: str) -> tuple[str, Optional[str]]:
    """(the text a reader of the page would see, blocks separated by a blank line; the <title>)."""
    parser = _Visible()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; whatever it read before a failure is kept
        pass
    parser._end_title()
    text = _BLOCK_RUN.sub("\n\n", "".join(parser.parts)).strip()
    return "\n\n".join(line.strip() for line in text.split("\n\n") if line.strip()), parser.title
