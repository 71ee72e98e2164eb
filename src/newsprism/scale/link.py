"""The link step on Spark: the local `stages.link_record` per document, its ids from the documents before it.

    records (id, record) joined with each document's place in the corpus order
      -> mapInPandas: each record's count of claims and times (two integers a document come to the driver) and
         what its link reads of the corpus-wide maps (`stages.link_lookups`: the local ids it maps, the words
         an actor's name may be looked up by)
      -> the driver's running sums: how many claims and times come before each document
      -> those lookups exploded (place, kind, key), joined on (kind, key) with the maps as rows (`MAPS`: each
         local id's corpus entity and that entity's name, each entity id's name), grouped back by place
      -> mapInPandas, the offsets and the document's own map rows joined on the place: `link_record` per
         document (local entity ids mapped, actors that resolved to one entity merged), its claims, times and
         framing packed
      -> the driver concatenates them in the corpus order.

A document receives only the map rows it reads (a shuffle join, not the whole map broadcast to every
partition), and those rows answer every lookup `link_record` makes exactly as the whole maps would. Every
document's ids follow from the offsets, so the claims, times and framing equal the local stage's, ids
included, whatever the partitions. The objects still come back to the driver: the analysis is assembled there.
"""
from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Iterator, Optional

from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

COUNTS = "pos long, claims long, times long, locals array<string>, words array<string>"
LINKED = "pos long, claims binary, times binary, framing binary, map_rows long, map_bytes long"
MAPS = "kind string, key string, value string, name string"   # m: local id -> entity, its name; n: id -> name


def _counts(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    import pandas as pd

    from ..stages import link_lookups

    for batch in batches:
        records = [unpack(blob) for blob in batch["record"]]
        lookups = [link_lookups(r) for r in records]
        yield pd.DataFrame({"pos": batch["pos"], "claims": [len(r.claims) for r in records],
                            "times": [len(r.times) for r in records],
                            "locals": [sorted(m) for m, _ in lookups], "words": [sorted(n) for _, n in lookups]})


def map_rows(entity_map: dict[str, str], entities: list) -> list[tuple]:
    """The link's two maps as rows (`MAPS`): each local id's corpus entity with that entity's name, and each
    entity id's name (what an actor's words are looked up by)."""
    names = {e.id: e.name for e in entities}
    return [("m", k, v, names.get(v)) for k, v in entity_map.items()] + [("n", k, None, v) for k, v in names.items()]


def own_maps(rows: Any) -> tuple[dict[str, str], dict[str, str]]:
    """A document's (entity map, names) from its joined map rows (None or NaN where it has none)."""
    entity_map: dict[str, str] = {}
    names: dict[str, str] = {}
    for r in _listed(rows):
        if r["kind"] == "m":
            entity_map[r["key"]] = r["value"]
            if isinstance(r["name"], str):
                names[r["value"]] = r["name"]
        elif isinstance(r["name"], str):
            names[r["key"]] = r["name"]
    return entity_map, names


def _listed(rows: Any) -> Any:
    return rows if rows is not None and not isinstance(rows, float) else ()


def _size(rows: Any) -> int:
    """The bytes of a document's map rows' strings (UTF-8)."""
    return sum(len(v.encode()) for r in _listed(rows) for v in (r["key"], r["value"], r["name"]) if isinstance(v, str))


def _linked(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    import pandas as pd

    from ..stages import link_record

    for batch in batches:
        out = []
        for pos, blob, claims_before, times_before, maps in zip(batch["pos"], batch["record"], batch["claims_before"],
                                                                batch["times_before"], batch["maps"], strict=True):
            entity_map, names = own_maps(maps)
            claims, times, framing = link_record(unpack(blob), entity_map, names, int(claims_before), int(times_before))
            out.append((pos, pack(claims), pack(times), pack(framing), len(_listed(maps)), _size(maps)))
        yield pd.DataFrame(out, columns=["pos", "claims", "times", "framing", "map_rows", "map_bytes"])


def link_on_spark(spark: "SparkSession", records: "DataFrame", order: list[str], entity_map: dict[str, str],
                  entities: list, seconds: Optional[dict[str, float]] = None) -> tuple[list, list, list]:
    """The claims, times and framing `stages.link_records` gives, from the records as Spark rows (id, record);
    `order`: the document ids in the corpus order. `seconds`, when given, receives each step's wall time and the
    map rows the documents received (`map_rows`) and their strings' bytes (`map_bytes`)."""
    import time

    from pyspark.sql import functions as F

    seconds = seconds if seconds is not None else {}
    t = time.perf_counter()
    positions = spark.createDataFrame(list(enumerate(order)), "pos long, id string")
    rows = records.join(positions, "id").select("pos", "record").cache()
    counted = rows.mapInPandas(_counts, COUNTS).cache()
    counts = sorted(counted.select("pos", "claims", "times").collect())
    claims_before = [0, *itertools.accumulate(r.claims for r in counts)]
    times_before = [0, *itertools.accumulate(r.times for r in counts)]
    offsets = spark.createDataFrame([(r.pos, claims_before[k], times_before[k]) for k, r in enumerate(counts)],
                                    "pos long, claims_before long, times_before long")
    seconds["offsets"] = time.perf_counter() - t

    t = time.perf_counter()
    asked = (counted.select("pos", F.lit("m").alias("kind"), F.explode("locals").alias("key"))
             .unionByName(counted.select("pos", F.lit("n").alias("kind"), F.explode("words").alias("key"))))
    maps = spark.createDataFrame(map_rows(entity_map, entities), MAPS)
    found = asked.join(maps.hint("shuffle_hash"), ["kind", "key"])     # a shuffle: no partition gets the whole map
    own = found.groupBy("pos").agg(F.collect_list(F.struct("kind", "key", "value", "name")).alias("maps"))
    linked = sorted(rows.join(offsets, "pos").join(own.hint("shuffle_hash"), "pos", "left")
                    .select("pos", "record", "claims_before", "times_before", "maps")
                    .mapInPandas(_linked, LINKED).collect(), key=lambda r: r.pos)
    seconds["link"] = time.perf_counter() - t
    seconds["map_rows"] = float(sum(r.map_rows for r in linked))
    seconds["map_bytes"] = float(sum(r.map_bytes for r in linked))
    rows.unpersist()
    counted.unpersist()

    t = time.perf_counter()
    claims: list = []
    times: list = []
    framing: list = []
    for r in linked:
        claims += unpack(r.claims)
        times += unpack(r.times)
        f = unpack(r.framing)
        if f is not None:
            framing.append(f)
    seconds["gather"] = time.perf_counter() - t
    return claims, times, framing
