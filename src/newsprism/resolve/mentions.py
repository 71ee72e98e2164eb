"""Entity mentions of one document and their within-document clusters.

A pure per-document component: the mentions found in the one parse (candidates.py, with titles
and roles cut off by titles.py) are clustered: a surname joins the full name used before or after,
a definite description ("the ministry") joins the one ministry named, and each cluster's type
is voted over its mentions. Offsets are always exact: `text[start:end] == mention.text`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Optional

from spacy.tokens import Doc

from ..config import Config
from ..model import Document, Entity, Mention
from ..parse import text_of
from ..records import DocRecord, local_id
from .candidates import covered_tokens, find_candidates, same_line
from .names import (
    GENERATION_UNSAID,
    JUNIOR,
    ORG_HEADS,
    PersonName,
    demonym_code,
    fold,
    initials,
    is_known_place,
    nationality_code,
    org_key,
    parse_person,
    person_match,
    place_key,
    translit,
    words,
)
from .titles import Candidate, sex_before

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DEFINITE_HEADS = ORG_HEADS


@dataclass
class _Cluster:
    kind: str                      # PERSON, ORG, PLACE, NORP or the label of other types
    key: str
    members: list[Candidate] = field(default_factory=list)
    # the full name a lone given name stands for ('Hillary' in 'Hillary and Bill Clinton')
    full: Optional[str] = None


def _cluster(text: str, cands: list[Candidate]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[str, int] = {}

    def add(c: Candidate, kind: str, key: str) -> None:
        idx = by_key.get(key)
        if idx is None:
            idx = len(clusters)
            by_key[key] = idx
            clusters.append(_Cluster(kind, key))
        clusters[idx].members.append(c)
        c.cluster = idx

    # 1. full person names first, so surnames can find them before or after
    persons_full: list[tuple[int, str, str, Optional[str]]] = []   # (cluster idx, surname key, core tokens, generation)
    pending: list[Candidate] = []
    for n, c in enumerate(cands):
        s = text[c.start:c.end]
        if c.label == "PERSON":
            p = parse_person(s)
            if p and p.full:
                key = "person:" + p.joined
                add(c, "PERSON", key)
                continue
            couple = _given_of_couple(text, c, cands[n + 1] if n + 1 < len(cands) else None)
            if couple and (p := parse_person(couple)) is not None and p.full:
                add(c, "PERSON", "person:" + p.joined)
                clusters[c.cluster].full = clusters[c.cluster].full or couple
                continue
        pending.append(c)
    _join_bare_names(text, clusters, by_key, cands)
    for idx, cl in enumerate(clusters):
        if cl.members:
            p = parse_person(cl.full or text[cl.members[0].start:cl.members[0].end])
            persons_full.append((idx, translit(p.surname), " ".join(translit(t) for t in p.tokens), p.generation))

    full_at = {idx: sorted(m.start for m in clusters[idx].members) for idx, _, _, _ in persons_full}

    def sex_of(idx: int) -> Optional[str]:
        """The sex a title or word before a person's named mentions tells ('his wife, Heidi Cruz'), if one."""
        told = {x for m in clusters[idx].members if (x := sex_before(text, m.start))}
        return told.pop() if len(told) == 1 else None

    def person_for(s: str, at: int) -> Optional[int]:
        p = parse_person(s)
        if p is None or p.full:
            return None
        same = [(i, toks, g) for i, sk, toks, g in persons_full if sk == translit(p.surname)]
        if same:
            if p.generation or len({toks for _, toks, _ in same}) == 1:
                # one person of that surname, or a father and son told apart by their 'Jr.'
                by_surname = _of_generation(p, [(i, g) for i, _, g in same])
                return by_surname.pop() if len(by_surname) == 1 else None
            return _named_before(full_at, {i for i, _, _ in same}, at, sex_of, sex_before(text, at))
        by_token = _of_generation(p, [(i, g) for i, _, toks, g in persons_full if translit(p.surname) in toks.split()])
        return by_token.pop() if len(by_token) == 1 else None

    # 2. the rest, in text order
    for c in pending:
        s = text[c.start:c.end]
        if c.label == "PERSON":
            target = person_for(s, c.start)
            if target is not None:
                clusters[target].members.append(c)
                c.cluster = target
                continue
            p = parse_person(s)
            add(c, "PERSON", "person-part:" + (translit(p.surname) + p.generation_key if p else fold(s)))
            continue
        # a single word that is a person's surname in this document, whatever spaCy tagged it
        if " " not in s and not is_known_place(s) and nationality_code(s) is None:
            target = person_for(s, c.start)
            if target is not None:
                clusters[target].members.append(c)
                c.cluster = target
                continue
        if c.label == "ORG":
            key = org_key(s)
            add(c, "ORG", key)
            continue
        if c.label in PLACE_LABELS:
            add(c, "PLACE", place_key(s))
            continue
        if c.label == "NORP":
            code = demonym_code(s)
            add(c, "NORP", "norp:" + (code or fold(s).rstrip("s")))
            continue
        add(c, c.label, c.label.lower() + ":" + " ".join(words(s)))

    # 3. a bare surname cluster met before its full name was also caught by person_for; an
    # acronym joins the one organisation whose initials it spells
    for key, idx in list(by_key.items()):
        cl = clusters[idx]
        if cl.kind != "ORG" or not cl.members:
            continue
        s = text[cl.members[0].start:cl.members[0].end]
        if re.fullmatch(r"[A-Z]{2,6}", s.replace(".", "")):
            acr = s.replace(".", "").lower()
            targets = [i for i, o in enumerate(clusters) if o.kind == "ORG" and i != idx and o.members
                       and len(text[o.members[0].start:o.members[0].end].split()) >= 2
                       and initials(text[o.members[0].start:o.members[0].end]) == acr]
            if len(targets) == 1:
                for m in cl.members:
                    m.cluster = targets[0]
                clusters[targets[0]].members.extend(cl.members)
                cl.members = []
    _ministries_by_country(clusters)
    return [cl for cl in clusters if cl.members]


