"""Figures of different documents aligned into facts.

Within a storyline and one counted noun, two documents' figures are matched one-to-one, surest first; a match
counts only when it beats by a margin every other value of the other side. Matched figures with one value form a
cluster; a bound ('at least 10') joins the one undisputed cluster it fits; clusters whose matched figures differ
become the positions of one contested fact (at most max_positions, surest disputes first).
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Optional

from ...disjoint import DisjointSets
from ...lexicon.numbers import CURRENCY_UNITS
from ...model import Claim, Fact, FigureValue, Position
from .context import Context
from .dates import time_groups
from .figure_reach import keys, partners, prunable, slot_people
from .figures import Figure, figure, order_of
from .name_index import PersonIndex
from .values import amount, far_apart, measured, rounded, significant, stated, value_key
from .positions import agreed_fact, fact, position
from .words import stem


def numeric_facts(claims: list[Claim], ctx: Context) -> list[Fact]:
    """Figures blocked by storyline and counted noun, aligned document pair by document pair."""
    figures: dict[str, list[Figure]] = defaultdict(list)
    for c in claims:
        v = c.value
        if v is not None and v.unit and (v.amount is not None or v.min is not None):
            figures[ctx.root_of(c.doc)].append(figure(ctx, c))
    # the people figures' slots name, to find the document pairs that may align a figure (figure_reach)
    people = slot_people(ctx, [f for fs in figures.values() for f in fs]) if prunable(ctx.cfg) else None
    facts: list[Fact] = []
    for root in sorted(figures):
        figs = figures[root]
        df: dict[str, int] = defaultdict(int)
        for f in figs:
            for w in f.words:
                df[w] += 1
        idf = {w: math.log(1.0 + len(figs) / n) for w, n in df.items()}
        blocks: dict[str, list[Figure]] = defaultdict(list)
        for f in figs:
            blocks[f.base].append(f)
        for base in sorted(blocks):
            by_claim = {f.claim.id: f for f in blocks[base]}
            for tgroup in time_groups(ctx, [f.claim for f in blocks[base]], by_event=False):
                facts += _figure_slots(ctx, base, [by_claim[c.id] for c in tgroup], idf, people)
    return facts


# -- how surely two figures fill one slot -----------------------------------------------------------------

def _parse_score(a: Figure, b: Figure) -> float:
    """Agreement of two figures' parse slots: the same verb class, the same doer or thing done to, the same
    prepositional anchors ('of the budget', 'in the crash'); a doer named differently on both sides counts against."""
    cfg = a.ctx.cfg if a.ctx else None
    score = 0.0
    if a.parse.get("thing") and b.parse.get("thing") and not a.parse["thing"] & b.parse["thing"] \
            and (measured(a.claim.value) or measured(b.claim.value)):
        return -1.0    # "a 10-year deal" / "a 30-year lease": sizes of two different things
    order_a, order_b = order_of(a), order_of(b)
    if order_a and order_b and not order_a & order_b:
        return -1.0    # "its next 23 games" / "their last 23 games": two different runs of games
    for size, count in ((a, b), (b, a)):
        thing = measured(size.claim.value)
        if thing and not measured(count.claim.value) and stem(thing) not in count.words:
            score -= cfg.size_apart   # "a 41-yard pass" is no count of the game's "37 yards" unless a pass is near it
    if bool(a.parse.get("part")) != bool(b.parse.get("part")):
        score -= cfg.part_apart
    for part, weight in cfg.parse_weights.items():
        x, y = a.parse.get(part), b.parse.get(part)
        if not x or not y:
            continue
        if x & y or (part in ("subj", "obj", "owner") and a.ctx is not None and a.ctx.may_be_same(x, y)):
            score += weight
        elif part in ("subj", "obj") and all(r.startswith("@") for r in x | y):
            score -= weight    # two different named doers: likely two different counts
    return score


def _share_content(a: Figure, b: Figure) -> bool:
    """Some word or name around both figures beyond what happened to the counted, said in the clause of at least
    one of them or naming whom one of them counts for: two clauses that share only a name somewhere in their
    paragraphs ('by Mike's side for 19 years, said an adviser to Mr. Bloomberg' / 'Bloomberg ran the city for 12
    years') count two things; 'molested a 14-year-old girl' / 'when she was 14' share the accused, their doer."""
    near = a.ctx.cfg.surrounding_weight if a.ctx else 0.0
    cast = {r for f in (a, b) for k in ("subj", "obj", "owner") for r in f.parse.get(k, ())}
    return any(w in b.words and not w.startswith("~") and (max(x, b.words[w]) > near or w in cast)
               for w, x in a.words.items())


def _named_alike(a: Figure, b: Figure) -> bool:
    """The people named by a figure may be the ones named by the other, or the doer or owner its clause is
    about ('who lasted 52 games before being replaced by Ford': the one who lasted, not Ford)."""
    theirs = b.people | frozenset(r[1:] for k in ("subj", "owner") for r in b.parse.get(k, ()) if r.startswith("@"))
    return a.ctx.may_be_same(a.people, theirs) if a.ctx else bool(a.people & theirs)


def _weight(f: Figure, idf: dict[str, float]) -> float:
    """The idf-weighted size of a figure's neighbourhood; one figure meets many others, so it is summed once."""
    if f.weight is None or f.weight[0] is not idf:
        f.weight = (idf, sum(idf.get(w, 1.0) * x for w, x in f.words.items()))
    return f.weight[1]


def slot_score(a: Figure, b: Figure, idf: dict[str, float]) -> float:
    """How surely two figures fill one slot: weighted overlap of their neighbourhoods, 0 when they plainly differ."""
    cfg = a.ctx.cfg
    if a.role and b.role and a.role != b.role:
        return 0.0
    if a.people and b.people and not (_named_alike(a, b) or _named_alike(b, a)):
        return 0.0      # "Manning threw for 364 yards" / "Garrard threw for 329 yards"
    if bool(a.parse.get("separate")) != bool(b.parse.get("separate")):
        return 0.0      # "a separate $5 million ad" / "the ad is costing $1 million": two things
    na, nb = _weight(a, idf), _weight(b, idf)
    if na <= 0 or nb <= 0:
        return 0.0
    shared = sum(idf.get(w, 1.0) * min(x, b.words[w]) for w, x in a.words.items() if w in b.words)
    score = shared / (cfg.score_mix * min(na, nb) + (1 - cfg.score_mix) * max(na, nb)) + _parse_score(a, b)
    if a.co and b.co:
        # the same other figure stated beside both; a small number repeats by chance, a large one rarely
        told = sum(max(0.0, min(1.0, math.log10(amount) / cfg.co_digits)) for _, amount in a.co & b.co)
        score += cfg.co_figure_weight * min(cfg.co_max, told)
    return score + (cfg.same_value_bonus if a.key[:2] == b.key[:2] else 0.0)   # one amount, however qualified


# -- matching two documents' figures ------------------------------------------------------------------------

def _align(ctx: Context, figs: list[Figure], idf: dict[str, float],
           people: Optional[PersonIndex] = None) -> list[tuple[Figure, Figure, float]]:
    """Pairs of figures from two documents, one-to-one, surest match first, with their score; a match counts
    only when it beats by the margin every other value on either side not already matched to its own. With
    `people`, only document pairs sharing a key of `figure_reach` are compared: the others align nothing."""
    cfg = ctx.cfg
    by_doc: dict[str, list[Figure]] = defaultdict(list)
    for f in figs:
        by_doc[f.claim.doc].append(f)
    docs = sorted(by_doc)
    if people is not None:
        later = partners([frozenset().union(*(keys(ctx, f, people) for f in by_doc[d])) for d in docs])
    else:
        later = [list(range(i + 1, len(docs))) for i in range(len(docs))]
    pairs: list[tuple[Figure, Figure, float]] = []   # figure, figure, score
    for i, da in enumerate(docs):
        for db in (docs[j] for j in later[i]):
            fa, fb = by_doc[da], by_doc[db]
            if len(fa) * len(fb) > cfg.max_pairs:
                continue
            score = [[slot_score(x, y, idf) for y in fb] for x in fa]
            if len({x.key for x in fa}) == 1 and len({y.key for y in fb}) == 1:
                # each document gives one figure of this kind: the natural reading is that they count one thing
                score = [[v + cfg.unique_bonus if v > 0 and _share_content(x, y) else v for v, y in zip(row, fb)]
                         for row, x in zip(score, fa)]

            # one-to-one, surest first: a figure taken by a surer match is no rival any more
            # ("five-year" matched to "five-year" leaves "10-year" to face "37-year")
            keys_a, keys_b = [x.key for x in fa], [y.key for y in fb]
            free_a, free_b = set(range(len(fa))), set(range(len(fb)))
            cells = sorted(((score[x][y], x, y) for x in range(len(fa)) for y in range(len(fb))
                            if score[x][y] >= cfg.agree_min), key=lambda t: (-t[0], t[1], t[2]))
            # a figure matched to the same value in the other document is explained: it rivals no one after
            explained_a: set[int] = set()
            explained_b: set[int] = set()
            for v, x, y in cells:
                if x not in free_a or y not in free_b:
                    continue
                rival_x = max((score[x][j] for j in range(len(fb)) if keys_b[j] != keys_b[y] and j not in explained_b),
                              default=0.0)
                rival_y = max((score[i][y] for i in range(len(fa)) if keys_a[i] != keys_a[x] and i not in explained_a),
                              default=0.0)
                free_a.discard(x)
                free_b.discard(y)
                if v - max(rival_x, rival_y) < cfg.margin:
                    continue    # ambiguous: neither figure is paired with a weaker match instead
                if keys_a[x][:2] == keys_b[y][:2]:
                    explained_a.add(x)
                    explained_b.add(y)
                pairs.append((fa[x], fb[y], v))
    return pairs


def _figure_slots(ctx: Context, base: str, figs: list[Figure], idf: dict[str, float],
                  people: Optional[PersonIndex] = None) -> list[Fact]:
    """Figures that agree (the same value, or values that can both be true) form a cluster; two clusters whose
    figures are aligned with different exact values contest. Disagreement never chains clusters into one
    slot: a weak match between '1099 yards' and '101 yards' must not lump a game's every yardage together."""
    pairs = _align(ctx, figs, idf, people)
    agree = DisjointSets(f.claim.id for f in figs)
    held: dict[str, list[Figure]] = {f.claim.id: [f] for f in figs}

    def same(x: Figure, y: Figure) -> None:
        """One figure, unless the two sides are ages or counts of people who cannot be one ('Ann Lee, 23' and
        '23-year-old Tom Hart' are two ages, even where a bare 'a 23-year-old' sits between them)."""
        rx, ry = agree.find(x.claim.id), agree.find(y.claim.id)
        if rx != ry and not _of_other_people(ctx, held[rx], held[ry]):
            held[agree.union(rx, ry)] = held.pop(rx) + held.pop(ry)

    first: dict[tuple, Figure] = {}
    for f in figs:   # a document repeating its own figure
        k = (f.claim.doc, f.key)
        if k in first:
            same(f, first[k])
        else:
            first[k] = f
    for x, y, _ in pairs:
        if x.key[:2] == y.key[:2]:
            same(x, y)     # one figure, however qualified
    surest = sorted(pairs, key=lambda p: (-p[2], p[0].claim.id, p[1].claim.id))
    amounts: dict[str, set[float]] = defaultdict(set)
    for f in figs:
        if f.claim.value.amount is not None:
            amounts[agree.find(f.claim.id)].add(float(f.claim.value.amount))
    for x, y, _ in surest:
        rx, ry = agree.find(x.claim.id), agree.find(y.claim.id)
        both = amounts[rx] | amounts[ry]
        if rx != ry and rounded(amount(x.claim.value), amount(y.claim.value)) and all(
                a == b or rounded(a, b) for a in both for b in both):
            agree.union(rx, ry)     # '1,500' for '1,520', but never '300' bridging '329' and '364'
            amounts[agree.find(rx)] = both
    by_doc_key: dict[tuple[str, tuple], list[Figure]] = defaultdict(list)
    for f in figs:
        by_doc_key[(f.claim.doc, f.key)].append(f)

    def gives_both(a: Figure, b: Figure) -> bool:
        """a's document also gives b's value where it may count the same thing (or the other way round)."""
        return any(slot_score(x, y, idf) >= ctx.cfg.agree_min for x, y in
                   [(o, b) for o in by_doc_key.get((a.claim.doc, b.key), [])] +
                   [(o, a) for o in by_doc_key.get((b.claim.doc, a.key), [])])

    clusters: dict[str, list[Figure]] = defaultdict(list)
    for f in figs:
        clusters[agree.find(f.claim.id)].append(f)
    docs_of = {r: {f.claim.doc for f in fs} for r, fs in clusters.items()}
    edges: dict[tuple[str, str], float] = {}
    for x, y, score in pairs:
        rx, ry = agree.find(x.claim.id), agree.find(y.claim.id)
        if rx != ry and _contests(ctx, x, y, score) and not docs_of[rx] & docs_of[ry] and not gives_both(x, y) \
                and not _of_other_people(ctx, clusters[rx], clusters[ry]):
            edges[tuple(sorted((rx, ry)))] = max(score, edges.get(tuple(sorted((rx, ry))), 0.0))
    # a bound ("at least 10", "over 200") sits with the figure it was matched to ("224"), unless that
    # figure is disputed: a bound compatible with both sides of a dispute belongs to neither
    disputed = {r for e in edges for r in e}
    for x, y, _ in surest:
        rx, ry = agree.find(x.claim.id), agree.find(y.claim.id)
        if rx == ry or rx in disputed or ry in disputed or not x.claim.value.compatible(y.claim.value) \
                or _beyond_bound(x.claim.value, y.claim.value, ctx.cfg.bound_reach):
            continue
        exact = {amount(f.claim.value) for r in (rx, ry) for f in clusters[r] if f.claim.value.exact}
        if len(exact) > 1:
            continue   # never bridge two exact figures ("10", "37", "seven") through a bound
        joined = clusters.pop(rx) + clusters.pop(ry)
        clusters[agree.union(rx, ry)] = joined
    # clusters joined by disputes, surest dispute first, never more than max_positions in one fact
    disputes = DisjointSets(clusters)
    size = {r: 1 for r in clusters}
    held = {r: list(fs) for r, fs in clusters.items()}   # a dispute group's figures, for whose they are
    for (rx, ry), _ in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0])):
        gx, gy = disputes.find(rx), disputes.find(ry)
        if gx != gy and size[gx] + size[gy] <= ctx.cfg.max_positions and not _of_other_people(ctx, held[gx], held[gy]):
            g = disputes.union(gx, gy)
            size[g], held[g] = size[gx] + size[gy], held[gx] + held[gy]
    facts: list[Fact] = []
    groups: dict[str, list[str]] = defaultdict(list)
    for r in sorted(clusters):
        groups[disputes.find(r)].append(r)
    for g in sorted(groups):   # a group of two or more clusters was joined by disputes
        members = groups[g]
        if len(members) == 1:
            facts.append(_agreed_figures(ctx, base, clusters[members[0]]))
        else:
            facts.append(contested_figures(ctx, base, [clusters[r] for r in members]))
    return facts


