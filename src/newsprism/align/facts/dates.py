"""Time in the ledger: the days a time value covers, claims grouped by when they happened, and the date of an
event as a functional slot ('September 2023' and 'October 7' for the same attack contest)."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Optional

from ...extract.claims import EVENT_NOUNS
from ...lexicon.dates import days_covered
from ...model import Claim, Fact
from .context import Context, head_word
from .positions import agreed_fact, fact, position
from .words import ASPECT_VERBS, EVENT_CLASSES, EXPLICIT_DATE


def claim_time(ctx: Context, c: Claim) -> Optional[tuple[date, date]]:
    return days_covered(c.when) or days_covered(ctx.published.get(c.doc))


def time_groups(ctx: Context, claims: list[Claim], by_event: bool = True) -> list[list[Claim]]:
    """Split claims whose times lie more than time_window_days apart; undated claims join the largest group.
    `by_event=False` uses publication dates only (a figure's clause often names an unrelated year)."""
    window = ctx.cfg.time_window_days
    when = (lambda c: claim_time(ctx, c)) if by_event else (lambda c: days_covered(ctx.published.get(c.doc)))
    dated = sorted(((r, c) for c in claims if (r := when(c)) is not None), key=lambda x: (x[0], x[1].id))
    undated = [c for c in claims if when(c) is None]
    groups: list[list[Claim]] = []
    end: Optional[date] = None
    for (s, e), c in dated:
        if end is None or (s - end).days > window:
            groups.append([])
            end = e
        groups[-1].append(c)
        end = max(end, e)
    if undated and not groups:
        groups.append([])
    # an undated claim joins the group its own story fills most (else the largest): a storyline may hold
    # two events years apart, and a document without a date belongs with the event it was clustered into
    stories = [defaultdict(int) for _ in groups]
    for g, counts in zip(groups, stories):
        for c in g:
            counts[ctx.story_of.get(c.doc) or ""] += 1
    for c in undated:
        story = ctx.story_of.get(c.doc) or ""
        k = max(range(len(groups)), key=lambda i: (stories[i][story], len(groups[i]), -i))
        groups[k].append(c)
    return groups


def time_text(ctx: Context, c: Claim) -> Optional[str]:
    """The words of the time expression that gave the claim its date."""
    t = ctx.analysis.time(c.time)
    return t.text if t is not None else None


def participants(ctx: Context, c: Claim) -> set[str]:
    return {r for r in (c.subject, c.object) if r and ctx.analysis.entity(r) is not None}


def event_of(c: Claim) -> Optional[str]:
    """The event a dated claim is about: its predicate class, or the event its subject names when the verb
    only says it began ('Talks on the lease began in March 2024' dates the start of the talks)."""
    if c.predicate in EVENT_CLASSES:
        return c.predicate
    if c.predicate in ASPECT_VERBS:
        head = head_word(c.subject_text)
        event = EVENT_NOUNS.get(head or "") or EVENT_NOUNS.get((head or "") + "s")
        if event:
            return f"{ASPECT_VERBS[c.predicate]} {event}"
    return None


def date_facts(claims: list[Claim], ctx: Context) -> list[Fact]:
    """The date of an event is functional: 'September 2023' and 'October 7' for the same attack contest."""
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        pred = event_of(c)
        if pred and days_covered(c.when) is not None and c.value is None:
            text = time_text(ctx, c)
            if text and EXPLICIT_DATE.search(text) and not re.fullmatch(r"\W*(19|20)\d\d\W*", c.when or ""):
                buckets[(ctx.story_of.get(c.doc) or "", pred)].append(c)
    facts: list[Fact] = []
    for (story, pred), group in sorted(buckets.items()):
        for tgroup in time_groups(ctx, group):
            facts += _judge_dates(ctx, pred, tgroup)
    return facts


def _overlap(a: str, b: str) -> bool:
    ra, rb = days_covered(a), days_covered(b)
    return bool(ra and rb and ra[0] <= rb[1] and rb[0] <= ra[1])


def _judge_dates(ctx: Context, pred: str, claims: list[Claim]) -> list[Fact]:
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_value[c.when or ""].append(c)
    values = sorted(by_value)
    docs_of = {v: {c.doc for c in by_value[v]} for v in values}
    parts_of = {v: set().union(*[participants(ctx, c) for c in by_value[v]]) for v in values}
    conflicts = set()
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            if _overlap(a, b) or docs_of[a] & docs_of[b]:
                continue
            if parts_of[a] and parts_of[b] and not parts_of[a] & parts_of[b]:
                continue   # different participants: two events, not one event dated twice
            if ctx.independent(docs_of[a] | docs_of[b]) >= 2:
                conflicts.add((a, b))
    nouns = {"meet": "meeting", "kill": "killing", "die": "death", "start meet": "start of the talks",
             "end meet": "end of the talks"}
    noun = nouns.get(pred, pred)
    about = f"When the {noun} took place"
    if not conflicts:
        positions = [position(ctx, time_text(ctx, by_value[v][0]) or v, by_value[v], v) for v in values]
        return [agreed_fact(ctx, about, positions, claims)]
    involved = sorted({v for pair in conflicts for v in pair},
                      key=lambda v: (-ctx.independent(docs_of[v]), v))[: ctx.cfg.max_positions]
    # values that overlap a disputed one sit with it ("October 2023" next to "2023-10-07") only when undisputed
    positions = [position(ctx, time_text(ctx, by_value[v][0]) or v, by_value[v], v) for v in sorted(involved)]
    return [fact(ctx, about, "contested", positions, claims, f"Different documents date the same {noun} differently.")]
