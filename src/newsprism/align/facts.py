"""The fact ledger: claims about the same thing from different documents, with a verdict.

Claims are never compared all against all. Each claim is hashed into buckets by what it is about —
(story, unit of its figure), (story, predicate, argument), (story, event class) — and only claims that
share a bucket are compared. Three kinds of slot are read:

* figures:   "over 1,400 Israelis killed" / "at least 1,400 people" — intervals that meet are compatible;
             exact figures for the same count that differ (and whose clauses say the same thing) contest;
* functions: one value per slot — the leader of a delegation, the date of an event: two different
             values stated by different documents contest; dates at different granularity that overlap
             ("October 2023" / "2023-10-07") do not;
* relations: met with, discussed, praised ... — many values can be true at once, so they only
             corroborate (two or more documents that are not near-duplicates of each other).

A document that states two values for one slot itself is taken to be counting two different things,
so those values never contest each other.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Iterable, Optional

from ..config import Config
from ..extract.claims import EVENT_NOUNS
from ..extract.quantities import compatible, interval, is_exact
from ..model import Analysis, Claim, Fact, Position

LUMP_CHARS = 1100            # the claims of one position stay readable (the scorer calls more "lumped")
PER_DOC = 2                  # claims of one document in one position
CONTEXT_MIN = 0.2            # least clause overlap for two figures to count the same thing
EVENT_CLASSES = sorted(set(EVENT_NOUNS.values()))
FUNCTIONAL = {"lead"}        # one value per slot
STOP = set("""a an the of to in on at for by with from and or but as is was were are be been being has have had
that this these those which who whom whose what it its their his her they them he she we our you your i not no
than then there here also said says say told according would will could may might can should must just only about
over more than at least nearly almost some around up under fewer less into after before since while when where
during per s one two three four five six seven eight nine ten hundred thousand million billion dozen dozens
hundreds thousands millions""".split())
EXPLICIT_DATE = re.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I)
PRONOUNS = {"he", "she", "it", "they", "who", "which", "that", "this", "what", "we", "i", "you", "them", "those",
            "these", "there", "itself", "himself", "herself", "themselves"}


@dataclass
class _Ctx:
    analysis: Analysis
    story_of: dict[str, Optional[str]]
    source_of: dict[str, str]                        # document -> independent source (near-duplicates share one)
    mentions: dict[str, tuple[list[int], list[tuple[int, int, str]]]]
    times: dict[str, list[tuple[int, int, str, str]]]  # doc -> (start, end, value, text)
    published: dict[str, Optional[str]]

    def name(self, ref: Optional[str]) -> str:
        e = self.analysis.entity(ref) if ref else None
        return e.name if e is not None else (ref or "")

    def entity_type(self, ref: Optional[str]) -> Optional[str]:
        e = self.analysis.entity(ref) if ref else None
        return e.type if e is not None else None


def align_facts(analysis: Analysis, cfg: Config) -> list[Fact]:
    """Facts of the analysis: numeric, functional and relational slots, each with a verdict."""
    ctx = _context(analysis)
    claims = sorted(analysis.claims, key=lambda c: (c.doc, c.start, c.id))
    facts: list[Fact] = []
    facts += _numeric_facts(claims, ctx, cfg)
    facts += _functional_facts(claims, ctx, cfg)
    facts += _date_facts(claims, ctx, cfg)
    used = {c for f in facts for p in f.positions for c in p.claims}
    facts += _relation_facts([c for c in claims if c.id not in used and c.value is None], ctx, cfg)
    order = {"contested": 0, "corroborated": 1, "compatible": 2, "single_source": 3}
    facts.sort(key=lambda f: (order[f.verdict], f.story or "", -len({d for p in f.positions for d in p.documents}),
                              f.about, f.positions[0].claims[0] if f.positions and f.positions[0].claims else ""))
    for k, f in enumerate(facts, 1):
        f.id = f"f{k}"
    return facts


# -- context -----------------------------------------------------------------------------------

def _context(analysis: Analysis) -> _Ctx:
    docs = [d.id for d in analysis.documents]
    story_of: dict[str, Optional[str]] = {d: None for d in docs}
    parents = {s.parent for s in analysis.stories if s.parent}
    for s in sorted(analysis.stories, key=lambda s: (s.id in parents, s.id)):   # finest stories win
        for d in s.documents:
            if story_of.get(d) is None:
                story_of[d] = s.id
    parent = {d: d for d in docs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for d in analysis.documents:
        for nd in d.near_duplicates:
            if nd.doc in parent:
                a, b = sorted((find(d.id), find(nd.doc)))
                parent[b] = a
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in analysis.entities:
        for m in e.mentions:
            mentions[m.doc].append((m.start, m.end, e.id))
    idx = {d: ([r[0] for r in sorted(rows)], sorted(rows)) for d, rows in mentions.items()}
    times: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for t in analysis.times:
        times[t.doc].append((t.start, t.end, t.value, t.text))
    return _Ctx(analysis, story_of, {d: find(d) for d in docs}, idx, dict(times),
                {d.id: d.published for d in analysis.documents})


def _entities_in(ctx: _Ctx, doc: str, start: int, end: int) -> list[str]:
    starts, rows = ctx.mentions.get(doc, ([], []))
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(rows) and rows[i][0] < end:
        if rows[i][1] <= end:
            out.append(rows[i][2])
        i += 1
    return out


def _head_word(text: Optional[str]) -> Optional[str]:
    """The head noun of a noun phrase given as words: 'The Hamas delegation, led by ...' -> 'delegation'."""
    if not text:
        return None
    first = re.split(r",| of | who | which | that | in | from | to | led | with |\(|;|:", " " + text + " ", 1)[0]
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", first)
    if not words:
        return None
    w = words[-1].lower().rstrip("’'")
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    if w in PRONOUNS or w in STOP:
        return None
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def _arg_keys(ctx: _Ctx, c: Claim, role: str) -> list[str]:
    """Blocking keys of a claim's subject or object: its entity, the entities named in its words, its head noun."""
    ref = c.subject if role == "s" else c.object
    text = c.subject_text if role == "s" else c.object_text
    keys: list[str] = []
    if ref and ctx.analysis.entity(ref) is not None:
        keys.append(ref)
    if text:
        at = c.text.find(text)
        if at >= 0:
            keys += [e for e in _entities_in(ctx, c.doc, c.start + at, c.start + at + len(text)) if e not in keys]
        head = _head_word(text)
        if head:
            keys.append("w:" + head)
    return keys


