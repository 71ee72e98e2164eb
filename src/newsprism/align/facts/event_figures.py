"""Figures inside one event: two documents that tell one happening and give its count differently contest it.

The figure ledger aligns figures by the words and parse slot around them; where two reports word a clause
differently ('Obama has cut $716 billion from Medicare' / '... $2,151 billion ...' in a reworded sentence),
it may leave both figures alone, and the event ledger then finds the two clauses to be one act by the same
doer. The event says which count the figures are: the same unit of the same act. Exact figures in digits that
cannot both be true are then a dispute, not a corroboration; a document that gives two values of that unit
within the event counts two things ('Romney (17 percent), Huckabee (14 percent)'), so nothing contests there;
and the act must be surely one: the same doer named on both sides ('he rushed for 150 yards' may be a season,
'Thomas rushed for 63 yards' a game).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Protocol, TypeVar

from ...model import Claim, Fact
from .context import Context
from .figure_match import contested_figures
from .figures import figure
from .values import amount, base_unit, measured, rounded, stated


class _View(Protocol):
    claim: Claim      # an event's view of a claim (events.EventClaim)


View = TypeVar("View", bound=_View)


def split_disputed(ctx: Context, group: list[View], same_doer: Callable[[View, View], bool]
                   ) -> tuple[list[View], list[Fact]]:
    """The event's claims less those whose figures contest, and the contested figure facts they make."""
    view = {v.claim.id: v for v in group}
    by_base: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for v in group:
        val = v.claim.value
        if val is not None and val.unit and val.amount is not None:
            # a size ('a 68-yard drive') is no count ('90 yards to go') of the same unit
            by_base[(base_unit(val)[0], measured(val) or "")].append(v.claim)
    facts: list[Fact] = []
    taken: set[str] = set()
    for key in sorted(by_base):
        base, clusters = key[0], _clusters(by_base[key])
        if not 2 <= len(clusters) <= ctx.cfg.max_positions or not all(any(stated(c.value) for c in cl)
                                                                       for cl in clusters):
            continue
        docs = [{c.doc for c in cl} for cl in clusters]
        if any(a & b for i, a in enumerate(docs) for b in docs[i + 1:]):
            continue     # one document gives two values: two things counted, nothing disputed
        if any(_beside(ctx, c, base, other) for i, cl in enumerate(clusters) for c in cl
               for j, other in enumerate(clusters) if j != i):
            continue     # or the other value in one sentence: 'Green (14 points) became the 61st to score 1,000'
        if ctx.independent(set().union(*docs)) < 2:
            continue
        if not all(any(same_doer(view[x.id], view[y.id]) for x in a for y in b)
                   for i, a in enumerate(clusters) for b in clusters[i + 1:]):
            continue     # no two sides name one doer: the same kind of act, maybe not the same one
        facts.append(contested_figures(ctx, base, [[figure(ctx, c) for c in cl] for cl in clusters]))
        taken |= {c.id for cl in clusters for c in cl}
    return [v for v in group if v.claim.id not in taken], facts


def _beside(ctx: Context, c: Claim, base: str, other: list[Claim]) -> bool:
    """Whether the sentence of claim `c` also states one of the other side's values of this unit."""
    text = ctx.texts.get(c.doc, "")
    start = max(text.rfind(". ", 0, c.start), text.rfind("\n", 0, c.start)) + 1
    ends = [i for i in (text.find(". ", c.end), text.find("\n", c.end)) if i >= 0]
    end = min(ends) if ends else len(text)
    wanted = {float(amount(o.value)) for o in other}
    return any(start <= s and e <= end and unit == base and x in wanted
               for s, e, (unit, x) in ctx.figures_at.get(c.doc, []))


def _clusters(claims: list[Claim]) -> list[list[Claim]]:
    """Claims whose values may both be true (equal, compatible intervals, one the other rounded) in one cluster."""
    out: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: (amount(c.value), c.doc, c.start)):
        for cl in out:
            if all(c.value.compatible(o.value) or rounded(amount(c.value), amount(o.value)) for o in cl):
                cl.append(c)
                break
        else:
            out.append([c])
    return out
