"""One long line without punctuation beside good files: the cost must stay linear in bytes.

    python bench/longline.py                 # 1, 5 and 19 MB single-line files
    python bench/longline.py --sizes 0.3,1

For each size, a folder holds one file of that many bytes of English words on a single line, with no
sentence punctuation, and two ordinary articles. `newsprism analyze` runs on the folder in a child
process; the table gives its wall and CPU seconds, peak memory, and whether all three documents were
analyzed. The parse (and every document stage) sees at most `parse.max_chars` characters, sentences
are cut every `parse.max_sentence_tokens` tokens of an unpunctuated run, so past the parse cap only
reading and cleaning grow with the file, and they are linear.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORDS = ("the council said ferry workers port city talks operator would continue monday while officials capital "
         "reviewed safety rules harbour strike union pay boat crossing delegation minister agreed plan new "
         "weather storm coast guard river bridge train station service passengers week year month report "
         "government spokesman told reporters meeting vote members party election budget water power energy "
         "company workers wages hospital doctors school teachers police road traffic north south east west").split()

GOOD = {
    "harbour.txt": "Harbour pilots in Port Ellis ended their strike on Friday after the port authority agreed to "
                   "hire twelve more pilots, the union said.\n\nShips that had waited outside the breakwater for "
                   "four days began to enter the harbour on Friday evening, a spokeswoman for the authority said.",
    "ferry.txt": "The ferry between Port Ellis and Kessel Island will sail twice a day from Monday, the operator "
                 "said on Thursday.\n\nThe second crossing had been cut in March when one of the two boats was "
                 "taken out of service for repairs, which the operator said were now finished.",
}


def long_line(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out, n = [], 0
    while n < size:
        w = rng.choice(WORDS)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)[:size]


def run_one(mb: float) -> dict:
    size = int(mb * 1_000_000)
    with tempfile.TemporaryDirectory(prefix="newsprism-longline-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "long.txt").write_text(long_line(size), encoding="utf-8")
        for name, text in GOOD.items():
            (folder / name).write_text(text, encoding="utf-8")
        out = Path(tmp) / "analysis.json"
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "analyze", str(folder), "--json", str(out),
                                 "--quiet"], cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own CPU time and peak memory
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        if proc.returncode:
            raise SystemExit(f"newsprism analyze failed on {mb} MB (exit {proc.returncode})")
        a = json.loads(out.read_text(encoding="utf-8"))
        docs = {d["source"].rsplit("/", 1)[-1]: d for d in a["documents"]}
        analyzed = sum(1 for name in GOOD if any(c["doc"] == docs[name]["id"] for c in a["claims"])) if all(
            n in docs for n in GOOD) else 0
        return {"MB": mb, "wall_s": round(wall, 1), "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
                "peak_MiB": round(usage.ru_maxrss / 1024), "documents": len(docs), "good_with_claims": analyzed,
                "long_notes": docs.get("long.txt", {}).get("notes", [])}


def main(argv: list[str] | None = None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,5,19", help="file sizes in MB, comma-separated")
    a = ap.parse_args(argv)
    rows = [run_one(float(s)) for s in a.sizes.split(",")]
    print(f"{'MB':>5} {'wall s':>7} {'CPU s':>6} {'peak MiB':>9} {'docs':>5} {'good analyzed':>14}")
    for r in rows:
        print(f"{r['MB']:>5g} {r['wall_s']:>7} {r['cpu_s']:>6} {r['peak_MiB']:>9} {r['documents']:>5} {r['good_with_claims']:>12}/2")
    print("notes on the long file:", "; ".join(rows[-1]["long_notes"]) or "none")
    return rows


if __name__ == "__main__":
    main()
