"""Benchmark of cross-document entity resolution: near-linear growth with the number of documents.

    python bench/entities.py [--docs N] [--cache PATH]

Builds per-document records once (spaCy + the mentions component) from the BBC news set, then
replicates them with consistently renamed entities (each copy its own people, organisations and
places, so blocks grow with the corpus instead of collapsing into identical keys), and times
`resolve` at 1x, 2x and 4x. Prints seconds (best of three), the ratio per doubling (bar: <= 2.3) and the peak
Python memory of each run (tracemalloc).

Data: the BBC News set (Greene & Cunningham 2006; https://github.com/dejanbatanjac/bbc-article-classify-bert,
commit 8265dc8, bbc/<category>/<nnn>.txt made into one JSON line an article), read from
$NEWSPRISM_EVALDATA/bbc/bbc.jsonl.gz (default ../shared/evaldata; see eval/evaldata.py).
"""
from __future__ import annotations

import argparse
import gc
import gzip
import json
import pickle
import re
import sys
import time
import tracemalloc
from pathlib import Path

from newsprism.config import Config
from newsprism.model import Entity, Mention
from newsprism.records import DocRecord, local_id

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import evaldata  # noqa: E402  (eval/evaldata.py: where the public sets are)

BBC = evaldata.path("bbc", "bbc.jsonl.gz")
_SUFFIX = "bcdfghjklmnpqrstvwz"


def build_records(n: int, cache: Path) -> list[DocRecord]:
    if cache.exists():
        records = pickle.loads(cache.read_bytes())
        if len(records) >= n:
            return records[:n]
    from newsprism.model import Document
    from newsprism.parse import load_nlp
    from newsprism.resolve.mentions import component

    rows = [json.loads(line) for line in gzip.open(evaldata.check(BBC, "bbc"), "rt", encoding="utf-8")][:n]
    nlp, cfg = load_nlp(), Config()
    records = []
    t0 = time.perf_counter()
    for row, sdoc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=32)):
        rec = DocRecord(doc=row["id"])
        component(Document(id=row["id"], text=row["text"]), sdoc, rec, cfg)
        records.append(rec)
    print(f"parsed and extracted {len(records)} documents in {time.perf_counter() - t0:.1f}s")
    cache.write_bytes(pickle.dumps(records))
    return records


def _rename(text: str, k: int) -> str:
    """Copy k's spelling of a name: every capitalised word gets a suffix of its own."""
    if k == 0:
        return text
    tag = _SUFFIX[k % len(_SUFFIX)] + _SUFFIX[(k // len(_SUFFIX)) % len(_SUFFIX)]
    return re.sub(r"\b([A-Z][A-Za-z]+)", lambda m: m.group(1) + tag, text)


def replicate(records: list[DocRecord], times: int) -> list[DocRecord]:
    out: list[DocRecord] = []
    for k in range(times):
        for r in records:
            doc = f"{r.doc}~{k}"
            ents = []
            for n, e in enumerate(r.entities):
                ents.append(Entity(
                    id=local_id(doc, n), name=_rename(e.name, k), type=e.type,
                    aliases=[_rename(a, k) for a in e.aliases], roles=e.roles, documents=[doc],
                    mentions=[Mention(doc=doc, start=m.start, end=m.end, text=_rename(m.text, k), label=m.label)
                              for m in e.mentions]))
            out.append(DocRecord(doc=doc, entities=ents))
    return out


def main(argv: list[str] | None = None) -> None:
    from newsprism.resolve.entities import resolve

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2225)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newsprism_bench_entity_records.pkl"))
    args = ap.parse_args(argv)
    base = build_records(args.docs, args.cache)
    cfg = Config()
    print(f"{len(base)} documents, {sum(len(r.entities) for r in base)} local entities at 1x")
    prev = None
    for times in (1, 2, 4):
        recs = replicate(base, times)
        secs = float("inf")
        for _ in range(3):   # the best of three: the machine is shared
            gc.collect()
            t0 = time.perf_counter()
            ents, mapping = resolve(recs, cfg)
            secs = min(secs, time.perf_counter() - t0)
        tracemalloc.start()
        resolve(recs, cfg)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        ratio = f"  ratio {secs / prev:.2f}" if prev else ""
        print(f"{times}x: {len(recs):6} docs {len(mapping):7} local -> {len(ents):6} entities  "
              f"{secs:6.2f}s  peak {peak / 2**20:6.1f} MiB{ratio}")
        prev = secs


if __name__ == "__main__":
    main(sys.argv[1:])
