"""Where the public evaluation sets are: $NEWSPRISM_EVALDATA, else ../shared/evaldata beside this checkout.

Every script in eval/ and bench/ that reads a public set finds it through `path(name, *parts)`, one
folder a set under that root (named as in SOURCES), and `check(path, name)` stops a run whose set is
missing with the upstream repository and commit to fetch it from and the layout the script reads.

    NEWSPRISM_EVALDATA=/data/newsprism-evaldata python eval/entities_ecbplus.py
    python eval/evaldata.py            # which sets are there, and where each comes from
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "evaldata"
# every script that reads a set scores this checkout's code, not whatever newsprism is installed (a worktree's
# scripts scored main's code through the editable install)
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))


class Source(NamedTuple):
    repository: str
    commit: str
    layout: str     # what the scripts read, relative to the set's folder, and how it is made from the repository


SOURCES: dict[str, Source] = {
    "article-extraction-benchmark": Source(
        "https://github.com/scrapinghub/article-extraction-benchmark", "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010",
        "ground-truth.json and html/<id>.html.gz, as in the repository"),
    "babe": Source(
        "https://github.com/Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE",
        "fb79f646dcabf1746f5ebedc06ed8dd61ba78188",
        "final_labels_SG2.csv (the repository's data/final_labels_SG2.csv)"),
    "basil": Source(
        "https://github.com/launchnlp/BASIL", "4fdbc4f68d5ddae648990063cb6dd11424d96222",
        "articles/<year>/<uuid>_<n>.json and annotations/<year>/..., as in the repository (years 2010-2017)"),
    "bbc": Source(
        "https://github.com/dejanbatanjac/bbc-article-classify-bert", "8265dc8",
        "bbc.jsonl.gz: one article a line, {id: bbc-<category>-<nnn>, title: the file's first line, "
        "text: the rest, category}, made from the repository's bbc/<category>/<nnn>.txt"),
    "claimdiff": Source(
        "https://github.com/kaistAI/ClaimDiff", "19d033c17dec6457fc807f01dfa31f535172f28a",
        "ClaimDiff-S/*.json and ClaimDiff-W/*.json, as in the repository"),
    "ecbplus": Source(
        "https://github.com/anastasia-zhukova/Diverse_CDCR_datasets", "9dfb46284593bdd35d1a5b5c758c9aa71cb43f1a",
        "by_subtopic/<subtopic>/: the repository's ECBplus-prep/output_data/test_parsing/<subtopic>/ with every "
        "file gzip-compressed (<doc>.json.gz, annotation/original/*.conll.gz and *_mentions_*.json.gz); topics 1-35"),
    "newswcl50": Source(
        "https://github.com/fhamborg/NewsWCL50", "f9513ae78648aa4b1c59da8003f1989867ccaf20",
        "original/Annotations.csv from this repository, and cdcr_parsed/NewsWCL50.conll.gz: "
        "NewsWCL50-prep/output_data/NewsWCL50.conll of github.com/anastasia-zhukova/Diverse_CDCR_datasets "
        "(commit 9dfb46284593bdd35d1a5b5c758c9aa71cb43f1a), gzip-compressed"),
    "tempeval3": Source(
        "https://github.com/qiangning/StructTempRel-EMNLP17", "d6518a5a79d940d749c95ee5b72830714b132238",
        "TBAQ-cleaned/: the repository's data/TempEval3/Training/TBAQ-cleaned/ (*.tml)"),
}


def root() -> Path:
    """The folder holding one folder per set."""
    return Path(os.environ.get("NEWSPRISM_EVALDATA") or DEFAULT)


def path(name: str, *parts: str) -> Path:
    """Where `parts` of set `name` are expected (not checked: scripts are imported by others)."""
    return root().joinpath(name, *parts)


def check(where: Path, name: str) -> Path:
    """`where` when it exists; else exit naming the upstream repository and commit of set `name`."""
    if not where.exists():
        src = SOURCES[name]
        sys.exit(f"{where} is missing: the {name} set comes from {src.repository} (commit {src.commit}).\n"
                 f"Expected under {root() / name}: {src.layout}.\n"
                 "Set NEWSPRISM_EVALDATA to the folder that holds it (default ../shared/evaldata).")
    return where


def main() -> None:
    print(f"evaluation sets under {root()} (NEWSPRISM_EVALDATA):")
    for name, src in SOURCES.items():
        there = "present" if (root() / name).exists() else "MISSING"
        print(f"  {name:30} {there:8} {src.repository} @ {src.commit[:12]}")


if __name__ == "__main__":
    main()


def progress(items, label: str, total: int | None = None):
    """Yield `items` with a progress bar on standard error, as the CLI shows (rich, gone when done):
    long evaluations say how far they are."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    items = list(items) if total is None and not hasattr(items, "__len__") else items
    total = total if total is not None else len(items)
    with Progress(TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