def _context_words(c: Claim) -> set[str]:
    """Content words of the clause, less the words of its unit: what the figure is said about."""
    words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][A-Za-z-]+", c.text)}
    unit = c.value.get("unit", "") if isinstance(c.value, dict) else ""
    stems = {u[:4] for u in re.findall(r"[a-z]+", unit.lower()) if len(u) > 2}
    return {w for w in words if w not in STOP and len(w) > 2 and w[:4] not in stems}


def _similarity(a: Claim, b: Claim) -> float:
    wa, wb = _context_words(a), _context_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


# -- time --------------------------------------------------------------------------------------

def _date_range(value: Optional[str]) -> Optional[tuple[date, date]]:
    """The days an ISO prefix covers: '2023' -> whole year, '2023-10' -> October, '2023-W43' -> that week."""
    if not value:
        return None
    try:
        m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d))?", value)
        if not m:
            return None
        y = int(m.group(1))
        if m.group(4):
            start = date.fromisocalendar(y, int(m.group(4)), 1)
            return start, start + timedelta(days=6)
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            start = date(y, mo, 1)
            end = date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1)
            return start, end
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def _claim_time(ctx: _Ctx, c: Claim) -> Optional[tuple[date, date]]:
    return _date_range(c.when) or _date_range(ctx.published.get(c.doc))


def _time_groups(ctx: _Ctx, claims: list[Claim], window: int, by_event: bool = True) -> list[list[Claim]]:
    """Split claims whose times lie more than `window` days apart; undated claims join the largest group.
    `by_event=False` uses publication dates only (a figure's clause often names an unrelated year)."""
    when = (lambda c: _claim_time(ctx, c)) if by_event else (lambda c: _date_range(ctx.published.get(c.doc)))
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
    if undated:
        if groups:
            max(groups, key=len).extend(undated)
        else:
            groups.append(undated)
    return groups


# -- building facts --------------------------------------------------------------------------------

def _independent(ctx: _Ctx, docs: Iterable[str]) -> int:
    return len({ctx.source_of.get(d, d) for d in docs})


def _position(value: Any, claims: list[Claim], normalized: Any = None) -> Position:
    """A position of at most PER_DOC claims per document and LUMP_CHARS of text, shortest clauses first."""
    per_doc: dict[str, int] = defaultdict(int)
    kept: list[Claim] = []
    chars = 0
    for c in sorted(claims, key=lambda c: (len(c.text), c.doc, c.start)):
        if per_doc[c.doc] >= PER_DOC or (kept and chars + len(c.text) > LUMP_CHARS):
            continue
        per_doc[c.doc] += 1
        chars += len(c.text)
        kept.append(c)
    kept.sort(key=lambda c: (c.doc, c.start))
    return Position(value=value, claims=[c.id for c in kept], documents=sorted({c.doc for c in kept}),
                    normalized=normalized)