def _beyond_bound(a: FigureValue, b: FigureValue, reach: float) -> bool:
    """A bound and an exact figure many times past it ('more than three years' of delays / a sentence of '485
    years'): news gives a bound as the round number just short of the count, so they count two things."""
    for bound, count in ((a, b), (b, a)):
        if bound.amount is None or not count.exact or not bound.amount:
            continue
        if bound.qualifier in (">", ">=") and amount(count) >= reach * float(bound.amount):
            return True
        if bound.qualifier in ("<", "<=") and amount(count) * reach <= float(bound.amount):
            return True
    return False


def _of_other_people(ctx: Context, a: list[Figure], b: list[Figure]) -> bool:
    """Two clusters of figures that are people's own (an age, 'Lee's 300 yards'), none of whose owners may be one
    of the other's: 'Ann Lee, 40' and 'Tom Hart, 61' are two ages, however alike the clauses around them, and a
    clause naming no one ('a 61-year-old man') must not carry the dispute from one to the other. A name merely
    near a figure ('the $184 million reported by Mike Lynch') is no owner."""
    def owners(cluster: list[Figure]) -> frozenset[str]:
        return frozenset().union(*(f.people for f in cluster if f.base == "years old" or f.parse.get("owner")))
    named_a, named_b = owners(a), owners(b)
    return bool(named_a and named_b) and not ctx.may_be_same(named_a, named_b)


