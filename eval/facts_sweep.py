"""The fact ledger alone, re-run on fixed analyses: planted contradictions per dev set, for settings side by side.

The planted harness (../shared/eval/planted.py) analyzes BASIL (one story, three outlets, dated) and ECB+ (one
event, several undated reports; two look-alike events per topic) mixed together. Everything before the fact
ledger is computed once (eval/devcache.py caches the per-document stages; the analyses up to `facts` are kept
in a pickle), then `align_facts` alone runs for each setting, so a comparison takes seconds. Each figure is
reported for BASIL, ECB+ and both: a setting is chosen on both sets at once, and `--leave-one-out` says what a
setting chosen on one set gives on the other.

    python eval/facts_sweep.py                                   # the defaults, per set
    python eval/facts_sweep.py --set facts.margin=0.05 --set facts.margin=0.15
    python eval/facts_sweep.py --grid facts.agree_min=0.08,0.12,0.16 --leave-one-out
    python eval/facts_sweep.py --rebuild                          # after a change before the ledger

Needs ../shared/evaldata/{basil,ecbplus} (see ../shared/evaldata/*/SOURCE.txt for where they come from).
"""
from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devcache import analyze_rows, code_version, planted_harness, planted_stories  # noqa: E402

P = planted_harness()     # the shared harness's planting; its stories through devcache (honours $NEWSPRISM_EVALDATA)

PICKLE = Path("/tmp") / f"newsprism-facts-sweep-{code_version()}.pickle"
SETS = ("basil", "ecb")


def _set_of(story: str) -> str:
    return "basil" if story.startswith("basil-") else "ecb"


def prepare(rebuild: bool = False, rounds: int = 2):
    """[(analysis without facts, specs)] for each planted round, then the clean run with specs = None."""
    if PICKLE.exists() and not rebuild:
        return pickle.loads(PICKLE.read_bytes())
    from newsprism.config import Config

    stories = {**planted_stories("basil"), **planted_stories("ecbplus")}
    opts = P.options_of(stories)
    order = sorted(stories)
    cfg = Config.load(overrides={"stages.facts": False, "stages.summary": False})
    runs = []
    for rnd in range(rounds):
        changed, specs = P.plant(stories, opts, rnd)
        print(f"analyzing round {rnd + 1} of {rounds}", file=sys.stderr)
        runs.append((analyze_rows([a for sid in order for a in changed[sid]], cfg), specs))
    print("analyzing the unchanged stories", file=sys.stderr)
    doc_set = {a["id"]: _set_of(sid) for sid in order for a in stories[sid]}
    runs.append((analyze_rows([a for sid in order for a in stories[sid]], cfg), None))
    data = {"runs": runs, "doc_set": doc_set, "stories": {s: sum(1 for x in stories if _set_of(x) == s) for s in SETS}}
    PICKLE.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    return data


def score(data, overrides: dict) -> dict:
    """Planted recall and disputes per unchanged story, per set and for both, under these settings."""
    from newsprism.align.facts import align_facts
    from newsprism.config import Config

    cfg = Config.load(overrides=overrides)
    hits = {s: [] for s in SETS}
    disputes = {s: 0 for s in SETS}
    for analysis, specs in data["runs"]:
        facts = align_facts(analysis, cfg)
        light = {"claims": [{"id": c.id, "doc": c.doc, "text": c.text} for c in analysis.claims],
                 "facts": [f.model_dump(mode="json") for f in facts]}
        if specs is None:
            for f in light["facts"]:
                if f["verdict"] == "contested":
                    docs = {d for p in f["positions"] for d in p["documents"]}
                    s = data["doc_set"].get(min(docs), "ecb") if docs else "ecb"
                    disputes[s] += max(1, len(f["positions"]) - 1)
        else:
            for spec in specs:
                hits[_set_of(spec["story"])].append(P.caught(spec, light))
    out = {}
    for s in SETS:
        out[s] = (sum(hits[s]) / max(1, len(hits[s])), disputes[s] / max(1, data["stories"][s]), len(hits[s]))
    allh = hits["basil"] + hits["ecb"]
    out["both"] = (sum(allh) / max(1, len(allh)), sum(disputes.values()) / max(1, sum(data["stories"].values())),
                   len(allh))
    return out


def show(label: str, res: dict) -> None:
    cells = "   ".join(f"{s:5} {r:.3f} / {d:.3f} ({n})" for s, (r, d, n) in res.items())
    print(f"{label:48} {cells}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", default=[], help="one variant: section.key=value (repeatable)")
    ap.add_argument("--grid", action="append", default=[], help="section.key=v1,v2,... (all combinations)")
    ap.add_argument("--leave-one-out", action="store_true")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    data = prepare(a.rebuild)
    variants: list[dict] = [{}]
    variants += [{k: json.loads(v)} for k, v in (s.split("=", 1) for s in a.set)]
    if a.grid:
        axes = [(k, [json.loads(x) for x in v.split(",")]) for k, v in (g.split("=", 1) for g in a.grid)]
        variants += [dict(zip([k for k, _ in axes], combo)) for combo in itertools.product(*[v for _, v in axes])]
    print(f"{'setting':48} recall / disputes per unchanged story (plants), per set")
    results = []
    for v in variants:
        t0 = time.perf_counter()
        res = score(data, v)
        results.append((v, res))
        if a.json:
            print(json.dumps({"setting": v, **{k: list(x) for k, x in res.items()}}))
        else:
            show((json.dumps(v) if v else "defaults") + f" [{time.perf_counter() - t0:.0f}s]", res)
    if a.leave_one_out and len(results) > 1:
        # a setting chosen on one set (best recall with disputes no worse than the defaults'), scored on the other
        base = results[0][1]
        for pick, other in (("basil", "ecb"), ("ecb", "basil")):
            ok = [(v, r) for v, r in results if r[pick][1] <= base[pick][1] + 1e-9] or results
            v, r = max(ok, key=lambda vr: (vr[1][pick][0], -vr[1][pick][1]))
            print(f"chosen on {pick}: {json.dumps(v) or 'defaults'} -> {other} {r[other][0]:.3f} / {r[other][1]:.3f}"
                  f" (defaults {base[other][0]:.3f} / {base[other][1]:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