def _story(ctx: _Ctx, claims: list[Claim]) -> Optional[str]:
    stories = sorted({s for c in claims if (s := ctx.story_of.get(c.doc))})
    return stories[0] if stories else None


def _agreed_fact(ctx: _Ctx, about: str, positions: list[Position], claims: list[Claim]) -> Fact:
    n = _independent(ctx, {c.doc for c in claims})
    if n < 2:
        verdict, why = "single_source", "Only one document (or copies of it) states this."
    elif len(positions) == 1:
        verdict, why = "corroborated", f"{n} independent documents state the same."
    else:
        verdict, why = "compatible", "The documents word it differently, but all the values can be true at once."
    return Fact(id="", story=_story(ctx, claims), about=about, verdict=verdict, positions=positions, explanation=why)


# -- figures -----------------------------------------------------------------------------------------

def _value_key(v: dict[str, Any]) -> tuple:
    if v.get("amount") is not None:
        return ("a", float(v["amount"]), v.get("qualifier") or "", bool(v.get("close")))
    return ("r", float(v.get("min") or 0), float(v.get("max") or 0))


def _stated(v: dict[str, Any]) -> bool:
    return is_exact(v) and bool(re.search(r"\d", str(v.get("text", ""))))


def _pair_similarity(ctx: _Ctx, a: Claim, b: Claim) -> float:
    """How surely two figures count the same thing; an age belongs to a person, so ages need one named in both."""
    if a.value.get("unit") == "years old":
        pa, pb = _nearest_person(ctx, a), _nearest_person(ctx, b)
        return 1.0 if pa is not None and pa == pb else 0.0
    return _similarity(a, b)


def _nearest_person(ctx: _Ctx, c: Claim) -> Optional[str]:
    """The person named closest to an age ('the 33-year-old actress Ann Lee', 'Lee, 33 years old')."""
    at = c.text.find(str(c.value.get("text", "")))
    if at < 0:
        return None
    pos = c.start + at
    starts, rows = ctx.mentions.get(c.doc, ([], []))
    near = [(min(abs(s - pos), abs(e - pos)), eid) for s, e, eid in rows
            if c.start <= s and e <= c.end and ctx.entity_type(eid) == "PERSON" and abs(s - pos) < 60]
    return min(near)[1] if near else None


def _numeric_facts(claims: list[Claim], ctx: _Ctx, cfg: Config) -> list[Fact]:
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        v = c.value
        if isinstance(v, dict) and v.get("unit") and (v.get("amount") is not None or v.get("min") is not None):
            buckets[(ctx.story_of.get(c.doc) or "", v["unit"])].append(c)
    facts: list[Fact] = []
    for (story, unit), group in sorted(buckets.items()):
        for tgroup in _time_groups(ctx, group, cfg.facts.time_window_days, by_event=False):
            facts += _numeric_slot(ctx, cfg, unit, tgroup)
    return facts


def _numeric_slot(ctx: _Ctx, cfg: Config, unit: str, claims: list[Claim]) -> list[Fact]:
    """Cluster the figures of one unit into slots (same value, or clauses that say the same thing), then judge."""
    n = len(claims)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sim: dict[tuple[int, int], float] = {}
    if n <= 300:
        for i in range(n):
            for j in range(i + 1, n):
                a, b = claims[i], claims[j]
                if a.doc == b.doc:
                    continue
                s = _pair_similarity(ctx, a, b)
                sim[(i, j)] = s
                same = _value_key(a.value) == _value_key(b.value)
                if s >= CONTEXT_MIN or (same and a.value.get("unit") != "years old"):
                    parent[find(i)] = find(j)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        comps[find(i)].append(i)
    facts: list[Fact] = []
    for members in sorted(comps.values(), key=lambda m: claims[m[0]].id):
        facts += _judge_figures(ctx, cfg, unit, [claims[i] for i in members], {(a, b): s for (a, b), s in sim.items()},
                                {claims[i].id: i for i in members})
    return facts


