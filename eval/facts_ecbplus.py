"""Facts as events on ECB+ topics 1-35: the fact ledger's grouping scored as cross-document event coreference.

    nice -n 10 /work/main/.venv/bin/python eval/facts_ecbplus.py [TOPIC ...] [--per-topic] [--show N]
        [--save DIR | --load DIR] [--json]

Each document's text is rebuilt from its CoNLL tokens (eval/ecbplus_data.py) and the whole pipeline runs
per topic (both subtopics' documents together, rows {"id", "text"}: no titles, no dates) through
eval/devcache.py, so per-document stages are cached between runs. `--load DIR` scores analyses saved by
`--save DIR` (or any analysis JSON of the contract, one `topic-<n>.json` a topic) without running anything.
Cleaning may drop lines (datelines, headlines) and split paragraphs: gold spans are carried into the
cleaned text line by line; a mention whose words the cleaned text no longer holds cannot be anchored.

Anchoring: a claim is anchored at a gold event mention inside its span [start, end) whose head lemma (or
the lemma of any of its tokens, tagged in its sentence) gives the claim's predicate: predicate_class(lemma),
an event noun's class (EVENT_NOUNS), or the class after "call for"; a predicate of a verb and a particle
('take over') is given by its verb. Of several, the one nearest the
claim's centre; a mention keeps only the shortest claim that chose it, so it sits in one cluster.

Our clustering: the claims of one fact (its `claims`, else those of all its positions) form one cluster, with
those of the figure facts that name it as their `event` (the ledger shows a figure under the event whose clauses
give it; "ours, figures apart" scores each fact alone); a claim in no fact is a singleton. Key: the gold chains over the anchored mentions (primary), and over every gold mention (the
unanchored ones missing: recall drops). Baselines over the same anchored mentions: same head lemma within
a topic, same head lemma within a subtopic (an oracle event split, for reference), all singletons. "Ledger blocks"
(a reference): the claims of one block of the event ledger, (storyline, sense, standing), as one cluster, with no
participant, time or place evidence; the distance from "ours" to it is what the evidence the ledger asks costs.
Pair precision: every pair of anchored claims from different documents within one fact, per verdict;
correct when both mentions are in one gold chain.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Hashable, Iterable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))   # this checkout's code, not the installed one
from coref_scores import chains, conll  # noqa: E402
from ecbplus_data import event_mentions, read_conll, subtopics_by_topic  # noqa: E402

VERDICTS = ("corroborated", "compatible", "contested", "single_source")


# -- carrying gold spans into the cleaned text ----------------------------------------------------

def line_blocks(orig: str, cleaned: str) -> list[tuple[int, int, int]]:
    """(start in orig, start in cleaned, length) for each line of `orig` that stands as a whole line of
    `cleaned`, in order; the cleaner keeps a sentence's line as it is or drops it."""
    blocks, cur, pos = [], 0, 0
    for line in orig.split("\n"):
        if line.strip():
            i = cleaned.find(line, cur)
            while i >= 0 and not ((i == 0 or cleaned[i - 1] == "\n")
                                  and (i + len(line) == len(cleaned) or cleaned[i + len(line)] == "\n")):
                i = cleaned.find(line, i + 1)
            if i >= 0:
                blocks.append((pos, i, len(line)))
                cur = i + len(line)
        pos += len(line) + 1
    return blocks


def map_span(blocks: list[tuple[int, int, int]], start: int, end: int) -> Optional[tuple[int, int]]:
    """The cleaned-text span of orig[start:end], when one kept line holds all of it."""
    for o, c, n in blocks:
        if o <= start and end <= o + n:
            return c + start - o, c + end - o
    return None


# -- anchoring (pure) ------------------------------------------------------------------------------

def predicate_classes(predicate: str) -> set[str]:
    """The classes a claim's predicate stands for: itself, and X of "call for X"."""
    p = (predicate or "").lower()
    return {p, p[len("call for "):]} if p.startswith("call for ") else {p}


# words spaCy parses as a verb's particle ('prt'): the extractor adds them to the predicate ('take over')
PARTICLES = {"up", "down", "out", "off", "over", "away", "back", "in", "on", "around", "about", "through", "along",
             "aside", "apart", "together", "forward", "by", "across", "behind", "ahead", "under"}


