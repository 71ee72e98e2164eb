"""Checkable statements: who did what to whom, how many, when, and on whose word.

One claim per event read from the dependency parse (a verb with its subject and object, or an event
noun with its own date: "the May 3 raid"), plus one per figure that no event claim carries.
Each claim quotes the clause it comes from with exact offsets into `document.text`.

Arguments resolve to the document's local entity ids where the words name an entity (a role noun
such as "a member of the board, Karim Haddad" resolves to the person it names), else stay words.
Predicates are normalized to sense classes (`lexicon/predicates.py`), so "arrived in" and "is visiting" compare.
A figure's value carries its `slot`, the parse around it (`figure_slot.py`), so that the fact ledger can
tell which count a figure is even when outlets word it differently.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..config import Config
from ..lexicon.predicates import (DONE_TO, EVENT_NOUNS, FATAL_ADVERBS, POSSESSIVE, PREP_OBJECTS, REFLEXIVE,
                                  REQUEST_VERBS, ROLE_NOUNS, VIOLENT_VERBS, phrasal_class, predicate_class)
from ..model import Claim, Document, Time
from ..parse import text_of
from ..records import DocRecord
from . import speech
from .claim_times import own_time, time_tokens, weekday_tokens, when_of
from .entity_index import EntityIndex
from .figure_slot import figure_value
from .modality import modality as modality_of
from .quantities import Quantity, find_quantities
from .quotes import quote_spans
from .subjects import RELATIVE, clause_subject, subject_of
from .tense import clause_tense

# verbs whose act is the verb they govern: the complement is the claim, read with the tense and modality its
# governor gives it ('managed to board' is a boarding; 'grain needs to reach buyers' a reaching; 'continue to
# hold hostages' a holding, 'began to fire' a firing). An attempt ('tried to board') stays an act of its own: it
# happened, the boarding did not
CATENATIVES = {"need", "manage", "tend", "continue", "keep", "begin", "start"}
MAX_WORDS_CHARS = 120


@dataclass
class Frame:
    """An event read from the parse before it becomes a Claim."""

    anchor: Token                     # verb or event noun
    predicate: str
    subject: Optional[Token] = None
    object: Optional[Token] = None
    span: tuple[int, int] = (0, 0)    # token range of the clause quoted
    when: Optional[Time] = None       # the expression that dates it, its value cut to the calendar part
    weekday: Optional[Time] = None    # else a bare weekday attached to it ('released a patch on Wednesday')
    quantities: list[Quantity] = field(default_factory=list)


def component(document: Document, sdoc: Doc, record: DocRecord, cfg: Config) -> None:
    """Fill `record.claims` with the document's claims (local ids "<doc>#c<n>")."""
    ents = EntityIndex(record)
    times = time_tokens(sdoc, record.times)
    weekdays = weekday_tokens(sdoc, record.times)
    quotes = quote_spans(document.text)
    sents = list(sdoc.sents)
    sources_by_sent = [speech.sources_in(s) for s in sents]
    quote_src = {q: speech.quote_speaker(sdoc, q, sents, sources_by_sent) for q in quotes}
    # dates and clock times are no counts; a length of time is ("for the next 75 years")
    skip = [(t.start, t.end) for t in record.times if t.type != "DURATION"]
    claims: list[Claim] = []
    for k, sent in enumerate(sents):
        if len(sent.text.strip()) < 3:
            continue
        frames = _frames(sent, times, weekdays)
        _attach_quantities(sent, frames, skip)
        seen: set[tuple] = set()
        for fr in frames:
            for value in (fr.quantities or [None]):
                claim = _claim(document, sent, fr, value, ents, sources_by_sent[k], quotes, quote_src, cfg, len(claims))
                if claim is None:
                    continue
                # "slaughtered, murdered, executed": one statement, said three ways
                key = (claim.predicate, claim.subject, claim.object, claim.value and claim.value.text)
                if key in seen:
                    continue
                seen.add(key)
                claims.append(claim)
    record.claims = claims


# -- frames -------------------------------------------------------------------------------------

