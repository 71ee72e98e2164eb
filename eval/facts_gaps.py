"""Why the ledger keeps apart what ECB+ joins: every gold-linked pair of anchored claims from two documents that no
fact holds together, counted by its first cause, on analyses saved by `eval/facts_ecbplus.py --save DIR`.

    nice -n 10 /work/main/.venv/bin/python eval/facts_gaps.py DIR [--show CAUSE] [--limit N]

Causes, first that applies: a figure fact holds one claim (a count several reports give; one whose `event` is the
other claim's fact joins it, as the scorer counts it); the predicate senses differ; the standings
differ (done / planned / denied ...); the reports sit in two storylines as the ledger reads them (it never joins
across them); two events of one storyline; same sense, neither claim in any fact; same sense, at least one held by another fact.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import facts_ecbplus as F  # noqa: E402
from ecbplus_data import subtopics_by_topic  # noqa: E402


def ledger_stories(analysis: dict) -> tuple[dict[str, str], dict[str, str]]:
    """(document -> its event, document -> its storyline) as the ledger itself reads them (`build_context`: the
    finest story wins, and a report left alone sits in the storyline naming most of its entities)."""
    from newsprism.align.facts.context import build_context
    from newsprism.config import Config
    from newsprism.model import Analysis

    ctx = build_context(Analysis.from_dict(analysis), Config().facts)
    docs = [d["id"] for d in analysis["documents"]]
    return {d: ctx.story_of.get(d) or "" for d in docs}, {d: ctx.root_of(d) for d in docs}


def cause(a: dict, b: dict, sense: tuple[Optional[str], Optional[str]], standing: tuple[Optional[str], Optional[str]],
          fact_of: dict[str, str], finest: dict[str, str], root: dict[str, str], figure_held: set[str]) -> str:
    if a["id"] in figure_held or b["id"] in figure_held:
        return "held by a figure fact"
    if sense[0] != sense[1]:
        return "sense differs"
    if standing[0] != standing[1]:
        return "standing differs"
    if root.get(a["doc"]) != root.get(b["doc"]):
        return "storylines differ"
    if finest.get(a["doc"]) != finest.get(b["doc"]):
        return "events of one storyline differ"
    if not fact_of.get(a["id"]) and not fact_of.get(b["id"]):
        return "same sense, neither in a fact"
    return "same sense, held by other facts"


def figure_held(facts: list[dict]) -> set[str]:
    """The claims of figure facts (positions holding numbers) that more than one document gives."""
    def counts(f: dict) -> bool:
        return any(isinstance(p.get("normalized"), (int, float)) and not isinstance(p.get("normalized"), bool)
                   for p in f["positions"])
    return {c for f in facts if f["verdict"] != "single_source" and counts(f) for c in f["claims"]}


def senses(analysis: dict, ids: list[str]) -> dict[str, Optional[str]]:
    """Each claim's sense as the event ledger blocks it (`facts_ecbplus.event_blocks`: a killing of someone read as
    the death it caused, 'a woman was killed by a driver' is the sense of 'a woman died'), else `sense_of`; None for
    a claim naming no act."""
    from newsprism.align.facts.events import sense_of
    from newsprism.model import Claim

    blocked = F.event_blocks(analysis, ids)
    by_id = {c["id"]: c for c in analysis["claims"]}
    return {c: blocked[c][1] if c in blocked else sense_of(Claim(**by_id[c])) for c in ids}


def main(argv: list[str]) -> int:
    from newsprism.align.facts.events import standing_of
    from newsprism.model import Claim
    from newsprism.parse import load_nlp

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("saved", type=Path)
    ap.add_argument("--show", help="print pairs of this cause")
    ap.add_argument("--limit", type=int, default=20)
    a = ap.parse_args(argv)
    nlp = load_nlp()
    counts: Counter = Counter()
    shown: dict[str, list] = defaultdict(list)
    for topic, subs in subtopics_by_topic(35, None).items():
        rows, gold = F.topic_data(topic, subs)
        analysis = json.loads((a.saved / f"topic-{topic}.json").read_text(encoding="utf-8"))
        F.token_lemmas(gold, nlp)
        scored = F.score_topic(topic, analysis, gold, {x["id"]: x["text"] for x in rows})
        chain = {m["id"]: m["chain"] for m in gold}
        claims = {c["id"]: c for c in analysis["claims"]}
        fact_of, _ = F.fact_of_claims(analysis["facts"])
        event_of = {f["id"]: f.get("event") or f["id"] for f in analysis["facts"]}
        fact_of = {c: event_of[f] for c, f in fact_of.items()}    # a figure's fact counts with its event
        finest, root = ledger_stories(analysis)
        held = figure_held(analysis["facts"])
        sense = senses(analysis, list(scored["anchors"]))
        by_chain = defaultdict(list)
        for cid, mid in scored["anchors"].items():
            by_chain[chain[mid]].append(cid)
        for cids in by_chain.values():
            for i, x in enumerate(cids):
                for y in cids[i + 1:]:
                    ca, cb = claims[x], claims[y]
                    if ca["doc"] == cb["doc"] or (fact_of.get(x) and fact_of.get(x) == fact_of.get(y)):
                        continue
                    ma, mb = Claim(**ca), Claim(**cb)
                    why = cause(ca, cb, (sense[x], sense[y]), (standing_of(ma), standing_of(mb)),
                                fact_of, finest, root, held)
                    counts[why] += 1
                    if why == a.show and len(shown[why]) < a.limit:
                        shown[why].append((topic, ca["text"][:100], cb["text"][:100]))
    for why, n in counts.most_common():
        print(f"{n:6d}  {why}")
    print(f"{sum(counts.values()):6d}  in all")
    for topic, x, y in shown.get(a.show or "", []):
        print(f"\n[topic {topic}]\n  A: {x}\n  B: {y}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
