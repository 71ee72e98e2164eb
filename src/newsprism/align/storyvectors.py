"""Story clustering's document vectors: weighted keys, TF-IDF, and the similarity of a document with an event."""
from __future__ import annotations

import math
from typing import Any, Callable, Iterable, Optional

from .storyevents import Arrival, Event, strongest


def idf(n_docs: int, df: int, prior: int) -> float:
    """The IDF of a key `df` of `n_docs` documents hold, counted from `prior` documents that hold none."""
    return math.log((n_docs + prior) / (df + 1))


def raw_weights(features: dict, entity_ids: Optional[list[str]], settings: Any) -> dict[str, float]:
    """Boosted log term frequencies of one document, before IDF (`settings`: the StoriesConfig)."""
    raw: dict[str, float] = {}

    def put(prefix: str, counts: dict[str, int] | Iterable[str], boost: float) -> None:
        if boost <= 0:
            return
        items = counts.items() if isinstance(counts, dict) else ((k, 1) for k in counts)
        for k, n in items:
            if n > 0:
                raw[prefix + k] = raw.get(prefix + k, 0.0) + (1.0 + math.log(n)) * boost

    put("w:", features.get("terms") or {}, 1.0)
    put("n:", features.get("names") or {}, float(settings.name_weight))
    put("t:", features.get("title_terms") or [], float(settings.title_weight))
    months: dict[str, int] = {}
    for d in features.get("dates") or []:
        if len(d) >= 7:
            months[d[:7]] = months.get(d[:7], 0) + 1
    put("d:", months, float(settings.date_weight))
    ids: dict[str, int] = {}
    for e in entity_ids or []:
        ids[e] = ids.get(e, 0) + 1
    put("i:", ids, float(settings.entity_weight))
    return raw


def doc_vector(raw: dict[str, float], idf_of: Callable[[str], float], max_terms: int) -> dict[str, float]:
    """Unit TF-IDF vector over the document's `max_terms` strongest keys."""
    weighted = {k: w * idf_of(k) for k, w in raw.items()}
    top = strongest(weighted, max_terms)
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {k: w / norm for k, w in top}


def unit_weights(raw: dict[str, float], vec: dict[str, float]) -> dict[str, float]:
    """What a document adds to its event's centroid: its raw weights over its vector's keys, unit length
    (IDF is applied when comparing, so the centroid follows the IDF as it changes)."""
    kept = {k: raw[k] for k in vec}
    norm = math.sqrt(sum(w * w for w in kept.values())) or 1.0
    return {k: w / norm for k, w in kept.items()}


def with_vectors(arr: Arrival, idf_of: Callable[[str], float], settings: Any) -> Arrival:
    """Fill what placing a document reads of it under one IDF (fixed while a batch is placed): the centroid
    share (`unit`), the query weights (the unit TF-IDF vector times IDF once more) and the lookup keys."""
    vec = doc_vector(arr.raw, idf_of, int(settings.max_doc_terms))
    arr.unit = unit_weights(arr.raw, vec)
    arr.query = {k: w * idf_of(k) for k, w in vec.items()}
    arr.lookup = strongest(vec, int(settings.query_keys))
    arr.ready = True
    return arr


class StoryVectors:
    """The vector half of `StoryIndex` (a mixin): keys, IDF over the documents counted so far, cosines."""

    s: Any                       # the index's StoriesConfig
    n_docs: int
    df: dict[str, int]
    _idf_memo: dict[str, float]

    def _idf(self, key: str) -> float:
        """IDF, memoized until the next batch changes the counts. A key every document of a large collection
        has weighs nothing: it says nothing about which event a document tells. A few documents cannot show
        that a word is common, so the count starts from `idf_prior_docs` documents that hold none of them."""
        v = self._idf_memo.get(key)
        if v is None:
            v = self._idf_memo[key] = idf(self.n_docs, self.df.get(key, 0), int(self.s.idf_prior_docs))
        return v

    def _weighted(self, centroid: dict[str, float]) -> dict[str, float]:
        """Each key's weight times its IDF (the memo read directly: this runs over every centroid a join touches)."""
        get, idf_of = self._idf_memo.get, self._idf
        return {k: w * (get(k) or idf_of(k)) for k, w in centroid.items()}

    def _raw(self, features: dict, entity_ids: Optional[list[str]]) -> dict[str, float]:
        return raw_weights(features, entity_ids, self.s)

    def _vector(self, raw: dict[str, float]) -> dict[str, float]:
        return doc_vector(raw, self._idf, int(self.s.max_doc_terms))

    def _unit(self, raw: dict[str, float], vec: dict[str, float]) -> dict[str, float]:
        return unit_weights(raw, vec)

    def _centroid_norm(self, ev: Event) -> float:
        """|centroid| under the current IDF, refreshed when the event changed or the corpus doubled."""
        if ev.norm_n == 0 or self.n_docs > ev.norm_n * 2 + 4:
            ev.norm = math.sqrt(sum(x ** 2 for x in self._weighted(ev.centroid).values())) or 1.0
            ev.norm_n = self.n_docs
        return ev.norm

    def _blend(self, sim: float, dense: Optional[list[float]], emb: list[float]) -> float:
        """With a dense vector for both, its cosine with the event's mean vector is blended in."""
        if not (dense and emb):
            return sim
        weight, floor = float(self.s.embedding_weight), float(self.s.embedding_floor)
        norm = math.sqrt(sum(x * x for x in emb)) or 1.0
        cos = sum(a * b for a, b in zip(dense, emb)) / norm
        # any two news texts score well above 0 here; below the floor they are merely both news
        return (1.0 - weight) * sim + weight * max(0.0, cos - floor) / (1.0 - floor)

    def _similarity(self, query: dict[str, float], ev: Event, dense: Optional[list[float]] = None) -> float:
        """Cosine of a document with an event's centroid under the current IDF; `query` holds the
        unit TF-IDF vector's weights multiplied by IDF once more (the centroid's share)."""
        c = ev.centroid
        sim = sum(w * c[k] for k, w in query.items() if k in c) / self._centroid_norm(ev)
        return self._blend(sim, dense, ev.emb)

    def _similarity_without(self, query: dict[str, float], ev: Event, arr: Arrival,
                            dense: Optional[list[float]]) -> float:
        """The similarity with the event as it would be without this document (its own vote taken out)."""
        c, u_get, get, idf = ev.centroid, arr.unit.get, self._idf_memo.get, self._idf
        # the centroid less the document's share, key by key in the centroid's order (the sums stay the same
        # floating-point sums whatever the speed-up): `r` is its weight once the document is taken out
        norm = math.sqrt(sum((r * (get(k) or idf(k))) ** 2 for k, w in c.items() if (r := w - u_get(k, 0.0)) > 1e-9))
        if norm <= 1e-9:
            return 0.0
        sim = sum(w * r for k, w in query.items() if k in c and (r := c[k] - u_get(k, 0.0)) > 1e-9) / norm
        emb = [a - b for a, b in zip(ev.emb, dense)] if (dense and ev.emb and ev.emb_n > 1) else []
        return self._blend(sim, dense, emb)

    def _dense(self, features: dict) -> Optional[list[float]]:
        """The document's dense vector when embeddings are on and it has one."""
        return (features.get("embedding") or None) if self.s.embeddings else None
