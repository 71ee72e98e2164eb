"""Events: claims of different documents that tell one happening, grouped as one fact.

Two claims tell one event when they share its sense (the predicate class; for a light verb, the verb with its
noun: 'expressed outrage' is not 'expressed discontent'; a killing is the death it caused: 'X was killed', 'the
blast killed X' and 'Y killed X' tell what 'X died' does, and two killers named are two killings), its standing
(what happened or is happening is not what is planned: 'is slated to visit' is no visit yet; a denial is no
assertion), a time that meets (its own date, else the weeks before its report was published), and the same
participants in the same roles: the doer when both name one (Abbas's visit and an Iranian minister's visit
to Moscow are two visits), else the thing done to. A pronoun may stand for a named participant of its kind its
report names ('he' for a person, 'it' for a body), a description without a name for a named one ('the actress'),
less surely. Two reports of one event story that both lead with the act (their ledes: a report leads with its news)
tell one event where nothing parts them ('A woman has died ...' / 'A 59-year-old mother of two died ...').
What one speaker said is one statement only where two clauses name the speaker and share what is said.

Claims are blocked by (storyline, sense, standing); candidate pairs share a participant key within a block (a
clause naming none pairs with the block; ledes of one event story pair), so no step compares all claims with
all. A report the story clustering left alone is no evidence of a separate event: it sits in the storyline
naming most of its entities
(`context`), as one of no known event. Two clauses of different events of one storyline (as story clustering
drew them) must agree on both doer and thing done to. A participant with no name ('the police', 'her spokesman') may be one named
elsewhere of its kind; two names that differ, or a name and a description of another kind ('Israel' / 'a
resolution'), part two events. Two named venues of one act ('into the X Center' / 'into Y Recovery') are two
occasions; a report naming one venue for an act tells its bare retellings of that act there, and a clause that
names none where the coverage tells two such occasions is evidence for neither (it could be either). Pairs link
surest first, and two groups merge only when every member of one is compatible with every member of the other
(no two different doers, no two dates that cannot meet), so a chain of look-alike clauses never joins two
events; between groups, a pronoun or a nameless description against a name parts nothing ('a convicted sex
offender' may be the 'Comeaux' another report names), only a second referent named does. A group stated by two
or more independent documents is a corroborated fact; the rest stay claims.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Optional

from ...disjoint import DisjointSets
from ...extract.modality import DENIAL_VERBS
from ...extract.tense import INTENT_VERBS
from ...lexicon.dates import days_covered
from ...lexicon.predicates import CAUSE_NOUNS, EVENT_NOUNS, PREDICATE_CLASSES, predicate_class
from ...model import Claim, Fact
from .context import Context, head_word
from .event_figures import split_disputed
from .participants import (
    BODIES,
    PEOPLE,
    TIME_NOUNS,
    Participant,
    different_referents,
    for_person,
    match,
    names_no_other,
    participant,
    surely_one_doer,
)
from .positions import agreed_fact, position
from .venues import OTHER_ONE, same_venue, venues_of, venues_of_the_report
from .words import MIND_PREDICATES, MONTHS_DAYS, STATEMENT_PREDICATES, content_words

# verbs whose meaning is their noun: 'expressed outrage', 'made a statement', 'held talks'
LIGHT_VERBS = {"express", "voice", "make", "take", "give", "have", "hold", "do", "conduct", "carry", "issue",
               "offer", "pay", "raise", "show", "register", "lodge", "file", "deliver", "extend", "reach"}
# what happens to someone once: one named person's death told in two event stories of a storyline is one death
ONCE = {"die"}
# verbs that say what something is ('called Trump a coward', 'what he described as an opportunity'): like a
# statement, what they say is their content
NAMING = {"call", "describe", "label", "dub", "brand", "term"}
# senses whose content is what is said or held (statements, states of mind, namings): one only where that is the same
SAYING = frozenset(STATEMENT_PREDICATES | MIND_PREDICATES | NAMING)
# verbs of what comes after what ('the vote followed a debate', 'Romney leads, followed by Trump'), which name an act
# only when someone is followed ('police followed the suspect', 'she followed him on Twitter')
SEQUENCE = {"follow", "precede"}
# verbs of going and coming, which alone name no act ('comes a month after'), nor does going on ('what is going
# on', 'went on to win': the act is the win); with another particle or a place they may ('checked in' is entering)
BARE_MOTION = {"go", "come", "go on"}
# 'there is no room for prejudice': what exists is no act; two such clauses state one thing only where the same
# thing exists in both and something more is said of it in both ('there is a connection' / 'there were plans' /
# 'there is strong corporate culture' are not one fact because none of them names a doer)
EXISTING = "exist"
EXPLETIVE = "there"    # 'there is': no word of what is said of the thing
# the sense of finding: with no thing found ('discovered that it would not work') it is what someone came to hold
FINDING = "find"
# light verbs that, with a thing that is no event, put it out ('issued a patch', 'issued new guidelines')
PUBLISH_VERBS = {"issue"}
WEEKDAY = re.compile(r"^XXXX-WXX-[1-7]")
# a clause opened by one of these, not in the past tense, tells what has not happened yet; 'before', 'after' and
# 'when' also open a phrase or a clause before the main one ('After the vote, officials say ...', 'When you open your
# heart, there is no room ...'), so they count only for a clause with no comma ('when he arrives on July 13'; or
# what happens whenever it does, which is no happening either)
PENDING = re.compile(r"^\W*(?:once|until|till|as soon as)\b", re.I)
PENDING_SHORT = re.compile(r"^\W*(?:before|after|when|whenever)\b[^,]*$", re.I)
# a clause opening on "if" tells a condition or asks ("asked if he understood the charges"), one on "whether" asks;
# one that opens on a quotation is what someone said ("'If we do not get tough ...,' Trump said"), an act
CONDITION = re.compile(r"^\s*(?:if|unless|even if)\b", re.I)
ASKED = re.compile(r"^\s*whether\b", re.I)
# a modal with the perfect guesses at what may have happened, or says what could have ('might have killed')
GUESSED_PAST = re.compile(r"\b(?:may|might|could)(?:\s+not|n['’]t)?\s+have\b", re.I)
# verbs that deny: their clause is read as denied, but the denial itself is an act that took place
DENIALS = frozenset(predicate_class(v) for v in DENIAL_VERBS)
NEGATION = re.compile(r"\b(not|never|no)\b|n['’]t\b", re.I)
# 'used to' before a verb tells a past habit; after a form of 'be' it is a use ('the money was used to buy arms')
USED_TO = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )\bused to [a-z]", re.I)
# a habit or a schedule is no happening: 'the company typically releases its updates on the second Tuesday'
HABITUAL = re.compile(r"\b(typically|usually|normally|generally|routinely|regularly|customarily|habitually)\b", re.I)


@dataclass
class EventClaim:
    claim: Claim
    block: tuple                   # (storyline, sense, standing)
    story: str                     # the event (finest story) its document was clustered into; "" where it was left alone
    subj: Participant
    obj: Participant
    when: Optional[tuple[date, date]]
    content: frozenset[str]        # what a statement says (for 'say'-class claims)
    others: frozenset[str] = frozenset()   # people the doer acts on in the same clause ('stopped Thompson to retain')
    weekday: Optional[str] = None  # the bare weekday the clause gives its act, where it has no date ('on Wednesday')
    venues: frozenset[str] = frozenset()   # named venues the act took place at or went into ('into the X Center')
    agent: Participant = Participant()     # who killed, for a killing read as the death it caused
    lede: bool = False                     # told in its report's lede, which leads with the news

    @cached_property
    def words(self) -> frozenset[str]:
        """The clause's content words (a clause told word for word is one), read when a pair first asks."""
        return content_words(self.claim.text)


