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

from collections import Counter
from typing import Callable, Optional

from ...config import Config
from ...model import Analysis, Claim, Fact, FigureValue
from .context import Context, build_context, head_word
from .dates import date_facts
from .figure_match import numeric_facts
from .events import event_facts, sense_of, topic_words
from .functional import functional_facts
from .positions import agreed_fact
from .values import amount, base_unit, rounded
from .words import content_words

VERDICT_ORDER = {"contested": 0, "corroborated": 1, "compatible": 2, "single_source": 3}


def align_facts(analysis: Analysis, cfg: Config, titles: Optional[frozenset[str]] = None) -> list[Fact]:
    """Facts of the analysis: numeric, functional and relational slots, each with a verdict. `titles`: the
    coverage's words for a person (`Context.person_titles`), when the analysis is one storyline of it."""
    try:
        return _align_facts(analysis, cfg, titles)
    finally:
        content_words.cache_clear()     # the clauses' words and heads are kept for one run only
        head_word.cache_clear()


def _align_facts(analysis: Analysis, cfg: Config, titles: Optional[frozenset[str]] = None) -> list[Fact]:
    ctx = build_context(analysis, cfg.facts, titles)
    claims = sorted(analysis.claims, key=lambda c: (c.doc, c.start, c.id))
    # one claim, one fact: a figure two documents give, then a functional slot, an event's date, the event itself
    numeric = numeric_facts([c for c in claims if c.value is not None], ctx)
    facts = [f for f in numeric if f.verdict in ("contested", "compatible")]
    for family in (functional_facts, date_facts):
        used = {c for f in facts for c in f.claims}
        facts += family([c for c in claims if c.id not in used], ctx)
    used = {c for f in facts for c in f.claims}
    candidates = [c for c in claims if c.id not in used]
    topic = topic_words(ctx, candidates)
    events = event_facts(candidates, ctx, topic)
    facts, told = _figures_told_by_events(ctx, facts + events, events,
                                          [f for f in numeric if f.verdict == "corroborated"], claims,
                                          lambda kept: event_facts(kept, ctx, topic))
    # a figure only one document gives stays a single-source fact, unless its clause tells an event others tell
    used = {c for f in facts for c in f.claims}
    doc_of = {c.id: c.doc for c in claims}
    facts += [f for f in (_without(f, used, doc_of) for f in numeric if f.verdict == "single_source") if f is not None]
    facts.sort(key=lambda f: (VERDICT_ORDER[f.verdict], f.story or "",
                              -len({d for p in f.positions for d in p.documents}),
                              f.about, f.positions[0].claims[0] if f.positions and f.positions[0].claims else ""))
    for k, f in enumerate(facts, 1):
        f.id = f"f{k}"
    for agreed, event in told:
        agreed.event = event.id
    return facts


