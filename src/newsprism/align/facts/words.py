"""What the fact ledger knows of English news wording: stop words, titles, the words that say what happened to
a counted thing, the order of a series, and a crude stem. Knowledge, not thresholds (those are in Config)."""
from __future__ import annotations

import functools
import re

from ...lexicon.predicates import EVENT_NOUNS
from ...extract.quantities import ROLES
from ...lexicon.dates import MONTH

# where a sentence may end: a full stop (closing quotes after it) before a capital, or a line break
_FULL_STOP = r"[.!?][\"'”’)]*(?=\s+[\"“‘'(]?[A-Z0-9])"
SENTENCE_END = re.compile(_FULL_STOP + r"|\n")
# ... and no full stop after a title or an initial ('Mr. Jackson', 'Jesse L. Jackson'), where who a sentence names
# matters
SENTENCE_END_PAST_TITLES = re.compile("".join(rf"(?<!\b{t})" for t in ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Rep",
                                                                      "Sen", "Gov", "Gen", "[A-Z]"))
                                      + _FULL_STOP + r"|\n")

# words that place a counted stretch in its series: 'the last 10 games' and 'the next 10 games' are two stretches
ORDER_MODS = {"last": "last", "past": "last", "previous": "last", "recent": "last", "next": "next",
              "coming": "next", "remaining": "next", "first": "first", "opening": "first", "final": "final"}
# verbs that only link a figure to what it counts ("the toll is 50"): they say nothing about which count
LINK_PREDICATES = {"be", "have", "include", "say", "become", "remain", "get", "make", "take", "give", "do"}
EVENT_CLASSES = sorted(set(EVENT_NOUNS.values()))
# verbs that only say an event began or ended ("talks began in March"): the event is their subject
ASPECT_VERBS = {"begin": "start", "start": "start", "open": "start", "commence": "start",
                "end": "end", "conclude": "end", "finish": "end", "close": "end"}
# words that open a title before a name ("Deputy", "Dr", the ministry in "Minister of Transport X")
TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "sheikh", "vice", "deputy", "acting", "former", "then",
          "transport", "trade", "foreign", "interior", "defence", "defense", "finance", "prime"}
FUNCTIONAL = {"lead"}        # one value per slot: a delegation has one leader
STATEMENT_PREDICATES = {"say"}   # verbs whose content is the statement they report, not their subject
# verbs of a state of mind: 'I don't know who that is' and 'he had not known about the messages' tell no one
# happening; like a statement, two are one only where they say the same thing
MIND_PREDICATES = {"think", "know", "believe", "hear", "understand", "feel", "hope", "want", "wish", "expect",
                   "fear", "doubt", "realize", "realise", "remember", "forget", "guess", "suppose", "wonder"}
STOP = set("""a an the of to in on at for by with from and or but as is was were are be been being has have had
that this these those which who whom whose what it its their his her they them he she we our you your i not no
than then there here also said says say told according would will could may might can should must just only about
over more than at least nearly almost some around up under fewer less into after before since while when where
during per s one two three four five six seven eight nine ten hundred thousand million billion dozen dozens
hundreds thousands millions""".split())
# inflected forms of the verbs and nouns that say what happened to the counted ("killed", "dead", "deaths")
ROLE_WORDS = {form: "~" + role for lemma, role in ROLES.items() if role
              for form in (lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing", lemma.rstrip("e") + "ed",
                           lemma.rstrip("e") + "ing")}
ROLE_WORDS.update({"died": "~killed", "dying": "~killed", "dead": "~killed", "deaths": "~killed",
                   "killed": "~killed", "wounded": "~injured", "injured": "~injured", "injuries": "~injured"})
# a figure followed by "of (their) (last) 10": a part of another figure of the same noun
PARTITIVE = re.compile(r"\s+of\s+(?:(?:the|their|its|his|her|our|these|those|all)\s+)?(?:[a-z]+\s+)?(?:\d|"
                       r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred)\b)", re.I)
# a figure said to count a thing apart from the one told ('launched a separate $5 million ad'); 'another' and
# 'additional' are not: they add to what their report told before, which other reports may tell as the same
# figure ('another 201 yards on 29 catches' / 'caught 29 passes for 201 yards')
SEPARATE = re.compile(r"\b(?:separate|distinct|unrelated)\s+(?:[a-z]+\s+)?\W*$", re.I)
EXPLICIT_DATE = re.compile(r"\d|\b" + MONTH, re.I)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")     # a time value naming one calendar day ('2011-06-17', '2011-06-17TMO')
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")    # a word of a clause, apostrophes and hyphens kept
PRONOUNS = {"he", "she", "it", "they", "who", "which", "that", "this", "what", "we", "i", "you", "them", "those",
            "these", "there", "itself", "himself", "herself", "themselves", "him", "her", "me", "us", "one"}
MONTHS_DAYS = re.compile(MONTH + r"$|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?$|"
                         r"(today|yesterday|tomorrow|week|morning|evening|night|earlier|later|ago)$")


def stem(w: str) -> str:
    """A crude common stem, so that 'showed'/'shows', 'e-mails'/'emails', 'arrived'/'arrive' meet."""
    w = w.replace("-", "").replace("'", "").replace("’", "")
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("ed", "es")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


# one clause is read by several rules (its words, its topic, its content): kept for one ledger run, which
# clears it at its end (a bounded cache thrashed once a corpus had more clauses than it held: the topic pass
# reads every claim before the event pass reads them again)
@functools.lru_cache(maxsize=None)
def content_words(text: str) -> frozenset[str]:
    """The content words of a clause, lower-cased, a plural or possessive 's' cut."""
    return frozenset(re.sub(r"(['’]s|s)$", "", w) if len(w) > 3 else w
                     for w in (m.lower() for m in WORD.findall(text)) if w not in STOP and len(w) >= 3)
