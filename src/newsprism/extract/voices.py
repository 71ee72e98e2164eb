"""Who speaks in a document: quoted and paraphrased sources, counted and linked to entities.

A voice is found from the grammar of reporting (`speech`: the same reader the claims use), never
from a list of names: the speaker of each quotation, and each reporting clause's speaker with what
it says ("X said that …", "according to X"). A quoted clause with no reporting verb belongs to the
subject above it ('Brandt "welcomed the plan …"'); a quotation continued in the next paragraph keeps
its speaker. A pronoun speaker ("she said") is the subject of the nearest earlier sentence about a person. A
statement, report or post speaks for whoever issued it ("a statement from the union").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from ..model import Document, Span, Voice
from ..parse import text_of
from ..records import DocRecord, entity_at
from ..resolve.names import nationality_code
from .quotes import inside, quote_spans
from .speech import ISSUED_NOUNS, quote_sources, sources_in

# Evidence, not a speaker: "figures show", "the data suggest".
EVIDENCE_NOUNS = frozenset({
    "figure", "data", "statistic", "number", "study", "research", "poll", "survey", "record", "document",
    "evidence", "result", "estimate", "image", "footage", "map", "chart", "analysis", "information", "people",
})
PERSON_PRONOUNS = frozenset({"he", "she"})
NOT_SPEAKERS = frozenset({"it", "this", "that", "which", "what", "there", "i", "we", "you", "me", "us", "one"})
# Collective nouns for an organised actor: what "the group", "the movement" stand in for.
GROUP_HEADS = frozenset({
    "group", "movement", "organization", "organisation", "faction", "militia", "outfit", "network",
    "insurgency", "regime", "alliance", "coalition", "wing", "cell", "gang", "cartel", "junta", "party",
})
# Organisations that are institutions of a state or the press are not what "the group" refers to.
# Common nouns that name a state institution ("the Foreign Ministry", "the Supreme Court") ...
INSTITUTION_WORDS = frozenset({
    "ministry", "department", "agency", "office", "council", "bureau", "commission", "committee", "embassy",
    "service", "directorate", "government", "parliament", "court", "army", "police", "senate", "congress",
    "assembly", "cabinet", "administration", "university", "navy", "military", "authority", "presidency",
})
# ... or a news organisation: words of mastheads and broadcasters' names ("The Daily Herald", "Radio Free X").
PRESS_NAME_WORDS = frozenset({
    "news", "times", "post", "press", "herald", "tribune", "journal", "gazette", "telegraph", "chronicle",
    "daily", "newspaper", "channel", "tv", "television", "radio", "broadcasting", "wire", "magazine",
})
# Intergovernmental bodies, which news names by acronym: "the UN", "NATO".
INTERGOVERNMENTAL = frozenset({
    "un", "eu", "nato", "osce", "oecd", "opec", "asean", "imf", "wto", "iaea", "unesco", "unicef", "unhcr",
    "interpol", "au", "ecowas",
})
NOT_GROUP_WORDS = INSTITUTION_WORDS | PRESS_NAME_WORDS | INTERGOVERNMENTAL
# A press organisation is introduced by what it is, whatever its name: "the news agency X", "the
# state broadcaster X", "the X newspaper". Nouns that do this, before or right after the name:
PRESS_BEFORE = re.compile(r"\b(agency|newspaper|daily|broadcaster|tabloid|magazine|weekly|outlet|website|"
                          r"television|tv|radio|station|wire service)\s*,?\s*(the\s+)?$", re.I)
PRESS_AFTER = re.compile(r"^\s*(newspaper|daily|news agency|agency|broadcaster|tabloid|magazine|weekly|"
                         r"television|tv|radio)\b", re.I)
MAX_SPEAKER_WORDS = 6


@dataclass(frozen=True)
class Speech:
    """One quotation or paraphrase and who it is attributed to."""

    start: int
    end: int
    speaker: str
    entity: Optional[str]
    quoted: bool


# -- speakers --------------------------------------------------------------------------------

def token_entity(record: DocRecord, tok: Token) -> Optional[str]:
    """The local entity whose mention covers this token."""
    return entity_at(record, tok.idx, tok.idx + len(tok.text))


def _entity_type(record: DocRecord, ref: Optional[str]) -> Optional[str]:
    return next((e.type for e in record.entities if e.id == ref), None)


def _entity_name(record: DocRecord, ref: str) -> str:
    return next((e.name for e in record.entities if e.id == ref), ref)


def short_phrase(tok: Token) -> tuple[int, int]:
    """Character span of a noun's short form: determiners, adjectives and compounds, no clauses or PPs."""
    left = [c for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod", "case")]
    lo = tok.i
    for c in sorted(left, key=lambda t: -t.i):
        if c.i == lo - 1 or (c.left_edge.i <= lo - 1 <= c.right_edge.i):
            lo = c.left_edge.i
    while lo < tok.i and (tok.doc[lo].is_punct or tok.doc[lo].is_space):
        lo += 1
    if tok.i - lo + 1 > MAX_SPEAKER_WORDS:
        lo = tok.i - MAX_SPEAKER_WORDS + 1
    return tok.doc[lo].idx, tok.idx + len(tok.text)


def introduced_as_press(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is introduced as a news organisation: "the news agency X",
    "the state broadcaster X", "the X newspaper"."""
    return bool(PRESS_BEFORE.search(text[max(0, start - 40):start]) or PRESS_AFTER.match(text[end:end + 20]))


def salient_group(record: DocRecord, text: str) -> Optional[str]:
    """The one organised, non-state actor the document is mostly about, if one stands out:
    what a definite "the group" or "the movement" refers to. `text` is the document's text."""
    scored: list[tuple[int, str]] = []
    for e in record.entities:
        if e.type not in ("ORG", "NORP"):
            continue
        if {w.strip(".,'’").lower() for w in e.name.split()} & NOT_GROUP_WORDS or _nationality(e.name):
            continue  # a ministry, a newspaper, or a nationality the tagger took for an organisation
        if any(introduced_as_press(text, m.start, m.end) for m in e.mentions):
            continue  # a news organisation named by what it is, whatever its name
        if e.type == "NORP" and (not e.name.endswith("s") or _nationality(e.name)):
            continue  # "Hungarian", "Danes": nationalities, not organised groups
        scored.append((len(e.mentions), e.id))
    scored.sort(key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] >= scored[0][0]):
        return None
    return scored[0][1]


def named_by_head(record: DocRecord, head: str) -> Optional[str]:
    """The one organisation whose name ends in this noun: "the coalition" after "the Dockworkers Coalition"."""
    ids = sorted({e.id for e in record.entities if e.type in ("ORG", "NORP")
                  and e.name.split() and e.name.split()[-1].lower() == head.lower() and len(e.name.split()) > 1})
    return ids[0] if len(ids) == 1 else None


def description_referent(record: DocRecord, head: str, text: str) -> Optional[str]:
    """What a definite "the <head>" stands for: the organisation so named, else the salient group."""
    return named_by_head(record, head) or salient_group(record, text)


def _nationality(name: str) -> bool:
    return nationality_code(name) is not None


def _group_description(tok: Token) -> bool:
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in GROUP_HEADS \
        and det is not None and det.lower_ in ("the", "this", "that")


def _person_before(sdoc: Doc, record: DocRecord, pos: int, quotes: list[tuple[int, int]]) -> Optional[str]:
    """The person a 'he'/'she' at `pos` most likely is: the subject of the nearest earlier sentence
    that has a person as its subject, else the nearest person mentioned before."""
    person_ids = {e.id for e in record.entities if e.type == "PERSON"}
    if not person_ids:
        return None
    sents = [s for s in sdoc.sents if s.start_char < pos]
    for sent in reversed(sents[-4:]):
        for t in sent:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.idx < pos \
                    and not inside(quotes, t.idx, t.idx + len(t.text)):
                ref = token_entity(record, t)
                if ref in person_ids:
                    return ref
    best: Optional[tuple[int, str]] = None
    for e in record.entities:
        if e.id in person_ids:
            for m in e.mentions:
                if m.end <= pos and not inside(quotes, m.start, m.end) and (best is None or m.start > best[0]):
                    best = (m.start, e.id)
    return best[1] if best else None


def _antecedent(tok: Token) -> Token:
    """'the spokesman, who said …': a relative pronoun stands for the noun its clause modifies."""
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def resolve_speaker(tok: Token, record: DocRecord, quotes: list[tuple[int, int]]) -> Optional[tuple[str, Optional[str], int]]:
    """(speaker words or entity name, local entity id or None, offset) for a speaker's head token."""
    tok = _antecedent(tok)
    # a statement speaks for its issuer: "a statement from the union", "the union's statement"
    if tok.lemma_.lower() in ISSUED_NOUNS:
        issuer = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                       for g in c.children if g.dep_ == "pobj"), None)
        issuer = issuer or next((c for c in tok.children if c.dep_ == "poss"), None)
        if issuer is not None:
            tok = issuer
    if tok.lower_ in PERSON_PRONOUNS:
        ref = _person_before(tok.doc, record, tok.idx, quotes)
        return (_entity_name(record, ref), ref, tok.idx) if ref else None
    if tok.lower_ in NOT_SPEAKERS or tok.pos_ == "PRON":
        return None
    if inside(quotes, tok.idx, tok.idx + len(tok.text)):
        return None
    ref = token_entity(record, tok)
    # "The union's spokeswoman, Lena Ortiz, said", "the news agency Nordpress": the named appositive
    # speaks, a person before an organisation
    named = [(c, token_entity(record, c)) for c in tok.children if c.dep_ == "appos"]
    named += [(g, token_entity(record, g)) for c, _ in list(named) for g in c.children if g.dep_ == "appos"]
    person = next(((c, r) for c, r in named if r is not None and _entity_type(record, r) == "PERSON"), None)
    other = next(((c, r) for c, r in named if r is not None), None)
    if person is not None and (ref is None or _entity_type(record, ref) != "PERSON"):
        return _entity_name(record, person[1]), person[1], person[0].idx
    if ref is None and other is not None:
        return _entity_name(record, other[1]), other[1], other[0].idx
    if ref is None and _group_description(tok):
        ref = description_referent(record, tok.text, text_of(tok.doc))
    if ref is not None:
        return _entity_name(record, ref), ref, tok.idx
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in EVIDENCE_NOUNS:
        return None
    s, e = short_phrase(tok)
    return text_of(tok.doc)[s:e], None, s