def _figures_told_by_events(ctx: Context, facts: list[Fact], events: list[Fact], agreed: list[Fact],
                            claims: list[Claim], regroup: Callable[[list[Claim]], list[Fact]]
                            ) -> tuple[list[Fact], list[tuple[Fact, Fact]]]:
    """A figure several documents agree on is told by the event its clauses tell ('killed 12 people' is the
    killing) when one event fact holds all its claims and another document's telling too (an event of just those
    documents says less than the figure). Where a disputed figure of an event holds one of its claims, the dispute
    keeps it and the agreement keeps the rest; so does a larger event whose act the figure's clauses tell only in
    part (`_across_acts`), where two reports still give the figure. Otherwise the agreement stands whole, and the
    events that took some of its claims give them back (an event left with one independent document is no fact);
    the agreement is then a figure of that event (`Fact.event`, see `_tells_most`). An event that gave claims back
    is read again (`regroup`) from those it keeps: the clauses given back may have been what tied the rest.
    -> the facts, and (agreement, its event) pairs."""
    home: dict[str, Fact] = {c: f for f in facts for c in f.claims}
    is_event = {id(e) for e in events}
    by_id = {c.id: c for c in claims}
    doc_of = {c.id: c.doc for c in claims}
    whole, rests = [], []
    for f in agreed:
        event = home.get(f.claims[0])
        if event is not None and all(home.get(c) is event for c in f.claims) \
                and len(_docs(event, doc_of)) > len(_docs(f, doc_of)) \
                and _tells_only(event, by_id[f.claims[0]].value, by_id):
            continue
        rest = _without(f, set(home), doc_of)
        # a disputed figure of an event keeps its claim; so does a larger event whose act only some of the figure's
        # clauses tell (and every other fact holding one), where two reports still give the figure without them:
        # an agreement is never undone for an event. The figure keeps the rest.
        if any(home[c].verdict == "contested" for c in f.claims if c in home) or (
                rest is not None and ctx.independent(_docs(rest, doc_of)) >= 2
                and _across_acts(ctx, f, home, is_event, by_id, doc_of) is not None):
            if rest is not None:
                rests.append(agreed_fact(ctx, f.about, rest.positions, [by_id[c] for c in rest.claims]))
        else:
            whole.append(f)
    give_back = {c for f in whole for c in f.claims}
    kept, left = [], {}
    for f in facts:
        rest = _without(f, give_back, doc_of)
        if rest is not None and rest is not f and id(f) in is_event:
            again = regroup([by_id[c] for c in rest.claims])
            kept += again
            if again:
                left[id(f)] = max(again, key=lambda e: len(e.claims))
        elif rest is not None and (rest is f or ctx.independent(_docs(rest, doc_of)) >= 2):
            kept.append(rest)
            left[id(f)] = rest
    # the event an agreed figure is given in: of the event facts that took some of its clauses and kept a fact once
    # they were given back, the one that took most (read through `home`, never event by event)
    rank = {id(e): k for k, e in enumerate(events) if id(e) in left}
    told = []
    for f in whole:
        took = Counter(id(home[c]) for c in f.claims if c in home and id(home[c]) in rank)
        if took:
            event = left[min(took, key=lambda e: (-took[e], rank[e]))]
            if _tells_most(f, event, by_id):
                told.append((f, event))
    return kept + whole + rests, told


def _across_acts(ctx: Context, figure: Fact, home: dict[str, Fact], is_event: set[int], by_id: dict[str, Claim],
                 doc_of: dict[str, str]) -> Optional[Fact]:
    """The event that took most of an agreed figure's clauses, where more reports tell it than the figure and it
    tells the act of fewer than most of them: the figure is told across acts, and those clauses stay with the
    larger agreement ('more than three years' of efforts, said where one report tells the sentencing; not 'over
    1,400 Israelis killed', which three reports give and two tell as a killing). None otherwise. `is_event`: the
    ids of the event facts, made once for all figures."""
    took = Counter(id(home[c]) for c in figure.claims if c in home and id(home[c]) in is_event)
    if not took:
        return None
    most = max(took.values())
    event = next(home[c] for c in figure.claims if c in home and took.get(id(home[c])) == most)
    if _tells_most(figure, event, by_id) \
            or ctx.independent(_docs(event, doc_of)) <= ctx.independent(_docs(figure, doc_of)):
        return None
    return event


def _tells_most(figure: Fact, event: Fact, by_id: dict[str, Claim]) -> bool:
    """Whether most of an agreed figure's clauses tell the event's act ('was sentenced to seven life sentences'
    under the sentencing; not 'fired after a 9-14 start' and 'sat 9-14 in the division', which tell two acts)."""
    senses = {sense_of(by_id[c]) for c in event.claims}
    return 2 * sum(sense_of(by_id[c]) in senses for c in figure.claims) > len(figure.claims)


def _docs(fact: Fact, doc_of: dict[str, str]) -> set[str]:
    return {doc_of[c] for c in fact.claims}


def _tells_only(event: Fact, value: FigureValue, by_id: dict[str, Claim]) -> bool:
    """Whether every figure of this unit the event's claims give can be the agreed one: an event that also holds
    another amount ('earned $140 million', 'earning $16,450 as a young professor') tells two things."""
    unit = base_unit(value)[0]
    others = [by_id[c].value for c in event.claims if by_id[c].value is not None and by_id[c].value.unit]
    return all(v.compatible(value) or rounded(amount(v), amount(value)) for v in others if base_unit(v)[0] == unit)


def _without(fact: Fact, used: set[str], doc_of: dict[str, str]) -> Optional[Fact]:
    """The fact less the claims another fact holds; None when nothing of it is left."""
    if not used & set(fact.claims):
        return fact
    positions = []
    for p in fact.positions:
        kept = [c for c in p.claims if c not in used]
        if kept:
            positions.append(p.model_copy(update={"claims": kept, "documents": sorted({doc_of[c] for c in kept})}))
    if not positions:
        return None
    return fact.model_copy(update={"positions": positions, "claims": [c for c in fact.claims if c not in used]})