def _join_bare_names(text: str, clusters: list[_Cluster], by_key: dict[str, int], cands: list[Candidate]) -> None:
    """A full name written without its generation joins the same name written with one in the document, by how
    news writes generations: the son is written with his "Jr." every time, so beside a "Sr." the bare name is the
    father; beside a later generation alone ("Robert Doe III", then "Robert Doe") it is that person only when the
    writer moved from the suffixed name to the bare one and never wrote the suffix again ("Doe Jr." after it)."""
    full = [(idx, parse_person(text[cl.members[0].start:cl.members[0].end])) for idx, cl in enumerate(clusters)
            if cl.members]
    named = {idx: text[clusters[idx].members[0].start:clusters[idx].members[0].end] for idx, _ in full}
    for idx, p in full:
        if p.generation or not clusters[idx].members:
            continue
        others = [(j, q) for j, q in full if q.generation and clusters[j].members
                  and (m := person_match(named[idx], named[j])) is not None and m.reason == GENERATION_UNSAID]
        seniors = [j for j, q in others if q.generation == "sr"]
        if len(seniors) == 1:
            target = seniors[0]
        elif len(others) == 1:
            target, q = others[0]
            first_bare = min(c.start for c in clusters[idx].members)
            if min(c.start for c in clusters[target].members) > first_bare or any(
                    c.start > first_bare and c.label == "PERSON" and (r := parse_person(text[c.start:c.end]))
                    and r.generation == q.generation and translit(r.surname) == translit(q.surname) for c in cands):
                continue
        else:
            continue
        for m in clusters[idx].members:
            m.cluster = target
        clusters[target].members.extend(clusters[idx].members)
        clusters[idx].members = []
        by_key[clusters[idx].key] = target