def _judge_figures(ctx: _Ctx, cfg: Config, unit: str, claims: list[Claim], sim: dict, index: dict[str, int]) -> list[Fact]:
    by_value: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        by_value[_value_key(c.value)].append(c)
    keys = sorted(by_value)
    docs_of = {k: {c.doc for c in by_value[k]} for k in keys}
    conflicts: set[tuple[tuple, tuple]] = set()
    for x in range(len(keys)):
        for y in range(x + 1, len(keys)):
            kx, ky = keys[x], keys[y]
            a, b = by_value[kx][0].value, by_value[ky][0].value
            # only stated figures contest: exact, in digits ("12" vs "19"), never bounds or number words
            if compatible(a, b) or not (_stated(a) and _stated(b)):
                continue
            if docs_of[kx] & docs_of[ky]:
                continue   # one document gives both: two different counts, not a dispute
            if _independent(ctx, docs_of[kx] | docs_of[ky]) < 2:
                continue
            if any(sim.get(tuple(sorted((index[p.id], index[q.id]))), 0.0) >= CONTEXT_MIN
                   for p in by_value[kx] for q in by_value[ky]):
                conflicts.add((kx, ky))
    about = f"Number of {unit}" if unit not in ("USD", "EUR", "GBP", "percent") else f"Figure in {unit}"
    if not conflicts:
        positions = [_position(by_value[k][0].value.get("text"), by_value[k], by_value[k][0].value.get("amount")
                               if by_value[k][0].value.get("amount") is not None
                               else [by_value[k][0].value.get("min"), by_value[k][0].value.get("max")]) for k in keys]
        return [_agreed_fact(ctx, about, positions, claims)]
    # the disputed values, best supported first, at most max_positions of them
    involved = sorted({k for pair in conflicts for k in pair},
                      key=lambda k: (-_independent(ctx, docs_of[k]), keys.index(k)))[: cfg.facts.max_positions]
    positions = [_position(by_value[k][0].value.get("text"), by_value[k], by_value[k][0].value.get("amount"))
                 for k in sorted(involved, key=keys.index)]
    shown = " vs ".join(str(p.value) for p in positions)
    fact = Fact(id="", story=_story(ctx, claims), about=about, verdict="contested", positions=positions,
                explanation=f"Different documents give different exact figures for the same count ({shown}).")
    rest = [c for k in keys if k not in involved for c in by_value[k]]
    out = [fact]
    if rest:
        out += _judge_figures(ctx, cfg, unit, rest, sim, index) if len(rest) < len(claims) else []
    return out


# -- functional relations ------------------------------------------------------------------------------

def _functional_facts(claims: list[Claim], ctx: _Ctx, cfg: Config) -> list[Fact]:
    """One value per slot: who led the delegation. Keyed by the object's head noun."""
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.predicate in FUNCTIONAL and ctx.entity_type(c.subject) in ("PERSON", "ORG", "NORP", "GPE"):
            head = _head_word(c.object_text)
            if head:
                buckets[(ctx.story_of.get(c.doc) or "", c.predicate, head)].append(c)
    facts: list[Fact] = []
    for (story, pred, head), group in sorted(buckets.items()):
        for tgroup in _time_groups(ctx, group, cfg.facts.time_window_days):
            by_value: dict[str, list[Claim]] = defaultdict(list)
            for c in tgroup:
                by_value[c.subject or ""].append(c)
            values = sorted(by_value, key=lambda v: (-_independent(ctx, {c.doc for c in by_value[v]}), v))
            docs_of = {v: {c.doc for c in by_value[v]} for v in values}
            disputed = [v for v in values if any(not (docs_of[v] & docs_of[w]) for w in values if w != v)]
            about = f"Who led the {head}"
            if len(values) >= 2 and disputed and _independent(ctx, set().union(*docs_of.values())) >= 2:
                disputed = disputed[: cfg.facts.max_positions]
                positions = [_position(ctx.name(v), by_value[v], v) for v in disputed]
                facts.append(Fact(id="", story=_story(ctx, tgroup), about=about, verdict="contested",
                                  positions=positions,
                                  explanation=f"Different people or bodies are named as the one who led the {head}."))
            else:
                positions = [_position(ctx.name(v), by_value[v], v) for v in values]
                facts.append(_agreed_fact(ctx, about, positions, tgroup))
    return facts


# -- dates of events --------------------------------------------------------------------------------------

def _time_text(ctx: _Ctx, c: Claim) -> Optional[str]:
    """The words of the time expression, inside the claim's sentence, that gave the claim its date."""
    best = None
    for s, e, value, text in ctx.times.get(c.doc, []):
        if _iso(value) == c.when and c.start - 300 <= s <= c.end + 300:
            if best is None or abs(s - c.start) < abs(best[0] - c.start):
                best = (s, text)
    return best[1] if best else None


def _iso(value: Optional[str]) -> Optional[str]:
    m = re.match(r"^\d{4}(-\d\d(-\d\d(T\d\d:\d\d)?)?|-W\d\d)?", value or "")
    return m.group(0) if m else None