def sense_of(c: Claim) -> Optional[str]:
    """The predicate class, with a light verb's noun ('express outrage', 'held talks' = meet), or None for claims
    that name no act."""
    pred = c.predicate
    if not pred or pred == "be":
        return None    # 'Velt, 49': a figure of a person, no act
    if pred in BARE_MOTION:
        return None    # 'that was going on', 'came after', 'had gone from the streets': no act of its own
    if pred == "use" and USED_TO.search(c.text):
        return None    # 'the deal used to be important', 'than we used to produce': a past habit, no using
    if pred in LIGHT_VERBS:
        noun = head_word(c.object_text)
        if not noun:
            return None
        if pred in PUBLISH_VERBS and noun not in EVENT_NOUNS:
            return "release"   # 'issued a patch' is 'released a patch'
        return EVENT_NOUNS.get(noun) or EVENT_NOUNS.get(noun + "s") or f"{pred} {noun}"
    return pred


def standing_of(c: Claim) -> Optional[str]:
    """Told as done or going on, told as coming, guessed at as coming, or denied; questions state nothing."""
    if c.modality == "question" or ASKED.match(c.text):
        return None    # 'whether Obama was born in this country' asks
    if CONDITION.match(c.text):
        return None    # 'if Ryan had replaced her', 'if they kill him', 'unsure if the fire was connected': no act told
    if c.modality == "denied" and not (c.predicate in DENIALS and not NEGATION.search(c.text)):
        return "denied"    # ('rejected the visit' is a rejection that took place; 'did not deny it' is none)
    if c.tense != "past" and HABITUAL.search(c.text):
        return None
    if c.tense != "past" and (PENDING.match(c.text) or PENDING_SHORT.match(c.text)):
        return "planned"     # 'once the negotiations are concluded', 'before it is signed': not yet happened
    if c.tense == "future":
        # 'the dam might fail', 'could face charges': a guess at what may come is neither a plan nor an act
        return "possible" if c.modality == "hedged" else "planned"
    if c.modality == "hedged" and GUESSED_PAST.search(c.text):
        return "possible"    # 'may have been dismantled', 'could have killed': a guess at the past, no act told
    return "actual"


