"""JSON Lines: one article per line, with its metadata. A JSON array of such objects also works."""
from __future__ import annotations

import codecs
import json
import unicodedata
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

from .base import RawItem, ReadError
from .decode import SNIFF_BYTES, head_text, text_or_error, wide_encoding
from .limits import bounded_lines, file_head, open_maybe_gzip, too_large_container, too_large_record

if TYPE_CHECKING:
    from ..config import Config

MAX_ERRORS = 5  # per file; a file of records that are not articles is one line of warning, not thousands
META_FIELDS = ("id", "url", "title", "author", "published", "outlet")


def record_to_item(record: Any, source: str, kind: str = "jsonl") -> RawItem | str:
    """A RawItem from one JSON object, or the reason it is not one."""
    if not isinstance(record, dict):
        return f"not a JSON object ({type(record).__name__})"
    body: dict[str, str] = {}
    for key in ("text", "html"):
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return f"{key} is not a string ({type(value).__name__})"
        if value.strip():
            body[key] = unicodedata.normalize("NFC", value)
    if not body:
        return "neither text nor html"
    meta: dict[str, Optional[str]] = {}
    for key in META_FIELDS:
        value = record.get(key)
        if isinstance(value, (dict, list)):
            return f"{key} is not a single value"
        meta[key] = None if value is None else unicodedata.normalize("NFC", str(value))
    extra = {k: v for k, v in record.items() if k not in META_FIELDS and k not in ("text", "html")}
    return RawItem(source=source, kind=kind, text=body.get("text"), html=body.get("html"), extra=extra, **meta)


def _first_line_is_object(text: str, truncated: bool = False) -> bool:
    """Whether the first non-blank line is a JSON object; a line cut off by the end of a
    truncated head counts when it opens like one (JSONL lines holding whole pages are long)."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except (ValueError, RecursionError):
                cut = truncated and index == len(lines) - 1
                return cut and line.lstrip().startswith('{"')
    return False


class JsonlReader:
    name = "jsonl"
    extensions = (".jsonl", ".ndjson", ".json")

    def sniff(self, head: bytes, path: Optional[Path]) -> bool:
        return _first_line_is_object(head_text(head), truncated=len(head) >= SNIFF_BYTES)

    def read(self, data: bytes, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]:
        return _limit_errors(self._read(data, source, cfg.read.max_bytes), source)

    def read_file(self, path: Path, source: str, cfg: "Config") -> Iterator[RawItem | ReadError]:
        """Records streamed from a file of any size (gzip too), each line held to read.max_bytes. A whole-file
        JSON document (an array, a pretty-printed object) or UTF-16 text is read whole, up to
        read.max_container_bytes."""
        return _limit_errors(self._stream(path, source, cfg), source)

    def _read(self, data: bytes, source: str, limit: int) -> Iterator[RawItem | ReadError]:
        decoded = text_or_error(data, source)
        if isinstance(decoded, ReadError):
            yield decoded
            return
        text, notes = decoded.text, [decoded.note] if decoded.note else []
        if _whole_document_form(text):
            document = _whole_document(text)
            if document is not None:
                yield from self._read_records(document, source, notes)
                return
        # split on "\n" only: str.splitlines would also break at U+2028 inside JSON strings
        for number, line in enumerate(text.split("\n"), start=1):
            if len(line) > limit and len(line.encode("utf-8")) > limit:
                yield ReadError(source, f"line {number}: {too_large_record(len(line.encode('utf-8')), limit)}")
            elif line.strip():
                yield _record(line, number, source, notes)

    def _stream(self, path: Path, source: str, cfg: "Config") -> Iterator[RawItem | ReadError]:
        limit = cfg.read.max_bytes
        number = 0
        try:
            head = file_head(path, SNIFF_BYTES)
            with open_maybe_gzip(path) as fh:
                if wide_encoding(head) or _whole_document_form(
                        head_text(head), truncated=len(head) >= SNIFF_BYTES):
                    data = fh.read(cfg.read.max_container_bytes + 1)
                    if len(data) > cfg.read.max_container_bytes:
                        yield ReadError(source, f"a whole-file JSON document {too_large_container(cfg)}")
                        return
                    yield from self._read(data, source, limit)
                    return
                for number, line in enumerate(bounded_lines(fh, limit), start=1):
                    if isinstance(line, int):
                        yield ReadError(source, f"line {number}: {too_large_record(line, limit)}")
                        continue
                    if number == 1 and line.startswith(codecs.BOM_UTF8):
                        line = line[len(codecs.BOM_UTF8):]
                    if not line.strip():
                        continue
                    try:
                        text, notes = line.decode("utf-8"), []
                    except UnicodeDecodeError:
                        decoded = text_or_error(line, source)
                        if isinstance(decoded, ReadError):
                            yield ReadError(source, f"line {number}: {decoded.reason}")
                            continue
                        text, notes = decoded.text, [decoded.note] if decoded.note else []
                    yield _record(text, number, source, notes)
        except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt gzip: what came before is kept
            yield ReadError(source, f"unreadable after line {number} ({exc})")

    def _read_records(self, data: Any, source: str, notes: list[str]) -> Iterator[RawItem | ReadError]:
        """A whole-file JSON object or array of objects (pretty-printed .json); sources number records."""
        records = data if isinstance(data, list) else [data]
        for number, record in enumerate(records, start=1):
            item = record_to_item(record, f"{source}:{number}")
            if isinstance(item, RawItem):
                item.notes = list(notes)
                yield item
            else:
                yield ReadError(source, f"record {number}: {item}")


def _record(line: str, number: int, source: str, notes: list[str]) -> RawItem | ReadError:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return ReadError(source, f"line {number}: invalid JSON ({getattr(exc, 'msg', exc)})")
    item = record_to_item(record, f"{source}:{number}")
    if not isinstance(item, RawItem):
        return ReadError(source, f"line {number}: {item}")
    item.notes = list(notes)
    return item


def _whole_document_form(text: str, truncated: bool = False) -> bool:
    """A JSON document that is not one object per line: an array, or an object over several lines."""
    return not _first_line_is_object(text, truncated) and text.lstrip().startswith(("[", "{"))


def _limit_errors(results: Iterator[RawItem | ReadError], source: str) -> Iterator[RawItem | ReadError]:
    """Pass items on; report at most MAX_ERRORS bad records, and one line when none was an article."""
    held: list[ReadError] = []
    shown = extra = 0
    seen_item = False
    for result in results:
        if isinstance(result, RawItem):
            if not seen_item:
                seen_item = True
                for err in held[:MAX_ERRORS]:
                    yield err
                shown, extra = min(len(held), MAX_ERRORS), max(0, len(held) - MAX_ERRORS)
            yield result
        elif not seen_item:
            held.append(result)
        elif shown < MAX_ERRORS:
            shown += 1
            yield result
        else:
            extra += 1
    if not seen_item:
        if len(held) == 1:
            yield held[0]
        elif held:
            yield ReadError(source, f"no articles in {len(held)} records (first: {held[0].reason})")
    elif extra:
        yield ReadError(source, f"{extra} more bad records not listed")


def _whole_document(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None