def lemma_gives(lemma: str, predicate: str, predicate_class: Callable[[str], str],
                event_nouns: dict[str, str], phrasal: Optional[dict] = None) -> bool:
    """Does a gold mention's lemma give this claim predicate (a verb's class, an event noun's, or for a verb with a
    later word of its mention, 'check into', the class of that phrasal verb: 'enter')?"""
    lemma = (lemma or "").lower()
    if not lemma:
        return False
    want = predicate_classes(predicate)
    # a claim's verb with a particle the lexicon does not know ('took over': 'take over') is given by a mention
    # of its verb, alone or with that particle (the gold head of 'took over' is 'take')
    verb, _, particle = (predicate or "").lower().partition(" ")
    with_particle = particle in PARTICLES and (verb, particle) not in (phrasal or {})
    if " " in lemma:     # 'check into': a verb with its particle, from a mention of several tokens
        head, _, word = lemma.partition(" ")
        if with_particle and word == particle and predicate_class(head) == verb:
            return True
        return (phrasal or {}).get(tuple(lemma.split(" ", 1)), ("",))[0] in want
    if with_particle:
        return predicate_class(lemma) == verb
    return predicate_class(lemma) in want or event_nouns.get(lemma) in want


def anchor_claims(claims: Iterable[dict], mentions: Iterable[dict], gives: Callable[[str, str], bool]
                  ) -> tuple[dict[str, str], Counter]:
    """{claim id: gold mention id}. claims: {id, doc, start, end, predicate}; mentions: {id, doc, start, end,
    lemmas} in the same text. A claim takes the qualifying mention nearest its centre; a mention keeps the
    shortest claim that took it (the first on a tie)."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        by_doc[m["doc"]].append(m)
    stats: Counter = Counter()
    chosen: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for order, c in enumerate(claims):
        centre = (c["start"] + c["end"]) / 2
        ok = [m for m in by_doc.get(c["doc"], ()) if c["start"] <= m["start"] and m["end"] <= c["end"]
              and any(gives(lem, c["predicate"]) for lem in m["lemmas"])]
        if not ok:
            continue
        best = min(ok, key=lambda m: (abs((m["start"] + m["end"]) / 2 - centre), m["start"]))
        chosen[best["id"]].append((c["end"] - c["start"], order, c["id"]))
    out = {}
    for mid, cands in chosen.items():
        out[min(cands)[2]] = mid
        stats["claims_losing_their_mention"] += len(cands) - 1
    return out, stats


# -- clusterings -----------------------------------------------------------------------------------

def claims_of_fact(f: dict) -> list[str]:
    """Every claim that states a fact: its `claims` where the analysis lists them, else its positions' claims."""
    return list(f.get("claims") or dict.fromkeys(c for p in f.get("positions", []) for c in p.get("claims", [])))


def fact_of_claims(facts: Iterable[dict]) -> tuple[dict[str, str], int]:
    """{claim id: the first fact holding it}, and how many claims more than one fact holds."""
    first: dict[str, str] = {}
    seen: dict[str, set] = defaultdict(set)
    for f in facts:
        for c in claims_of_fact(f):
            first.setdefault(c, f["id"])
            seen[c].add(f["id"])
    return first, sum(1 for s in seen.values() if len(s) > 1)


def lemma_baseline(mentions: Iterable[dict], level: str) -> dict[Hashable, str]:
    """Same head lemma within a `level` ("topic" or "subtopic") -> one cluster."""
    return {m["id"]: f"{m[level]}|{m['lemma']}" for m in mentions}


def event_blocks(analysis: dict, ids: Iterable[str]) -> dict[str, tuple]:
    """{claim id: its block as the event ledger reads it, (storyline, sense, standing)} for the claims that name an
    act (`events.event_claims`: a killing is read as the death it caused, a lone report sits in its storyline)."""
    from newsprism.align.facts.context import build_context
    from newsprism.align.facts.events import event_claims
    from newsprism.config import Config
    from newsprism.model import Analysis

    a = Analysis.from_dict(analysis)
    return {v.claim.id: v.block for v in event_claims(build_context(a, Config().facts), [a.claim(c) for c in ids])}


def ledger_blocks(topic: int, analysis: dict, anchors: dict[str, str]) -> Optional[dict[Hashable, str]]:
    """Each anchored claim's block (`event_blocks`) as one cluster: the ledger's own senses and storylines with no
    participant, time or place evidence (a reference, not a clustering the ledger makes; a claim naming no act is
    its own cluster). None for an older checkout without the event ledger."""
    try:
        block = event_blocks(analysis, anchors)
    except ImportError:
        return None
    return {mid: f"{topic}|" + ("|".join(map(str, block[cid])) if cid in block else cid)
            for cid, mid in anchors.items()}


def singletons(mentions: Iterable[dict]) -> dict[Hashable, str]:
    return {m["id"]: str(m["id"]) for m in mentions}


