"""The pass over keys: the cross-key merge rules of entity resolution, over one row per exact key.

Every local entity with one exact key is one referent (entities.key_rows builds one `KeyRow` per key); the
rules here then join keys, surest first, each later rule seeing the clusters the earlier ones made: full
person names that are spelling variants (within surname blocks), a full name written without its generation
and the generation ("Jr.", "Sr.") it is, bare surnames and name parts, a surname or
full name tagged as another type, acronyms, a country's body without its portfolio, a team or paper without
its home town. A cluster is named by its smallest row (`KeyRow.first`, the corpus order of its first local
entity), so the outcome does not depend on the order the rows arrive in, only on that order. The rules are sequential (a merge is allowed or not by the
clusters merged so far), so this pass is not a connected-components step over independent pairs.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..config import Config
from ..disjoint import DisjointSets
from ..model import MergeEvidence
from .names import (
    GENERATION_UNSAID,
    JUNIOR,
    fold,
    initials,
    is_known_place,
    nationality_code,
    parse_person,
    person_match,
    phonetic,
    strip_possessive,
    translit,
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
GENERATION_CONFIDENCE = 0.8          # a name without "Jr."/"Sr." joins the one generation of it the corpus names
HOME_PLACE_CONFIDENCE = 0.8          # "the Saints" for the only "<place> Saints": news drops a team's home town


@dataclass
class KeyRow:
    """One exact key's local entities, summarized: all the pass over keys reads of them."""

    key: str
    kind: str                    # PERSON, ORG, PLACE, NORP, ... (a key's prefix fixes its kind)
    first: int                   # the corpus order of its first local entity: the row's name in the union-find
    first_name: str              # that entity's name
    name: str                    # the fullest name (most words; the first of them in corpus order)
    names: list[str] = field(default_factory=list)          # its distinct names, sorted
    docs: list[str] = field(default_factory=list)           # its documents, sorted
    bare_aliases: list[str] = field(default_factory=list)   # a person's one-word aliases (transliterated), sorted


@dataclass
class Merged:
    """What the pass gives: each row's cluster (by `first`) and each cluster's merge evidence (by root)."""

    root_of: dict[int, int]
    evidence: dict[int, list[MergeEvidence]]


def merge_keys(rows: Sequence[KeyRow], cfg: Config) -> Merged:
    """The merge rules in turn over the rows (any order: they are taken in the order of `first`)."""
    rows = sorted(rows, key=lambda r: r.first)
    c = _Clusters(rows, cfg)
    _same_key_evidence(c, rows)
    person_full = [g for g in rows if g.kind == "PERSON" and not g.key.startswith("person:part:")]
    person_part = [g for g in rows if g.kind == "PERSON" and g.key.startswith("person:part:")]
    c.start_merging(person_full)
    _merge_name_variants(c, person_full)
    _merge_unsaid_generations(c, person_full)
    people = _People(c, person_full)
    _merge_bare_surnames(c, person_part, people)
    _merge_mistagged_surnames(c, rows, person_full + person_part, people)
    _merge_mistagged_full_names(c, rows, person_full)
    orgs = [g for g in rows if g.kind == "ORG"]
    _merge_acronyms(c, orgs)
    _merge_bodies_by_country(c, orgs)
    _merge_without_home_place(c, orgs)
    return Merged({r.first: c.find(r.first) for r in rows}, dict(c.evidence))


class _Clusters:
    """The rows, the clusters merged so far (union-find over `first`) and what a merge carries along:
    its evidence, the distinct full person names and the documents of each cluster (by root)."""

    def __init__(self, rows: Sequence[KeyRow], cfg: Config) -> None:
        self.rows = rows
        self.first_name = {r.first: r.first_name for r in rows}
        self.threshold = cfg.entities.name_similarity
        self.min_conf = cfg.entities.min_confidence
        self.uf = DisjointSets(r.first for r in rows)
        self.evidence: dict[int, list[MergeEvidence]] = defaultdict(list)
        self.full_names: dict[int, set[str]] = defaultdict(set)   # root -> distinct full person names
        self.docs_of: dict[int, set[str]] = defaultdict(set)      # root -> its documents

    def find(self, i: int) -> int:
        return self.uf.find(i)

    def allows(self, confidence: float) -> bool:
        """A rule of this confidence may merge at all (`entities.min_confidence`)."""
        return confidence >= self.min_conf

    def start_merging(self, person_full: Sequence[KeyRow]) -> None:
        """What each cluster holds once the exact keys are joined: its full person names, its documents."""
        for g in person_full:
            self.full_names[self.find(g.first)].add(g.name)
        for r in self.rows:
            self.docs_of[self.find(r.first)].update(r.docs)

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


