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
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Document, NearDuplicate

if TYPE_CHECKING:
    from ..config import Config

SEED = 1  # fixed: the same text gives the same signature in every process
# constants of the shingle hash (any odd 64-bit multipliers would do; fixed for determinism)
_BASE, _MIX = np.uint64(0x100000001B3), np.uint64(0x9E3779B97F4A7C15)
_ONE, _S29, _S32 = np.uint64(1), np.uint64(29), np.uint64(32)
# LSH band shape weighs missed pairs (false negatives) against extra candidates. Candidates
# are verified exactly, so a miss costs far more: with datasketch's even weights only 40% of
# pairs right at the threshold would share a bucket; with these, about 98%.
_LSH_WEIGHTS = (0.01, 0.99)
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Casefolded word tokens; punctuation, quote styles and spacing do not count."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def text_key(text: str) -> str:
    """Hash of the text as words only: equal for the same article scraped twice."""
    return _key(words(text))


def shingles(text: str, size: int) -> set[str]:
    """Runs of `size` consecutive words; a text shorter than that is one shingle."""
    return _shingles(words(text), size)


def minhash(text: str, cfg: "Config") -> MinHash:
    """MinHash signature of the text's word shingles (pure: a Spark job can map it)."""
    return _signature(_shingle_hashes(words(text), cfg.dedup.shingle_words), cfg.dedup.num_perm)


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
        documents[i].model_copy(
            update={"sources": merged_sources[n], "near_duplicates": [],
                    "removed": list(documents[i].removed), "notes": list(documents[i].notes)}
        )
        for n, i in enumerate(kept)
    ]
    links = _near_pairs([documents[i].text for i in kept], cfg)
    for n, neighbours in links.items():
        out[n].near_duplicates = sorted(
            (NearDuplicate(doc=out[m].id, similarity=sim) for m, sim in neighbours),
            key=lambda link: (-link.similarity, link.doc),
        )
    return out


def _key(tokens: list[str]) -> str:
    return hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=16).hexdigest()


def _shingles(tokens: list[str], size: int) -> set[str]:
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def _shingle_hashes(tokens: list[str], size: int) -> np.ndarray:
    """Sorted distinct 32-bit hashes of the word shingles: the MinHash input, and (barring
    collisions) the exact shingle Jaccard in a fraction of the memory of the strings.

    Each distinct word is hashed once (crc32) and a shingle's hash is a polynomial of its
    words' hashes, computed for all windows at once; a hash call per shingle costs 10x more.
    """
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    seen: dict[str, int] = {}
    word = np.fromiter(
        (seen[t] if t in seen else seen.setdefault(t, zlib.crc32(t.encode("utf-8"))) for t in tokens),
        dtype=np.uint64, count=len(tokens),
    )
    width = min(size, len(tokens))
    windows = len(tokens) - width + 1
    h = np.zeros(windows, dtype=np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        for k in range(width):
            h = h * _BASE + word[k:k + windows] + _ONE
        h ^= h >> _S29
        h *= _MIX
        h ^= h >> _S32
    return np.unique(h >> _S32)  # the well-mixed high half: 32 bits, as the MinHash scheme expects


def _given_hash(value: int) -> int:
    """The MinHash 'hash function' for values that are already hashes."""
    return value


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=SEED)  # its permutations are drawn once, not per document


_BATCH = 1 << 15  # hashes per MinHash update: datasketch holds num_perm x batch values at once


def _signature(hashes: np.ndarray, num_perm: int) -> MinHash:
    """The MinHash of the hashes, fed in batches: the minimum over batches is the minimum over all, and
    memory stays flat for a text of millions of shingles (one batch of a 19 MB text was 3 GB)."""
    t = _template(num_perm)
    m = MinHash(num_perm=num_perm, seed=SEED, hashfunc=_given_hash, permutations=t.permutations, scheme=t.scheme)
    for start in range(0, hashes.size, _BATCH):
        m.update_batch(hashes[start:start + _BATCH].tolist())
    return m


def _merge_exact(documents: list[Document]) -> tuple[list[int], list[list[str]]]:
    """Indices of the documents kept, and each one's merged sources."""
    kept: list[int] = []
    sources: list[list[str]] = []
    first_by_key: dict[str, int] = {}
    for i, doc in enumerate(documents):
        own = list(doc.sources) or ([doc.source] if doc.source else [])
        tokens = words(doc.text)
        key = _key(tokens) if tokens else None
        if key is not None and key in first_by_key:
            merged = sources[first_by_key[key]]
            merged.extend(s for s in own if s not in merged)
            continue
        if key is not None:
            first_by_key[key] = len(kept)
        kept.append(i)
        sources.append(list(dict.fromkeys(own)))
    return kept, sources


def _lsh_index(threshold: float, num_perm: int) -> MinHashLSH:
    """An LSH index for `threshold`; above what the permutations allow (datasketch needs two
    bands) it is built for a lower one: only more candidates, all checked exactly anyway."""
    candidate_threshold = threshold
    while True:
        try:
            return MinHashLSH(threshold=candidate_threshold, num_perm=num_perm, weights=_LSH_WEIGHTS)
        except ValueError:
            if candidate_threshold <= 0.1:
                raise
            candidate_threshold = max(0.1, candidate_threshold - 0.05)


def _near_pairs(texts: list[str], cfg: "Config") -> dict[int, list[tuple[int, float]]]:
    """For each text index, the (index, Jaccard) of texts at or above the threshold.

    Nothing per document is kept but its LSH band keys: tokens are cut again (cheap) for
    the few documents that share a bucket, so memory stays flat at 100k documents."""
    threshold, size = cfg.dedup.near_threshold, cfg.dedup.shingle_words
    lsh = _lsh_index(threshold, cfg.dedup.num_perm)
    candidates: list[tuple[int, int]] = []
    for i, text in enumerate(texts):
        hashes = _shingle_hashes(words(text), size)
        if not hashes.size:
            continue
        m = _signature(hashes, cfg.dedup.num_perm)
        # query before inserting: each pair is seen once, from its later document
        candidates.extend((int(j), i) for j in lsh.query(m))
        lsh.insert(str(i), m)

    # shingles are hashed again only for documents that share a bucket with another
    memo: dict[int, np.ndarray] = {}

    def hashed(i: int) -> np.ndarray:
        if i not in memo:
            memo[i] = _shingle_hashes(words(texts[i]), size)
        return memo[i]

    links: dict[int, list[tuple[int, float]]] = {}
    for i, j in sorted(candidates):
        a, b = hashed(i), hashed(j)
        shared = np.intersect1d(a, b, assume_unique=True).size
        sim = shared / (a.size + b.size - shared)
        if sim >= threshold:
            links.setdefault(i, []).append((j, round(sim, 3)))
            links.setdefault(j, []).append((i, round(sim, 3)))
    return links