def _contests(ctx: Context, a: Figure, b: Figure, score: float) -> bool:
    """Two aligned figures that cannot both be true, said surely enough to call a dispute: exact figures in
    digits ("12" vs "19"), never bounds or number words unless they are far apart and the match is sure."""
    cfg = ctx.cfg
    va, vb = a.claim.value, b.claim.value
    other_event = ctx.story_of.get(a.claim.doc) != ctx.story_of.get(b.claim.doc) \
        or not _share_figures(ctx, a.claim.doc, b.claim.doc)
    need = cfg.contest_min + (cfg.other_event if other_event else 0.0)
    if va.score or vb.score:
        need = max(need, cfg.score_match)   # a game report holds many scores and records: only a sure match is one
    if score < need or va.compatible(vb) or rounded(amount(va), amount(vb)):
        return False
    # near-duplicates never corroborate each other, but two copies of one report that differ on a figure
    # are exactly what a reader must see (a correction, an edit, a typo)
    return (stated(va) and stated(vb)) or (score >= cfg.sure_match and far_apart(va, vb, cfg.far_apart))


def _share_figures(ctx: Context, a: str, b: str) -> bool:
    """Whether two reports may tell one event: they repeat some figure or name one calendar day (two
    earthquakes' reports rarely do), or one of them states too few figures to tell."""
    va, vb = ctx.figure_values.get(a, set()), ctx.figure_values.get(b, set())
    return len(va & vb) >= ctx.cfg.shared_figures or min(len(va), len(vb)) < ctx.cfg.many_figures \
        or bool(ctx.days.get(a, set()) & ctx.days.get(b, set()))


