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
document is kept away from events far from that time. A text that says nothing of when it was
written looks up, under each of its keys, the dated events that most recently took that key up
(at most `max_candidates` a key, as in a bucket), not every time bucket the index holds: what it
costs does not grow with the weeks a batch spans.

The second look after the first pass revisits only documents near a move: one whose event and
whose lookup keys' postings did not change since it last looked and stayed would compute the same, and
a look compares again only the candidate events that changed since the document's last look.

The saved state (`to_state`) keeps the order the events were last indexed and linked in, so an index
restored from it offers the candidates the index that saved it would have offered.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any, Iterable, Optional

from .storyevents import (
    UNDATED,
    Arrival,
    Event,
    drop_postings,
    drop_recent,
    event_state,
    post_recent,
    strongest,
    vote,
)
from .storylines import StoryLines
from .storytime import latest_day, ordinal, written_after
from .storyvectors import StoryVectors, raw_weights, with_vectors

STATE_VERSION = 3      # 3: the order events were last indexed and linked in (the postings' recency order)
Row = tuple  # (doc_id, features, published or None, entity ids or None)


def arrival(doc_id: str, features: dict, published: Optional[str], entity_ids: Optional[list[str]], settings: Any) -> Arrival:
    """One document as the index places it, before the batch's IDF is known: its day (or, undated, when it was
    probably written and the latest day it names) and its raw key weights (`settings`: the StoriesConfig)."""
    day = ordinal(published or features.get("published"))
    dates = features.get("dates") or []
    est = None if day is not None else written_after(dates, int(settings.undated_slack_days))
    named = None if day is not None else latest_day(dates)
    return Arrival(doc_id, features, day, est, named, raw_weights(features, entity_ids, settings))


def key_counts(batch: Iterable[Arrival]) -> dict[str, int]:
    """Documents of the batch holding each key (the batch's share of the document frequencies)."""
    counts: dict[str, int] = {}
    for arr in batch:
        for k in arr.raw:
            counts[k] = counts.get(k, 0) + 1
    return counts


def placed_only(arr: Arrival) -> Arrival:
    """The arrival with only what placing reads once its vectors are filled: no raw weights, and of the
    features only the headline, its terms and the dense vector (the row a Spark executor sends the driver)."""
    assert arr.ready
    keep = {k: arr.features[k] for k in ("title", "title_terms", "embedding") if k in arr.features}
    return Arrival(arr.doc_id, keep, arr.day, arr.est, arr.named, {}, arr.unit, arr.query, arr.lookup, True)


