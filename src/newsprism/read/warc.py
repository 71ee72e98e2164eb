"""WARC archives (web crawls): every HTTP response that carries an HTML page is one article.

A file is streamed record by record (inflated on the fly when gzip), so an archive may be any size;
each response is held to read.max_bytes. A record whose block is shorter than its declared length (a
crawl or download cut off) is skipped with a reason, and every record before it is kept.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

from fastwarc.warc import ArchiveIterator, WarcRecordType

from .base import RawItem, ReadError
from .decode import DecodeError, declared_charset, decode_text
from .html import looks_like_html
from .limits import UntilCut, open_maybe_gzip, too_large_record

if TYPE_CHECKING:
    from ..config import Config

HTML_TYPES = ("text/html", "application/xhtml+xml")


class WarcReader:
    name = "warc"
    extensions = (".warc", ".arc")

    def sniff(self, head: bytes, path: Optional[Path]) -> bool:
        return head.startswith(b"WARC/1.")

    def read(self, data: bytes, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]:
        return read_archive(io.BytesIO(data), source, cfg.read.max_bytes)

    def read_file(self, path: Path, source: str, cfg: "Config") -> Iterator[RawItem | ReadError]:
        # Python's gzip, not fastwarc's: it raises at a cut-off member, where fastwarc stops silently
        with UntilCut(open_maybe_gzip(path)) as fh:
            yield from read_archive(fh, source, cfg.read.max_bytes)


def read_archive(stream: Any, source: str, limit: int) -> Iterator[RawItem | ReadError]:
    """The pages of an archive (a path, or a binary stream), then one line if it held none."""
    responses = pages = errors = 0
    try:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=False, fsspec_args=False,
                                  stream_detect=False)
        for record in records:
            responses += 1
            item = _page(record, source, limit)
            if isinstance(item, RawItem):
                pages += 1
            elif item is not None:
                errors += 1
            if item is not None:
                yield item
    except Exception as exc:  # fastwarc raises OSError/ValueError variants on broken archives
        yield ReadError(source, f"malformed WARC after {responses} responses: {exc}")
        return
    if pages == 0 and errors == 0:
        yield ReadError(source, f"no HTML pages in WARC ({responses} HTTP responses)")


def _is_page(record: Any) -> Optional[bool]:
    """Whether the parsed HTTP response is a 2xx HTML page; None when its type is not declared."""
    status = record.http_headers.status_code if record.http_headers is not None else None
    if status is not None and not 200 <= status < 300:
        return False
    content_type = (record.http_content_type or "").lower()
    if content_type:
        return content_type in HTML_TYPES
    return None


def _page(record: Any, source: str, limit: int) -> RawItem | ReadError | None:
    """The HTML page a response record carries, a ReadError for a page that is cut off or too large,
    None for redirects, errors and non-HTML bodies."""
    if not record.is_http:
        return None
    url = record.headers.get("WARC-Target-URI") or None
    where = url or f"{source}#{record.record_id}"
    declared = record.content_length
    if declared > limit:
        record.parse_http()  # the headers only: is it a page at all?
        return ReadError(where, too_large_record(declared, limit)) if _is_page(record) is not False else None
    block = record.reader.read()
    record.set_bytes_content(block)
    try:
        record.parse_http(auto_decode="all")
    except OSError:
        headers_ok = False
    else:
        headers_ok = True
    if len(block) < declared:
        if headers_ok and _is_page(record) is False:
            return None
        return ReadError(where, f"truncated record ({len(block)} of {declared} bytes): skipped")
    if not headers_ok:
        return ReadError(where, "unreadable HTTP headers")
    page = _is_page(record)
    if page is False:
        return None
    body = record.reader.read()
    if page is None and not looks_like_html(body[:65536].decode("utf-8", errors="replace")):
        return None
    try:
        decoded = decode_text(body, declared=record.http_charset or declared_charset(body[:8192]))
    except DecodeError as exc:
        return ReadError(where, str(exc))
    if not decoded.text.strip():
        return None
    extra = {"reader": "warc", "archive": source, "crawled": record.headers.get("WARC-Date")}
    return RawItem(source=where, kind="html", html=decoded.text, url=url, extra=extra,
                   notes=[decoded.note] if decoded.note else [])
