"""The descriptions a document attaches to each actor, read from the dependency parse.

Constructions (no list of actors anywhere; only grammar and a few classes of common nouns):
  - apposition: "the Northern Front, the armed separatist movement that …" / "the radical environmental
    organization, the Green Earth Alliance";
  - pre-modifiers: "the armed separatist group Red Dawn", and a name compounded onto a characterising noun
    ("Red Dawn gunmen" → "gunmen", "the Red Dawn movement" → "movement");
  - copular predicates: "X is a criminal gang"; a negated predicate is no label, but in
    "X is not A, but B and C" B and C are affirmed;
  - labelling verbs: "X is classified as a banned organization by Canada" (the label is attributed to
    Canada), "the government considers X a criminal network", "X is seen as a liberation movement";
  - definite descriptions that corefer with the one salient organised actor: "the movement", "the group",
    "this criminal organization", "the band of gunmen holding the pass", "the rebels".
A label inside a quotation is attributed to the quotation's speaker; otherwise to the outlet (None),
unless the sentence names who gives it ("… by Canada").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from ..model import Actor, Document, LabelSpan
from ..records import DocRecord
from .voices import GROUP_HEADS, NOT_GROUP_WORDS, Speech, named_by_head, salient_group, short_phrase, token_entity

# Nouns that characterise the members of a group: "Red Dawn gunmen" calls Red Dawn a group of gunmen.
MEMBER_LABELS = frozenset({
    "militant", "fighter", "terrorist", "extremist", "radical", "jihadist", "islamist", "insurgent", "rebel",
    "gunman", "thug", "separatist", "loyalist", "hardliner", "guerrilla", "mercenary", "occupier", "invader",
    "criminal", "murderer", "killer", "zealot", "fanatic", "resistance", "freedom", "martyr", "hooligan",
    "bandit", "warlord", "paramilitary", "combatant", "activist", "vigilante", "partisan", "smuggler",
    "trafficker", "pirate", "rioter", "looter",
})
# Verbs that give something a name or class: "considered a …", "designated as …", "branded …".
LABELLING_VERBS = frozenset({
    "consider", "designate", "label", "brand", "call", "describe", "regard", "view", "see", "deem",
    "classify", "term", "dub", "recognize", "recognise", "characterize", "characterise", "portray", "list",
})
AS_ONLY = frozenset({"see", "view", "recognize", "recognise", "describe", "portray", "list", "regard", "characterize",
                     "characterise"})
# A labelling verb under one of these does not give the label ("refuses to recognize X as …").
NEGATING_GOVERNORS = frozenset({"refuse", "decline", "fail", "reject", "deny", "stop", "cease", "avoid"})
COPULAS = frozenset({"be", "become", "remain"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "advmod", "npadvmod", "punct", "quantmod"})
@dataclass(frozen=True)
class Found:
    entity: str
    start: int
    end: int
    attributed_to: Optional[str]


class _Context:
    """What the constructions share: the record, quotations, speeches and the salient group."""

    def __init__(self, document: Document, sdoc: Doc, record: DocRecord, speeches: list[Speech],
                 quotes: list[tuple[int, int]], max_words: int) -> None:
        self.document, self.sdoc, self.record = document, sdoc, record
        self.speeches, self.quotes, self.max_words = speeches, quotes, max_words
        self.types = {e.id: e.type for e in record.entities}
        self.mention_tokens: dict[str, set[int]] = {}
        for e in record.entities:
            toks: set[int] = set()
            for m in e.mentions:
                span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    toks.update(range(span.start, span.end))
            self.mention_tokens[e.id] = toks
        self.salient = salient_group(record, document.text)

    def entity(self, tok: Token) -> Optional[str]:
        return token_entity(self.record, tok)

    def covers_other(self, ref: str, start: int, end: int) -> bool:
        """Whether [start, end) overlaps another person's name ("Costache and port authority director")."""
        return any(e.id != ref and e.type == "PERSON" and m.start < end and start < m.end
                   for e in self.record.entities for m in e.mentions)

    def speaker_of(self, start: int, end: int) -> Optional[str]:
        """Who the text gives these words to: the speaker of the quotation they sit in."""
        for s in self.speeches:
            if s.quoted and s.start <= start and end <= s.end:
                return s.entity or s.speaker
        return None


