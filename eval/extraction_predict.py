"""Score our HTML extraction on the article-extraction benchmark (181 news and blog pages).

Usage:
    python eval/extraction_predict.py [--bench DIR] [--out out/extraction_pred.json]

Each gzip'd page in DIR/html goes through the pipeline's own path: read as the pipeline reads
bytes (newsprism.read.inputs.read_bytes: sniffing, charset decoding), then cleaned by
`newsprism.clean.clean_item` (HTML extraction, then line cleaning), with the page URL from the
gold file as a WARC or feed reader would give it; `--extract-only` scores the extraction step
alone. `--reasons` also prints what cleaning removed from the 181 pages, by reason (entries and
characters): the blocks trafilatura left out ("extractor: ...") and the lines the line cleaner
took. The predictions ({key: {"articleBody": text}}) are written to --out, then the shared scorer
(shared/eval/extraction.py: 4-word-shingle precision, recall, F1 per page, macro-averaged) is run
on them and its figures printed.

Data: the article-extraction benchmark (https://github.com/scrapinghub/article-extraction-benchmark, commit
4a3bc979f76c0df73cb95fe272e2fc1b96f9f010: ground-truth.json, html/*.html.gz), read from
$NEWSPRISM_EVALDATA/article-extraction-benchmark (default ../shared/evaldata; see eval/evaldata.py), or --bench. The scorer is the
project's shared one (../shared/eval/extraction.py).
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from trafilatura.utils import decode_file

from newsprism.clean.html import extract_html
from newsprism.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaldata  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BENCH = evaldata.path("article-extraction-benchmark")
SCORER = SHARED / "eval" / "extraction.py"


def load_pages(bench: Path) -> dict[str, str]:
    """Page key -> decoded HTML, in key order."""
    try:
        from newsprism.read.inputs import read_bytes
    except ImportError:  # no reader yet: trafilatura's own decoding
        read_bytes = None
    cfg = Config()
    pages = {}
    for path in sorted((bench / "html").glob("*.html.gz")):
        key, data = path.name.split(".")[0], gzip.decompress(path.read_bytes())
        html = None
        if read_bytes is not None:
            html = next((item.html for item in read_bytes(data, key, Path(key + ".html"), cfg) if getattr(item, "html", None)), None)
        pages[key] = html if html is not None else decode_file(data)
    return pages


def predict(bench: Path, extract_only: bool = False, removed: Counter | None = None) -> dict[str, dict[str, str]]:
    """Page key -> {"articleBody": text}; `removed` (when given) counts entries and characters by reason."""
    from newsprism.clean import clean_item
    from newsprism.read.base import RawItem, ReadError

    gold = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    cfg = Config()
    out = {}
    for key, html in load_pages(bench).items():
        url = gold.get(key, {}).get("url")
        if extract_only:
            extracted = extract_html(html, url=url)
            text, dropped = extracted.text, extracted.removed
        else:
            doc = clean_item(RawItem(source=key, kind="html", html=html, url=url), cfg)
            text, dropped = ("", []) if isinstance(doc, ReadError) else (doc.text, doc.removed)
        out[key] = {"articleBody": text}
        for r in dropped if removed is not None else []:
            removed[(r.reason, "entries")] += 1
            removed[(r.reason, "chars")] += len(r.text)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "extraction_pred.json")
    ap.add_argument("--extract-only", action="store_true", help="score trafilatura extraction without line cleaning")
    ap.add_argument("--reasons", action="store_true", help="print what cleaning removed, by reason")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    removed: Counter = Counter()
    pred = predict(evaldata.check(args.bench, "article-extraction-benchmark"), args.extract_only, removed)
    elapsed = time.perf_counter() - started
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(pred, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(pred)} pages extracted in {elapsed:.1f}s -> {args.out}")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(args.bench / "ground-truth.json"), str(args.out)],
        capture_output=True, text=True, check=False,
    )
    print(result.stdout.strip() or result.stderr.strip())
    if args.reasons:
        reasons = sorted({r for r, _ in removed}, key=lambda r: -removed[(r, "chars")])
        print(f"{'removed, by reason':34s} {'entries':>8s} {'chars':>9s}")
        for reason in reasons:
            print(f"{reason:34s} {removed[(reason, 'entries')]:8d} {removed[(reason, 'chars')]:9d}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
