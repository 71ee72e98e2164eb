"""Spark `local[N]` against the local process pool on the same articles: throughput per core, Spark's
start-up apart, each phase's wall time, and whether the two analyses group alike (ids aside).

    python bench/spark.py                    # the sample corpus
    python bench/spark.py --bbc 2000         # the first 2,000 BBC articles (../shared/evaldata/bbc)
    python bench/spark.py --pool 10000       # every dev-set article (bench/crossdoc.py's pool), then recombined ones

`--pool N` writes N distinct documents: the real articles of bench/crossdoc.py's `pool_rows()` (3,724), then
articles recombined from whole paragraphs of three real ones (bench/pool.py) up to N; `--pool-real K` takes
only the first K real articles (and recombines those), to try the recombined ones at a small size.

Needs the spark extra (`make spark`). Heavy: run it with `nice -n 10` on a shared machine.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.config import Config  # noqa: E402
from newsprism.pipeline import run  # noqa: E402
from newsprism.scale.compare import differences  # noqa: E402
from newsprism.scale.run import analyze  # noqa: E402
from newsprism.scale.session import spark_session  # noqa: E402

BBC = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared")) / "evaldata" / "bbc" / "bbc.jsonl.gz"


def bbc_subset(n: int, where: Path) -> Path:
    if not BBC.exists():
        raise SystemExit(f"no BBC set at {BBC} (see ../shared/evaldata)")
    path = where / f"bbc-{n}.jsonl"
    with gzip.open(BBC, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for k, line in enumerate(src):
            if k >= n:
                break
            dst.write(line)
    return path


def pool_subset(n: int, real: int | None, where: Path) -> Path:
    from crossdoc import pool_rows
    from pool import pool

    docs = pool(pool_rows(), n, real)
    path = where / f"pool-{n}.jsonl"
    with open(path, "w", encoding="utf-8") as dst:
        for row in docs:
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
    made = sum(1 for d in docs if d["id"].startswith("recombined/"))
    print(f"pool: {len(docs) - made} real articles, {made} recombined -> {path}", flush=True)
    return path


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds (user + system) used so far by a process and every living descendant (Linux /proc): the
    JVM and its Python workers are not this process's waited-for children, so getrusage misses them."""
    tick = os.sysconf("SC_CLK_TCK")
    parent, cpu = {}, {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                fields = (p / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parent[int(p.name)], cpu[int(p.name)] = int(fields[1]), (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo += [c for c, pp in parent.items() if pp == pid]
    return total


def own_cpu_seconds() -> float:
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", type=int, default=0, help="use the first N BBC articles instead of samples/")
    ap.add_argument("--pool", type=int, default=0, help="N documents: the dev sets' real articles, then recombined ones")
    ap.add_argument("--pool-real", type=int, default=None, help="with --pool: only the first K real articles")
    ap.add_argument("--cores", type=int, default=2, help="local pool processes and Spark local[N]")
    ap.add_argument("--driver-memory", default=None, help="spark.driver.memory (the JVM's heap in local mode; Spark's default 1g)")
    ap.add_argument("--out", default=None, help="where the Spark run writes its tables (default: a temp dir)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="newsprism-spark-bench-"))
    if args.pool:
        inputs = [str(pool_subset(args.pool, args.pool_real, tmp))]
    else:
        inputs = [str(bbc_subset(args.bbc, tmp))] if args.bbc else [str(ROOT / "samples")]
    cfg = Config()
    cfg.parse.processes = args.cores
    load0 = f"{os.getloadavg()[0]:.1f}"

    t, c = time.perf_counter(), own_cpu_seconds()
    local = run(inputs, cfg)
    local_s, local_cpu = time.perf_counter() - t, own_cpu_seconds() - c   # the pool's workers are joined: counted
    print(f"local pool: {len(local.documents)} documents, {local_s:.1f} s wall, {local_cpu:.0f} CPU s, load "
          f"{os.getloadavg()[0]:.1f}", flush=True)
    made = [bool(d.title and d.title.startswith("Recombined ")) for d in local.documents]
    linked = [m for d, m in zip(local.documents, made, strict=True) if d.near_duplicates]
    print(f"duplicates (local): {sum(len(d.sources) - 1 for d in local.documents)} copies merged; documents linked as "
          f"near-duplicates: {linked.count(False)} of {made.count(False)} real, {linked.count(True)} of "
          f"{made.count(True)} recombined", flush=True)

    t = time.perf_counter()
    spark = spark_session(f"local[{args.cores}]", {"spark.driver.memory": args.driver_memory} if args.driver_memory else None)
    startup = time.perf_counter() - t
    t, c = time.perf_counter(), tree_cpu_seconds(os.getpid())
    result = analyze(inputs, cfg, out=args.out or str(tmp / "out"), spark=spark)
    spark_s, spark_cpu = time.perf_counter() - t, tree_cpu_seconds(os.getpid()) - c
    spark.stop()

    n = len(local.documents)
    a, b = json.loads(local.to_json()), json.loads(result.analysis.to_json())
    a.pop("generated", None)
    b.pop("generated", None)
    diff = differences(local, result.analysis)
    print(f"documents: {n} local, {len(result.analysis.documents)} Spark; {args.cores} cores")
    print(f"load average before/after: {load0} / {os.getloadavg()[0]:.1f} (a shared machine: CPU seconds are the fairer measure)")
    print("| run | wall s | docs/s per core (wall) | CPU s | docs per CPU second |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| local pool ({args.cores} processes) | {local_s:.1f} | {n / local_s / args.cores:.2f} | {local_cpu:.0f} | {n / local_cpu:.2f} |")
    print(f"| Spark local[{args.cores}], start-up apart | {spark_s:.1f} | {n / spark_s / args.cores:.2f} | {spark_cpu:.0f} | {n / spark_cpu:.2f} |")
    print(f"| Spark start-up (session) | {startup:.1f} | | | |")
    print("phases (s): " + ", ".join(f"{k} {v:.1f}" for k, v in result.seconds.items() if k != "startup"))
    print("JSON identical (generated aside):", a == b)
    print("groupings that differ (only local, only Spark, both):", diff or "none")


if __name__ == "__main__":
    main()
