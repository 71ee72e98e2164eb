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
from typing import TYPE_CHECKING, BinaryIO, Iterable, Iterator, Optional

from .base import Article, RawItem, ReadError
from .decode import SNIFF_BYTES
from .jsonl import record_to_item
from .registry import choose_reader

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


def read_bytes(data: bytes, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]:
    """Sniff `data` and read it with the reader that claims it (gzip is opened first)."""
    if not data:
        yield ReadError(source, "empty file" if path is not None else "empty input")
        return
    if data.startswith(_GZIP):
        try:
            data = gunzip(data, cfg.read.max_bytes)
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
    try:
        for result in reader.read(data, source, path, cfg):
            if isinstance(result, ReadError):
                result = ReadError(result.source, one_line(result.reason))
            yield result
    except Exception as exc:  # a reader bug (or a plugin's) costs this input, never the batch
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
            raise ValueError(f"too large when decompressed (> {_size(limit)} limit; set read.max_bytes)")
        if not inflater.eof:
            raise ValueError("corrupt gzip (truncated)")
        data = inflater.unused_data
        if data and not data.startswith(_GZIP):
            break  # trailing garbage after the last member, as gzip(1) tolerates
    return b"".join(out)


def one_line(reason: str, limit: int = 300) -> str:
    reason = re.sub(r"\s+", " ", reason).strip()
    return reason if len(reason) <= limit else reason[: limit - 1] + "…"


def too_large(size: int, limit: int) -> str:
    return f"too large ({_size(size)} > {_size(limit)} limit; set read.max_bytes)"


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{n / 1000:.1f} kB" if n >= 1000 else f"{n} bytes"


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
    yielded = False
    for rel in _visible_files(root):
        yielded = True
        path = root.joinpath(*rel)
        source = os.path.join(name, *rel)
        try:
            info = path.stat()
        except OSError as exc:
            yield ReadError(source, one_line(f"cannot open ({exc.strerror or exc})"))
            continue
        yield from _read_file(path, source, info, cfg)
    if not yielded:
        yield ReadError(name, "empty directory (no visible files)")


def _visible_files(root: Path) -> list[tuple[str, ...]]:
    """Relative paths (as parts) of every file under root, sorted like `find | sort`; hidden ones skipped."""
    found: list[tuple[str, ...]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        base = Path(dirpath).relative_to(root).parts
        found.extend(base + (f,) for f in filenames if not f.startswith("."))
    return sorted(found)


def _read_file(path: Path, source: str, info: os.stat_result, cfg: "Config") -> Iterator[RawItem | ReadError]:
    limit = cfg.read.max_bytes
    if stat.S_ISREG(info.st_mode):
        if info.st_size == 0:
            yield ReadError(source, "empty file")
            return
        if info.st_size > limit:
            yield ReadError(source, too_large(info.st_size, limit))
            return
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)  # bounded all the same: pipes and devices have no size to stat
    except OSError as exc:
        yield ReadError(source, one_line(f"cannot read ({exc.strerror or exc})"))
        return
    yield from _read_data(data, source, path, cfg)


def _read_stream(fh: BinaryIO, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]:
    try:
        data = fh.read(cfg.read.max_bytes + 1)
    except OSError as exc:
        yield ReadError(source, one_line(f"cannot read ({exc.strerror or exc})"))
        return
    if isinstance(data, str):  # a text stream was handed in
        data = data.encode("utf-8")
    yield from _read_data(data, source, path, cfg)


def _read_data(data: bytes, source: str, path: Optional[Path], cfg: "Config") -> Iterator[RawItem | ReadError]:
    limit = cfg.read.max_bytes
    if len(data) > limit:
        yield ReadError(source, f"too large (> {_size(limit)} limit; set read.max_bytes)")
        return
    yield from read_bytes(data, source, path, cfg)