def _keys(p: Participant) -> set[str]:
    return {*(f"e:{e}" for e in p.named), *([f"w:{p.head}"] if p.head else [])}


def event_claims(ctx: Context, claims: list[Claim]) -> list[EventClaim]:
    out = []
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in ctx.analysis.claims:
        by_doc[c.doc].append(c)
    for c in claims:
        sense, standing = sense_of(c), standing_of(c)
        if sense is None or standing is None:
            continue
        subj, obj = participant(ctx, c, "s"), participant(ctx, c, "o")
        if not (subj or obj) and head_word(c.subject_text) in TIME_NOUNS:
            continue    # 'now arrives the hour of action': a time, and nothing done, is no act
        if sense in SEQUENCE and not _a_person(ctx, obj):
            continue    # 'this followed a 97-1 vote', 'Romney (21 percent), followed by Trump': what came after
        agent = Participant()
        if sense == "kill" and obj:
            # a killing is the death it caused ('Hiller killed Brown' / 'Brown died'), its killer kept apart, as
            # 'X was killed' and 'the blast killed X' (no killer, only what killed) are X's death
            agent = Participant() if not subj or _a_cause(subj) else subj
            sense, subj, obj = "die", obj, Participant()
        content = _content(c) if _told_content(sense, obj) else frozenset()
        story = ctx.story_of.get(c.doc) or ""
        # a person dies once, so no building names a second occasion ('Felt, the No. 2 man at the FBI, died')
        venues = venues_of(ctx, c, sense) if sense not in ONCE else frozenset()
        out.append(EventClaim(c, (ctx.root_of(c.doc), sense, standing), "" if story in ctx.lone else story, subj, obj,
                              _time(ctx, c), content, _co_participants(ctx, c, by_doc[c.doc]), _weekday(ctx, c),
                              venues, agent, c.start < ctx.ledes.get(c.doc, 0)))
    return venues_of_the_report(ctx, out)


def _a_person(ctx: Context, p: Participant) -> bool:
    """A participant that is someone: a person named, 'him', or a word for a person ('the suspect')."""
    return bool(p.entity and ctx.entity_type(p.entity) in PEOPLE) or p.pronoun == "person" \
        or bool(p.heads and for_person(ctx, *p.heads))


