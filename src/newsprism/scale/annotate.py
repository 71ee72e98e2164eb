"""The per-document stages in `mapInPandas`: `pipeline._annotate_chunk`, the local run's own worker, over
each partition. spaCy is loaded once per Python worker (`parse.load_nlp` caches it, and Spark reuses its
workers), documents go in and `DocRecord`s come out as compact binary rows (`codec`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..config import Config
from ..registry import Stage
from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

RECORDS = "id string, record binary"
CHUNK = 32   # documents per nlp.pipe call, as the local pool's largest chunk


def _annotate(cfg: Config, doc_stages: list[Stage]):
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        import pandas as pd

        from ..pipeline import _annotate_chunk, _init_worker

        _init_worker(cfg, doc_stages)
        for batch in batches:
            docs = [unpack(b) for b in batch["doc"]]
            for i in range(0, len(docs), CHUNK):
                records = _annotate_chunk(docs[i:i + CHUNK])
                yield pd.DataFrame({"id": [r.doc for r in records], "record": [pack(r) for r in records]})
    return run


def annotate(docs: "DataFrame", cfg: Config, doc_stages: list[Stage], partitions: int) -> "DataFrame":
    """(id, record) for every document (columns id, doc), the documents spread over `partitions` tasks."""
    return docs.select("id", "doc").repartition(partitions, "id").mapInPandas(_annotate(cfg, doc_stages), RECORDS)