def _same_key_evidence(c: _Clusters, rows: Sequence[KeyRow]) -> None:
    """Rule 1 (the key itself): distinct spellings under one key are recorded as evidence of its merge."""
    for g in rows:
        if len(g.names) > 1:
            c.evidence[g.first].append(MergeEvidence(names=list(g.names), reason="same normalized name",
                                                     confidence=SAME_KEY_CONFIDENCE))


def _merge_name_variants(c: _Clusters, person_full: Sequence[KeyRow]) -> None:
    """Rule 2: full person names that are transliteration or spelling variants of each other, compared
    within surname blocks (spelling and sound); the names.person_match confidence is recorded."""
    blocks: dict[str, list[KeyRow]] = defaultdict(list)
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
                if m is None or not c.allows(m.confidence) or m.reason in ("surname only", GENERATION_UNSAID):
                    continue
                ra, rb = c.find(ga.first), c.find(gb.first)
                if ra == rb:
                    continue
                # every full name on one side must be compatible with every one on the other
                if all(_compatible(a, b, c.threshold) for a in c.full_names[ra] for b in c.full_names[rb]):
                    c.merge(ga.first, gb.first, sorted({ga.name, gb.name}), m.reason, m.confidence)


def _merge_unsaid_generations(c: _Clusters, person_full: Sequence[KeyRow]) -> None:
    """Rule 2b: a full name written without its generation ("Mark Doe") joins the same name written with one
    ("Mark Doe Sr.", "Mark S. Doe III") when the corpus names that generation alone, or names the elder ("Sr.")
    among others: the son is written with his "Jr." every time. Never where one document names the two apart
    (the writer told them apart), nor into a cluster holding another generation."""
    by_surname: dict[str, list[tuple[KeyRow, Optional[str]]]] = defaultdict(list)
    for g in person_full:
        p = parse_person(g.name)
        if p is not None:
            by_surname[translit(p.surname)].append((g, p.generation))
    for block in by_surname.values():
        suffixed = [(h, gen) for h, gen in block if gen]
        if not suffixed or len(block) > MAX_BLOCK:
            continue
        for g, _ in [(g, gen) for g, gen in block if gen is None]:
            gens: dict[str, list[KeyRow]] = defaultdict(list)
            for h, gen in suffixed:
                m = person_match(g.name, h.name, c.threshold)
                if m is not None and m.reason == GENERATION_UNSAID:
                    gens[gen].append(h)
            gen = next(iter(gens)) if len(gens) == 1 else ("sr" if "sr" in gens else None)
            roots = {c.find(h.first) for h in gens.get(gen, ())}
            if len(roots) != 1 or not c.allows(GENERATION_CONFIDENCE):
                continue
            root, mine = roots.pop(), c.find(g.first)
            if root == mine or c.docs_of[mine] & {d for h in gens[gen] for d in h.docs}:
                continue   # a document names the two apart
            if not _generations(c, mine) <= {None, gen} or not _generations(c, root) <= {None, gen}:
                continue
            if all(person_match(a, b, c.threshold) is not None for a in c.full_names[root] for b in c.full_names[mine]):
                reason = "the one generation of this name in the corpus" if len(gens) == 1 else "the elder of this name"
                c.merge(root, g.first, sorted({g.name, c.target_name(root, g.name)}), reason, GENERATION_CONFIDENCE)


def _generations(c: _Clusters, root: int) -> set:
    """The generations the full names of a cluster are written with (None: without one)."""
    return {p.generation for n in c.full_names.get(root, ()) if (p := parse_person(n)) is not None}


class _People:
    """Who carries which surname and name parts among the full person names, read once after rule 2,
    and which clusters keep each other company."""

    def __init__(self, c: _Clusters, person_full: Sequence[KeyRow]) -> None:
        self.company = _Company(c.rows, c.uf, c.docs_of)
        self.by_surname: dict[str, set[int]] = defaultdict(set)
        self.by_token: dict[str, set[int]] = defaultdict(set)
        for g in person_full:
            p = parse_person(g.name)
            if p is None:
                continue
            root = c.find(g.first)
            self.by_surname[translit(p.surname)].add(root)
            for t in p.tokens:
                self.by_token[translit(t)].add(root)


