"""Story clustering's records: an event, a document being placed, and small helpers on weighted keys."""
from __future__ import annotations

import heapq
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Iterable, Mapping, Optional, Sequence

UNDATED = "u"        # the bucket of events that have no dated document


@dataclass
class Event:
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
class Arrival:
    """A document of the batch being placed, with what it added to its event."""
    doc_id: str
    features: dict
    day: Optional[int]
    est: Optional[tuple[int, int]]               # when an undated text was probably written
    named: Optional[int]                         # the latest full day an undated text names
    raw: dict[str, float]
    unit: dict[str, float] = field(default_factory=dict)
    # filled once the batch's IDF is known (`storyvectors.with_vectors`); placing reads only these
    query: dict[str, float] = field(default_factory=dict)
    lookup: list[tuple[str, float]] = field(default_factory=list)
    ready: bool = False


# Event fields that only the optional embeddings fill: left out of the state while empty
EMB_FIELDS = ("emb", "emb_n")


def strongest(weights: dict[str, float], n: int) -> list[tuple[str, float]]:
    """The n heaviest items, ties by key (the order `sorted` would give). The n-th heaviest weight is found
    by a sort of the bare weights, so only the items at or above it are ordered by (weight, key)."""
    if len(weights) <= n:
        return sorted(weights.items(), key=heaviest)
    if n <= 0:
        return []
    cut = heapq.nlargest(n, weights.values())[-1] if n < 16 else sorted(weights.values(), reverse=True)[n - 1]
    top = [kv for kv in weights.items() if kv[1] >= cut]
    top.sort(key=heaviest)
    return top[:n]


def heaviest(kv: tuple[str, float]) -> tuple[float, str]:
    return -kv[1], kv[0]


def event_state(ev: Event) -> dict:
    state = asdict(ev)
    for name in EMB_FIELDS:
        if not state[name]:
            del state[name]       # states written without embeddings stay as they were
    return state


def vote(posts: Iterable[Mapping[str, Sequence[int] | dict[int, None]]], query: list[tuple[str, float]],
         cap: int) -> list[tuple[int, float]]:
    """Events sharing the query's keys in any of `posts`, by summed key weight (ties by event). A key of
    more than `cap` events offers its latest `cap` (a posting list or an insertion-ordered dict of events,
    latest last): a common key must not make every event a candidate."""
    scores: dict[int, float] = {}
    for post in posts:
        for k, w in query:
            lst = post.get(k)
            if lst:
                for ev_i in (lst if len(lst) <= cap else islice(reversed(lst), cap)):
                    scores[ev_i] = scores.get(ev_i, 0.0) + w
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def post_recent(postings: dict[str, dict[int, None]], keys: list[str], ev_i: int) -> None:
    """Put an event last (the most recent) in the recency-ordered postings of its keys."""
    for k in keys:
        postings.setdefault(k, {})[ev_i] = None


def drop_recent(postings: dict[str, dict[int, None]], keys: list[str], ev_i: int) -> None:
    """Take an event out of the recency-ordered postings of its keys (empty ones are deleted)."""
    for k in keys:
        lst = postings.get(k)
        if lst is not None and lst.pop(ev_i, 0) is None and not lst:
            del postings[k]


def drop_postings(postings: dict[str, dict[str, dict[int, None]]], buckets: list[str], keys: list[str],
                  ev_i: int) -> None:
    """Remove an event from the postings of its buckets and keys (empty ones are deleted)."""
    for b in buckets:
        post = postings.get(b)
        if post:
            drop_recent(post, keys, ev_i)
