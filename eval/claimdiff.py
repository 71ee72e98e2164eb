"""ClaimDiff training pairs: how often does the fact ledger put the two claims of a pair in one fact?

Each pair is two sentences on one topic from two outlets. Per topic, every distinct sentence becomes a
one-sentence article (published on the pair's date) and the topic is analyzed once; a pair is "aligned"
when one fact holds claims of both its sentences. Printed per set (strength / weak) and per relation
label. No threshold: this measures how much of the cross-outlet overlap our blocking reaches.

    nice -n 10 .venv/bin/python eval/claimdiff.py [--limit-topics N]

Data: ClaimDiff training pairs (https://github.com/kaistAI/ClaimDiff, commit
19d033c17dec6457fc807f01dfa31f535172f28a), read from $NEWSPRISM_EVALDATA/claimdiff/ClaimDiff-S and
ClaimDiff-W (default ../shared/evaldata; see eval/evaldata.py).
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict

import evaldata
from newsprism.api import Article, analyze

SETS = {
    "strength": "ClaimDiff-S/ClaimDiff-strength-train.json",
    "weak": "ClaimDiff-W/ClaimDiff-weak-train.json",
}
ROOT = evaldata.path("claimdiff")
OVERRIDES = {"read__min_chars": 1, "stages__framing": False, "stages__summary": False, "parse__processes": 1}


def _id(text: str) -> str:
    return "s" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def aligned_pairs(pairs: list[dict]) -> list[bool]:
    """For pairs of one topic: is each pair's two sentences in one fact?"""
    sentences: dict[str, dict] = {}
    for p in pairs:
        for side in ("a", "b"):
            text = p[f"claim_{side}"].strip()
            sentences.setdefault(_id(text), {"text": text, "published": p.get("date")})
    arts = [Article(text=v["text"], id=k, published=v["published"]) for k, v in sorted(sentences.items())]
    analysis = analyze(arts, **OVERRIDES)
    doc_of = {c.id: c.doc for c in analysis.claims}
    together: set[tuple[str, str]] = set()
    for f in analysis.facts:
        docs = sorted({doc_of[c] for p in f.positions for c in p.claims if c in doc_of})
        together.update((x, y) for x in docs for y in docs if x != y)
    return [(_id(p["claim_a"].strip()), _id(p["claim_b"].strip())) in together for p in pairs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit-topics", type=int, default=0, help="first N topics of each set")
    a = ap.parse_args()
    evaldata.check(ROOT, "claimdiff")
    out = {}
    for name, rel in SETS.items():
        data = json.load(open(ROOT / rel, encoding="utf-8"))["data"]
        by_topic: dict[str, list[dict]] = defaultdict(list)
        for p in data:
            by_topic[p["topic"]].append(p)
        topics = sorted(by_topic)[: a.limit_topics or None]
        hits: dict[int, list[bool]] = defaultdict(list)
        for t in topics:
            for p, ok in zip(by_topic[t], aligned_pairs(by_topic[t])):
                hits[int(p["relation"])].append(ok)
        every = [x for v in hits.values() for x in v]
        out[name] = {"topics": len(topics), "pairs": len(every),
                     "same_fact_rate": round(sum(every) / max(1, len(every)), 3),
                     **{f"same_fact_rate_relation_{r}": round(sum(v) / max(1, len(v)), 3) for r, v in sorted(hits.items())}}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
