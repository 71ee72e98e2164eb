"""Coreference scores shared by the entity evaluations: MUC, B-cubed, CEAF-e and their CoNLL
average, over gold chains and our chains aligned to gold mentions by span.

Mentions are hashable ids. `key` and `response` are lists of sets (chains). A gold mention our
run did not produce is missing from the response: it lowers recall. Our mentions that match no
gold mention are dropped before scoring (the gold sets code only some concepts).

A library, no command: imported by eval/entities_ecbplus.py and eval/entities_newswcl50.py.
"""
from __future__ import annotations

from typing import Hashable, Iterable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

Chain = set


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: Sequence[Chain], response: Sequence[Chain]) -> tuple[float, float, float]:
    def score(a: Sequence[Chain], b: Sequence[Chain]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("missing", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0
    r, p = score(key, response), score(response, key)
    return p, r, _f(p, r)


def b_cubed(key: Sequence[Chain], response: Sequence[Chain]) -> tuple[float, float, float]:
    def score(a: Sequence[Chain], b: Sequence[Chain]) -> float:
        where = {m: c for c in b for m in c}
        total = n = 0.0
        for c in a:
            for m in c:
                n += 1
                other = where.get(m)
                if other:
                    total += len(c & other) / len(c)
        return total / n if n else 0.0
    r, p = score(key, response), score(response, key)
    return p, r, _f(p, r)


def ceaf_e(key: Sequence[Chain], response: Sequence[Chain]) -> tuple[float, float, float]:
    if not key or not response:
        return 0.0, 0.0, 0.0
    sim = np.zeros((len(key), len(response)))
    for i, k in enumerate(key):
        for j, r in enumerate(response):
            inter = len(k & r)
            if inter:
                sim[i, j] = 2 * inter / (len(k) + len(r))
    rows, cols = linear_sum_assignment(-sim)
    total = sim[rows, cols].sum()
    p, r = total / len(response), total / len(key)
    return p, r, _f(p, r)


def conll(key: Sequence[Chain], response: Sequence[Chain]) -> dict[str, float]:
    m, b, c = muc(key, response), b_cubed(key, response), ceaf_e(key, response)
    return {"muc_f1": m[2], "bcubed_p": b[0], "bcubed_r": b[1], "bcubed_f1": b[2], "ceafe_f1": c[2],
            "conll_f1": (m[2] + b[2] + c[2]) / 3}


def align(gold: Iterable[tuple[Hashable, str, int, int]], ours: Iterable[tuple[str, int, int, str]],
          texts: dict[str, str]) -> dict[Hashable, str]:
    """gold: (mention id, doc, start, end); ours: (doc, start, end, chain id).
    Each gold mention takes the chain of our mention that contains it or lies inside it as its
    head (ending where the gold mention ends, or before "of ..." / ", ..."): "Mr. Kim" -> "Kim",
    but "North Korean leader" is not "North Korean". Largest overlap wins; each of our mentions
    serves one gold mention at most."""
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    for doc, s, e, chain in ours:
        by_doc.setdefault(doc, []).append((s, e, chain))
    used: set[tuple[str, int, int]] = set()
    out: dict[Hashable, str] = {}
    for mid, doc, gs, ge in sorted(gold, key=lambda g: (g[1], g[2], g[3])):
        best, best_ov = None, 0
        for s, e, chain in by_doc.get(doc, ()):
            if (doc, s, e) in used or not ((gs <= s and e <= ge) or (s <= gs and ge <= e)):
                continue
            rest = texts[doc][e:ge].lstrip()
            if e < ge and not (rest.startswith(("of ", ",", "(")) or rest in ("'s", "’s")):
                continue
            ov = min(e, ge) - max(s, gs)
            if ov > best_ov:
                best, best_ov = (s, e, chain), ov
        if best:
            used.add((doc, best[0], best[1]))
            out[mid] = best[2]
    return out


def chains(assign: dict[Hashable, str]) -> list[Chain]:
    groups: dict[str, set] = {}
    for m, c in assign.items():
        groups.setdefault(c, set()).add(m)
    return [groups[c] for c in sorted(groups)]


def run_entity_stages(docs: Sequence[tuple[str, str]], nlp, cfg, tag: str = "") -> list[tuple[str, int, int, str]]:
    """Our entity stages on (id, text) pairs: every mention as (doc, start, end, tag + corpus entity id)."""
    from newsprism.model import Document
    from newsprism.records import DocRecord
    from newsprism.resolve.entities import resolve
    from newsprism.resolve.mentions import component

    records = []
    for (doc_id, text), sdoc in zip(docs, nlp.pipe([t for _, t in docs], batch_size=16)):
        rec = DocRecord(doc=doc_id)
        component(Document(id=doc_id, text=text), sdoc, rec, cfg)
        records.append(rec)
    entities, _ = resolve(records, cfg)
    return [(m.doc, m.start, m.end, tag + e.id) for e in entities for m in e.mentions]