def _a_cause(p: Participant) -> bool:
    """A doer that is what killed, not who: an event, a weapon, an illness ('the blast', 'a bomb explosion', 'a quake
    that struck Iran': a place named in it makes it no one)."""
    return not (p.entity or p.pronoun) and p.head in CAUSE_NOUNS


def _weekday(ctx: Context, c: Claim) -> Optional[str]:
    t = ctx.analysis.time(c.time) if c.time and not c.when else None
    return t.value[:10] if t is not None and WEEKDAY.match(t.value or "") else None


def _co_participants(ctx: Context, c: Claim, same_doc: list[Claim]) -> frozenset[str]:
    """The people the same doer acts on in other acts told within this clause: 'stopped Thompson in the sixth round
    to retain his belts' is the retaining of the night Thompson was beaten, not of another night. Two reports of the
    same act whose doer beat, met or charged two different people in the telling are two occasions of it."""
    if not c.subject or ctx.analysis.entity(c.subject) is None:
        return frozenset()
    out = set()
    for o in same_doc:
        if o.id != c.id and o.subject == c.subject and c.start <= o.start and o.end <= c.end and o.object \
                and o.object != c.object and ctx.entity_type(o.object) == "PERSON":
            out.add(o.object)
    return frozenset(out)


def _time(ctx: Context, c: Claim) -> Optional[tuple[date, date]]:
    """When the event happened: the claim's own date, else the weeks before its report was published (news tells
    what just happened); None where neither is known."""
    own = days_covered(c.when)
    if own is not None:
        return own
    published = days_covered(ctx.published.get(c.doc))
    if published is None:
        return None
    return published[0] - timedelta(days=ctx.cfg.time_window_days), published[1]


def _content(c: Claim) -> frozenset[str]:
    """Words of a statement that say what it states: not who said it, not the verb of saying, no dates."""
    skip = {w.lower() for w in re.findall(r"[A-Za-z]+", f"{c.subject_text or ''} {c.attribution_text or ''}")}
    skip |= {re.sub(r"(['’]s|s)$", "", w) for w in skip if len(w) > 3}
    verbs = {lemma[:4] for lemma, cls in PREDICATE_CLASSES.items() if cls == c.predicate} | {(c.predicate or "")[:4]}
    return frozenset(w for w in content_words(c.text) if w not in skip and w[:4] not in verbs
                     and w not in ("told", "tell") and not MONTHS_DAYS.match(w))


def compatible(ctx: Context, a: EventClaim, b: EventClaim, across: bool = False) -> bool:
    """Whether two claims may tell one event: the doers are one where both name one; the things done to are one
    where the doers do not already say so; no two named participants of one type differ; the times meet.
    `across`: two claims of two groups, each tied by its own surest pairs, where only a second referent named
    parts them (a pronoun or a nameless description against a name is no evidence either way there)."""
    return _ties(ctx, a, b, across) is not None


def _ties(ctx: Context, a: EventClaim, b: EventClaim, across: bool = False) -> Optional[tuple[float, float, float]]:
    """None where two claims cannot tell one event (`compatible`), else the matches read on the way, which `support`
    reads again: the doers', the things done to (-1 where not read) and the killers' (0 where not both named)."""
    if different_referents(ctx, a.subj, b.subj) or different_referents(ctx, a.obj, b.obj):
        return None
    killer = match(ctx, a.agent, b.agent) if a.agent and b.agent else 0.0
    if killer is None:
        return None     # one death, two killers named: two killings
    if a.others and b.others and not any(ctx.may_be_same(frozenset({x}), frozenset({y})) or x == y
                                         for x in a.others for y in b.others):
        return None     # the same act on two occasions: the doer acted on two different people in the telling
    doer = match(ctx, a.subj, b.subj)
    if doer is None:
        if not (across and names_no_other(a.subj, b.subj)):
            return None
        doer = 0.0
    thing = match(ctx, a.obj, b.obj) if not doer else -1.0
    if thing is None:
        if not (across and names_no_other(a.obj, b.obj)):
            return None
        thing = 0.0
    if a.venues and b.venues and not same_venue(ctx, a.venues, b.venues):
        return None     # 'checked into the Betty Ford Center' / '... into Morningside Recovery': two stays
    if a.block[1] in ONCE and surely_one_doer(ctx, a.subj, b.subj):
        return doer, thing, killer   # one named person dies once: two days told for it are a dispute over when
    if a.weekday and b.weekday and a.weekday != b.weekday:
        return None     # 'released a patch on Wednesday' / '... on Tuesday': two releases
    return None if a.when and b.when and (a.when[1] < b.when[0] or b.when[1] < a.when[0]) else (doer, thing, killer)


