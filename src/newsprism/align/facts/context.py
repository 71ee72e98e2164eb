"""What every part of the ledger reads about the corpus: stories, independent sources, entity mentions by
offset, times, and who a name is; built once per analysis."""
from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from ...config import FactsConfig
from ...disjoint import DisjointSets
from ...model import Analysis, Claim
from ...resolve import names
from .gender import genders
from .name_index import PersonIndex
from .values import base_unit, stated, value_key
from .words import DAY, PRONOUNS, SENTENCE_END, STOP, TITLES, WORD

# the word right before a name: 'tackle' in 'defensive tackle Jamal Brown'
WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z-]+)\s+$")


@dataclass
class Context:
    analysis: Analysis
    cfg: FactsConfig
    story_of: dict[str, Optional[str]]
    source_of: dict[str, str]                        # document -> independent source (near-duplicates share one)
    mentions: dict[str, tuple[list[int], list[tuple[int, int, str]]]]
    published: dict[str, Optional[str]]
    storyline: dict[str, str]                        # story -> the storyline it belongs to (its top parent)
    lone: frozenset[str] = frozenset()               # stories of one document alone in its storyline
    main_person: dict[str, Optional[str]] = field(default_factory=dict)   # doc -> the person it is about, cached
    texts: dict[str, str] = field(default_factory=dict)
    figure_values: dict[str, set[tuple]] = field(default_factory=dict)   # doc -> (counted noun, value) it states
    days: dict[str, set[str]] = field(default_factory=dict)   # doc -> calendar days it names, fully resolved
    figures_at: dict[str, list[tuple[int, int, tuple[str, float]]]] = field(default_factory=dict)  # doc -> figures
    ledes: dict[str, int] = field(default_factory=dict)    # doc -> where its lede (first sentence) ends
    _name_words: dict[str, frozenset[str]] = field(default_factory=dict)
    _same_person: dict[tuple[str, str], bool] = field(default_factory=dict)   # (x, y) -> may be one person
    _same_value: dict[tuple[str, str], bool] = field(default_factory=dict)    # (a, b) -> one referent by name
    participant_names: dict[tuple, frozenset[str]] = field(default_factory=dict)  # (names, types) -> their words
    _named_in: dict[str, frozenset[str]] = field(default_factory=dict)   # doc -> the entities it names
    _genders: dict[str, dict[str, str]] = field(default_factory=dict)    # doc -> person -> 'm' / 'f' it tells
    titles: Optional[frozenset[str]] = None   # `person_titles` given: a Spark group's are the whole coverage's

    @functools.cached_property
    def person_titles(self) -> frozenset[str]:
        """Nouns a clause's doer or thing done to sets right before a person's name ('defensive tackle Jamal
        Brown', 'Judge Ann Lee') that the coverage also uses as a description's head ('the tackle', 'the judge'):
        words for a person in this coverage, beyond any fixed list. Read inside the argument only, so a verb
        before a name ('asked Lee') is none. Read over every claim of the analysis: a ledger run on one storyline
        is given the whole coverage's (`titles`)."""
        if self.titles is not None:
            return self.titles
        before: set[str] = set()
        heads: set[str] = set()
        for c in self.analysis.claims:
            for ref, text in ((c.subject, c.subject_text), (c.object, c.object_text)):
                if not text:
                    continue
                if ref is None or self.analysis.entity(ref) is None:
                    heads.add(head_word(text) or "")
                elif self.entity_type(ref) == "PERSON" and (span := span_in(c, text)) is not None:
                    lo, hi = c.start + span[0], c.start + span[1]
                    starts, rows = self.mentions.get(c.doc, ([], []))
                    for start, _, r in rows[bisect.bisect_left(starts, lo):]:
                        if start >= hi:
                            break
                        m = WORD_BEFORE.search(self.texts.get(c.doc, ""), lo, start) if r == ref else None
                        if m:
                            before.add(head_word(m.group(1)) or "")
        return frozenset((before & heads) - {""})

    @functools.cached_property
    def person_index(self) -> PersonIndex:
        """Every person of the analysis by the keys of its names, built once per run (`name_index`)."""
        return PersonIndex((e.id, names_of(self, e.id)) for e in self.analysis.entities if e.type == "PERSON")

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

    def named_in(self, doc: str) -> frozenset[str]:
        """Every entity a document names, anywhere in it."""
        if doc not in self._named_in:
            self._named_in[doc] = frozenset(ref for _, _, ref in self.mentions.get(doc, ([], []))[1])
        return self._named_in[doc]

    def gender_in(self, doc: str, ref: str) -> Optional[str]:
        """'m' or 'f' where a document tells a person it names as a man or a woman (`gender`), else None."""
        if doc not in self._genders:
            rows = self.mentions.get(doc, ([], []))[1]
            people = frozenset(r for _, _, r in rows if self.entity_type(r) == "PERSON")
            self._genders[doc] = genders(self.texts.get(doc, ""), rows, people, self.cfg) if people else {}
        return self._genders[doc].get(ref)

    def independent(self, docs) -> int:
        """How many independent sources stand behind these documents (near-duplicates are one)."""
        return len({self.source_of.get(d, d) for d in docs})

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
        names ('Mario Williams', 'Esther Williams') are two people unless they match as names. Remembered per
        pair: one pair of people meets again in every pair of clauses that name them."""
        known = self._same_person.get((x, y))
        if known is None:
            known = self._same_person[x, y] = self._one_person(x, y)
        return known

    def _one_person(self, x: str, y: str) -> bool:
        full_x, full_y = len(names.words(self.name(x))) > 1, len(names.words(self.name(y))) > 1
        if full_x and full_y:
            return same_value(self, x, y)
        return bool(self.name_words(x) & self.name_words(y))


def build_context(analysis: Analysis, cfg: FactsConfig, titles: Optional[frozenset[str]] = None) -> Context:
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
    days: dict[str, set[str]] = defaultdict(set)
    for t in analysis.times:
        if DAY.match(t.value or ""):
            days[t.doc].add(t.value[:10])
    up = {s.id: s.parent for s in analysis.stories if s.parent}
    storyline = {}
    for s in analysis.stories:
        top, seen = s.id, {s.id}
        while top in up and up[top] not in seen:
            top = up[top]
            seen.add(top)
        storyline[s.id] = top
    lone = _attach_lone(analysis, story_of, storyline, mentions, cfg.attach_shared_entities)
    stated_values: dict[str, set[tuple]] = defaultdict(set)
    figures_at: dict[str, list[tuple[int, int, tuple[str, float]]]] = defaultdict(list)
    for c in analysis.claims:
        v = c.value
        if v is None or not v.unit or v.amount is None:
            continue
        base = base_unit(v)[0]
        if stated(v):
            stated_values[c.doc].add((base, value_key(v)[:2]))
        span = span_in(c, v.text)
        if span is not None and float(v.amount) > 0:
            figures_at[c.doc].append((c.start + span[0], c.start + span[1], (base, float(v.amount))))
    return Context(analysis, cfg, story_of, {d: copies.find(d) for d in docs}, idx,
                   {d.id: d.published for d in analysis.documents}, storyline,
                   texts={d.id: d.text for d in analysis.documents}, figure_values=dict(stated_values),
                   figures_at={d: sorted(set(rows)) for d, rows in figures_at.items()},
                   days=dict(days), lone=lone,
                   ledes={d.id: lede_end(d.text, cfg.lede_min_words) for d in analysis.documents}, titles=titles)


def lede_end(text: str, min_words: int) -> int:
    """Where a report's lede ends: its first sentence of `min_words` words or more, with any headline, dateline
    or byline lines above it (shorter, or without a full stop). A report leads with its news."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        if text[m.start()] != "\n" and len(text[start:m.end()].split()) >= min_words:
            return m.end()
        start = m.end()
    return len(text)