# -- speeches and voices ---------------------------------------------------------------------

def _quote_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _governing_subject(sdoc: Doc, qs: int, qe: int) -> Optional[Token]:
    inner = [t for t in sdoc if qs <= t.idx < qe and not t.is_punct]
    roots = [t for t in inner if not (qs <= t.head.idx < qe) or t.head.i == t.i]
    if not roots:
        return None
    node = roots[0]
    for _ in range(6):
        subj = next((c for c in node.children if c.dep_ == "nsubj" and not (qs <= c.idx < qe)), None)
        if subj is not None:
            return subj
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def speeches(document: Document, sdoc: Doc, record: DocRecord) -> list[Speech]:
    """Every quotation with a known speaker and every attributed paraphrase, in text order."""
    text = document.text
    quotes = quote_spans(text)
    sents = list(sdoc.sents)
    # who speaks: a source that names a speaker and says something ("X did not say" says nothing)
    by_sent = [[src for src in sources_in(s) if src.speaker >= 0 and not src.negated] for s in sents]
    out: list[Speech] = []
    taken: list[tuple[int, int]] = []

    def add(span: tuple[int, int], head: Token, quoted: bool) -> bool:
        who = resolve_speaker(head, record, quotes)
        if who is None:
            return False
        name, ref, _ = who
        if len(name.split()) > MAX_SPEAKER_WORDS:
            return False
        out.append(Speech(span[0], span[1], name, ref, quoted))
        taken.append(span)
        return True

    last: Optional[Speech] = None
    for qs, qe in quotes:
        if _quote_words(text[qs:qe]) < 1:
            continue
        found = False
        for src in quote_sources(sdoc, (qs, qe), sents, by_sent):
            if add((qs, qe), sdoc[src.speaker], True):
                found = True
                break
        if not found and _quote_words(text[qs:qe]) >= 4:
            # 'X confined his remarks to "…"', 'Brandt "welcomed the plan …"': a quoted clause belongs to the
            # subject of the nearest verb above it outside the quote, when that subject is a person or body
            subj = _governing_subject(sdoc, qs, qe)
            if subj is not None:
                ref = token_entity(record, _antecedent(subj))
                if subj.lower_ in PERSON_PRONOUNS or _entity_type(record, ref) in ("PERSON", "ORG"):
                    found = add((qs, qe), subj, True)
        if not found and last is not None and last.quoted and _quote_words(text[qs:qe]) >= 5 \
                and text[last.end:qs].strip() == "":
            # a quotation continued in the next paragraph keeps its speaker
            out.append(Speech(qs, qe, last.speaker, last.entity, True))
            taken.append((qs, qe))
            found = True
        if found:
            last = out[-1]
    # paraphrases: reporting clauses whose content is not a quotation already counted
    for k, sent in enumerate(sents):
        for src in by_sent[k]:
            if src.content is None:
                continue
            cs, ce = src.content
            if any(a < ce and cs < b for a, b in taken):
                continue
            v = sdoc[src.verb]
            if inside(quotes, v.idx, v.idx + len(v.text)):
                continue
            add((cs, ce), sdoc[src.speaker], False)
    # claims the claims stage attributed that nothing above covers
    for c in record.claims:
        if not c.attribution or any(a < c.end and c.start < b for a, b in taken):
            continue
        name = _entity_name(record, c.attribution) if "@" in c.attribution else (c.attribution_text or c.attribution)
        name = name.strip()
        if name and len(name.split()) <= MAX_SPEAKER_WORDS and name.lower() not in NOT_SPEAKERS:
            ref = c.attribution if any(e.id == c.attribution for e in record.entities) else None
            out.append(Speech(c.start, c.end, name, ref, inside(quotes, c.start, c.end)))
            taken.append((c.start, c.end))
    return sorted(out, key=lambda s: (s.start, s.end, s.speaker))


def voices_of(document: Document, found: list[Speech]) -> list[Voice]:
    """Speeches grouped by speaker (entity where resolved, else the words), in order of first appearance."""
    groups: dict[str, Voice] = {}
    for s in found:
        key = s.entity or "w:" + s.speaker.lower()
        v = groups.get(key)
        if v is None:
            v = groups[key] = Voice(speaker=s.speaker, entity=s.entity, quotes=0)
        v.quotes += 1
        v.spans.append(Span(doc=document.id, start=s.start, end=s.end, text=document.text[s.start:s.end]))
    return list(groups.values())
