"""Size limits and bounded reading: a file of records is read one record at a time, each held to
read.max_bytes; a file read whole is held to read.max_bytes (one article) or read.max_container_bytes
(a feed, a JSON array: many articles in one document)."""
from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterator, Optional, Union

if TYPE_CHECKING:
    from ..config import Config

GZIP_MAGIC = b"\x1f\x8b"
_SKIP_CHUNK = 1 << 20  # how much of an over-long line is read (and dropped) at a time


def size_text(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{n / 1000:.1f} kB" if n >= 1000 else f"{n} bytes"


def too_large(size: int, limit: int) -> str:
    return f"too large ({size_text(size)} > {size_text(limit)} limit; set read.max_bytes)"


def too_large_record(size: int, limit: int) -> str:
    """The reason one record of a file (a JSONL line, a WARC response, a feed entry) is skipped."""
    return f"record too large ({size_text(size)} > {size_text(limit)} limit; set read.max_bytes)"


def too_large_container(cfg: "Config") -> str:
    return (f"is too large (> {size_text(cfg.read.max_container_bytes)} limit for a file read whole; "
            "set read.max_container_bytes)")


def file_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of a file, inflated when it is gzip: as much as its first bytes hold,
    without an error for a file that is cut off (the reader reports that where it happens)."""
    with open(path, "rb") as fh:
        head = fh.read(size)
        if head.startswith(GZIP_MAGIC):
            fh.seek(0)
            head = zlib.decompressobj(wbits=31).decompress(fh.read(1 << 20), size)
    return head


class UntilCut:
    """A binary stream that hands over every byte it could read before an error (a gzip cut off, a disk
    fault), and raises that error on the next read: a reader that asks for large blocks keeps the
    records that came before the cut."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.error: Optional[BaseException] = None
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            raise self.error
        out = bytearray()
        try:
            while size < 0 or len(out) < size:
                chunk = self.raw.read1(size - len(out) if size > 0 else _SKIP_CHUNK)
                if not chunk:
                    break
                out += chunk
        except (OSError, EOFError, zlib.error) as exc:
            if not out:
                raise
            self.error = exc
        self.position += len(out)
        return bytes(out)

    def tell(self) -> int:
        return self.position

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> "UntilCut":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_maybe_gzip(path: Path) -> BinaryIO:
    """The file's bytes, inflated on the fly when it is gzip (never inflated whole in memory)."""
    with open(path, "rb") as fh:
        gz = fh.read(2) == GZIP_MAGIC
    return gzip.open(path, "rb") if gz else open(path, "rb")


def bounded_lines(fh: BinaryIO, limit: int) -> Iterator[Union[bytes, int]]:
    """Each line of a binary stream (without its newline), or the byte length of a line longer than
    `limit`, which is skipped without ever being held in memory."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if line.endswith(b"\n"):
            yield line[:-1]
        elif len(line) <= limit:
            yield line  # the last line, without a newline
        else:
            size = len(line)
            while True:
                rest = fh.readline(_SKIP_CHUNK)
                if not rest:
                    break
                if rest.endswith(b"\n"):
                    size += len(rest) - 1
                    break
                size += len(rest)
            yield size