def _attach_lone(analysis: Analysis, story_of: dict[str, Optional[str]], storyline: dict[str, str],
                 mentions: dict[str, list[tuple[int, int, str]]], least: int) -> frozenset[str]:
    """Stories of one document that story clustering could not place, each put into the storyline whose documents
    name the most of its entities (at least `least`; ties to the smaller id), in `storyline`. Being left alone says
    nothing about a short report's events: a brief naming the actress and the clinic belongs with the reports of
    her stay. Returns the lone stories. The attachment reads only the storylines that name its entities, so a
    per-storyline run (Spark) that holds the chosen storyline makes the same choice."""
    docs_in: dict[str, set[str]] = defaultdict(set)
    for d, s in story_of.items():
        if s:
            docs_in[storyline.get(s, s)].add(d)
    parents = {s.parent for s in analysis.stories if s.parent}
    lone = {storyline.get(s, s) for s in story_of.values() if s}
    lone = {line for line in lone if len(docs_in[line]) == 1 and line not in parents}
    lines_naming: dict[str, set[str]] = defaultdict(set)    # entity -> storylines of several documents naming it
    for d, rows in mentions.items():
        s = story_of.get(d)
        line = storyline.get(s, s) if s else None
        if line and line not in lone:
            for _, _, ref in rows:
                lines_naming[ref].add(line)
    for line in sorted(lone):
        [doc] = docs_in[line]
        shared: dict[str, int] = defaultdict(int)
        for ref in {r for _, _, r in mentions.get(doc, [])}:
            for other in lines_naming.get(ref, ()):
                shared[other] += 1
        best = min(shared, key=lambda k: (-shared[k], k), default=None)
        if best is not None and shared[best] >= least:
            storyline[line] = best
    return frozenset(lone)


