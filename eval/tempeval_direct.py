#!/usr/bin/env python3
"""TempEval-3 figures for `find_times` without the CLI: same reader and scorer as ../shared/eval/tempeval.py.

Usage (from the project's root):
  nice -n 10 .venv/bin/python eval/tempeval_direct.py [DIR] [--limit N] [--show N] [--no-parse] [--missed N] [--spurious N] [--clean]

Data: TempEval-3 training documents, TimeBank + AQUAINT (https://github.com/qiangning/StructTempRel-EMNLP17,
commit d6518a5a79d940d749c95ee5b72830714b132238, data/TempEval3/Training/TBAQ-cleaned/), read from
$NEWSPRISM_EVALDATA/tempeval3/TBAQ-cleaned (default ../shared/evaldata; see eval/evaldata.py) or DIR. The reader and scorer are the
project's shared ../shared/eval/tempeval.py.

    python eval/tempeval_direct.py          # the figures in docs/evaluation.md come from ../shared/eval/tempeval.py
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(SHARED_EVAL))

import tempeval  # noqa: E402

import evaldata  # noqa: E402  (eval/ is on the path when run as a script)

from newsprism.extract.times import find_times  # noqa: E402


def cleaned(docs: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The documents as the CLI's reader, cleaner and deduplicator hand them to the document stages."""
    import tempfile

    from newsprism.config import Config
    from newsprism.pipeline import dedup_documents, iter_cleaned

    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "in.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for did, text, dct in docs:
                fh.write(json.dumps({"id": did, "text": text, "published": dct}) + "\n")
        cfg = Config()
        out = dedup_documents(list(iter_cleaned([path], cfg, lambda msg: print("warning:", msg))), cfg)
    return [(d.id, d.text, d.published or "") for d in out]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default=str(evaldata.path("tempeval3", "TBAQ-cleaned")))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print up to N wrongly normalized expressions")
    ap.add_argument("--missed", type=int, default=0, help="print up to N gold expressions we did not find")
    ap.add_argument("--spurious", type=int, default=0, help="print up to N expressions gold does not have")
    ap.add_argument("--no-parse", action="store_true", help="run without spaCy (tense from auxiliaries only)")
    ap.add_argument("--clean", action="store_true",
                    help="read, clean and deduplicate the documents as the CLI does (texts and documents it drops show)")
    a = ap.parse_args()
    evaldata.check(Path(a.dir), "tempeval3")
    files = sorted(glob.glob(os.path.join(a.dir, "**", "*.tml"), recursive=True))[: a.limit or None]
    docs = []
    gold = {}
    for f in files:
        text, dct, tx = tempeval.read_tml(f)
        did = os.path.basename(f)[:-4]
        docs.append((did, text, dct))
        gold[did] = tx
    if a.clean:
        docs = cleaned(docs)
    if a.no_parse:
        sdocs = [None] * len(docs)
    else:
        from newsprism.parse import load_nlp

        sdocs = load_nlp().pipe([t for _, t, _ in docs], batch_size=16)
    times = []
    for (did, text, dct), sdoc in zip(docs, sdocs):
        for t in find_times(did, text, dct, sdoc):
            assert text[t.start:t.end] == t.text
            times.append(t.model_dump())
    res, wrong = tempeval.score(gold, times, a.show)
    for w in wrong:
        print(w)
    if a.missed or a.spurious:
        ours: dict[str, list[str]] = {}
        for t in times:
            ours.setdefault(t["doc"], []).append(tempeval.norm(t["text"]))
        missed, spurious = [], []
        for did, tx in gold.items():
            g = [x[0] for x in tx]
            for gt, gv, gty in tx:
                if not any(o in gt or gt in o for o in ours.get(did, [])):
                    missed.append(f"{did}: MISSED '{gt}' {gv} {gty}")
            for o in ours.get(did, []):
                if not any(o in gt or gt in o for gt in g):
                    spurious.append(f"{did}: SPURIOUS '{o}'")
        for line in missed[: a.missed]:
            print(line)
        for line in spurious[: a.spurious]:
            print(line)
        print(f"missed {len(missed)}, spurious {len(spurious)}")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
