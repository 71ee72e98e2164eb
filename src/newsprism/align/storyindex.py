"""Incremental story clustering: documents join events, events join storylines.

A document becomes a sparse vector of weighted keys (content lemmas, names, resolved entity ids,
title words, months it mentions), weighted by TF-IDF with document frequencies counted as
documents arrive. It joins the most similar *active* event whose time span it fits, or starts
a new one. Candidate events come from an inverted index over each event's top keys, split into
time buckets of `event_window_days`, so a document is only compared with events of its own
weeks. Buckets older than `retention_days` behind the newest publication date are retired:
their events keep their documents and title but leave the index (memory follows the window).

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
from datetime import date
from typing import Any, Iterable, Optional

from ..model import Story

UNDATED = "u"        # the bucket of events that have no dated document
EMBEDDING_FLOOR = 0.5   # all-MiniLM-L6-v2 cosine of two news texts on unrelated subjects is mostly below this


@dataclass
class _Event:
    num: int                                     # story id number: "s<num>"
    docs: list[str] = field(default_factory=list)
    first: Optional[int] = None                  # ordinal days of the earliest / latest dated member
    last: Optional[int] = None
    centroid: dict[str, float] = field(default_factory=dict)   # sum of members' unit raw vectors
    norm: float = 0.0                            # |centroid * idf|, computed when n_docs was norm_n
    norm_n: int = 0
    joins: int = 0                               # documents that joined after the first, and
    join_sum: float = 0.0                        # the sum of their similarities when they joined
    keys: list[str] = field(default_factory=list)              # keys it is indexed under
    buckets: list[str] = field(default_factory=list)           # time buckets it is indexed in
    titles: list[tuple[str, list[str]]] = field(default_factory=list)   # candidate headlines
    title: Optional[str] = None                  # fixed when the event is retired
    sig: dict[str, float] = field(default_factory=dict)        # storyline signature (unit, idf-weighted)
    lbuckets: list[str] = field(default_factory=list)          # storyline buckets it is indexed in
    lkeys: list[str] = field(default_factory=list)
    active: bool = True
    named: Optional[list[int]] = None            # range of the latest days its undated members name
    emb: list[float] = field(default_factory=list)  # sum of members' dense vectors (stories.embeddings)
    emb_n: int = 0                               # members that had one


# _Event fields that only the optional embeddings fill: left out of the state while empty
_EMB_FIELDS = ("emb", "emb_n")


def _ordinal(iso: Optional[str]) -> Optional[int]:
    if not iso:
        return None
    try:
        return date.fromisoformat(str(iso)[:10]).toordinal()
    except ValueError:
        return None


def _iso(ordinal: Optional[int]) -> Optional[str]:
    return date.fromordinal(ordinal).isoformat() if ordinal is not None else None


def _interval(prefix: str) -> Optional[tuple[int, int]]:
    """The days an ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD) covers."""
    try:
        parts = [int(p) for p in prefix.split("-")]
        if len(parts) == 3:
            d = date(*parts).toordinal()
            return d, d
        if len(parts) == 2:
            start = date(parts[0], parts[1], 1)
            end = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return start.toordinal(), end.toordinal() - 1
        return date(parts[0], 1, 1).toordinal(), date(parts[0], 12, 31).toordinal()
    except (ValueError, TypeError):
        return None


def written_after(dates: Iterable[str], slack_days: int) -> Optional[tuple[int, int]]:
    """When an undated text was probably written: from the latest date it writes out (month or day
    precision preferred over bare years, which are often anniversaries or targets) to `slack_days` later."""
    precise = [d for d in dates if len(d) >= 7]
    pool = precise or [d for d in dates if len(d) == 4]
    spans = [s for s in (_interval(d) for d in pool) if s]
    if not spans:
        return None
    lo = max(s[0] for s in spans)
    hi = max(s[1] for s in spans)
    return lo, hi + slack_days


def latest_day(dates: Iterable[str]) -> Optional[int]:
    """The latest full calendar day among ISO prefixes, as an ordinal."""
    days = [d for d in (_ordinal(x) for x in dates if len(x) == 10) if d is not None]
    return max(days) if days else None


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
        s = cfg.stories
        self.window = int(s.event_window_days)
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
        self._s = s
        self._idf_memo: dict[str, float] = {}

    # -- configuration ---------------------------------------------------------
    def _opt(self, name: str, default: Any) -> Any:
        return getattr(self._s, name, default)

    # -- document vectors ------------------------------------------------------------
    def _idf(self, key: str) -> float:
        """Smoothed IDF; memoized until the next document changes the counts."""
        v = self._idf_memo.get(key)
        if v is None:
            v = self._idf_memo[key] = math.log((self.n_docs + 1) / (self.df.get(key, 0) + 1)) + 1.0
        return v

    def _raw(self, features: dict, entity_ids: Optional[list[str]]) -> dict[str, float]:
        """Boosted log term frequencies, before IDF."""
        raw: dict[str, float] = {}

        def put(prefix: str, counts: dict[str, int] | Iterable[str], boost: float) -> None:
            items = counts.items() if isinstance(counts, dict) else ((k, 1) for k in counts)
            for k, n in items:
                if n > 0:
                    raw[prefix + k] = raw.get(prefix + k, 0.0) + (1.0 + math.log(n)) * boost

        put("w:", features.get("terms") or {}, 1.0)
        put("n:", features.get("names") or {}, float(self._opt("name_weight", 1.5)))
        put("t:", features.get("title_terms") or [], float(self._opt("title_weight", 1.0)))
        months: dict[str, int] = {}
        for d in features.get("dates") or []:
            if len(d) >= 7:
                months[d[:7]] = months.get(d[:7], 0) + 1
        put("d:", months, float(self._opt("date_weight", 0.5)))
        ids: dict[str, int] = {}
        for e in entity_ids or []:
            ids[e] = ids.get(e, 0) + 1
        put("i:", ids, float(self._opt("entity_weight", 2.0)))
        return raw

    def _vector(self, raw: dict[str, float]) -> dict[str, float]:
        """Unit TF-IDF vector over the document's strongest keys."""
        weighted = {k: w * self._idf(k) for k, w in raw.items()}
        top = _top(weighted, int(self._opt("max_doc_terms", 100)))
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {k: w / norm for k, w in top}

    def _centroid_norm(self, ev: _Event) -> float:
        """|centroid| under the current IDF, refreshed when the event changed or the corpus doubled."""
        if ev.norm_n == 0 or self.n_docs > ev.norm_n * 2 + 4:
            ev.norm = math.sqrt(sum((w * self._idf(k)) ** 2 for k, w in ev.centroid.items())) or 1.0
            ev.norm_n = self.n_docs
        return ev.norm

    def _similarity(self, query: dict[str, float], ev: _Event, dense: Optional[list[float]] = None) -> float:
        """Cosine of a document with an event's centroid under the current IDF; `query` holds the
        unit TF-IDF vector's weights multiplied by IDF once more (the centroid's share).
        With a dense vector for both, its cosine with the event's mean vector is blended in."""
        c = ev.centroid
        sim = sum(w * c[k] for k, w in query.items() if k in c) / self._centroid_norm(ev)
        if dense and ev.emb:
            weight = float(self._opt("embedding_weight", 0.0))
            norm = math.sqrt(sum(x * x for x in ev.emb)) or 1.0
            cos = sum(a * b for a, b in zip(dense, ev.emb)) / norm
            # any two news texts score well above 0 here; below the floor they are merely both news
            floor = float(self._opt("embedding_floor", EMBEDDING_FLOOR))
            sim = (1.0 - weight) * sim + weight * max(0.0, cos - floor) / (1.0 - floor)
        return sim

    def _dense(self, features: dict) -> Optional[list[float]]:
        """The document's dense vector when embeddings are on and it has one."""
        return (features.get("embedding") or None) if self._opt("embeddings", False) else None

    # -- time ----------------------------------------------------------------------
    def _bucket(self, day: int) -> str:
        return str(day // self.window)

    def _buckets_between(self, lo: int, hi: int) -> list[str]:
        return [str(b) for b in range(lo // self.window, hi // self.window + 1)]

    def _fits(self, ev: _Event, day: Optional[int], est: Optional[tuple[int, int]], named: Optional[int] = None) -> bool:
        w = self.window
        if ev.first is None or ev.last is None:
            # an undated event still knows the latest days its texts name: a text naming (or published on)
            # a day far from those is about another occasion
            probe = day if day is not None else named
            if probe is None or ev.named is None:
                return True
            slack = w + int(self._opt("undated_slack_days", 30))
            return ev.named[0] - slack <= probe <= ev.named[1] + slack
        if day is not None:
            span = max(ev.last, day) - min(ev.first, day)
            return ev.first - w <= day <= ev.last + w and span <= int(self._opt("max_event_span_days", 2 * w))
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
        ev.keys = [k for k, _ in _top(eff, int(self._opt("index_keys", 20)))]
        ev.buckets = self._buckets_between(ev.first, ev.last) if ev.first is not None else [UNDATED]
        for b in ev.buckets:
            post = self._post.setdefault(b, {})
            for k in ev.keys:
                post.setdefault(k, []).append(ev_i)
            self._bucket_events.setdefault(b, []).append(ev_i)

    def _candidates(self, vec: dict[str, float], day: Optional[int], est: Optional[tuple[int, int]]) -> list[int]:
        scores: dict[int, float] = {}
        query = _top(vec, int(self._opt("query_keys", 20)))
        for b in self._query_buckets(day, est):
            post = self._post[b]
            for k, w in query:
                for ev_i in post.get(k, ()):
                    scores[ev_i] = scores.get(ev_i, 0.0) + w
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [ev_i for ev_i, _ in ranked[: int(self._opt("max_candidates", 30))]]

    # -- adding ------------------------------------------------------------------
    def add(self, doc_id: str, features: dict, published: Optional[str] = None,
            entity_ids: Optional[list[str]] = None) -> str:
        """Put one document into an event (an existing one or a new one); returns the event's story id."""
        if doc_id in self.doc_event:
            return f"s{self.events[self.doc_event[doc_id]].num}"
        day = _ordinal(published or features.get("published"))
        est = None if day is not None else written_after(features.get("dates") or [], int(self._opt("undated_slack_days", 30)))
        raw = self._raw(features, entity_ids)
        named = None if day is not None else latest_day(features.get("dates") or [])
        self.n_docs += 1
        for k in raw:
            self.df[k] = self.df.get(k, 0) + 1
        self._idf_memo = {}
        vec = self._vector(raw)

        query = {k: w * self._idf(k) for k, w in vec.items()}
        dense = self._dense(features)
        cohesion = float(self._opt("cohesion", 0.0))
        best, best_sim = None, float(self._s.event_threshold)
        for ev_i in self._candidates(vec, day, est):
            ev = self.events[ev_i]
            if not self._fits(ev, day, est, named):
                continue
            sim = self._similarity(query, ev, dense)
            # a tight event asks more of a newcomer than a loose one: look-alike events share words
            need = cohesion * ev.join_sum / ev.joins if ev.joins else 0.0
            if sim >= best_sim and sim >= need:
                best, best_sim = ev_i, sim
        if best is None:
            self.counter += 1
            self.events.append(_Event(num=self.counter))
            self.parent.append(len(self.events) - 1)
            best = len(self.events) - 1
        else:
            self.events[best].joins += 1
            self.events[best].join_sum += best_sim
        ev = self.events[best]
        self._unindex(best)
        self._absorb(ev, doc_id, raw, vec, day, features)
        if named is not None:
            ev.named = [named, named] if ev.named is None else [min(ev.named[0], named), max(ev.named[1], named)]
        self.doc_event[doc_id] = best
        self._index(best)
        if ev.first is None:
            self.undated[best] = None
            self.undated.move_to_end(best)
        else:
            self.undated.pop(best, None)
        n = len(ev.docs)
        if n & (n - 1) == 0:           # sizes 1, 2, 4, 8...: the event's signature has changed enough
            self._link(best)
        if day is not None and (self.clock is None or day > self.clock):
            self.clock = day
            self._retire()
        self._evict_undated()
        self._prune_df()
        return f"s{ev.num}"

    def _absorb(self, ev: _Event, doc_id: str, raw: dict[str, float], vec: dict[str, float],
                day: Optional[int], features: dict) -> None:
        kept = {k: raw[k] for k in vec}
        norm = math.sqrt(sum(w * w for w in kept.values())) or 1.0
        for k, w in kept.items():
            ev.centroid[k] = ev.centroid.get(k, 0.0) + w / norm
        limit = int(self._opt("max_centroid_terms", 400))
        if len(ev.centroid) > limit:
            eff = {k: w * self._idf(k) for k, w in ev.centroid.items()}
            ev.centroid = {k: ev.centroid[k] for k, _ in _top(eff, limit)}
        ev.norm_n = 0
        ev.docs.append(doc_id)
        if day is not None:
            ev.first = day if ev.first is None else min(ev.first, day)
            ev.last = day if ev.last is None else max(ev.last, day)
        dense = self._dense(features)
        if dense:
            ev.emb = [a + b for a, b in zip(ev.emb, dense)] if ev.emb else list(dense)
            ev.emb_n += 1
        title = features.get("title")
        if title and len(ev.titles) < 50:
            ev.titles.append((title, list(features.get("title_terms") or [])))

    # -- storylines ---------------------------------------------------------------
    def _lbucket_days(self) -> int:
        return int(self._opt("storyline_bucket_days", 30))

    def _signature(self, ev: _Event) -> dict[str, float]:
        eff = {k: w * self._idf(k) for k, w in ev.centroid.items()}
        top = _top(eff, int(self._opt("signature_terms", 40)))
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {k: w / norm for k, w in top}

    def _lunindex(self, ev_i: int) -> None:
        ev = self.events[ev_i]
        _drop_postings(self._lpost, ev.lbuckets, ev.lkeys, ev_i)
        ev.lkeys, ev.lbuckets = [], []

    def _lindex(self, ev_i: int) -> None:
        ev = self.events[ev_i]
        ev.lkeys = [k for k, _ in _top(ev.sig, int(self._opt("index_keys", 20)))]
        lb = self._lbucket_days()
        ev.lbuckets = ([str(b) for b in range(ev.first // lb, ev.last // lb + 1)]
                       if ev.first is not None else [UNDATED])
        for b in ev.lbuckets:
            post = self._lpost.setdefault(b, {})
            for k in ev.lkeys:
                post.setdefault(k, []).append(ev_i)

    def _find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _union(self, a: int, b: int, new_line: bool = True) -> None:
        """Put two events in one storyline; a storyline formed here gets a fresh story id if `new_line`."""
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        root, other = min(ra, rb), max(ra, rb)
        self.parent[other] = root
        ids = [x for x in (self.line_id.pop(ra, None), self.line_id.pop(rb, None)) if x is not None]
        if ids:
            self.line_id[root] = min(ids)
        elif new_line:
            self.counter += 1
            self.line_id[root] = self.counter

    def _link(self, ev_i: int) -> None:
        """Join the event's storyline to those of similar events within the storyline window."""
        ev = self.events[ev_i]
        self._lunindex(ev_i)
        ev.sig = self._signature(ev)
        span = int(self._s.storyline_window_days)
        lb = self._lbucket_days()
        if ev.first is not None:
            buckets = [str(b) for b in range((ev.first - span) // lb, (ev.last + span) // lb + 1)]
        else:
            buckets = [b for b in self._lpost if b != UNDATED]
        buckets = [b for b in buckets if b in self._lpost] + ([UNDATED] if UNDATED in self._lpost else [])
        scores: dict[int, float] = {}
        for k, w in _top(ev.sig, int(self._opt("query_keys", 20))):
            for b in buckets:
                for other in self._lpost[b].get(k, ()):
                    scores[other] = scores.get(other, 0.0) + w
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[: int(self._opt("max_candidates", 30))]
        threshold = float(self._s.storyline_threshold)
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
        keep_from = (self.clock - int(self._opt("retention_days", 30))) // self.window
        for b in sorted((b for b in self._post if b != UNDATED and int(b) < keep_from), key=int):
            for ev_i in list(self._bucket_events.get(b, [])):
                ev = self.events[ev_i]
                if int(ev.buckets[-1]) < keep_from:
                    self._finalize(ev_i)
                elif b in ev.buckets:
                    ev.buckets.remove(b)
            self._post.pop(b, None)
            self._bucket_events.pop(b, None)
        lkeep = (self.clock - int(self._s.storyline_window_days)) // self._lbucket_days()
        for b in sorted((b for b in self._lpost if b != UNDATED and int(b) < lkeep), key=int):
            gone = sorted({i for lst in self._lpost.pop(b).values() for i in lst})
            for ev_i in gone:
                ev = self.events[ev_i]
                ev.lbuckets = [x for x in ev.lbuckets if x != b]
                if not ev.lbuckets:
                    ev.sig, ev.lkeys = {}, []

    def _evict_undated(self) -> None:
        cap = int(self._opt("max_undated_events", 5000))
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
        if len(self.df) > int(self._opt("max_vocabulary", 400_000)):
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
                             first_seen=_iso(ev.first), last_seen=_iso(ev.last)))
        for root, members in lines.items():
            evs = [self.events[i] for i in members]
            lead = max(evs, key=lambda e: (len(e.docs), -e.num))
            firsts = [e.first for e in evs if e.first is not None]
            lasts = [e.last for e in evs if e.last is not None]
            out.append(Story(id=f"s{self.line_id[root]}", title=self._best_title(lead),
                             documents=[d for e in evs for d in e.docs], parent=None,
                             first_seen=_iso(min(firsts)) if firsts else None,
                             last_seen=_iso(max(lasts)) if lasts else None))
        out.sort(key=lambda s: int(s.id[1:]))
        return out

    # -- persistence -----------------------------------------------------------------
    def to_state(self) -> dict:
        """Everything needed to continue, as JSON-serializable data (postings are rebuilt on load)."""
        return {
            "version": 1, "n_docs": self.n_docs, "df": dict(self.df), "clock": self.clock,
            "counter": self.counter, "events": [_event_state(e) for e in self.events],
            "parent": list(self.parent), "line_id": {str(k): v for k, v in self.line_id.items()},
            "undated": list(self.undated),
        }

    @classmethod
    def from_state(cls, state: dict, cfg: Any) -> "StoryIndex":
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