def _frames(sent: Span, times: dict[int, Time], weekdays: dict[int, Time]) -> list[Frame]:
    frames: list[Frame] = []
    absorbed: set[int] = set()
    event_objects: set[int] = set()
    for t in sent:
        if t.i in absorbed or t.pos_ not in ("VERB", "AUX") or t.dep_ in ("aux", "auxpass", "amod"):
            continue
        fr = _verb_frame(t, absorbed)
        if fr is None:
            continue
        if fr.object is not None and fr.object.lemma_.lower() in EVENT_NOUNS and fr.predicate in ("launch", "hold",
                                                                                                   "carry out", "attack"):
            # "launched an attack on Israel", "carried out a raid": the event is the attack
            noun = fr.object
            fr.predicate = EVENT_NOUNS[noun.lemma_.lower()]
            fr.object = _prep_object(noun, ("on", "against", "in")) or fr.object
            event_objects.add(noun.i)
        frames.append(fr)
    # event nouns that carry their own date: "the May 3 raid", "a raid on May 3 by the rebels"
    for t in sent:
        if t.pos_ == "NOUN" and t.lemma_.lower() in EVENT_NOUNS and t.i not in event_objects and own_time(t, times):
            subj = _prep_object(t, ("by",)) or next((c for c in t.children if c.dep_ == "poss"), None)
            obj = _prep_object(t, ("on", "against", "in", "of"))
            if obj is not None and obj.i in times:
                obj = None
            lo, hi = _np_range(t)
            if hi - lo < 3:
                lo, hi = _clause_range(t.head if t.head.pos_ in ("VERB", "AUX") else t, sent)
            frames.append(Frame(anchor=t, predicate=EVENT_NOUNS[t.lemma_.lower()], subject=subj, object=obj,
                                span=(lo, hi)))
    for fr in frames:
        fr.when = when_of(fr.anchor, times, sent)
        fr.weekday = when_of(fr.anchor, weekdays, sent) if fr.when is None and weekdays else None
    return frames


