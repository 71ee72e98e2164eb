"""A newsprism plugin, as a user would write one.

The made-up `.memo` format: header lines `KEY: value` (TITLE, BY, DATE), a line `---`, then the body.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional

from newsprism.read.base import RawItem, ReadError
from newsprism.registry import Stage


class MemoReader:
    name = "memo"
    extensions = (".memo",)

    def sniff(self, head: bytes, path: Optional[Path]) -> bool:
        return path is not None and path.suffix == ".memo"

    def read(self, data: bytes, source: str, path: Optional[Path], cfg) -> Iterator[RawItem | ReadError]:
        text = data.decode("utf-8")
        header, sep, body = text.partition("\n---\n")
        if not sep:
            yield ReadError(source, "memo without a --- line")
            return
        meta = dict(line.split(":", 1) for line in header.splitlines() if ":" in line)
        meta = {k.strip().upper(): v.strip() for k, v in meta.items()}
        yield RawItem(source=source, kind="memo", text=body, stem=path.stem if path else None,
                      title=meta.get("TITLE"), author=meta.get("BY"), published=meta.get("DATE"))


reader = MemoReader()


def count_words(document, sdoc, record, cfg) -> None:
    words = sum(1 for t in sdoc if t.is_alpha)
    record.notes.append(f"wordcount: {words} words")


stage = Stage("wordcount", "document", count_words, phase="extract", description="counts words (test plugin)")
