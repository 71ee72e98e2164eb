"""The fact ledger: claims about the same thing from different documents, with a verdict.

Claims are never compared all against all. Each claim is hashed into buckets by what it is about —
(story, unit of its figure), (story, predicate, argument), (story, event class) — and only claims that
share a bucket are compared. Three kinds of slot are read:

* figures:   "over 1,400 Israelis killed" / "at least 1,400 people" — intervals that meet are compatible;
             exact figures for the same count that differ (and whose clauses say the same thing) contest.
             Figures are matched one-to-one between two documents, surest first; matched figures with one
             value form a cluster, a bound joins the one cluster it fits, and clusters whose matched figures
             differ become the positions of one contested fact (at most max_positions, surest disputes first).
             Which count a figure is comes from its slot: the words around it (stemmed) and the parse
             neighbourhood the claim reader stored in `value["slot"]` — verb class, doer and object (entities
             where a name stands at their offset), prepositions ("of the budget"), whose age it is;
* functions: one value per slot — the leader of a delegation, the date of an event: two different
             values stated by different documents contest; dates at different granularity that overlap
             ("October 2023" / "2023-10-07") do not;
* relations: met with, discussed, praised ... — many values can be true at once, so they only
             corroborate (two or more documents that are not near-duplicates of each other); what one
             speaker said groups only statements that share content words, not all that speaker said.

A document that states two values for one slot itself is taken to be counting two different things,
so those values never contest each other.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Optional

from ..config import Config
from ..disjoint import DisjointSets
from ..extract.claims import EVENT_NOUNS, PREDICATE_CLASSES, ROLE_NOUNS
from ..extract.quantities import ROLES, compatible, interval, is_exact
from ..extract.timelexicon import MONTH
from ..model import Analysis, Claim, Fact, Position
from ..resolve import names

LUMP_CHARS = 1100            # the claims of one position stay readable (the scorer calls more "lumped")
PER_DOC = 2                  # claims of one document in one position
DECAY = 0.3                  # how fast a context word weighs less with each word between it and the figure
FIGURE_WINDOW = 6            # content words either side of a figure that say what it counts
NAME_REACH = 60              # characters either side of a figure within which a name is about it
AGREE_MIN = 0.12              # least slot score for two figures to be aligned at all
CONTEST_MIN = 0.16            # ... and for two different exact figures to contest
MARGIN = 0.1                  # the best match must beat any other value of the other document by this much
SAME_VALUE_BONUS = 0.3       # the same figure in both is itself evidence of the same slot
SCORE_MIX = 0.5              # the score divides by this blend of the smaller and the larger neighbourhood
ROLE_WEIGHT = 0.5            # a word for what happened to the counted says little about which count it is
UNIQUE_BONUS = 0.25           # added when each of two documents gives a single figure of the kind
OTHER_EVENT = 0.15           # two events of one storyline: a figure in each contests only on a surer match
SHARED_FIGURES = 1           # two reports that each state MANY_FIGURES figures and share fewer than this
MANY_FIGURES = 3             # ... may be two events too (two earthquakes, two games): the same surer match
MAIN_MENTIONS = 3            # mentions a document's main person needs
SIZE_APART = 0.15            # a size ("a 41-yard pass") against a count whose words never name the thing sized
PART_APART = 0.2             # a part ("eight of their last 10 games") against a whole count of the same noun
SCORE_MATCH = 0.7            # least match for two scores or records ("17-14", "fell to 15-17") to contest
SURE_MATCH = 0.42           # a match this close says two figures count one thing whatever their wording
FAR_APART = 1.5             # an approximate figure contests only a figure this many times beyond its interval
SURROUNDING_CHARS = 160      # text around a clause, within its paragraph, read for what a figure counts
SURROUNDING_WEIGHT = 0.25    # ... weighed below the clause's own words
CO_FIGURE_WEIGHT = 0.4       # another figure stated beside both ("eight years, $184 million, or $23 million a season")
CO_MAX = 2                   # ... counted at most this many times
CO_DIGITS = 3.0              # ... a figure of this many digits (1,000) counts fully; "two" repeats by chance
MAX_PAIRS = 2500             # figure pairs compared for one pair of documents
# what agreeing on one part of the parse slot adds to the score of two figures
PARSE_WEIGHTS = {"thing": 0.12, "pred": 0.08, "subj": 0.1, "obj": 0.1, "preps": 0.08, "mods": 0.05, "owner": 0.2}
# words that place a counted stretch in its series: 'the last 10 games' and 'the next 10 games' are two stretches
ORDER_MODS = {"last": "last", "past": "last", "previous": "last", "recent": "last", "next": "next",
              "coming": "next", "remaining": "next", "first": "first", "opening": "first", "final": "final"}
# verbs that only link a figure to what it counts ("the toll is 50"): they say nothing about which count
LINK_PREDICATES = {"be", "have", "include", "say", "become", "remain", "get", "make", "take", "give", "do"}
EVENT_CLASSES = sorted(set(EVENT_NOUNS.values()))
ASPECT_VERBS = {"begin": "start", "start": "start", "open": "start", "commence": "start",
                "end": "end", "conclude": "end", "finish": "end", "close": "end"}
# words that open a title before a name ("Deputy", "Dr", the ministry in "Minister of Transport X")
TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "sheikh", "vice", "deputy", "acting", "former", "then",
          "transport", "trade", "foreign", "interior", "defence", "defense", "finance", "prime"}
FUNCTIONAL = {"lead"}        # one value per slot
STOP = set("""a an the of to in on at for by with from and or but as is was were are be been being has have had
that this these those which who whom whose what it its their his her they them he she we our you your i not no
than then there here also said says say told according would will could may might can should must just only about
over more than at least nearly almost some around up under fewer less into after before since while when where
during per s one two three four five six seven eight nine ten hundred thousand million billion dozen dozens
hundreds thousands millions""".split())
# inflected forms of the verbs and nouns that say what happened to the counted ("killed", "dead", "deaths")
ROLE_WORDS = {form: "~" + role for lemma, role in ROLES.items() if role
              for form in (lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing", lemma.rstrip("e") + "ed",
                           lemma.rstrip("e") + "ing")}
ROLE_WORDS.update({"died": "~killed", "dying": "~killed", "dead": "~killed", "deaths": "~killed",
                   "killed": "~killed", "wounded": "~injured", "injured": "~injured", "injuries": "~injured"})
# a figure followed by "of (their) (last) 10": a part of another figure of the same noun
PARTITIVE = re.compile(r"\s+of\s+(?:(?:the|their|its|his|her|our|these|those|all)\s+)?(?:[a-z]+\s+)?(?:\d|"
                       r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred)\b)", re.I)
EXPLICIT_DATE = re.compile(r"\d|\b" + MONTH, re.I)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")     # a time value naming one calendar day ('2011-06-17', '2011-06-17TMO')
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")    # a word of a clause, apostrophes and hyphens kept
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
    storyline: dict[str, str]                        # story -> the storyline it belongs to (its top parent)
    main_person: dict[str, Optional[str]] = field(default_factory=dict)   # doc -> the person it is about, cached
    texts: dict[str, str] = field(default_factory=dict)
    figure_values: dict[str, set[tuple]] = field(default_factory=dict)   # doc -> (counted noun, value) it states
    days: dict[str, set[str]] = field(default_factory=dict)   # doc -> calendar days it names, fully resolved
    figures_at: dict[str, list[tuple[int, int, tuple[str, float]]]] = field(default_factory=dict)  # doc -> figures
    _name_words: dict[str, frozenset[str]] = field(default_factory=dict)

    def root_of(self, doc: str) -> str:
        """The storyline of a document: figures are compared across the events of one storyline, because
        one event reported twice may be clustered as two look-alike events."""
        story = self.story_of.get(doc)
        return self.storyline.get(story, story) if story else ""

    def name(self, ref: Optional[str]) -> str:
        e = self.analysis.entity(ref) if ref else None
        return e.name if e is not None else (ref or "")

    def entity_type(self, ref: Optional[str]) -> Optional[str]:
        e = self.analysis.entity(ref) if ref else None
        return e.type if e is not None else None

    def name_words(self, ref: str) -> frozenset[str]:
        """The words of every name an entity goes by ('Vincent Gigante', 'Gigante' -> vincent, gigante)."""
        if ref not in self._name_words:
            e = self.analysis.entity(ref)
            found = {w for n in ([e.name, *e.aliases] if e is not None else [ref]) for w in names.words(n)
                     if len(w) > 2 and w not in TITLES}
            self._name_words[ref] = frozenset(found)
        return self._name_words[ref]

    def may_be_same(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Two sets of entities (or argument words) that may name one referent: an entity in common, or
        two entities that share a name word ('Gigante' kept apart from 'Vincent Gigante' by cautious resolution)."""
        if a & b:
            return True
        ea, eb = [r[1:] if r.startswith("@") else r for r in a], [r[1:] if r.startswith("@") else r for r in b]
        return any(self._may_be_same_person(x, y) for x in ea for y in eb
                   if self.entity_type(x) == "PERSON" and self.entity_type(y) == "PERSON")

    def _may_be_same_person(self, x: str, y: str) -> bool:
        """A bare surname or given name ('Gigante') may be anyone of that name ('Vincent Gigante'); two full
        names ('Mario Williams', 'Esther Williams') are two people unless they match as names."""
        full_x, full_y = len(names.words(self.name(x))) > 1, len(names.words(self.name(y))) > 1
        if full_x and full_y:
            return _same_value(self, x, y)
        return bool(self.name_words(x) & self.name_words(y))


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
    copies = DisjointSets(docs)
    for d in analysis.documents:
        for nd in d.near_duplicates:
            if nd.doc in copies:
                copies.union(d.id, nd.doc)
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in analysis.entities:
        for m in e.mentions:
            mentions[m.doc].append((m.start, m.end, e.id))
    idx = {d: ([r[0] for r in sorted(rows)], sorted(rows)) for d, rows in mentions.items()}
    times: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for t in analysis.times:
        times[t.doc].append((t.start, t.end, t.value, t.text))
    up = {s.id: s.parent for s in analysis.stories if s.parent}
    storyline = {}
    for s in analysis.stories:
        top, seen = s.id, {s.id}
        while top in up and up[top] not in seen:
            top = up[top]
            seen.add(top)
        storyline[s.id] = top
    stated: dict[str, set[tuple]] = defaultdict(set)
    figures_at: dict[str, list[tuple[int, int, tuple[str, float]]]] = defaultdict(list)
    for c in analysis.claims:
        v = c.value
        if not (isinstance(v, dict) and v.get("unit") and v.get("amount") is not None):
            continue
        base = _base_unit(v)[0]
        if _stated(v):
            stated[c.doc].add((base, _value_key(v)[:2]))
        span = _span_in(c, str(v.get("text") or ""))
        if span is not None and float(v["amount"]) > 0:
            figures_at[c.doc].append((c.start + span[0], c.start + span[1], (base, float(v["amount"]))))
    return _Ctx(analysis, story_of, {d: copies.find(d) for d in docs}, idx, dict(times),
                {d.id: d.published for d in analysis.documents}, storyline,
                texts={d.id: d.text for d in analysis.documents}, figure_values=dict(stated),
                figures_at={d: sorted(set(rows)) for d, rows in figures_at.items()},
                days={d: {v[:10] for _, _, v, _ in rows if DAY.match(v or "")} for d, rows in times.items()})


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
    """The head noun of a noun phrase given as words: 'The trade delegation, led by ...' -> 'delegation'."""
    if not text:
        return None
    first = re.split(r",| of | who | which | that | in | from | to | led | with | on | over | about | for | between "
                     r"|\(|;|:", " " + text + " ", 1)[0]
    words = WORD.findall(first)
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
    span = _span_in(c, text)
    if span is not None:
        keys += [e for e in _entities_in(ctx, c.doc, c.start + span[0], c.start + span[1]) if e not in keys]
    if text:
        head = _head_word(text)
        if head:
            keys.append("w:" + head)
    return keys


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
    if v.get("score"):   # "17-14": both numbers are the value
        return ("a", float(v["amount"]) + sum(float(x) / 1000 ** (k + 1) for k, x in enumerate(v["score"][1:])),
                "", False)
    if v.get("amount") is not None:
        return ("a", float(v["amount"]), v.get("qualifier") or "", bool(v.get("close")))
    return ("r", float(v.get("min") or 0), float(v.get("max") or 0))