def _verb_frame(v: Token, absorbed: set[int]) -> Optional[Frame]:
    lemma = v.lemma_.lower()
    kids = list(v.children)
    shared = _shared_passive_subject(v, kids)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or (v.tag_ == "VBN" and v.dep_ == "acl") \
        or shared is not None
    subj = subject_of(v) if shared is None else next(
        (g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    obj = None
    if not passive and _cut_short_passive(v, kids, lemma):
        # 'Teen killed by police': the one named first is the one it was done to; the doer, if any, follows 'by'
        obj = clause_subject(kids, ("nsubj",))
        subj = next((g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    elif passive:
        obj = clause_subject(kids, ("nsubjpass",)) or shared
        if obj is None and v.dep_ == "acl":
            obj = v.head   # "the delegation, led by X"
        if obj is not None and obj.lower_ in RELATIVE and v.dep_ == "relcl":
            obj = v.head
    else:
        obj = next((c for c in kids if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and obj.lower_ in RELATIVE and v.dep_ == "relcl":
            obj = v.head   # 'Flynn, whom he fired in February': the one fired is Flynn, not 'whom'
    pred = predicate_class(lemma)
    phrasal = phrasal_class(lemma, kids)
    particle = next((c.lower_ for c in kids if c.dep_ == "prt"), None)
    if phrasal is None and particle:
        pred = f"{pred} {particle}"    # 'took over', 'called off', 'gave up': another act than the bare verb
    if phrasal is not None:
        pred, preps, fixed = phrasal
        if fixed:
            obj = None     # 'opened fire': the object is part of the verb
        if preps and (obj is None or obj.lower_ in REFLEXIVE):
            obj = _prep_object(v, tuple(preps.split()))   # 'checked herself into X', 'opened fire on X'
    if _fatal(v, kids, pred):
        # 'fatally injured a woman', 'was stabbed to death': a killing; 'froze to death', with no one it was done to,
        # a death
        pred = "kill" if obj is not None or passive else "die"
    if lemma == "hold" and any(c.lemma_.lower() in ("hostage", "captive") for c in v.subtree if c.head == v or c.head.head == v):
        pred = "hold captive"
        if obj is None:
            obj = next((c for c in v.subtree if c.lemma_.lower() in ("hostage", "captive")), None)
    if lemma == "be" and any(c.dep_ == "expl" for c in kids):
        # "there are no plans for a meeting": what exists (or, negated, does not)
        what = next((c for c in kids if c.dep_ in ("attr", "nsubj") and c.dep_ != "expl"), None)
        if what is not None:
            return Frame(anchor=v, predicate="exist", subject=what, span=_clause_range(v, v.sent))
        return None
    if lemma in ("be",):
        # "X was among those who participated in the meeting"
        among = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "among"), None)
        those = next((c for c in among.children if c.dep_ == "pobj"), None) if among is not None else None
        rel = next((c for c in those.children if c.dep_ == "relcl"), None) if those is not None else None
        if rel is not None and subj is not None:
            absorbed.add(rel.i)
            return Frame(anchor=rel, predicate=predicate_class(rel.lemma_), subject=subj,
                         object=_prep_object(rel, PREP_OBJECTS.get(predicate_class(rel.lemma_), ())),
                         span=_clause_range(v, v.sent))
        return None
    if lemma in ("have", "do", "become", "seem", "appear", "remain", "get"):
        return None
    if lemma in CATENATIVES and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in kids):
        return None    # 'grain needs to reach buyers', 'managed to flee': the act is the verb it governs
    # requests: "asked Russia to expel the delegation", "called for the expulsion of the delegation"
    if lemma in REQUEST_VERBS and not passive:
        x = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        fr_obj = None
        inner = None
        if x is not None:
            inner = predicate_class(x.lemma_)
            fr_obj = next((c for c in x.children if c.dep_ in ("dobj", "nsubjpass")), None)
            absorbed.add(x.i)
        else:
            nom = _prep_object(v, ("for",))
            if nom is not None and nom.lemma_.lower() in EVENT_NOUNS:
                inner = EVENT_NOUNS[nom.lemma_.lower()]
                fr_obj = _prep_object(nom, ("of",)) or nom
            elif nom is not None and lemma == "call":
                inner, fr_obj = None, nom
        if inner is not None or (lemma == "call" and fr_obj is not None):
            return Frame(anchor=v, predicate=f"call for {inner}" if inner else "call for", subject=subj, object=fr_obj,
                         span=_clause_range(v, v.sent))
    if obj is None and pred in PREP_OBJECTS:
        obj = _prep_object(v, PREP_OBJECTS[pred])
    if obj is None and lemma == "head" and v.tag_ == "VBG":
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if subj is None and obj is None:
        return None
    if v.dep_ == "acl" and passive:
        lo, hi = _np_range(v.head)   # quote the whole noun phrase: "the delegation, led by X,"
    else:
        lo, hi = _clause_range(v, v.sent)
    return Frame(anchor=v, predicate=pred, subject=subj, object=obj, span=(lo, hi))


def _shared_passive_subject(v: Token, kids: list[Token]) -> Optional[Token]:
    """'was shot and killed by police', 'was arrested and charged': a participle joined to a passive verb, with no
    subject or auxiliary of its own, is passive too and done to that verb's subject."""
    if v.dep_ != "conj" or v.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in kids):
        return None
    head = list(v.head.children)
    return clause_subject(head, ("nsubjpass",)) if any(c.dep_ == "auxpass" for c in head) else None


def _fatal(v: Token, kids: list[Token], pred: str) -> bool:
    """Whether a clause tells an act that took a life: 'fatally', 'mortally', or a violent act done 'to death'."""
    if any(c.dep_ == "advmod" and c.lower_ in FATAL_ADVERBS for c in kids):
        return True
    if pred not in VIOLENT_VERBS and v.lemma_.lower() not in VIOLENT_VERBS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in kids) \
        or (pred == "shoot" and any(c.lower_ == "dead" and c.dep_ in ("advmod", "oprd", "acomp", "xcomp") for c in kids))


def _cut_short_passive(v: Token, kids: list[Token], lemma: str) -> bool:
    """A past participle of an act always done to someone, with a subject, no auxiliary and no object: a passive
    without its 'was' ('Jamal Brown arrested on DUI suspicion', 'with 23,000 people killed'). The tagger's past
    participles of other verbs are often simple pasts ('the team followed', 'he served'), so only these."""
    return (v.tag_ == "VBN" and predicate_class(lemma) in DONE_TO and any(c.dep_ == "nsubj" for c in kids)
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "dative") for c in kids))


