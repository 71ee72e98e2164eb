"""Functional slots: one value per slot (a delegation has one leader), so two different values stated by
different documents contest."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Optional

from ...lexicon.predicates import ROLE_NOUNS
from ...model import Claim, Fact
from .context import Context, entities_in, head_word, names_of, same_person, same_value, span_in
from .dates import time_groups
from .positions import agreed_fact, fact, position
from .words import FUNCTIONAL, TITLES


def _leader_ref(ctx: Context, c: Claim) -> Optional[str]:
    """Who a 'lead' claim names: its subject entity, else a person or body named in its subject words,
    else the name those words end with ('Minister of Transport Nurlan Rakhimov' -> 'Nurlan Rakhimov')."""
    if ctx.entity_type(c.subject) in ("PERSON", "ORG", "NORP", "GPE"):
        return c.subject
    text = c.subject_text or ""
    span = span_in(c, text)
    if span is not None:
        named = [e for e in entities_in(ctx, c.doc, c.start + span[0], c.start + span[1])
                 if ctx.entity_type(e) in ("PERSON", "ORG", "NORP", "GPE")]
        people = [e for e in named if ctx.entity_type(e) == "PERSON"]
        if people or named:
            return (people or named)[-1]
    name = leader_name(text)
    if name is None:
        return None
    known = [e for e in ctx.person_index.candidates(name) if any(same_person(name, n) for n in names_of(ctx, e))]
    return min(known, key=lambda e: (len(ctx.name(e)), e)) if len(known) == 1 else name


def leader_name(text: str) -> Optional[str]:
    """The name a 'lead' claim's subject words end with, titles in front dropped ('Minister of Transport Nurlan
    Rakhimov' -> 'Nurlan Rakhimov'); None when they end with no name of two words."""
    m = re.search(r"(?:\b[A-Z][\w’'.-]+\s+){0,2}[A-Z][\w’'-]+$", text.strip())
    if not m or len(m.group(0).split()) < 2:
        return None
    words = m.group(0).split()
    while len(words) > 2 and (words[0].lower().strip(".") in ROLE_NOUNS or words[0].lower().strip(".") in TITLES):
        words = words[1:]      # "Minister Mira Sand" -> "Mira Sand"
    if words[0].lower().strip(".") in ROLE_NOUNS | TITLES:
        return None
    return " ".join(words)


def person_lookups(claims: list[Claim]) -> set[str]:
    """Every name the ledger may look up among all the people of the analysis (`Context.person_index`) for these
    claims: the leader named in passing of each 'lead' claim (a superset: the claims whose leader is an entity
    look nothing up). The ledger's only lookup of entities its claims and mentions do not name: a Spark group
    receives the people these names may be (`scale.stubs`)."""
    return {n for c in claims if c.predicate in FUNCTIONAL and (n := leader_name(c.subject_text or "")) is not None}


def functional_facts(claims: list[Claim], ctx: Context) -> list[Fact]:
    """One value per slot: who led the delegation. Keyed by the object's head noun."""
    buckets: dict[tuple, list[tuple[str, Claim]]] = defaultdict(list)
    for c in claims:
        if c.predicate in FUNCTIONAL:
            ref = _leader_ref(ctx, c)
            head = head_word(c.object_text)
            if ref and head:
                buckets[(ctx.story_of.get(c.doc) or "", c.predicate, head)].append((ref, c))
    facts: list[Fact] = []
    for (story, pred, head), pairs in sorted(buckets.items()):
        ref_of = {c.id: r for r, c in pairs}
        for tgroup in time_groups(ctx, [c for _, c in pairs]):
            # one value per person: a value joins the first (most cited) one it names the same
            by_ref: dict[str, list[Claim]] = defaultdict(list)
            for c in tgroup:
                by_ref[ref_of[c.id]].append(c)
            by_value: dict[str, list[Claim]] = {}
            for r in sorted(by_ref, key=lambda r: (-ctx.independent({c.doc for c in by_ref[r]}), r)):
                same = next((v for v in by_value if same_value(ctx, v, r)), None)
                by_value.setdefault(same or r, []).extend(by_ref[r])
            values = sorted(by_value, key=lambda v: (-ctx.independent({c.doc for c in by_value[v]}), v))
            docs_of = {v: {c.doc for c in by_value[v]} for v in values}
            disputed = [v for v in values if any(not (docs_of[v] & docs_of[w]) for w in values if w != v)]
            about = f"Who led the {head}"
            if len(values) >= 2 and disputed and ctx.independent(set().union(*docs_of.values())) >= 2:
                disputed = disputed[: ctx.cfg.max_positions]
                positions = [position(ctx, ctx.name(v), by_value[v], v) for v in disputed]
                facts.append(fact(ctx, about, "contested", positions, tgroup,
                                  f"Different people or bodies are named as the one who led the {head}."))
            else:
                positions = [position(ctx, ctx.name(v), by_value[v], v) for v in values]
                facts.append(agreed_fact(ctx, about, positions, tgroup))
    return facts
