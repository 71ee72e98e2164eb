"""Duplicates across the batch, as the local `clean.dedup` finds them, without a global pass.

Exact duplicates: a group-by on the text key (`clean.dedup.text_key`); the first document in input order is
kept with every copy's sources. Near-duplicates: candidate pairs from `pyspark.ml.feature.MinHashLSH` over
each document's word-shingle hashes (the local ones), then every candidate checked exactly with the local
shingle Jaccard, so the links are the local run's (its LSH misses about 2% of pairs right at the threshold;
this one's tables miss fewer).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..config import Config
from ..model import NearDuplicate
from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

# OR-amplified single MinHashes: a pair at Jaccard 0.5 is missed with probability 0.5**10. Only candidates
# come from it (each is verified), so it trades join work for recall and never changes a link's value.
HASH_TABLES = 10
_DIM = 2038074743   # MinHashLSH's largest dimension (its hash prime): the 32-bit shingle hashes are folded into it


def merge_exact(docs: "DataFrame") -> "DataFrame":
    """Documents (i_in, i_file, i_rec, id, text_key, doc) with exact copies merged into the first."""
    from pyspark.sql import functions as F

    keyed = docs.withColumn("text_key", F.coalesce("text_key", F.concat(F.lit("\0"), "id")))  # no words: alone

    def merge(group: "pd.DataFrame") -> "pd.DataFrame":
        group = group.sort_values(["i_in", "i_file", "i_rec"])
        copies = [unpack(blob) for blob in group["doc"]]
        first = copies[0]
        merged: list[str] = []
        for d in copies:
            own = list(d.sources) or ([d.source] if d.source else [])
            merged.extend(s for s in own if s not in merged)
        kept = first.model_copy(update={"sources": merged, "near_duplicates": [],
                                        "removed": list(first.removed), "notes": list(first.notes)})
        out = group.iloc[:1].copy()
        out["doc"] = [pack(kept)]
        return out

    return keyed.groupBy("text_key").applyInPandas(merge, keyed.schema)


def _shingle_vectors(cfg: Config):
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        import numpy as np
        import pandas as pd

        from ..clean.dedup import _shingle_hashes, words

        for batch in batches:
            ids, idx = [], []
            for row in batch.itertuples(index=False):
                h = _shingle_hashes(words(unpack(row.doc).text), cfg.dedup.shingle_words)
                if h.size:
                    ids.append(row.id)
                    idx.append(np.unique(h % _DIM).astype("int64").tolist())
            yield pd.DataFrame({"id": ids, "idx": idx})
    return run


def _verify(cfg: Config):
    """Candidate pairs (a, b, text_a, text_b) -> the pairs at or above the threshold, with the local Jaccard."""
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        import numpy as np
        import pandas as pd

        from ..clean.dedup import _shingle_hashes, words

        size, threshold = cfg.dedup.shingle_words, cfg.dedup.near_threshold
        for batch in batches:
            out = []
            for row in batch.itertuples(index=False):
                a = _shingle_hashes(words(row.text_a), size)
                b = _shingle_hashes(words(row.text_b), size)
                shared = np.intersect1d(a, b, assume_unique=True).size
                sim = shared / (a.size + b.size - shared)
                if sim >= threshold:
                    out.append((row.a, row.b, round(sim, 3)))
            yield pd.DataFrame(out, columns=["a", "b", "similarity"])
    return run


def _texts(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    import pandas as pd

    for b in batches:
        yield pd.DataFrame({"id": b["id"], "text": [unpack(x).text for x in b["doc"]]})


def near_pairs(docs: "DataFrame", cfg: Config) -> list[tuple[str, str, float]]:
    """(a, b, Jaccard) for every near-duplicate pair of kept documents, a < b."""
    from pyspark.ml.feature import MinHashLSH
    from pyspark.ml.linalg import SparseVector, VectorUDT
    from pyspark.sql import functions as F

    vecs = docs.select("id", "doc").mapInPandas(_shingle_vectors(cfg), "id string, idx array<long>")
    to_vec = F.udf(lambda idx: SparseVector(_DIM, idx, [1.0] * len(idx)), VectorUDT())
    vecs = vecs.withColumn("v", to_vec("idx")).drop("idx").cache()
    model = MinHashLSH(inputCol="v", outputCol="h", numHashTables=HASH_TABLES, seed=1).fit(vecs)
    # a little slack on the distance: folding the hashes may move a pair's estimate by a hair
    slack = min(1.0, 1.0 - cfg.dedup.near_threshold + 0.05)
    cand = (model.approxSimilarityJoin(vecs, vecs, slack, "dist")
            .select(F.col("datasetA.id").alias("a"), F.col("datasetB.id").alias("b"))
            .where("a < b"))
    texts = docs.select("id", "doc").mapInPandas(_texts, "id string, text string")
    ta = texts.withColumnRenamed("id", "a").withColumnRenamed("text", "text_a")
    tb = texts.withColumnRenamed("id", "b").withColumnRenamed("text", "text_b")
    pairs = cand.join(ta, "a").join(tb, "b").select("a", "b", "text_a", "text_b")
    schema = "a string, b string, similarity double"
    found = [(r.a, r.b, r.similarity) for r in pairs.mapInPandas(_verify(cfg), schema).collect()]
    vecs.unpersist()
    return sorted(found)


def link(documents: list, pairs: list[tuple[str, str, float]]) -> None:
    """Each document's near_duplicates from the pairs, most similar first (ties by id), as the local dedup."""
    by_id = {d.id: d for d in documents}
    found: dict[str, list[NearDuplicate]] = {}
    for a, b, sim in pairs:
        found.setdefault(a, []).append(NearDuplicate(doc=b, similarity=sim))
        found.setdefault(b, []).append(NearDuplicate(doc=a, similarity=sim))
    for doc_id, links in found.items():
        by_id[doc_id].near_duplicates = sorted(links, key=lambda n: (-n.similarity, n.doc))
