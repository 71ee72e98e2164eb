"""Entity resolution on Spark: the local resolver's steps (resolve/entities.py) as group-bys on its keys.

    records (id, record), each with its place in the corpus order (a join on the document id)
      -> mapInPandas: one row per local entity (its ordinal, name key, transliterated name), and the record's
         own `type_votes` (labels per name key, full-name tokens) as rows to sum
      -> the type vote: a sum per (name key, label) and the distinct tokens, joined back to each local entity
         on its name key and its name; `voted_type` and `exact_key` per entity (mapInPandas)
      -> a group-by on the exact key (its members collected into one row): `key_row` per key in mapInPandas
         (one row per key comes back to the driver)
      -> the pass over keys, `merges.merge_keys`, on the driver over those rows (not per mention: its rules
         are sequential, each allowed or not by the clusters the earlier ones made, so it is not a
         connected-components step over independent pairs)
      -> each key's cluster joined back to its local entities; a group-by on the cluster: `build_entity`
         (members collected as for the keys: applyInPandas would build a pandas frame and call Python once per
         key and per cluster, tens of thousands of tiny groups; docs/evaluation.md has both timings)
      -> the driver sorts the entities and numbers them (`number_entities`).

Every step calls the local function, and each reads the corpus ordinal for any choice that depends on
order, so the entities, their ids and the map from local ids equal the local run's whatever the partitions.
"""
from __future__ import annotations

import gc
import pickle
import time
import uuid
from collections import Counter
from typing import TYPE_CHECKING, Iterator, Optional

from ..config import Config
from ..model import Entity
from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

LOCAL = "t string, ord long, name_key string, label string, n long, token string, ent binary"
TYPED = "key string, member binary"   # member: a pickled (ordinal, Entity, voted type)


