"""The cross-document stages' cost per doubling of input: each corpus stage timed at N, 2N, 4N, 8N documents
on per-document records parsed once, locally and (for entities, link, stories and facts, the stages Spark
runs apart) on Spark `local[N]`.

    nice -n 10 python bench/crossdoc.py build [--budget-docs 4000]   # read, clean, parse every dev-set article once
    nice -n 10 python bench/crossdoc.py refusals      # why entity resolution's pass over keys is sequential
    nice -n 10 python bench/crossdoc.py time [--sizes 490,980,1960,3920] [--spark [--spark-stages entities,link,stories,facts]] [--repeat 1]

`build` reads every article of ../shared/evaldata (BBC 2,225; ECB+ topics 1-35; BASIL; NewsWCL50 rebuilt
from its tokens; TempEval-3 training documents; the article-extraction benchmark's HTML pages), cleans them
as the CLI does, puts them in a fixed seeded shuffle (so every prefix mixes the sets alike) and parses them
in chunks, each chunk's `DocRecord`s pickled under $NEWSPRISM_CROSSDOC (default /tmp/newsprism-crossdoc),
so an interrupted build resumes. Records already in eval/devcache.py's cache for the same code are reused.
No document is duplicated: the largest size is what the real articles give.

`time` takes nested prefixes of that shuffle (the first N, 2N, ... documents), deduplicates each as the
local run does, and runs the corpus stages in the local run's order on the prefix's records, timing each
(best of --repeat); with --spark, the entities stage also through `scale.entities.resolve_on_spark` (the
records handed to Spark first, timed apart as entities.spark.upload), the link step through
`scale.link.link_on_spark` and story clustering through `scale.stories.stories_on_spark` (the records handed to
Spark before any stage, timed apart as link+stories.spark.upload; with the driver's rows for the stories'
pass measured per document, as Python objects and as collected) and the facts stage through
`scale.corpus.facts_by_storyline`, each compared with the local stage's output. It prints seconds per stage per size and the ratio per doubling: a linear stage
doubles at ~2.0, an all-pairs one at ~4.0.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import os
import pickle
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

CACHE = Path(os.environ.get("NEWSPRISM_CROSSDOC", "/tmp/newsprism-crossdoc"))
SEED = "newsprism-crossdoc"
CHUNK = 200      # documents parsed (and pickled) at a time


def _order(doc_id: str) -> str:
    return hashlib.sha1(f"{SEED}:{doc_id}".encode()).hexdigest()


# -- the articles ------------------------------------------------------------------------------
def pool_rows() -> list[dict]:
    """Every article of the dev sets as a JSON Lines row, ids prefixed by set (no set's ids collide)."""
    import evaldata

    rows: list[dict] = []
    with gzip.open(evaldata.check(evaldata.path("bbc", "bbc.jsonl.gz"), "bbc"), "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            rows.append({"id": "bbc/" + r["id"], "title": r.get("title"), "text": r["text"]})
    from stories_ecbplus import load_ecbplus

    for i in load_ecbplus():
        rows.append({"id": "ecb/" + i["id"], "title": i["title"], "text": i["text"]})
    from stories_basil import load_basil

    for i in load_basil():
        body = i["text"][len(i["title"]):].lstrip("\n") if i["title"] and i["text"].startswith(i["title"]) else i["text"]
        rows.append({"id": "basil/" + i["id"], "title": i["title"] or None, "text": body, "published": i["published"]})
    from entities_newswcl50 import read_conll

    texts, _ = read_conll()
    for doc, text in sorted(texts.items()):
        rows.append({"id": "wcl/" + doc, "text": text.strip()})
    sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
    import glob

    import tempeval

    for f in sorted(glob.glob(str(evaldata.check(evaldata.path("tempeval3", "TBAQ-cleaned"), "tempeval3") / "**" / "*.tml"),
                              recursive=True)):
        text, dct, _ = tempeval.read_tml(f)
        rows.append({"id": "te3/" + Path(f).stem, "text": text, "published": dct})
    aeb = evaldata.check(evaldata.path("article-extraction-benchmark", "html"), "article-extraction-benchmark")
    for path in sorted(aeb.glob("*.html.gz")):
        rows.append({"id": "aeb/" + path.name.split(".")[0], "html": gzip.decompress(path.read_bytes()).decode("utf-8", "replace")})
    return [{k: v for k, v in r.items() if v} for r in rows]


def build(budget_docs: int) -> None:
    """Clean every article once, then parse them chunk by chunk in the shuffled order, resumably."""
    from newsprism import pipeline
    from newsprism.config import Config
    from newsprism.registry import stages

    CACHE.mkdir(parents=True, exist_ok=True)
    cfg = Config()
    docs_path = CACHE / "documents.pkl"
    if docs_path.exists():
        docs = pickle.loads(docs_path.read_bytes())
    else:
        rows = pool_rows()
        warnings: list[str] = []
        docs = list(pipeline.iter_cleaned(rows, cfg, warnings.append))
        docs.sort(key=lambda d: _order(d.id))
        docs_path.write_bytes(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL))
        print(f"{len(rows)} articles read, {len(docs)} documents cleaned, {len(warnings)} warnings", flush=True)
    try:
        import devcache

        rc = devcache.RecordCache()
    except (ImportError, OSError, sqlite3.Error):   # the dev cache is a convenience only
        rc = None
    doc_stages = stages("document", cfg)
    todo = docs[:budget_docs]
    for k in range(0, len(todo), CHUNK):
        path = CACHE / f"records-{k // CHUNK:04d}.pkl"
        if path.exists():
            continue
        chunk = todo[k:k + CHUNK]
        keys = {d.id: rc.key(d, cfg) for d in chunk} if rc else {}
        found = rc.get_many(list(keys.values())) if rc else {}
        miss = [d for d in chunk if keys.get(d.id) not in found]
        t, c = time.perf_counter(), _cpu()
        fresh = pipeline.annotate(miss, cfg, doc_stages) if miss else {}
        records = {d.id: fresh.get(d.id) or found[keys[d.id]] for d in chunk}
        path.write_bytes(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
        if rc and fresh:
            rc.put_many({keys[d]: r for d, r in fresh.items()})
        print(f"chunk {k // CHUNK}: {len(chunk)} documents, {len(miss)} parsed in {time.perf_counter() - t:.0f} s "
              f"({_cpu() - c:.0f} CPU s), load {os.getloadavg()[0]:.1f}", flush=True)


def _cpu() -> float:
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def load_pool() -> tuple[list, dict]:
    """The cleaned documents that have records, in the shuffled order, and their records."""
    docs = pickle.loads((CACHE / "documents.pkl").read_bytes())
    records: dict[str, Any] = {}
    for path in sorted(CACHE.glob("records-*.pkl")):
        records.update(pickle.loads(path.read_bytes()))
    return [d for d in docs if d.id in records], records



def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def stub_counts(analysis: Any, groups: dict) -> tuple[int, int, int]:
    """The entity stubs the Spark ledger's groups receive (`scale.stubs.needed`), the largest group's, and what
    sending every entity to every group would be."""
    from newsprism.align.facts.name_index import PersonIndex
    from newsprism.scale.stubs import needed

    ids = {e.id for e in analysis.entities}
    people = PersonIndex((e.id, sorted({e.name, *e.aliases})) for e in analysis.entities if e.type == "PERSON")
    counts = [len(needed(part, ids, people)) for part in groups.values()]
    return sum(counts), max(counts, default=0), len(ids) * len(groups)


def measure(n: int, docs_blob: bytes, records_blob: bytes, spark: Any = None,
            spark_stages: tuple[str, ...] = ("entities", "facts")) -> dict[str, Any]:
    """One run of dedup and the corpus stages on the first `n` documents: seconds (wall and CPU) per stage."""
    from newsprism.config import Config
    from newsprism.model import Analysis
    from newsprism.pipeline import Corpus, dedup_documents, generated_now
    from newsprism.registry import stages

    cfg = Config()
    docs = pickle.loads(docs_blob)[:n]          # fresh copies every run: stages mutate what they get
    records = pickle.loads(records_blob)
    records = {d.id: records[d.id] for d in docs}
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    t, c = time.perf_counter(), time.process_time()
    docs = dedup_documents(docs, cfg)
    wall["dedup"], cpu["dedup"] = time.perf_counter() - t, time.process_time() - c
    analysis = Analysis(generated=generated_now(), documents=docs)
    corpus = Corpus(cfg, records, analysis)
    out: dict[str, Any] = {"n": n, "kept": len(docs), "wall": wall, "cpu": cpu}
    if spark is not None and {"link", "stories"} & set(spark_stages):
        # the records as the executors hold them, packed before any stage runs (the local stages bind
        # their objects into the analysis, and a bound record would pickle the whole analysis with it)
        from newsprism.scale.codec import pack

        t = time.perf_counter()
        spark_rows = spark.createDataFrame([(d.id, pack(records[d.id])) for d in docs if d.id in records],
                                           "id string, record binary").cache()
        spark_rows.count()
        wall["link+stories.spark.upload"] = time.perf_counter() - t
    for stage in stages("corpus", cfg):
        analysis.bind()
        if stage.name == "entities" and spark is not None and "entities" in spark_stages:
            from spark import tree_cpu_seconds

            from newsprism.scale.codec import pack
            from newsprism.scale.entities import resolve_on_spark

            t = time.perf_counter()
            rows = spark.createDataFrame([(d.id, pack(records[d.id])) for d in docs if d.id in records],
                                         "id string, record binary").cache()
            rows.count()
            wall["entities.spark.upload"] = time.perf_counter() - t
            t, c = time.perf_counter(), tree_cpu_seconds(os.getpid())
            parts: dict[str, float] = {}
            spark_entities = resolve_on_spark(spark, rows, [d.id for d in docs if d.id in records], cfg, parts)
            wall["entities.spark"], cpu["entities.spark"] = time.perf_counter() - t, tree_cpu_seconds(os.getpid()) - c
            wall.update({f"entities.spark.{k}": v for k, v in parts.items()})
            rows.unpersist()
        if stage.name == "facts" and spark is not None and "facts" in spark_stages:
            from spark import tree_cpu_seconds

            from newsprism.scale.compare import groupings
            from newsprism.scale.corpus import facts_by_storyline, storyline_groups

            t = time.perf_counter()
            groups = storyline_groups(analysis, cfg)
            wall["facts.spark.groups"] = time.perf_counter() - t
            t, c = time.perf_counter(), tree_cpu_seconds(os.getpid())
            spark_facts = facts_by_storyline(spark, analysis, cfg)
            wall["facts.spark"], cpu["facts.spark"] = time.perf_counter() - t, tree_cpu_seconds(os.getpid()) - c
            out["storylines"] = len(groups)
            out["largest storyline (claims)"] = max((len(g.claims) for g in groups.values()), default=0)
            out["stubs"] = stub_counts(analysis, groups)
        if stage.name == "stories" and spark is not None and "stories" in spark_stages:
            from spark import tree_cpu_seconds

            from newsprism.scale.codec import pack
            from newsprism.scale.stories import stories_on_spark
            from newsprism.stages import story_entity_keys

            t, c = time.perf_counter(), tree_cpu_seconds(os.getpid())
            parts = {}
            spark_stories = stories_on_spark(spark, spark_rows, analysis.documents, analysis.entities,
                                             corpus.entity_map, cfg, parts)
            wall["stories.spark"], cpu["stories.spark"] = time.perf_counter() - t, tree_cpu_seconds(os.getpid()) - c
            out["stories rows KiB/doc (collected, compressed)"] = parts.pop("row_bytes") / max(1, len(docs)) / 1024
            keys = story_entity_keys(analysis.entities, corpus.entity_map, {})
            out["stories map"] = _shipped(parts, pack(keys), (keys,))
            wall.update({f"stories.spark.{k}": v for k, v in parts.items()})
            out["stories rows KiB/doc (Python objects)"] = story_rows_kib(analysis, corpus, cfg)
        if stage.name == "link" and spark is not None and "link" in spark_stages:
            from spark import tree_cpu_seconds

            from newsprism.scale.codec import pack
            from newsprism.scale.link import link_on_spark

            t, c = time.perf_counter(), tree_cpu_seconds(os.getpid())
            parts = {}
            spark_link = link_on_spark(spark, spark_rows, [d.id for d in docs if d.id in records], corpus.entity_map,
                                       analysis.entities, parts)
            wall["link.spark"], cpu["link.spark"] = time.perf_counter() - t, tree_cpu_seconds(os.getpid()) - c
            names = {e.id: e.name for e in analysis.entities}
            out["link map"] = _shipped(parts, pack((corpus.entity_map, names)), (corpus.entity_map, names))
            wall.update({f"link.spark.{k}": v for k, v in parts.items()})
        t, c = time.perf_counter(), time.process_time()
        stage.load()(corpus)
        wall[stage.name], cpu[stage.name] = time.perf_counter() - t, time.process_time() - c
        if stage.name == "link" and spark is not None and "link" in spark_stages:
            out["link: Spark == local"] = all([x.model_dump() for x in a] == [x.model_dump() for x in b] for a, b in zip(
                spark_link, (analysis.claims, analysis.times, analysis.framing), strict=True))
        if stage.name == "stories" and spark is not None and "stories" in spark_stages:
            out["stories: Spark == local"] = [s.model_dump() for s in spark_stories] == \
                [s.model_dump() for s in analysis.stories]
        if stage.name == "entities" and spark is not None and "entities" in spark_stages:
            out["entities: Spark == local"] = ([e.model_dump() for e in spark_entities[0]] ==
                                               [e.model_dump() for e in analysis.entities]
                                               and spark_entities[1] == corpus.entity_map)
        if stage.name == "facts" and spark is not None and "facts" in spark_stages:
            same = groupings(analysis.model_copy(update={"facts": spark_facts}))["facts"] == groupings(analysis)["facts"]
            out["facts: Spark == local"] = same
            out["facts: every field"] = [f.model_dump() for f in spark_facts] == [f.model_dump() for f in analysis.facts]
    if spark is not None and {"link", "stories"} & set(spark_stages):
        spark_rows.unpersist()
    analysis.bind()
    out.update({"entities": len(analysis.entities), "claims": len(analysis.claims), "stories": len(analysis.stories),
                "facts": len(analysis.facts), "timeline": len(analysis.timeline), "rss_mb": _rss_mb()})
    out["driver_bytes"] = len(pickle.dumps((docs, [records[d.id] for d in docs]), protocol=pickle.HIGHEST_PROTOCOL))
    return out


def _shipped(parts: dict, whole: bytes, maps: tuple) -> dict[str, int]:
    """What a Spark stage sent its partitions of the entity map: the whole map packed (what a broadcast sends every
    executor) and its entries and their strings' UTF-8 bytes (`maps`: its dicts), and the rows and bytes the join
    shipped (`map_rows`, `map_bytes`, where the stage reports them)."""
    return {"broadcast_bytes": len(whole), "whole_rows": sum(len(m) for m in maps),
            "whole_bytes": sum(len(k.encode()) + len((v or "").encode()) for m in maps for k, v in m.items()),
            "rows": int(parts.pop("map_rows", 0)), "bytes": int(parts.pop("map_bytes", 0))}


STAGES = ("dedup", "entities", "link", "stories", "facts", "timeline", "summary", "entities.spark.upload", "entities.spark",
          "entities.spark.keys", "entities.spark.merge", "entities.spark.build", "entities.spark.number",
          "link+stories.spark.upload", "link.spark", "link.spark.offsets", "link.spark.link", "link.spark.gather",
          "stories.spark", "stories.spark.arrivals", "stories.spark.vectors",
          "stories.spark.place", "facts.spark.groups", "facts.spark")


def story_rows_kib(analysis: Any, corpus: Any, cfg: Any) -> float:
    """What the driver holds per document for story clustering's pass on Spark, as Python objects (tracemalloc):
    the compact rows (`placed_only`) the executors send, built here by the same functions."""
    import tracemalloc

    from newsprism.align.stories import document_row
    from newsprism.align.storyindex import StoryIndex, arrival, key_counts, placed_only
    from newsprism.align.storyvectors import with_vectors
    from newsprism.scale.codec import pack, unpack
    from newsprism.stages import story_entity_keys

    stable = story_entity_keys(analysis.entities, corpus.entity_map, {})
    arrivals = [arrival(*document_row(d.id, d.published, corpus.records[d.id], stable)[1], cfg.stories)
                for d in analysis.documents if d.id in corpus.records]
    index = StoryIndex(cfg)
    index.count(len(arrivals), key_counts(arrivals))
    blobs = [pack(placed_only(with_vectors(a, index._idf, cfg.stories))) for a in arrivals]
    del arrivals
    tracemalloc.start()
    rows = [unpack(b) for b in blobs]
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return size / max(1, len(rows)) / 1024


def report(runs: list[dict[str, Any]], key: str) -> None:
    print(f"\n{key} seconds per stage, and the ratio to the previous size (a doubling)")
    names = [s for s in STAGES if s in runs[0][key]]
    print("| stage | " + " | ".join(f"{r['n']:,} docs" for r in runs) + " | " +
          " | ".join(f"x{b['n'] // a['n']}" for a, b in itertools.pairwise(runs)) + " |")
    print("| --- " * (1 + len(runs) + len(runs) - 1) + "|")
    for s in names + ["total"]:
        vals = [sum(v for k, v in r[key].items() if k in STAGES[:7]) if s == "total" else r[key][s] for r in runs]
        ratios = [f"{b / a:.2f}" if a > 0.005 else "-" for a, b in itertools.pairwise(vals)]
        print(f"| {s} | " + " | ".join(f"{v:.2f}" for v in vals) + " | " + " | ".join(ratios) + " |")


def time_sizes(sizes: list[int], repeat: int, use_spark: bool, cores: int,
               spark_stages: tuple[str, ...] = ("entities", "facts")) -> list[dict[str, Any]]:
    docs, records = load_pool()
    if sizes[-1] > len(docs):
        raise SystemExit(f"only {len(docs)} documents have records: run `build` first or ask for smaller sizes")
    docs_blob = pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)
    records_blob = pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)
    del docs, records
    spark = None
    if use_spark:
        from newsprism.scale.session import spark_session

        t = time.perf_counter()
        spark = spark_session(f"local[{cores}]")
        print(f"Spark local[{cores}] start-up: {time.perf_counter() - t:.1f} s (apart from every figure below)")
    measure(min(sizes), docs_blob, records_blob, spark, spark_stages)   # a warm-up, not counted: imports, lexicons, Spark's Python workers
    runs = []
    for n in sizes:
        best: dict[str, Any] = {}
        for _ in range(repeat):
            r = measure(n, docs_blob, records_blob, spark, spark_stages)
            if not best:
                best = r
            else:
                for key in ("wall", "cpu"):
                    best[key] = {k: min(v, r[key].get(k, v)) for k, v in best[key].items()}
        runs.append(best)
        print(json.dumps(best), flush=True)
    if spark is not None:
        spark.stop()
    return runs