def cross_doc_pairs(members: list[tuple[str, str]], chain_of: dict[str, str]) -> tuple[int, int, list]:
    """members: (doc, mention id) of a fact's anchored claims -> (pairs from different documents, of them in
    one gold chain, the wrong pairs' indices)."""
    n = good = 0
    wrong = []
    for (i, (da, ma)), (j, (db, mb)) in itertools.combinations(enumerate(members), 2):
        if da == db:
            continue
        n += 1
        if chain_of[ma] == chain_of[mb]:
            good += 1
        else:
            wrong.append((i, j))
    return n, good, wrong


# -- one topic -------------------------------------------------------------------------------------

def topic_data(topic: int, subs: list[Path]) -> tuple[list[dict], list[dict]]:
    """(rows to analyze, gold event mentions with their sentence words) of one topic."""
    rows, gold = [], []
    for sub in subs:
        st = read_conll(sub)
        rows += [{"id": d, "text": t} for d, t in sorted(st.texts.items())]
        for m in event_mentions(sub, st):
            m["words"] = st.sentences[(m["doc"], m["sent"])]
            gold.append(m)
    return rows, gold


def token_lemmas(gold: list[dict], nlp) -> None:
    """Add each mention's `lemmas`: its gold head lemma, then the lemma of each of its tokens, tagged in its
    sentence (the gold head lemma comes from another parser), then its first token's with each later one's."""
    from spacy.tokens import Doc

    keep = [n for n in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer") if n in nlp.pipe_names]
    sents: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for m in gold:
        sents[(m["doc"], m["sent"])].append(m)
    for ms in sents.values():
        doc = Doc(nlp.vocab, words=ms[0]["words"])
        for name in keep:
            doc = nlp.get_pipe(name)(doc)
        for m in ms:
            lem = [m["lemma"]] + [doc[t].lemma_.lower() for t in m["token_ids"] if t < len(doc)]
            lem += [f"{lem[1]} {w}" for w in lem[2:]]     # 'checked into': 'check into', a phrasal verb
            m["lemmas"] = list(dict.fromkeys(x for x in lem if x))


def place_gold(gold: list[dict], texts: dict[str, str], cleaned: dict[str, str]) -> int:
    """Carry each mention's span into the cleaned text (start/end replaced); -> how many could not be."""
    blocks = {d: line_blocks(t, cleaned.get(d, "")) for d, t in texts.items()}
    lost = 0
    for m in gold:
        span = map_span(blocks[m["doc"]], m["start"], m["end"])
        if span is None or cleaned[m["doc"]][span[0]:span[1]] != texts[m["doc"]][m["start"]:m["end"]]:
            m["start"] = m["end"] = None
            lost += 1
        else:
            m["start"], m["end"] = span
    return lost


def score_topic(topic: int, analysis: dict, gold: list[dict], texts: dict[str, str]) -> dict:
    """Everything the report needs from one topic: anchors, our clusters, pairs."""
    from newsprism.lexicon.predicates import EVENT_NOUNS, predicate_class
    try:
        from newsprism.lexicon.predicates import PHRASAL_CLASSES as phrasal
    except ImportError:      # an older checkout (NEWSPRISM_SRC) reads no phrasal verbs
        phrasal = {}

    cleaned = {d["id"]: d["text"] for d in analysis["documents"]}
    lost = place_gold(gold, texts, cleaned)
    placed = [m for m in gold if m["start"] is not None]
    claims = analysis.get("claims", [])
    anchors, stats = anchor_claims(claims, placed, lambda lem, p: lemma_gives(lem, p, predicate_class, EVENT_NOUNS, phrasal))
    fact_of, in_two = fact_of_claims(analysis.get("facts", []))
    # a figure's fact is counted with the event fact its clauses tell (`event`), as the ledger shows it
    event_of = {f["id"]: f.get("event") or f["id"] for f in analysis.get("facts", [])}
    ours = {mid: f"{topic}|" + event_of.get(fact_of.get(cid) or cid, cid) for cid, mid in anchors.items()}
    apart = {mid: f"{topic}|" + (fact_of.get(cid) or cid) for cid, mid in anchors.items()}
    holding = sum(1 for c in claims if any(m["doc"] == c["doc"] and c["start"] <= m["start"] and m["end"] <= c["end"]
                                           for m in placed))
    chain_of = {m["id"]: m["chain"] for m in gold}
    claim_by_id = {c["id"]: c for c in claims}

    def surface(m: dict) -> str:
        return cleaned[m["doc"]][m["start"]:m["end"]]

    mention_by_id = {m["id"]: m for m in gold}
    pairs = {v: [0, 0] for v in VERDICTS}
    wrong = []
    for f in analysis.get("facts", []):
        v = f.get("verdict")
        cids = [c for c in claims_of_fact(f) if c in anchors]
        members = [(claim_by_id[c]["doc"], anchors[c]) for c in cids]
        n, good, bad = cross_doc_pairs(members, chain_of)
        if v in pairs:
            pairs[v][0] += n
            pairs[v][1] += good
        if v == "corroborated":
            for i, j in bad:
                wrong.append({"topic": topic, "fact": f["id"], "about": f.get("about"),
                              "docs": (claim_by_id[cids[i]]["doc"], claim_by_id[cids[j]]["doc"]),
                              "a": claim_by_id[cids[i]]["text"], "b": claim_by_id[cids[j]]["text"],
                              "a_mention": surface(mention_by_id[anchors[cids[i]]]),
                              "b_mention": surface(mention_by_id[anchors[cids[j]]])})
    return {"topic": topic, "documents": len(analysis["documents"]), "gold": gold, "lost": lost,
            "claims": len(claims), "claims_holding_gold": holding, "anchors": anchors,
            "anchored_in_a_fact": sum(1 for c in anchors if c in fact_of), "ours": ours, "apart": apart,
            "blocks": ledger_blocks(topic, analysis, anchors),
            "in_two_facts": in_two,
            "losing": stats["claims_losing_their_mention"], "pairs": pairs, "wrong": wrong,
            "facts": len(analysis.get("facts", []))}


# -- report ----------------------------------------------------------------------------------------

def scores(gold: list[dict], anchored: set, ours: dict, apart: dict,
           blocks: Optional[dict] = None) -> dict[str, dict[str, float]]:
    """Ours and the baselines, each scored over the anchored mentions; ours also over every gold mention."""
    on = [m for m in gold if m["id"] in anchored]
    key = chains({m["id"]: m["chain"] for m in on})
    out = {"ours": conll(key, chains(ours)),
           "ours, figures apart": conll(key, chains(apart)),
           **({"ledger blocks (reference)": conll(key, chains(blocks))} if blocks is not None else {}),
           "lemma/topic": conll(key, chains(lemma_baseline(on, "topic"))),
           "lemma/subtopic (oracle)": conll(key, chains(lemma_baseline(on, "subtopic"))),
           "singletons": conll(key, chains(singletons(on)))}
    key_all = chains({m["id"]: m["chain"] for m in gold})
    out["ours vs all gold"] = conll(key_all, chains(ours))
    out["lemma/topic, all gold"] = conll(key_all, chains(lemma_baseline(gold, "topic")))
    return out


def summarize(results: list[dict]) -> dict:
    gold = [m for r in results for m in r["gold"]]
    ours = {k: v for r in results for k, v in r["ours"].items()}
    apart = {k: v for r in results for k, v in r.get("apart", r["ours"]).items()}
    blocks = {k: v for r in results for k, v in (r.get("blocks") or {}).items()} \
        if all(r.get("blocks") is not None for r in results) else None
    anchored = set(ours)
    pairs = {v: [sum(r["pairs"][v][0] for r in results), sum(r["pairs"][v][1] for r in results)] for v in VERDICTS}
    n_claims = sum(r["claims"] for r in results)
    return {
        "topics": len(results), "documents": sum(r["documents"] for r in results), "gold_mentions": len(gold),
        "gold_chains": len({m["chain"] for m in gold}), "gold_lost_in_cleaning": sum(r["lost"] for r in results),
        "claims": n_claims, "facts": sum(r["facts"] for r in results), "anchored": len(anchored),
        "gold_coverage": len(anchored) / max(1, len(gold)), "claim_coverage": len(anchored) / max(1, n_claims),
        "claims_holding_gold": sum(r["claims_holding_gold"] for r in results),
        "anchored_in_a_fact": sum(r["anchored_in_a_fact"] for r in results),
        "claims_in_two_facts": sum(r["in_two_facts"] for r in results),
        "claims_losing_their_mention": sum(r["losing"] for r in results),
        "scores": scores(gold, anchored, ours, apart, blocks),
        "pairs": {v: {"pairs": n, "correct": g, "precision": g / n if n else None} for v, (n, g) in pairs.items()},
    }


def show_summary(s: dict) -> None:
    print(f"ECB+ topics ({s['topics']}): {s['documents']} documents, {s['gold_mentions']} gold event mentions "
          f"in {s['gold_chains']} chains ({s['gold_lost_in_cleaning']} dropped by cleaning), "
          f"{s['claims']} claims, {s['facts']} facts")
    print(f"  coverage: anchored {s['anchored']} = {s['gold_coverage']:.3f} of gold mentions, "
          f"{s['claim_coverage']:.3f} of claims, {s['anchored'] / max(1, s['claims_holding_gold']):.3f} of the "
          f"{s['claims_holding_gold']} claims holding a gold mention")
    in_fact = s["anchored_in_a_fact"]
    print(f"  anchored claims in a fact {in_fact} ({in_fact / max(1, s['anchored']):.3f}), the rest singletons;  "
          f"claims in two facts {s['claims_in_two_facts']};  "
          f"claims losing their mention to a shorter claim {s['claims_losing_their_mention']}")
    print(f"  {'clustering':26} {'MUC':>6} {'B3 P':>6} {'B3 R':>6} {'B3':>6} {'CEAF-e':>6} {'CoNLL':>6}")
    for name, x in s["scores"].items():
        if name == "ours vs all gold":
            print("  key = every gold mention (unanchored ones missing):")
        print(f"  {name:26} {x['muc_f1']:6.3f} {x['bcubed_p']:6.3f} {x['bcubed_r']:6.3f} {x['bcubed_f1']:6.3f} "
              f"{x['ceafe_f1']:6.3f} {x['conll_f1']:6.3f}")
    print("  cross-document pairs of anchored claims in one fact, in one gold chain:")
    for v, x in s["pairs"].items():
        p = "   -  " if x["precision"] is None else f"{x['precision']:.3f}"
        print(f"    {v:14} precision {p}  ({x['correct']} of {x['pairs']} pairs)")


def run_topics(by_topic: dict[int, list[Path]], load: Optional[Path], save: Optional[Path]) -> list[dict]:
    from newsprism.parse import load_nlp

    nlp = load_nlp()
    results = []
    for topic, subs in by_topic.items():
        t0 = time.perf_counter()
        rows, gold = topic_data(topic, subs)
        if load:
            analysis = json.loads((load / f"topic-{topic}.json").read_text(encoding="utf-8"))
        else:
            from devcache import analyze_rows
            analysis = analyze_rows(rows).to_dict()
            if save:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"topic-{topic}.json").write_text(json.dumps(analysis), encoding="utf-8")
        token_lemmas(gold, nlp)
        r = score_topic(topic, analysis, gold, {x["id"]: x["text"] for x in rows})
        results.append(r)
        print(f"topic {topic}: {r['documents']} documents, {len(gold)} gold mentions, {len(r['anchors'])} anchored, "
              f"{r['claims']} claims, {r['facts']} facts ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)
    return results


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("topics", nargs="*", help="topic numbers (default: 1-35)")
    ap.add_argument("--per-topic", action="store_true", help="figures for each topic too")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N wrong corroborated pairs")
    ap.add_argument("--save", type=Path, help="write each topic's analysis JSON here")
    ap.add_argument("--load", type=Path, help="score saved analyses (topic-<n>.json) instead of running")
    ap.add_argument("--json", action="store_true", help="the summary as JSON")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    results = run_topics(subtopics_by_topic(35, a.topics or None), a.load, a.save)
    s = summarize(results)
    s["seconds"] = round(time.perf_counter() - t0, 1)
    if a.json:
        print(json.dumps(s))
    else:
        show_summary(s)
        print(f"  ({s['seconds']:.0f}s)")
    if a.per_topic:
        print(f"\n{'topic':>5} {'docs':>4} {'gold':>5} {'anch':>5} {'ours':>6} {'lemma':>6} {'corr. pairs':>12}")
        for r in results:
            t = summarize([r])
            c = t["pairs"]["corroborated"]
            prec = "  -  " if c["precision"] is None else f"{c['precision']:.3f}"
            print(f"{r['topic']:5} {r['documents']:4} {len(r['gold']):5} {t['anchored']:5} "
                  f"{t['scores']['ours']['conll_f1']:6.3f} {t['scores']['lemma/topic']['conll_f1']:6.3f} "
                  f"{prec:>6} of {c['pairs']:<4}")
    wrong = [w for r in results for w in r["wrong"]]
    for w in wrong[: a.show]:
        print(f"\n[topic {w['topic']} {w['fact']}: {w['about']}]  gold events '{w['a_mention']}' / '{w['b_mention']}'")
        print(f"  A ({w['docs'][0]}): {w['a']}\n  B ({w['docs'][1]}): {w['b']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