def _stated(v: dict[str, Any]) -> bool:
    return is_exact(v) and bool(re.search(r"\d", str(v.get("text", ""))))


def _in_digits(v: dict[str, Any]) -> bool:
    """An exact or approximate figure in digits; bounds ('at least 10') are left out: they count a part."""
    return v.get("amount") is not None and v.get("qualifier") in (None, "=", "~", "<") \
        and (v.get("qualifier") != "<" or bool(v.get("close"))) and bool(re.search(r"\d", str(v.get("text", ""))))


def _far_apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two figures in digits that cannot both be true by a wide gap, even when one is approximate:
    'an estimated 11 million' / '44 million'; never 'more than 30' / '93', whose intervals meet."""
    if not (_in_digits(a) and _in_digits(b)) or compatible(a, b):
        return False
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    lo_top, hi_bottom = (ahi, blo) if ahi < blo else (bhi, alo)
    return lo_top > 0 and hi_bottom / lo_top >= FAR_APART


@dataclass
class _Figure:
    """One figure with its slot: what it counts (block key), what happened to it, and the words and names around it."""

    claim: Claim
    base: str                      # the counted noun (or currency, percent): figures are compared only within it
    role: Optional[str]            # killed / injured / ...: two different roles are two different counts
    key: tuple                     # the value as compared
    words: dict[str, float]        # context word -> closeness to the figure (1.0 next to it)
    people: frozenset[str]         # persons named next to the figure: whose age, whose yards
    parse: dict[str, frozenset[str]]   # the figure's slot read from the parse: pred, subj, obj, preps, mods, owner
    ctx: Optional["_Ctx"] = None
    co: frozenset[tuple[str, float]] = frozenset()   # the other figures its clause states (("year", 8.0))


def _base_unit(v: dict[str, Any]) -> tuple[str, Optional[str]]:
    unit, role = str(v.get("unit") or ""), v.get("role")
    if role and unit.endswith(" " + role):
        unit = unit[: -len(role) - 1]
    measured = _measured(v)
    if measured:
        unit = unit[: -len(measured) - 1]   # "a 90-day treatment" is counted in days, like "90 days of treatment"
    return unit, role


def _measured(v: dict[str, Any]) -> Optional[str]:
    """What a size measures: 'a 90-day treatment' -> 'treatment' (the unit is the measure, then the noun)."""
    unit, noun = str(v.get("unit") or ""), v.get("noun")
    if noun and unit != noun and unit.endswith(" " + noun) and " " not in unit[: -len(noun) - 1] \
            and noun != v.get("role"):
        return str(noun)
    return None


def _figure(ctx: _Ctx, c: Claim) -> _Figure:
    v = c.value
    base, role = _base_unit(v)
    at, end = _span_in(c, str(v.get("text") or "")) or (len(c.text) // 2, len(c.text) // 2)
    # the unit's own words say nothing about which count it is ('games' beside '10 games'); _stem cuts
    # 'games' to 'gam' but leaves 'game', so both forms are kept, to five letters
    unit_stems = {x[:5] for u in re.findall(r"[a-z]+", str(v.get("unit", "")).lower())
                  for x in (u, _stem(u), _stem(u + "s"))}
    words: dict[str, float] = {}
    toks = [(m.start(), m.group(0).lower()) for m in WORD.finditer(c.text)]
    left = [w for p, w in reversed(toks) if p < at]
    right = [w for p, w in toks if p >= end]
    for side in (left, right):
        _add_words(side, words, unit_stems, 1.0, roles=True)
    _add_surroundings(ctx, c, words, unit_stems)
    beside = ctx.figures_at.get(c.doc, [])
    co = frozenset(token for s, e, token in beside[bisect.bisect_left(beside, (c.start,)):
                                                   bisect.bisect_left(beside, (c.end,))]
                   if e <= c.end and not (s < c.start + end and c.start + at < e))
    lo, hi = c.start + max(0, at - NAME_REACH), c.start + min(len(c.text), end + NAME_REACH)
    ents = _entities_in(ctx, c.doc, lo, hi)
    for e in ents:
        words["@" + e] = max(words.get("@" + e, 0.0), 1.0)
    people = frozenset(e for e in ents if ctx.entity_type(e) == "PERSON")
    parse = _parse_slot(ctx, c)
    if PARTITIVE.match(c.text, end):
        parse["part"] = frozenset({"part"})    # "eight of their last 10 games": a part, not the whole
    measured = _measured(v)
    if measured:
        parse["thing"] = frozenset({_stem(measured)})
        words[_stem(measured)] = max(words.get(_stem(measured), 0.0), 1.0)
    elif parse.get("preps"):
        things = frozenset(_stem(p.split(" ", 1)[1]) for p in parse["preps"] if p.startswith("of "))
        if things:
            parse["thing"] = things    # "281 days of treatment"
    owner = frozenset(e[1:] for e in parse.get("owner", ()) if e.startswith("@") and ctx.entity_type(e[1:]) == "PERSON")
    if base == "years old" and not parse.get("owner") and (main := _main_person(ctx, c.doc)):
        # "the 33-year-old actress": news gives an unnamed age to the person it is about; a guess, so it may
        # add to a match but never rules one out
        parse["owner"] = frozenset({"@" + main})
    if owner or base == "years old":
        people = owner   # an age is its owner's; a name further off is often someone else's ("the actress's rep")
    return _Figure(c, base, role, _value_key(v), words, people, parse, ctx, co)


def _span_in(c: Claim, words: Optional[str]) -> Optional[tuple[int, int]]:
    """Where some of a claim's words (its figure, its subject) stand in its clause, as offsets into the clause."""
    at = c.text.find(words) if words else -1
    return (at, at + len(words or "")) if at >= 0 else None


