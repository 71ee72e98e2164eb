"""Stories on the five seed articles, scored by the shared scorer (stories.* figures).

    nice -n 10 .venv/bin/python eval/stories_seeds.py [--no-dates]

Stands in for `newsprism analyze` until it runs end to end: the raw text, its first line as the
title, the first written-out date in the head lines as the publication date (or none with
--no-dates), spaCy, features_component, cluster_stories, then ../shared/eval/score.py.

Data: no public set. The five seed articles (../shared/corpus/seeds), their gold (../shared/gold/seeds.json)
and the scorer (../shared/eval/score.py) are the project's own shared files, not in this repository.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_basil import ROOT, SHARED, featurize, ours  # noqa: E402


def load_seeds(with_dates: bool = True) -> list[dict]:
    from newsprism.align.stories import mentioned_dates

    items = []
    for path in sorted((SHARED / "corpus/seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        head = "\n".join(l for l in lines[:8] if len(l) < 80)   # datelines are short lines
        dated = [d for d in mentioned_dates(head) if len(d) == 10]
        items.append({"id": path.stem, "title": lines[0] if lines else None, "text": text,
                      "published": dated[0] if (dated and with_dates) else None})
    return items


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    with_dates = "--no-dates" not in sys.argv
    items = load_seeds(with_dates)
    feats = featurize(items, "seeds")
    from newsprism.align.stories import cluster_stories
    from newsprism.config import Config
    from types import SimpleNamespace

    documents = [SimpleNamespace(id=i["id"], published=i["published"]) for i in items]
    records = [SimpleNamespace(doc=i["id"], published=i["published"], entities=[], features=feats[i["id"]]) for i in items]
    stories = cluster_stories(documents, records, {}, Config())
    out = {"documents": [{"id": i["id"], "published": i["published"]} for i in items],
           "stories": [s.model_dump() for s in stories]}
    for s in stories:
        print(f"  {s.id} parent={s.parent} {s.first_seen}..{s.last_seen} {s.documents}  {s.title!r}")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(out, fh)
    res = subprocess.run([sys.executable, str(SHARED / "eval/score.py"), fh.name, str(SHARED / "gold/seeds.json"), "--json"],
                         capture_output=True, text=True)
    figures = json.loads(res.stdout.strip().splitlines()[-1])
    print({k: v for k, v in figures.items() if k.startswith("stories.")})
    return 0


if __name__ == "__main__":
    sys.exit(main())
