"""The reader registry: built-in readers, readers registered in code, and entry-point plugins.

Plugins (anything not built in) are asked first, so a plugin can claim a format the built-in
readers would otherwise take as plain text, e.g. by its file extension.
"""
from __future__ import annotations

import importlib.metadata
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional, Protocol, runtime_checkable

from .base import RawItem, ReadError

if TYPE_CHECKING:
    from ..config import Config

ENTRY_POINT_GROUP = "newsprism.readers"


@runtime_checkable
class Reader(Protocol):
    """One input format. `sniff` looks at the first bytes (and the path, if any) and claims them."""

    name: str
    extensions: tuple[str, ...]

    def sniff(self, head: bytes, path: Optional[Path]) -> bool: ...

    def read(self, data: bytes, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]: ...

    # Optional: `read_file(path, source, cfg)` streams the records of a file of any size (used for files
    # instead of `read`); `container = True` reads a many-record file whole up to read.max_container_bytes.


def _builtins() -> dict[str, Reader]:
    from .feed import FeedReader
    from .html import HtmlReader
    from .jsonl import JsonlReader
    from .text import TextReader
    from .warc import WarcReader

    # Sniff order: the most specific signatures first; text takes whatever is left.
    readers: list[Reader] = [WarcReader(), FeedReader(), HtmlReader(), JsonlReader(), TextReader()]
    return {r.name: r for r in readers}


READERS: dict[str, Reader] = _builtins()
BUILTIN_NAMES: tuple[str, ...] = tuple(READERS)
_plugins_loaded = False
_lock = threading.Lock()


def register_reader(reader: Reader) -> None:
    """Add a reader (or replace the one with the same name); readers not built in are sniffed first."""
    if not isinstance(reader, Reader) or isinstance(reader, type):
        raise TypeError(f"{reader!r} is not a Reader (needs name, extensions, sniff, read)")
    READERS[reader.name] = reader


def load_plugins() -> None:
    """Register the readers of the `newsprism.readers` entry points, once per process."""
    global _plugins_loaded
    with _lock:
        if _plugins_loaded:
            return
        _plugins_loaded = True
        for ep in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            try:
                obj = ep.load()
                # a Reader, or a factory of one (a class would pass the protocol check itself)
                reader = obj if isinstance(obj, Reader) and not isinstance(obj, type) else obj()
                register_reader(reader)
            except Exception as exc:  # a broken plugin must not take the built-in readers down
                warnings.warn(f"newsprism: reader plugin {ep.name!r} failed to load: {type(exc).__name__}: {exc}",
                              RuntimeWarning, stacklevel=2)


def sniff_order() -> list[Reader]:
    """Plugins in registration order, then the built-ins from most to least specific."""
    load_plugins()
    plugins = [r for n, r in READERS.items() if n not in BUILTIN_NAMES]
    return plugins + [READERS[n] for n in BUILTIN_NAMES if n in READERS]


def choose_reader(head: bytes, path: Optional[Path]) -> Reader:
    """Content first (every reader's sniff), then the file extension, then plain text."""
    order = sniff_order()
    for reader in order:
        try:
            if reader.sniff(head, path):
                return reader
        except Exception:  # a sniffer that fails simply does not claim the input
            continue
    if path is not None:
        name = path.name.lower()
        for reader in order:
            if any(name.endswith(ext) for ext in reader.extensions):
                return reader
    return READERS.get("text") or order[-1]