def support(ctx: Context, a: EventClaim, b: EventClaim, topic: frozenset[str]) -> float:
    """How surely two compatible claims of one block tell one event: one for the same doer, one for the same thing
    done to (a half where a pronoun stands for it), less for a clause that names no participant ('the quake');
    0 where nothing ties them. Clauses of two events of one storyline need both doer and thing done to; a
    statement needs its speaker named on both sides and what is said in common."""
    ties = _ties(ctx, a, b)
    if ties is None:
        return 0.0
    doer, thing = ties[0] or 0.0, (match(ctx, a.obj, b.obj) if ties[1] < 0 else ties[1]) or 0.0
    if a.agent and b.agent:
        thing = ties[2] or 0.0     # a death's killer is its other participant
    if a.story and b.story and a.story != b.story and (doer < 1 or thing < 1) \
            and not (a.block[1] in ONCE and surely_one_doer(ctx, a.subj, b.subj)):
        return 0.0
    score = doer + thing
    if _verbatim(a, b):
        return max(score, 1.0)   # one clause word for word in two reports ('she should apologize to the court')
    if a.block[1] == EXISTING:     # the same thing, and some other word said of it ('no room for prejudice')
        return score if doer >= 1 and (a.words & b.words) - {a.subj.head, b.subj.head, EXPLETIVE} else 0.0
    if a.subj.pronoun and b.subj.pronoun and not thing:
        return 0.0   # 'he could win' / 'he needs to win over': two pronouns and nothing else say no one act
    if not (a.subj or a.obj) or not (b.subj or b.obj):
        # a clause that names no participant ('the quake', 'talks were held'): one event of its block, though less
        # surely when the other names some
        score = 0.5 if not (a.subj or a.obj or b.subj or b.obj) else 0.25
    if _told_content(a.block[1], a.obj) or _told_content(b.block[1], b.obj):   # one named speaker saying one thing
        # an attempt is about the act it governs, whoever 'they' are ('they tried to board a vessel in the Gulf')
        speaker = a.block[1] in SAYING or a.block[1] not in INTENT_VERBS
        if not (a.content and b.content and (not speaker or (a.subj.named_at_all and b.subj.named_at_all
                                                              and doer >= 1))):
            return 0.0
        shared = sum(ctx.cfg.topic_weight if w in topic else 1.0 for w in a.content & b.content)
        if shared < ctx.cfg.shared_words and (thing < 1 or _addressed(ctx, a) or _addressed(ctx, b)):
            return 0.0
    if not score and a.lede and b.lede and a.story and a.story == b.story and not (a.subj.pronoun and b.subj.pronoun):
        return 0.25   # two reports of one event leading with one act, nothing against it: they lead with one event
    return score


def _addressed(ctx: Context, v: EventClaim) -> bool:
    """A statement told to someone ('told reporters', 'told CNBC'): whom it was told to is no part of what was said
    ('asserts his innocence' is)."""
    p = v.obj
    if v.block[1] not in STATEMENT_PREDICATES or not p:
        return False
    return bool(p.pronoun) or ctx.entity_type(p.entity) in PEOPLE | BODIES or bool(p.heads and for_person(ctx, *p.heads))