# -- phrases -----------------------------------------------------------------------------------

def label_span(head: Token, exclude: set[int], max_words: int) -> Optional[tuple[int, int]]:
    """Character span of a description headed by `head`: its adjectives and compounds (never a
    determiner, possessive or excluded name token) and a short 'of'-phrase ('group of fighters')."""
    doc = head.doc
    mods: set[int] = set()
    for c in head.lefts:
        if c.dep_ in MODIFIER_DEPS:
            mods.update(t.i for t in c.subtree)
    lo = head.i
    while lo - 1 in mods and lo - 1 not in exclude and doc[lo - 1].pos_ not in ("DET", "PRON") \
            and doc[lo - 1].dep_ not in ("poss", "case", "det", "nummod", "cc", "conj", "preconj"):
        lo -= 1
    while lo < head.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    hi = head.i
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            phrase = [t for t in doc[of.i + 1: pobj.i + 1]]
            if all(t.pos_ != "PROPN" and t.i not in exclude and not t.is_punct for t in phrase) \
                    and (pobj.i - lo + 1) <= max_words:
                hi = pobj.i
    if hi - lo + 1 > max_words:
        lo = hi - max_words + 1
    if head.i in exclude or head.pos_ == "PRON":
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _is_description(tok: Token) -> bool:
    """A common noun (or a plural group name like 'Islamists') that can describe an actor."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.tag_ == "NNPS") or tok.pos_ == "ADJ"


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in tok.children)


def _not_only(tok: Token) -> bool:
    """'is not only A but also B' affirms both."""
    return any(c.dep_ == "neg" and c.i + 1 < len(tok.doc) and tok.doc[c.i + 1].lower_ in ("only", "just", "merely")
               for c in tok.children)


def _under_negating_verb(tok: Token) -> bool:
    node = tok
    for _ in range(3):
        if node.dep_ in ("xcomp", "ccomp") and (node.head.lemma_.lower() in NEGATING_GOVERNORS or _negated(node.head)):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _resolve_np(tok: Token, ctx: _Context) -> Optional[str]:
    """The actor a noun phrase stands for: a named mention, a name inside it, or the salient group."""
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    ref = ctx.entity(tok)
    if ref is not None:
        return ref
    for c in tok.children:
        if c.dep_ in ("appos",) or (c.dep_ == "compound" and tok.lemma_.lower() in GROUP_HEADS | MEMBER_LABELS):
            r = ctx.entity(c)
            if r is not None:
                return r
    if _definite_description(tok):
        return named_by_head(ctx.record, tok.text) or ctx.salient
    return None


def _definite_description(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN":
        return False
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in DEFINITE:
        return False
    if lemma in GROUP_HEADS:
        return tok.tag_ == "NN"
    return lemma in MEMBER_LABELS and tok.tag_ == "NNS"


# -- constructions -----------------------------------------------------------------------------

def _emit(ctx: _Context, out: list[Found], ref: Optional[str], head: Token, by: Optional[str] = None) -> None:
    if ref is None or not _is_description(head):
        return
    exclude = ctx.mention_tokens.get(ref, set())
    span = label_span(head, exclude, ctx.max_words)
    if span is None:
        return
    s, e = span
    text = ctx.document.text[s:e]
    names = {a.lower() for ent in ctx.record.entities if ent.id == ref for a in ent.aliases}
    if text.lower() in names or not any(ch.isalpha() for ch in text):
        return
    who = by if by is not None else ctx.speaker_of(s, e)
    out.append(Found(ref, s, e, who))


def _appositions(ctx: _Context, out: list[Found]) -> None:
    for t in ctx.sdoc:
        if t.dep_ != "appos":
            continue
        h = t.head
        if any(c.dep_ == "nummod" for c in (*t.children, *h.children)):
            continue  # "four Danes, 12 Chileans, nine Kenyans": a list, not a description
        lo, hi = sorted((h.i, t.i))
        if any(x.text in ("—", "–", "--") or "\n" in x.text_with_ws for x in ctx.sdoc[lo:hi]):
            continue  # "CONSTANTA, Romania — A delegation …": a dateline, not an apposition
        eh, et = ctx.entity(h), ctx.entity(t)
        if eh is not None and et is None:
            if any(c.dep_ == "appos" and ctx.entity(c) for c in t.children):
                continue  # "the union spokeswoman, Lena Ortiz": the noun describes her
            _emit(ctx, out, eh, t)           # "the Northern Front, the armed separatist movement"
        elif et is not None and eh is None and h.pos_ == "NOUN":
            # "members of the … organization, the Green Earth Alliance": the name renames the nearest noun before it,
            # unless that noun cannot describe it (a person is not a group or an institution)
            j = t.left_edge.i - 1
            while j > h.i and (ctx.sdoc[j].is_punct or ctx.sdoc[j].pos_ not in ("NOUN", "PROPN")):
                j -= 1
            nearest = ctx.sdoc[j] if j > h.i and ctx.sdoc[j].pos_ == "NOUN" and h.is_ancestor(ctx.sdoc[j]) else None
            person = ctx.types.get(et) == "PERSON"
            for noun in (nearest, h):
                if noun is None or (person and noun.lemma_.lower() in GROUP_HEADS | NOT_GROUP_WORDS):
                    continue
                _emit(ctx, out, et, noun)
                break
    # "… of the radical organization, the Green Earth Alliance, …": the small parser often hangs the name
    # off the verb (npadvmod/dep); a name set off by commas right after a common noun still renames it
    for ref, toks in ctx.mention_tokens.items():
        for i in sorted(toks):
            t = ctx.sdoc[i]
            if t.head.i in toks and t.head.i != t.i or t.dep_ not in ("npadvmod", "dep"):
                continue
            j = i
            while j - 1 in toks:
                j -= 1
            j -= 1
            while j >= 0 and ctx.sdoc[j].lower_ in ("the", "a", "an"):
                j -= 1
            if j < 1 or ctx.sdoc[j].text != "," or ctx.sdoc[j - 1].pos_ != "NOUN" or ctx.entity(ctx.sdoc[j - 1]):
                continue
            noun = ctx.sdoc[j - 1]
            if ctx.types.get(ref) == "PERSON" and noun.lemma_.lower() in GROUP_HEADS:
                continue
            _emit(ctx, out, ref, noun)


def _premodifiers(ctx: _Context, out: list[Found]) -> None:
    for ref, toks in ctx.mention_tokens.items():
        for i in sorted(toks):
            t = ctx.sdoc[i]
            if t.head.i in toks and t.head.i != t.i:
                continue  # not the head of its mention
            # "the armed separatist group Red Dawn" parsed with 'group' as a compound of the name
            left = [c for c in t.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i not in toks]
            nouns = [c for c in left if c.pos_ == "NOUN" and not any(g.dep_ == "poss" for g in c.children)]
            if nouns:
                noun = max(nouns, key=lambda c: c.i)
                # a person is not described by an institution's noun ("… of the press office Ana Lima" misparsed)
                if not (ctx.types.get(ref) == "PERSON" and noun.lemma_.lower() in NOT_GROUP_WORDS | GROUP_HEADS):
                    _emit(ctx, out, ref, noun)
            # "Red Dawn gunmen", "the Red Dawn movement"
            if t.dep_ == "compound" and t.head.i not in toks and ctx.types.get(ref) != "NORP" and t.head.pos_ == "NOUN" \
                    and t.head.lemma_.lower() in MEMBER_LABELS | GROUP_HEADS and ctx.entity(t.head) is None:
                _emit(ctx, out, ref, t.head)


def _copulas(ctx: _Context, out: list[Found]) -> None:
    for t in ctx.sdoc:
        if t.dep_ not in ("attr", "acomp") or t.head.lemma_.lower() not in COPULAS:
            continue
        cop = t.head
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        ref = _resolve_np(subj, ctx)
        if ref is None:
            continue
        negated = (_negated(cop) and not _not_only(cop)) or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
        # conjuncts hang off the predicate or, as often, off the copula itself
        extra = [c for c in cop.children if c.dep_ == "conj" and c.i > t.i and c.pos_ in ("NOUN", "PROPN", "ADJ")]
        chain = [t] + sorted({x for c in [t, *extra] for x in (c, *c.conjuncts) if x.i > t.i}, key=lambda x: x.i)
        flipped = False
        for x in chain:
            if any(c.dep_ == "cc" and c.lower_ in ("but", "rather") and c.i < x.i for c in cop.children) and x is not t:
                flipped = True
            if any(c.dep_ == "cc" and c.lower_ == "but" and c.i < x.i for c in x.head.children) and x is not t:
                flipped = True
            if negated and not flipped:
                continue
            if x.pos_ == "ADJ" and any(c.dep_ in ("prep", "xcomp", "ccomp") for c in x.children):
                continue  # "responsible for …", "able to …": a relation, not a description
            _emit(ctx, out, ref, x)


def _labelling_verbs(ctx: _Context, out: list[Found]) -> None:
    for v in ctx.sdoc:
        lemma = v.lemma_.lower()
        if v.pos_ != "VERB" or lemma not in LABELLING_VERBS or _negated(v) or _under_negating_verb(v):
            continue
        kids = list(v.children)
        as_obj = next((g for c in kids if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"), None)
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        label: Optional[Token] = None
        target: Optional[Token] = None
        giver: Optional[Token] = None
        if passive is not None:
            target = passive
            label = as_obj if lemma in AS_ONLY else (next((c for c in kids if c.dep_ in ("oprd", "xcomp", "attr")), None) or as_obj)
            if label is not None and label.lemma_ == "be":   # "is considered to be a …"
                label = next((c for c in label.children if c.dep_ in ("attr", "acomp")), None)
            agents = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if label is not None:
                agents += [g for c in label.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
            giver = agents[0] if agents else None
        else:
            giver = next((c for c in kids if c.dep_ == "nsubj"), None)
            dobj = next((c for c in kids if c.dep_ == "dobj"), None)
            small = next((c for c in kids if c.dep_ in ("ccomp", "oprd", "xcomp") and c.pos_ in ("NOUN", "PROPN", "ADJ")), None)
            if dobj is not None and (as_obj is not None or lemma not in AS_ONLY):
                target = dobj
                label = as_obj if as_obj is not None else next((c for c in kids if c.dep_ in ("oprd", "xcomp")), None)
            elif small is not None and lemma not in AS_ONLY:
                target = next((c for c in small.children if c.dep_ == "nsubj"), None)
                label = small
        if target is None or label is None:
            continue
        if any(c.lower_ == "what" for c in (target, v)) or target.lower_ == "what":
            continue
        ref = _resolve_np(target, ctx)
        by: Optional[str] = None
        if giver is not None:
            g = ctx.entity(giver)
            if g is None and giver.pos_ in ("NOUN", "PROPN"):
                s, e = short_phrase(giver)
                g = ctx.document.text[s:e]
            by = g
        _emit(ctx, out, ref, label, by)


def _descriptions(ctx: _Context, out: list[Found]) -> None:
    for t in ctx.sdoc:
        if not _definite_description(t) or ctx.entity(t) is not None:
            continue
        if any(c.dep_ in ("poss", "appos") or (c.dep_ == "compound" and ctx.entity(c)) for c in t.children):
            continue  # "Norland's ruling party", "the Red Dawn movement": another construction's business
        _emit(ctx, out, named_by_head(ctx.record, t.text) or ctx.salient, t)


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "sen", "rep", "gov",
                        "st", "sheikh", "sheik", "mx"})
GLUE = frozenset({"of", "for", "to", "at", "the", "and", "-", "'s"})


def _is_title(role: str) -> bool:
    """A role that describes: not a bare honorific ("Mr."), not cut mid-phrase ("lawyer for Mr.")."""
    words = [w.strip(".,").lower() for w in role.split()]
    words = [w for w in words if w]
    return bool(words) and words[-1] not in HONORIFICS | GLUE and words[0] not in GLUE \
        and not any(w in HONORIFICS for w in words)


def _roles(ctx: _Context, out: list[Found]) -> None:
    """A title the mentions stage took off a name ("Hungarian Prime Minister Karl Oster") is a
    description of that person; later "the prime minister" refers to the one person holding it."""
    text = ctx.document.text
    holders: dict[str, set[str]] = {}
    for e in ctx.record.entities:
        for m in e.mentions:
            if not m.role or not _is_title(m.role):
                continue
            pos = text.rfind(m.role, max(0, m.start - len(m.role) - 3), m.start)
            if pos >= 0 and not text[pos + len(m.role):m.start].strip(" -") \
                    and not ctx.covers_other(e.id, pos, pos + len(m.role)):
                out.append(Found(e.id, pos, pos + len(m.role), ctx.speaker_of(pos, pos + len(m.role))))
            if e.type == "PERSON":
                holders.setdefault(m.role.split()[-1].lower().strip("-"), set()).add(e.id)
    for t in ctx.sdoc:
        ids = holders.get(t.lower_)
        if not ids or len(ids) != 1 or t.pos_ not in ("NOUN", "PROPN") or ctx.entity(t) is not None:
            continue
        det = next((c for c in t.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("the", "this", "that"):
            continue
        nxt = ctx.sdoc[t.i + 1] if t.i + 1 < len(ctx.sdoc) else None
        if nxt is not None and ctx.entity(nxt) is not None:
            continue  # "the president Emmanuel Macron": a title before a name, not a reference
        _emit(ctx, out, next(iter(ids)), t)


# -- actors ------------------------------------------------------------------------------------

def find_labels(document: Document, sdoc: Doc, record: DocRecord, speeches: list[Speech],
                quotes: list[tuple[int, int]], max_words: int) -> list[Found]:
    """Every (actor, label span, who gives it) the constructions find, deduplicated, in text order."""
    ctx = _Context(document, sdoc, record, speeches, quotes, max_words)
    out: list[Found] = []
    for construction in (_appositions, _premodifiers, _copulas, _labelling_verbs, _descriptions, _roles):
        construction(ctx, out)
    seen: dict[tuple[str, int, int], Found] = {}
    for f in out:
        key = (f.entity, f.start, f.end)
        if key not in seen or (seen[key].attributed_to is None and f.attributed_to is not None):
            seen[key] = f
    return sorted(seen.values(), key=lambda f: (f.start, f.end, f.entity))


def normalize_label(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def actors_of(document: Document, record: DocRecord, found: list[Found], max_words: int) -> list[Actor]:
    """One Actor per entity with labels, in order of the entity's first label."""
    names = {e.id: e.name for e in record.entities}
    actors: dict[str, Actor] = {}
    for f in found:
        label = normalize_label(document.text[f.start:f.end])
        if len(label.split()) > max_words:
            continue
        a = actors.get(f.entity)
        if a is None:
            a = actors[f.entity] = Actor(entity=f.entity, name=names.get(f.entity, f.entity))
        if label not in a.labels:
            a.labels.append(label)
        a.label_spans.append(LabelSpan(doc=document.id, start=f.start, end=f.end,
                                       text=document.text[f.start:f.end], attributed_to=f.attributed_to))
    return list(actors.values())
