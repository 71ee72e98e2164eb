"""Score cleaning and metadata on the seed articles: clean each file, then run the shared scorer.

    .venv/bin/python eval/clean_seeds.py [SEEDS_DIR] [GOLD] [--show]

Writes out/clean_seeds.json ({"documents": [...]}, ids = file stems) and prints the scorer's
clean.* and meta.* figures. --show prints each document's metadata and removed lines too.

Data: no public set. The five seed articles (../shared/corpus/seeds), their gold (../shared/gold/seeds.json)
and the scorer (../shared/eval/score.py) are the project's own shared files, not in this repository.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsprism.clean import clean_item
from newsprism.config import Config
from newsprism.read.base import RawItem

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    seeds = Path(args[0]) if args else SHARED / "corpus" / "seeds"
    gold = Path(args[1]) if len(args) > 1 else SHARED / "gold" / "seeds.json"
    cfg = Config()
    docs = []
    for path in sorted(seeds.glob("*.txt")):
        item = RawItem(source=str(path), kind="text", text=path.read_text(encoding="utf-8"), stem=path.stem)
        doc = clean_item(item, cfg)
        if not hasattr(doc, "text"):
            print(f"error: {doc}", file=sys.stderr)
            continue
        doc.id = path.stem
        docs.append(doc.model_dump(mode="json"))
        if "--show" in argv:
            print(f"== {doc.id} title={doc.title!r} author={doc.author!r} published={doc.published!r} "
                  f"outlet={doc.outlet!r} language={doc.language!r}")
            for r in doc.removed:
                print(f"   - [{r.reason}] {r.text[:100]}")
    out = ROOT / "out" / "clean_seeds.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"documents": docs}, ensure_ascii=False, indent=1), encoding="utf-8")
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(out), str(gold)],
                            capture_output=True, text=True, check=False)
    for line in scored.stdout.splitlines():
        if line.startswith(("clean.", "meta.")):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
