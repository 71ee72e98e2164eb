"""NewsWCL50: how many of the coded labels of each event's main actors do our actor labels recover?

    .venv/bin/python eval/framing_newswcl50.py [--data DIR] [--actors 2] [--events 0,1,...]

NewsWCL50 codes every mention of an event's actors in 50 articles (10 events x 5 US outlets).
For each event, its main actors are the most-coded ACTOR concepts; their coded labels in one article
are the distinct mentions that are not the actor's name or a pronoun ("North Korean leader",
"the president", "the former FBI director"). Each article's text is rebuilt from the CoNLL tokens,
entities and framing are run on it, and a coded label counts as recovered when one of the labels of
the actor of that name equals it or contains it as whole words (determiners and possessives aside).
Figures per outlet (L, LL, M, R, RR: left to right) and overall.

Data: NewsWCL50 (https://github.com/fhamborg/NewsWCL50, commit f9513ae78648aa4b1c59da8003f1989867ccaf20: the
coded mentions, original/Annotations.csv) with its CoNLL tokens as parsed by Zhukova et al.
(https://github.com/anastasia-zhukova/Diverse_CDCR_datasets, commit 9dfb46284593bdd35d1a5b5c758c9aa71cb43f1a:
cdcr_parsed/NewsWCL50.conll.gz), read from $NEWSPRISM_EVALDATA/newswcl50 (default ../shared/evaldata; see eval/evaldata.py) or --data.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import evaldata
from newsprism.config import Config
from newsprism.extract.framing import framing_of
from newsprism.model import Document
from newsprism.parse import load_nlp
from newsprism.records import DocRecord
from newsprism.resolve import mentions

DEFAULT = evaldata.path("newswcl50")
PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "i", "me", "my",
            "we", "us", "our", "you", "your", "himself", "herself", "themselves", "who", "whom", "whose"}
NO_SPACE_BEFORE = re.compile(r"^([,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|’s)$", re.I)
NO_SPACE_AFTER = {"(", "[", "{", "$", "“"}


def read_conll(path: Path) -> dict[str, str]:
    """Article text per document id ("0_L"), rebuilt from tokens: one line per sentence."""
    sents: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or line.startswith("#"):
                continue
            doc = parts[0].rsplit("/", 1)[-1]
            sents[doc][int(parts[1])].append(parts[3])
    texts = {}
    for doc, by_sent in sents.items():
        lines = []
        for k in sorted(by_sent):
            out = ""
            for tok in by_sent[k]:
                if out and not NO_SPACE_BEFORE.match(tok) and out[-1] not in NO_SPACE_AFTER:
                    out += " "
                out += tok
            lines.append(out)
        texts[doc] = "\n".join(lines)
    return texts


def norm(label: str) -> str:
    w = re.sub(r"[’']s\b", "", label.lower())
    w = re.sub(r"^(the|a|an|this|that|these|those)\s+", "", w.strip())
    return " ".join(re.findall(r"[\w-]+", w.replace(".", "")))  # "U.S." and "US" are one word


def read_gold(path: Path, n_actors: int) -> dict[str, dict[str, set[str]]]:
    """document id -> actor name (last part of the code) -> coded labels."""
    with open(path, encoding="utf-8-sig") as fh:
        fh.readline()   # "sep=,"
        rows = [r for r in csv.DictReader(fh) if r["code_type"] == "ACTOR"]
    per_event = defaultdict(Counter)
    for r in rows:
        per_event[r["event_id"]][r["code_name"]] += 1
    main = {ev: [c for c, _ in cnt.most_common(n_actors)] for ev, cnt in per_event.items()}
    gold: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in rows:
        if r["code_name"] not in main[r["event_id"]]:
            continue
        name = r["code_name"].split("\\")[-1]
        mention = r["code_mention"].strip()
        name_words = {w.lower() for w in re.findall(r"\w+", name)}
        words = {w.lower() for w in re.findall(r"\w+", mention)}
        if not mention or mention.lower() in PRONOUNS or words & name_words or not norm(mention):
            continue
        gold[f"{r['event_id']}_{r['publisher_id']}"][name].add(norm(mention))
    return gold


def recovered(label: str, ours: list[str]) -> bool:
    for o in ours:
        o = norm(o)
        if o == label or re.search(rf"(?<!\w){re.escape(label)}(?!\w)", o) or \
                (len(o.split()) >= 2 and re.search(rf"(?<!\w){re.escape(o)}(?!\w)", label)):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--actors", type=int, default=2, help="main actors per event")
    ap.add_argument("--events", default="", help="comma-separated event ids (default: all)")
    ap.add_argument("--show", action="store_true", help="print missed labels")
    a = ap.parse_args(argv)
    evaldata.check(a.data, "newswcl50")
    texts = read_conll(a.data / "cdcr_parsed" / "NewsWCL50.conll.gz")
    gold = read_gold(a.data / "original" / "Annotations.csv", a.actors)
    events = set(a.events.split(",")) if a.events else None
    cfg = Config()
    nlp = load_nlp()
    hit: Counter = Counter()
    total: Counter = Counter()
    ids = sorted(d for d in texts if d in gold and (events is None or d.split("_")[0] in events))
    for doc_id, sdoc in zip(ids, nlp.pipe((texts[d] for d in ids), batch_size=8)):
        doc = Document(id=doc_id, text=texts[doc_id])
        record = DocRecord(doc=doc_id)
        mentions.component(doc, sdoc, record, cfg)
        framing = framing_of(doc, sdoc, record, cfg)
        outlet = doc_id.split("_", 1)[1]
        for name, labels in gold[doc_id].items():
            key = name.lower().split()[-1]
            ours = [l for act in framing.actors if key in act.name.lower() for l in act.labels]
            for label in sorted(labels):
                ok = recovered(label, ours)
                hit[outlet] += ok
                total[outlet] += 1
                if a.show and not ok:
                    print(f"  miss {doc_id} {name}: {label!r}  (ours: {ours[:6]})")
    print(f"NewsWCL50: {len(ids)} articles, {a.actors} main actors per event, {sum(total.values())} coded labels")
    for outlet in sorted(total):
        print(f"  {outlet:3} recovered {hit[outlet]:4d} / {total[outlet]:4d} = {hit[outlet] / total[outlet]:.3f}")
    all_hit, all_total = sum(hit.values()), sum(total.values())
    print(f"  all recovered {all_hit} / {all_total} = {all_hit / all_total:.3f}" if all_total else "  no labels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
