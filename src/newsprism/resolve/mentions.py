"""Entity mentions of one document and their within-document clusters.

A pure per-document component: spaCy's named entities over the one parse, repaired the way
news text needs (titles and possessives out of the name, headline fragments out, organisation
phrases spaCy misses in), then clustered: a surname joins the full name used before or after,
a definite description ("the ministry") joins the one ministry named, and each cluster's type
is voted over its mentions. Offsets are always exact: `text[start:end] == mention.text`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..config import Config
from ..model import Document, Entity, Mention
from ..records import DocRecord, local_id
from .names import (
    ORG_HEADS,
    country_code,
    demonym_code,
    fold,
    initials,
    is_known_place,
    nationality_code,
    org_key,
    parse_person,
    place_key,
    translit,
    words,
)
from ..parse import text_of

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Words of a title, office or honorific: they go to the mention's role, never into the name.
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "sheikh", "sheik",
    "president", "vice-president", "minister", "ambassador", "envoy", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "chair", "chancellor", "premier", "king", "queen", "prince",
    "princess", "emperor", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam", "ayatollah", "mullah",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
    "judge", "justice", "general", "gen", "lt", "col", "colonel", "major", "maj", "captain", "capt", "sgt",
    "sergeant", "admiral", "adm", "commander", "officer", "director", "head", "leader", "chief", "ceo",
    "founder", "deputy", "attorney", "prosecutor", "lawyer", "diplomat", "official", "aide", "adviser",
    "advisor", "correspondent", "reporter", "editor", "columnist", "analyst", "emir", "sultan", "crown",
    "speaker", "commissioner", "spokesmen", "member", "mp", "lawmaker", "dictator", "coach", "st", "saint",
})
# Words that qualify a title ("Deputy Foreign Minister", "then-President", "former Ambassador").
ROLE_MODIFIERS = frozenset({
    "foreign", "deputy", "prime", "vice", "acting", "former", "then", "ex", "interim", "first", "second",
    "senior", "assistant", "executive", "general", "state", "defence", "defense", "interior", "finance",
    "health", "justice", "economy", "trade", "energy", "national", "security", "chief", "supreme", "grand",
    "press", "political", "bureau", "affairs", "special", "top", "white", "house", "of", "the", "for", "to",
    "-", "at", "large", "armed", "forces", "staff", "joint", "minority", "majority", "party", "opposition",
    "russian", "kremlin", "un", "eu", "nato", "us", "u.s.", "lord", "high", "labour", "conservative",
    "ministry", "department", "office", "agency", "council", "committee", "tory", "liberal", "democratic",
    "republican", "communist", "cabinet", "army", "navy", "police", "military",
})
# Nationalities, religions and political groups that spaCy tags NORP and that are kept even at
# the start of a sentence (where an ordinary adjective is also capitalised).
GROUP_WORDS = frozenset({
    "jew", "jewish", "muslim", "christian", "catholic", "protestant", "orthodox", "sunni", "shia", "shiite",
    "islamist", "islamic", "hindu", "buddhist", "sikh", "arab", "kurd", "kurdish", "druze", "alawite",
    "democrat", "democratic", "republican", "conservative", "liberal", "labour", "socialist", "communist",
    "tory", "tories", "zionist", "jihadist", "salafist", "european", "western", "african", "asian", "latino",
    "hispanic", "persian", "pashtun", "tamil", "uighur", "uyghur", "rohingya", "yazidi", "evangelical",
})
DEFINITE_HEADS = ORG_HEADS
# Lowercase words that may qualify an organisation's head noun ("the Israeli foreign ministry").
ORG_MODIFIERS = frozenset({
    "foreign", "defence", "defense", "interior", "health", "justice", "finance", "education", "state",
    "intelligence", "security", "energy", "trade", "economy", "economic", "environment", "transport",
    "agriculture", "culture", "labour", "labor", "treasury", "homeland", "emergency", "emergencies",
    "information", "communications", "prosecutor's", "prosecutor", "press", "presidential", "federal",
})


@dataclass
class _Cand:
    start: int
    end: int
    label: str
    role: Optional[str] = None
    sent_start: bool = False
    cluster: int = -1


@dataclass
class _Cluster:
    kind: str                      # PERSON, ORG, PLACE, NORP or the label of other types
    key: str
    members: list[_Cand] = field(default_factory=list)


def _norm_word(t: Token) -> str:
    return t.lower_.replace(".", "").replace("’", "'")


def _is_titleish(t: Token) -> bool:
    w = _norm_word(t)
    return w in TITLES or w in ROLE_MODIFIERS or nationality_code(t.text) is not None or w in {"'s", "'"}


def _role_before(sdoc: Doc, i: int) -> tuple[int, Optional[str]]:
    """Title words right before token i ('Deputy Foreign Minister of Iran', 'then-President'):
    the role's start offset and text, or (i's offset, None) when there is none."""
    j = i
    has_title = False
    while j > 0:
        t = sdoc[j - 1]
        if "\n" in t.text or "\n" in t.whitespace_:
            break
        if not _is_titleish(t):
            break
        if _norm_word(t) in {"'s", "'"}:
            # "Russia's ambassador" reads as a role; "Hamas's leader" too
            if j - 2 >= 0 and (nationality_code(sdoc[j - 2].text) or sdoc[j - 2].text[:1].isupper()):
                j -= 1
                continue
            break
        has_title = has_title or _norm_word(t) in TITLES
        j -= 1
    # the role never starts with glue words
    while j < i and _norm_word(sdoc[j]) in {"of", "the", "-", "to", "for", "at", "'s", "'"}:
        j += 1
    if not has_title or j >= i:
        return sdoc[i].idx, None
    return sdoc[j].idx, sdoc[j:i].text


def _heading_line(text: str, pos: int) -> bool:
    """A title-case line without sentence punctuation: a headline or subheading."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a: b if b >= 0 else len(text)].strip()
    if not line or line[-1] in ".!?\"”:;" or len(line) > 120:
        return False
    toks = re.findall(r"[A-Za-z][\w'’-]*", line)
    caps = sum(1 for w in toks if w[0].isupper())
    return len(toks) >= 2 and caps / len(toks) >= 0.6


