"""Story clustering on Spark: the local index's batch (`StoryIndex.add_many`) taken apart into its steps.

    records (id, record) joined with each document's publication date (a join on the document id)
      -> mapInPandas: `document_row` (the document's order key and index row) and `arrival` (its day, or
         when an undated text was written, and its raw key weights) per document; the arrival's keys
      -> the document frequencies: a group-by on the key (`key_counts` as a sum); the driver adds them to a
         fresh index (`StoryIndex.count`)
      -> mapInPandas: `with_vectors` per document under the batch's IDF (the counts broadcast), and
         `placed_only`: one compact row per document (its centroid share, query weights, lookup keys, day
         and headline), not the record
      -> the driver sorts the rows by the order key and runs `StoryIndex.place`, the order-dependent pass
         (each document compared with the events placed before it, through the index's own time buckets
         and key postings), then `stages.present_stories`.

Every step calls the local function, in the local order, so the stories equal the local run's, ids
included, whatever the partitions. The pass itself stays on the driver: where a document goes depends on
every event placed before it (the second look moves documents between events, events link into storylines
as they grow, and story ids are numbered as events and storylines form), so it is no set of independent
groups; docs/scale.md says what that bounds.
"""
from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional

from ..config import Config
from ..model import Story
from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

ARRIVALS = "id string, undated int, day string, keys array<string>, arrival binary"
PLACED = "id string, undated int, day string, arrival binary"
_shared: dict[str, Any] = {}   # per Python worker: the job's token -> a broadcast value, unpacked once


def _value(token: str, broadcast: Any) -> Any:
    if token not in _shared:
        _shared.clear()
        _shared[token] = unpack(broadcast.value)
    return _shared[token]


def _text(v: Any) -> Optional[str]:
    return v if isinstance(v, str) else None      # a null string column may arrive as None or NaN


def _arrivals(cfg: Config, stable: Any, token: str) -> Callable[[Iterator["pd.DataFrame"]], Iterator["pd.DataFrame"]]:
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        import pandas as pd

        from ..align.stories import document_row
        from ..align.storyindex import arrival

        cols = ARRIVALS.replace(",", "").split()[::2]
        for batch in batches:
            entity_keys = _value(token, stable)
            rows = []
            for doc_id, published, blob in zip(batch["id"], batch["published"], batch["record"]):
                key, (doc, features, day, ids) = document_row(doc_id, _text(published), unpack(blob), entity_keys)
                arr = arrival(doc, features, day, ids, cfg.stories)
                rows.append((doc_id, key[0], key[1], list(arr.raw), pack(arr)))
            yield pd.DataFrame(rows, columns=cols)
    return run


def _placed(cfg: Config, counts: Any, token: str) -> Callable[[Iterator["pd.DataFrame"]], Iterator["pd.DataFrame"]]:
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        from ..align.storyindex import placed_only
        from ..align.storyvectors import idf, with_vectors

        prior = int(cfg.stories.idf_prior_docs)
        memo: dict[str, float] = {}
        for batch in batches:
            n_docs, df = _value(token, counts)

            def idf_of(key: str) -> float:
                v = memo.get(key)
                if v is None:
                    v = memo[key] = idf(n_docs, df.get(key, 0), prior)
                return v

            out = [pack(placed_only(with_vectors(unpack(blob), idf_of, cfg.stories))) for blob in batch["arrival"]]
            yield batch[["id", "undated", "day"]].assign(arrival=out)
    return run


def stories_on_spark(spark: "SparkSession", records: "DataFrame", documents: list, entities: list,
                     entity_map: dict[str, str], cfg: Config, seconds: Optional[dict[str, float]] = None) -> list[Story]:
    """The stories `stages.cluster_stories` gives without a store, from the records as Spark rows (id, record).
    `seconds`, when given, receives the wall time of each step and the bytes of the rows the driver collects."""
    import time

    from pyspark.sql import functions as F

    from ..align.storyindex import StoryIndex
    from ..stages import present_stories, story_entity_keys

    seconds = seconds if seconds is not None else {}
    t = time.perf_counter()
    stable = spark.sparkContext.broadcast(pack(story_entity_keys(entities, entity_map, {})))
    dates = spark.createDataFrame([(d.id, d.published) for d in documents], "id string, published string")
    rows = (records.join(dates, "id").select("id", "published", "record")
            .mapInPandas(_arrivals(cfg, stable, uuid.uuid4().hex), ARRIVALS).cache())
    n_docs = rows.count()
    counts = {r.key: r.n for r in rows.select(F.explode("keys").alias("key")).groupBy("key")
              .agg(F.count(F.lit(1)).alias("n")).collect()}
    index = StoryIndex(cfg)
    index.count(n_docs, counts)
    seconds["arrivals"] = time.perf_counter() - t

    t = time.perf_counter()
    shared = spark.sparkContext.broadcast(pack((index.n_docs, index.df)))
    placed = rows.select("id", "undated", "day", "arrival").mapInPandas(_placed(cfg, shared, uuid.uuid4().hex), PLACED).collect()
    rows.unpersist()
    stable.unpersist()
    shared.unpersist()
    batch = [unpack(r.arrival) for r in sorted(placed, key=lambda r: (r.undated, r.day, r.id))]
    seconds["vectors"] = time.perf_counter() - t
    seconds["row_bytes"] = float(sum(len(r.arrival) for r in placed))    # compressed, as collected

    t = time.perf_counter()
    index.place(batch)
    stories = present_stories(index, documents)
    seconds["place"] = time.perf_counter() - t
    return stories
