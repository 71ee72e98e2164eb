"""The predicate lexicon: which verbs and event nouns of news name one act (a sense class), and the words
around a predicate that carry its object or stand for a person.

A sense class groups the verbs news uses for one act, whatever the outlet's wording: 'killed', 'slew' and
'murdered' are one killing; 'arrested', 'detained' and 'apprehended' one arrest. The groups follow common news
usage (a thesaurus of reporting verbs), not any evaluation set; a verb with several senses in news ('receive' a
delegation or an award, 'charge' a suspect or a battery) is left out of every group rather than put in a wrong one.
"""
from __future__ import annotations

import re
from typing import Optional

PREDICATE_CLASSES: dict[str, str] = {
    **dict.fromkeys(["lead", "head", "chair", "helm", "command", "spearhead", "captain"], "lead"),
    **dict.fromkeys(["visit", "arrive", "travel", "land", "tour", "fly"], "visit"),
    **dict.fromkeys(["meet"], "meet"),
    **dict.fromkeys(["say", "state", "tell", "add", "note", "announce", "disclose", "report", "write", "claim",
                     "confirm", "acknowledge", "reveal", "declare", "mention", "stress", "explain", "insist",
                     "quote", "tweet", "comment", "remark", "emphasize", "emphasise", "underline", "assert"], "say"),
    **dict.fromkeys(["condemn", "denounce", "criticize", "criticise", "slam", "blast", "decry", "censure"], "condemn"),
    **dict.fromkeys(["summon"], "summon"),
    **dict.fromkeys(["expel", "deport", "oust"], "expel"),
    **dict.fromkeys(["kill", "slay", "slaughter", "murder", "massacre", "assassinate"], "kill"),
    **dict.fromkeys(["kidnap", "abduct", "capture"], "hold captive"),
    **dict.fromkeys(["praise", "thank", "hail", "commend", "applaud", "laud", "appreciate"], "praise"),
    **dict.fromkeys(["veto", "block"], "veto"),
    # 'hit' is 'struck': a quake, a car, a missile that hit tells what one that struck does
    **dict.fromkeys(["attack", "strike", "hit", "bomb", "shell", "raid", "assault", "storm", "invade"], "attack"),
    **dict.fromkeys(["cut", "sever"], "cut"),
    **dict.fromkeys(["launch", "mount", "stage", "orchestrate", "perpetrate", "conduct"], "launch"),
    **dict.fromkeys(["discuss", "negotiate", "debate"], "discuss"),
    **dict.fromkeys(["urge", "demand", "request", "appeal"], "call for"),
    **dict.fromkeys(["accuse", "blame"], "accuse"),
    # a formal charge by the authorities, not a blame: 'charged with murder', 'indicted for fraud'
    **dict.fromkeys(["charge", "indict"], "charge"),
    # not 'dismiss', which news uses for a claim rejected and for a person fired ('was dismissed by Trump')
    **dict.fromkeys(["deny", "reject", "refute"], "deny"),
    **dict.fromkeys(["host", "welcome"], "host"),
    **dict.fromkeys(["invite"], "invite"),
    **dict.fromkeys(["release", "free", "liberate"], "release"),
    **dict.fromkeys(["evacuate"], "evacuate"),
    **dict.fromkeys(["participate", "attend", "join"], "participate"),
    **dict.fromkeys(["support", "back", "endorse", "sponsor"], "support"),
    **dict.fromkeys(["win", "elect", "clinch"], "win"),
    **dict.fromkeys(["defeat", "rout", "trounce", "thrash", "vanquish"], "defeat"),
    **dict.fromkeys(["die", "perish", "succumb"], "die"),
    **dict.fromkeys(["injure", "wound", "hurt"], "injure"),
    **dict.fromkeys(["arrest", "detain", "apprehend", "nab"], "arrest"),
    **dict.fromkeys(["escape", "flee", "abscond"], "escape"),
    **dict.fromkeys(["buy", "purchase", "acquire"], "buy"),
    **dict.fromkeys(["appoint", "hire", "recruit"], "appoint"),
    **dict.fromkeys(["resign", "quit"], "resign"),
    **dict.fromkeys(["sentence", "jail", "imprison"], "sentence"),
    **dict.fromkeys(["steal", "rob", "loot", "snatch", "pilfer"], "steal"),
    **dict.fromkeys(["explode", "detonate"], "explode"),
    **dict.fromkeys(["crash", "collide"], "crash"),
    **dict.fromkeys(["fall", "plunge", "tumble", "plummet"], "fall"),
    **dict.fromkeys(["hijack", "commandeer"], "hijack"),
    **dict.fromkeys(["marry", "wed"], "marry"),
    **dict.fromkeys(["enter"], "enter"),
    **dict.fromkeys(["shoot", "gun"], "shoot"),
    **dict.fromkeys(["foil", "thwart", "avert"], "foil"),
    **dict.fromkeys(["fix", "patch", "repair", "mend", "plug", "remedy", "rectify"], "fix"),
    # 'placed on injured reserve' / 'put on injured reserve'
    **dict.fromkeys(["place", "put"], "place"),
    **dict.fromkeys(["find", "discover", "locate"], "find"),
    **dict.fromkeys(["retain", "keep"], "retain"),
    **dict.fromkeys(["spark", "trigger", "provoke", "unleash"], "trigger"),
    # damage done to a thing, whatever its degree: 'badly damaged', 'nearly destroyed' and 'gutted' by one fire
    **dict.fromkeys(["destroy", "demolish", "raze", "obliterate", "damage", "devastate", "gut", "ravage", "wreck"],
                    "destroy"),
}
# what makes an act of violence a killing ('fatally injured', 'mortally wounded', 'stabbed to death', 'shot dead');
# 'dead' only after a shooting ('found dead' is no killing)
FATAL_ADVERBS = {"fatally", "mortally"}
VIOLENT_VERBS = {"injure", "shoot", "attack", "stab", "beat", "bludgeon", "strangle", "choke", "burn", "crush",
                 "trample", "maul", "batter", "club", "kick", "punch", "hack", "starve", "freeze", "bleed", "shell"}