def _add_surroundings(ctx: _Ctx, c: Claim, words: dict[str, float], unit_stems: set[str]) -> None:
    """Words of the text around a short clause, within its paragraph, at a lower weight: 'She was 85.' says
    little by itself; the sentence after it ('Page died late yesterday in a hospital') says whose age it is."""
    text = ctx.texts.get(c.doc, "")
    lo = max(text.rfind("\n\n", 0, c.start) + 1, c.start - SURROUNDING_CHARS)
    hi = text.find("\n\n", c.end)
    hi = min(hi if hi >= 0 else len(text), c.end + SURROUNDING_CHARS)
    for side in (reversed(WORD.findall(text[lo:c.start])), WORD.findall(text[c.end:hi])):
        _add_words((w.lower() for w in side), words, unit_stems, SURROUNDING_WEIGHT, roles=False)
    for e in _entities_in(ctx, c.doc, lo, hi):
        words["@" + e] = max(words.get("@" + e, 0.0), SURROUNDING_WEIGHT)


def _add_words(side: Iterable[str], words: dict[str, float], unit_stems: set[str], weight: float,
               roles: bool) -> None:
    """Up to FIGURE_WINDOW content words (lower-cased) from a figure outwards, the closer the heavier.
    With `roles`, a word for what happened to the counted ("killed", "dead") is kept as that role."""
    k = 0
    for w in side:
        if w in ROLE_WORDS:
            if roles:
                words[ROLE_WORDS[w]] = max(words.get(ROLE_WORDS[w], 0.0), ROLE_WEIGHT)
            continue
        if w in STOP or len(w) < 3:
            continue
        w = _stem(w)
        if w[:5] in unit_stems:
            continue
        if k >= FIGURE_WINDOW:
            break
        words[w] = max(words.get(w, 0.0), weight / (1.0 + DECAY * k))
        k += 1


