"""Planted contradictions per dev set: ../shared/eval/planted.py's evaluation run on BASIL alone, on ECB+ alone
and on both mixed together, one analysis per set (each set's stories are analyzed without the other's).

    nice -n 10 /work/main/.venv/bin/python eval/planted_sets.py [--sets basil,ecbplus] [--rounds 2] [--json]

A rule that holds only on the mixed run, or on one set, shows here: the issue asks for every figure on
every dev set. Per-document stages come from eval/devcache.py's cache (the planted harness in-process).
eval/facts_sweep.py splits one mixed run by set instead, to compare settings and pick one leaving a set out.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devcache import planted  # noqa: E402

NAMES = {"basil": "BASIL", "ecbplus": "ECB+"}


def runs(sets: list[str]) -> list[tuple[str, str]]:
    """(label, sets argument) for each set alone, then all of them together."""
    out = [(NAMES.get(s, s), s) for s in sets]
    if len(sets) > 1:
        out.append((" + ".join(NAMES.get(s, s) for s in sets), ",".join(sets)))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="basil,ecbplus", help="comma-separated: basil, ecbplus")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", action="store_true", help="one JSON object: {label: figures}")
    a = ap.parse_args(argv)
    results = {}
    for label, sets in runs(a.sets.split(",")):
        t0 = time.perf_counter()
        r = planted(sets, rounds=a.rounds)
        r["seconds"] = round(time.perf_counter() - t0, 1)
        results[label] = r
        print(f"{label}: done in {r['seconds']:.0f}s", file=sys.stderr)
    if a.json:
        print(json.dumps(results))
        return 0
    print(f"{'set':16} {'stories':>7} {'plants':>6} {'planted_recall':>14} {'contested_per_clean_story':>25}")
    for label, r in results.items():
        print(f"{label:16} {r['stories']:7} {r['plants']:6} {r['planted_recall']:14.3f} "
              f"{r['contested_per_clean_story']:25.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
