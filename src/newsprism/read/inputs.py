"""Turn what a user names (paths, directories, "-", Articles, RawItems, dicts) into RawItems or ReadErrors.

Bad input never stops a batch: every problem becomes one ReadError with a one-line reason.
Sizes are checked with stat before a file is read, and a gzip stream is never inflated past
the same limit.
"""
from __future__ import annotations

import os
import re
import stat
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Iterator, Optional

from .base import Article, RawItem, ReadError
from .decode import SNIFF_BYTES
from .jsonl import record_to_item
from .limits import file_head, size_text, too_large
from .registry import Reader, choose_reader

if TYPE_CHECKING:
    from ..config import Config

Input = str | os.PathLike | Article | RawItem | dict
STDIN = "<stdin>"
_GZIP = b"\x1f\x8b"


def read_inputs(inputs: Iterable[Input], cfg: "Config", stdin: Optional[BinaryIO] = None) -> Iterator[RawItem | ReadError]:
    """Every article in `inputs`, in order; a directory is walked recursively in sorted order."""
    for position, given in enumerate(inputs, start=1):
        if isinstance(given, RawItem):
            yield given
        elif isinstance(given, Article):
            yield given.to_raw_item(f"<article {position}>")
        elif isinstance(given, dict):
            source = f"<input>:{position}"
            item = record_to_item(given, source, kind="jsonl")
            yield item if isinstance(item, RawItem) else ReadError(source, item)
        elif isinstance(given, (str, os.PathLike)):
            yield from _read_named(given, cfg, stdin)
        else:
            yield ReadError(f"<input>:{position}", f"unsupported input type {type(given).__name__}")


def read_bytes(data: bytes, source: str, path: Optional[Path], cfg: "Config",
               limit: Optional[int] = None) -> Iterator[RawItem | ReadError]:
    """Sniff `data` and read it with the reader that claims it (gzip is opened first, to at most `limit`
    bytes: read.max_bytes unless the caller allows a container's size)."""
    if not data:
        yield ReadError(source, "empty file" if path is not None else "empty input")
        return
    if data.startswith(_GZIP):
        try:
            data = gunzip(data, limit or cfg.read.max_bytes)
        except ValueError as exc:
            yield ReadError(source, str(exc))
            return
        if path is not None and path.suffix.lower() in (".gz", ".gzip"):
            path = path.with_suffix("")  # x.warc.gz is sniffed and named as x.warc
        if not data:
            yield ReadError(source, "empty file (inside gzip)")
            return
        if data.startswith(_GZIP):
            yield ReadError(source, "binary file (gzip inside gzip)")
            return
    reader = choose_reader(data[:SNIFF_BYTES], path)
    yield from _guarded(reader, lambda: reader.read(data, source, path, cfg), source)


def _guarded(reader: Reader, results: Callable[[], Iterable[RawItem | ReadError]], source: str) -> Iterator[RawItem | ReadError]:
    """A reader's results with one-line reasons; a reader bug (or a plugin's) costs this input, never the batch."""
    try:
        for result in results():
            if isinstance(result, ReadError):
                result = ReadError(result.source, one_line(result.reason))
            yield result
    except Exception as exc:
        yield ReadError(source, one_line(f"{reader.name} reader failed: {type(exc).__name__}: {exc}"))


def gunzip(data: bytes, limit: int) -> bytes:
    """Inflate every member of a gzip stream, refusing more than `limit` bytes of output."""
    out: list[bytes] = []
    size = 0
    while data:
        inflater = zlib.decompressobj(wbits=31)
        try:
            chunk = inflater.decompress(data, limit + 1 - size)
        except zlib.error as exc:
            raise ValueError(f"corrupt gzip ({exc})") from None
        size += len(chunk)
        out.append(chunk)
        if size > limit or inflater.unconsumed_tail:
            raise ValueError(f"too large when decompressed (> {size_text(limit)} limit; set read.max_bytes)")
        if not inflater.eof:
            raise ValueError("corrupt gzip (truncated)")
        data = inflater.unused_data
        if data and not data.startswith(_GZIP):
            break  # trailing garbage after the last member, as gzip(1) tolerates
    return b"".join(out)


def one_line(reason: str, limit: int = 300) -> str:
    reason = re.sub(r"\s+", " ", reason).strip()
    return reason if len(reason) <= limit else reason[: limit - 1] + "…"


def _read_named(given: str | os.PathLike, cfg: "Config", stdin: Optional[BinaryIO]) -> Iterator[RawItem | ReadError]:
    name = os.fspath(given)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    if name == "-":
        yield from _read_stream(stdin if stdin is not None else sys.stdin.buffer, STDIN, None, cfg)
        return
    path = Path(name)
    try:
        info = path.stat()
    except FileNotFoundError:
        yield ReadError(name, "no such file or directory")
        return
    except OSError as exc:
        yield ReadError(name, one_line(f"cannot open ({exc.strerror or exc})"))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_directory(path, name, cfg)
    else:
        yield from _read_file(path, name, info, cfg)


