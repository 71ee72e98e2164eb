"""JSON Lines: one article per line, with its metadata. A JSON array of such objects also works."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

from .base import RawItem, ReadError
from .decode import SNIFF_BYTES, head_text, text_or_error

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
        return _limit_errors(self._read(data, source), source)

    def _read(self, data: bytes, source: str) -> Iterator[RawItem | ReadError]:
        text = text_or_error(data, source)
        if isinstance(text, ReadError):
            yield text
            return
        if not _first_line_is_object(text) and text.lstrip().startswith(("[", "{")):
            document = _whole_document(text)
            if document is not None:
                yield from self._read_records(document, source)
                return
        # split on "\n" only: str.splitlines would also break at U+2028 inside JSON strings
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:
                yield ReadError(source, f"line {number}: invalid JSON ({getattr(exc, 'msg', exc)})")
                continue
            item = record_to_item(record, f"{source}:{number}")
            yield item if isinstance(item, RawItem) else ReadError(source, f"line {number}: {item}")

    def _read_records(self, data: Any, source: str) -> Iterator[RawItem | ReadError]:
        """A whole-file JSON object or array of objects (pretty-printed .json); sources number records."""
        records = data if isinstance(data, list) else [data]
        for number, record in enumerate(records, start=1):
            item = record_to_item(record, f"{source}:{number}")
            yield item if isinstance(item, RawItem) else ReadError(source, f"record {number}: {item}")


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