# a verb with its particle, preposition or fixed object that news uses for one act: 'checked into a clinic'
# enters it, 'passed away' died, 'opened fire on' shot at; the prepositions, where given, carry the thing done to
PHRASAL_CLASSES: dict[tuple[str, str], tuple[str, str]] = {
    ("check", "into"): ("enter", "into"), ("check", "in"): ("enter", "into to"),
    ("pass", "away"): ("die", ""), ("gun", "down"): ("shoot", ""), ("open", "fire"): ("shoot", "on at"),
    ("keep", "up"): ("continue", ""), ("carry", "on"): ("continue", ""),
    # 'rushed out a patch', 'rolled out an update': put out; 'set a record' breaks the one before it; 'relieved of
    # his duties' is dismissed
    ("rush", "out"): ("release", ""), ("roll", "out"): ("release", ""), ("set", "record"): ("break", ""),
    ("relieve", "of"): ("fire", ""),
    # a shooting that 'touched off' riots triggered them
    ("touch", "off"): ("trigger", ""),
    # 'headed to a clinic' travels there ('headed the delegation' leads it; 'headed for a clash' and 'toward a deal'
    # go nowhere); 'pushed out an update' releases it; a fire that 'ripped through' a church damaged it
    ("head", "to"): ("visit", "to"), ("head", "into"): ("visit", "into"),
    ("push", "out"): ("release", ""),
    ("rip", "through"): ("destroy", "through"), ("tear", "through"): ("destroy", "through"),
    # a record passed, eclipsed, surpassed or topped is broken (a 'mark' is not: 'passed the 1,000 mark' reaches a
    # round number); a title defended is kept; a vote cast is a vote; a sentence handed to someone sentences them
    **{(verb, "record"): ("break", "") for verb in ("pass", "eclipse", "surpass", "top")},
    **{("defend", title): ("retain", "") for title in ("title", "crown", "belt")},
    ("cast", "vote"): ("vote", ""), ("cast", "ballot"): ("vote", ""), ("hand", "sentence"): ("sentence", ""),
    # a software flaw addressed, resolved or closed is fixed ('a patch that closes the hole')
    **{(verb, flaw): ("fix", "") for verb in ("address", "resolve", "close")
       for flaw in ("flaw", "vulnerability", "bug", "hole", "loophole", "glitch", "exploit")},
}
# phrasal verbs whose preposition the parser may hang on the verb's object: 'relieved Cheeks of his duties'
ON_OBJECT = {("relieve", "of")}
# nouns that name an event; a date attached to one dates the event ("the May 3 raid")
EVENT_NOUNS: dict[str, str] = {
    **dict.fromkeys(["attack", "assault", "raid", "strike", "airstrike", "bombing", "incursion", "offensive",
                     "invasion", "ambush", "rampage"], "attack"),
    **dict.fromkeys(["shooting", "explosion", "blast", "massacre", "killing", "murder", "assassination", "slaying",
                     "homicide"], "kill"),
    **dict.fromkeys(["riot", "protest", "demonstration", "uprising", "clash", "unrest"], "riot"),
    **dict.fromkeys(["election", "vote", "referendum", "ballot", "poll", "primary"], "election"),
    **dict.fromkeys(["visit", "trip", "arrival", "tour"], "visit"),
    **dict.fromkeys(["meeting", "talks", "negotiation", "negotiations", "summit", "conference", "session", "hearing"], "meet"),
    **dict.fromkeys(["earthquake", "quake", "tsunami", "storm", "hurricane", "flood", "fire", "crash", "collision",
                     "eruption", "outbreak"], "disaster"),
    **dict.fromkeys(["war", "conflict", "fighting"], "war"),
    **dict.fromkeys(["arrest", "detention"], "arrest"),
    **dict.fromkeys(["theft", "robbery", "heist", "burglary"], "steal"),
    **dict.fromkeys(["indictment"], "charge"),
    **dict.fromkeys(["expulsion", "deportation"], "expel"),
    **dict.fromkeys(["release"], "release"),
    **dict.fromkeys(["evacuation"], "evacuate"),
    **dict.fromkeys(["kidnapping", "abduction"], "hold captive"),
    **dict.fromkeys(["ceasefire", "truce", "agreement", "deal", "accord"], "agreement"),
    **dict.fromkeys(["resignation"], "resign"), **dict.fromkeys(["launch"], "launch"),
    **dict.fromkeys(["death"], "die"), **dict.fromkeys(["veto"], "veto"),
}
# nouns for what kills without being a killer: an event, a weapon, a force of nature, an illness ('the blast killed
# two' tells what 'two died in the blast' does; 'a gunman killed two' names a killer)
CAUSE_NOUNS = {n for n, cls in EVENT_NOUNS.items() if cls in ("attack", "kill", "disaster", "war", "riot")} | {
    "bomb", "device", "explosive", "missile", "rocket", "shell", "grenade", "mine", "landmine", "drone", "blaze",
    "wildfire", "inferno", "avalanche", "landslide", "mudslide", "tornado", "cyclone", "typhoon", "wave", "heat",
    "cold", "virus", "disease", "illness", "cancer", "infection", "overdose", "collapse", "accident", "wreck",
    "derailment", "stampede", "fumes", "smoke", "gas", "flooding", "floods", "storms", "explosions", "bombs",
    "blasts", "attacks", "strikes", "airstrikes", "shelling", "gunfire", "bullet", "bullets", "gunshot", "gunshots",
    "shot", "shots", "gun"}