def _read_directory(root: Path, name: str, cfg: "Config") -> Iterator[RawItem | ReadError]:
    """Every visible regular file under `root`, in sorted order; every path skipped gets its one line."""
    entries = _visible_entries(root)
    for rel, problem in entries:
        source = os.path.join(name, *rel)
        if problem is not None:
            yield ReadError(source, problem)
            continue
        path = root.joinpath(*rel)
        try:
            info = path.stat()
        except OSError as exc:
            yield ReadError(source, one_line(f"cannot open ({exc.strerror or exc})"))
            continue
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the run forever, a device never end
            yield ReadError(source, f"not a regular file ({_file_kind(info.st_mode)})")
            continue
        yield from _read_file(path, source, info, cfg)
    if not entries:
        yield ReadError(name, "empty directory (no visible files)")


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "not a file"


def _visible_entries(root: Path) -> list[tuple[tuple[str, ...], Optional[str]]]:
    """(relative path parts, None) for every file under root, and (parts, reason) for every folder that
    could not be listed or is a symbolic link (not followed); sorted like `find | sort`. Hidden files
    and folders (a leading dot) are not read."""
    found: list[tuple[tuple[str, ...], Optional[str]]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        rel = where.relative_to(root).parts if where != root and root in where.parents else ()
        found.append((rel, one_line(f"cannot open folder ({exc.strerror or exc})")))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        base = Path(dirpath).relative_to(root).parts
        kept = []
        for d in dirnames:
            if d.startswith("."):
                continue
            if os.path.islink(os.path.join(dirpath, d)):
                found.append((base + (d,), "a symbolic link to a folder (not followed)"))
            else:
                kept.append(d)
        dirnames[:] = kept
        found.extend((base + (f,), None) for f in filenames if not f.startswith("."))
    return sorted(found)


def _sniff_file(path: Path) -> tuple[bytes, Path]:
    """The first bytes of a file as the sniffers see them (inflated when gzip), and the name to sniff by."""
    with open(path, "rb") as fh:
        gz = fh.read(2) == _GZIP
    if gz and path.suffix.lower() in (".gz", ".gzip"):
        return file_head(path, SNIFF_BYTES), path.with_suffix("")
    return file_head(path, SNIFF_BYTES), path


def _read_file(path: Path, source: str, info: os.stat_result, cfg: "Config") -> Iterator[RawItem | ReadError]:
    limit = cfg.read.max_bytes
    if stat.S_ISREG(info.st_mode):
        if info.st_size == 0:
            yield ReadError(source, "empty file")
            return
        try:
            head, named = _sniff_file(path)
        except (OSError, EOFError, zlib.error):
            head, named = b"", path  # read_bytes says what is wrong with it
        reader = choose_reader(head, named) if head else None
        stream = getattr(reader, "read_file", None)
        if stream is not None:  # a file of records (JSONL, WARC): streamed, each record held to the limit
            yield from _guarded(reader, lambda: stream(path, source, cfg), source)
            return
        if getattr(reader, "container", False):  # many records in one document (a feed): read whole
            limit = cfg.read.max_container_bytes
            if info.st_size > limit:
                yield ReadError(source, f"too large ({size_text(info.st_size)} > {size_text(limit)} limit for a "
                                        "file read whole; set read.max_container_bytes)")
                return
        elif info.st_size > limit:
            yield ReadError(source, too_large(info.st_size, limit))
            return
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)  # bounded all the same: pipes and devices have no size to stat
    except OSError as exc:
        yield ReadError(source, one_line(f"cannot read ({exc.strerror or exc})"))
        return
    yield from _read_data(data, source, path, cfg, limit)


def _read_stream(fh: BinaryIO, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]:
    try:
        data = fh.read(cfg.read.max_bytes + 1)
    except OSError as exc:
        yield ReadError(source, one_line(f"cannot read ({exc.strerror or exc})"))
        return
    if isinstance(data, str):  # a text stream was handed in
        data = data.encode("utf-8")
    yield from _read_data(data, source, path, cfg, cfg.read.max_bytes)


def _read_data(data: bytes, source: str, path: Optional[Path], cfg: "Config", limit: int) -> Iterator[RawItem | ReadError]:
    if len(data) > limit:
        yield ReadError(source, f"too large (> {size_text(limit)} limit; set read.max_bytes)")
        return
    yield from read_bytes(data, source, path, cfg, limit)
