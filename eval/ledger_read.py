"""The fact ledger of a whole dev set, to read by hand: every fact with each claim's document and words, and what
changed against an earlier save. No gold scores it; a corroborated fact whose quotes say different things is a bug.

    nice -n 10 /work/main/.venv/bin/python eval/ledger_read.py basil [--save OUT.json] [--diff OLD.json]
        [--verdicts corroborated,contested] [--load SAVED.json]

Sets: `basil` (all stories mixed, as ../shared/eval/planted.py's clean run) and `newswcl50` (its 50 articles, ten
events of five outlets each, one run). Per-document stages come from eval/devcache.py's cache.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devcache import analyze_rows, planted_stories  # noqa: E402


def rows_of(name: str) -> list[dict]:
    if name == "basil":
        stories = planted_stories("basil")
        return [row for sid in sorted(stories) for row in stories[sid]]
    if name == "newswcl50":
        from entities_newswcl50 import read_conll

        texts, _ = read_conll()
        return [{"id": doc.replace("/", "_"), "text": text.strip()} for doc, text in sorted(texts.items())]
    raise SystemExit(f"unknown set {name!r}: basil, newswcl50")


def keyed(analysis: dict) -> dict[tuple, dict]:
    """Facts by what they say and which claims (document and offset) state them: claim ids shift when a document
    gains or loses a claim, offsets do not."""
    at = {c["id"]: (c["doc"], c["start"]) for c in analysis.get("claims", [])}
    return {(f["about"], f["verdict"], tuple(sorted(at[c] for c in f.get("claims", [])))): f
            for f in analysis.get("facts", [])}


def changed(old: dict, new: dict) -> tuple[list[dict], list[dict]]:
    """(facts only the new analysis holds, facts only the old one held)."""
    a, b = keyed(old), keyed(new)
    return [b[k] for k in b if k not in a], [a[k] for k in a if k not in b]


def lines(analysis: dict, facts: Iterable[dict], mark: str = "") -> Iterable[str]:
    words = {c["id"]: c for c in analysis.get("claims", [])}
    for f in facts:
        yield f"{mark}== {f['id']} {f['about']} [{f['verdict']}]"
        for cid in f.get("claims", []):
            c = words[cid]
            yield f"      {c['doc'][:16]} | {' '.join(c['text'].split())[:170]}"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=["basil", "newswcl50"])
    ap.add_argument("--save", type=Path)
    ap.add_argument("--diff", type=Path, help="an earlier --save of the same set")
    ap.add_argument("--load", type=Path, help="read a --save instead of analyzing the set")
    ap.add_argument("--verdicts", default="corroborated,contested,compatible")
    a = ap.parse_args(argv)
    analysis = json.loads(a.load.read_text(encoding="utf-8") if a.load else analyze_rows(rows_of(a.set)).to_json())
    if a.save:
        a.save.write_text(json.dumps(analysis), encoding="utf-8")
    print(dict(Counter(f["verdict"] for f in analysis["facts"])))
    if a.diff:
        old = json.loads(a.diff.read_text(encoding="utf-8"))
        new, gone = changed(old, analysis)
        print("\n".join([*lines(analysis, new, "NEW "), *lines(old, gone, "GONE ")]))
    else:
        keep = set(a.verdicts.split(","))
        print("\n".join(lines(analysis, (f for f in analysis["facts"] if f["verdict"] in keep))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
