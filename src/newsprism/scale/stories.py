"""Story clustering on Spark: the local index's batch (`StoryIndex.add_many`) taken apart into its steps.

    the story keys of the corpus's entities (`stages.story_entity_keys`: local entity id -> the stable key of
    the entity it resolved to) as rows (document, local id, key), the document read off the local id
    ("<doc id>@<n>"), grouped by document
    records (id, record) joined with each document's publication date and its own key rows (joins on the
    document id: a shuffle, no partition gets every entity's keys)
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

`document_row` reads the story keys of the record's own entities only, whose ids are local ids of its document
(records.py), so a document's key rows answer it exactly as the whole map would; a record holding another
document's local id stops the run (`own_keys`) rather than let the stories differ. Every step calls the local
function, in the local order, so the stories equal the local run's, ids included, whatever the partitions.
The pass itself stays on the driver: where a document goes depends on every event placed before it (the
second look moves documents between events, events link into storylines as they grow, and story ids are
numbered as events and storylines form), so it is no set of independent groups; docs/scale.md says what
that bounds.
"""
from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional

from ..config import Config
from ..model import Story
from ..records import LOCAL_SEP
from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

ARRIVALS = "id string, undated int, day string, keys array<string>, arrival binary, map_rows long, map_bytes long"
KEYS = "id string, local string, key string"
PLACED = "id string, undated int, day string, arrival binary"
_shared: dict[str, Any] = {}   # per Python worker: the job's token -> a broadcast value, unpacked once


def _value(token: str, broadcast: Any) -> Any:
    if token not in _shared:
        _shared.clear()
        _shared[token] = unpack(broadcast.value)
    return _shared[token]


def _text(v: Any) -> Optional[str]:
    return v if isinstance(v, str) else None      # a null string column may arrive as None or NaN


def key_rows(entity_keys: dict[str, str]) -> list[tuple[str, str, str]]:
    """The story keys (local entity id -> key) as rows (`KEYS`: document, local id, key), the document read off
    the local id."""
    return [(local.rsplit(LOCAL_SEP, 1)[0], local, key) for local, key in entity_keys.items()]


def own_keys(doc_id: str, record: Any, rows: Any) -> dict[str, str]:
    """A document's story keys from its key rows (None or NaN where it has none); a ValueError where one of its
    entities is not a local id of this document (the key rows hold only those)."""
    for ent in record.entities or []:
        if ent.id.rsplit(LOCAL_SEP, 1)[0] != doc_id:
            raise ValueError(f"{doc_id}: entity {ent.id} is not a local id of this document")
    return {r["local"]: r["key"] for r in _listed(rows)}


def _listed(rows: Any) -> Any:
    return rows if rows is not None and not isinstance(rows, float) else ()


def _arrivals(cfg: Config) -> Callable[[Iterator["pd.DataFrame"]], Iterator["pd.DataFrame"]]:
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        import pandas as pd

        from ..align.stories import document_row
        from ..align.storyindex import arrival

        cols = ARRIVALS.replace(",", "").split()[::2]
        for batch in batches:
            rows = []
            for doc_id, published, blob, own in zip(batch["id"], batch["published"], batch["record"], batch["own"],
                                                     strict=True):
                record = unpack(blob)
                key, (doc, features, day, ids) = document_row(doc_id, _text(published), record,
                                                              own_keys(doc_id, record, own))
                arr = arrival(doc, features, day, ids, cfg.stories)
                rows.append((doc_id, key[0], key[1], list(arr.raw), pack(arr), len(_listed(own)),
                             sum(len(v.encode()) for r in _listed(own) for v in (r["local"], r["key"]))))
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

            def idf_of(key: str, n_docs: int = n_docs, df: dict = df) -> float:   # this batch's counts
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
    stable = spark.createDataFrame(key_rows(story_entity_keys(entities, entity_map, {})), KEYS)
    own = stable.groupBy("id").agg(F.collect_list(F.struct("local", "key")).alias("own"))   # a shuffle
    dates = spark.createDataFrame([(d.id, d.published) for d in documents], "id string, published string")
    rows = (records.join(dates, "id").join(own.hint("shuffle_hash"), "id", "left")
            .select("id", "published", "record", "own").mapInPandas(_arrivals(cfg), ARRIVALS).cache())
    sizes = rows.agg(F.count(F.lit(1)).alias("n"), F.sum("map_rows").alias("rows"),
                     F.sum("map_bytes").alias("bytes")).first()
    n_docs = sizes.n
    seconds["map_rows"], seconds["map_bytes"] = float(sizes.rows or 0), float(sizes.bytes or 0)
    counts = {r.key: r.n for r in rows.select(F.explode("keys").alias("key")).groupBy("key")
              .agg(F.count(F.lit(1)).alias("n")).collect()}
    index = StoryIndex(cfg)
    index.count(n_docs, counts)
    seconds["arrivals"] = time.perf_counter() - t

    t = time.perf_counter()
    shared = spark.sparkContext.broadcast(pack((index.n_docs, index.df)))
    placed = rows.select("id", "undated", "day", "arrival").mapInPandas(_placed(cfg, shared, uuid.uuid4().hex), PLACED).collect()
    rows.unpersist()
    shared.unpersist()
    batch = [unpack(r.arrival) for r in sorted(placed, key=lambda r: (r.undated, r.day, r.id))]
    seconds["vectors"] = time.perf_counter() - t
    seconds["row_bytes"] = float(sum(len(r.arrival) for r in placed))    # compressed, as collected

    t = time.perf_counter()
    index.place(batch)
    stories = present_stories(index, documents)
    seconds["place"] = time.perf_counter() - t
    return stories
