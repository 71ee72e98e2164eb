"""`newsprism spark analyze`: the whole analysis as one Spark application (docs/scale.md).

read + clean (mapInPandas) -> ids (driver, in input order) -> exact duplicates (group-by text key) ->
near-duplicates (MinHashLSH, verified) -> parse + document stages (mapInPandas) -> cross-document stages
(`corpus.run_corpus_stages`: entities as group-bys on their keys, the link step per document, story clustering's
per-document steps (its order-dependent pass on the driver over one compact row per document), facts per
storyline; the records themselves reach the driver only for a stage that reads them there) -> Parquet tables and JSON.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator, Optional

from ..config import Config
from ..model import Analysis
from ..registry import Stage, stages
from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession


@dataclass
class SparkRun:
    analysis: Analysis
    seconds: dict[str, float] = field(default_factory=dict)   # wall time per phase, start-up apart
    problems: list[str] = field(default_factory=list)         # inputs that gave no document, one line each
    tables: dict[str, int] = field(default_factory=dict)      # rows per Parquet table written


def _with_ids(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    for batch in batches:
        docs = []
        for blob, doc_id in zip(batch["doc"], batch["id"]):
            d = unpack(blob)
            d.id = doc_id
            docs.append(pack(d))
        yield batch.assign(doc=docs)


def _documents(spark: "SparkSession", cleaned: "DataFrame", problems: list[str]) -> "DataFrame":
    """The cleaned rows with their final ids (the local IdAssigner, in input order, on the driver)."""
    from .inputs import settle_ids

    meta = cleaned.select("i_in", "i_file", "i_rec", "kind", "base_id", "source", "message").collect()
    problems += [r.message for r in sorted(meta, key=lambda r: (r.i_in, r.i_file, r.i_rec)) if r.kind == "error"]
    ids = settle_ids([(r.i_in, r.i_file, r.i_rec, r.base_id, r.source) for r in meta if r.kind == "doc"])
    keyed = spark.createDataFrame([(*k, v) for k, v in ids.items()], "i_in long, i_file long, i_rec long, id string")
    docs = cleaned.where("kind = 'doc'").join(keyed, ["i_in", "i_file", "i_rec"])
    docs = docs.select("i_in", "i_file", "i_rec", "id", "text_key", "doc")
    return docs.mapInPandas(_with_ids, docs.schema)


def _notes(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    for batch in batches:
        yield batch[["id"]].assign(notes=[list(unpack(blob).notes) for blob in batch["record"]])


def analyze(inputs: list[str], cfg: Optional[Config] = None, out: Optional[str] = None, master: Optional[str] = "local[2]",
            spark: Optional["SparkSession"] = None, partitions: Optional[int] = None,
            extra_stages: Optional[list[Stage]] = None,
            report: Optional[Callable[[str, int, Optional[int]], None]] = None) -> SparkRun:
    """Analyze `inputs` on Spark; with `out`, write the Parquet tables and the JSON there."""
    from .annotate import annotate
    from .corpus import driver_needs_records, run_corpus_stages
    from .dedup import link, merge_exact, near_pairs
    from .inputs import read_documents
    from .session import spark_session
    from .tables import write_json, write_tables

    cfg = cfg or Config()
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    spark = spark or spark_session(master)
    seconds["startup"] = time.perf_counter() - t
    parts = partitions or spark.sparkContext.defaultParallelism * 4

    t = time.perf_counter()
    cleaned, problems = read_documents(spark, [str(i) for i in inputs], cfg, parts)
    cleaned = cleaned.cache()
    docs = _documents(spark, cleaned, problems).cache()
    docs.count()
    seconds["read_clean"] = time.perf_counter() - t

    t = time.perf_counter()
    pairs: list[tuple[str, str, float]] = []
    if cfg.stages.dedup:
        docs = merge_exact(docs).cache()
        pairs = near_pairs(docs, cfg)
    kept = sorted(((r.i_in, r.i_file, r.i_rec), unpack(r.doc)) for r in docs.select("i_in", "i_file", "i_rec", "doc").collect())
    documents = [d for _, d in kept]
    link(documents, pairs)
    seconds["dedup"] = time.perf_counter() - t

    t = time.perf_counter()
    doc_stages = stages("document", cfg, extra_stages)
    annotated = annotate(docs, cfg, doc_stages, parts).cache()     # kept for the corpus stages run on Spark
    records = None
    if driver_needs_records(stages("corpus", cfg, extra_stages)):
        records = {r.id: unpack(r.record) for r in annotated.collect()}
        notes = {k: r.notes for k, r in records.items()}
    else:       # only each record's notes come to the driver
        notes = {r.id: list(r.notes) for r in annotated.mapInPandas(_notes, "id string, notes array<string>").collect()}
    for d in documents:
        d.notes = list(dict.fromkeys(d.notes + notes.get(d.id, [])))
    seconds["document_stages"] = time.perf_counter() - t
    cleaned.unpersist()
    docs.unpersist()

    t = time.perf_counter()
    analysis, per_stage = run_corpus_stages(spark, documents, records, cfg, report, extra_stages, annotated,
                                            record_ids=set(notes))
    annotated.unpersist()
    seconds["corpus_stages"] = time.perf_counter() - t
    seconds.update({f"corpus.{k}": v for k, v in per_stage.items()})

    tables: dict[str, int] = {}
    if out:
        t = time.perf_counter()
        tables = write_tables(spark, analysis, out)
        write_json(analysis, out)
        seconds["write"] = time.perf_counter() - t
    return SparkRun(analysis, seconds, problems, tables)
