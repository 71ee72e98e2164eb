"""Story clustering on ECB+ topics 1-35: each subtopic is one event, the two subtopics of a topic
(e.g. 1ecb and 1ecbplus) are look-alike events of one topic. No publication dates: content only.
Event and topic B-cubed F1, ours beside the single-pass TF-IDF baseline tuned on this very set.

    nice -n 10 .venv/bin/python eval/stories_ecbplus.py

Data: ECB+ as parsed by Zhukova et al. (https://github.com/anastasia-zhukova/Diverse_CDCR_datasets, commit
9dfb46284593bdd35d1a5b5c758c9aa71cb43f1a, ECBplus-prep/output_data/test_parsing/<subtopic>/<doc>.json,
gzip-compressed), read from $NEWSPRISM_EVALDATA/ecbplus/by_subtopic (default ../shared/evaldata; see eval/evaldata.py).
"""
from __future__ import annotations

import glob
import gzip
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaldata  # noqa: E402
from stories_basil import ROOT, Item, baseline_best, bcubed, featurize, ours  # noqa: E402


def load_ecbplus(max_topic: int = 35) -> list[Item]:
    items = []
    for path in sorted(glob.glob(str(evaldata.check(evaldata.path("ecbplus", "by_subtopic"), "ecbplus") / "*/*.json.gz"))):
        subtopic = Path(path).parent.name
        topic = int(re.match(r"\d+", subtopic).group(0))
        if topic > max_topic:
            continue
        d = json.load(gzip.open(path, "rt", encoding="utf-8"))
        text = d.get("text") or ""
        title = d.get("title") if d.get("title") not in (None, "None") else None
        if title and not text.startswith(title):     # the title is the first sentence; some texts hold nothing else
            text = f"{title}\n\n{text}"
        items.append({"id": f"{subtopic}/{Path(path).name.split('.')[0]}", "title": title, "text": text,
                      "published": None, "gold": subtopic, "topic": str(topic)})
    return items


def main() -> int:
    items = load_ecbplus()
    gold = {i["id"]: i["gold"] for i in items}
    topic = {i["id"]: i["topic"] for i in items}
    feats = featurize(items, "ecbplus")
    event, line, took = ours(items, feats)
    base = baseline_best(items, gold, topic)
    p, r, f = bcubed(event, gold)
    print(f"ECB+ topics 1-35: {len(items)} documents, {len(set(gold.values()))} events, {len(set(topic.values()))} topics")
    print(f"  ours       event B3  P {p:.3f}  R {r:.3f}  F1 {f:.3f}   topic B3 F1 (storylines) {bcubed(line, topic)[2]:.3f}"
          f"   ({len(set(event.values()))} events, {len(set(line.values()))} storylines, {took:.2f}s)")
    print(f"  baseline   event B3  P {base['p']:.3f}  R {base['r']:.3f}  F1 {base['f1']:.3f}   topic B3 F1 {base['topic_f1']:.3f}"
          f"   (TF-IDF single pass, threshold {base['threshold']} tuned here on events)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
