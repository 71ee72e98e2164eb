"""Entity stages on ECB+ topics 1-35: B-cubed and CoNLL F1 for person, organisation and place chains.

    python eval/entities_ecbplus.py [TOPIC ...]

Each document's text is rebuilt from its CoNLL tokens (tokens joined by spaces, one sentence a
line), so gold token spans become character spans. Our pipeline runs per topic (both subtopics'
documents together, as a user would feed one story's coverage). Gold types: HUMAN_PART_PER ->
person, HUMAN_PART_ORG -> organisation, HUMAN_PART_GPE / LOC_GEO / LOC_FAC -> place. Gold also
codes pronouns and common nouns ("the actress"), which NER does not find: "named" restricts the
gold to mentions whose head is a proper noun.

Data: ECB+ as parsed by Zhukova et al. (https://github.com/anastasia-zhukova/Diverse_CDCR_datasets, commit
9dfb46284593bdd35d1a5b5c758c9aa71cb43f1a, ECBplus-prep/output_data/test_parsing/<subtopic>/, every file
gzip-compressed), read from $NEWSPRISM_EVALDATA/ecbplus/by_subtopic (default ../shared/evaldata; see eval/evaldata.py).
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaldata  # noqa: E402
from coref_scores import align, chains, conll, run_entity_stages  # noqa: E402
from ecbplus_data import DATA, read_conll, read_mentions  # noqa: E402

TYPES = {"HUMAN_PART_PER": "person", "HUMAN_PART_ORG": "organisation", "HUMAN_PART_GPE": "place",
         "LOC_GEO": "place", "LOC_FAC": "place"}


def read_subtopic(sub: Path):
    """-> {doc: text}, [gold person/organisation/place mention dicts]"""
    st = read_conll(sub)
    gold = []
    for m in read_mentions(sub, "entity"):
        t = TYPES.get(m["mention_full_type"])
        toks = m["tokens_number"]
        span = st.span(m["doc_id"], m["sent_id"], toks[0], toks[-1])
        if t is None or span is None:
            continue
        gold.append({"id": m["mention_id"], "doc": m["doc_id"], "start": span[0], "end": span[1],
                     "chain": m["coref_chain"], "type": t, "named": m.get("mention_head_pos") == "PROPN"})
    return st.texts, gold


def main(topics: list[str]) -> None:
    from newsprism.config import Config
    from newsprism.parse import load_nlp

    evaldata.check(DATA, "ecbplus")
    nlp, cfg = load_nlp(), Config()
    by_topic = defaultdict(list)
    for sub in sorted(DATA.iterdir()):
        topic = sub.name.split("ecb")[0]
        if sub.is_dir() and int(topic) <= 35 and (not topics or topic in topics):
            by_topic[topic].append(sub)
    texts: dict[str, str] = {}
    gold: list[dict] = []
    ours = []
    for topic in sorted(by_topic, key=int):
        docs = []
        for sub in by_topic[topic]:
            t, g = read_subtopic(sub)
            texts.update(t)
            gold += g
            docs += sorted(t.items())
        ours += run_entity_stages(docs, nlp, cfg, tag=f"{topic}:")
    print(f"ECB+ topics {min(by_topic, key=int)}-{max(by_topic, key=int)}: {len(texts)} documents, "
          f"{len(gold)} gold person/org/place mentions")
    for label, subset in [("all", gold), ("named", [m for m in gold if m["named"]])]:
        for t in ["all", "person", "organisation", "place"]:
            g = [m for m in subset if t == "all" or m["type"] == t]
            key = chains({m["id"]: m["chain"] for m in g})
            assign = align([(m["id"], m["doc"], m["start"], m["end"]) for m in g], ours, texts)
            s = conll(key, chains(assign))
            print(f"  {label:5} {t:12} n={len(g):5} found={len(assign)/max(1,len(g)):.3f} "
                  + " ".join(f"{k}={v:.3f}" for k, v in s.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