def _main_person(ctx: _Ctx, doc: str) -> Optional[str]:
    """The person a document is plainly about: named most often, at least MAIN_MENTIONS times and twice as often
    as anyone else."""
    if doc not in ctx.main_person:
        counts: dict[str, int] = defaultdict(int)
        for _, _, e in ctx.mentions.get(doc, ([], []))[1]:
            if ctx.entity_type(e) == "PERSON":
                counts[e] += 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        top = ranked[0] if ranked else None
        ok = top is not None and top[1] >= MAIN_MENTIONS and (len(ranked) < 2 or top[1] >= 2 * ranked[1][1])
        ctx.main_person[doc] = top[0] if ok and top else None
    return ctx.main_person[doc]


def _arg_ref(ctx: _Ctx, c: Claim, arg: Any) -> Optional[str]:
    """An argument of the slot as compared: '@<entity>' where a name stands at its offset, else its lemma."""
    if not (isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str)):
        return None
    lemma, at = arg
    if isinstance(at, int):
        starts, rows = ctx.mentions.get(c.doc, ([], []))
        i = bisect.bisect_right(starts, at) - 1
        while i >= 0 and rows[i][0] > at - 200:
            if rows[i][0] <= at < rows[i][1]:
                return "@" + rows[i][2]
            i -= 1
    if lemma in PRONOUNS or lemma in STOP or len(lemma) < 2:
        return None
    return lemma


def _parse_slot(ctx: _Ctx, c: Claim) -> dict[str, frozenset[str]]:
    """The slot the claim reader stored with the figure, with arguments turned into entities where they resolve."""
    slot = c.value.get("slot") if isinstance(c.value, dict) else None
    if not isinstance(slot, dict):
        return {}
    out: dict[str, frozenset[str]] = {}
    pred = slot.get("pred")
    if isinstance(pred, str) and pred not in LINK_PREDICATES:
        out["pred"] = frozenset({ROLE_WORDS.get(pred, pred)})
    for role in ("subj", "obj", "owner"):
        ref = _arg_ref(ctx, c, slot.get(role))
        if ref:
            out[role] = frozenset({ref})
    for many in ("preps", "mods"):
        got = frozenset(str(x) for x in slot.get(many) or [] if str(x).split()[-1] not in STOP)
        if got:
            out[many] = got
    return out


def _parse_score(a: _Figure, b: _Figure) -> float:
    """Agreement of two figures' parse slots: the same verb class, the same doer or thing done to, the same
    prepositional anchors ('of the budget', 'in the crash'); a doer named differently on both sides counts against."""
    score = 0.0
    if a.parse.get("thing") and b.parse.get("thing") and not a.parse["thing"] & b.parse["thing"] \
            and (_measured(a.claim.value) or _measured(b.claim.value)):
        return -1.0    # "a 10-year deal" / "a 30-year lease": sizes of two different things
    order_a, order_b = _order_of(a), _order_of(b)
    if order_a and order_b and not order_a & order_b:
        return -1.0    # "its next 23 games" / "their last 23 games": two different runs of games
    for size, count in ((a, b), (b, a)):
        thing = _measured(size.claim.value)
        if thing and not _measured(count.claim.value) and _stem(thing) not in count.words:
            score -= SIZE_APART   # "a 41-yard pass" is no count of the game's "37 yards" unless a pass is near it
    if bool(a.parse.get("part")) != bool(b.parse.get("part")):
        score -= PART_APART
    for part, weight in PARSE_WEIGHTS.items():
        x, y = a.parse.get(part), b.parse.get(part)
        if not x or not y:
            continue
        if x & y or (part in ("subj", "obj", "owner") and a.ctx is not None and a.ctx.may_be_same(x, y)):
            score += weight
        elif part in ("subj", "obj") and all(r.startswith("@") for r in x | y):
            score -= weight    # two different named doers: likely two different counts
    return score


