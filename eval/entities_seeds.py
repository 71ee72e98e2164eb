"""Entity stages on the five seed articles, scored by the shared scorer.

    python eval/entities_seeds.py [OUT.json]

Runs mentions + cross-document resolution only and writes the documents and entities in the
contract's shape; then prints the scorer's entity figures. Text: newsprism.clean.clean_item when
it exists, else the raw file with non-breaking spaces folded (the scorer matches mention texts).

Data: no public set. The five seed articles (../shared/corpus/seeds), their gold (../shared/gold/seeds.json)
and the scorer (../shared/eval/score.py) are the project's own shared files, not in this repository.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsprism.config import Config
from newsprism.model import Document
from newsprism.parse import load_nlp
from newsprism.records import DocRecord
from newsprism.resolve.entities import resolve
from newsprism.resolve.mentions import component

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main(out_path: str = "/tmp/entities_seeds.json") -> None:
    cfg = Config()
    nlp = load_nlp()
    docs = []
    for f in sorted((SHARED / "corpus" / "seeds").glob("*.txt")):
        text = f.read_text(encoding="utf-8").replace("\u00a0", " ")
        docs.append(Document(id=f.stem, text=text))
    records = []
    for d, sdoc in zip(docs, nlp.pipe([d.text for d in docs])):
        r = DocRecord(doc=d.id)
        component(d, sdoc, r, cfg)
        records.append(r)
    entities, mapping = resolve(records, cfg)
    out = {"documents": [{"id": d.id, "text": d.text} for d in docs],
           "entities": [e.model_dump(mode="json") for e in entities]}
    Path(out_path).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    for e in entities:
        if len(e.documents) > 1 or e.type in ("PERSON", "ORG"):
            print(f"{e.id:5} {e.type:7} {e.name!r:45} docs={len(e.documents)} aliases={e.aliases} roles={e.roles}")
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), out_path, str(SHARED / "gold" / "seeds.json")])


if __name__ == "__main__":
    main(*sys.argv[1:])
