"""Inputs to a DataFrame of cleaned documents: the local readers and cleaner, mapped over files.

The driver only lists files (a directory is walked in the order the local run reads it); every file is
read by the local readers inside a `mapInPandas` task, and the articles, spread over all tasks, are cleaned
by `pipeline.iter_cleaned`, the local run's own loop. Parquet inputs (one article a row, the JSONL fields) are read by Spark's reader. Ids are settled on
the driver afterwards with the local `IdAssigner`, in the local run's input order.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional
from urllib.parse import urlparse

from ..config import Config
from ..pipeline import IdAssigner, iter_cleaned
from ..read import RawItem, ReadError
from ..read.inputs import _visible_entries  # the local walk's order, so ids and duplicates match it
from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

# One row per raw article as read (a packed RawItem or ReadError), in input order.
RAW = "i_in long, i_file long, i_rec long, item binary"
# One row per cleaned document, or per input that gave none (kind "error", with its one-line reason).
CLEANED = ("i_in long, i_file long, i_rec long, kind string, base_id string, source string, "
           "text_key string, doc binary, message string")


@dataclass(frozen=True)
class FileInput:
    i_in: int          # position of the input as given
    i_file: int        # position of the file within it (sorted walk)
    source: str        # the name the local run gives it
    uri: str           # where an executor reads it


def is_local(name: str) -> bool:
    scheme = urlparse(name).scheme
    return scheme in ("", "file") or len(scheme) == 1  # a Windows drive letter is no scheme


def _local_path(name: str) -> Path:
    return Path(urlparse(name).path if name.startswith("file:") else name)


def is_parquet(name: str) -> bool:
    if name.rstrip("/").endswith(".parquet"):
        return True
    if is_local(name) and _local_path(name).is_dir():
        files = [rel for rel, problem in _visible_entries(_local_path(name)) if problem is None]
        return bool(files) and all(rel[-1].endswith(".parquet") or rel[-1] == "_SUCCESS" for rel in files)
    return False


def list_files(inputs: list[str]) -> tuple[list[FileInput], list[tuple[int, str]], list[tuple[int, str]], list[str]]:
    """(local files, remote paths for Spark's binary reader, Parquet inputs, problems), each with its input's
    position. Local directories are walked as the local run walks them."""
    files: list[FileInput] = []
    remote: list[tuple[int, str]] = []
    parquet: list[tuple[int, str]] = []
    problems: list[str] = []
    for i, name in enumerate(inputs):
        if is_parquet(name):
            parquet.append((i, name))
        elif not is_local(name):
            remote.append((i, name))
        else:
            path = _local_path(name)
            if path.is_dir():
                entries = _visible_entries(path)
                if not entries:
                    problems.append(f"{name}: empty directory (no visible files)")
                for k, (rel, problem) in enumerate(entries):
                    source = os.path.join(name, *rel)
                    if problem is not None:
                        problems.append(f"{source}: {problem}")
                    else:
                        files.append(FileInput(i, k, source, str(path.joinpath(*rel).resolve())))
            elif path.exists():
                files.append(FileInput(i, 0, name, str(path.resolve())))
            else:
                problems.append(f"{name}: no such file or directory")
    return files, remote, parquet, problems


def _relabel(item: RawItem | ReadError, uri: str, source: str) -> RawItem | ReadError:
    """Name an item as the local run would: by the path the user gave, not the absolute one read."""
    if item.source.startswith(uri):
        item.source = source + item.source[len(uri):]
    return item


def clean_rows(items: Iterator[tuple[int, int, int, RawItem | ReadError]], cfg: Config) -> "pd.DataFrame":
    """Rows of CLEANED for (i_in, i_file, i_rec, item): each item cleaned by the local loop, alone, so its
    id is the base id the local `IdAssigner` starts from."""
    import pandas as pd

    from ..clean.dedup import text_key, words

    rows = []
    for i_in, i_file, i_rec, item in items:
        if isinstance(item, ReadError):
            rows.append((i_in, i_file, i_rec, "error", None, item.source, None, None, str(item)))
            continue
        warnings: list[str] = []
        docs = list(iter_cleaned([item], cfg, warnings.append, ids=IdAssigner()))
        for w in warnings:
            rows.append((i_in, i_file, i_rec, "error", None, item.source, None, None, w))
        for doc in docs:
            key = text_key(doc.text) if words(doc.text) else None
            rows.append((i_in, i_file, i_rec, "doc", doc.id, doc.source, key, pack(doc), None))
    return pd.DataFrame(rows, columns=["i_in", "i_file", "i_rec", "kind", "base_id", "source", "text_key", "doc", "message"])


def _raw_rows(items: Iterator[tuple[int, int, int, RawItem | ReadError]]) -> Iterator["pd.DataFrame"]:
    """RAW rows, a frame per 256 items, so a large file streams instead of filling one frame."""
    import pandas as pd

    rows = []
    for i_in, i_file, i_rec, item in items:
        rows.append((i_in, i_file, i_rec, pack(item)))
        if len(rows) >= 256:
            yield pd.DataFrame(rows, columns=["i_in", "i_file", "i_rec", "item"])
            rows = []
    if rows:
        yield pd.DataFrame(rows, columns=["i_in", "i_file", "i_rec", "item"])


def _clean(cfg: Config):
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        for batch in batches:
            yield clean_rows(((r.i_in, r.i_file, r.i_rec, unpack(r.item)) for r in batch.itertuples(index=False)), cfg)
    return run


def _read_local(cfg: Config):
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        from ..read import read_inputs

        for batch in batches:
            def items():
                for row in batch.itertuples(index=False):
                    for k, item in enumerate(read_inputs([row.uri], cfg)):
                        yield row.i_in, row.i_file, k, _relabel(item, row.uri, row.source)
            yield from _raw_rows(items())
    return run


def _read_remote(cfg: Config):
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        from ..read import read_bytes

        for batch in batches:
            def items():
                for row in batch.itertuples(index=False):
                    named = Path(urlparse(row.path).path)  # readers sniff by the file name too
                    for k, item in enumerate(read_bytes(bytes(row.content), row.path, named, cfg)):
                        yield row.i_in, row.i_file, k, item
            yield from _raw_rows(items())
    return run


def _read_parquet_rows(cfg: Config, given: str):
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        from ..read.jsonl import record_to_item

        for batch in batches:
            def items():
                for rec in batch.to_dict("records"):
                    i_in, mid = rec.pop("_i_in"), rec.pop("_mid")
                    rec = {k: v for k, v in rec.items() if v is not None and not (isinstance(v, float) and v != v)}
                    source = f"{given}:{mid + 1}"
                    item = record_to_item(rec, source, kind="jsonl")
                    yield i_in, 0, mid, item if isinstance(item, RawItem) else ReadError(source, item)
            yield from _raw_rows(items())
    return run


def read_documents(spark: "SparkSession", inputs: list[str], cfg: Config,
                   partitions: Optional[int] = None) -> tuple["DataFrame", list[str]]:
    """The cleaned documents of every input (CLEANED rows) and the listing's problems."""
    from pyspark.sql import functions as F

    files, remote, parquet, problems = list_files(inputs)
    parts = partitions or spark.sparkContext.defaultParallelism * 2
    frames = []
    if files:
        listing = spark.createDataFrame([(f.i_in, f.i_file, f.source, f.uri) for f in files],
                                        "i_in long, i_file long, source string, uri string")
        frames.append(listing.repartition(min(parts, len(files))).mapInPandas(_read_local(cfg), RAW))
    for i_in, uri in remote:
        raw = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(uri)
               .select("path", "content"))
        order = raw.select("path").orderBy("path").rdd.zipWithIndex().map(lambda r: (r[0][0], r[1])).toDF(["path", "i_file"])
        raw = raw.join(order, "path").withColumn("i_in", F.lit(i_in))
        frames.append(raw.repartition(parts).mapInPandas(_read_remote(cfg), RAW))
    for i_in, uri in parquet:
        rows = spark.read.parquet(uri)
        rows = rows.select(*[F.col(c).cast("string") for c in rows.columns]) \
            .withColumn("_mid", F.monotonically_increasing_id()).withColumn("_i_in", F.lit(i_in))
        frames.append(rows.mapInPandas(_read_parquet_rows(cfg, uri), RAW))
    if not frames:
        return spark.createDataFrame([], CLEANED), problems
    raw = frames[0]
    for f in frames[1:]:
        raw = raw.unionByName(f)
    # a file of many records is read by one task; its articles are cleaned by all of them
    return raw.repartition(parts).mapInPandas(_clean(cfg), CLEANED), problems


def settle_ids(rows: list[tuple[int, int, int, str, str]]) -> dict[tuple[int, int, int], str]:
    """(i_in, i_file, i_rec, base id, source) in any order -> the document id the local run gives: the
    local `IdAssigner` run in input order, so colliding names get the same suffixes."""
    ids = IdAssigner()
    out: dict[tuple[int, int, int], str] = {}
    for i_in, i_file, i_rec, base, source in sorted(rows):
        out[(i_in, i_file, i_rec)] = ids.assign(RawItem(source=source, kind="", id=base), "")
    return out
