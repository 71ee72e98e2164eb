"""A figure as the ledger compares it: its value, what it counts (the counted noun, what happened to it) and
the words, names and parse slot around it that say which count it is."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ...model import Claim, SlotArg
from .context import Context, entities_in, entity_at, main_person, span_in
from .values import base_unit, measured, value_key
from .words import (
    LINK_PREDICATES,
    ORDER_MODS,
    PARTITIVE,
    PRONOUNS,
    ROLE_WORDS,
    SEPARATE,
    STOP,
    WORD,
    stem,
)


@dataclass
class Figure:
    """One figure with its slot: what it counts (block key), what happened to it, and the words and names around it."""

    claim: Claim
    base: str                      # the counted noun (or currency, percent): figures are compared only within it
    role: Optional[str]            # killed / injured / ...: two different roles are two different counts
    key: tuple                     # the value as compared
    words: dict[str, float]        # context word -> closeness to the figure (1.0 next to it)
    people: frozenset[str]         # persons named next to the figure: whose age, whose yards
    parse: dict[str, frozenset[str]]   # the figure's slot read from the parse: pred, subj, obj, preps, mods, owner
    ctx: Optional[Context] = None
    co: frozenset[tuple[str, float]] = frozenset()   # the other figures its clause states (("year", 8.0))
    weight: Optional[tuple[dict, float]] = field(default=None, repr=False, compare=False)   # (idf, its sum): figure_match


def figure(ctx: Context, c: Claim) -> Figure:
    cfg = ctx.cfg
    v = c.value
    base, role = base_unit(v)
    at, end = span_in(c, v.text) or (len(c.text) // 2, len(c.text) // 2)
    # the unit's own words say nothing about which count it is ('games' beside '10 games'); stem cuts
    # 'games' to 'gam' but leaves 'game', so both forms are kept, to five letters
    unit_stems = {x[:5] for u in re.findall(r"[a-z]+", v.unit.lower())
                  for x in (u, stem(u), stem(u + "s"))}
    words: dict[str, float] = {}
    toks = [(m.start(), m.group(0).lower()) for m in WORD.finditer(c.text)]
    left = [w for p, w in reversed(toks) if p < at]
    right = [w for p, w in toks if p >= end]
    for side in (left, right):
        _add_words(ctx, side, words, unit_stems, 1.0, roles=True)
    _add_surroundings(ctx, c, words, unit_stems)
    beside = ctx.figures_at.get(c.doc, [])
    co = frozenset(token for s, e, token in beside[bisect.bisect_left(beside, (c.start,)):
                                                   bisect.bisect_left(beside, (c.end,))]
                   if e <= c.end and not (s < c.start + end and c.start + at < e))
    lo, hi = c.start + max(0, at - cfg.name_reach), c.start + min(len(c.text), end + cfg.name_reach)
    ents = entities_in(ctx, c.doc, lo, hi)
    for e in ents:
        words["@" + e] = max(words.get("@" + e, 0.0), 1.0)
    people = frozenset(e for e in ents if ctx.entity_type(e) == "PERSON")
    parse = _parse_slot(ctx, c)
    if PARTITIVE.match(c.text, end):
        parse["part"] = frozenset({"part"})    # "eight of their last 10 games": a part, not the whole
    if SEPARATE.search(c.text, max(0, at - 40), at):
        parse["separate"] = frozenset({"separate"})   # "a separate $5 million ad": not the thing the others count
    what = measured(v)
    if what:
        parse["thing"] = frozenset({stem(what)})
        words[stem(what)] = max(words.get(stem(what), 0.0), 1.0)
    elif parse.get("preps"):
        things = frozenset(stem(p.split(" ", 1)[1]) for p in parse["preps"] if p.startswith("of "))
        if things:
            parse["thing"] = things    # "281 days of treatment"
    owner = frozenset(e[1:] for e in parse.get("owner", ()) if e.startswith("@") and ctx.entity_type(e[1:]) == "PERSON")
    if base == "years old" and not parse.get("owner") and (main := main_person(ctx, c.doc)):
        # "the 33-year-old actress": news gives an unnamed age to the person it is about; a guess, so it may
        # add to a match but never rules one out
        parse["owner"] = frozenset({"@" + main})
    if owner or base == "years old":
        people = owner   # an age is its owner's; a name further off is often someone else's ("the actress's rep")
    return Figure(c, base, role, value_key(v), words, people, parse, ctx, co)


def _add_surroundings(ctx: Context, c: Claim, words: dict[str, float], unit_stems: set[str]) -> None:
    """Words of the text around a short clause, within its paragraph, at a lower weight: 'She was 85.' says
    little by itself; the sentence after it ('Page died late yesterday in a hospital') says whose age it is."""
    reach, weight = ctx.cfg.surrounding_chars, ctx.cfg.surrounding_weight
    text = ctx.texts.get(c.doc, "")
    lo = max(text.rfind("\n\n", 0, c.start) + 1, c.start - reach)
    hi = text.find("\n\n", c.end)
    hi = min(hi if hi >= 0 else len(text), c.end + reach)
    for side in (reversed(WORD.findall(text[lo:c.start])), WORD.findall(text[c.end:hi])):
        _add_words(ctx, (w.lower() for w in side), words, unit_stems, weight, roles=False)
    for e in entities_in(ctx, c.doc, lo, hi):
        words["@" + e] = max(words.get("@" + e, 0.0), weight)


def _add_words(ctx: Context, side: Iterable[str], words: dict[str, float], unit_stems: set[str], weight: float,
               roles: bool) -> None:
    """Up to figure_window content words (lower-cased) from a figure outwards, the closer the heavier.
    With `roles`, a word for what happened to the counted ("killed", "dead") is kept as that role."""
    k = 0
    for w in side:
        if w in ROLE_WORDS:
            if roles:
                words[ROLE_WORDS[w]] = max(words.get(ROLE_WORDS[w], 0.0), ctx.cfg.role_weight)
            continue
        if w in STOP or len(w) < 3:
            continue
        w = stem(w)
        if w[:5] in unit_stems:
            continue
        if k >= ctx.cfg.figure_window:
            break
        words[w] = max(words.get(w, 0.0), weight / (1.0 + ctx.cfg.word_decay * k))
        k += 1


def _arg_ref(ctx: Context, c: Claim, arg: Optional[SlotArg]) -> Optional[str]:
    """An argument of the slot as compared: '@<entity>' where a name stands at its offset, else its lemma."""
    if arg is None:
        return None
    hit = entity_at(ctx, c.doc, arg.at)
    if hit is not None:
        return "@" + hit
    lemma = arg.lemma
    if lemma in PRONOUNS or lemma in STOP or len(lemma) < 2:
        return None
    return lemma


def _parse_slot(ctx: Context, c: Claim) -> dict[str, frozenset[str]]:
    """The slot the claim reader stored with the figure, with arguments turned into entities where they resolve."""
    slot = c.value.slot if c.value is not None else None
    if slot is None:
        return {}
    out: dict[str, frozenset[str]] = {}
    if slot.pred and slot.pred not in LINK_PREDICATES:
        out["pred"] = frozenset({ROLE_WORDS.get(slot.pred, slot.pred)})
    for role, arg in (("subj", slot.subj), ("obj", slot.obj), ("owner", slot.owner)):
        ref = _arg_ref(ctx, c, arg)
        if ref:
            out[role] = frozenset({ref})
    for many, items in (("preps", slot.preps), ("mods", slot.mods)):
        got = frozenset(x for x in items if x.split()[-1] not in STOP)
        if got:
            out[many] = got
    return out


def order_of(f: Figure) -> frozenset[str]:
    """Which stretch of a series a figure counts: the last, the next, the first ('its past 10 games' = last)."""
    return frozenset(ORDER_MODS[m] for m in f.parse.get("mods", ()) if m in ORDER_MODS)