def refusals() -> None:
    """Why the pass over keys is sequential: the name-variant pairs that match on their own (names.person_match)
    but that rule 2 refuses because one side's cluster already holds an incompatible full name. Connected
    components over candidate pairs would join them. Counted on the whole deduplicated pool."""
    from newsprism.config import Config
    from newsprism.pipeline import dedup_documents
    from newsprism.resolve import merges
    from newsprism.resolve.entities import resolve

    docs, records = load_pool()
    cfg = Config()
    docs = dedup_documents(docs, cfg)
    refused, merged = [], []
    compatible, variants = merges._compatible, merges._merge_name_variants

    def counted(a: str, b: str, threshold: float) -> bool:
        ok = compatible(a, b, threshold)
        if not ok:
            refused.append((a, b))   # all() stops at the first incompatible name: one per refused pair
        return ok

    def rule_2(c: Any, person_full: Any) -> None:
        before = sum(len(v) for v in c.evidence.values())
        variants(c, person_full)
        merged.append(sum(len(v) for v in c.evidence.values()) - before)   # one evidence entry per merge

    merges._compatible, merges._merge_name_variants = counted, rule_2
    try:
        resolve([records[d.id] for d in docs if d.id in records], cfg)
    finally:
        merges._compatible, merges._merge_name_variants = compatible, variants
    print(f"{len(docs)} documents: rule 2 merged {sum(merged)} name-variant pairs and refused {len(refused)} that match "
          "on their own, because one side's cluster holds an incompatible full name")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="read, clean and parse the articles once")
    b.add_argument("--budget-docs", type=int, default=4000, help="parse at most this many documents")
    m = sub.add_parser("time", help="time every corpus stage at N, 2N, 4N, 8N documents")
    m.add_argument("--sizes", default="", help="comma-separated document counts (default: the pool's 1/8, 1/4, 1/2, all)")
    m.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest is kept")
    m.add_argument("--spark", action="store_true", help="entities, link, stories and facts also through their Spark steps")
    m.add_argument("--spark-stages", default="entities,link,stories,facts", help="which stages --spark runs on Spark")
    m.add_argument("--cores", type=int, default=2, help="Spark local[N]")
    sub.add_parser("refusals", help="count the name-variant pairs the sequential pass over keys refuses")
    a = ap.parse_args(argv)
    if a.cmd == "build":
        build(a.budget_docs)
    elif a.cmd == "refusals":
        refusals()
    else:
        if a.sizes:
            sizes = [int(x) for x in a.sizes.split(",")]
        else:
            pool = len(load_pool()[0])
            sizes = [pool // 8 * k for k in (1, 2, 4, 8)]
        load0 = os.getloadavg()[0]
        runs = time_sizes(sizes, a.repeat, a.spark, a.cores, tuple(a.spark_stages.split(",")))
        print(f"\nload average before/after: {load0:.1f} / {os.getloadavg()[0]:.1f}")
        for r in runs:
            print(f"{r['n']:,} documents ({r['kept']:,} after dedup): {r['entities']:,} entities, {r['claims']:,} claims, "
                  f"{r['stories']:,} stories, {r['facts']:,} facts, {r['timeline']:,} timeline entries; "
                  f"driver data {r['driver_bytes'] / r['kept'] / 1024:.1f} KiB/doc, RSS {r['rss_mb']:.0f} MB"
                  + (f"; {r['storylines']} storylines, largest {r['largest storyline (claims)']} claims, "
                     f"stubs sent {r['stubs'][0]:,} (largest group {r['stubs'][1]:,}; every entity to every group "
                     f"{r['stubs'][2]:,}), facts Spark == local: {r['facts: Spark == local']} "
                     f"(every field: {r['facts: every field']})" if "storylines" in r else "")
                  + (f"; entities Spark == local: {r['entities: Spark == local']}" if "entities: Spark == local" in r else "")
                  + (f"; stories Spark == local: {r['stories: Spark == local']}, driver rows "
                     f"{r['stories rows KiB/doc (Python objects)']:.1f} KiB/doc as objects, "
                     f"{r['stories rows KiB/doc (collected, compressed)']:.1f} KiB/doc collected"
                     if "stories: Spark == local" in r else "")
                  + (f"; link Spark == local: {r['link: Spark == local']}" if "link: Spark == local" in r else "")
                  + "".join(f"; {m}: whole map {r[m]['whole_rows']:,} entries / {r[m]['whole_bytes']:,} bytes "
                            f"({r[m]['broadcast_bytes']:,} packed), join shipped {r[m]['rows']:,} rows / {r[m]['bytes']:,} bytes" for m in ("link map", "stories map") if m in r))
        report(runs, "wall")
        report(runs, "cpu")


if __name__ == "__main__":
    main()
