"""The fact ledger: claims about the same thing from different documents, with a verdict.

Claims are never compared all against all. Each claim is hashed into buckets by what it is about —
(storyline, counted noun of its figure), (story, predicate, argument), (story, event class) — and only claims
that share a bucket are compared. Three kinds of slot are read:

* figures (`figure_match`): "over 1,400 Israelis killed" / "at least 1,400 people" — intervals that meet are
  compatible; exact figures for the same count that differ (and whose clauses say the same thing) contest;
* functions (`functional`, `dates`): one value per slot — the leader of a delegation, the date of an event:
  two different values stated by different documents contest; dates at different granularity that overlap
  ("October 2023" / "2023-10-07") do not;
* events (`events`): met with, discussed, praised ... — one happening told by several documents: the same
  sense, standing (done, not planned), story, time and participants in the same roles; they only corroborate
  (two or more documents that are not near-duplicates of each other).

A document that states two values for one slot itself is taken to be counting two different things,
so those values never contest each other. Every threshold is a field of `Config.facts`.
"""
from __future__ import annotations

from ...config import Config
from ...model import Analysis, Fact
from .context import build_context
from .dates import date_facts
from .figure_match import numeric_facts
from .events import event_facts
from .functional import functional_facts

VERDICT_ORDER = {"contested": 0, "corroborated": 1, "compatible": 2, "single_source": 3}


def align_facts(analysis: Analysis, cfg: Config) -> list[Fact]:
    """Facts of the analysis: numeric, functional and relational slots, each with a verdict."""
    ctx = build_context(analysis, cfg.facts)
    claims = sorted(analysis.claims, key=lambda c: (c.doc, c.start, c.id))
    facts: list[Fact] = []
    # one claim, one fact: a figure first, then a functional slot, an event's date, the event itself
    for family in (numeric_facts, functional_facts, date_facts, event_facts):
        used = {c for f in facts for p in f.positions for c in p.claims}
        facts += family([c for c in claims if c.id not in used and (c.value is None or family is numeric_facts)],
                        ctx)
    facts.sort(key=lambda f: (VERDICT_ORDER[f.verdict], f.story or "",
                              -len({d for p in f.positions for d in p.documents}),
                              f.about, f.positions[0].claims[0] if f.positions and f.positions[0].claims else ""))
    for k, f in enumerate(facts, 1):
        f.id = f"f{k}"
    return facts
