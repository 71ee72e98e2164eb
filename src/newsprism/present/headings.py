"""A fact's heading as a reporter would write it, built from the ledger's `about` and the fact's claims.

The ledger names a fact by its parts: 'Number of citizen killed', 'Hamas praise Vladimir Putin',
'Israel call for expel delegation'. A reader needs a phrase or a question:

- counts become 'How many Russian citizens were killed' (the counted noun keeps the modifier the
  documents give it, as written);
- events become a clause in the past tense, 'Israel called for expelling the delegation', or, with no
  doer named, a passive one ('The delegation was hosted');
- statements become 'What the Russian Foreign Ministry said';
- 'When ...' and 'Who ...' headings are already questions and stay as they are.

Everything comes from the Analysis; nothing here reads the article text except the claims' own words.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional, Sequence

from ..model import Analysis, Claim, Fact, Position
from .inflect import gerund, participle, past, plural

CURRENCIES = ("USD", "EUR", "GBP", "JPY", "RUB", "ILS")
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}
# what happened to the counted, as a passive phrase ('How many people were taken hostage')
ROLE_PHRASE = {"hostage": "taken hostage", "votes": "", "missing": "missing", "laid off": "laid off"}
# sense phrases whose second word introduces the act requested ('call for expel' -> 'called for expelling')
REQUEST_SENSES = ("call for",)
# senses the ledger gives an event besides its claims' predicates: a killing with no killer told is a death
LEDGER_SENSES = ("die",)
# predicate classes that report speech: the heading asks what was said
STATEMENTS = {"say"}
# the last word of a body's name that takes 'the' ('the Russian Foreign Ministry', 'the Gaza Strip')
THE_HEADS = {"ministry", "department", "office", "council", "agency", "committee", "army", "forces", "government",
             "union", "nations", "states", "strip", "bank", "court", "police", "parliament", "assembly", "kremlin",
             "authority", "authorities", "commission", "service", "services", "guard", "party", "movement",
             "front", "brigade", "brigades", "navy", "corps", "senate", "house", "cabinet", "administration"}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _is_name(words: str) -> bool:
    return bool(words) and words[:1].isupper()


def _noun_phrase(a: Analysis, words: str) -> str:
    """'delegation' -> 'the delegation'; 'Hamas' stays; 'Russian Ministry of Foreign Affairs' -> 'the Russian …'."""
    w = words.strip()
    if not w:
        return ""
    if not _is_name(w):
        return w if re.match(r"^(the|a|an|his|her|its|their)\b", w, re.I) else "the " + w
    last = w.split()[-1].lower()
    if " of " in w or last in THE_HEADS:
        return "the " + w
    return w


def _predicate(f: Fact) -> Optional[str]:
    preds = Counter(c.predicate for c in f.claim_objects if c.predicate)
    if not preds:
        return None
    # the longest first among the commonest: 'call for expel' before 'call for'
    return max(preds, key=lambda p: (preds[p], len(p)))


def _verb_phrase(sense: str, tense: str) -> str:
    """'praise' -> 'praised'; 'call for expel' -> 'called for expelling'; 'express outrage' -> 'expressed outrage'."""
    words = sense.split()
    form = past if tense == "past" else participle if tense == "participle" else (lambda w: w)
    head = form(words[0])
    rest = words[1:]
    for req in REQUEST_SENSES:
        if sense.startswith(req + " ") and len(words) > len(req.split()):
            n = len(req.split())
            return " ".join([form(words[0])] + words[1:n] + [gerund(words[n])] + words[n + 1:])
    return " ".join([head] + rest)


def _doer(words: str) -> bool:
    """A named or nominal doer; a lone '-ing' or '-ly' word is a description the parse took for a subject."""
    w = words.strip()
    return bool(w) and not (len(w.split()) == 1 and re.search(r"(ing|ly)$", w) and w.islower())


def _object(a: Analysis, obj: str, claims: Sequence[Claim]) -> str:
    """The thing done to; a common noun the documents write in the plural stays a bare plural
    ('maintained contacts'), any other takes 'the'."""
    if obj and not _is_name(obj) and " " not in obj:
        for c in claims:
            m = re.search(r"\b" + re.escape(obj) + r"(s|es)\b", c.object_text or "", re.I)
            if m:
                return obj + m.group(1)
    return _noun_phrase(a, obj)


def event_heading(a: Analysis, about: str, sense: str, claims: Sequence[Claim] = ()) -> Optional[str]:
    """'Hamas praise Vladimir Putin' with sense 'praise' -> 'Hamas praised Vladimir Putin'."""
    at = f" {about} ".find(f" {sense} ")
    if at < 0:
        return None
    subj, obj = about[:at].strip(), about[at + len(sense):].strip()
    # the ledger marks what did not happen ('X not enter Y') and what is to come ('X to visit Y')
    standing = next((w for w in ("not", "to") if subj == w or subj.endswith(" " + w)), None)
    if standing:
        subj = subj[:-len(standing)].strip()
    if sense in STATEMENTS:
        return f"What {_noun_phrase(a, subj)} said" if _doer(subj) and not standing else None
    if _doer(subj):
        verb = {"not": "did not " + _verb_phrase(sense, "base"), "to": "is to " + _verb_phrase(sense, "base")
                }.get(standing or "", _verb_phrase(sense, "past"))
        return _cap(" ".join(x for x in (_noun_phrase(a, subj), verb, _object(a, obj, claims)) if x))
    if obj:
        be = {"not": "was not", "to": "is to be"}.get(standing or "", "was")
        return _cap(f"{_noun_phrase(a, obj)} {be} {_verb_phrase(sense, 'participle')}")
    return None


# -- counts --------------------------------------------------------------------------------------

def counted_phrase(claims: list[Claim], noun: str) -> str:
    """The counted noun with the modifier the documents give it, as written: 'Russian citizens' for
    'at least 23 Russian citizens'; the plural of the noun when no claim shows it."""
    found: Counter[str] = Counter()
    stem = re.escape(noun[:max(3, len(noun) - 2)])
    for c in claims:
        v = c.value
        if v is None or not v.text:
            continue
        mods = {m.lower() for m in (v.slot.mods if v.slot else [])}
        at = c.text.find(v.text)
        if at < 0:
            continue
        after = c.text[at + len(v.text):at + len(v.text) + 80]
        m = re.match(r"[\s-]+(?:of\s+)?((?:[\w'’-]+\s+){0,3}?)(" + stem + r"[\w'’-]*)", after, re.I)
        if not m:
            continue
        kept = [w for w in m.group(1).split() if w.lower() in mods and w[:1].isupper()]
        # a count above one is written with its plural already ('12 crew', '300 people'); one is made plural
        head = m.group(2) if v.amount is not None and v.amount > 1 else plural(m.group(2))
        found[" ".join(kept + [head])] += 1
    if found:
        return max(found, key=lambda k: (found[k], len(k)))
    return plural(noun)


def figure_heading(f: Fact) -> Optional[str]:
    claims = [c for c in f.claim_objects if c.value is not None]
    if not claims:
        return None
    v = Counter((c.value.unit, c.value.noun or "", c.value.role or "") for c in claims).most_common(1)[0][0]
    unit, noun, role = v
    if unit == "percent":
        return "What percentage"
    if noun == "address" and unit.startswith("address on "):
        return f"Which number on {unit[len('address on '):].title()}"    # a house number: where, not how many
    if unit in CURRENCIES:
        return f"How much, in {unit}"
    base = unit[:-len(role)].strip() if role and unit.endswith(role) else unit
    words = base.split()
    if len(words) == 2 and words[0] in TIME_UNITS and noun == words[1]:
        return f"How many {plural(words[0])} the {noun} lasted"      # 'a 3-day bombardment'
    if len(words) == 2 and noun == words[1]:
        return f"How many {plural(words[0])} the {noun} has"
    counted = counted_phrase([c for c in claims if c.value.unit == unit], noun or base)
    if not role:
        return f"How many {counted}"
    verb = ROLE_PHRASE.get(role, role)
    return f"How many {counted} were {verb}" if verb else f"How many {counted}"


def fact_heading(a: Analysis, f: Fact) -> str:
    """The heading a reader sees for a fact (never its id)."""
    about = (f.about or "").strip()
    if re.match(r"^(when|who|what|where|how|which|why)\b", about, re.I):
        return _cap(about)
    if about.startswith(("Number of ", "Figure in ")):
        h = figure_heading(f)
        if h:
            return h
    for sense in (_predicate(f), *LEDGER_SENSES):
        h = event_heading(a, about, sense, f.claim_objects) if sense and about else None
        if h:
            return h
    return _cap(about) if about else "A statement"


def shows_value(f: Fact, p: Position) -> bool:
    """Whether a position's value line says something the heading does not: an event fact's one
    position repeats the heading's words, so it is not printed."""
    return bool(p.value) and not (isinstance(p.value, str) and p.value.strip() == (f.about or "").strip())
