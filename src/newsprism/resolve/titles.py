"""Titles, offices and honorifics around a name: the words that go to a mention's role, never into
its name, and the cutting of an entity span down to the name ("Deputy Foreign Minister Ana Ruiz"
-> "Ana Ruiz", role "Deputy Foreign Minister"; "Ruiz's" -> "Ruiz"; "Saudi-led" -> "Saudi").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from ..parse import text_of
from ..lexicon.dates import MONTHS, WEEKDAYS
from .names import ORG_HEADS, country_code, demonym_code, introduced_as_press, nationality_code

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
# Nationalities ("Chilean Foreign Minister") and capitalised institutions or seats of government
# before a title ("Senate Majority Leader", "Elysee spokesman") are recognised by rule, not listed.
ROLE_MODIFIERS = frozenset({
    "foreign", "deputy", "prime", "vice", "acting", "former", "then", "ex", "interim", "first", "second",
    "senior", "assistant", "executive", "general", "state", "defence", "defense", "interior", "finance",
    "health", "justice", "economy", "trade", "energy", "national", "security", "chief", "supreme", "grand",
    "press", "political", "bureau", "affairs", "special", "top", "of", "the", "for", "to",
    "-", "at", "large", "armed", "forces", "staff", "joint", "minority", "majority", "party", "opposition",
    "lord", "high", "labour", "conservative",
    "ministry", "department", "office", "agency", "council", "committee", "tory", "liberal", "democratic",
    "republican", "communist", "cabinet", "army", "navy", "police", "military",
})
# Lowercase words that may qualify an organisation's head noun ("the Chilean foreign ministry").
ORG_MODIFIERS = frozenset({
    "foreign", "defence", "defense", "interior", "health", "justice", "finance", "education", "state",
    "intelligence", "security", "energy", "trade", "economy", "economic", "environment", "transport",
    "agriculture", "culture", "labour", "labor", "treasury", "homeland", "emergency", "emergencies",
    "information", "communications", "prosecutor's", "prosecutor", "press", "presidential", "federal",
})

# a courtesy title or a word for a man or a woman right before a name, with at most a comma between: what sex the
# report tells its bearer ('Mr. Jackson', 'his wife, Sandra Jackson')
_SEX_BEFORE = re.compile(r"\b(mr|mrs|ms|miss|sir|dame|lady|madam|wife|husband|mother|father|daughter|son|sister|"
                         r"brother|widow|widower|girlfriend|boyfriend|grandmother|grandfather|aunt|uncle|niece|"
                         r"nephew|actress|actor|congresswoman|congressman|spokeswoman|spokesman|chairwoman|chairman|"
                         r"businesswoman|businessman|queen|king|princess|prince|woman|man|girl|boy)\.?,?\s+$", re.I)
FEMALE_WORDS = frozenset({"mrs", "ms", "miss", "dame", "lady", "madam", "wife", "mother", "daughter", "sister", "widow",
                          "girlfriend", "grandmother", "aunt", "niece", "actress", "congresswoman", "spokeswoman",
                          "chairwoman", "businesswoman", "queen", "princess", "woman", "girl"})


def sex_before(text: str, start: int) -> Optional[str]:
    """'m' or 'f' where a courtesy title or a word for a man or a woman stands right before `start`, else None."""
    m = _SEX_BEFORE.search(text, max(0, start - 30), start)
    return None if m is None else "f" if m.group(1).lower() in FEMALE_WORDS else "m"


# the tags of a verb that ends a headline's sentence ('... Dies', '... Says', '... Charged')
HEADLINE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBN"})
# A nationality or name glued to a participle is an attribute, not a name: "Kazakh-run", "Saudi-led".
_COMPOUND_TAIL = re.compile(
    r"-(?:run|backed|owned|led|based|born|funded|controlled|made|allied|aligned|held|occupied|speaking|"
    r"style|era|linked|affiliated|sponsored|brokered|bound|built|flagged|registered|friendly)$")
# Titles that take a portfolio word before them: "Transport Minister", "Labor Secretary".
PORTFOLIO_TITLES = frozenset({"minister", "ministers", "secretary", "commissioner", "ministry"})
# Title words that also begin other names ("St Petersburg", "Major League", "Crown Estate") or
# that news does not set before a bare name: no untagged name is looked for after them.
NOT_BEFORE_NAMES = frozenset({"st", "saint", "head", "member", "official", "leader", "chief", "crown",
                              "chair", "general", "major", "justice", "speaker", "officer", "founder"})


@dataclass
class Candidate:
    """A mention found in the parse: its span, label and role, and later its cluster."""

    start: int
    end: int
    label: str
    role: Optional[str] = None
    sent_start: bool = False
    cluster: int = -1


def norm_word(t: Token) -> str:
    return t.lower_.replace(".", "").replace("’", "'")


def is_titleish(t: Token) -> bool:
    """A word of a title or its qualifiers: 'Deputy', 'Minister', 'of', 'Transport', 'Chilean', "Chile's"."""
    w = norm_word(t)
    return (w in TITLES or w in ROLE_MODIFIERS or w in ORG_MODIFIERS or w in {"'s", "'"}
            or (t.text[:1].isupper() and nationality_code(t.text) is not None))


def _is_institution(t: Token) -> bool:
    """A capitalised proper noun that can qualify a title: an institution or a seat of government
    ('Senate Majority Leader', 'Elysee spokesman', 'UN envoy'), never a date or a person."""
    return (t.text[:1].isupper() and t.pos_ == "PROPN" and t.is_alpha
            and t.ent_type_ not in ("DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL"))


def _role_before(sdoc: Doc, i: int) -> tuple[int, Optional[str]]:
    """Title words right before token i ('Deputy Foreign Minister of Chile', 'then-President',
    'Senate Majority Leader'): the role's start offset and text, or (i's offset, None) when there
    is none."""
    j = i
    has_title = False
    institutions = 0
    while j > 0:
        t = sdoc[j - 1]
        if "\n" in t.text or "\n" in t.whitespace_:
            break
        if not is_titleish(t):
            # an institution right before the title words ("Elysee spokesman"), up to three words
            if has_title and institutions < 3 and _is_institution(t):
                institutions += 1
                j -= 1
                continue
            break
        if institutions:
            break
        if norm_word(t) in {"'s", "'"}:
            # "Chile's ambassador" reads as a role; "Acme's director" too
            if j - 2 >= 0 and (nationality_code(sdoc[j - 2].text) or sdoc[j - 2].text[:1].isupper()):
                j -= 1
                continue
            break
        has_title = has_title or norm_word(t) in TITLES
        j -= 1
    # the role never starts with glue words
    while j < i and norm_word(sdoc[j]) in {"of", "the", "-", "to", "for", "at", "'s", "'"}:
        j += 1
    if not has_title or j >= i:
        return sdoc[i].idx, None
    return sdoc[j].idx, sdoc[j:i].text


def person_like(toks: Sequence[Token]) -> bool:
    """Two to four capitalised proper nouns, none a title word, an acronym or a nationality: how
    news writes a person's name after a title ("Deputy Minister of Transport Ana Ruiz")."""
    if not 2 <= len(toks) <= 4:
        return False
    for t in toks:
        if not (t.text[:1].isupper() and t.pos_ == "PROPN" and t.text[:1].isalpha() and not t.text.isupper()):
            return False
        if is_titleish(t) or t.lower_ in ORG_HEADS or nationality_code(t.text):
            return False
    return True