def mentions_in(ctx: Context, doc: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The mentions (start, end, entity) lying within [start, end) of a document, in text order."""
    starts, rows = ctx.mentions.get(doc, ([], []))
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(rows) and rows[i][0] < end:
        if rows[i][1] <= end:
            out.append(rows[i])
        i += 1
    return out


def entities_in(ctx: Context, doc: str, start: int, end: int) -> list[str]:
    """The entities named within [start, end) of a document, in text order."""
    return [ref for _, _, ref in mentions_in(ctx, doc, start, end)]


def entity_at(ctx: Context, doc: str, at: int) -> Optional[str]:
    """The entity whose mention covers the character offset `at`."""
    starts, rows = ctx.mentions.get(doc, ([], []))
    i = bisect.bisect_right(starts, at) - 1
    while i >= 0 and rows[i][0] > at - 200:
        if rows[i][0] <= at < rows[i][1]:
            return rows[i][2]
        i -= 1
    return None


def span_in(c: Claim, words: Optional[str]) -> Optional[tuple[int, int]]:
    """Where some of a claim's words (its figure, its subject) stand in its clause, as offsets into the clause."""
    at = c.text.find(words) if words else -1
    return (at, at + len(words or "")) if at >= 0 else None


# where a noun phrase's head has been said
HEAD_END = re.compile(r",| of | who | which | that | in | at | from | to | led | with | on | over | about | for "
                      r"| between | against | under | after | before | during | into | through | across | without "
                      r"| within | near | toward | towards | among | amid | via | [a-z]+ed by | by | since | until | despite |\(|;|:")


# the same argument words are asked for by several rules: kept for one ledger run, which clears it at its end
# (a bounded cache thrashed once a corpus had more arguments than it held)
@functools.lru_cache(maxsize=None)
def head_word(text: Optional[str]) -> Optional[str]:
    """The head noun of a noun phrase given as words: 'The trade delegation, led by ...' -> 'delegation'."""
    if not text:
        return None
    first = HEAD_END.split(" " + text + " ", 1)[0]
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


def main_person(ctx: Context, doc: str) -> Optional[str]:
    """The person a document is plainly about: named most often, at least main_mentions times and twice as often
    as anyone else."""
    if doc not in ctx.main_person:
        counts: dict[str, int] = defaultdict(int)
        for _, _, e in ctx.mentions.get(doc, ([], []))[1]:
            if ctx.entity_type(e) == "PERSON":
                counts[e] += 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        top = ranked[0] if ranked else None
        ok = top is not None and top[1] >= ctx.cfg.main_mentions and (len(ranked) < 2 or top[1] >= 2 * ranked[1][1])
        ctx.main_person[doc] = top[0] if ok and top else None
    return ctx.main_person[doc]


def names_of(ctx: Context, ref: str) -> list[str]:
    e = ctx.analysis.entity(ref)
    return sorted({e.name, *e.aliases}) if e is not None else [ref]


def same_person(a: str, b: str) -> bool:
    """Two names of one person: they match up to transliteration, or one is the other with words in front
    ('Transport Yevgeny Saparov', read with a stray title word, is still 'Yevgeny Saparov')."""
    if names.person_match(a, b) is not None:
        return True
    wa, wb = names.words(a), names.words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < 2 or len(short) == len(long_):
        return False
    return names.person_match(" ".join(short), " ".join(long_[-len(short):])) is not None


def same_value(ctx: Context, a: str, b: str) -> bool:
    """Resolved entity ids first; names (all aliases) where resolution kept one person apart. Remembered per
    pair: the same two referents are compared again for every pair of clauses that name them."""
    if a == b:
        return True
    known = ctx._same_value.get((a, b))
    if known is None:
        known = ctx._same_value[a, b] = _same_value(ctx, a, b)
    return known


def _same_value(ctx: Context, a: str, b: str) -> bool:
    ta, tb = ctx.entity_type(a), ctx.entity_type(b)
    if "PERSON" in (ta, tb) or ta is None or tb is None:
        return any(same_person(x, y) for x in names_of(ctx, a) for y in names_of(ctx, b))
    return any(names.org_key(x) == names.org_key(y) for x in names_of(ctx, a) for y in names_of(ctx, b))