def _prep_object(tok: Token, preps: tuple[str, ...]) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            p = next((g for g in c.children if g.dep_ == "pobj"), None)
            if p is not None:
                return p
    return None


def _np_range(tok: Token) -> tuple[int, int]:
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    return _trim(tok.doc, lo, hi)


def _clause_range(v: Token, sent: Span) -> tuple[int, int]:
    """Token range of the clause headed by v; a clause with no subject of its own borrows its head's."""
    head = v
    if v.dep_ in ("conj", "xcomp", "advcl") and not any(c.dep_.startswith("nsubj") for c in v.children) \
            and v.head.pos_ in ("VERB", "AUX"):
        head = v.head
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    return _trim(v.doc, lo, hi)


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    while hi - 1 > lo and (doc[hi - 1].is_space or doc[hi - 1].is_punct and doc[hi - 1].text not in (")", "”", "\"", "'", "’")
                           or doc[hi - 1].dep_ in ("cc",)):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_space or doc[lo].is_punct and doc[lo].text not in ("(", "“", "\"") or doc[lo].dep_ == "cc"):
        lo += 1
    return lo, hi


# -- quantities ----------------------------------------------------------------------------------

def _attach_quantities(sent: Span, frames: list[Frame], skip: list[tuple[int, int]]) -> None:
    """Give each figure to the innermost frame whose clause holds it; figures outside every frame get their own."""
    doc = sent.doc
    by_anchor = {fr.anchor.i: fr for fr in frames}
    for q in find_quantities(sent, skip):
        if _age_of_noun(doc, q):
            # "Comeaux, 49, escaped": the age is the person's, not the escape's: a claim of its own, quoting the
            # noun phrase, so the escape stays an event and the age a figure of one person
            noun = doc[q.head]
            frames.append(Frame(anchor=noun, predicate="be", subject=noun, span=_np_range(noun), quantities=[q]))
            continue
        node, owner = doc[q.head], None
        for _ in range(12):
            # a verb's clause, or an event noun's own phrase: 'the 1967 slayings of two women' counts the slain
            if node.i in by_anchor and (node.pos_ in ("VERB", "AUX") or by_anchor[node.i].anchor.pos_ == "NOUN"):
                owner = by_anchor[node.i]
                break
            if node.head.i == node.i:
                break
            node = node.head
        if owner is None:
            verb = node if node.pos_ in ("VERB", "AUX") else sent.root
            owner = Frame(anchor=verb, predicate=predicate_class(verb.lemma_), span=_clause_range(verb, sent),
                          when=when_of(verb, {}, sent))
            frames.append(owner)
            by_anchor[verb.i] = owner
        owner.quantities.append(q)


def _age_of_noun(doc: Doc, q: Quantity) -> bool:
    """An age that qualifies a noun ('the 33-year-old actress', 'Reid, 33,'), not one a verb states ('she was 33')."""
    if q.unit != "years old" or q.tokens[0] <= q.head < q.tokens[1]:
        return False
    noun = doc[q.head]
    return noun.pos_ in ("NOUN", "PROPN") and not (noun.dep_ == "attr" and noun.head.lemma_ == "be")


# -- claims --------------------------------------------------------------------------------------