def _told_content(sense: str, thing: Participant) -> bool:
    """A statement, a state of mind, a finding of no thing found ('discovered that it would not work', 'found it
    lawful'), which is what someone came to hold, or an attempt or intention with no thing ('sought to address
    unions' / 'sought to distinguish herself'), which is about the act it governs: its content is what it says."""
    return sense in SAYING or (not thing and (sense == FINDING or sense in INTENT_VERBS))


def _verbatim(a: EventClaim, b: EventClaim) -> bool:
    """The same clause, word for word, of some length: a quote or a wire sentence both reports carry."""
    return len(a.words) >= 3 and a.words == b.words


def event_facts(claims: list[Claim], ctx: Context, topic: Optional[dict[str, frozenset[str]]] = None) -> list[Fact]:
    """Facts of events told by two or more independent documents (see the module's docstring). `topic`: the
    coverage's common words (`topic_words`), when these claims are a part of it read again."""
    views = event_claims(ctx, claims)
    topic = topic_words(ctx, claims) if topic is None else topic
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, v in enumerate(views):
        blocks[v.block].append(i)
    facts: list[Fact] = []
    for block in sorted(blocks):
        members = blocks[block]
        if ctx.independent({views[i].claim.doc for i in members}) < 2:
            continue
        for group in _group(ctx, [views[i] for i in members], topic):
            # one act, its count told two ways: a dispute
            group, disputed = split_disputed(ctx, group, lambda a, b: surely_one_doer(ctx, a.subj, b.subj))
            facts += disputed
            if ctx.independent({v.claim.doc for v in group}) >= 2:
                facts.append(_fact(ctx, group))
    return facts


def _group(ctx: Context, views: list[EventClaim], topic: dict[str, frozenset[str]]) -> list[list[EventClaim]]:
    """Claims of one block grouped into events: candidate pairs share a participant key (or one of them names
    none, or both lead their reports of one event story), link surest first, and never join two groups unless
    every pair across them is compatible."""
    by_key: dict[str, list[int]] = defaultdict(list)
    bare: list[int] = []
    for i, v in enumerate(views):
        keys = _keys(v.subj) | _keys(v.obj) | _keys(v.agent) | ({f"lede:{v.story}"} if v.lede and v.story else set())
        if not keys:
            bare.append(i)
        for k in keys:
            by_key[k].append(i)
    pairs: set[tuple[int, int]] = set()
    cap = ctx.cfg.max_statements
    for idx in by_key.values():
        idx = idx[:cap]
        pairs.update((i, j) for n, i in enumerate(idx) for j in idx[n + 1:])
    for i in bare[:cap]:     # a clause naming no participant (or only a pronoun) may tell any event of its block
        pairs.update((min(i, j), max(i, j)) for j in range(min(len(views), cap)) if j != i)
    scored = sorted(((s, i, j) for i, j in pairs
                     if (s := support(ctx, views[i], views[j], topic.get(views[i].story, frozenset()))) > 0),
                    key=lambda t: (-t[0], views[t[1]].story != views[t[2]].story,   # its own event first
                                   views[t[1]].claim.id, views[t[2]].claim.id))
    sets = DisjointSets(range(len(views)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(views))}
    fits: dict[tuple[int, int], bool] = {}   # a pair of claims asked again each time their groups might join

    def fit(x: int, y: int) -> bool:
        known = fits.get((x, y))
        if known is None:
            known = fits[x, y] = compatible(ctx, views[x], views[y], across=True)
        return known

    for _, i, j in scored:
        gi, gj = sets.find(i), sets.find(j)
        if gi == gj or not all(fit(x, y) for x in members[gi] for y in members[gj]):
            continue
        merged = members.pop(gi) + members.pop(gj)
        members[sets.union(gi, gj)] = merged
    loose = _ambiguous(ctx, views, scored, members)
    out = [[views[i] for i in sorted(m) if i not in loose] for m in members.values()]
    return [g for g in out if g] + [[views[i]] for i in sorted(loose)]


