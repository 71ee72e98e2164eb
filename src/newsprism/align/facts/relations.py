"""Who did what to whom: functional slots (one leader of a delegation) that contest, and relations (met with,
discussed, praised ...) that only corroborate, since many values can be true at once."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Optional

from ...disjoint import DisjointSets
from ...extract.claims import PREDICATE_CLASSES, ROLE_NOUNS
from ...model import Claim, Fact
from .context import Context, arg_keys, entities_in, head_word, names_of, same_person, same_value, span_in
from .dates import time_groups
from .positions import agreed_fact, position, story_of_claims
from .words import FUNCTIONAL, MONTHS_DAYS, STATEMENT_PREDICATES, TITLES, content_words


# -- functional slots ----------------------------------------------------------------------------------------

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
    m = re.search(r"(?:\b[A-Z][\w’'.-]+\s+){0,2}[A-Z][\w’'-]+$", text.strip())
    if not m or len(m.group(0).split()) < 2:
        return None
    words = m.group(0).split()
    while len(words) > 2 and (words[0].lower().strip(".") in ROLE_NOUNS or words[0].lower().strip(".") in TITLES):
        words = words[1:]      # "Minister Mira Sand" -> "Mira Sand"
    if words[0].lower().strip(".") in ROLE_NOUNS | TITLES:
        return None
    name = " ".join(words)
    known = [e.id for e in ctx.analysis.entities if e.type == "PERSON" and any(same_person(name, n) for n in
                                                                                 names_of(ctx, e.id))]
    return min(known, key=lambda e: (len(ctx.name(e)), e)) if len(known) == 1 else name


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
                facts.append(Fact(id="", story=story_of_claims(ctx, tgroup), about=about, verdict="contested",
                                  positions=positions,
                                  explanation=f"Different people or bodies are named as the one who led the {head}."))
            else:
                positions = [position(ctx, ctx.name(v), by_value[v], v) for v in values]
                facts.append(agreed_fact(ctx, about, positions, tgroup))
    return facts


# -- relations ------------------------------------------------------------------------------------------------

def relation_facts(claims: list[Claim], ctx: Context) -> list[Fact]:
    """Non-functional statements (met, discussed, praised ...) shared by two or more independent documents."""
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if not c.predicate:
            continue
        story = ctx.story_of.get(c.doc) or ""
        for role in ("s", "o"):
            for key in arg_keys(ctx, c, role):
                buckets[(story, c.predicate, role, key)].append(c)
    ranked = sorted(buckets.items(), key=lambda kv: (-ctx.independent({c.doc for c in kv[1]}), -len(kv[1]), kv[0]))
    topic = _topic_words(ctx, claims)
    used: set[str] = set()
    facts: list[Fact] = []
    for (story, pred, role, key), group in ranked:
        group = [c for c in group if c.id not in used]
        if ctx.independent({c.doc for c in group}) < 2:
            continue
        for tgroup in [g for tg in time_groups(ctx, group)
                       for g in _same_statement(ctx, tg, pred, role, key, topic.get(story, frozenset()))]:
            if ctx.independent({c.doc for c in tgroup}) < 2:
                continue
            # one clause per document: the shortest that says it
            best: dict[str, Claim] = {}
            for c in sorted(tgroup, key=lambda c: (len(c.text), c.start)):
                best.setdefault(c.doc, c)
            chosen = sorted(best.values(), key=lambda c: (c.doc, c.start))
            used.update(c.id for c in chosen)
            name = ctx.name(key) if not key.startswith("w:") else key[2:]
            about = f"{name} {pred}" if role == "s" else f"{pred} {name}"
            pos = position(ctx, about, chosen, key)
            facts.append(agreed_fact(ctx, about, [pos], chosen))
    return facts


def _topic_words(ctx: Context, claims: list[Claim]) -> dict[str, frozenset[str]]:
    """Per story, the words most of its documents use ('Valdor', 'Lisbon', 'delegation'): sharing them says
    two clauses are about the story, not that they state the same thing."""
    docs_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in claims:
        for w in content_words(c.text):
            docs_of[ctx.story_of.get(c.doc) or ""][w].add(c.doc)
    out = {}
    for story, words in docs_of.items():
        n = len({d for ds in words.values() for d in ds})
        out[story] = frozenset(w for w, ds in words.items() if n >= 3 and len(ds) >= ctx.cfg.topic_share * n)
    return out


def _content(ctx: Context, c: Claim, pred: str, role: str, key: str) -> frozenset[str]:
    """Words of a clause that say what it states: not the argument it was grouped by, not the verb's class."""
    own = (c.subject_text if role == "s" else c.object_text) or ""
    skip = {w.lower() for w in re.findall(r"[A-Za-z]+", own + " " + (c.attribution_text or "") + " " + ctx.name(key))}
    verbs = {lemma[:4] for lemma, cls in PREDICATE_CLASSES.items() if cls == pred} | {pred[:4]}
    skip |= {re.sub(r"(['’]s|s)$", "", w) for w in skip if len(w) > 3}
    return frozenset(w for w in content_words(c.text) if w not in skip and w[:4] not in verbs
                     and w not in ("told", "tell") and not MONTHS_DAYS.match(w))


def _same_statement(ctx: Context, claims: list[Claim], pred: str, role: str, key: str,
                    topic: frozenset[str]) -> list[list[Claim]]:
    """Split one speaker's clauses into statements: two clauses of different documents state
    the same thing when they share content words or the other argument ('said the deal would create jobs' /
    'said the contract stays secret' are two statements, not one fact)."""
    cfg = ctx.cfg
    if pred not in STATEMENT_PREDICATES or role != "s" or len(claims) > cfg.max_statements:
        return [claims]   # grouped by what was done to whom, the bucket already names the statement
    words = [_content(ctx, c, pred, role, key) for c in claims]
    other = [set(arg_keys(ctx, c, "o" if role == "s" else "s")) for c in claims]
    statements = DisjointSets(range(len(claims)))
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if claims[i].doc == claims[j].doc:
                continue
            shared = sum(cfg.topic_weight if w in topic else 1.0 for w in words[i] & words[j])
            if shared >= cfg.shared_words or other[i] & other[j]:
                statements.union(i, j)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(claims):
        groups[statements.find(i)].append(c)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0].id))