def _order_of(f: _Figure) -> frozenset[str]:
    """Which stretch of a series a figure counts: the last, the next, the first ('its past 10 games' = last)."""
    return frozenset(ORDER_MODS[m] for m in f.parse.get("mods", ()) if m in ORDER_MODS)


def _stem(w: str) -> str:
    """A crude common stem, so that 'showed'/'shows', 'e-mails'/'emails', 'arrived'/'arrive' meet."""
    w = w.replace("-", "").replace("'", "").replace("’", "")
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("ed", "es")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def _share_content(a: _Figure, b: _Figure) -> bool:
    """Some word or name around both figures beyond what happened to the counted."""
    return any(w in b.words and not w.startswith("~") for w in a.words)


def _named_alike(a: _Figure, b: _Figure) -> bool:
    """The people named by a figure may be the ones named by the other, or the doer or owner its clause is
    about ('who lasted 52 games before being replaced by Ford': the one who lasted, not Ford)."""
    theirs = b.people | frozenset(r[1:] for k in ("subj", "owner") for r in b.parse.get(k, ()) if r.startswith("@"))
    return a.ctx.may_be_same(a.people, theirs) if a.ctx else bool(a.people & theirs)


def _slot_score(a: _Figure, b: _Figure, idf: dict[str, float]) -> float:
    """How surely two figures fill one slot: weighted overlap of their neighbourhoods, 0 when they plainly differ."""
    if a.role and b.role and a.role != b.role:
        return 0.0
    if a.people and b.people and not (_named_alike(a, b) or _named_alike(b, a)):
        return 0.0      # "Manning threw for 364 yards" / "Garrard threw for 329 yards"
    na = sum(idf.get(w, 1.0) * x for w, x in a.words.items())
    nb = sum(idf.get(w, 1.0) * x for w, x in b.words.items())
    if na <= 0 or nb <= 0:
        return 0.0
    shared = sum(idf.get(w, 1.0) * min(x, b.words[w]) for w, x in a.words.items() if w in b.words)
    score = shared / (SCORE_MIX * min(na, nb) + (1 - SCORE_MIX) * max(na, nb)) + _parse_score(a, b)
    if a.co and b.co:
        # the same other figure stated beside both; a small number repeats by chance, a large one rarely
        told = sum(max(0.0, min(1.0, math.log10(amount) / CO_DIGITS)) for _, amount in a.co & b.co)
        score += CO_FIGURE_WEIGHT * min(CO_MAX, told)
    return score + (SAME_VALUE_BONUS if a.key[:2] == b.key[:2] else 0.0)   # one amount, however qualified


def _significant(x: float) -> str:
    return f"{abs(x):.6f}".replace(".", "").strip("0") or "0"