def _trim(sdoc: Doc, tokens: Sequence[Token], label: str) -> Optional[_Cand]:
    """Cut an entity span down to the name: no leading 'the', no title, no possessive."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or toks[0].is_space or _norm_word(toks[0]) in {"the", "a", "an"}):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space or _norm_word(toks[-1]) in {"'s", "'"}):
        toks = toks[:-1]
    if not toks:
        return None
    role: Optional[str] = None
    role_start: Optional[int] = None
    if label == "PERSON":
        # a title tagged as part of the name: "Foreign Minister Sergey Lavrov", "Mr Kim"
        k = 0
        while k < len(toks) - 1 and _is_titleish(toks[k]):
            k += 1
        if k and any(_norm_word(t) in TITLES for t in toks[:k]):
            role_start, role = toks[0].idx, sdoc[toks[0].i: toks[k].i].text
            toks = toks[k:]
        if not toks:
            return None
        if role is None:
            rs, r = _role_before(sdoc, toks[0].i)
            if r:
                role_start, role = rs, r
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text)
    text = text_of(sdoc)[start:end]
    # possessive or quote glued to the last token ("Hamas’", "Haniyeh's")
    m = re.search(r"(?:['’]s|(?<=s)['’]|['’\"”])$", text)
    if m and m.start() > 0:
        end = start + m.start()
    text = text_of(sdoc)[start:end]
    if not text or not any(c.isupper() for c in text) or len(text.strip()) < 2:
        return None
    if all(_norm_word(t) in TITLES for t in toks):
        return None  # "President", "the Ambassador": a role without a name
    if label == "PERSON" and all(_norm_word(t) in TITLES or _norm_word(t) in ROLE_MODIFIERS for t in toks):
        return None
    sent_start = toks[0].is_sent_start or (toks[0].i > 0 and "\n" in sdoc[toks[0].i - 1].text + sdoc[toks[0].i - 1].whitespace_)
    if role is not None and role_start is not None:
        role = text_of(sdoc)[role_start: toks[0].idx].strip(" ,-")
    return _Cand(start, end, label, role or None, bool(sent_start))


def _ner_candidates(sdoc: Doc) -> list[_Cand]:
    out: list[_Cand] = []
    for ent in sdoc.ents:
        if ent.label_ not in LABELS:
            continue
        # a span across a line break is two fragments (headline + body); keep the pieces
        pieces: list[list[Token]] = [[]]
        for t in ent:
            if "\n" in t.text:
                pieces.append([])
                continue
            pieces[-1].append(t)
            if "\n" in t.whitespace_:
                pieces.append([])
        for piece in pieces:
            if piece:
                c = _trim(sdoc, piece, ent.label_)
                if c is not None and _keep(sdoc, c):
                    out.append(c)
    return out


def _keep(sdoc: Doc, c: _Cand) -> bool:
    text = text_of(sdoc)[c.start:c.end]
    if not re.search(r"[A-Za-z]", text) or text.isdigit():
        return False
    if c.label == "NORP":
        w = fold(text).rstrip("s")
        known = demonym_code(text) is not None or w in GROUP_WORDS or fold(text) in GROUP_WORDS
        if not known:
            if c.sent_start or _heading_line(text_of(sdoc), c.start):
                return False
            if any(not t.text[:1].isupper() for t in sdoc.char_span(c.start, c.end, alignment_mode="expand")):
                return False
    if c.label == "PERSON" and " " in text:
        # "Comey Memos": a name ending in a plural common noun is a thing named after a person
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        last = span[-1]
        if last.tag_ == "NNS" or (last.tag_ == "NNPS" and last.lemma_.lower() != last.lower_):
            return False
        # "the Comey Memos": a person's name takes no article
        if span[0].i > 0 and sdoc[span[0].i - 1].lower_ == "the" and c.role is None:
            return False
    if c.label == "PERSON" and _heading_line(text_of(sdoc), c.start):
        # "Israel Calls" in a headline: a country followed by a capitalised verb is not a person
        first = text.split()[0]
        if country_code(first) and len(text.split()) == 2:
            return False
    return True


def _org_phrases(sdoc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Organisation noun phrases spaCy misses: 'Israeli foreign ministry', 'the Ministry of
    Foreign Affairs' — a head noun (ministry, department, ...) named by a nationality, a place,
    or capitalised words."""
    found: list[_Cand] = []
    n = len(sdoc)
    for t in sdoc:
        if t.lower_ not in ORG_HEADS:
            continue
        i = t.i
        # left modifiers
        j = i
        nationality = False
        while j > 0:
            p = sdoc[j - 1]
            if "\n" in p.whitespace_ or "\n" in p.text:
                break
            w = p.lower_
            if nationality_code(p.text) and p.text[:1].isupper():
                nationality = True
                j -= 1
            elif w in ORG_MODIFIERS or (p.text[:1].isupper() and p.pos_ in ("PROPN", "ADJ", "NOUN") and not p.is_sent_start
                                        and w not in TITLES):
                j -= 1
            else:
                break
        # right: "of" + capitalised words ("Ministry of Foreign Affairs")
        k = i + 1
        if k + 1 < n and sdoc[k].lower_ == "of" and t.text[:1].isupper():
            m = k + 1
            if m < n and sdoc[m].lower_ == "the":
                m += 1
            last = None
            while m < n and (sdoc[m].text[:1].isupper() or (sdoc[m].lower_ == "and" and last is not None)) \
                    and "\n" not in sdoc[m].text:
                if sdoc[m].text[:1].isupper():
                    last = m
                    if nationality_code(sdoc[m].text):
                        nationality = True
                m += 1
            if last is not None:
                k = last + 1
        capitalised = t.text[:1].isupper() and (k > i + 1 or j < i)
        if not (nationality and (j < i or k > i + 1)) and not capitalised:
            continue
        if j == i and k == i + 1:
            continue
        start, end = sdoc[j].idx, sdoc[k - 1].idx + len(sdoc[k - 1].text)
        found.append(_Cand(start, end, "ORG", None, sdoc[j].is_sent_start))
    if not found:
        return cands
    out = list(cands)
    for f in found:
        overlapping = [c for c in out if c.start < f.end and f.start < c.end]
        if any(c.start <= f.start and f.end <= c.end for c in overlapping):
            continue  # already covered by an entity
        if any(c.start < f.start or c.end > f.end for c in overlapping):
            continue  # crosses another entity's boundary: leave spaCy's reading
        out = [c for c in out if c not in overlapping] + [f]
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _split_glued(sdoc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """'conveyed to Viktorov Israel's view' tagged as one ORG: a known person's surname followed
    by a country is two entities."""
    surnames = set()
    for c in cands:
        if c.label == "PERSON":
            p = parse_person(text_of(sdoc)[c.start:c.end])
            if p and p.full:
                surnames.add(translit(p.surname))
    out: list[_Cand] = []
    for c in cands:
        text = text_of(sdoc)[c.start:c.end]
        parts = text.split(" ")
        if c.label != "PERSON" and len(parts) == 2 and translit(parts[0]) in surnames and country_code(parts[1]):
            cut = c.start + len(parts[0])
            out.append(_Cand(c.start, cut, "PERSON", None, c.sent_start))
            out.append(_Cand(cut + 1, c.end, "GPE", None, False))
        else:
            out.append(c)
    return out


def _vote_labels(text: str, cands: list[_Cand]) -> None:
    """One surface, one type: 'Page' tagged PERSON twice and ORG once is a PERSON throughout.
    Ties go to PERSON (spaCy's small model often tags a person's name ORG); places, nationalities
    and organisation phrases keep their own label ("Jordan" the country and the name differ)."""
    votes: dict[str, Counter] = {}
    for c in cands:
        votes.setdefault(fold(text[c.start:c.end]), Counter())[c.label] += 1
    for c in cands:
        v = votes[fold(text[c.start:c.end])]
        if len(v) < 2 or c.label in ("GPE", "NORP"):
            continue
        best = sorted(v.items(), key=lambda kv: (-kv[1], kv[0] != "PERSON", kv[0]))[0][0]
        if best not in ("GPE", "NORP"):
            c.label = best


def _kind(label: str) -> str:
    if label in PLACE_LABELS:
        return "PLACE"
    return label


def _cluster(text: str, cands: list[_Cand]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[str, int] = {}

    def add(c: _Cand, kind: str, key: str) -> None:
        idx = by_key.get(key)
        if idx is None:
            idx = len(clusters)
            by_key[key] = idx
            clusters.append(_Cluster(kind, key))
        clusters[idx].members.append(c)
        c.cluster = idx

    # 1. full person names first, so surnames can find them before or after
    persons_full: list[tuple[int, str, str]] = []   # (cluster idx, surname key, all core tokens)
    pending: list[_Cand] = []
    for c in cands:
        s = text[c.start:c.end]
        if c.label == "PERSON":
            p = parse_person(s)
            if p and p.full:
                key = "person:" + p.joined
                add(c, "PERSON", key)
                continue
        pending.append(c)
    for idx, cl in enumerate(clusters):
        p = parse_person(text[cl.members[0].start:cl.members[0].end])
        persons_full.append((idx, translit(p.surname), " ".join(translit(t) for t in p.tokens)))

    def person_for(s: str) -> Optional[int]:
        p = parse_person(s)
        if p is None or p.full:
            return None
        by_surname = {i for i, sk, _ in persons_full if sk == translit(p.surname)}
        if len(by_surname) == 1:
            return by_surname.pop()
        if by_surname:
            return None
        by_token = {i for i, _, toks in persons_full if translit(p.surname) in toks.split()}
        return by_token.pop() if len(by_token) == 1 else None

    # 2. the rest, in text order
    org_clusters: dict[str, list[int]] = {}
    for c in pending:
        s = text[c.start:c.end]
        if c.label == "PERSON":
            target = person_for(s)
            if target is not None:
                clusters[target].members.append(c)
                c.cluster = target
                continue
            p = parse_person(s)
            add(c, "PERSON", "person-part:" + (translit(p.surname) if p else fold(s)))
            continue
        # a single word that is a person's surname in this document, tagged ORG/GPE by mistake
        if c.label in ("ORG", "GPE", "NORP", "LOC", "FAC") and " " not in s and not is_known_place(s) \
                and nationality_code(s) is None:
            target = person_for(s)
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
    return [cl for cl in clusters if cl.members]


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
            named_before[0].members.append(_Cand(start, end, "ORG", None, False))


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
    cands = _ner_candidates(sdoc)
    cands = _split_glued(sdoc, cands)
    cands = _org_phrases(sdoc, cands)
    _vote_labels(text, cands)
    clusters = _cluster(text, cands)
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


def entity_at(record: DocRecord, start: int, end: int) -> Optional[str]:
    """Local id of the entity whose mention overlaps [start, end) the most, else None."""
    best: Optional[str] = None
    best_overlap = 0
    for e in record.entities:
        for m in e.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = e.id, overlap
    return best