def _ref(tok: Optional[Token], ents: EntityIndex) -> tuple[Optional[str], Optional[str]]:
    """(entity id or words, words) for an argument's head token."""
    if tok is None:
        return None, None
    s, e = speech.phrase(tok)
    s, e = _line_of(text_of(tok.doc), s, e, tok.idx)
    words = text_of(tok.doc)[s:e]
    if len(words) > MAX_WORDS_CHARS:
        words = tok.text
    if tok.lemma_.lower() in ROLE_NOUNS or tok.lower_ in ROLE_NOUNS:
        # "a member of the board, Karim Haddad": the role names the person it is followed by
        full_s, full_e = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        # the first person named in its phrase ('Kazakhstan's transport minister, Nurlan Rakhimov, who met
        # Costache'), not a possessor ("Trump's advisers" are not Trump)
        text = text_of(tok.doc)
        people = [r for r in ents.within(full_s, full_e) if r[3] == "PERSON" and not POSSESSIVE.match(text, r[1])][:1]
        if not people:
            # the name right after the role ("adviser Karim Haddad"), not a name further on in the sentence
            # ("an adviser close to the White House said ... that Trump")
            people = [r for r in ents.within(e, e + 60) if r[3] == "PERSON" and not text[e:r[0]].strip()][:1]
        if people:
            return people[-1][2], words
    hit = ents.at(tok)
    if hit is not None:
        return hit[2], words
    for c in tok.children:
        if c.dep_ in ("appos", "flat"):
            h = ents.at(c)
            if h is not None:
                return h[2], words
    return words, words


def _claim(document: Document, sent: Span, fr: Frame, q: Optional[Quantity], ents: EntityIndex,
           sources: list[speech.Source], quotes: list[tuple[int, int]], quote_src: dict, cfg: Config,
           n: int) -> Optional[Claim]:
    doc = sent.doc
    lo, hi = fr.span
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
    start, end = _line_of(document.text, start, end, fr.anchor.idx)
    start, end = _fit(doc, start, end, q, fr, cfg.claims.max_claim_chars)
    if end <= start:
        return None
    subject, subject_text = _ref(fr.subject, ents)
    obj, object_text = _ref(fr.object, ents)
    if q is not None and fr.subject is None and q.noun:
        subject_text = subject_text or q.noun
    src = speech.source_for(fr.anchor, sources)
    in_quote = next((qq for qq in quotes if qq[0] <= fr.anchor.idx < qq[1]), None)
    attribution = attribution_text = None
    if src is not None:
        attribution, _ = _ref(doc[src.by], ents)
        attribution_text = src.text
    elif in_quote is not None and quote_src.get(in_quote) is not None:
        qs = quote_src[in_quote]
        attribution, _ = _ref(doc[qs.by], ents)
        attribution_text = qs.text
    modality = modality_of(fr.anchor, sent, attributed=attribution is not None, in_quote=in_quote is not None)
    return Claim(
        id=f"{document.id}#c{n + 1}", doc=document.id, start=start, end=end, text=document.text[start:end],
        subject=subject, predicate=fr.predicate, object=obj, value=figure_value(doc, q) if q is not None else None,
        when=fr.when.value if fr.when else None, time=(fr.when or fr.weekday).id if (fr.when or fr.weekday) else None, attribution=attribution,
        modality=modality, tense=clause_tense(fr.anchor), subject_text=subject_text, object_text=object_text, attribution_text=attribution_text,
    )


def _line_of(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """Keep a clause within the line of its predicate (a clause never runs across a line break), stripped."""
    ls = text.rfind("\n", 0, at) + 1
    le = text.find("\n", at)
    le = len(text) if le < 0 else le
    start, end = max(start, ls), min(end, le)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _fit(doc: Doc, start: int, end: int, q: Optional[Quantity], fr: Frame, limit: int) -> tuple[int, int]:
    """Narrow an over-long clause to a window of whole tokens around its figure or predicate."""
    if end - start <= limit:
        return start, end
    centre = doc[q.head] if q is not None else fr.anchor
    lo_c = max(start, centre.idx - limit // 2)
    hi_c = min(end, lo_c + limit)
    lo_c = max(start, hi_c - limit)
    span = doc.char_span(lo_c, hi_c, alignment_mode="contract")
    if span is None or len(span) == 0:
        return start, min(end, start + limit)
    return span.start_char, span.end_char