def _rounded(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """One figure is the other rounded: '$43 million' for '$43,885,310', '1,500' for '1,520'."""
    x, y = float(a.get("amount") or 0), float(b.get("amount") or 0)
    for r, p in ((x, y), (y, x)):
        if r == 0 or r == p or len(_significant(r)) >= len(_significant(p)):
            continue
        scale = 10 ** (math.floor(math.log10(abs(r))) - len(_significant(r)) + 1)
        same_magnitude = math.floor(math.log10(abs(r))) == math.floor(math.log10(abs(p or 1)))
        # sums in millions are cut ('$43 million' for $43,885,310); counts are rounded ('300' for 329, not 364)
        reach = scale if scale >= 1_000_000 else scale / 2
        if scale >= 100 and abs(r - p) <= reach and same_magnitude:    # '1,000' rounds '1,020', never '71'
            return True
    return False


def _numeric_facts(claims: list[Claim], ctx: _Ctx, cfg: Config) -> list[Fact]:
    """Figures blocked by storyline and counted noun, aligned document pair by document pair."""
    figures: dict[str, list[_Figure]] = defaultdict(list)
    for c in claims:
        v = c.value
        if isinstance(v, dict) and v.get("unit") and (v.get("amount") is not None or v.get("min") is not None):
            figures[ctx.root_of(c.doc)].append(_figure(ctx, c))
    facts: list[Fact] = []
    for root in sorted(figures):
        figs = figures[root]
        df: dict[str, int] = defaultdict(int)
        for f in figs:
            for w in f.words:
                df[w] += 1
        idf = {w: math.log(1.0 + len(figs) / n) for w, n in df.items()}
        blocks: dict[str, list[_Figure]] = defaultdict(list)
        for f in figs:
            blocks[f.base].append(f)
        for base in sorted(blocks):
            by_claim = {f.claim.id: f for f in blocks[base]}
            for tgroup in _time_groups(ctx, [f.claim for f in blocks[base]], cfg.facts.time_window_days, by_event=False):
                facts += _figure_slots(ctx, cfg, base, [by_claim[c.id] for c in tgroup], idf)
    return facts


def _align(figs: list[_Figure], idf: dict[str, float]) -> list[tuple[_Figure, _Figure, float]]:
    """Pairs of figures from two documents, one-to-one, surest match first, with their score; a match counts
    only when it beats by MARGIN every other value on either side not already matched to its own."""
    by_doc: dict[str, list[_Figure]] = defaultdict(list)
    for f in figs:
        by_doc[f.claim.doc].append(f)
    docs = sorted(by_doc)
    pairs: list[tuple[_Figure, _Figure, float]] = []   # figure, figure, score
    for i, da in enumerate(docs):
        for db in docs[i + 1:]:
            fa, fb = by_doc[da], by_doc[db]
            if len(fa) * len(fb) > MAX_PAIRS:
                continue
            score = [[_slot_score(x, y, idf) for y in fb] for x in fa]
            if len({x.key for x in fa}) == 1 and len({y.key for y in fb}) == 1:
                # each document gives one figure of this kind: the natural reading is that they count one thing
                score = [[v + UNIQUE_BONUS if v > 0 and _share_content(x, y) else v for v, y in zip(row, fb)]
                         for row, x in zip(score, fa)]

            # one-to-one, surest first: a figure taken by a surer match is no rival any more
            # ("five-year" matched to "five-year" leaves "10-year" to face "37-year")
            keys_a, keys_b = [x.key for x in fa], [y.key for y in fb]
            free_a, free_b = set(range(len(fa))), set(range(len(fb)))
            cells = sorted(((score[x][y], x, y) for x in range(len(fa)) for y in range(len(fb))
                            if score[x][y] >= AGREE_MIN), key=lambda t: (-t[0], t[1], t[2]))
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
                if v - max(rival_x, rival_y) < MARGIN:
                    continue    # ambiguous: neither figure is paired with a weaker match instead
                if keys_a[x][:2] == keys_b[y][:2]:
                    explained_a.add(x)
                    explained_b.add(y)
                pairs.append((fa[x], fb[y], v))
    return pairs


def _figure_slots(ctx: _Ctx, cfg: Config, base: str, figs: list[_Figure], idf: dict[str, float]) -> list[Fact]:
    """Figures that agree (the same value, or values that can both be true) form a cluster; two clusters whose
    figures are aligned with different exact values contest. Disagreement never chains clusters into one
    slot: a weak match between '1099 yards' and '101 yards' must not lump a game's every yardage together."""
    pairs = _align(figs, idf)
    agree = DisjointSets(f.claim.id for f in figs)
    first: dict[tuple, str] = {}
    for f in figs:   # a document repeating its own figure
        k = (f.claim.doc, f.key)
        if k in first:
            agree.union(f.claim.id, first[k])
        else:
            first[k] = f.claim.id
    for x, y, _ in pairs:
        if x.key[:2] == y.key[:2]:
            agree.union(x.claim.id, y.claim.id)     # one figure, however qualified
    surest = sorted(pairs, key=lambda p: (-p[2], p[0].claim.id, p[1].claim.id))
    amounts: dict[str, set[float]] = defaultdict(set)
    for f in figs:
        if f.claim.value.get("amount") is not None:
            amounts[agree.find(f.claim.id)].add(float(f.claim.value["amount"]))
    for x, y, _ in surest:
        rx, ry = agree.find(x.claim.id), agree.find(y.claim.id)
        both = amounts[rx] | amounts[ry]
        if rx != ry and _rounded(x.claim.value, y.claim.value) and all(
                a == b or _rounded({"amount": a}, {"amount": b}) for a in both for b in both):
            agree.union(rx, ry)     # '1,500' for '1,520', but never '300' bridging '329' and '364'
            amounts[agree.find(rx)] = both
    by_doc_key: dict[tuple[str, tuple], list[_Figure]] = defaultdict(list)
    for f in figs:
        by_doc_key[(f.claim.doc, f.key)].append(f)

    def gives_both(a: _Figure, b: _Figure) -> bool:
        """a's document also gives b's value where it may count the same thing (or the other way round)."""
        return any(_slot_score(x, y, idf) >= AGREE_MIN for x, y in
                   [(o, b) for o in by_doc_key.get((a.claim.doc, b.key), [])] +
                   [(o, a) for o in by_doc_key.get((b.claim.doc, a.key), [])])

    clusters: dict[str, list[_Figure]] = defaultdict(list)
    for f in figs:
        clusters[agree.find(f.claim.id)].append(f)
    docs_of = {r: {f.claim.doc for f in fs} for r, fs in clusters.items()}
    edges: dict[tuple[str, str], float] = {}
    for x, y, score in pairs:
        rx, ry = agree.find(x.claim.id), agree.find(y.claim.id)
        if rx != ry and _contests(ctx, x, y, score) and not docs_of[rx] & docs_of[ry] and not gives_both(x, y):
            edges[tuple(sorted((rx, ry)))] = max(score, edges.get(tuple(sorted((rx, ry))), 0.0))
    # a bound ("at least 10", "over 200") sits with the figure it was matched to ("224"), unless that
    # figure is disputed: a bound compatible with both sides of a dispute belongs to neither
    disputed = {r for e in edges for r in e}
    for x, y, _ in surest:
        rx, ry = agree.find(x.claim.id), agree.find(y.claim.id)
        if rx == ry or rx in disputed or ry in disputed or not compatible(x.claim.value, y.claim.value):
            continue
        exact = {float(f.claim.value["amount"]) for r in (rx, ry) for f in clusters[r] if is_exact(f.claim.value)}
        if len(exact) > 1:
            continue   # never bridge two exact figures ("10", "37", "seven") through a bound
        joined = clusters.pop(rx) + clusters.pop(ry)
        clusters[agree.union(rx, ry)] = joined
    # clusters joined by disputes, surest dispute first, never more than max_positions in one fact
    disputes = DisjointSets(clusters)
    size = {r: 1 for r in clusters}
    for (rx, ry), _ in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0])):
        gx, gy = disputes.find(rx), disputes.find(ry)
        if gx != gy and size[gx] + size[gy] <= cfg.facts.max_positions:
            size[disputes.union(gx, gy)] = size[gx] + size[gy]
    facts: list[Fact] = []
    groups: dict[str, list[str]] = defaultdict(list)
    for r in sorted(clusters):
        groups[disputes.find(r)].append(r)
    for g in sorted(groups):   # a group of two or more clusters was joined by disputes
        members = groups[g]
        if len(members) == 1:
            facts.append(_agreed_figures(ctx, base, clusters[members[0]]))
        else:
            facts.append(_contested_figures(ctx, base, [clusters[r] for r in members]))
    return facts


