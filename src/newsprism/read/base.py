"""What readers take and produce: an article held in memory, raw articles (not yet cleaned), and
one-line errors about inputs."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class RawItem:
    """One article as read, before cleaning. Given metadata wins over what cleaning extracts."""

    source: str                      # the path as given, "file.jsonl:12", a WARC record's URL, or "<stdin>"
    kind: str                        # reader name: text | html | jsonl | warc | feed | a plugin's
    text: Optional[str] = None       # decoded plain text, or
    html: Optional[str] = None       # decoded HTML (cleaning extracts text and metadata)
    id: Optional[str] = None         # an id the input gives (JSONL `id`); else the pipeline assigns one
    stem: Optional[str] = None       # file stem, used for the document id of file inputs
    url: Optional[str] = None
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    extra: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # how it was read, when that matters (a fallback decoding)


@dataclass
class ReadError:
    """An input that yielded nothing usable: named, with the reason, in one line."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Article:
    """An article held in memory: give `text` or `html`, and any metadata you know (it wins)."""

    text: Optional[str] = None
    html: Optional[str] = None
    id: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None

    def __post_init__(self) -> None:
        if (self.text is None) == (self.html is None):
            raise ValueError("an Article needs exactly one of text= or html=")

    def to_raw_item(self, source: str) -> RawItem:
        return RawItem(source=self.url or source, kind="html" if self.html is not None else "text",
                       text=self.text, html=self.html, id=self.id, url=self.url, title=self.title,
                       author=self.author, published=self.published, outlet=self.outlet)