def _given_of_couple(text: str, c: Candidate, after: Optional[Candidate]) -> Optional[str]:
    """'Hillary and Bill Clinton', 'Ted and Heidi Cruz': a given name alone joined by 'and' to a full name shares its
    surname; the full name it stands for ('Hillary Clinton'), else None."""
    given = text[c.start:c.end]
    if " " in given or after is None or after.label != "PERSON" or not _AND.fullmatch(text, c.end, after.start):
        return None
    p = parse_person(text[after.start:after.end])
    if p is None or not p.full or len(p.tokens) != 2 or p.generation:
        return None
    return f"{given} {text[after.start:after.end].split()[-1]}"


_AND = re.compile(r"\s+and\s+")


def _named_before(full_at: dict[int, list[int]], people: set[int], at: int, sex_of: Callable[[int], Optional[str]],
                  sex: Optional[str]) -> Optional[int]:
    """Of several people of one surname with different given names ('Jesse L. Jackson Jr.', 'Michael Jackson'), the
    one a bare surname at `at` stands for: the only one named in full before it, as news names someone in full
    before it writes the surname alone. Where two were ('Ted Cruz' and 'Heidi Cruz' before 'Mr. Cruz'), a courtesy
    title before the surname (`sex`) leaves out whoever the report tells as of the other sex ('his wife, Heidi
    Cruz'); else the name alone does not say which."""
    before = [i for i in people if any(x < at for x in full_at[i])]
    if len(before) > 1 and sex:
        before = [i for i in before if sex_of(i) in (None, sex)]
    return before[0] if len(before) == 1 else None


def _of_generation(p: PersonName, people: list[tuple[int, Optional[str]]]) -> set[int]:
    """Which of the people (cluster, generation) a partial name may be by its generation: the one it names ('Doe
    Jr.'), else any but a later generation while some other is there (a son is written with his 'Jr.')."""
    if p.generation:
        return {i for i, g in people if g == p.generation}
    elder = {i for i, g in people if g not in JUNIOR}
    return elder or {i for i, _ in people}


def _ministries_by_country(clusters: list[_Cluster]) -> None:
    """'the Chilean ministry' (a country and a head, no portfolio) joins the one ministry of that
    country whose portfolio is named ('Chile's Ministry of Transport'), when there is exactly one."""
    named: dict[tuple[str, str], list[_Cluster]] = {}
    bare: list[_Cluster] = []
    for cl in clusters:
        parts = cl.key.split(":")
        if cl.kind != "ORG" or len(parts) != 4 or parts[1] == "-" or not cl.members:
            continue
        if parts[3]:
            named.setdefault((parts[1], parts[2]), []).append(cl)
        else:
            bare.append(cl)
    for cl in bare:
        parts = cl.key.split(":")
        targets = named.get((parts[1], parts[2]), [])
        if len(targets) == 1:
            targets[0].members.extend(cl.members)
            cl.members = []


def _untagged_surnames(sdoc: Doc, clusters: list[_Cluster], cands: list[Candidate]) -> None:
    """A person's surname (or full name) repeated where spaCy tagged nothing ("Ruiz, who oversees
    logistics, said") joins that person when one person in the document carries it. One pass."""
    text = text_of(sdoc)
    surname_of: dict[str, set[int]] = {}
    full_of: dict[tuple[str, str], int] = {}
    for idx, cl in enumerate(clusters):
        if cl.kind != "PERSON":
            continue
        for name in [text[m.start:m.end] for m in cl.members] + ([cl.full] if cl.full else []):
            parts = name.split()
            if len(parts) >= 2 and parts[-1][:1].isupper():
                surname_of.setdefault(parts[-1], set()).add(idx)
                if len(parts) == 2:
                    full_of[(parts[0], parts[1])] = idx
    if not surname_of:
        return
    covered = covered_tokens(sdoc, cands)
    n = len(sdoc)
    for t in sdoc:
        if covered[t.i] or t.pos_ != "PROPN" or t.ent_type_ not in ("", "PERSON"):
            continue
        nxt = sdoc[t.i + 1] if t.i + 1 < n else None
        if nxt is not None and not covered[nxt.i] and (t.text, nxt.text) in full_of and same_line(t, nxt):
            idx = full_of[(t.text, nxt.text)]
            clusters[idx].members.append(Candidate(t.idx, nxt.idx + len(nxt.text), "PERSON", None, t.is_sent_start))
            covered[nxt.i] = 1
            continue
        owners = surname_of.get(t.text)
        if owners is not None and len(owners) == 1 and not (nxt is not None and nxt.pos_ == "PROPN"
                                                              and nxt.text[:1].isupper() and same_line(t, nxt)):
            idx = next(iter(owners))
            clusters[idx].members.append(Candidate(t.idx, t.idx + len(t.text), "PERSON", None, t.is_sent_start))