def is_date(toks: Sequence[Token]) -> bool:
    """A span of only day numbers, years, ordinals and month or weekday names, with at least one number
    and one month or weekday ('10 September', 'Monday 7 March', 'September 2023'); 'May' alone is a name."""
    calendar = number = False
    for t in toks:
        w = t.lower_.strip(".")
        if w in MONTHS or w.rstrip("s") in WEEKDAYS:
            calendar = True
        elif t.like_num or re.fullmatch(r"\d{1,2}(st|nd|rd|th)", w):
            number = True
        elif w not in ("of", "the", ",", "-"):
            return False
    return calendar and number


def trim(sdoc: Doc, tokens: Sequence[Token], label: str) -> Optional[Candidate]:
    """Cut an entity span down to the name: no leading 'the', no title, no possessive. A span of
    any type that is a title followed by a person's name ("Transport Ana Ruiz" after "Minister of",
    tagged ORG) becomes that person, the title words going to the role."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or toks[0].is_space or norm_word(toks[0]) in {"the", "a", "an"}):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space or norm_word(toks[-1]) in {"'s", "'"}):
        toks = toks[:-1]
    # a headline's verb read into the name ('Esther Williams Dies', 'Driver Charged'): no person's name ends in a
    # verb, nor any name in a verb of the present ('Newcastle United' may be tagged a participle)
    while len(toks) > 1 and (toks[-1].is_punct or (toks[-1].lemma_.lower() != toks[-1].lower_ and (
            toks[-1].tag_ == "VBZ" or (label == "PERSON" and toks[-1].tag_ in HEADLINE_VERB_TAGS)))):
        toks = toks[:-1]   # (an inflected verb only: 'David Haye' may be tagged a verb too)
    if not toks:
        return None
    role: Optional[str] = None
    role_start: Optional[int] = None
    # leading title words: "Foreign Minister Ana Ruiz", "Mr Kim", "Senate Majority Leader Ana Ruiz"
    k = 0
    while k < len(toks) - 1 and (is_titleish(toks[k]) or (
            k + 1 < len(toks) - 1 and _is_institution(toks[k]) and is_titleish(toks[k + 1]))):
        k += 1
    titled = k > 0 and any(norm_word(t) in TITLES for t in toks[:k])
    if label != "PERSON" and norm_word(toks[0]) in NOT_BEFORE_NAMES:
        k = 0   # "Major League Baseball", "Crown Estate Commissioners": a name, not a title
    if k and (label == "PERSON" or not any(t.lower_ in ORG_HEADS for t in toks)):
        before_start, before = _role_before(sdoc, toks[0].i)
        rest = toks[k:]
        if (label == "PERSON" and (titled or (before and person_like(rest)))) or \
                (label != "PERSON" and (titled or before) and person_like(rest)):
            role_start = before_start if before else toks[0].idx
            role = "title"
            toks = rest
            label = "PERSON"
    elif label != "PERSON" and toks[0].i > 0 and norm_word(sdoc[toks[0].i - 1]) in TITLES \
            and sdoc[toks[0].i - 1].text[:1].isupper() and person_like(toks) \
            and not any(t.lower_ in ORG_HEADS for t in toks):
        label = "PERSON"   # "Mayor Ana Ruiz" with the name tagged LOC
    if label == "PERSON" and role is None:
        rs, r = _role_before(sdoc, toks[0].i)
        if r:
            role_start, role = rs, r
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text)
    text = text_of(sdoc)[start:end]
    # possessive or quote glued to the last token ("Acme’", "Ruiz's"), participle glued by a hyphen
    m = re.search(r"(?:['’]s|(?<=s)['’]|['’\"”])$", text) or _COMPOUND_TAIL.search(text)
    if m and m.start() > 0:
        end = start + m.start()
    text = text_of(sdoc)[start:end]
    if not text or not any(c.isupper() for c in text) or len(text.strip()) < 2:
        return None
    if all(norm_word(t) in TITLES for t in toks):
        return None  # "President", "the Ambassador": a role without a name
    if is_date(toks):
        return None  # "10 September", "September 2023": a date, whatever label the tagger gave it
    if label == "PERSON" and all(norm_word(t) in TITLES or norm_word(t) in ROLE_MODIFIERS for t in toks):
        return None
    if label in ("PERSON", "WORK_OF_ART", "PRODUCT") and introduced_as_press(text_of(sdoc), start, end):
        label = "ORG"    # "the newspaper X", "X newspaper": a news organisation named by what it is
    elif " " not in text and demonym_code(text) and not country_code(text):
        label = "NORP"   # "Kazakh" in "Kazakh firms" is a nationality, whatever spaCy tagged
    elif label in ("ORG", "LOC", "FAC", "PRODUCT", "WORK_OF_ART") and country_code(text):
        label = "GPE"    # "Chile's" tagged ORG: a country is one place, whatever it stands for
    elif label == "PERSON" and len(toks) == 1 and toks[0].i > 0 and sdoc[toks[0].i - 1].lower_ == "the" \
            and role is None:
        label = "LOC"    # "the Danube": a person's name takes no article; a river, a sea, a building does
    elif label == "PERSON" and toks[-1].like_num:
        label = "FAC"    # "Pier 3", "Gate 2": numbered places are not people
    sent_start = toks[0].is_sent_start or (toks[0].i > 0 and "\n" in sdoc[toks[0].i - 1].text + sdoc[toks[0].i - 1].whitespace_)
    if role is not None and role_start is not None:
        role = text_of(sdoc)[role_start: toks[0].idx].strip(" ,-")
    return Candidate(start, end, label, role or None, bool(sent_start))