def _ambiguous(ctx: Context, views: list[EventClaim], scored: list[tuple[float, int, int]],
               members: dict[int, list[int]]) -> set[int]:
    """Claims that fit two occasions of one act the grouping kept apart by where they took place: a clause that
    names no venue ('checked into rehab', where one report's stay is at one clinic and another's at a second)
    sits in the first group its pairs reached, which says nothing of which occasion it tells; it is evidence for
    neither. (Groups apart by weekday or date were tried too: weekdays read without a publication date part
    groups of one event, and the rule then withheld far more right claims than wrong ones.)"""
    group_of = {i: root for root, m in members.items() for i in m}
    venues = {root: [views[k].venues for k in m if views[k].venues] for root, m in members.items()}
    apart: dict[tuple[int, int], bool] = {}
    out: set[int] = set()
    for _, i, j in scored:
        gi, gj = group_of[i], group_of[j]
        if gi == gj or not (venues[gi] and venues[gj]):
            continue
        if (gi, gj) not in apart:
            apart[gi, gj] = any(not same_venue(ctx, a, b) for a in venues[gi] for b in venues[gj])
        if not apart[gi, gj]:
            continue
        for x, y in ((i, j), (j, i)):
            if x not in out and _fits(ctx, views[x], [views[z] for z in members[group_of[y]]]):
                out.add(x)
    return out


def _fits(ctx: Context, v: EventClaim, group: list[EventClaim]) -> bool:
    """Whether a claim could tell the event of a group: compatible with all of it, and not 'a different rehab'
    where its own report names the group's venue."""
    if v.obj.words & OTHER_ONE and any(w.claim.doc == v.claim.doc and w.venues for w in group):
        return False
    return all(compatible(ctx, v, w) for w in group)


def _fact(ctx: Context, group: list[EventClaim]) -> Fact:
    """One position: the event, quoted from each document by its shortest clause that says it."""
    best: dict[str, Claim] = {}
    for v in sorted(group, key=lambda v: (len(v.claim.text), v.claim.start)):
        best.setdefault(v.claim.doc, v.claim)
    chosen = sorted(best.values(), key=lambda c: (c.doc, c.start))
    about = _about(ctx, group)
    return agreed_fact(ctx, about, [position(ctx, about, chosen, group[0].block[1])], [v.claim for v in group])


def _about(ctx: Context, group: list[EventClaim]) -> str:
    """'Hamas praise Russia': the commonest named doer, the sense, the commonest named thing done to."""
    def commonest(parts: list[Participant]) -> str:
        counts: dict[str, int] = defaultdict(int)
        for p in parts:
            if p.entity:
                counts[ctx.name(p.entity)] += 1
            elif p.head:
                counts[p.head] += 1
        return max(sorted(counts), key=lambda k: counts[k]) if counts else ""
    sense, standing = group[0].block[1], group[0].block[2]
    doer, thing = commonest([v.subj for v in group]), commonest([v.obj for v in group])
    killer = commonest([v.agent for v in group])
    if killer:     # 'Hiller kill Brown', not 'Brown die', where a report names who killed
        doer, sense, thing = killer, "kill", doer
    if thing and sense.endswith(" " + thing):
        thing = ""     # 'express outrage': the light verb's noun is already the sense
    # what did not happen, is still to come or may come says so: 'Lohan not enter Morningside', 'Abbas to visit
    # Moscow', 'dam may fail'
    sense = {"denied": "not " + sense, "planned": "to " + sense, "possible": "may " + sense}.get(standing, sense)
    return " ".join(x for x in (doer, sense, thing) if x)


def topic_words(ctx: Context, claims: list[Claim]) -> dict[str, frozenset[str]]:
    """Per story, the words most of its documents use: sharing them says two statements are about the story,
    not that they state the same thing."""
    docs_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in claims:
        for w in content_words(c.text):
            docs_of[ctx.story_of.get(c.doc) or ""][w].add(c.doc)
    out = {}
    for story, words in docs_of.items():
        n = len({d for ds in words.values() for d in ds})
        out[story] = frozenset(w for w, ds in words.items() if n >= 3 and len(ds) >= ctx.cfg.topic_share * n)
    return out
