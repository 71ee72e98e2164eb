"""Incremental story clustering: documents join events, events join storylines.

A document becomes a sparse vector of weighted keys (content lemmas, names, resolved entity ids,
title words, months it mentions), weighted by TF-IDF. It joins the most similar *active* event
whose time span it fits, or starts a new one. Candidate events come from an inverted index over
each event's top keys, split into time buckets of `event_window_days`, so a document is only
compared with events of its own weeks. Buckets older than `retention_days` behind the newest
publication date are retired: their events keep their documents and title but leave the index.

Documents arrive in batches (`add_many`; `add` is a batch of one), and a batch is placed as one:
- document frequencies count the whole batch before any of it is placed, so the first documents
  of a collection are not weighed by an IDF of a handful of texts (on which every word looks
  rare, and reports that merely share a protagonist look like one event);
- after every document is placed, each gets a second look with its own vote taken out of its
  event: a report placed before the other reports of its event arrived moves to them;
- events leave the index only after the batch, so an undated document (placed after the dated
  ones) can still join the event its dated sister reports formed years before the batch's end.

Events are linked into storylines the same way with a coarser, longer index over a small
signature of each event; linked events share a parent story.

Documents without a publication date still cluster by content. Where the text writes out
calendar dates with a year, the latest one bounds when it can have been written, and the
document is kept away from events far from that time.
"""
from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Optional

from ..model import Story
from .storytime import iso, latest_day, ordinal, written_after

UNDATED = "u"        # the bucket of events that have no dated document
STATE_VERSION = 2
Row = tuple  # (doc_id, features, published or None, entity ids or None)


@dataclass
class _Event:
    num: int                                     # story id number: "s<num>"
    docs: list[str] = field(default_factory=list)
    days: list[Optional[int]] = field(default_factory=list)    # each member's publication day
    nameds: list[Optional[int]] = field(default_factory=list)  # each undated member's latest named day
    first: Optional[int] = None                  # ordinal days of the earliest / latest dated member
    last: Optional[int] = None
    named: Optional[list[int]] = None            # range of the latest days its undated members name
    centroid: dict[str, float] = field(default_factory=dict)   # sum of members' unit raw vectors
    norm: float = 0.0                            # |centroid * idf|, computed when n_docs was norm_n
    norm_n: int = 0
    keys: list[str] = field(default_factory=list)              # keys it is indexed under
    buckets: list[str] = field(default_factory=list)           # time buckets it is indexed in
    titles: list[tuple[str, list[str]]] = field(default_factory=list)   # candidate headlines
    title: Optional[str] = None                  # fixed when the event is retired
    sig: dict[str, float] = field(default_factory=dict)        # storyline signature (unit, idf-weighted)
    lbuckets: list[str] = field(default_factory=list)          # storyline buckets it is indexed in
    lkeys: list[str] = field(default_factory=list)
    active: bool = True
    emb: list[float] = field(default_factory=list)  # sum of members' dense vectors (stories.embeddings)
    emb_n: int = 0                               # members that had one

    def refresh_span(self) -> None:
        """first / last / named from the members (after one left)."""
        days = [d for d in self.days if d is not None]
        self.first, self.last = (min(days), max(days)) if days else (None, None)
        named = [d for d in self.nameds if d is not None]
        self.named = [min(named), max(named)] if named else None


@dataclass
class _Arrival:
    """A document of the batch being placed, with what it added to its event."""
    doc_id: str
    features: dict
    day: Optional[int]
    est: Optional[tuple[int, int]]               # when an undated text was probably written
    named: Optional[int]                         # the latest full day an undated text names
    raw: dict[str, float]
    unit: dict[str, float] = field(default_factory=dict)


# _Event fields that only the optional embeddings fill: left out of the state while empty
_EMB_FIELDS = ("emb", "emb_n")


def _top(weights: dict[str, float], n: int) -> list[tuple[str, float]]:
    """The n heaviest items, ties by key (the order `sorted` would give)."""
    if len(weights) <= n:
        return sorted(weights.items(), key=_heaviest)
    return heapq.nsmallest(n, weights.items(), key=_heaviest)


