"""The link step on Spark: the local `stages.link_record` per document, its ids from the documents before it.

    records (id, record) joined with each document's place in the corpus order
      -> mapInPandas: each record's count of claims and times (two integers a document come to the driver)
      -> the driver's running sums: how many claims and times come before each document
      -> mapInPandas, those offsets joined on the place: `link_record` per document (local entity ids mapped
         through the broadcast map, actors that resolved to one entity merged), its claims, times and framing
         packed
      -> the driver concatenates them in the corpus order.

Every document's ids follow from the offsets, so the claims, times and framing equal the local stage's, ids
included, whatever the partitions. The objects still come back to the driver: the analysis is assembled there.
"""
from __future__ import annotations

import itertools
import uuid
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional

from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

COUNTS = "pos long, claims long, times long"
LINKED = "pos long, claims binary, times binary, framing binary"
_shared: dict[str, Any] = {}   # per Python worker: the job's token -> (entity map, names), unpacked once


def _counts(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    import pandas as pd

    for batch in batches:
        records = [unpack(blob) for blob in batch["record"]]
        yield pd.DataFrame({"pos": batch["pos"], "claims": [len(r.claims) for r in records],
                            "times": [len(r.times) for r in records]})


def _linked(maps: Any, token: str) -> Callable[[Iterator["pd.DataFrame"]], Iterator["pd.DataFrame"]]:
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        import pandas as pd

        from ..stages import link_record

        for batch in batches:
            if token not in _shared:
                _shared.clear()
                _shared[token] = unpack(maps.value)
            entity_map, names = _shared[token]
            out = []
            for pos, blob, claims_before, times_before in zip(batch["pos"], batch["record"], batch["claims_before"],
                                                              batch["times_before"]):
                claims, times, framing = link_record(unpack(blob), entity_map, names, int(claims_before), int(times_before))
                out.append((pos, pack(claims), pack(times), pack(framing)))
            yield pd.DataFrame(out, columns=["pos", "claims", "times", "framing"])
    return run


def link_on_spark(spark: "SparkSession", records: "DataFrame", order: list[str], entity_map: dict[str, str],
                  entities: list, seconds: Optional[dict[str, float]] = None) -> tuple[list, list, list]:
    """The claims, times and framing `stages.link_records` gives, from the records as Spark rows (id, record);
    `order`: the document ids in the corpus order."""
    import time

    seconds = seconds if seconds is not None else {}
    t = time.perf_counter()
    positions = spark.createDataFrame(list(enumerate(order)), "pos long, id string")
    rows = records.join(positions, "id").select("pos", "record").cache()
    counts = sorted(rows.mapInPandas(_counts, COUNTS).collect())
    claims_before = [0, *itertools.accumulate(r.claims for r in counts)]
    times_before = [0, *itertools.accumulate(r.times for r in counts)]
    offsets = spark.createDataFrame([(r.pos, claims_before[k], times_before[k]) for k, r in enumerate(counts)],
                                    "pos long, claims_before long, times_before long")
    seconds["offsets"] = time.perf_counter() - t

    t = time.perf_counter()
    maps = spark.sparkContext.broadcast(pack((entity_map, {e.id: e.name for e in entities})))
    linked = sorted(rows.join(offsets, "pos").mapInPandas(_linked(maps, uuid.uuid4().hex), LINKED).collect(),
                    key=lambda r: r.pos)
    rows.unpersist()
    maps.unpersist()
    seconds["link"] = time.perf_counter() - t

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