def _contests(ctx: _Ctx, a: _Figure, b: _Figure, score: float) -> bool:
    """Two aligned figures that cannot both be true, said surely enough to call a dispute: exact figures in
    digits ("12" vs "19"), never bounds or number words unless they are far apart and the match is sure."""
    va, vb = a.claim.value, b.claim.value
    other_event = ctx.story_of.get(a.claim.doc) != ctx.story_of.get(b.claim.doc) \
        or not _share_figures(ctx, a.claim.doc, b.claim.doc)
    need = CONTEST_MIN + (OTHER_EVENT if other_event else 0.0)
    if va.get("score") or vb.get("score"):
        need = max(need, SCORE_MATCH)   # a game report holds many scores and records: only a sure match is one
    if score < need or compatible(va, vb) or _rounded(va, vb):
        return False
    # near-duplicates never corroborate each other, but two copies of one report that differ on a figure
    # are exactly what a reader must see (a correction, an edit, a typo)
    return (_stated(va) and _stated(vb)) or (score >= SURE_MATCH and _far_apart(va, vb))


def _share_figures(ctx: _Ctx, a: str, b: str) -> bool:
    """Whether two reports may tell one event: they repeat some figure or name one calendar day (two
    earthquakes' reports rarely do), or one of them states too few figures to tell."""
    va, vb = ctx.figure_values.get(a, set()), ctx.figure_values.get(b, set())
    return len(va & vb) >= SHARED_FIGURES or min(len(va), len(vb)) < MANY_FIGURES \
        or bool(ctx.days.get(a, set()) & ctx.days.get(b, set()))


def _about_figure(base: str, figs: list[_Figure]) -> str:
    unit = figs[0].claim.value.get("unit") or base
    return f"Number of {unit}" if base not in ("USD", "EUR", "GBP", "JPY", "RUB", "ILS", "percent") \
        else f"Figure in {base}"


def _figure_position(claims: list[Claim]) -> Position:
    """One value of a cluster: its most often stated wording, with the cluster's claims."""
    counts: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        counts[_value_key(c.value)].append(c)
    ranked = sorted(counts, key=lambda k: (-len({c.doc for c in counts[k]}), -len(_significant(k[1])), k))
    v = counts[ranked[0]][0].value
    norm = v["score"] if v.get("score") else v.get("amount") if v.get("amount") is not None \
        else [v.get("min"), v.get("max")]
    # a cluster holding a figure and its rounding shows both ('329 / 300'); one figure worded two ways
    # ('over 1,400', 'more than 1,400') shows its commonest wording
    shown, amounts = [], set()
    for k in ranked:
        if k[1] not in amounts:
            amounts.add(k[1])
            shown.append(str(counts[k][0].value.get("text")))
    return _position(" / ".join(shown), claims, norm)


def _agreed_figures(ctx: _Ctx, base: str, figs: list[_Figure]) -> Fact:
    by_value: dict[tuple, list[Claim]] = defaultdict(list)
    for f in figs:
        by_value[f.key].append(f.claim)
    positions = [_figure_position(by_value[k]) for k in sorted(by_value)]
    return _agreed_fact(ctx, _about_figure(base, figs), positions, [f.claim for f in figs])


def _contested_figures(ctx: _Ctx, base: str, clusters: list[list[_Figure]]) -> Fact:
    """Each cluster of agreeing figures is one position."""
    ordered = sorted(clusters, key=lambda fs: min(f.key for f in fs))
    positions = [_figure_position([f.claim for f in fs]) for fs in ordered]
    shown = " vs ".join(str(p.value) for p in positions)
    claims = [f.claim for fs in clusters for f in fs]
    return Fact(id="", story=_story(ctx, claims), about=_about_figure(base, clusters[0]), verdict="contested",
                positions=positions,
                explanation=f"Different documents give different exact figures for the same count ({shown}).")


# -- functional relations ------------------------------------------------------------------------------