# acts always done to someone or something: their past participle with a subject and no auxiliary is a passive
# cut short, as headlines and small clauses write it ('Teen killed by police', 'with 23,000 people killed')
DONE_TO = {"kill", "injure", "arrest", "charge", "sentence", "steal", "destroy", "hold captive", "hijack", "evacuate",
           "expel", "summon", "appoint", "accuse", "attack", "shoot", "cut", "foil"}
REFLEXIVE = {"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"}
# "ask X to expel Y", "call for the expulsion of Y": the request names the act requested
REQUEST_VERBS = {"ask", "urge", "call", "demand", "request", "appeal", "press", "push", "order", "instruct", "tell"}
OBJECT_CONTROL = {"ask", "urge", "call", "press", "order", "instruct", "tell", "force", "allow", "invite",
                  "persuade", "encourage", "help", "push", "expect", "want", "request"}
# prepositions that carry the object of some predicates ("met with", "called for", "arrived in")
PREP_OBJECTS = {"meet": ("with",), "visit": ("in", "to", "at"), "call for": ("for",), "participate": ("in",),
                "attack": ("on", "against"), "discuss": ("about", "on"), "talk": ("with", "about"),
                "accuse": ("of",), "vote": ("for", "against"), "summon": ("to",)}
ROLE_NOUNS = {"member", "head", "leader", "chief", "spokesman", "spokeswoman", "spokesperson", "minister",
              "official", "deputy", "president", "representative", "envoy", "ambassador", "diplomat", "director",
              "secretary", "chairman", "chair", "commander", "adviser", "advisor", "aide", "founder", "officer",
              "governor", "mayor", "senator", "lawmaker", "prosecutor", "judge", "general", "premier", "king",
              "analyst", "expert", "correspondent", "editor", "reporter", "ceo", "executive", "figure"}
# the possessive after a name ("Trump's advisers", "Reid 's rep" in tokenized text): the one named owns the phrase
# and is not whom it refers to
POSSESSIVE = re.compile(r"\s?['’]s?\b")


def predicate_class(lemma: str) -> str:
    """The sense class of a verb's lemma (the lemma itself when no group holds it)."""
    lemma = lemma.lower()
    if lemma not in PREDICATE_CLASSES and lemma.endswith("s") and lemma[:-1] in PREDICATE_CLASSES:
        lemma = lemma[:-1]     # a headline verb tagged as a plural noun keeps its '-s' ('Shooting kills 1')
    return PREDICATE_CLASSES.get(lemma, lemma)


def phrasal_class(lemma: str, children) -> Optional[tuple[str, str, bool]]:
    """The sense of a verb with its particle, preposition or fixed object among its parse children ('check into',
    'pass away', 'open fire'), the prepositions that carry its object, and whether the match was the verb's
    object itself (then part of the verb: 'fire' is no thing done to); None for no phrasal verb."""
    children = list(children)
    # a verb's particle makes its phrasal verb: 'carried out a raid on the town' is no 'carry on'
    links = ("prt",) if any(c.dep_ == "prt" for c in children) else ("prt", "prep")
    for c in children:
        # an object of several ('defended the WBA, WBO and IBF titles') is read by each of its parts
        words = [c.lower_] if c.dep_ in links else [c.lemma_.lower(), *(x.lemma_.lower() for x in c.conjuncts)] \
            if c.dep_ == "dobj" else []
        for word in words:
            if (lemma, word) in PHRASAL_CLASSES:
                return (*PHRASAL_CLASSES[(lemma, word)], c.dep_ == "dobj")
        if c.dep_ == "dobj":
            for g in c.children:
                if g.dep_ == "prep" and (lemma, g.lower_) in ON_OBJECT:
                    return (*PHRASAL_CLASSES[(lemma, g.lower_)], False)   # the object stays the one done to
    return None
