"""Plain text files: the whole file is one article."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from .base import RawItem, ReadError
from .decode import text_or_error

if TYPE_CHECKING:
    from ..config import Config


class TextReader:
    name = "text"
    extensions = (".txt", ".text", ".md")

    def sniff(self, head: bytes, path: Optional[Path]) -> bool:
        return False  # the fallback: chosen by extension or when nothing else claims the input

    def read(self, data: bytes, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]:
        decoded = text_or_error(data, source)
        if isinstance(decoded, ReadError):
            yield decoded
            return
        yield RawItem(source=source, kind="text", text=decoded.text, stem=path.stem if path else None,
                      notes=[decoded.note] if decoded.note else [])
