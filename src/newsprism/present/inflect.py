"""English verb and noun forms for headings: 'praise' -> 'praised', 'lead' -> 'led', 'citizen' -> 'citizens'.

Only what headings need: the ledger gives predicate lemmas and counted nouns; a heading states them as a
reporter would ('Israel called for expelling the delegation', 'How many Russian citizens were killed').
Regular rules plus the irregular verbs news uses; no dictionary lookups.
"""
from __future__ import annotations

import re

# irregular verbs: lemma -> (past, past participle)
IRREGULAR: dict[str, tuple[str, str]] = {
    "be": ("was", "been"), "have": ("had", "had"), "do": ("did", "done"), "say": ("said", "said"),
    "make": ("made", "made"), "go": ("went", "gone"), "take": ("took", "taken"), "come": ("came", "come"),
    "see": ("saw", "seen"), "know": ("knew", "known"), "get": ("got", "got"), "give": ("gave", "given"),
    "find": ("found", "found"), "think": ("thought", "thought"), "tell": ("told", "told"),
    "become": ("became", "become"), "leave": ("left", "left"), "feel": ("felt", "felt"),
    "bring": ("brought", "brought"), "begin": ("began", "begun"), "keep": ("kept", "kept"),
    "hold": ("held", "held"), "write": ("wrote", "written"), "stand": ("stood", "stood"),
    "hear": ("heard", "heard"), "let": ("let", "let"), "mean": ("meant", "meant"), "set": ("set", "set"),
    "meet": ("met", "met"), "run": ("ran", "run"), "pay": ("paid", "paid"), "sit": ("sat", "sat"),
    "speak": ("spoke", "spoken"), "lead": ("led", "led"), "grow": ("grew", "grown"), "lose": ("lost", "lost"),
    "fall": ("fell", "fallen"), "send": ("sent", "sent"), "build": ("built", "built"),
    "understand": ("understood", "understood"), "draw": ("drew", "drawn"), "break": ("broke", "broken"),
    "spend": ("spent", "spent"), "cut": ("cut", "cut"), "rise": ("rose", "risen"), "drive": ("drove", "driven"),
    "buy": ("bought", "bought"), "wear": ("wore", "worn"), "choose": ("chose", "chosen"),
    "seek": ("sought", "sought"), "throw": ("threw", "thrown"), "catch": ("caught", "caught"),
    "deal": ("dealt", "dealt"), "win": ("won", "won"), "fight": ("fought", "fought"), "sell": ("sold", "sold"),
    "strike": ("struck", "struck"), "shoot": ("shot", "shot"), "flee": ("fled", "fled"), "fly": ("flew", "flown"),
    "hit": ("hit", "hit"), "put": ("put", "put"), "quit": ("quit", "quit"), "spread": ("spread", "spread"),
    "steal": ("stole", "stolen"), "forbid": ("forbade", "forbidden"), "forget": ("forgot", "forgotten"),
    "bear": ("bore", "borne"), "swear": ("swore", "sworn"), "undertake": ("undertook", "undertaken"),
    "withdraw": ("withdrew", "withdrawn"), "overtake": ("overtook", "overtaken"), "shake": ("shook", "shaken"),
    "sink": ("sank", "sunk"), "bite": ("bit", "bitten"), "hide": ("hid", "hidden"), "lay": ("laid", "laid"),
    "light": ("lit", "lit"), "bind": ("bound", "bound"), "slay": ("slew", "slain"), "wake": ("woke", "woken"),
}
# verbs of two or more syllables stressed on the last one double their final consonant ('expelled')
DOUBLING = {"expel", "compel", "propel", "repel", "admit", "commit", "omit", "permit", "submit", "transmit",
            "control", "patrol", "refer", "prefer", "occur", "incur", "deter", "regret", "equip", "rebel",
            "abet", "acquit", "confer", "infer", "transfer", "outstrip", "embed", "upset", "forget", "begin"}
_VOWELS = "aeiou"
# nouns that are plural already or take no -s
UNCOUNTED = {"people", "police", "staff", "personnel", "cattle", "children", "men", "women", "sheep", "aircraft"}


def _doubles(verb: str) -> bool:
    if verb in DOUBLING:
        return True
    # one syllable ending consonant-vowel-consonant: 'ban' -> 'banned', but not 'visit', 'meet', 'show'
    return (len(re.findall(r"[aeiouy]+", verb)) == 1 and len(verb) >= 3 and verb[-1] not in _VOWELS + "wxy"
            and verb[-2] in _VOWELS and verb[-3] not in _VOWELS)


def past(verb: str) -> str:
    """'praise' -> 'praised', 'lead' -> 'led', 'ban' -> 'banned', 'carry' -> 'carried'."""
    v = verb.lower()
    if v in IRREGULAR:
        return IRREGULAR[v][0]
    if v.endswith("e"):
        return v + "d"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ied"
    if _doubles(v):
        return v + v[-1] + "ed"
    return v + "ed"


def participle(verb: str) -> str:
    """'take' -> 'taken', 'host' -> 'hosted'."""
    v = verb.lower()
    return IRREGULAR[v][1] if v in IRREGULAR else past(v)


def gerund(verb: str) -> str:
    """'expel' -> 'expelling', 'praise' -> 'praising', 'see' -> 'seeing', 'die' -> 'dying'."""
    v = verb.lower()
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    if _doubles(v) and v not in IRREGULAR:
        return v + v[-1] + "ing"
    return v + "ing"


def plural(noun: str) -> str:
    """'citizen' -> 'citizens', 'casualty' -> 'casualties', 'people' stays; a plural is kept."""
    low = noun.lower()
    if low in ("man", "woman", "child"):
        return noun[:-len(low)] + {"man": "men", "woman": "women", "child": "children"}[low]
    if low in UNCOUNTED or (low.endswith("s") and not low.endswith("ss")):
        return noun
    if re.search(r"[^aeiou]y$", low):
        return noun[:-1] + "ies"
    if low.endswith(("ss", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"
