"""Entity resolution on Spark: the local resolver's steps (resolve/entities.py) as group-bys on its keys.

    records (id, record), each with its place in the corpus order (a join on the document id)
      -> mapInPandas: one row per local entity (its ordinal, name key, transliterated name), and the record's
         own `type_votes` (labels per name key, full-name tokens) as rows to sum
      -> the type vote: a sum per (name key, label) and the distinct tokens, joined back to each local entity
         on its name key and its name; `voted_type` and `exact_key` per entity (mapInPandas)
      -> a group-by on the exact key: `key_row` per key (one row per key comes back to the driver)
      -> the pass over keys, `merges.merge_keys`, on the driver over those rows (not per mention: its rules
         are sequential, each allowed or not by the clusters the earlier ones made, so it is not a
         connected-components step over independent pairs)
      -> each key's cluster joined back to its local entities; a group-by on the cluster: `build_entity`
      -> the driver sorts the entities and numbers them (`number_entities`).

Every step calls the local function, and each reads the corpus ordinal for any choice that depends on
order, so the entities, their ids and the map from local ids equal the local run's whatever the partitions.
"""
from __future__ import annotations

import uuid
from collections import Counter
from typing import TYPE_CHECKING, Iterator

from ..config import Config
from ..model import Entity
from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

LOCAL = "t string, ord long, name_key string, label string, n long, token string, ent binary"
TYPED = "ord long, key string, etype string, ent binary"


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
            rows += [("e", ordinal(int(pos), k), name_key(e.name), "", 0, translit(e.name), pack(e))
                     for k, e in enumerate(record.entities)]
        yield pd.DataFrame(rows, columns=cols)


def _typed(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    import pandas as pd

    from ..resolve.entities import exact_key, voted_type

    for batch in batches:
        out = []
        for o, blob, votes, person_token in zip(batch["ord"], batch["ent"], batch["votes"], batch["person_token"]):
            e: Entity = unpack(blob)
            counts = Counter({label: int(n) for label, n in (v.rsplit("=", 1) for v in votes.split(",") if v)})
            etype = voted_type(e, counts, bool(person_token))
            out.append((int(o), exact_key(e, etype), etype, blob))
        yield pd.DataFrame(out, columns=["ord", "key", "etype", "ent"])


def _key_row(group: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    from ..resolve.entities import key_row

    members = [(int(o), unpack(b), t) for o, b, t in zip(group["ord"], group["ent"], group["etype"])]
    row = key_row(group["key"].iloc[0], members)
    return pd.DataFrame({"first": [row.first], "row": [pack(row)]})


def _build(evidence, token: str):
    def run(group: "pd.DataFrame") -> "pd.DataFrame":
        import pandas as pd

        from ..resolve.entities import build_entity

        members = [(int(o), unpack(b), t) for o, b, t in zip(group["ord"], group["ent"], group["etype"])]
        root = int(group["root"].iloc[0])
        return pd.DataFrame({"built": [pack(build_entity(members, _evidence(evidence, token).get(root, [])))]})
    return run


_evidence_cache: dict[str, dict] = {}   # per Python worker: the job's token -> the evidence, unpacked once


def _evidence(broadcast, token: str) -> dict:
    if token not in _evidence_cache:
        _evidence_cache.clear()
        _evidence_cache[token] = unpack(broadcast.value)
    return _evidence_cache[token]


def resolve_on_spark(spark: "SparkSession", records: "DataFrame", order: list[str],
                     cfg: Config) -> tuple[list[Entity], dict[str, str]]:
    """`resolve.entities.resolve` over `records` (columns id, record: packed `DocRecord`s), the documents
    taken in `order` (the local run's `Corpus.record_list` order; a record not in it is left out)."""
    from pyspark.sql import functions as F

    from ..resolve.entities import number_entities
    from ..resolve.merges import merge_keys

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
    key_rows = [unpack(r.row) for r in typed.groupBy("key").applyInPandas(_key_row, "first long, row binary").collect()]
    rows.unpersist()
    merged = merge_keys(key_rows, cfg)
    roots = spark.createDataFrame([(r.key, merged.root_of[r.first]) for r in key_rows], "key string, root long")
    evidence = spark.sparkContext.broadcast(pack({k: v for k, v in merged.evidence.items() if v}))
    built = typed.join(roots, "key").groupBy("root").applyInPandas(_build(evidence, uuid.uuid4().hex), "built binary").collect()
    typed.unpersist()
    evidence.unpersist()
    return number_entities(unpack(r.built) for r in built)