def _merge_bare_surnames(c: _Clusters, person_part: Sequence[KeyRow], people: _People) -> None:
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
        roots = _by_generation(c, p.generation, roots)
        if len(roots) == 1 and c.allows(conf) and people.company.shared(next(iter(roots)), g):
            root = roots.pop()
            c.merge(root, g.first, sorted({g.name, c.target_name(root, g.name)}), reason, conf)


def _by_generation(c: _Clusters, generation, roots: set[int]) -> set[int]:
    """Who a partial name may be by its generation: one written with it ('Doe Jr.'), else any but a later
    generation while another person is there (a son is written with his 'Jr.')."""
    if generation:
        return {r for r in roots if generation in _generations(c, r)}
    elder = {r for r in roots if not _generations(c, r) <= JUNIOR}
    return elder or roots


def _merge_mistagged_surnames(c: _Clusters, rows: Sequence[KeyRow], persons: Sequence[KeyRow],
                              people: _People) -> None:
    """Rule 3b: a bare surname tagged ORG, PRODUCT, ... ("Ruiz said" tagged ORG) in a document without
    the full name joins the one person who carries that surname *and* is called by it elsewhere."""
    bare_alias: dict[str, set[int]] = defaultdict(set)
    for g in persons:
        root = c.find(g.first)
        for a in g.bare_aliases:
            bare_alias[a].add(root)
    for g in rows:
        if g.kind == "PERSON" or " " in g.name.strip() or not g.name[:1].isupper():
            continue
        if is_known_place(g.name) or nationality_code(g.name) or g.name.isupper():
            continue
        s = translit(strip_possessive(g.name))
        roots = {c.find(r) for r in bare_alias.get(s, ())}
        full_roots = _by_generation(c, None, {c.find(r) for r in people.by_surname.get(s, ())})
        if len(roots) == 1 and roots == full_roots and c.allows(MISTAGGED_SURNAME_CONFIDENCE):
            root = roots.pop()
            c.merge(root, g.first, sorted({g.name, c.target_name(root, c.first_name[root])}),
                    "surname of one person, tagged as another type", MISTAGGED_SURNAME_CONFIDENCE)


def _merge_mistagged_full_names(c: _Clusters, rows: Sequence[KeyRow], person_full: Sequence[KeyRow]) -> None:
    """Rule 3c: a full name tagged ORG, WORK_OF_ART, ... in some documents and PERSON in others: the
    same multi-word proper name is the same referent, and so is one the tagger took with the nationality before it
    ('American Hasim Rahman' tagged ORG, where 'Hasim Rahman' is a person)."""
    person_keys = {g.key: g for g in person_full}
    for g in rows:
        if g.kind in ("PERSON", "NORP") or len(g.name.split()) < 2:
            continue
        first, _, rest = g.name.partition(" ")
        name = rest if len(rest.split()) >= 2 and nationality_code(first) else g.name
        p = parse_person(name)
        target = person_keys.get("person:" + p.joined) if p and p.full else None
        if target is not None and fold(target.name) == fold(name) and c.allows(MISTAGGED_NAME_CONFIDENCE):
            c.merge(target.first, g.first, [g.name], "same name tagged as another type", MISTAGGED_NAME_CONFIDENCE)


def _merge_acronyms(c: _Clusters, orgs: Sequence[KeyRow]) -> None:
    """Rule 4: an acronym joins the one organisation whose initials it spells."""
    by_initials: dict[str, set[int]] = defaultdict(set)
    for g in orgs:
        if len(g.name.split()) >= 2:
            ini = initials(g.name)
            if len(ini) >= 2:
                by_initials[ini].add(c.find(g.first))
    for g in orgs:
        bare = g.name.replace(".", "")
        if re.fullmatch(r"[A-Z]{2,6}", bare):
            roots = {c.find(r) for r in by_initials.get(bare.lower(), ())}
            if len(roots) == 1 and c.allows(ACRONYM_CONFIDENCE):
                root = roots.pop()
                c.merge(root, g.first, sorted({bare, c.first_name[root]}),
                        "acronym of the only organisation with these initials", ACRONYM_CONFIDENCE)