def _participants(ctx: _Ctx, c: Claim) -> set[str]:
    return {r for r in (c.subject, c.object) if r and ctx.analysis.entity(r) is not None}


def _date_facts(claims: list[Claim], ctx: _Ctx, cfg: Config) -> list[Fact]:
    """The date of an event is functional: 'September 2023' and 'October 7' for the same attack contest."""
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.predicate in EVENT_CLASSES and _date_range(c.when) is not None and c.value is None:
            text = _time_text(ctx, c)
            if text and EXPLICIT_DATE.search(text) and not re.fullmatch(r"\W*(19|20)\d\d\W*", c.when or ""):
                buckets[(ctx.story_of.get(c.doc) or "", c.predicate)].append(c)
    facts: list[Fact] = []
    for (story, pred), group in sorted(buckets.items()):
        for tgroup in _time_groups(ctx, group, cfg.facts.time_window_days):
            facts += _judge_dates(ctx, cfg, pred, tgroup)
    return facts


def _overlap(a: str, b: str) -> bool:
    ra, rb = _date_range(a), _date_range(b)
    return bool(ra and rb and ra[0] <= rb[1] and rb[0] <= ra[1])


def _judge_dates(ctx: _Ctx, cfg: Config, pred: str, claims: list[Claim]) -> list[Fact]:
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_value[c.when or ""].append(c)
    values = sorted(by_value)
    docs_of = {v: {c.doc for c in by_value[v]} for v in values}
    parts_of = {v: set().union(*[_participants(ctx, c) for c in by_value[v]]) for v in values}
    conflicts = set()
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            if _overlap(a, b) or docs_of[a] & docs_of[b]:
                continue
            if parts_of[a] and parts_of[b] and not parts_of[a] & parts_of[b]:
                continue   # different participants: two events, not one event dated twice
            if _independent(ctx, docs_of[a] | docs_of[b]) >= 2:
                conflicts.add((a, b))
    noun = pred if pred not in ("meet", "kill", "die") else {"meet": "meeting", "kill": "killing", "die": "death"}[pred]
    about = f"When the {noun} took place"
    if not conflicts:
        positions = [_position(_time_text(ctx, by_value[v][0]) or v, by_value[v], v) for v in values]
        return [_agreed_fact(ctx, about, positions, claims)]
    involved = sorted({v for pair in conflicts for v in pair},
                      key=lambda v: (-_independent(ctx, docs_of[v]), v))[: cfg.facts.max_positions]
    # values that overlap a disputed one sit with it ("October 2023" next to "2023-10-07") only when undisputed
    positions = [_position(_time_text(ctx, by_value[v][0]) or v, by_value[v], v) for v in sorted(involved)]
    return [Fact(id="", story=_story(ctx, claims), about=about, verdict="contested", positions=positions,
                 explanation=f"Different documents date the same {noun} differently.")]


# -- relations ---------------------------------------------------------------------------------------------

def _relation_facts(claims: list[Claim], ctx: _Ctx, cfg: Config) -> list[Fact]:
    """Non-functional statements (met, discussed, praised ...) shared by two or more independent documents."""
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if not c.predicate:
            continue
        story = ctx.story_of.get(c.doc) or ""
        for role in ("s", "o"):
            for key in _arg_keys(ctx, c, role):
                buckets[(story, c.predicate, role, key)].append(c)
    ranked = sorted(buckets.items(), key=lambda kv: (-_independent(ctx, {c.doc for c in kv[1]}), -len(kv[1]), kv[0]))
    used: set[str] = set()
    facts: list[Fact] = []
    for (story, pred, role, key), group in ranked:
        group = [c for c in group if c.id not in used]
        if _independent(ctx, {c.doc for c in group}) < 2:
            continue
        for tgroup in _time_groups(ctx, group, cfg.facts.time_window_days):
            if _independent(ctx, {c.doc for c in tgroup}) < 2:
                continue
            # one clause per document: the shortest that says it
            best: dict[str, Claim] = {}
            for c in sorted(tgroup, key=lambda c: (len(c.text), c.start)):
                best.setdefault(c.doc, c)
            chosen = sorted(best.values(), key=lambda c: (c.doc, c.start))
            used.update(c.id for c in chosen)
            name = ctx.name(key) if not key.startswith("w:") else key[2:]
            about = f"{name} {pred}" if role == "s" else f"{pred} {name}"
            pos = _position(about, chosen, key)
            facts.append(_agreed_fact(ctx, about, [pos], chosen))
    return facts