def _leader_ref(ctx: _Ctx, c: Claim) -> Optional[str]:
    """Who a 'lead' claim names: its subject entity, else a person or body named in its subject words,
    else the name those words end with ('Minister of Transport Nurlan Rakhimov' -> 'Nurlan Rakhimov')."""
    if ctx.entity_type(c.subject) in ("PERSON", "ORG", "NORP", "GPE"):
        return c.subject
    text = c.subject_text or ""
    span = _span_in(c, text)
    if span is not None:
        named = [e for e in _entities_in(ctx, c.doc, c.start + span[0], c.start + span[1])
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
    known = [e.id for e in ctx.analysis.entities if e.type == "PERSON" and any(_same_person(name, n) for n in
                                                                                 _names_of(ctx, e.id))]
    return min(known, key=lambda e: (len(ctx.name(e)), e)) if len(known) == 1 else name


def _names_of(ctx: _Ctx, ref: str) -> list[str]:
    e = ctx.analysis.entity(ref)
    return sorted({e.name, *e.aliases}) if e is not None else [ref]


def _same_person(a: str, b: str) -> bool:
    """Two names of one person: they match up to transliteration, or one is the other with words in front
    ('Transport Yevgeny Saparov', read with a stray title word, is still 'Yevgeny Saparov')."""
    if names.person_match(a, b) is not None:
        return True
    wa, wb = names.words(a), names.words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < 2 or len(short) == len(long_):
        return False
    return names.person_match(" ".join(short), " ".join(long_[-len(short):])) is not None


def _same_value(ctx: _Ctx, a: str, b: str) -> bool:
    """Resolved entity ids first; names (all aliases) where resolution kept one person apart."""
    if a == b:
        return True
    ta, tb = ctx.entity_type(a), ctx.entity_type(b)
    if "PERSON" in (ta, tb) or ta is None or tb is None:
        return any(_same_person(x, y) for x in _names_of(ctx, a) for y in _names_of(ctx, b))
    return any(names.org_key(x) == names.org_key(y) for x in _names_of(ctx, a) for y in _names_of(ctx, b))


def _functional_facts(claims: list[Claim], ctx: _Ctx, cfg: Config) -> list[Fact]:
    """One value per slot: who led the delegation. Keyed by the object's head noun."""
    buckets: dict[tuple, list[tuple[str, Claim]]] = defaultdict(list)
    for c in claims:
        if c.predicate in FUNCTIONAL:
            ref = _leader_ref(ctx, c)
            head = _head_word(c.object_text)
            if ref and head:
                buckets[(ctx.story_of.get(c.doc) or "", c.predicate, head)].append((ref, c))
    facts: list[Fact] = []
    for (story, pred, head), pairs in sorted(buckets.items()):
        ref_of = {c.id: r for r, c in pairs}
        for tgroup in _time_groups(ctx, [c for _, c in pairs], cfg.facts.time_window_days):
            # one value per person: a value joins the first (most cited) one it names the same
            by_ref: dict[str, list[Claim]] = defaultdict(list)
            for c in tgroup:
                by_ref[ref_of[c.id]].append(c)
            by_value: dict[str, list[Claim]] = {}
            for r in sorted(by_ref, key=lambda r: (-_independent(ctx, {c.doc for c in by_ref[r]}), r)):
                same = next((v for v in by_value if _same_value(ctx, v, r)), None)
                by_value.setdefault(same or r, []).extend(by_ref[r])
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


def _event_of(c: Claim) -> Optional[str]:
    """The event a dated claim is about: its predicate class, or the event its subject names when the verb
    only says it began ('Talks on the lease began in March 2024' dates the start of the talks)."""
    if c.predicate in EVENT_CLASSES:
        return c.predicate
    if c.predicate in ASPECT_VERBS:
        head = _head_word(c.subject_text)
        event = EVENT_NOUNS.get(head or "") or EVENT_NOUNS.get((head or "") + "s")
        if event:
            return f"{ASPECT_VERBS[c.predicate]} {event}"
    return None


def _date_facts(claims: list[Claim], ctx: _Ctx, cfg: Config) -> list[Fact]:
    """The date of an event is functional: 'September 2023' and 'October 7' for the same attack contest."""
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        pred = _event_of(c)
        if pred and _date_range(c.when) is not None and c.value is None:
            text = _time_text(ctx, c)
            if text and EXPLICIT_DATE.search(text) and not re.fullmatch(r"\W*(19|20)\d\d\W*", c.when or ""):
                buckets[(ctx.story_of.get(c.doc) or "", pred)].append(c)
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
    nouns = {"meet": "meeting", "kill": "killing", "die": "death", "start meet": "start of the talks",
             "end meet": "end of the talks"}
    noun = nouns.get(pred, pred)
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
    topic = _topic_words(ctx, claims)
    used: set[str] = set()
    facts: list[Fact] = []
    for (story, pred, role, key), group in ranked:
        group = [c for c in group if c.id not in used]
        if _independent(ctx, {c.doc for c in group}) < 2:
            continue
        for tgroup in [g for tg in _time_groups(ctx, group, cfg.facts.time_window_days)
                       for g in _same_statement(ctx, tg, pred, role, key, topic.get(story, frozenset()))]:
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


STATEMENT_PREDICATES = {"say"}   # verbs whose content is the statement they report, not their subject
TOPIC_SHARE = 0.5        # a word in this share of a story's documents is the story's topic
MONTHS_DAYS = re.compile(MONTH + r"$|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?$|"
                         r"(today|yesterday|tomorrow|week|morning|evening|night|earlier|later|ago)$")
TOPIC_WEIGHT = 0.5       # a topic word shared counts this much toward SHARED_WORDS
SHARED_WORDS = 2         # content words two clauses must share, beyond who and the verb, to state one thing
MAX_STATEMENTS = 200     # clauses of one bucket compared pairwise


def _words(text: str) -> set[str]:
    return {re.sub(r"(['’]s|s)$", "", w) if len(w) > 3 else w
            for w in (m.lower() for m in WORD.findall(text)) if w not in STOP and len(w) >= 3}


def _topic_words(ctx: _Ctx, claims: list[Claim]) -> dict[str, frozenset[str]]:
    """Per story, the words most of its documents use ('Valdor', 'Lisbon', 'delegation'): sharing them says
    two clauses are about the story, not that they state the same thing."""
    docs_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in claims:
        for w in _words(c.text):
            docs_of[ctx.story_of.get(c.doc) or ""][w].add(c.doc)
    out = {}
    for story, words in docs_of.items():
        n = len({d for ds in words.values() for d in ds})
        out[story] = frozenset(w for w, ds in words.items() if n >= 3 and len(ds) >= TOPIC_SHARE * n)
    return out


def _content(ctx: _Ctx, c: Claim, pred: str, role: str, key: str) -> frozenset[str]:
    """Words of a clause that say what it states: not the argument it was grouped by, not the verb's class."""
    own = (c.subject_text if role == "s" else c.object_text) or ""
    skip = {w.lower() for w in re.findall(r"[A-Za-z]+", own + " " + (c.attribution_text or "") + " " + ctx.name(key))}
    verbs = {lemma[:4] for lemma, cls in PREDICATE_CLASSES.items() if cls == pred} | {pred[:4]}
    skip |= {re.sub(r"(['’]s|s)$", "", w) for w in skip if len(w) > 3}
    return frozenset(w for w in _words(c.text) if w not in skip and w[:4] not in verbs and w not in ("told", "tell")
                     and not MONTHS_DAYS.match(w))


def _same_statement(ctx: _Ctx, claims: list[Claim], pred: str, role: str, key: str,
                    topic: frozenset[str]) -> list[list[Claim]]:
    """Split one speaker's clauses into statements: two clauses of different documents state
    the same thing when they share content words or the other argument ('said the deal would create jobs' /
    'said the contract stays secret' are two statements, not one fact)."""
    if pred not in STATEMENT_PREDICATES or role != "s" or len(claims) > MAX_STATEMENTS:
        return [claims]   # grouped by what was done to whom, the bucket already names the statement
    words = [_content(ctx, c, pred, role, key) for c in claims]
    other = [set(_arg_keys(ctx, c, "o" if role == "s" else "s")) for c in claims]
    statements = DisjointSets(range(len(claims)))
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if claims[i].doc == claims[j].doc:
                continue
            shared = sum(TOPIC_WEIGHT if w in topic else 1.0 for w in words[i] & words[j])
            if shared >= SHARED_WORDS or other[i] & other[j]:
                statements.union(i, j)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(claims):
        groups[statements.find(i)].append(c)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0].id))