def _merge_bodies_by_country(c: _Clusters, orgs: Sequence[KeyRow]) -> None:
    """Rule 4b: "the Chilean ministry" (a country and a head noun, no portfolio) joins the one ministry
    of that country named with its portfolio in the corpus."""
    named: dict[tuple[str, str], set[int]] = defaultdict(set)
    bare: list[KeyRow] = []
    for g in orgs:
        parts = g.key.split(":")
        if len(parts) == 4 and parts[1] != "-":
            if parts[3]:
                named[(parts[1], parts[2])].add(c.find(g.first))
            else:
                bare.append(g)
    for g in bare:
        parts = g.key.split(":")
        roots = {c.find(r) for r in named.get((parts[1], parts[2]), ())}
        if len(roots) == 1 and c.allows(COUNTRY_BODY_CONFIDENCE):
            root = roots.pop()
            c.merge(root, g.first, sorted({g.name, c.first_name[root]}),
                    "the one such body of that country named in the corpus", COUNTRY_BODY_CONFIDENCE)


def _merge_without_home_place(c: _Clusters, orgs: Sequence[KeyRow]) -> None:
    """Rule 4c: an organisation named without the place it is named for ('the Red Sox', 'the Saints') joins the
    one organisation in the corpus named by a known place and then exactly that name ('Boston Red Sox'); where two
    places share it ('Boston Red Sox' / 'Chicago White Sox' share nothing, 'New York Times' / 'Los Angeles Times'
    share 'Times') the bare name stays alone; so it does where another organisation's name ends with it, whatever
    comes before ('Cordoba House' and 'White House': which one 'the House' is, if either, is unsaid)."""
    plain = [g for g in orgs if g.key.startswith("org:") and ":" not in g.key[4:]]
    homed: dict[str, set[int]] = defaultdict(set)
    ending: dict[str, set[int]] = defaultdict(set)     # every organisation whose name ends with these words
    for g in plain:
        w = g.key[4:].split()
        for k in range(1, len(w)):
            ending[" ".join(w[k:])].add(c.find(g.first))
            if is_known_place(" ".join(w[:k])):
                homed[" ".join(w[k:])].add(c.find(g.first))
    for g in plain:
        me = c.find(g.first)
        roots = {c.find(r) for r in homed.get(g.key[4:], ())} - {me}
        if len(roots) == 1 and not {c.find(r) for r in ending.get(g.key[4:], ())} - roots - {me} \
                and c.allows(HOME_PLACE_CONFIDENCE):
            root = roots.pop()
            c.merge(root, g.first, sorted({g.name, c.first_name[root]}),
                    "the one organisation of that name with its home place in the corpus", HOME_PLACE_CONFIDENCE)


class _Company:
    """Which named people and organisations keep a cluster company: the clusters named in its documents."""

    KINDS = ("PERSON", "ORG")
    COMPANY_DOCS = 500

    def __init__(self, rows: Sequence[KeyRow], uf: DisjointSets, docs_of: dict[int, set[str]]) -> None:
        self.uf, self.docs_of = uf, docs_of                       # docs_of: root -> documents, kept by merges
        self.in_doc: dict[str, list[int]] = defaultdict(list)     # document -> its person and org rows
        for r in rows:
            if r.kind in self.KINDS:
                for d in r.docs:
                    self.in_doc[d].append(r.first)

    def _around(self, docs: set[str], skip: set[int]) -> set[int]:
        return {r for d in docs for i in self.in_doc.get(d, ()) if (r := self.uf.find(i)) not in skip}

    def shared(self, root: int, row: KeyRow) -> bool:
        """A cluster named in the row's own documents is company enough; else some other person or
        organisation must be named both beside the row and beside the root."""
        mine = set(row.docs)
        theirs = self.docs_of.get(self.uf.find(root), set())
        if mine & theirs:
            return True
        skip = {self.uf.find(root), self.uf.find(row.first)}
        small, large = sorted((mine, theirs), key=len)
        near = self._around(small, skip)
        # the larger side is read document by document and stops at the first shared name; a name in
        # thousands of documents is read in its first COMPANY_DOCS only, so resolution stays near-linear
        return bool(near) and any(self.uf.find(i) in near for d in sorted(large)[:self.COMPANY_DOCS]
                                  for i in self.in_doc.get(d, ()))


def _compatible(a: str, b: str, threshold: float) -> bool:
    m = person_match(a, b, threshold)
    return m is not None and m.reason not in ("surname only", GENERATION_UNSAID)
