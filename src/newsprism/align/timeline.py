"""The timeline: dated events from every document, the same event from several outlets merged.

An event is a claim whose clause carries a date (`Claim.when`, a TIMEX3 value). Claims on the same
date with the same predicate class are one event, whichever document says it; the entry keeps at most
three of its claims (one per document first) and lists every document that dates it so.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Optional

from ..config import Config
from ..disjoint import DisjointSets
from ..extract.times import time_granularity
from ..lexicon.dates import iso_prefix
from ..model import Analysis, Claim, TimelineEntry

MAX_TEXT = 200
MAX_CLAIMS = 3
YEAR = re.compile(r"\b(1[89]|20)\d\d\b|'\d\d\b")


def granularity(value: str) -> Optional[str]:
    """year | month | week | day | minute for an ISO prefix; None when it is not a calendar date."""
    return time_granularity(value) if iso_prefix(value) else None


def _date(value: str) -> str:
    return iso_prefix(value) or value


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_TEXT:
        return text
    cut = text[: MAX_TEXT - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _resolved_from(analysis: Analysis, c: Claim) -> Optional[str]:
    """The time expression that dated the claim, when it needed the publication date to resolve (no year in it)."""
    t = analysis.time(c.time)
    return t.text if t is not None and not YEAR.search(t.text) else None


def build_timeline(analysis: Analysis, cfg: Config) -> list[TimelineEntry]:
    """Dated events sorted by date: overlapping clauses of one document are one event, and so are claims of
    several documents on the same date with the same predicate class."""
    dated = sorted((c for c in analysis.claims if c.when and granularity(c.when) is not None),
                   key=lambda c: (_date(c.when or ""), c.doc, c.start, c.id))
    events = DisjointSets(range(len(dated)))
    by_key: dict[tuple, int] = {}
    last: dict[tuple[str, str], tuple[int, int]] = {}   # (doc, date) -> (furthest end so far, its claim)
    for i, c in enumerate(dated):
        day = _date(c.when or "")
        # hash joins, never all pairs: same date and predicate across documents ...
        for key in (("p", day, c.predicate or ""),):
            if key in by_key:
                events.union(i, by_key[key])
            else:
                by_key[key] = i
        # ... and clauses of one document on one date that overlap (one sentence, one event)
        reach = last.get((c.doc, day))
        if reach is not None and c.start < reach[0]:
            events.union(i, reach[1])
        last[(c.doc, day)] = (max(c.end, reach[0]) if reach else c.end, i)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(dated):
        groups[events.find(i)].append(c)
    entries: list[TimelineEntry] = []
    for claims in groups.values():
        day = _date(claims[0].when or "")
        first_per_doc: dict[str, Claim] = {}
        for c in sorted(claims, key=lambda c: (c.doc, c.value is not None, len(c.text), c.start)):
            first_per_doc.setdefault(c.doc, c)
        chosen = sorted(first_per_doc.values(), key=lambda c: (c.doc, c.start))[:MAX_CLAIMS]
        lead = min(chosen, key=lambda c: (c.value is not None, len(c.text), c.doc, c.start))
        entries.append(TimelineEntry(
            date=day, granularity=granularity(day) or "day", text=_short(lead.text),
            documents=sorted({c.doc for c in claims}), claims=[c.id for c in chosen],
            resolved_from=_resolved_from(analysis, lead),
        ))
    entries.sort(key=lambda e: (e.date, e.text, e.claims))
    return entries
