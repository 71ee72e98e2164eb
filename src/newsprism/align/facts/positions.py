"""Building facts: a position quotes a readable handful of claims; a verdict follows from who states what."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Optional

from ...model import Claim, Fact, Position
from .context import Context


def position(ctx: Context, value: Any, claims: list[Claim], normalized: Any = None) -> Position:
    """A position quoting at most position_claims_per_doc claims per document and position_chars of text, shortest
    clauses first; its documents are all those whose claims state it, quoted or not (eighteen reports agreeing are
    not the fifteen a reader has room to read)."""
    per_doc: dict[str, int] = defaultdict(int)
    kept: list[Claim] = []
    chars = 0
    for c in sorted(claims, key=lambda c: (len(c.text), c.doc, c.start)):
        if per_doc[c.doc] >= ctx.cfg.position_claims_per_doc or (kept and chars + len(c.text) > ctx.cfg.position_chars):
            continue
        per_doc[c.doc] += 1
        chars += len(c.text)
        kept.append(c)
    kept.sort(key=lambda c: (c.doc, c.start))
    return Position(value=value, claims=[c.id for c in kept], documents=sorted({c.doc for c in claims}),
                    normalized=normalized)


def story_of_claims(ctx: Context, claims: list[Claim]) -> Optional[str]:
    stories = sorted({s for c in claims if (s := ctx.story_of.get(c.doc))})
    return stories[0] if stories else None


def agreed_fact(ctx: Context, about: str, positions: list[Position], claims: list[Claim]) -> Fact:
    """Single source, corroborated (one value, two or more independent documents) or compatible."""
    n = ctx.independent({c.doc for c in claims})
    if n < 2:
        verdict, why = "single_source", "Only one document (or copies of it) states this."
    elif len(positions) == 1:
        verdict, why = "corroborated", f"{n} independent documents state the same."
    else:
        verdict, why = "compatible", "The documents word it differently, but all the values can be true at once."
    return fact(ctx, about, verdict, positions, claims, why)


def fact(ctx: Context, about: str, verdict: str, positions: list[Position], claims: list[Claim], why: str) -> Fact:
    """A fact holding every claim that states it; its positions quote a readable few."""
    return Fact(id="", story=story_of_claims(ctx, claims), about=about, verdict=verdict, positions=positions,
                explanation=why, claims=sorted({c.id for c in claims}, key=lambda i: (len(i), i)))
