"""Ingest throughput, side by side: bare trafilatura vs our read + clean, on the same pages.

Usage:
    python bench/ingest.py [--runs 3] [--bench DIR] [--text BBC.jsonl.gz]

Rows (documents per second; each figure the median of --runs timed passes after one warm-up
pass; the passes of the three rows are interleaved so that load from other processes falls
on all of them alike):

  trafilatura   trafilatura.extract(page_bytes) with its defaults, on the 181 pages of the
                article-extraction benchmark (gunzipped into memory first)
  ours html     the same bytes -> newsprism.read.inputs.read_bytes (sniffing, charset
                decoding) -> newsprism.clean.clean_item (HTML extraction, metadata, line
                cleaning, language)
  ours extract  (for the split) the same reading, then only newsprism.clean.html.extract_html
  ours stored   `newsprism ingest` in-process: `ours html`, then each document added to a fresh
                DuckDB store (newsprism.store.Store.add: one transaction a document)
  ours text     the 2,225 BBC articles as records -> newsprism.read.read_inputs ->
                clean_item (plain-text path)

The ratio ours/trafilatura (html rows) must stay at or above 0.80. It is taken on CPU
seconds of this process, which other jobs on a shared machine disturb less than wall time;
both are printed.

Data: the article-extraction benchmark (https://github.com/scrapinghub/article-extraction-benchmark, commit
4a3bc979f76c0df73cb95fe272e2fc1b96f9f010: ground-truth.json, html/*.html.gz), read from
$NEWSPRISM_EVALDATA/article-extraction-benchmark (default ../shared/evaldata; see eval/evaldata.py), or --bench;
and the BBC News set (Greene & Cunningham 2006; https://github.com/dejanbatanjac/bbc-article-classify-bert,
commit 8265dc8, bbc/<category>/<nnn>.txt made into one JSON line an article), read from
$NEWSPRISM_EVALDATA/bbc/bbc.jsonl.gz (default ../shared/evaldata; see eval/evaldata.py), or --text (the text row is skipped without it).
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import trafilatura

from newsprism.config import Config
from newsprism.model import Document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import evaldata  # noqa: E402  (eval/evaldata.py: where the public sets are)

BENCH = evaldata.path("article-extraction-benchmark")
BBC = evaldata.path("bbc", "bbc.jsonl.gz")
MIN_RATIO = 0.80


def load_pages(bench: Path) -> list[tuple[str, bytes]]:
    return [(p.name[: -len(".gz")], gzip.decompress(p.read_bytes())) for p in sorted((bench / "html").glob("*.html.gz"))]


def load_records(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def bare_trafilatura(pages: list[tuple[str, bytes]]) -> int:
    return sum(1 for _, data in pages if trafilatura.extract(data) is not None)


def _reader():
    try:
        from newsprism.read.inputs import read_bytes
    except ImportError:  # reader not there yet: hand the decoded page over as the reader would
        from trafilatura.utils import decode_file

        from newsprism.read.base import RawItem

        def read_bytes(data, source, path, cfg):  # type: ignore[no-redef]
            yield RawItem(source=source, kind="html", html=decode_file(data), stem=path.stem)

    return read_bytes


def ours_html(pages: list[tuple[str, bytes]], cfg: Config) -> int:
    from newsprism.clean import clean_item

    read_bytes, done = _reader(), 0
    for name, data in pages:
        for item in read_bytes(data, name, Path(name), cfg):
            if not hasattr(item, "kind"):
                continue  # a ReadError: counted as not done
            done += isinstance(clean_item(item, cfg), Document)
    return done


def ours_extract(pages: list[tuple[str, bytes]], cfg: Config) -> int:
    from newsprism.clean.html import extract_html

    read_bytes, done = _reader(), 0
    for name, data in pages:
        for item in read_bytes(data, name, Path(name), cfg):
            done += bool(getattr(item, "html", None) and extract_html(item.html, item.url).text)
    return done


def ours_stored(pages: list[tuple[str, bytes]], cfg: Config) -> int:
    import tempfile

    from newsprism.clean import clean_item
    from newsprism.store import Store

    read_bytes, done = _reader(), 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        try:
            for name, data in pages:
                for item in read_bytes(data, name, Path(name), cfg):
                    doc = clean_item(item, cfg) if hasattr(item, "kind") else None
                    if isinstance(doc, Document):
                        doc.id = doc.id or Path(name).stem
                        done += store.add(doc) == "added"
        finally:
            store.close()
    return done


def ours_text(records: list[dict], cfg: Config) -> int:
    from newsprism.clean import clean_item
    from newsprism.read import read_inputs

    return sum(
        isinstance(clean_item(item, cfg), Document)
        for item in read_inputs(records, cfg)
        if hasattr(item, "kind")
    )


def measure(rows: dict[str, tuple[int, Callable[[], int]]], runs: int) -> dict[str, dict[str, float]]:
    """Median wall and CPU seconds per row over `runs` interleaved passes, after a warm-up pass."""
    produced = {name: fn() for name, (_, fn) in rows.items()}  # warm-up: imports, models, caches
    wall: dict[str, list[float]] = {name: [] for name in rows}
    cpu: dict[str, list[float]] = {name: [] for name in rows}
    for _ in range(runs):
        for name, (_, fn) in rows.items():
            w0, c0 = time.perf_counter(), time.process_time()
            fn()
            wall[name].append(time.perf_counter() - w0)
            cpu[name].append(time.process_time() - c0)
    return {
        name: {
            "docs": n,
            "ok": produced[name],
            "wall": statistics.median(wall[name]),
            "cpu": statistics.median(cpu[name]),
        }
        for name, (n, _) in rows.items()
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--text", type=Path, default=BBC)
    args = ap.parse_args(argv)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # "discarding data" noise on empty pages
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)

    cfg = Config()
    pages = load_pages(evaldata.check(args.bench, "article-extraction-benchmark"))
    records = load_records(args.text) if args.text.exists() else []
    rows: dict[str, tuple[int, Callable[[], int]]] = {
        "trafilatura": (len(pages), lambda: bare_trafilatura(pages)),
        "ours html": (len(pages), lambda: ours_html(pages, cfg)),
        "ours extract": (len(pages), lambda: ours_extract(pages, cfg)),
        "ours stored": (len(pages), lambda: ours_stored(pages, cfg)),
    }
    if records:
        rows["ours text"] = (len(records), lambda: ours_text(records, cfg))
    result = measure(rows, args.runs)

    print(f"{'row':<13} {'docs':>5} {'ok':>5} {'docs/s wall':>12} {'docs/s cpu':>11}")
    for name, r in result.items():
        print(f"{name:<13} {r['docs']:>5} {r['ok']:>5} {r['docs'] / r['wall']:>12.1f} {r['docs'] / r['cpu']:>11.1f}")
    base, ours = result["trafilatura"], result["ours html"]
    ratio_cpu = base["cpu"] / ours["cpu"]
    ratio_wall = base["wall"] / ours["wall"]
    verdict = "ok" if ratio_cpu >= MIN_RATIO else f"BELOW {MIN_RATIO:.2f}"
    stored = result["ours stored"]
    print(f"ingest pages/s (cpu): newsprism {ours['docs'] / ours['cpu']:.1f} | trafilatura.extract "
          f"{base['docs'] / base['cpu']:.1f} | newsprism with the DuckDB store {stored['docs'] / stored['cpu']:.1f} "
          f"({base['cpu'] / stored['cpu']:.2f}x; wall {base['wall'] / stored['wall']:.2f}x)")
    print(f"ours/trafilatura (html, docs/s): {ratio_cpu:.2f} cpu, {ratio_wall:.2f} wall  [{verdict}]")
    print(f"(median of {args.runs} runs after one warm-up)")
    return 0 if ratio_cpu >= MIN_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