def _definite_descriptions(sdoc: Doc, clusters: list[_Cluster], taken: list[tuple[int, int]]) -> None:
    """'the ministry' after exactly one ministry was named joins that ministry."""
    heads: dict[str, list[tuple[int, _Cluster]]] = {}
    for cl in clusters:
        if cl.kind != "ORG" or not cl.key.startswith("org:") or cl.key.count(":") < 3:
            continue
        head = cl.key.split(":")[2]
        first = min(m.start for m in cl.members)
        heads.setdefault(head, []).append((first, cl))
    if not heads:
        return
    spans = sorted(taken)
    for t in sdoc:
        if t.text not in DEFINITE_HEADS or t.i == 0 or sdoc[t.i - 1].lower_ != "the":
            continue
        if t.i + 1 < len(sdoc) and sdoc[t.i + 1].lower_ == "of":
            continue  # "the ministry of ..." names another body
        start, end = t.idx, t.idx + len(t.text)
        if any(a < end and start < b for a, b in spans):
            continue
        named_before = [cl for first, cl in heads.get(t.text, []) if first < start]
        if len(named_before) == 1:
            named_before[0].members.append(Candidate(start, end, "ORG", None, False))


def _best_name(kind: str, surfaces: list[str]) -> str:
    """The fullest common form: for people and organisations the longest (the most frequent of
    those), for places and groups the most frequent."""
    counts = Counter(surfaces)
    order = {s: i for i, s in reversed(list(enumerate(surfaces)))}
    forms = [s for s in counts if any(ch.isupper() for ch in s)] or list(counts)
    if kind in ("PERSON", "ORG"):
        longest = max(len(words(s)) for s in forms)
        pool = [s for s in forms if len(words(s)) == longest]
        return sorted(pool, key=lambda s: (-counts[s], -len(s), order[s]))[0]
    return sorted(forms, key=lambda s: (-counts[s], -len(words(s)), order[s]))[0]


def entities_of(document: Document, sdoc: Doc) -> list[Entity]:
    """The document's entity clusters, numbered in order of first mention."""
    text = document.text
    cands = find_candidates(sdoc, text)
    clusters = _cluster(text, cands)
    _untagged_surnames(sdoc, clusters, cands)
    _definite_descriptions(sdoc, clusters, [(c.start, c.end) for c in cands])
    clusters.sort(key=lambda cl: min(m.start for m in cl.members))
    out: list[Entity] = []
    for n, cl in enumerate(clusters):
        members = sorted(cl.members, key=lambda m: (m.start, m.end))
        labels = Counter(m.label for m in members)
        if cl.kind == "PERSON":
            etype = "PERSON"
        else:
            etype = sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        surfaces = [text[m.start:m.end] for m in members]
        named = [s for s, m in zip(surfaces, members) if any(ch.isupper() for ch in s)]
        aliases = list(dict.fromkeys(named or surfaces))
        roles = list(dict.fromkeys(m.role for m in members if m.role))
        out.append(Entity(
            id=local_id(document.id, n),
            name=_best_name(cl.kind, named or surfaces),
            type=etype,
            aliases=aliases,
            roles=roles,
            documents=[document.id],
            mentions=[Mention(doc=document.id, start=m.start, end=m.end, text=text[m.start:m.end],
                              label=m.label, role=m.role) for m in members],
        ))
    return out


def component(document: Document, sdoc: Doc, record: DocRecord, cfg: Config) -> None:
    """Fill `record.entities` with the document's entity clusters (ids `<doc>@<n>`)."""
    record.entities = entities_of(document, sdoc)
