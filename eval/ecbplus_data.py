"""ECB+ as the evaluations read it: each document's text rebuilt from its CoNLL tokens, gold mentions as
character spans of that text.

Tokens are joined by spaces, one sentence a line, so a gold token span becomes a character span. The
files are ../shared/evaldata/ecbplus/by_subtopic/<sub>/annotation/original/ (see its SOURCE.txt):
`<sub>.conll.gz` (the tokens) and `{entity,event}_mentions_<sub>.json.gz` (the gold mentions).
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaldata  # noqa: E402

DATA = evaldata.path("ecbplus", "by_subtopic")   # $NEWSPRISM_EVALDATA, default ../shared/evaldata


@dataclass
class Subtopic:
    """One subtopic's documents: text per document, token offsets and the words of each sentence."""

    name: str
    texts: dict[str, str]
    offsets: dict[tuple[str, int, int], tuple[int, int]]    # (doc, sentence, token) -> (start, end)
    sentences: dict[tuple[str, int], list[str]] = field(default_factory=dict)

    def span(self, doc: str, sent: int, first: int, last: int) -> Optional[tuple[int, int]]:
        a, b = self.offsets.get((doc, sent, first)), self.offsets.get((doc, sent, last))
        return (a[0], b[1]) if a and b else None


def topic_of(sub: str) -> int:
    return int(re.match(r"\d+", sub).group(0))


def subtopics_by_topic(max_topic: int = 35, only: Optional[list[str]] = None,
                       root: Path = DATA) -> dict[int, list[Path]]:
    """{topic: [subtopic folders]} for topics 1..max_topic (or the listed topics) that exist."""
    out: dict[int, list[Path]] = defaultdict(list)
    for sub in sorted(root.iterdir()):
        if not sub.is_dir():
            continue
        t = topic_of(sub.name)
        if t <= max_topic and (not only or str(t) in only):
            out[t].append(sub)
    return dict(sorted(out.items()))


def read_conll(sub: Path) -> Subtopic:
    texts: dict[str, list[str]] = defaultdict(list)
    pos: dict[str, int] = defaultdict(int)
    offsets: dict[tuple[str, int, int], tuple[int, int]] = {}
    sentences: dict[tuple[str, int], list[str]] = defaultdict(list)
    last_sent: dict[str, int] = {}
    conll_path = next((sub / "annotation" / "original").glob("*.conll.gz"))
    for line in gzip.open(conll_path, "rt", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        key = cols[0].split("/")
        if key[1] != sub.name:
            continue   # the upstream CoNLL file of subtopic "3ecb" also holds topics 13 and 23: keep its own
        doc = f"{key[0]}_{key[2]}{key[1][len(key[0]):]}"   # "1/1ecb/10" -> "1_10ecb"
        sent, tok, token = int(cols[1]), int(cols[2]), cols[3]
        if texts[doc]:
            sep = "\n" if last_sent.get(doc) != sent else " "
            texts[doc].append(sep)
            pos[doc] += 1
        last_sent[doc] = sent
        offsets[(doc, sent, tok)] = (pos[doc], pos[doc] + len(token))
        sentences[(doc, sent)].append(token)
        texts[doc].append(token)
        pos[doc] += len(token)
    return Subtopic(sub.name, {d: "".join(p) for d, p in texts.items()}, offsets, dict(sentences))


def read_mentions(sub: Path, kind: str) -> list[dict]:
    """The raw gold mention records of one kind ("event" or "entity") of a subtopic."""
    path = next((sub / "annotation" / "original").glob(f"{kind}_mentions_*.json.gz"))
    return json.load(gzip.open(path, "rt", encoding="utf-8"))


def event_mentions(sub: Path, st: Subtopic) -> list[dict]:
    """Every gold event mention of the subtopic (ACTION_* and NEG_* types, singletons kept) as a character span
    of the rebuilt text: id, doc, topic, subtopic, start, end, chain, head lemma, the head's and each token's
    span, and the sentence it stands in (for lemmatizing its tokens in context)."""
    out = []
    for m in read_mentions(sub, "event"):
        doc, sent, toks = m["doc_id"], m["sent_id"], m["tokens_number"]
        if doc not in st.texts:
            continue
        span = st.span(doc, sent, toks[0], toks[-1])
        tok_spans = [st.offsets.get((doc, sent, t)) for t in toks]
        if span is None or None in tok_spans:
            continue
        head = st.offsets.get((doc, sent, m["mention_head_id"])) or tok_spans[0]
        out.append({"id": m["mention_id"], "doc": doc, "topic": topic_of(sub.name), "subtopic": sub.name,
                    "start": span[0], "end": span[1], "chain": m["coref_chain"],
                    "lemma": (m.get("mention_head_lemma") or "").lower(), "head": head, "tokens": tok_spans,
                    "token_ids": list(toks), "sent": sent, "type": m["mention_full_type"],
                    "singleton": bool(m.get("is_singleton")) or m["coref_chain"].startswith("Singleton")})
    return out