# -- facts from clusters ---------------------------------------------------------------------------------------

def _about_figure(base: str, figs: list[Figure]) -> str:
    unit = figs[0].claim.value.unit or base
    return f"Number of {unit}" if base not in CURRENCY_UNITS else f"Figure in {base}"


def _figure_position(ctx: Context, claims: list[Claim]) -> Position:
    """One value of a cluster: its most often stated wording, with the cluster's claims."""
    counts: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        counts[value_key(c.value)].append(c)
    ranked = sorted(counts, key=lambda k: (-len({c.doc for c in counts[k]}), -len(significant(k[1])), k))
    v = counts[ranked[0]][0].value
    norm = v.score if v.score else v.amount if v.amount is not None else [v.min, v.max]
    # a cluster holding a figure and its rounding shows both ('329 / 300'); one figure worded two ways
    # ('over 1,400', 'more than 1,400') shows its commonest wording
    shown, amounts = [], set()
    for k in ranked:
        if k[1] not in amounts:
            amounts.add(k[1])
            shown.append(counts[k][0].value.text)
    return position(ctx, " / ".join(shown), claims, norm)


def _agreed_figures(ctx: Context, base: str, figs: list[Figure]) -> Fact:
    by_value: dict[tuple, list[Claim]] = defaultdict(list)
    for f in figs:
        by_value[f.key].append(f.claim)
    positions = [_figure_position(ctx, by_value[k]) for k in sorted(by_value)]
    return agreed_fact(ctx, _about_figure(base, figs), positions, [f.claim for f in figs])


def contested_figures(ctx: Context, base: str, clusters: list[list[Figure]]) -> Fact:
    """Each cluster of agreeing figures is one position."""
    ordered = sorted(clusters, key=lambda fs: min(f.key for f in fs))
    positions = [_figure_position(ctx, [f.claim for f in fs]) for fs in ordered]
    shown = " vs ".join(str(p.value) for p in positions)
    claims = [f.claim for fs in clusters for f in fs]
    return fact(ctx, _about_figure(base, clusters[0]), "contested", positions, claims,
                f"Different documents give different exact figures for the same count ({shown}).")
