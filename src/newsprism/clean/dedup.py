"""Exact and near-duplicate documents: merge the first, link the second, drop nothing else.

The same article read twice (a file and its copy, a page scraped on two days) becomes one
document that lists every source. Two versions of one story (a wire copy with a new headline
and an edited sentence) stay separate documents linked both ways, with the Jaccard similarity
of their word shingles. Candidates come from MinHash LSH buckets, never from all pairs, so
100k documents take time linear in their length.

    >>> from newsprism.config import Config
    >>> from newsprism.model import Document
    >>> a = Document(id="a", source="a.txt", text="Rain closed the pass on Friday.")
    >>> b = Document(id="b", source="b.html", text="rain closed the pass, on Friday")
    >>> [(d.id, d.sources) for d in dedup([a, b], Config())]
    [('a', ['a.txt', 'b.html'])]
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

from datasketch import MinHash, MinHashLSH

from ..model import Document, NearDuplicate

if TYPE_CHECKING:
    from ..config import Config

SEED = 1  # fixed: the same text gives the same signature in every process
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Casefolded word tokens; punctuation, quote styles and spacing do not count."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def text_key(text: str) -> str:
    """Hash of the text as words only: equal for the same article scraped twice."""
    return hashlib.blake2b(" ".join(words(text)).encode("utf-8"), digest_size=16).hexdigest()


def shingles(text: str, size: int) -> set[str]:
    """Runs of `size` consecutive words; a text shorter than that is one shingle."""
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def minhash(text: str, cfg: "Config") -> MinHash:
    """MinHash signature of the text's word shingles (pure: a Spark job can map it)."""
    m = MinHash(num_perm=cfg.dedup.num_perm, seed=SEED)
    m.update_batch([s.encode("utf-8") for s in sorted(shingles(text, cfg.dedup.shingle_words))])
    return m


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def dedup(documents: list[Document], cfg: "Config") -> list[Document]:
    """Merge exact duplicates into the first of them; link near-duplicates both ways.

    Returns new Document objects in input order (the inputs are not changed). A merged
    document's `sources` is the union of its copies' sources, in order. `near_duplicates`
    lists every document whose shingle Jaccard similarity reaches cfg.dedup.near_threshold,
    most similar first (ties by id). Documents without words are never merged or linked.
    """
    kept, merged_sources = _merge_exact(documents)
    out = [
        d.model_copy(update={"sources": merged_sources[i], "near_duplicates": [], "removed": list(d.removed), "notes": list(d.notes)})
        for i, d in enumerate(kept)
    ]
    links = _near_pairs([d.text for d in out], cfg)
    for i, neighbours in links.items():
        out[i].near_duplicates = sorted(
            (NearDuplicate(doc=out[j].id, similarity=sim) for j, sim in neighbours),
            key=lambda n: (-n.similarity, n.doc),
        )
    return out


def _merge_exact(documents: list[Document]) -> tuple[list[Document], list[list[str]]]:
    kept: list[Document] = []
    sources: list[list[str]] = []
    first_by_key: dict[str, int] = {}
    for doc in documents:
        own = list(doc.sources) or ([doc.source] if doc.source else [])
        key = text_key(doc.text) if words(doc.text) else None
        if key is not None and key in first_by_key:
            merged = sources[first_by_key[key]]
            merged.extend(s for s in own if s not in merged)
            continue
        if key is not None:
            first_by_key[key] = len(kept)
        kept.append(doc)
        sources.append(list(dict.fromkeys(own)))
    return kept, sources


def _lsh_index(threshold: float, num_perm: int) -> MinHashLSH:
    """An LSH index for `threshold`; above what the permutations allow (datasketch needs two
    bands) it is built for a lower one: only more candidates, all checked exactly anyway."""
    candidate_threshold = threshold
    while True:
        try:
            return MinHashLSH(threshold=candidate_threshold, num_perm=num_perm)
        except ValueError:
            if candidate_threshold <= 0.1:
                raise
            candidate_threshold = max(0.1, candidate_threshold - 0.05)


def _near_pairs(texts: list[str], cfg: "Config") -> dict[int, list[tuple[int, float]]]:
    """For each text index, the (index, Jaccard) of texts at or above the threshold."""
    threshold = cfg.dedup.near_threshold
    lsh = _lsh_index(threshold, cfg.dedup.num_perm)
    candidates: list[tuple[int, int]] = []
    for i, text in enumerate(texts):
        if not words(text):
            continue
        m = minhash(text, cfg)
        # query before inserting: each pair is seen once, from its later document
        candidates.extend((int(j), i) for j in lsh.query(m))
        lsh.insert(str(i), m)
    shingle_sets: dict[int, set[str]] = {}  # only documents that share a bucket with another

    def shingle_set(i: int) -> set[str]:
        if i not in shingle_sets:
            shingle_sets[i] = shingles(texts[i], cfg.dedup.shingle_words)
        return shingle_sets[i]

    links: dict[int, list[tuple[int, float]]] = {}
    for i, j in sorted(candidates):
        sim = jaccard(shingle_set(i), shingle_set(j))
        if sim >= threshold:
            links.setdefault(i, []).append((j, round(sim, 3)))
            links.setdefault(j, []).append((i, round(sim, 3)))
    return links
