"""Story clustering on BASIL (80 events x 3 outlets, 2010-2017, all mixed): event B-cubed F1, ours
beside a single-pass TF-IDF baseline (cosine to cluster centroids, threshold tuned on this very set).

    nice -n 10 .venv/bin/python eval/stories_basil.py

Also holds the helpers the other story evaluations share (parsing with a cache, B-cubed, baseline).

Data: BASIL (https://github.com/launchnlp/BASIL, commit 4fdbc4f68d5ddae648990063cb6dd11424d96222,
articles/<year>/*.json, 2010-2017), read from $NEWSPRISM_EVALDATA/basil (default ../shared/evaldata; see eval/evaldata.py).
"""
from __future__ import annotations

import glob
import hashlib
import json
import math
import os
import pickle
import re
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaldata  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CACHE = Path(os.environ.get("NP_STORIES_CACHE", "/tmp/np_stories_cache"))

Item = dict  # {"id", "title", "text", "published", "gold"}


def featurize(items: list[Item], name: str) -> dict[str, dict]:
    """Story features of each item (spaCy parse + features_component), cached on disk by content."""
    from newsprism.align.stories import features_component
    from newsprism.parse import load_nlp

    digest = hashlib.sha1(json.dumps([[i["id"], i["title"], i["text"], i["published"]] for i in items]).encode()).hexdigest()[:12]
    path = CACHE / f"{name}-{digest}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    nlp = load_nlp()
    out: dict[str, dict] = {}
    for item, sdoc in zip(items, nlp.pipe((i["text"] for i in items), batch_size=16)):
        document = SimpleNamespace(id=item["id"], text=item["text"], title=item["title"], published=item["published"])
        record = SimpleNamespace(doc=item["id"], published=item["published"], entities=[], features={})
        features_component(document, sdoc, record, None)
        out[item["id"]] = record.features
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def bcubed(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[float, float, float]:
    by_pred: dict[Any, set] = {}
    by_gold: dict[Any, set] = {}
    for i in gold:
        by_pred.setdefault(pred[i], set()).add(i)
        by_gold.setdefault(gold[i], set()).add(i)
    p = sum(len(by_pred[pred[i]] & by_gold[gold[i]]) / len(by_pred[pred[i]]) for i in gold) / len(gold)
    r = sum(len(by_pred[pred[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in gold) / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ordered(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda i: (0, i["published"][:10], i["id"]) if i["published"] else (1, "", i["id"]))


# -- the baseline ------------------------------------------------------------------
_TOKEN = re.compile(r"[a-z][a-z'-]+")
_STOP = frozenset("""a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our out
over own said same says she should so some such than that the their them then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you your also mr ms new
one two""".split())


def baseline_vectors(items: list[Item]) -> dict[str, dict[str, float]]:
    """Unit TF-IDF vectors over title + text words (IDF from the whole set, which only helps it)."""
    tokens = {i["id"]: Counter(t for t in _TOKEN.findall(f"{i['title'] or ''} {i['text']}".lower()) if t not in _STOP)
              for i in items}
    df: Counter[str] = Counter(t for c in tokens.values() for t in c)
    n = len(items)
    vecs = {}
    for doc, counts in tokens.items():
        v = {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 1)) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
        vecs[doc] = {t: w / norm for t, w in v.items()}
    return vecs


def baseline_clusters(items: list[Item], vecs: dict[str, dict[str, float]], threshold: float) -> dict[str, int]:
    """Single pass in publication order: join the nearest centroid if cosine >= threshold, else start a cluster."""
    sums: list[dict[str, float]] = []
    label: dict[str, int] = {}
    for item in ordered(items):
        v = vecs[item["id"]]
        best, best_sim = None, threshold
        for ci, c in enumerate(sums):
            norm = math.sqrt(sum(w * w for w in c.values())) or 1.0
            sim = sum(w * c.get(t, 0.0) for t, w in v.items()) / norm
            if sim >= best_sim:
                best, best_sim = ci, sim
        if best is None:
            sums.append({})
            best = len(sums) - 1
        for t, w in v.items():
            sums[best][t] = sums[best].get(t, 0.0) + w
        label[item["id"]] = best
    return label


def baseline_best(items: list[Item], gold: dict[str, Any], gold_topic: Optional[dict[str, Any]] = None) -> dict:
    """The baseline at its best threshold on this set (0.05 .. 0.60)."""
    vecs = baseline_vectors(items)
    best: dict = {"f1": -1.0}
    for k in range(1, 13):
        th = round(0.05 * k, 2)
        pred = baseline_clusters(items, vecs, th)
        p, r, f = bcubed(pred, gold)
        if f > best["f1"]:
            best = {"threshold": th, "p": p, "r": r, "f1": f}
            if gold_topic is not None:
                best["topic_f1"] = bcubed(pred, gold_topic)[2]
    return best


# -- ours ------------------------------------------------------------------------
def ours(items: list[Item], feats: dict[str, dict], cfg: Any = None) -> tuple[dict[str, str], dict[str, str], float]:
    """Event and storyline labels from cluster_stories; and the seconds it took."""
    from newsprism.align.stories import cluster_stories
    from newsprism.config import Config

    cfg = cfg or Config()
    documents = [SimpleNamespace(id=i["id"], published=i["published"]) for i in items]
    records = [SimpleNamespace(doc=i["id"], published=i["published"], entities=[], features=feats[i["id"]]) for i in items]
    t0 = time.perf_counter()
    stories = cluster_stories(documents, records, {}, cfg)
    took = time.perf_counter() - t0
    return labels(stories)[0], labels(stories)[1], took


def labels(stories: Iterable[Any]) -> tuple[dict[str, str], dict[str, str]]:
    stories = list(stories)
    parents = {s.parent for s in stories if s.parent}
    event: dict[str, str] = {}
    top: dict[str, str] = {}
    for s in stories:
        if s.id in parents:
            continue
        for d in s.documents:
            event[d] = s.id
            top[d] = s.parent or s.id
    return event, top


def load_basil() -> list[Item]:
    items = []
    for path in sorted(glob.glob(str(evaldata.check(evaldata.path("basil", "articles"), "basil") / "*/*.json"))):
        d = json.load(open(path, encoding="utf-8"))
        paras = d.get("body-paragraphs") or []
        text = "\n\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in paras)
        title = d.get("title") or ""
        items.append({"id": Path(path).stem, "title": title, "text": f"{title}\n\n{text}",
                      "published": d.get("date"), "gold": d["triplet-uuid"]})
    return items


def main(argv: list[str] | None = None) -> int:
    items = load_basil()
    gold = {i["id"]: i["gold"] for i in items}
    feats = featurize(items, "basil")
    event, _, took = ours(items, feats)
    p, r, f = bcubed(event, gold)
    base = baseline_best(items, gold)
    # without publication dates: content only
    undated = [dict(i, published=None) for i in items]
    ev_u, _, _ = ours(undated, {k: dict(v, published=None) for k, v in feats.items()})
    print(f"BASIL: {len(items)} documents, {len(set(gold.values()))} events")
    print(f"  ours       event B3  P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({len(set(event.values()))} events, {took:.2f}s)")
    print(f"  ours, no dates       F1 {bcubed(ev_u, gold)[2]:.3f}")
    print(f"  baseline   event B3  P {base['p']:.3f}  R {base['r']:.3f}  F1 {base['f1']:.3f}   (TF-IDF single pass, threshold {base['threshold']} tuned here)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
