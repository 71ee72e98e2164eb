"""Compact records between Spark stages: pickled and zlib-compressed (a Document, a DocRecord, a list of
Facts), one binary column per row. Pickle keeps every type exactly; the newsprism on the executors is the
one on the driver (the same wheel), so nothing crosses a version boundary.

    >>> unpack(pack({"a": [1, 2]}))
    {'a': [1, 2]}
"""
from __future__ import annotations

import pickle
import zlib
from typing import Any


def pack(obj: Any) -> bytes:
    return zlib.compress(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL), 3)


def unpack(data: bytes) -> Any:
    return pickle.loads(zlib.decompress(data))
