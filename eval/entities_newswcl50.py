"""Entity stages on NewsWCL50 (10 events x 5 outlets): B-cubed and CoNLL F1 for person,
organisation and place chains.

    python eval/entities_newswcl50.py

Each article's text is rebuilt from its CoNLL tokens (tokens joined by spaces, paragraph breaks
kept), so gold token spans become character spans. Our pipeline runs per event (its five
articles), as the gold chains are per event across outlets. Chain suffixes: ACTOR -> person,
GROUP -> organisation, COUNTRY -> place. NewsWCL50 chains are loose (an official can be coded
under his country), so read the figures as a rough guide. "named" restricts the gold to
mentions that contain a capitalised word not at a sentence start (what NER can find).

Data: NewsWCL50 (https://github.com/fhamborg/NewsWCL50, commit f9513ae78648aa4b1c59da8003f1989867ccaf20) as
parsed by Zhukova et al. (https://github.com/anastasia-zhukova/Diverse_CDCR_datasets, commit
9dfb46284593bdd35d1a5b5c758c9aa71cb43f1a, NewsWCL50-prep/output_data/NewsWCL50.conll, gzip-compressed), read
from $NEWSPRISM_EVALDATA/newswcl50/cdcr_parsed/NewsWCL50.conll.gz (default ../shared/evaldata; see eval/evaldata.py).
"""
from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaldata  # noqa: E402
from coref_scores import align, chains, conll, run_entity_stages  # noqa: E402

DATA = evaldata.path("newswcl50", "cdcr_parsed", "NewsWCL50.conll.gz")
TYPES = {"ACTOR": "person", "GROUP": "organisation", "COUNTRY": "place"}


def read_conll(path: Path = DATA):
    """-> {doc: text}, [(mention id, doc, start, end, chain, type, named)]"""
    texts: dict[str, str] = {}
    mentions = []
    doc, parts, pos, sent_first = None, [], 0, True
    open_: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    tok_spans: list[tuple[int, int, bool]] = []

    def flush():
        if doc is not None:
            texts[doc] = "".join(parts)

    for line in gzip.open(path, "rt", encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#begin"):
            doc = line.split()[2].rstrip(";")
            parts, pos, sent_first = [], 0, True
            open_.clear()
            continue
        if line.startswith("#end"):
            flush()
            doc = None
            continue
        if not line.strip():
            sent_first = True
            continue
        cols = line.split("\t")
        token, tags = cols[3], cols[4].strip() if len(cols) > 4 else "-"
        if token == "\\n":
            parts.append("\n")
            pos += 1
            sent_first = True
            continue
        if parts and not parts[-1].endswith("\n"):
            parts.append(" ")
            pos += 1
        start, end = pos, pos + len(token)
        parts.append(token)
        pos = end
        named_tok = token[:1].isupper() and not sent_first
        sent_first = False
        if tags in ("-", ""):
            continue
        for tag in tags.split("|"):
            tag = tag.strip()
            m = re.fullmatch(r"(\()?([^()]+?)(\))?", tag)
            if not m:
                continue
            opening, chain, closing = m.group(1), m.group(2), m.group(3)
            if opening:
                open_[chain].append((start, named_tok))
            else:
                if open_[chain]:
                    s, nm = open_[chain][-1]
                    open_[chain][-1] = (s, nm or named_tok)
            if closing and open_[chain]:
                s, nm = open_[chain].pop()
                suffix = chain.rsplit("_", 1)[-1]
                if suffix in TYPES:
                    mentions.append((len(mentions), doc, s, end, chain, TYPES[suffix], nm or named_tok))
        # tokens inside open mentions may make them named
        for ch, stack in open_.items():
            for k, (s, nm) in enumerate(stack):
                stack[k] = (s, nm or named_tok)
    return texts, mentions


def main() -> None:
    from newsprism.config import Config
    from newsprism.parse import load_nlp

    texts, mentions = read_conll(evaldata.check(DATA, "newswcl50"))
    nlp, cfg = load_nlp(), Config()
    events = defaultdict(list)
    for doc in sorted(texts):
        events[doc.split("/")[0]].append(doc)
    ours = []
    for ev in sorted(events, key=int):
        ours += run_entity_stages([(d, texts[d]) for d in events[ev]], nlp, cfg, tag=f"{ev}:")
    print(f"NewsWCL50: {len(texts)} articles, {len(mentions)} gold person/org/place mentions")
    for label, subset in [("all", mentions), ("named", [m for m in mentions if m[6]])]:
        for t in ["all", "person", "organisation", "place"]:
            gold = [m for m in subset if t == "all" or m[5] == t]
            key = chains({m[0]: m[4] for m in gold})
            assign = align([(m[0], m[1], m[2], m[3]) for m in gold], ours, texts)
            resp = chains(assign)
            s = conll(key, resp)
            print(f"  {label:5} {t:12} n={len(gold):5} found={len(assign)/max(1,len(gold)):.3f} "
                  + " ".join(f"{k}={v:.3f}" for k, v in s.items()))


if __name__ == "__main__":
    main()
