"""RSS and Atom feeds: one article per entry that carries its full text.

The XML is first parsed with defusedxml so that entity declarations and external entities
(billion laughs, file disclosure) are refused before feedparser sees the bytes.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
import feedparser
from defusedxml.common import DefusedXmlException

from .base import RawItem, ReadError
from .decode import head_text
from .limits import too_large_record

if TYPE_CHECKING:
    from ..config import Config

_PROLOGUE = re.compile(r"^\s*(?:<\?[^>]*>\s*|<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*", re.S | re.I)
_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>/]", re.I)
_TAGS = re.compile(r"<[^>]*>")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FeedReader:
    name = "feed"
    extensions = (".rss", ".atom", ".xml")
    container = True  # many articles in one document: read whole up to read.max_container_bytes

    def sniff(self, head: bytes, path: Optional[Path]) -> bool:
        text = head_text(head)
        return bool(_ROOT.match(text, _PROLOGUE.match(text).end()))

    def read(self, data: bytes, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]:
        well_formed_error: Optional[str] = None
        try:
            defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        except DefusedXmlException:
            yield ReadError(source, "XML entity declarations refused")
            return
        except ParseError as exc:
            well_formed_error = str(exc)  # feedparser is lenient (undeclared &nbsp; ...); judge by its result
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
        entries = parsed.get("entries") or []
        if not entries:
            problem = well_formed_error or (str(parsed.get("bozo_exception")) if parsed.get("bozo") else None)
            yield ReadError(source, f"malformed feed: {problem}" if problem else "feed has no entries")
            return
        outlet = _clean(parsed.get("feed", {}).get("title"))
        summary_only = 0
        for number, entry in enumerate(entries, start=1):
            body, is_html = _body(entry, cfg.read.feed_summary_min_chars)
            if body is None:
                summary_only += 1
                continue
            link = _clean(entry.get("link"))
            size = len(body.encode("utf-8"))
            if size > cfg.read.max_bytes:
                yield ReadError(link or f"{source}#{number}", too_large_record(size, cfg.read.max_bytes))
                continue
            yield RawItem(
                source=link or f"{source}#{number}", kind="html",
                html=body if is_html else None, text=None if is_html else body,
                id=None, url=link, title=_clean(entry.get("title")), author=_author(entry),
                published=_published(entry), outlet=outlet,
                extra={"reader": "feed", "feed": source, "entry_id": entry.get("id")},
            )
        if summary_only == len(entries) and well_formed_error:
            yield ReadError(source, f"malformed feed: {well_formed_error}")
        elif summary_only:
            yield ReadError(source, f"{summary_only} of {len(entries)} entries have only a short summary, no full text")


def _clean(value: Any) -> Optional[str]:
    if not isinstance(value, str) or not value.strip():
        return None
    return unicodedata.normalize("NFC", value.strip())


def _body(entry: Any, min_summary_chars: int) -> tuple[Optional[str], bool]:
    """The entry's full content, else its summary when that is long enough to be the article."""
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return unicodedata.normalize("NFC", value), "html" in (content.get("type") or "text/html")
    summary = entry.get("summary")
    if isinstance(summary, str) and len(_TAGS.sub("", summary).strip()) >= min_summary_chars:
        detail = entry.get("summary_detail") or {}
        return unicodedata.normalize("NFC", summary), "html" in (detail.get("type") or "text/html")
    return None, False


def _author(entry: Any) -> Optional[str]:
    detail = entry.get("author_detail") or {}
    return _clean(detail.get("name")) or _clean(entry.get("author"))


def _published(entry: Any) -> Optional[str]:
    """ISO 8601 with the feed's own UTC offset; a bare date stays a date."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not isinstance(raw, str) or not raw.strip():
            continue
        raw = raw.strip()
        if _DATE_ONLY.match(raw):
            return raw
        for parse in (parsedate_to_datetime, lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))):
            try:
                return parse(raw).isoformat()
            except (TypeError, ValueError, IndexError):
                pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
    return None
