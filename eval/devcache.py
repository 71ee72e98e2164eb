"""Fast development runs: the whole analysis, with each document's parse and document stages cached.

The per-document stages are pure (one document in, its `DocRecord` out), so their result can be kept
on disk keyed by the document (id, text, metadata) and by the source of every module that can change
it. Only the cross-document stages then run again when a change touches them alone (facts, timeline,
summary, the report): the planted harness drops from minutes to seconds. The output is the same as a
plain `newsprism analyze` of the same rows (`--check` compares the two).

    from devcache import analyze_rows       # rows as JSONL records: {"id", "text", "title", "published", ...}
    analysis = analyze_rows(rows)

    python eval/devcache.py --planted [--sets basil,ecbplus] [--show]   # ../shared/eval/planted.py, in-process
    python eval/devcache.py --check                                      # cached run == uncached run (samples)

The cache lives in $NEWSPRISM_DEV_CACHE (default ~/.cache/newsprism-dev), one SQLite file; delete it freely.

Data for --planted: BASIL (https://github.com/launchnlp/BASIL, commit 4fdbc4f68d5ddae648990063cb6dd11424d96222)
and ECB+ as parsed by Zhukova et al. (https://github.com/anastasia-zhukova/Diverse_CDCR_datasets, commit
9dfb46284593bdd35d1a5b5c758c9aa71cb43f1a), read from $NEWSPRISM_EVALDATA/basil and /ecbplus (default ../shared/evaldata; see eval/evaldata.py);
the harness itself is the project's shared ../shared/eval/planted.py. --check needs only samples/.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import sys
from pathlib import Path
from typing import Any, Iterable, Optional

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))
sys.path.insert(0, str(ROOT / "eval"))
import evaldata  # noqa: E402

# modules that only run across documents: changing them never changes a DocRecord (config.py's values are
# part of each key instead)
CORPUS_ONLY = ("config.py", "align/facts", "align/timeline.py", "present/", "cli.py", "store.py",
               "stages.py", "resolve/entities.py", "resolve/merges.py", "align/storyindex.py", "align/storytime.py", "align/storyevents.py",
               "align/storyvectors.py", "align/storylines.py", "web", "scale/")


def code_version() -> str:
    """A hash of every source file that a document stage may run."""
    h = hashlib.sha1()
    pkg = SRC / "newsprism"
    for path in sorted(pkg.rglob("*")):
        rel = path.relative_to(pkg).as_posix()
        if path.is_file() and path.suffix in (".py", ".json", ".txt", ".tsv", ".csv") \
                and not rel.startswith(CORPUS_ONLY) and "__pycache__" not in rel:
            h.update(rel.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


class RecordCache:
    def __init__(self, path: Optional[Path] = None) -> None:
        path = path or Path(os.environ.get("NEWSPRISM_DEV_CACHE", Path.home() / ".cache" / "newsprism-dev"))
        path.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path / "records.sqlite"), timeout=60)
        self.db.execute("CREATE TABLE IF NOT EXISTS rec (key TEXT PRIMARY KEY, data BLOB)")
        self.version = code_version()

    def key(self, doc: Any, cfg: Any) -> str:
        h = hashlib.sha1(self.version.encode())
        for part in (doc.id, doc.published, doc.language, doc.title, doc.text,
                     cfg.model_dump_json(exclude=CORPUS_SETTINGS)):
            h.update(b"\x00" + str(part).encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = f"SELECT key, data FROM rec WHERE key IN ({','.join('?' * len(chunk))})"
            out.update({k: pickle.loads(v) for k, v in self.db.execute(q, chunk)})
        return out

    def put_many(self, items: dict[str, Any]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO rec VALUES (?, ?)",
                                [(k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items.items()])


# settings read only across documents: not part of a record's key
CORPUS_SETTINGS: Any = {"facts": True, "stories": True, "stages": {"facts", "timeline", "summary"}}
_cache: Optional[RecordCache] = None


def cached_annotate(docs, cfg, doc_stages, report=None, workers=None):
    """pipeline.annotate with records kept between runs. Development runs start no early workers
    (`analyze_documents` without `workers`), so `workers` is accepted for the signature and not used."""
    from newsprism import pipeline

    global _cache
    _cache = _cache or RecordCache()
    keys = {d.id: _cache.key(d, cfg) for d in docs}
    found = _cache.get_many(list(keys.values()))
    todo = [d for d in docs if keys[d.id] not in found]
    if todo and report is None:     # a long evaluation says how far it is, on standard error
        from newsprism.cli import Reporter

        with Reporter(quiet=False) as rep:
            fresh = pipeline._real_annotate(todo, cfg, doc_stages, rep)
    else:
        fresh = pipeline._real_annotate(todo, cfg, doc_stages, report) if todo else {}
    _cache.put_many({keys[d]: r for d, r in fresh.items()})
    return {d.id: fresh.get(d.id) or found[keys[d.id]] for d in docs}


def install() -> None:
    """Route the pipeline's per-document work through the cache (idempotent)."""
    from newsprism import pipeline

    if not hasattr(pipeline, "_real_annotate"):
        pipeline._real_annotate = pipeline.annotate
        pipeline.annotate = cached_annotate


def analyze_rows(rows: Iterable[dict], cfg: Any = None) -> Any:
    """What `newsprism analyze rows.jsonl` gives, with cached document stages."""
    from newsprism.config import Config
    from newsprism.pipeline import analyze_documents, iter_cleaned

    install()
    cfg = cfg or Config()
    warnings: list[str] = []
    docs = list(iter_cleaned([dict(r) for r in rows], cfg, warnings.append))
    return analyze_documents(docs, cfg)


def planted_harness() -> Any:
    """The shared ../shared/eval/planted.py module: it plants and scores; read its stories with `planted_stories`."""
    sys.path.insert(0, str(SHARED / "eval"))
    import planted as p  # noqa: E402

    return p


def planted_stories(name: str) -> dict:
    """The stories ../shared/eval/planted.py reads from one set (basil, ecbplus): {story: rows}."""
    p = planted_harness()
    if name == "basil":
        return p.stories_basil("2010-2017", str(evaldata.check(evaldata.path("basil"), "basil")))
    return p.stories_ecbplus(str(evaldata.check(evaldata.path("ecbplus"), "ecbplus")))


def planted(sets: str = "basil,ecbplus", rounds: int = 2, show: bool = False, cfg: Any = None) -> dict:
    """../shared/eval/planted.py, in-process, on cached records."""
    import json

    stories: dict = {}
    for name in sets.split(","):
        stories.update(planted_stories(name))
    return planted_harness().evaluate(stories, lambda rows: json.loads(analyze_rows(rows, cfg).to_json()), rounds,
                                       show)


def main(argv: list[str]) -> int:
    import argparse
    import json

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--planted", action="store_true")
    ap.add_argument("--sets", default="basil,ecbplus")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args(argv)
    if a.planted:
        print(json.dumps(planted(a.sets, show=a.show)))
    if a.check:
        import newsprism

        plain = newsprism.analyze([ROOT / "samples"]).to_dict()
        install()
        twice = [newsprism.analyze([ROOT / "samples"]).to_dict() for _ in range(2)]
        for t in twice:
            for x in (plain, t):
                x.pop("generated", None)
        same = plain == twice[0] == twice[1]
        print("cached run equals the plain run" if same else "MISMATCH between cached and plain runs")
        return 0 if same else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
