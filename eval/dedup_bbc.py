"""Duplicates in the BBC News set: how many exact copies dedup merges and how many near-duplicate pairs it
links, beside an exact check of every pair (are the LSH buckets missing any pair at the threshold?).

    python eval/dedup_bbc.py [--no-all-pairs]

Each article goes through the pipeline's own reading and cleaning (a JSONL record: id, title, text),
then `newsprism.clean.dedup.dedup` with the default configuration. The exact check compares the word
shingles of every two kept documents whose sizes allow the threshold (a pair whose shingle counts
differ by more than that ratio cannot reach it), so it finds every pair at or above the threshold.

Data: the BBC News set (Greene & Cunningham 2006; https://github.com/dejanbatanjac/bbc-article-classify-bert,
commit 8265dc8, bbc/<category>/<nnn>.txt made into one JSON line an article), read from
$NEWSPRISM_EVALDATA/bbc/bbc.jsonl.gz (default ../shared/evaldata; see eval/evaldata.py).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaldata  # noqa: E402

BBC = evaldata.path("bbc", "bbc.jsonl.gz")


def main(argv: list[str] | None = None) -> int:
    from newsprism.clean.dedup import dedup
    from newsprism.clean.dedup import shingles as shingle_set
    from newsprism.config import Config
    from newsprism.pipeline import iter_cleaned

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-all-pairs", action="store_true", help="skip the exact check of every pair")
    a = ap.parse_args(argv)
    cfg = Config()
    with gzip.open(evaldata.check(BBC, "bbc"), "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    records = [{"id": r["id"], "title": r.get("title"), "text": r["text"]} for r in rows]
    docs = list(iter_cleaned(records, cfg, lambda msg: None))
    t0 = time.perf_counter()
    kept = dedup(docs, cfg)
    took = time.perf_counter() - t0
    linked = {tuple(sorted((d.id, n.doc))) for d in kept for n in d.near_duplicates}
    print(f"BBC: {len(rows)} articles, {len(docs)} cleaned; dedup {took:.1f} s")
    print(f"  exact copies merged: {len(docs) - len(kept)}")
    print(f"  near-duplicate pairs linked (Jaccard >= {cfg.dedup.near_threshold}): {len(linked)}")
    if a.no_all_pairs:
        return 0
    size, threshold = cfg.dedup.shingle_words, cfg.dedup.near_threshold
    shingles = [frozenset(shingle_set(d.text, size)) for d in kept]
    order = sorted(range(len(kept)), key=lambda i: len(shingles[i]))
    exact: set[tuple[str, str]] = set()
    for x, i in enumerate(order):
        si = shingles[i]
        for j in order[x + 1:]:
            sj = shingles[j]
            if len(si) < threshold * len(sj):
                break    # sorted by size: every later set is larger still
            shared = len(si & sj)
            if si and shared / (len(si) + len(sj) - shared) >= threshold:
                exact.add(tuple(sorted((kept[i].id, kept[j].id))))
    print(f"  exact check of every pair: {len(exact)} pairs; linked and found alike: {linked == exact}"
          + ("" if linked == exact else f" (missed {len(exact - linked)}, extra {len(linked - exact)})"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
