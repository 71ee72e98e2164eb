"""Where an act took place: the named buildings and institutions a clause puts it in, at or into, and whether two
such venues may be one. Two named venues of one act are two occasions ('checked into the Betty Ford Center' /
'checked into Morningside Recovery'); places of the map are no venues, since one may lie inside another."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from typing import Any

from ...model import Claim
from .context import Context, span_in
from .participants import FACILITY_NOUNS, match

# named buildings and institutions an act can take place at; 'into', 'in', 'at' before one names where; after
# 'into' a name of any kind but a place of the map is one ('checked into Birch Recovery', whatever the tagger says)
VENUES = {"FAC", "ORG"}
NOT_VENUES = {"GPE", "LOC", "NORP"}
VENUE_PREP = re.compile(r"\b(?:into|in to|in|at|inside|outside)\s+(?:the\s+)?(?:\w+['’]s\s+)?", re.IGNORECASE)
# two or more capitalized words entered: a named place, where the tagger named nothing there; read only for
# acts of entering, whose clause is about the place entered ('a flaw that lets hackers into X' enters nothing)
ENTERING = {"enter"}
INTO_NAME = re.compile(r"\b(?:into|in to)\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s+)+[A-Z][\w'’-]+)")
# words that say a place is not the one named before: 'has since checked into a different rehab'
OTHER_ONE = {"different", "another", "second", "other", "new"}


def venues_of(ctx: Context, c: Claim, sense: str) -> frozenset[str]:
    """Named buildings and institutions the clause puts its act in, at or into ('checked into the Betty Ford
    Center', 'the fire at the Matanuska Maid warehouse'), outside its doer (the place entered may be the thing done
    to). Places of the map
    (towns, regions) are left out: one may lie inside another ('in Malibu' / 'in Los Angeles') and no gazetteer says so."""
    text = ctx.texts.get(c.doc, "")
    doer = span_in(c, c.subject_text) if c.subject_text else None
    out: set[str] = set()
    covered: set[int] = set()
    starts, rows = ctx.mentions.get(c.doc, ([], []))
    for start, end, ref in rows[bisect.bisect_left(starts, c.start):]:
        if start >= c.end:
            break
        kind = ctx.entity_type(ref)
        if end > c.end or kind in NOT_VENUES or (doer and doer[0] <= start - c.start < doer[1]):
            continue
        before = VENUE_PREP.search(text, max(c.start, start - 12), start)
        into = before is not None and before.group(0).lower().startswith(("into", "in to"))
        if before is not None and before.end() == start and (kind in VENUES or into):
            out.add(ref)    # the place may be the thing done to: 'checked into the X Center' enters it
            covered.add(start)
    for m in INTO_NAME.finditer(text, c.start, c.end) if sense in ENTERING else ():
        if m.start(1) not in covered and m.end(1) <= c.end:
            out.add(m.group(1))   # a name the tagger missed: 'checked in to the Birch Recovery rehab facility'
    return frozenset(out)


def same_venue(ctx: Context, a: frozenset[str], b: frozenset[str]) -> bool:
    """Venues that may be one: one entity, or names sharing a word that says which ('Betty Ford Center' / 'Betty
    Ford Clinic'; not 'Center')."""
    return bool(a & b) or any((ctx.name_words(x) & ctx.name_words(y)) - FACILITY_NOUNS for x in a for y in b)


def venues_of_the_report(ctx: Context, views: list[Any]) -> list[Any]:
    """(views: the `events.EventClaim`s of the analysis, read here by their claim, block, venues, thing and doer.)
    A report that names where an act took place once and then tells it again without ('checked into the X
    Center' ... 'she checked into rehab on Thursday') tells one act: the clause without a venue takes the one its
    report names for the same act by the same doer, where the report names only one. A report naming two venues
    for one act tells two occasions, and its bare clause could be either."""
    by_act: dict[tuple, list[Any]] = defaultdict(list)
    for v in views:
        by_act[(v.claim.doc, v.block)].append(v)
    for told in by_act.values():
        named = [v for v in told if v.venues]
        if not named or len(named) == len(told):
            continue
        venues = frozenset().union(*(v.venues for v in named))
        if not all(same_venue(ctx, frozenset({x}), frozenset({y})) for x in venues for y in venues):
            continue
        for v in told:
            if not v.venues and not (v.obj.words & OTHER_ONE) and all(match(ctx, v.subj, w.subj) for w in named):
                v.venues = venues
    return views