def _heaviest(kv: tuple[str, float]) -> tuple[float, str]:
    return -kv[1], kv[0]


def _event_state(ev: _Event) -> dict:
    state = asdict(ev)
    for name in _EMB_FIELDS:
        if not state[name]:
            del state[name]       # states written without embeddings stay as they were
    return state


def _drop_postings(postings: dict[str, dict[str, list[int]]], buckets: list[str], keys: list[str], ev_i: int) -> None:
    """Remove an event from the posting lists of its buckets and keys (empty lists are deleted)."""
    for b in buckets:
        post = postings.get(b)
        if not post:
            continue
        for k in keys:
            lst = post.get(k)
            if lst and ev_i in lst:
                lst.remove(ev_i)
                if not lst:
                    del post[k]


class StoryIndex:
    """Events and storylines over a stream of documents; see the module docstring."""

    def __init__(self, cfg: Any) -> None:
        self.cfg = cfg
        self.s = cfg.stories                         # every setting read below is a field of StoriesConfig
        self.window = int(self.s.event_window_days)
        self.n_docs = 0
        self.df: dict[str, int] = {}
        self.clock: Optional[int] = None            # newest publication day seen
        self.counter = 0                             # story id numbers, shared by events and storylines
        self.events: list[_Event] = []
        self.doc_event: dict[str, int] = {}
        self.parent: list[int] = []                  # union-find over events: storylines
        self.line_id: dict[int, int] = {}            # storyline root -> its story id number
        self.undated: OrderedDict[int, None] = OrderedDict()   # active undated events, least recent first
        self._post: dict[str, dict[str, list[int]]] = {}
        self._lpost: dict[str, dict[str, list[int]]] = {}
        self._bucket_events: dict[str, list[int]] = {}
        self._idf_memo: dict[str, float] = {}

    # -- document vectors ------------------------------------------------------------
    def _idf(self, key: str) -> float:
        """IDF, memoized until the next batch changes the counts. A key every document of a large collection
        has weighs nothing: it says nothing about which event a document tells. A few documents cannot show
        that a word is common, so the count starts from `idf_prior_docs` documents that hold none of them."""
        v = self._idf_memo.get(key)
        if v is None:
            prior = int(self.s.idf_prior_docs)
            v = self._idf_memo[key] = math.log((self.n_docs + prior) / (self.df.get(key, 0) + 1))
        return v

    def _raw(self, features: dict, entity_ids: Optional[list[str]]) -> dict[str, float]:
        """Boosted log term frequencies, before IDF."""
        raw: dict[str, float] = {}

        def put(prefix: str, counts: dict[str, int] | Iterable[str], boost: float) -> None:
            if boost <= 0:
                return
            items = counts.items() if isinstance(counts, dict) else ((k, 1) for k in counts)
            for k, n in items:
                if n > 0:
                    raw[prefix + k] = raw.get(prefix + k, 0.0) + (1.0 + math.log(n)) * boost

        put("w:", features.get("terms") or {}, 1.0)
        put("n:", features.get("names") or {}, float(self.s.name_weight))
        put("t:", features.get("title_terms") or [], float(self.s.title_weight))
        months: dict[str, int] = {}
        for d in features.get("dates") or []:
            if len(d) >= 7:
                months[d[:7]] = months.get(d[:7], 0) + 1
        put("d:", months, float(self.s.date_weight))
        ids: dict[str, int] = {}
        for e in entity_ids or []:
            ids[e] = ids.get(e, 0) + 1
        put("i:", ids, float(self.s.entity_weight))
        return raw

    def _vector(self, raw: dict[str, float]) -> dict[str, float]:
        """Unit TF-IDF vector over the document's strongest keys."""
        weighted = {k: w * self._idf(k) for k, w in raw.items()}
        top = _top(weighted, int(self.s.max_doc_terms))
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {k: w / norm for k, w in top}

    def _unit(self, raw: dict[str, float], vec: dict[str, float]) -> dict[str, float]:
        """What a document adds to its event's centroid: its raw weights over its vector's keys, unit length
        (IDF is applied when comparing, so the centroid follows the IDF as it changes)."""
        kept = {k: raw[k] for k in vec}
        norm = math.sqrt(sum(w * w for w in kept.values())) or 1.0
        return {k: w / norm for k, w in kept.items()}

    def _centroid_norm(self, ev: _Event) -> float:
        """|centroid| under the current IDF, refreshed when the event changed or the corpus doubled."""
        if ev.norm_n == 0 or self.n_docs > ev.norm_n * 2 + 4:
            ev.norm = math.sqrt(sum((w * self._idf(k)) ** 2 for k, w in ev.centroid.items())) or 1.0
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

    def _similarity(self, query: dict[str, float], ev: _Event, dense: Optional[list[float]] = None) -> float:
        """Cosine of a document with an event's centroid under the current IDF; `query` holds the
        unit TF-IDF vector's weights multiplied by IDF once more (the centroid's share)."""
        c = ev.centroid
        sim = sum(w * c[k] for k, w in query.items() if k in c) / self._centroid_norm(ev)
        return self._blend(sim, dense, ev.emb)

    def _similarity_without(self, query: dict[str, float], ev: _Event, arr: _Arrival,
                            dense: Optional[list[float]]) -> float:
        """The similarity with the event as it would be without this document (its own vote taken out)."""
        c, u = ev.centroid, arr.unit
        rest = {k: w - u.get(k, 0.0) for k, w in c.items()}
        norm = math.sqrt(sum((w * self._idf(k)) ** 2 for k, w in rest.items() if w > 1e-9))
        if norm <= 1e-9:
            return 0.0
        sim = sum(w * rest[k] for k, w in query.items() if rest.get(k, 0.0) > 1e-9) / norm
        emb = [a - b for a, b in zip(ev.emb, dense)] if (dense and ev.emb and ev.emb_n > 1) else []
        return self._blend(sim, dense, emb)

    def _dense(self, features: dict) -> Optional[list[float]]:
        """The document's dense vector when embeddings are on and it has one."""
        return (features.get("embedding") or None) if self.s.embeddings else None

    # -- time ----------------------------------------------------------------------
    def _buckets_between(self, lo: int, hi: int) -> list[str]:
        return [str(b) for b in range(lo // self.window, hi // self.window + 1)]

    def _fits(self, ev: _Event, arr: _Arrival) -> bool:
        w = self.window
        day, est = arr.day, arr.est
        if ev.first is None or ev.last is None:
            # an undated event still knows the latest days its texts name: a text naming (or published on)
            # a day far from those is about another occasion
            probe = day if day is not None else arr.named
            if probe is None or ev.named is None:
                return True
            slack = w + int(self.s.undated_slack_days)
            return ev.named[0] - slack <= probe <= ev.named[1] + slack
        if day is not None:
            span = max(ev.last, day) - min(ev.first, day)
            return ev.first - w <= day <= ev.last + w and span <= int(self.s.max_event_span_days)
        if est is not None:
            return ev.first - w <= est[1] and ev.last + w >= est[0]
        return True

    def _query_buckets(self, day: Optional[int], est: Optional[tuple[int, int]]) -> list[str]:
        w = self.window
        if day is not None:
            out = self._buckets_between(day - w, day + w)
        elif est is not None and (est[1] - est[0]) // w < 80:
            out = self._buckets_between(est[0] - w, est[1] + w)
        else:
            out = sorted((b for b in self._post if b != UNDATED), key=int)
        return [b for b in out if b in self._post] + ([UNDATED] if UNDATED in self._post else [])

    # -- the index ---------------------------------------------------------------
    def _unindex(self, ev_i: int) -> None:
        ev = self.events[ev_i]
        _drop_postings(self._post, ev.buckets, ev.keys, ev_i)
        for b in ev.buckets:
            members = self._bucket_events.get(b)
            if members and ev_i in members:
                members.remove(ev_i)
        ev.keys, ev.buckets = [], []

    def _index(self, ev_i: int) -> None:
        ev = self.events[ev_i]
        eff = {k: w * self._idf(k) for k, w in ev.centroid.items()}
        ev.keys = [k for k, _ in _top(eff, int(self.s.index_keys))]
        ev.buckets = self._buckets_between(ev.first, ev.last) if ev.first is not None else [UNDATED]
        for b in ev.buckets:
            post = self._post.setdefault(b, {})
            for k in ev.keys:
                post.setdefault(k, []).append(ev_i)
            self._bucket_events.setdefault(b, []).append(ev_i)

    def _candidates(self, vec: dict[str, float], day: Optional[int], est: Optional[tuple[int, int]]) -> list[int]:
        scores: dict[int, float] = {}
        query = _top(vec, int(self.s.query_keys))
        cap = int(self.s.max_candidates)
        for b in self._query_buckets(day, est):
            post = self._post[b]
            for k, w in query:
                lst = post.get(k)
                if lst:
                    for ev_i in (lst if len(lst) <= cap else lst[-cap:]):   # a common key: its latest events
                        scores[ev_i] = scores.get(ev_i, 0.0) + w
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [ev_i for ev_i, _ in ranked[: int(self.s.max_candidates)]]

    # -- adding ------------------------------------------------------------------
    def add(self, doc_id: str, features: dict, published: Optional[str] = None,
            entity_ids: Optional[list[str]] = None) -> str:
        """Put one document into an event (an existing one or a new one); returns the event's story id."""
        return self.add_many([(doc_id, features, published, entity_ids)])[0]

    def add_many(self, rows: Iterable[Row]) -> list[str]:
        """Place a batch of (doc_id, features, published, entity_ids) in the given order (see the module
        docstring); returns each row's story id. Documents seen before keep their event."""
        rows = list(rows)
        batch: list[_Arrival] = []
        seen: set[str] = set()
        for doc_id, features, published, entity_ids in rows:
            if doc_id in self.doc_event or doc_id in seen:
                continue
            seen.add(doc_id)
            batch.append(self._arrival(doc_id, features, published, entity_ids))
        for arr in batch:
            self.n_docs += 1
            for k in arr.raw:
                self.df[k] = self.df.get(k, 0) + 1
        self._idf_memo = {}
        clock = self.clock
        for arr in batch:
            self._place(arr)
        if len(batch) > 1:
            for _ in range(int(self.s.review_passes)):
                if not sum(self._reconsider(arr) for arr in batch):     # until no document moves
                    break
        if self.clock is not None and self.clock != clock:
            self._retire()
        self._evict_undated()
        self._prune_df()
        return [f"s{self.events[self.doc_event[row[0]]].num}" for row in rows]

    def _arrival(self, doc_id: str, features: dict, published: Optional[str],
                 entity_ids: Optional[list[str]]) -> _Arrival:
        day = ordinal(published or features.get("published"))
        dates = features.get("dates") or []
        est = None if day is not None else written_after(dates, int(self.s.undated_slack_days))
        named = None if day is not None else latest_day(dates)
        return _Arrival(doc_id, features, day, est, named, self._raw(features, entity_ids))

    def _best(self, arr: _Arrival, vec: dict[str, float], query: dict[str, float],
              dense: Optional[list[float]], skip: int = -1) -> tuple[Optional[int], float]:
        """The most similar candidate event the document fits, at or above the threshold."""
        best, best_sim = None, float(self.s.event_threshold)
        for ev_i in self._candidates(vec, arr.day, arr.est):
            ev = self.events[ev_i]
            if ev_i == skip or not self._fits(ev, arr):
                continue
            sim = self._similarity(query, ev, dense)
            if sim >= best_sim:
                best, best_sim = ev_i, sim
        return best, best_sim

    def _place(self, arr: _Arrival) -> None:
        vec = self._vector(arr.raw)
        arr.unit = self._unit(arr.raw, vec)
        best, _ = self._best(arr, vec, {k: w * self._idf(k) for k, w in vec.items()}, self._dense(arr.features))
        self._join(self._new_event() if best is None else best, arr)
        if arr.day is not None and (self.clock is None or arr.day > self.clock):
            self.clock = arr.day

    def _reconsider(self, arr: _Arrival) -> bool:
        """The second look: compare the document with its own event as it would be without it, and with
        every other candidate; move it when another event is closer, or alone when none is close enough."""
        here = self.doc_event[arr.doc_id]
        ev = self.events[here]
        if not ev.active:
            return False
        vec = self._vector(arr.raw)
        query = {k: w * self._idf(k) for k, w in vec.items()}
        dense = self._dense(arr.features)
        best, best_sim = self._best(arr, vec, query, dense, skip=here)
        alone = len(ev.docs) == 1
        stay = 0.0 if alone else self._similarity_without(query, ev, arr, dense)
        if best is not None and best_sim > stay:
            target = best
        elif alone or stay >= float(self.s.event_threshold):
            return False
        else:
            target = self._new_event()
        self._leave(here, arr)
        self._join(target, arr)
        return True

    def _new_event(self) -> int:
        self.counter += 1
        self.events.append(_Event(num=self.counter))
        self.parent.append(len(self.events) - 1)
        return len(self.events) - 1

    def _join(self, ev_i: int, arr: _Arrival) -> None:
        ev = self.events[ev_i]
        self._unindex(ev_i)
        for k, w in arr.unit.items():
            ev.centroid[k] = ev.centroid.get(k, 0.0) + w
        limit = int(self.s.max_centroid_terms)
        if len(ev.centroid) > limit:
            eff = {k: w * self._idf(k) for k, w in ev.centroid.items()}
            ev.centroid = {k: ev.centroid[k] for k, _ in _top(eff, limit)}
        ev.norm_n = 0
        ev.docs.append(arr.doc_id)
        ev.days.append(arr.day)
        ev.nameds.append(arr.named)
        if arr.day is not None:
            ev.first = arr.day if ev.first is None else min(ev.first, arr.day)
            ev.last = arr.day if ev.last is None else max(ev.last, arr.day)
        if arr.named is not None:
            ev.named = [arr.named, arr.named] if ev.named is None else [min(ev.named[0], arr.named), max(ev.named[1], arr.named)]
        dense = self._dense(arr.features)
        if dense:
            ev.emb = [a + b for a, b in zip(ev.emb, dense)] if ev.emb else list(dense)
            ev.emb_n += 1
        title = arr.features.get("title")
        if title and len(ev.titles) < 50:
            ev.titles.append((title, list(arr.features.get("title_terms") or [])))
        self.doc_event[arr.doc_id] = ev_i
        self._index(ev_i)
        self._note_undated(ev_i)
        n = len(ev.docs)
        if n & (n - 1) == 0:           # sizes 1, 2, 4, 8...: the event's signature has changed enough
            self._link(ev_i)

    def _leave(self, ev_i: int, arr: _Arrival) -> None:
        """Take a document of the current batch out of its event (undoing its `_join`)."""
        ev = self.events[ev_i]
        self._unindex(ev_i)
        at = ev.docs.index(arr.doc_id)
        del ev.docs[at], ev.days[at], ev.nameds[at]
        ev.refresh_span()
        ev.centroid = {k: w - arr.unit.get(k, 0.0) for k, w in ev.centroid.items() if w - arr.unit.get(k, 0.0) > 1e-9}
        ev.norm_n = 0
        dense = self._dense(arr.features)
        if dense and ev.emb:
            ev.emb_n -= 1
            ev.emb = [a - b for a, b in zip(ev.emb, dense)] if ev.emb_n else []
        title = arr.features.get("title")
        entry = (title, list(arr.features.get("title_terms") or []))
        if title and entry in ev.titles:
            ev.titles.remove(entry)
        if not ev.docs:
            self._lunindex(ev_i)
            ev.sig = {}
            self._finalize(ev_i)
            return
        self._index(ev_i)
        self._note_undated(ev_i)

    def _note_undated(self, ev_i: int) -> None:
        if self.events[ev_i].first is None:
            self.undated[ev_i] = None
            self.undated.move_to_end(ev_i)
        else:
            self.undated.pop(ev_i, None)

    # -- storylines ---------------------------------------------------------------
    def _signature(self, ev: _Event) -> dict[str, float]:
        eff = {k: w * self._idf(k) for k, w in ev.centroid.items()}
        top = _top(eff, int(self.s.signature_terms))
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {k: w / norm for k, w in top}

    def _lbuckets(self, lo: int, hi: int) -> list[str]:
        lb = int(self.s.storyline_bucket_days)
        return [str(b) for b in range(lo // lb, hi // lb + 1)]

    def _lunindex(self, ev_i: int) -> None:
        ev = self.events[ev_i]
        _drop_postings(self._lpost, ev.lbuckets, ev.lkeys, ev_i)
        ev.lkeys, ev.lbuckets = [], []

    def _lindex(self, ev_i: int) -> None:
        ev = self.events[ev_i]
        ev.lkeys = [k for k, _ in _top(ev.sig, int(self.s.index_keys))]
        ev.lbuckets = self._lbuckets(ev.first, ev.last) if ev.first is not None else [UNDATED]
        for b in ev.lbuckets:
            post = self._lpost.setdefault(b, {})
            for k in ev.lkeys:
                post.setdefault(k, []).append(ev_i)

    def _find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _union(self, a: int, b: int) -> None:
        """Put two events in one storyline; a storyline formed here gets a fresh story id."""
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        root, other = min(ra, rb), max(ra, rb)
        self.parent[other] = root
        ids = [x for x in (self.line_id.pop(ra, None), self.line_id.pop(rb, None)) if x is not None]
        if ids:
            self.line_id[root] = min(ids)
        else:
            self.counter += 1
            self.line_id[root] = self.counter

    def _link(self, ev_i: int) -> None:
        """Join the event's storyline to those of similar events within the storyline window."""
        ev = self.events[ev_i]
        self._lunindex(ev_i)
        ev.sig = self._signature(ev)
        span = int(self.s.storyline_window_days)
        if ev.first is not None:
            buckets = self._lbuckets(ev.first - span, ev.last + span)
        else:
            buckets = [b for b in self._lpost if b != UNDATED]
        buckets = [b for b in buckets if b in self._lpost] + ([UNDATED] if UNDATED in self._lpost else [])
        scores: dict[int, float] = {}
        cap = int(self.s.max_candidates)
        query = _top(ev.sig, int(self.s.query_keys))
        for b in buckets:
            post = self._lpost[b]
            for k, w in query:
                lst = post.get(k)
                if lst:
                    for other in (lst if len(lst) <= cap else lst[-cap:]):   # a common key: its latest events
                        scores[other] = scores.get(other, 0.0) + w
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]
        threshold = float(self.s.storyline_threshold)
        for other, _ in ranked:
            if other == ev_i:
                continue
            o = self.events[other]
            if ev.first is not None and o.first is not None and (
                    o.first - span > ev.last or o.last + span < ev.first):
                continue
            sim = sum(w * o.sig.get(k, 0.0) for k, w in ev.sig.items())
            if sim >= threshold:
                self._union(ev_i, other)
        self._lindex(ev_i)

    # -- forgetting ------------------------------------------------------------------
    def _retire(self) -> None:
        """Drop time buckets that fell out of the retention window; their events become final."""
        assert self.clock is not None
        keep_from = (self.clock - int(self.s.retention_days)) // self.window
        for b in sorted((b for b in self._post if b != UNDATED and int(b) < keep_from), key=int):
            for ev_i in list(self._bucket_events.get(b, [])):
                ev = self.events[ev_i]
                if int(ev.buckets[-1]) < keep_from:
                    self._finalize(ev_i)
                elif b in ev.buckets:
                    ev.buckets.remove(b)
            self._post.pop(b, None)
            self._bucket_events.pop(b, None)
        lkeep = (self.clock - int(self.s.storyline_window_days)) // int(self.s.storyline_bucket_days)
        for b in sorted((b for b in self._lpost if b != UNDATED and int(b) < lkeep), key=int):
            gone = sorted({i for lst in self._lpost.pop(b).values() for i in lst})
            for ev_i in gone:
                ev = self.events[ev_i]
                ev.lbuckets = [x for x in ev.lbuckets if x != b]
                if not ev.lbuckets:
                    ev.sig, ev.lkeys = {}, []

    def _evict_undated(self) -> None:
        cap = int(self.s.max_undated_events)
        while len(self.undated) > cap:
            ev_i, _ = self.undated.popitem(last=False)
            self._finalize(ev_i)

    def _finalize(self, ev_i: int) -> None:
        ev = self.events[ev_i]
        if not ev.active:
            return
        self._unindex(ev_i)
        ev.title = self._best_title(ev)
        ev.centroid, ev.titles, ev.active = {}, [], False
        ev.emb, ev.emb_n = [], 0
        self.undated.pop(ev_i, None)

    def _prune_df(self) -> None:
        """Keys seen once carry the same IDF as unseen ones: forget them when the table grows large."""
        if len(self.df) > int(self.s.max_vocabulary):
            self.df = {k: n for k, n in self.df.items() if n > 1}

    # -- results ---------------------------------------------------------------------
    def _best_title(self, ev: _Event) -> Optional[str]:
        if not ev.active:
            return ev.title
        best, best_score = None, -1.0
        for title, terms in ev.titles:
            score = sum((ev.centroid.get("t:" + t, 0.0) + ev.centroid.get("w:" + t, 0.0)) * self._idf("w:" + t)
                        for t in terms) / math.sqrt(len(terms) + 1)
            if score > best_score:
                best, best_score = title, score
        return best

    def stories(self) -> list[Story]:
        """Events in order of creation, each with its storyline parent; then storylines (two events or more)."""
        out: list[Story] = []
        lines: dict[int, list[int]] = {}
        live = [i for i, ev in enumerate(self.events) if ev.docs]
        line_size: dict[int, int] = {}
        for i in live:
            root = self._find(i)
            line_size[root] = line_size.get(root, 0) + 1
        for i in live:
            ev = self.events[i]
            root = self._find(i)
            parent = self.line_id.get(root) if line_size[root] > 1 else None
            if parent is not None:
                lines.setdefault(root, []).append(i)
            out.append(Story(id=f"s{ev.num}", title=self._best_title(ev), documents=list(ev.docs),
                             parent=f"s{parent}" if parent is not None else None,
                             first_seen=iso(ev.first), last_seen=iso(ev.last)))
        for root, members in lines.items():
            evs = [self.events[i] for i in members]
            lead = max(evs, key=lambda e: (len(e.docs), -e.num))
            firsts = [e.first for e in evs if e.first is not None]
            lasts = [e.last for e in evs if e.last is not None]
            out.append(Story(id=f"s{self.line_id[root]}", title=self._best_title(lead),
                             documents=[d for e in evs for d in e.docs], parent=None,
                             first_seen=iso(min(firsts)) if firsts else None,
                             last_seen=iso(max(lasts)) if lasts else None))
        out.sort(key=lambda s: int(s.id[1:]))
        return out

    # -- persistence -----------------------------------------------------------------
    def to_state(self) -> dict:
        """Everything needed to continue, as JSON-serializable data (postings are rebuilt on load)."""
        return {
            "version": STATE_VERSION, "n_docs": self.n_docs, "df": dict(self.df), "clock": self.clock,
            "counter": self.counter, "events": [_event_state(e) for e in self.events],
            "parent": list(self.parent), "line_id": {str(k): v for k, v in self.line_id.items()},
            "undated": list(self.undated),
        }

    @classmethod
    def from_state(cls, state: dict, cfg: Any) -> "StoryIndex":
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"story index state version {state.get('version')!r}; this code reads {STATE_VERSION}")
        idx = cls(cfg)
        idx.n_docs, idx.df, idx.clock, idx.counter = state["n_docs"], dict(state["df"]), state["clock"], state["counter"]
        for e in state["events"]:
            e = dict(e)
            e["titles"] = [(t, list(terms)) for t, terms in e.get("titles", [])]
            idx.events.append(_Event(**e))
        idx.parent = list(state["parent"])
        idx.line_id = {int(k): v for k, v in state["line_id"].items()}
        idx.undated = OrderedDict((int(i), None) for i in state["undated"])
        for i, ev in enumerate(idx.events):
            for d in ev.docs:
                idx.doc_event[d] = i
            for b in ev.buckets:
                post = idx._post.setdefault(b, {})
                for k in ev.keys:
                    post.setdefault(k, []).append(i)
                idx._bucket_events.setdefault(b, []).append(i)
            for b in ev.lbuckets:
                post = idx._lpost.setdefault(b, {})
                for k in ev.lkeys:
                    post.setdefault(k, []).append(i)
        return idx
