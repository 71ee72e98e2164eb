"""Story clustering's storylines: events linked by their signatures, and the stories an index reports."""
from __future__ import annotations

import math
from typing import Any, Optional

from ..model import Story
from .storyevents import (
    UNDATED,
    Event,
    drop_postings,
    drop_recent,
    post_recent,
    strongest,
    vote,
)
from .storytime import iso


class StoryLines:
    """The storyline half of `StoryIndex` (a mixin): a coarse, long index over event signatures, a
    union-find over events, and the stories (events, then storylines) it reports."""

    s: Any                       # the index's StoriesConfig
    events: list[Event]
    parent: list[int]
    line_id: dict[int, int]
    counter: int
    _lpost: dict[str, dict[str, dict[int, None]]]   # storyline bucket -> key -> events, latest linked last
    _ldated: dict[str, dict[int, None]]          # key -> dated events in the storyline index, latest linked last
    _linked: dict[int, None]                     # events in the storyline index, the least recently linked first

    def _idf(self, key: str) -> float:
        raise NotImplementedError          # StoryVectors

    def _weighted(self, centroid: dict[str, float]) -> dict[str, float]:
        raise NotImplementedError          # StoryVectors

    def _signature(self, ev: Event, eff: Optional[dict[str, float]] = None) -> dict[str, float]:
        """The event's strongest keys, unit length (`eff`: its centroid times IDF, when the caller has it)."""
        eff = self._weighted(ev.centroid) if eff is None else eff
        top = strongest(eff, int(self.s.signature_terms))
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {k: w / norm for k, w in top}

    def _lbuckets(self, lo: int, hi: int) -> list[str]:
        lb = int(self.s.storyline_bucket_days)
        return [str(b) for b in range(lo // lb, hi // lb + 1)]

    def _lunindex(self, ev_i: int) -> None:
        ev = self.events[ev_i]
        drop_postings(self._lpost, ev.lbuckets, ev.lkeys, ev_i)
        drop_recent(self._ldated, ev.lkeys, ev_i)
        self._linked.pop(ev_i, None)
        ev.lkeys, ev.lbuckets = [], []

    def _lindex(self, ev_i: int) -> None:
        ev = self.events[ev_i]
        ev.lkeys = [k for k, _ in strongest(ev.sig, int(self.s.index_keys))]
        ev.lbuckets = self._lbuckets(ev.first, ev.last) if ev.first is not None else [UNDATED]
        for b in ev.lbuckets:
            post_recent(self._lpost.setdefault(b, {}), ev.lkeys, ev_i)
        if ev.first is not None:
            post_recent(self._ldated, ev.lkeys, ev_i)
        self._linked[ev_i] = None

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

    def _link(self, ev_i: int, eff: Optional[dict[str, float]] = None) -> None:
        """Join the event's storyline to those of similar events within the storyline window."""
        ev = self.events[ev_i]
        self._lunindex(ev_i)
        ev.sig = self._signature(ev, eff)
        span = int(self.s.storyline_window_days)
        # a dated event looks at the buckets within the storyline window; an undated one at the dated events
        # most recently linked under each key (not every bucket: its cost must not grow with the months held)
        posts = [self._lpost[b] for b in self._lbuckets(ev.first - span, ev.last + span) if b in self._lpost] \
            if ev.first is not None else [self._ldated]
        posts += [self._lpost[UNDATED]] if UNDATED in self._lpost else []
        cap = int(self.s.max_candidates)
        ranked = vote(posts, strongest(ev.sig, int(self.s.query_keys)), cap)[:cap]
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

    # -- results ---------------------------------------------------------------------
    def _best_title(self, ev: Event) -> Optional[str]:
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
