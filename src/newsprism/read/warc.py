"""WARC archives (web crawls): every HTTP response that carries an HTML page is one article."""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from fastwarc.warc import ArchiveIterator, WarcRecordType

from .base import RawItem, ReadError
from .decode import DecodeError, declared_charset, decode_bytes
from .html import looks_like_html

if TYPE_CHECKING:
    from ..config import Config

HTML_TYPES = ("text/html", "application/xhtml+xml")


class WarcReader:
    name = "warc"
    extensions = (".warc", ".arc")

    def sniff(self, head: bytes, path: Optional[Path]) -> bool:
        return head.startswith(b"WARC/1.")

    def read(self, data: bytes, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]:
        responses = pages = 0
        try:
            records = ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response,
                                      parse_http=True, auto_decode="all")
            for record in records:
                responses += 1
                item = _page(record, source)
                if item is not None:
                    pages += 1
                    yield item
        except Exception as exc:  # fastwarc raises OSError/ValueError variants on broken archives
            yield ReadError(source, f"malformed WARC after {responses} responses: {exc}")
            return
        if pages == 0:
            yield ReadError(source, f"no HTML pages in WARC ({responses} HTTP responses)")


def _page(record, source: str) -> RawItem | ReadError | None:
    """The HTML page a response record carries; None for redirects, errors and non-HTML bodies."""
    if not record.is_http:
        return None
    status = record.http_headers.status_code if record.http_headers is not None else None
    if status is not None and not 200 <= status < 300:
        return None
    body = record.reader.read()
    content_type = (record.http_content_type or "").lower()
    if content_type and content_type not in HTML_TYPES:
        return None
    if not content_type and not looks_like_html(body[:65536].decode("utf-8", errors="replace")):
        return None
    url = record.headers.get("WARC-Target-URI") or None
    where = url or f"{source}#{record.record_id}"
    try:
        html = decode_bytes(body, declared=record.http_charset or declared_charset(body[:8192]))
    except DecodeError as exc:
        return ReadError(where, str(exc))
    if not html.strip():
        return None
    extra = {"reader": "warc", "archive": source, "crawled": record.headers.get("WARC-Date")}
    return RawItem(source=where, kind="html", html=html, url=url, extra=extra)
