"""The participants of an event: who or what a clause's doer and thing done to are, and when two arguments of two
reports may be one referent.

A named participant is its resolved entity; a pronoun stands for a named one of its kind ('he' for a person, 'it' for
a body) that its own report names, and never for one that report tells as of the other sex ('she' is not 'Mr.
Jackson'; `gender`); a description without a name ('the actress', 'the facility') may be a named one of
its kind, less surely. Two names that differ, a name and a description of another kind ('Israel' / 'a draft
resolution'), or a description naming another of its kind ('Iran's deputy minister' / 'Abbas') are two referents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...lexicon.predicates import POSSESSIVE, REFLEXIVE, ROLE_NOUNS
from ...model import Claim
from .context import Context, entities_in, head_word, mentions_in, span_in
from .gender import PRONOUN_SEX

# the kind of referent a named participant or a pronoun is: two different named ones of one kind in one role
# are two events; a pronoun stands only for its own kind
PEOPLE = {"PERSON"}
BODIES = {"ORG", "GPE", "NORP", "LOC", "FAC"}
PRONOUN_KIND = {**dict.fromkeys(["he", "she", "him", "her", "himself", "herself"], "person"),
                **dict.fromkeys(["it", "itself"], "body"),
                **dict.fromkeys(["they", "them", "themselves", "we", "us"], "group")}
# nouns for a person that a report uses for someone it names elsewhere ('the actress', 'the suspect')
PERSON_NOUNS = ROLE_NOUNS | {"man", "woman", "boy", "girl", "actor", "actress", "singer", "star", "player", "suspect",
                             "inmate", "prisoner", "victim", "driver", "climber", "coach", "mother", "father",
                             "gunman", "fighter", "boxer", "champion", "candidate", "lawyer", "doctor", "teenager",
                             "rep", "publicist", "agent", "manager", "owner", "husband", "wife", "son", "daughter",
                             "queen", "icon", "legend", "starlet", "celebrity", "athlete", "swimmer", "rapper",
                             "comedian", "musician", "author", "writer", "journalist", "producer", "activist"}
# nouns for a person by their tie to another ('Felt's mentor', 'Trump's attorney'): used only to tell that the
# one named as possessor is someone else, never to match a description to a name
RELATION_NOUNS = {"mentor", "protege", "friend", "ally", "rival", "colleague", "partner", "successor", "predecessor",
                  "boss", "attorney", "brother", "sister", "niece", "nephew", "cousin", "girlfriend", "boyfriend",
                  "fiance", "fiancee", "widow", "widower", "assistant", "bodyguard", "uncle", "aunt", "grandson",
                  "granddaughter", "grandfather", "grandmother", "stepson", "stepdaughter", "relative", "child",
                  "parent", "spokesperson", "representative", "employee", "employer", "client", "patient"}
# nouns for a body (a state, an organisation, a force) that a report uses for one it names elsewhere
BODY_NOUNS = {"government", "administration", "ministry", "department", "agency", "authorities", "officials",
              "army", "military", "navy", "forces", "troops", "police", "group", "organisation", "organization",
              "movement", "party", "team", "club", "side", "company", "firm", "council", "committee",
              "court", "delegation", "regime", "country", "state", "nation", "union", "coalition", "alliance",
              "militants", "rebels", "office", "board", "commission", "parliament", "cabinet", "leadership"}
# nouns for a building or institution, which a report uses for one it names ('rehab' / 'the Larch Clinic') and
# which say nothing of which one it is ('the Larch Center' / 'the Birch Recovery Center' are two)
FACILITY_NOUNS = {"clinic", "center", "centre", "facility", "hospital", "rehab", "prison", "jail", "school", "church",
                  "building", "plant", "factory", "warehouse", "store", "hotel", "station", "airport", "stadium",
                  "arena", "treatment", "recovery", "rehabilitation", "institute", "home", "house"}
BODY_NOUNS |= FACILITY_NOUNS
# words for a stretch of time, which the parser may take for a doer ('the day ... was sentenced'); no participant
TIME_NOUNS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "morning", "afternoon", "evening",
              "night", "hour", "hours", "minute", "minutes", "today", "yesterday", "tonight", "weekend", "decade"}
# names used as adjectives: a shared 'Palestinian' says of which people, not which referent ('the Palestinian group'
# / 'a delegation from the Palestinian group' share their head too; 'Russian citizens' / 'hostages including
# Russians' do not)
ADJECTIVAL = {"NORP"}
# names of states, which others take their adjective from: 'Israel' and 'the Israeli foreign ministry'
STATES = frozenset({"GPE"})

@dataclass(frozen=True)
class Participant:
    entity: Optional[str] = None   # the resolved entity the argument's head names
    head: Optional[str] = None     # its head noun, lower-cased ('delegation')
    named: frozenset[str] = frozenset()   # every entity named inside the argument's words
    pronoun: Optional[str] = None  # person | body | group, where the argument is only a pronoun
    definite: bool = False         # 'the actress', 'this man': may be someone named elsewhere
    words: frozenset[str] = frozenset()   # its words, lower-cased
    heads: frozenset[str] = frozenset()   # the head noun of each conjunct ('the actress and velvet-rope fixture')
    plural: bool = False           # 'two climbers' is not 'a climber'
    owners: frozenset[str] = frozenset()   # people named as possessors ('Felt's mentor'): named, not the referent
    doc: Optional[str] = None      # a pronoun's report, where its antecedent is
    gender: Optional[str] = None   # a pronoun's 'm' or 'f'
    spoken: bool = False           # the entity is named inside the argument's own words (not only linked by the parse)

    def __bool__(self) -> bool:
        return bool(self.entity or self.head or self.named or self.pronoun)

    @property
    def named_at_all(self) -> bool:
        return bool(self.entity or self.head or self.named)


def participant(ctx: Context, c: Claim, role: str) -> Participant:
    ref, text = (c.subject, c.subject_text) if role == "s" else (c.object, c.object_text)
    if role == "o" and text and text.strip().lower() in REFLEXIVE and c.subject_text:
        return participant(ctx, c, "s")    # 'cast himself as a hawk': the thing done to is the doer
    entity = ref if ref and ctx.analysis.entity(ref) is not None else None
    if entity is None and text and text.strip().lower() in PRONOUN_KIND:
        word = text.strip().lower()
        return Participant(pronoun=PRONOUN_KIND[word], doc=c.doc, gender=PRONOUN_SEX.get(word))
    span = span_in(c, text)
    named = frozenset(entities_in(ctx, c.doc, c.start + span[0], c.start + span[1])) if span else frozenset()
    head = head_word(text) if text else None
    if head in TIME_NOUNS and not named:
        return Participant()    # 'Saturday morning' read as the doer: a time does nothing
    # a person described through another ('Felt's mentor'): the one named is not the one meant ('Newton's
    # record' is still Newton's)
    owners = _owners(ctx, c.doc, c.start + span[0], c.start + span[1]) \
        if span and not entity and head and (head in RELATION_NOUNS or for_person(ctx, head)) else frozenset()
    definite = bool(text) and text.strip().lower().split(" ", 1)[0] in ("the", "this", "that")
    words = frozenset(re.findall(r"[a-z]+", (text or "").lower()))
    return Participant(entity, head, named | ({entity} if entity else set()), spoken=entity in named,
                       definite=definite, words=words,
                       plural=bool(head) and bool(words & {head + "s", head + "es"}), owners=owners,
                       heads=frozenset(h for part in (text or "").split(" and ") if (h := head_word(part))))


def _owners(ctx: Context, doc: str, start: int, end: int) -> frozenset[str]:
    """People named as a possessor inside [start, end) with words after them ('Felt's mentor, J. Edgar Hoover',
    'Trump's lawyer'): someone else, of them. A body's possession is not ('Microsoft's spokesman' speaks for it)."""
    text = ctx.texts.get(doc, "")
    return frozenset(ref for _, e, ref in mentions_in(ctx, doc, start, end)
                     if e < end and ctx.entity_type(ref) == "PERSON" and POSSESSIVE.match(text, e)
                     and text[e:end].strip(" '’s"))


def for_person(ctx: Context, *heads: Optional[str], relations: bool = False) -> bool:
    """Whether every head is a word for a person: of the fixed list, or a title this coverage sets before its
    people's names ('defensive tackle Jamal Brown' makes 'the tackle' one), unless a word for a body or a time
    ('police Constable Ann Lee': the police are no person)."""
    return all(h in PERSON_NOUNS or (relations and h in RELATION_NOUNS)
               or (h in ctx.person_titles and h not in BODY_NOUNS and h not in TIME_NOUNS) for h in heads)


def _kind(ctx: Context, ref: str) -> Optional[str]:
    t = ctx.entity_type(ref)
    return "person" if t in PEOPLE else "body" if t in BODIES else None


def _name_words(ctx: Context, p: Participant, types: Optional[frozenset[str]] = None) -> frozenset[str]:
    """The words (four letters or more) of the names a participant carries, of these entity types only if given;
    remembered per set of names, which meets every other participant of its block."""
    key = (p.named, types)
    known = ctx.participant_names.get(key)
    if known is None:
        known = ctx.participant_names[key] = _names_words(ctx, p, types)
    return known


def _names_words(ctx: Context, p: Participant, types: Optional[frozenset[str]]) -> frozenset[str]:
    return frozenset({w.lower() for e in p.named if types is None or ctx.entity_type(e) in types
            for w in re.findall(r"[A-Za-z]{4,}", ctx.name(e))})


def same_referent(ctx: Context, a: Participant, b: Participant) -> bool:
    """The two arguments may name one referent: one entity, one head noun, a name both phrases carry ('a
    delegation from the Palestinian group' / 'the Palestinian group'), or a state and its own body ('Israel' /
    'the Israeli foreign ministry': news names a state for its government)."""
    if a.entity and b.entity and ctx.may_be_same(frozenset({a.entity}), frozenset({b.entity})):
        return True
    if a.entity and b.entity and _kind(ctx, a.entity) == "person" == _kind(ctx, b.entity) \
            and a.spoken and b.spoken and len(a.heads) < 2 and len(b.heads) < 2:
        return False    # two people named as the heads: 'Trump spokeswoman Katrina Pierson' is not 'Trump'
    if a.head and a.head == b.head and not (a.entity and b.entity) and a.plural == b.plural:
        return True     # two names ending alike ('Mario Williams' / 'Esther Williams') were answered above
    own_a, own_b = a.named - a.owners, b.named - b.owners    # 'Felt's mentor' is not Felt
    shared = own_a & own_b
    if any(ctx.entity_type(e) not in ADJECTIVAL for e in shared) or (shared and _head_in(a, b)):
        return True
    if any(ctx.may_be_same(frozenset({x}), frozenset({y})) for x in own_a for y in own_b
           if _kind(ctx, x) == "person" == _kind(ctx, y)):
        return True
    for home, other in ((a, b), (b, a)):
        words = _name_words(ctx, other)
        if any(w.startswith(h) for h in _name_words(ctx, home, STATES) for w in words):
            return True     # the state must be named: 'Russian citizens' is no body of a state named 'Russian
    return False


def _head_in(a: Participant, b: Participant) -> bool:
    return bool(a.head and a.head in b.words) or bool(b.head and b.head in a.words)


def may_stand_for(ctx: Context, pronoun: Participant, named: Participant) -> bool:
    """A pronoun may stand for a named participant of its kind: 'he' for a person, 'it' or 'they' for a body."""
    kind = named.entity and _kind(ctx, named.entity)
    if pronoun.pronoun == "person":
        # 'she' for 'Tara Reid', for 'the party girl Tara Reid', or for 'the actress'; never for someone her own
        # report tells as a man ('Mr. Jackson', 'his wife, Sandra Jackson': 'she' is not Mr. Jackson)
        if kind == "person" and pronoun.gender and pronoun.doc and named.entity:
            told = ctx.gender_in(pronoun.doc, named.entity)
            return told is None or told == pronoun.gender
        return kind == "person" or (not named.entity and _describes_person(ctx, named))
    return kind == "body" or (kind is None and pronoun.pronoun == "group")


def _antecedent_in_report(ctx: Context, pronoun: Participant, named: Participant) -> bool:
    """A pronoun's antecedent is in its own report: 'when he arrives on July 13' in a report that never names
    Kennedy is not Kennedy's visit, whoever else's it is."""
    if pronoun.doc is None or not named.entity:
        return True
    here = ctx.named_in(pronoun.doc)
    return named.entity in here or ctx.may_be_same(frozenset({named.entity}), here)


def _not_its_kind(ctx: Context, pronoun: Participant, other: Participant) -> bool:
    """A pronoun and an argument it cannot stand for: 'he' and a body, a thing or people ('the police', 'the
    climbers'); 'it' and a person or people; 'they' and one person. A pronoun and a description that may be of its
    kind but is not told as one referred back to ('she' / 'a woman', 'it' / 'a software giant') are no evidence
    either way: the pronoun's antecedent is in its own report."""
    if other.entity:     # a name the pronoun may not stand for (`may_stand_for` said no): only 'it' for a thing
        return pronoun.pronoun == "person" or _kind(ctx, other.entity) == "person"
    heads = other.heads | ({other.head} - {None})
    person = bool(heads) and for_person(ctx, *heads, relations=True)
    if pronoun.pronoun == "person":
        return not person or other.plural
    if pronoun.pronoun == "body":
        return person or other.plural
    return person and not other.plural


def _describes_person(ctx: Context, p: Participant) -> bool:
    """A phrase naming a person inside it, or a definite description of one ('the actress')."""
    return any(_kind(ctx, e) == "person" for e in p.named) \
        or (p.definite and any(for_person(ctx, h) for h in p.heads | {p.head}))


def match(ctx: Context, a: Participant, b: Participant) -> Optional[float]:
    """1 for one referent, 0.5 where a pronoun or a nameless description may stand for the other, None where both
    are there and differ, 0 where one is missing."""
    if not a or not b:
        return 0.0
    if a.pronoun or b.pronoun:
        if a.pronoun and b.pronoun:    # 'he' and 'she' are two people
            return 0.5 if a.pronoun == b.pronoun and not (a.gender and b.gender and a.gender != b.gender) else None
        pro, named = (a, b) if a.pronoun else (b, a)
        if may_stand_for(ctx, pro, named):
            return 0.5 if _antecedent_in_report(ctx, pro, named) else 0.0
        return None if _not_its_kind(ctx, pro, named) else 0.0
    if same_referent(ctx, a, b):
        return 1.0
    for described, named in ((a, b), (b, a)):
        if described.definite and not described.named and for_person(ctx, described.head) \
                and named.entity and _kind(ctx, named.entity) == "person":
            return 0.5     # 'the actress' may be 'Tara Reid': a definite description of a person, without a name
    return None if _conflict(ctx, a, b) else 0.0


def _conflict(ctx: Context, a: Participant, b: Participant) -> bool:
    """Two arguments that say who they are and differ: two named referents, or a name and a description that
    cannot be of its kind ('Israel' / 'a draft resolution') or that names another of its kind. A description of
    the name's kind ('Tara Reid' / 'the American Pie actress', 'the Indian navy' / 'naval forces') or two
    descriptions ('her rep' / 'the spokesman') may still be one referent: no evidence either way."""
    if a.entity and b.entity:
        return True
    if not (a.entity or b.entity):
        if a.plural != b.plural and for_person(ctx, a.head, b.head):
            return True                       # 'two climbers killed' / 'a man died': not the same dead
        if a.owners and a.owners == b.owners:
            return False                      # 'Lohan's attorney' / 'Lohan's lawyer': no evidence either way
        # two descriptions, each naming another of one kind ('Iran's deputy minister' / 'the Hamas delegation');
        # names of two kinds may describe one thing ('Ford's scoring mark' / 'North Carolina's record')
        return any(_kind(ctx, x) is not None and _kind(ctx, x) == _kind(ctx, y)
                   and not ctx.may_be_same(frozenset({x}), frozenset({y})) for x in a.named for y in b.named)
    named, described = (a, b) if a.entity else (b, a)
    kind = _kind(ctx, named.entity)
    if any(_kind(ctx, e) == kind for e in described.named):
        return True                           # 'Iran's deputy minister' / 'Abbas'
    return not ((kind == "person" and any(for_person(ctx, h, relations=True) for h in described.heads))
                or (kind == "body" and described.heads & BODY_NOUNS))


def names_no_other(a: Participant, b: Participant) -> bool:
    """Whether two arguments that `match` parts name no second referent: a pronoun on either side, or a name against a
    description that names no one ('Comeaux' / 'a convicted sex offender', which the nouns for a person may miss)."""
    if a.pronoun or b.pronoun:
        return True
    named, described = (a, b) if a.entity else (b, a)
    return bool(named.entity) and not (described.entity or described.named)


def different_referents(ctx: Context, a: Participant, b: Participant) -> bool:
    """Two named arguments of one type that cannot be one referent: 'Abbas' and 'Bagheri Kani', 'Israel' and 'Iran'."""
    if not (a.entity and b.entity) or ctx.entity_type(a.entity) != ctx.entity_type(b.entity):
        return False
    return _kind(ctx, a.entity) is not None and not same_referent(ctx, a, b)


def surely_one_doer(ctx: Context, a: Participant, b: Participant) -> bool:
    """One named doer on both sides: one entity, or a name all of whose words the other carries ('Gigante' /
    'Vincent Gigante'); never two names that merely share a word ('Mario Williams' / 'Esther Williams')."""
    if not (a.entity and b.entity):
        return False
    x, y = ctx.name_words(a.entity), ctx.name_words(b.entity)
    return a.entity == b.entity or (bool(x and y) and (x <= y or y <= x))