class StoryIndex(StoryVectors, StoryLines):
    """Events and storylines over a stream of documents; see the module docstring."""

    def __init__(self, cfg: Any) -> None:
        self.cfg = cfg
        self.s = cfg.stories                         # every setting read below is a field of StoriesConfig
        self.window = int(self.s.event_window_days)
        self.n_docs = 0
        self.df: dict[str, int] = {}
        self.clock: Optional[int] = None            # newest publication day seen
        self.counter = 0                             # story id numbers, shared by events and storylines
        self.events: list[Event] = []
        self.doc_event: dict[str, int] = {}
        self.parent: list[int] = []                  # union-find over events: storylines
        self.line_id: dict[int, int] = {}            # storyline root -> its story id number
        self.undated: OrderedDict[int, None] = OrderedDict()   # active undated events, least recent first
        # postings: time bucket -> key -> events, each an insertion-ordered dict (the most recently indexed last;
        # O(1) to drop an event from, where a list's remove was O(n))
        self._post: dict[str, dict[str, dict[int, None]]] = {}
        self._lpost: dict[str, dict[str, dict[int, None]]] = {}
        self._ldated: dict[str, dict[int, None]] = {}  # the same for the storyline index
        self._bucket_events: dict[str, dict[int, None]] = {}   # time bucket -> its events, in the same order
        self._dated: dict[str, dict[int, None]] = {}   # key -> active dated events, the most recently joined last
        self._indexed: dict[int, None] = {}       # events in the event index, the least recently (re)indexed first
        self._linked: dict[int, None] = {}        # the same for the storyline index
        self._idf_memo: dict[str, float] = {}
        self._tick = 0                               # changes to the postings, counted (within a batch)
        self._ev_tick: dict[int, int] = {}           # event -> the change that last touched it
        self._key_tick: dict[str, int] = {}          # key -> the change that last touched its postings
        # what a document's last look computed (within a batch): the change count then, and per candidate event
        # its similarity (None: the document did not fit it); and the similarity with its own event without it
        self._sims: dict[str, tuple[int, dict[int, Optional[float]]]] = {}
        self._stays: dict[str, tuple[int, int, float]] = {}

    # -- time ----------------------------------------------------------------------
    def _buckets_between(self, lo: int, hi: int) -> list[str]:
        return [str(b) for b in range(lo // self.window, hi // self.window + 1)]

    def _fits(self, ev: Event, arr: Arrival) -> bool:
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

    def _query_posts(self, day: Optional[int], est: Optional[tuple[int, int]]) -> list[dict]:
        """The postings a document looks in: the time buckets around its day (or around when an undated text
        was written), or, for a text that says nothing of when it was written, the dated events most recently
        joined under each key (`_dated`, not every bucket: its cost must not grow with the weeks the index
        holds); and the undated events."""
        w = self.window
        if day is not None:
            posts = [self._post[b] for b in self._buckets_between(day - w, day + w) if b in self._post]
        elif est is not None and (est[1] - est[0]) // w < 80:
            posts = [self._post[b] for b in self._buckets_between(est[0] - w, est[1] + w) if b in self._post]
        else:
            posts = [self._dated]
        return posts + ([self._post[UNDATED]] if UNDATED in self._post else [])

    # -- the index ---------------------------------------------------------------
    def _touch(self, ev_i: int, keys: list[str]) -> None:
        """Count a change to an event and to the postings of its keys (what a second look must see)."""
        self._tick += 1
        self._ev_tick[ev_i] = self._tick
        for k in keys:
            self._key_tick[k] = self._tick

    def _unindex(self, ev_i: int) -> None:
        ev = self.events[ev_i]
        self._touch(ev_i, ev.keys)
        drop_postings(self._post, ev.buckets, ev.keys, ev_i)
        drop_recent(self._dated, ev.keys, ev_i)
        self._indexed.pop(ev_i, None)
        for b in ev.buckets:
            members = self._bucket_events.get(b)
            if members:
                members.pop(ev_i, None)
        ev.keys, ev.buckets = [], []

    def _index(self, ev_i: int, eff: Optional[dict[str, float]] = None) -> None:
        """Post the event under its strongest keys (`eff`: its centroid times IDF, when the caller has it)."""
        ev = self.events[ev_i]
        eff = self._weighted(ev.centroid) if eff is None else eff
        ev.keys = [k for k, _ in strongest(eff, int(self.s.index_keys))]
        ev.buckets = self._buckets_between(ev.first, ev.last) if ev.first is not None else [UNDATED]
        for b in ev.buckets:
            post_recent(self._post.setdefault(b, {}), ev.keys, ev_i)
            self._bucket_events.setdefault(b, {})[ev_i] = None
        if ev.first is not None:
            post_recent(self._dated, ev.keys, ev_i)
        self._indexed.pop(ev_i, None)
        self._indexed[ev_i] = None
        self._touch(ev_i, ev.keys)

    def _candidates(self, lookup: list[tuple[str, float]], day: Optional[int], est: Optional[tuple[int, int]]) -> list[int]:
        cap = int(self.s.max_candidates)
        ranked = vote(self._query_posts(day, est), lookup, cap)
        return [ev_i for ev_i, _ in ranked[:cap]]

    # -- adding ------------------------------------------------------------------
    def add(self, doc_id: str, features: dict, published: Optional[str] = None,
            entity_ids: Optional[list[str]] = None) -> str:
        """Put one document into an event (an existing one or a new one); returns the event's story id."""
        return self.add_many([(doc_id, features, published, entity_ids)])[0]

    def add_many(self, rows: Iterable[Row]) -> list[str]:
        """Place a batch of (doc_id, features, published, entity_ids) in the given order (see the module
        docstring); returns each row's story id. Documents seen before keep their event.

        The steps, which a Spark run takes apart (scale/stories.py): one `arrival` per document; the batch's
        `key_counts` (`count`); each arrival's vectors under the new IDF (`with_vectors`); then `place`, the
        order-dependent pass."""
        rows = list(rows)
        batch: list[Arrival] = []
        seen: set[str] = set()
        for doc_id, features, published, entity_ids in rows:
            if doc_id in self.doc_event or doc_id in seen:
                continue
            seen.add(doc_id)
            batch.append(self._arrival(doc_id, features, published, entity_ids))
        self.count(len(batch), key_counts(batch))
        for arr in batch:
            with_vectors(arr, self._idf, self.s)
        self.place(batch)
        return [f"s{self.events[self.doc_event[row[0]]].num}" for row in rows]

    def count(self, n_docs: int, counts: dict[str, int]) -> None:
        """Add a batch of `n_docs` documents to the document frequencies (`counts`: documents per key)."""
        self.n_docs += n_docs
        for k, n in counts.items():
            self.df[k] = self.df.get(k, 0) + n
        self._idf_memo = {}

    def place(self, batch: list[Arrival]) -> None:
        """Place a counted batch in the given order, give each document its second look, then retire what
        fell out of the windows. Order-dependent: each document is compared with the events placed before it."""
        clock = self.clock
        self._tick, self._ev_tick, self._key_tick = 0, {}, {}
        self._sims, self._stays = {}, {}
        for arr in batch:
            self._place(arr)
        if len(batch) > 1:
            looked: dict[str, int] = {}          # document -> the change count when it last looked and stayed
            for _ in range(int(self.s.review_passes)):
                moved = 0
                for arr in batch:
                    if self._unchanged(arr, looked.get(arr.doc_id)):
                        continue
                    if self._reconsider(arr):
                        moved += 1
                        looked.pop(arr.doc_id, None)
                    else:
                        looked[arr.doc_id] = self._tick
                if not moved:                    # until no document moves
                    break
        self._sims, self._stays = {}, {}
        if self.clock is not None and self.clock != clock:
            self._retire()
        self._evict_undated()
        self._prune_df()

    def _arrival(self, doc_id: str, features: dict, published: Optional[str],
                 entity_ids: Optional[list[str]]) -> Arrival:
        return arrival(doc_id, features, published, entity_ids, self.s)

    def _best(self, arr: Arrival, query: dict[str, float],
              dense: Optional[list[float]], skip: int = -1) -> tuple[Optional[int], float]:
        """The most similar candidate event the document fits, at or above the threshold. A candidate that has
        not changed since the document's last look in this batch is not compared again: its similarity (or
        that the document does not fit it) is the one that look computed."""
        best, best_sim = None, float(self.s.event_threshold)
        tick, before = self._sims.get(arr.doc_id, (0, {}))
        ev_tick = self._ev_tick
        sims: dict[int, Optional[float]] = {}
        for ev_i in self._candidates(arr.lookup, arr.day, arr.est):
            if ev_i == skip:
                continue
            if ev_i in before and ev_tick.get(ev_i, 0) <= tick:
                sim = before[ev_i]
            else:
                ev = self.events[ev_i]
                sim = self._similarity(query, ev, dense) if self._fits(ev, arr) else None
            sims[ev_i] = sim
            if sim is not None and sim >= best_sim:
                best, best_sim = ev_i, sim
        self._sims[arr.doc_id] = (self._tick, sims)
        return best, best_sim

    def _place(self, arr: Arrival) -> None:
        if not arr.ready:
            with_vectors(arr, self._idf, self.s)
        best, _ = self._best(arr, arr.query, self._dense(arr.features))
        self._join(self._new_event() if best is None else best, arr)
        if arr.day is not None and (self.clock is None or arr.day > self.clock):
            self.clock = arr.day

    def _unchanged(self, arr: Arrival, since: Optional[int]) -> bool:
        """Whether a document that stayed at its last look would stay again: neither its event nor the postings
        of its lookup keys changed since (its candidates are the events of those postings, and an event changes
        only through its postings), so the look would compute the same. Only documents near a move look again."""
        if since is None or self._ev_tick.get(self.doc_event[arr.doc_id], 0) > since:
            return False
        key_tick = self._key_tick
        return all(key_tick.get(k, 0) <= since for k, _ in arr.lookup)

    def _reconsider(self, arr: Arrival) -> bool:
        """The second look: compare the document with its own event as it would be without it, and with
        every other candidate; move it when another event is closer, or alone when none is close enough."""
        here = self.doc_event[arr.doc_id]
        ev = self.events[here]
        if not ev.active:
            return False
        query = arr.query
        dense = self._dense(arr.features)
        best, best_sim = self._best(arr, query, dense, skip=here)
        alone = len(ev.docs) == 1
        stay = 0.0 if alone else self._stay(arr, here, dense)
        if best is not None and best_sim > stay:
            target = best
        elif alone or stay >= float(self.s.event_threshold):
            return False
        else:
            target = self._new_event()
        self._leave(here, arr)
        self._join(target, arr)
        return True

    def _stay(self, arr: Arrival, here: int, dense: Optional[list[float]]) -> float:
        """The similarity of a document with its event without it, computed again only when the event changed."""
        tick, was, sim = self._stays.get(arr.doc_id, (0, -1, 0.0))
        if was != here or self._ev_tick.get(here, 0) > tick:
            sim = self._similarity_without(arr.query, self.events[here], arr, dense)
        self._stays[arr.doc_id] = (self._tick, here, sim)
        return sim

    def _new_event(self) -> int:
        self.counter += 1
        self.events.append(Event(num=self.counter))
        self.parent.append(len(self.events) - 1)
        return len(self.events) - 1

    def _join(self, ev_i: int, arr: Arrival) -> None:
        ev = self.events[ev_i]
        self._unindex(ev_i)
        for k, w in arr.unit.items():
            ev.centroid[k] = ev.centroid.get(k, 0.0) + w
        limit = int(self.s.max_centroid_terms)
        eff = self._weighted(ev.centroid)          # read by the pruning, the index and the signature alike
        if len(ev.centroid) > limit:
            top = strongest(eff, limit)
            ev.centroid = {k: ev.centroid[k] for k, _ in top}
            eff = dict(top)
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
        self._index(ev_i, eff)
        self._note_undated(ev_i)
        n = len(ev.docs)
        if n & (n - 1) == 0:           # sizes 1, 2, 4, 8...: the event's signature has changed enough
            self._link(ev_i, eff)

    def _leave(self, ev_i: int, arr: Arrival) -> None:
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

    # -- forgetting ------------------------------------------------------------------
    def _retire(self) -> None:
        """Drop time buckets that fell out of the retention window; their events become final."""
        assert self.clock is not None
        keep_from = (self.clock - int(self.s.retention_days)) // self.window
        for b in sorted((b for b in self._post if b != UNDATED and int(b) < keep_from), key=int):
            for ev_i in list(self._bucket_events.get(b, ())):
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
                    drop_recent(self._ldated, ev.lkeys, ev_i)
                    self._linked.pop(ev_i, None)
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

    # -- persistence -----------------------------------------------------------------
    def to_state(self) -> dict:
        """Everything needed to continue, as JSON-serializable data (postings are rebuilt on load, in the order
        the events were last indexed and linked: a key of more than `max_candidates` events offers its latest)."""
        return {
            "version": STATE_VERSION, "n_docs": self.n_docs, "df": dict(self.df), "clock": self.clock,
            "counter": self.counter, "events": [event_state(e) for e in self.events],
            "parent": list(self.parent), "line_id": {str(k): v for k, v in self.line_id.items()},
            "undated": list(self.undated), "indexed": list(self._indexed), "linked": list(self._linked),
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
            idx.events.append(Event(**e))
        idx.parent = list(state["parent"])
        idx.line_id = {int(k): v for k, v in state["line_id"].items()}
        idx.undated = OrderedDict((int(i), None) for i in state["undated"])
        for i, ev in enumerate(idx.events):
            for d in ev.docs:
                idx.doc_event[d] = i
        # each posting list holds its events in the order they were last (re)indexed: rebuild it in that order
        for i in state["indexed"]:
            ev = idx.events[i]
            for b in ev.buckets:
                post_recent(idx._post.setdefault(b, {}), ev.keys, i)
                idx._bucket_events.setdefault(b, {})[i] = None
            if ev.first is not None:
                post_recent(idx._dated, ev.keys, i)
            idx._indexed[i] = None
        for i in state["linked"]:
            ev = idx.events[i]
            for b in ev.lbuckets:
                post_recent(idx._lpost.setdefault(b, {}), ev.lkeys, i)
            if UNDATED not in ev.lbuckets:       # dated when it was last linked (it may have changed since)
                post_recent(idx._ldated, ev.lkeys, i)
            idx._linked[i] = None
        return idx
