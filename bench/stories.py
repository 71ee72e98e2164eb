"""How story clustering scales: StoryIndex time and peak memory at 1x, 2x and 4x of 5,000 documents.

    nice -n 10 .venv/bin/python bench/stories.py [--base 5000]

Features are built once from the BBC set with a light tokenizer (spaCy would dominate the run),
replicated with renamed terms so each copy is a distinct set of stories, and dated at a constant
rate (50 a day), so doubling the documents doubles the days covered, as a real stream does.
Each scale runs in its own process: wall time of the clustering, then its peak Python allocation
(tracemalloc, a second run) and the process's peak resident memory. Target: time ratio <= 2.3 per doubling.

Data: the BBC News set (Greene & Cunningham 2006; https://github.com/dejanbatanjac/bbc-article-classify-bert,
commit 8265dc8, bbc/<category>/<nnn>.txt made into one JSON line an article), read from
$NEWSPRISM_EVALDATA/bbc/bbc.jsonl.gz (default ../shared/evaldata; see eval/evaldata.py).
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import pickle
import random
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import evaldata  # noqa: E402  (eval/evaldata.py: where the public sets are)

BBC = evaldata.path("bbc", "bbc.jsonl.gz")
PER_DAY = 50

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)")
_STOP = frozenset("""the and for that with this from have has had was were are his her their they them its
will would could should said says also but not you your our who what when where which while been being into
about after before over than then there these those more most some such only other just very can may might
one two three new year years last first people told""".split())


def light_features(title: str, text: str) -> dict:
    """Story features without spaCy: word counts, capitalised sequences as names, title words."""
    words = Counter(w for w in _WORD.findall(text.lower()) if w not in _STOP)
    names = Counter(m.group(1).lower() for m in _NAME.finditer(text))
    return {"terms": dict(words.most_common(250)), "names": dict(names.most_common(80)), "title": title,
            "title_terms": [w for w in _WORD.findall(title.lower()) if w not in _STOP], "published": None, "dates": []}


def renamed(features: dict, copy: int) -> dict:
    if copy == 0:
        return features
    tag = f"_{copy}"
    return dict(features, terms={k + tag: v for k, v in features["terms"].items()},
                names={k + tag: v for k, v in features["names"].items()},
                title_terms=[t + tag for t in features["title_terms"]], title=f"{features['title']} ({copy})")


def build(n: int) -> list[tuple[str, dict, str]]:
    """n dated feature dicts: BBC articles in a fixed shuffled order, copied with renamed terms."""
    base = []
    with gzip.open(evaldata.check(BBC, "bbc"), "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            base.append((d["id"], light_features(d.get("title") or "", d.get("text") or "")))
    random.Random(0).shuffle(base)
    start = date(2004, 1, 1)
    out = []
    for i in range(n):
        copy, j = divmod(i, len(base))
        doc_id, f = base[j]
        day = (start + timedelta(days=i // PER_DAY)).isoformat()
        out.append((f"{doc_id}#{copy}", dict(renamed(f, copy), published=day), day))
    return out


def _run(path: str, n: int, traced: bool, queue: mp.Queue, batch: bool = False) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from newsprism.align.storyindex import StoryIndex
    from newsprism.config import Config

    rows = pickle.loads(Path(path).read_bytes())[:n]
    if traced:
        tracemalloc.start()
    t0 = time.perf_counter()
    index = StoryIndex(Config())
    if batch:          # as the pipeline feeds a collection: one batch (IDF over all of it, then the second look)
        index.add_many([(doc_id, f, day, None) for doc_id, f, day in rows])
    for doc_id, f, day in ([] if batch else rows):
        index.add(doc_id, f, day)
    stories = index.stories()
    took = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    active = sum(1 for e in index.events if e.active)
    queue.put({"seconds": took, "peak_mb": peak / 2**20, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "active_events": active,
               "stories": len(stories)})


def measure(path: str, n: int, traced: bool, batch: bool = False) -> dict:
    queue: mp.Queue = mp.Queue()
    p = mp.get_context("fork").Process(target=_run, args=(path, n, traced, queue, batch))
    p.start()
    out = queue.get()
    p.join()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=int, default=5000)
    ap.add_argument("--batch", action="store_true", help="feed each scale as one batch (add_many), as the pipeline does")
    args = ap.parse_args(argv)
    rows = build(4 * args.base)
    with tempfile.NamedTemporaryFile(suffix=".pkl", delete=False) as fh:
        fh.write(pickle.dumps(rows))
    prev = None
    print(f"StoryIndex on BBC features ({PER_DAY} documents a day), base {args.base}" + (", one batch" if args.batch else ""))
    for mult in (1, 2, 4):
        n = mult * args.base
        timed = measure(fh.name, n, traced=False, batch=args.batch)
        traced = measure(fh.name, n, traced=True, batch=args.batch)
        ratio = f"{timed['seconds'] / prev:.2f}" if prev else "-"
        prev = timed["seconds"]
        print(f"  {mult}x {n:6d} docs  {timed['seconds']:7.2f} s  ratio {ratio:>5}  "
              f"index peak {traced['peak_mb']:7.1f} MB  process rss incl. input {timed['rss_mb']:7.1f} MB  "
              f"stories {timed['stories']}  still indexed {timed['active_events']}")
    Path(fh.name).unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