def _local_rows(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    """Rows of three kinds, no nulls: 'e' a local entity, 'v' a type vote (name key, label, n), 't' a token
    of a full person name."""
    import pandas as pd

    from ..resolve.entities import name_key, ordinal, type_votes
    from ..resolve.names import translit

    cols = LOCAL.replace(",", "").split()[::2]
    for batch in batches:
        rows: list[tuple] = []
        for pos, blob in zip(batch["pos"], batch["record"]):
            record = unpack(blob)
            votes, tokens = type_votes(record.entities)     # this record's share of the corpus vote
            rows += [("v", 0, key, label, n, "", b"") for key, c in votes.items() for label, n in c.items()]
            rows += [("t", 0, "", "", 0, t, b"") for t in tokens]
            rows += [("e", ordinal(int(pos), k), name_key(e.name), "", 0, translit(e.name),
                      pickle.dumps(e, protocol=pickle.HIGHEST_PROTOCOL))
                     for k, e in enumerate(record.entities)]
        if rows:
            yield pd.DataFrame(rows, columns=cols)


def _typed(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    """Each local entity's voted type and exact key, and the entity as a member (ordinal, entity, type)."""
    import pandas as pd

    from ..resolve.entities import exact_key, voted_type

    for batch in batches:
        out = []
        for o, blob, votes, person_token in zip(batch["ord"], batch["ent"], batch["votes"], batch["person_token"]):
            e: Entity = pickle.loads(blob)
            counts = Counter({label: int(n) for label, n in (v.rsplit("=", 1) for v in votes.split(",") if v)})
            etype = voted_type(e, counts, bool(person_token))
            out.append((exact_key(e, etype), pickle.dumps((int(o), e, etype), protocol=pickle.HIGHEST_PROTOCOL)))
        yield pd.DataFrame(out, columns=["key", "member"])


def _key_rows(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    """`key_row` of each key (a row: the key and its members, collected by the group-by)."""
    import pandas as pd

    from ..resolve.entities import key_row

    for batch in batches:
        rows = [key_row(key, [pickle.loads(m) for m in members]) for key, members in zip(batch["key"], batch["members"])]
        yield pd.DataFrame({"row": [pack(r) for r in rows]})


def _build(evidence, token: str):
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        """`build_entity` of each cluster (a row: the root and its members, collected by the group-by)."""
        import pandas as pd

        from ..resolve.entities import build_entity

        ev = _evidence(evidence, token)
        for batch in batches:
            built = [build_entity([pickle.loads(m) for m in members], ev.get(int(root), []))
                     for root, members in zip(batch["root"], batch["members"])]
            yield pd.DataFrame({"built": [pack(b) for b in built]})
    return run


_evidence_cache: dict[str, dict] = {}   # per Python worker: the job's token -> the evidence, unpacked once


def _evidence(broadcast, token: str) -> dict:
    if token not in _evidence_cache:
        _evidence_cache.clear()
        _evidence_cache[token] = unpack(broadcast.value)
    return _evidence_cache[token]


def resolve_on_spark(spark: "SparkSession", records: "DataFrame", order: list[str], cfg: Config,
                     seconds: Optional[dict[str, float]] = None) -> tuple[list[Entity], dict[str, str]]:
    """`resolve.entities.resolve` over `records` (columns id, record: packed `DocRecord`s), the documents
    taken in `order` (the local run's `Corpus.record_list` order; a record not in it is left out). With
    `seconds`, the wall time of its parts: keys (Spark, up to the key rows on the driver), merge (the pass over
    keys, driver), build (Spark, up to the entities on the driver), number (driver)."""
    # as the local resolver: no cyclic collection while the driver unpacks tens of thousands of entities
    # beside the analysis (a full pass rescans every live object, and nothing here makes cycles)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _resolve_on_spark(spark, records, order, cfg, seconds if seconds is not None else {})
    finally:
        if was_enabled:
            gc.enable()


def _resolve_on_spark(spark: "SparkSession", records: "DataFrame", order: list[str], cfg: Config,
                      seconds: dict[str, float]) -> tuple[list[Entity], dict[str, str]]:
    from pyspark.sql import functions as F

    from ..resolve.entities import number_entities
    from ..resolve.merges import merge_keys

    t = time.perf_counter()
    positions = spark.createDataFrame(list(enumerate(order)), "pos long, id string")
    rows = records.join(positions, "id").select("pos", "record").mapInPandas(_local_rows, LOCAL).cache()
    votes = (rows.where("t = 'v'").groupBy("name_key", "label").agg(F.sum("n").alias("n"))
             .groupBy("name_key").agg(F.concat_ws(",", F.collect_list(F.concat_ws("=", "label", F.col("n").cast("string"))))
                                      .alias("votes")))
    tokens = rows.where("t = 't'").select("token").distinct().withColumn("person_token", F.lit(True))
    local = (rows.where("t = 'e'").select("ord", "name_key", "token", "ent")
             .join(votes, "name_key", "left").join(tokens, "token", "left")
             .select("ord", "ent", F.coalesce("votes", F.lit("")).alias("votes"),
                     F.coalesce("person_token", F.lit(False)).alias("person_token")))
    typed = local.mapInPandas(_typed, TYPED).cache()
    members = F.collect_list("member").alias("members")    # each member carries its ordinal: any order will do
    key_rows = [unpack(r.row) for r in typed.groupBy("key").agg(members).mapInPandas(_key_rows, "row binary").collect()]
    rows.unpersist()
    seconds["keys"], t = time.perf_counter() - t, time.perf_counter()
    merged = merge_keys(key_rows, cfg)
    seconds["merge"], t = time.perf_counter() - t, time.perf_counter()
    roots = spark.createDataFrame([(r.key, merged.root_of[r.first]) for r in key_rows], "key string, root long")
    evidence = spark.sparkContext.broadcast(pack({k: v for k, v in merged.evidence.items() if v}))
    built = (typed.join(roots, "key").groupBy("root").agg(members)
             .mapInPandas(_build(evidence, uuid.uuid4().hex), "built binary").collect())
    typed.unpersist()
    evidence.unpersist()
    seconds["build"], t = time.perf_counter() - t, time.perf_counter()
    out = number_entities(unpack(r.built) for r in built)
    seconds["number"] = time.perf_counter() - t
    return out
