"""The whole analysis against one process's bare spaCy parse of the same text (the speed target).

    python bench/pipeline.py [--docs 400]

Reads BBC articles (../shared/evaldata/bbc), times `nlp.pipe` over their texts in one process, then
newsprism's whole analysis (cleaning, parse, every stage, on both cores) of the same articles.
Target: ratio analysis / bare parse <= 1.0.

Data: the BBC News set (Greene & Cunningham 2006; https://github.com/dejanbatanjac/bbc-article-classify-bert,
commit 8265dc8, bbc/<category>/<nnn>.txt made into one JSON line an article), read from
$NEWSPRISM_EVALDATA/bbc/bbc.jsonl.gz (default ../shared/evaldata; see eval/evaldata.py).
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import evaldata  # noqa: E402  (eval/evaldata.py: where the public sets are)

BBC = evaldata.path("bbc", "bbc.jsonl.gz")


def load_bbc(n: int) -> list[dict]:
    rows = []
    with gzip.open(evaldata.check(BBC, "bbc"), "rt", encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= n:
                break
    return rows


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=400)
    a = ap.parse_args(argv)
    import newsprism
    from newsprism.parse import load_nlp

    rows = load_bbc(a.docs)
    texts = [r["text"] for r in rows]
    nlp = load_nlp()
    list(nlp.pipe(texts[:5]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    bare = time.perf_counter() - t0
    arts = [newsprism.Article(text=r["title"] + "\n\n" + r["text"], id=r["id"]) for r in rows]
    t0 = time.perf_counter()
    analysis = newsprism.analyze(arts)
    ours = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    res = {"documents": len(rows), "words": words, "bare_spacy_parse_s": round(bare, 2),
           "newsprism_analysis_s": round(ours, 2), "ratio": round(ours / bare, 2),
           "claims": len(analysis.claims), "entities": len(analysis.entities),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    print(f"whole analysis vs bare spaCy parse, {len(rows)} BBC articles ({words:,} words)")
    print(f"  bare spaCy nlp.pipe, 1 process : {bare:7.1f} s")
    print(f"  newsprism analyze, all stages  : {ours:7.1f} s   ratio {ours / bare:.2f} (target <= 1.0)")
    return res


if __name__ == "__main__":
    main()
