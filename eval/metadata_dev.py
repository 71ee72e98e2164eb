"""Page metadata beside the peers, same pages, same run: newsprism vs trafilatura vs htmldate.

    python eval/metadata_dev.py [--bench DIR] [--gold eval/gold/aeb_metadata.jsonl] [--show N]
    NEWSPRISM_SRC=../main/src python eval/metadata_dev.py     # the same pages through another checkout

Sets (every page is one of the 181 of the article-extraction benchmark,
https://github.com/scrapinghub/article-extraction-benchmark, commit
4a3bc979f76c0df73cb95fe272e2fc1b96f9f010, `html/*.html.gz` and the URL of `ground-truth.json`, read from
$NEWSPRISM_EVALDATA/article-extraction-benchmark, see eval/evaldata.py):

  A       the first 100 pages by id, with the hand-checked gold of eval/gold/aeb_metadata.jsonl
  B       the other 81 pages, the same gold file (set B was not looked at while the rules were written
          in their first form; see eval/gold/README.md for how the gold was made)
  url     every page whose address has a full date path (/2019/11/18/): the gold is that date and
          the address is withheld from all three systems (pages still carry their canonical link)

Systems: newsprism = the whole ingest (`read_bytes` then `clean_item`: title, authors, published);
trafilatura 2.3 = `trafilatura.extract_metadata(page, default_url=url)` (title, author split on ";",
date, which it gets from htmldate); htmldate 1.11 = `find_date(page, url=url)` with its defaults (date only).

Scores: title exact (spaces and Unicode composition normalised; quotes and case count); authors:
the same set of names (case and full stops ignored; no author = the empty set); date: the
publication day the page shows (gold `date`), or, for a stamp with a UTC offset, the same
moment as the page's machine-readable stamp (gold `instant`), so a UTC stamp of a late-evening
story is not counted wrong. Pages whose date could not be verified by hand (gold date null) are
left out of the date column.
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, os.environ.get("NEWSPRISM_SRC", str(ROOT / "src")))  # another checkout's code, for a before/after
sys.path.insert(0, str(ROOT / "eval"))
import evaldata  # noqa: E402

GOLD = ROOT / "eval" / "gold" / "aeb_metadata.jsonl"
URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")


def norm_title(text: Optional[str]) -> str:
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


def norm_names(names: list[str]) -> set[str]:
    return {" ".join(n.replace(".", " ").casefold().split()) for n in names if n and n.strip()}


def date_right(pred: Optional[str], day: Optional[str], instant: Optional[str]) -> bool:
    if not pred:
        return False
    if pred[:10] == day:
        return True
    if instant and "T" in pred:
        try:
            got, want = datetime.fromisoformat(pred.replace("Z", "+00:00")), datetime.fromisoformat(instant)
        except ValueError:
            return False
        if got.tzinfo is not None:
            return abs((got - want).total_seconds()) < 60
    return False


def newsprism(data: bytes, name: str, url: Optional[str], cfg) -> dict:
    from newsprism.clean import clean_item
    from newsprism.model import Document
    from newsprism.read.inputs import read_bytes

    for item in read_bytes(data, name, Path(name), cfg):
        if not hasattr(item, "kind"):
            continue
        item.url = url
        doc = clean_item(item, cfg)
        if isinstance(doc, Document):
            authors = getattr(doc, "authors", None)  # (a checkout before issue #17 has only `author`)
            if authors is None:
                authors = [a for a in re.split(r"\s*(?:,|;|&|\band\b)\s*", doc.author or "") if a]
            return {"title": doc.title, "authors": authors, "date": doc.published,
                    "source": getattr(doc, "metadata_source", {})}
    return {"title": None, "authors": [], "date": None, "source": {}}


def trafilatura_meta(data: bytes, url: Optional[str]) -> dict:
    import trafilatura

    meta = trafilatura.extract_metadata(data, default_url=url)
    if meta is None:
        return {"title": None, "authors": [], "date": None}
    authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()]
    return {"title": meta.title, "authors": authors, "date": meta.date}


def htmldate_date(data: bytes, url: Optional[str]) -> Optional[str]:
    from htmldate import find_date

    try:
        return find_date(data, url=url)
    except Exception:  # a peer failing on a page scores that page as missed
        return None


def run(pages: list[dict], withhold_url: bool, show: int, label: str) -> dict[str, dict[str, float]]:
    from newsprism.config import Config

    cfg = Config()
    counts = {s: {"title": 0, "author": 0, "date": 0} for s in ("newsprism", "trafilatura", "htmldate")}
    n = {"title": 0, "author": 0, "date": 0}
    misses: list[str] = []
    sources: dict[str, int] = {}
    for page in pages:
        url = None if withhold_url else page["url"]
        ours = newsprism(page["data"], page["id"], url, cfg)
        for key, value in ours["source"].items():
            sources[f"{key}:{value}"] = sources.get(f"{key}:{value}", 0) + 1
        peer = trafilatura_meta(page["data"], url)
        hd = htmldate_date(page["data"], url)
        if "title" in page:
            n["title"] += 1
            want = norm_title(page["title"])
            for system, got in (("newsprism", ours["title"]), ("trafilatura", peer["title"])):
                counts[system]["title"] += norm_title(got) == want
            if norm_title(ours["title"]) != want:
                misses.append(f"  title  {page['id'][:8]} got {ours['title']!r} want {page['title']!r}")
        if "authors" in page:
            n["author"] += 1
            want = norm_names(page["authors"])
            for system, got in (("newsprism", ours["authors"]), ("trafilatura", peer["authors"])):
                counts[system]["author"] += norm_names(got) == want
            if norm_names(ours["authors"]) != want:
                misses.append(f"  author {page['id'][:8]} got {ours['authors']} want {page['authors']}")
        if page.get("date"):
            n["date"] += 1
            for system, got in (("newsprism", ours["date"]), ("trafilatura", peer["date"]), ("htmldate", hd)):
                counts[system]["date"] += date_right(got, page["date"], page.get("instant"))
            if not date_right(ours["date"], page["date"], page.get("instant")):
                misses.append(f"  date   {page['id'][:8]} got {ours['date']} ({ours['source'].get('published')}) "
                              f"want {page['date']} / {page.get('instant')}")
    print(f"\n{label}: {len(pages)} pages (title {n['title']}, author {n['author']}, date {n['date']})")
    print(f"{'system':<12} {'title exact':>12} {'author':>8} {'date':>8}")
    scores: dict[str, dict[str, float]] = {}
    for system, c in counts.items():
        scores[system] = {k: c[k] / n[k] if n[k] else 0.0 for k in c}
        cells = [f"{scores[system][k]:.3f}" if (system != "htmldate" or k == "date") and n[k] else "-" for k in c]
        print(f"{system:<12} {cells[0]:>12} {cells[1]:>8} {cells[2]:>8}")
    print("newsprism sources: " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
    for line in misses[:show]:
        print(line)
    return scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=evaldata.path("article-extraction-benchmark"))
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--show", type=int, default=0, help="print this many of newsprism's misses per set")
    args = ap.parse_args(argv)
    logging.disable(logging.CRITICAL)  # the peers log every page they give up on
    bench = evaldata.check(args.bench, "article-extraction-benchmark")
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in gold:
        row["data"] = gzip.decompress((bench / "html" / f"{row['id']}.html.gz").read_bytes())
    run([r for r in gold if r["set"] == "A"], False, args.show, "set A (hand-checked gold, 100 pages)")
    run([r for r in gold if r["set"] == "B"], False, args.show, "set B (hand-checked gold, 81 pages)")
    dated = []
    for row in gold:
        m = URL_DATE.search(row["url"])
        if m:
            dated.append({"id": row["id"], "url": row["url"], "data": row["data"], "date": "-".join(m.groups())})
    run(dated, True, args.show, "url (date path of the address as gold, address withheld)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
