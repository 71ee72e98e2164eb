"""Counts, sums and shares stated in a sentence, normalized so that outlets can be compared.

"killing over 1,400 Israelis" -> {"amount": 1400, "qualifier": ">", "unit": "israeli killed"};
"thousands of people"        -> {"min": 1000, "max": 9999, "unit": "people"};
"$716 billion"               -> {"amount": 716000000000, "qualifier": None, "unit": "USD"}.

The unit is what is counted (the noun's lemma, a nationality kept as such) plus, where it matters,
what happened to it (killed, injured, hostage, displaced, arrested): the same count of people means
different things with different verbs (read by newsprism.extract.counted); this module finds the figures
and reads their numbers, qualifiers, currencies and the sizes, ages and scores news writes as figures. `FigureValue.interval()` (newsprism.model) turns a value into the set of
numbers it allows, which is how the fact ledger tells compatible figures ("over 200" / "224") from contradictory ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from spacy.tokens import Span, Token
from newsprism.parse import text_of

from ..lexicon.dates import MONTH
from ..lexicon.numbers import CURRENCY_UNITS, SCALES, WORD_NUMBERS, parse_number
from ..lexicon.predicates import predicate_class
from .counted import ROLES, counted, norm_noun
from .subjects import subject_of

__all__ = ["Quantity", "find_quantities", "ROLES"]   # ROLES: the fact ledger reads the role words from here

# plural scale words used alone are vague counts: "thousands of people"
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (1_000, 9_999),
         "millions": (1_000_000, 999_999_999), "billions": (1_000_000_000, 999_999_999_999),
         "trillions": (1_000_000_000_000, 999_999_999_999_999)}
VAGUE_TENS = {"thousands": (20_000, 99_999), "millions": (20_000_000, 99_999_999)}   # "tens of thousands"
CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollar": "USD", "euro": "EUR",
              "pound": "GBP", "rouble": "RUB", "ruble": "RUB", "yen": "JPY", "shekel": "ILS"}
PERCENT_WORDS = {"%", "percent", "per cent", "pct"}

# Qualifiers read from the words just before the figure; longest phrases first.
QUALIFIERS = [
    ("more than", ">"), ("over", ">"), ("upwards of", ">"), ("in excess of", ">"), ("above", ">"),
    ("at least", ">="), ("no fewer than", ">="), ("no less than", ">="), ("a minimum of", ">="),
    ("nearly", "<~"), ("almost", "<~"), ("close to", "<~"), ("just under", "<~"), ("just shy of", "<~"),
    ("about", "~"), ("around", "~"), ("some", "~"), ("roughly", "~"), ("approximately", "~"),
    ("an estimated", "~"), ("estimated", "~"), ("an approximate", "~"), ("circa", "~"),
    ("up to", "<="), ("as many as", "<="), ("as much as", "<="), ("at most", "<="), ("no more than", "<="),
    ("under", "<"), ("fewer than", "<"), ("less than", "<"), ("below", "<"),
    ("exactly", "="), ("precisely", "="), ("just", "="),
]
_QUAL_RE = re.compile(r"(?:^|\W)(" + "|".join(re.escape(q) for q, _ in QUALIFIERS) + r")\W*$", re.I)
_QUAL = dict(QUALIFIERS)

# nouns that never name what is counted ("5 of them", "3 times")
NOT_UNITS = {"time", "%", "percent", "them", "us", "those", "these", "which", "who", "one", "other"}
# month names as written ("Sept.", "December"), never words that start like one ("separate", "marines")
MONTHS = re.compile(r"\b" + MONTH + r"|\b(monday|tuesday|wednesday|"
                    r"thursday|friday|saturday|sunday|year|month|week|day|hour|minute|second|decade|century)s?\b", re.I)
TIME_UNITS = re.compile(r"^(year|month|week|day|hour|minute|second|decade|century|centurie)s?$", re.I)
LABEL_BEFORE = re.compile(r"(no\.|number|article|section|chapter|page|room|route|highway|flight|bill|h\.r\.|#|version|"
                          r"resolution|paragraph|item|level|grade|class|category|phase|stage|line)\s*$", re.I)


# the second end of a range: "between 140 and 150", "140-150", "140 to 150", "140 or 150" (but "ages 6 and 16" are two
# figures, each of its own)
_RANGE_BEFORE = re.compile(r"(\bbetween|\bfrom|\d\s*(-|–|to|or)|\bbetween\s+\$?[^\s,;]+\s*(?:million|billion|thousand)?\s*and"
                           r"|\d\s*(-|–|to|or)\s*\$)\s*\$?\s*$", re.I)
_RANGE_AFTER = re.compile(r"\s*(million|billion|thousand)?\s*(-|–|to|or)\s*\$?\s*\d", re.I)
_CLOCK_AFTER = re.compile(r"\s*(:\s*\d|a\.\s*m\.|p\.\s*m\.|am\b|pm\b|o'clock|GMT|ET\b|EST\b)", re.I)
_ADDRESS_AFTER = re.compile(r"\s*(block|street|st\.|avenue|ave\.|road|rd\.|boulevard|blvd|lane|drive|floor)\b", re.I)
ADDRESS = "address"     # the noun of a house number's figure: where, not how many
# the last word of a street's name: a number it governs is a house number ('9 Main Street', '30 Rockefeller Plaza')
STREET_WORDS = frozenset({"street", "st.", "avenue", "ave.", "road", "rd.", "boulevard", "blvd", "blvd.", "lane", "drive",
                          "plaza", "place", "square", "court", "parkway", "terrace"})
_MEASURE_AFTER = re.compile(r"\s*-\s*(year|month|week|day|hour|minute|second|page|round|yard|mile|foot|point|game|"
                            r"seat|member|story|acre|ton|megawatt|kilometer|km|meter|metre|bit|gauge|inch|pound|"
                            r"caliber|calibre)s?\b(?!\s*-?\s*old)", re.I)
# "a 37 second runoff", "a 10 minute drive": a singular unit of time before a noun sizes it, hyphen or not
_CLOCK_SIZE_AFTER = re.compile(r"\s+(second|minute|hour)\b(?=\s+(?!remaining|left|to\b)[a-z])", re.I)
# the spelled scales ('hundred' ... 'trillion'; not 'dozen', nor the 'k' and 'bn' of digits)
SCALE_WORDS = frozenset(w for w, n in SCALES.items() if n >= 100 and len(w) > 2)
# "the two countries", "our two nations", "the two leaders": a pair the report has named, referred to, not counted
_PAIR_NAMED_BEFORE = re.compile(r"\b(the|these|those|our|their|its|his|her|your|my)\s+$", re.I)
# "weighed 300 pounds", "a 6-foot-2, 250 pounds lineman": pounds after a weight or a height are a weight
_WEIGHT_BEFORE = re.compile(r"\bweigh|\d\s*-?\s*(foot|feet|ft)\b", re.I)
_AGE_AFTER = re.compile(r"\s*-?\s*years?\s*-?\s*old\b|\s*-\s*year\s*-\s*old\b", re.I)


_OR_AFTER = re.compile(r"\s*(million|billion|thousand)?\s+or\s+(\$|€|£)?\s*([\d.,]+)\s*(million|billion|thousand)?",
                       re.I)
_OR_BEFORE = re.compile(r"([\d.,]+)\s*(million|billion|thousand)?\s+or\s+(\$|€|£)?\s*$", re.I)


def _restated(context: str, toks: list[Token], after: bool) -> bool:
    """'$184 million or $23 million per season': a second figure smaller than the first after "or" says the same
    sum another way; a range ("two or three", "140 or 150") climbs."""
    m = (_OR_AFTER.match(context) if after else _OR_BEFORE.search(context))
    if m is None:
        return False
    own = parse_number([t.lower_ for t in toks])
    if own is None:
        return False
    if after:
        other = parse_number([m.group(3)] + ([m.group(4)] if m.group(4) else []))
        own = own * SCALES[m.group(1).lower()] if m.group(1) and own < 1000 else own
        return other is not None and other < own
    other = parse_number([m.group(1)] + ([m.group(2)] if m.group(2) else []))
    return other is not None and own < other


@dataclass
class Quantity:
    """One figure in the text: where it is, what it says, and what it counts."""

    start: int                      # character offsets of the figure with its qualifier
    end: int
    text: str
    amount: Optional[float] = None  # exact or bounded figure
    qualifier: Optional[str] = None  # > >= < <= ~ <~ = ; None = stated plainly
    min: Optional[float] = None     # vague counts ("thousands")
    max: Optional[float] = None
    unit: str = ""                  # "israeli killed", "USD", "percent", "vote"
    noun: Optional[str] = None      # the counted noun's lemma
    role: Optional[str] = None      # killed / injured / hostage / ...
    head: int = -1                  # token index of the counted noun (or the figure) in the Doc
    tokens: tuple[int, int] = (0, 0)  # token range of the figure
    extra: dict[str, Any] = field(default_factory=dict)

    def value(self) -> dict[str, Any]:
        """The claim's `value`: amount and qualifier, or a min/max range; always the unit and the words."""
        if self.amount is not None:
            # "nearly 300": below the figure but close to it
            close = self.qualifier == "<~"
            v: dict[str, Any] = {"amount": _clean_number(self.amount), "qualifier": "<" if close else self.qualifier,
                                 "unit": self.unit}
            if close:
                v["close"] = True
        else:
            v = {"min": _clean_number(self.min), "max": _clean_number(self.max), "unit": self.unit}
        v["text"] = self.text
        if self.extra.get("score"):
            v["score"] = list(self.extra["score"])
        if self.role:
            v["role"] = self.role
        if self.noun:
            v["noun"] = self.noun
        return v


def _clean_number(x: Optional[float]) -> Optional[float | int]:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)




def find_quantities(sent: Span, skip: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Every figure in the sentence with its qualifier and unit; `skip` = character spans of times."""
    skip = list(skip)
    doc = sent.doc
    out: list[Quantity] = []
    i = sent.start
    while i < sent.end:
        t = doc[i]
        score = _score(sent, i) if t.text.isdigit() and not _in_skip(t, skip) else None
        if score is not None:
            out.append(score)
            i = score.tokens[1]
            continue
        if not _numeric(t) or _in_skip(t, skip) or _is_date_like(t):
            i += 1
            continue
        j = i
        # one figure: "1.5 million", "two dozen", "two hundred"
        while j + 1 < sent.end and doc[j].lower_ not in VAGUE and (
                doc[j + 1].lower_ in SCALES or (_numeric(doc[j + 1]) and doc[j].lower_ in WORD_NUMBERS
                                                and doc[j + 1].lower_ in WORD_NUMBERS)):
            j += 1
        q = _quantity(sent, i, j)
        if q is not None:
            out.append(q)
        i = j + 1
    return out


# "the 17-14 victory", "a 15-2 run", "an 8-8 record", "fell to 15-17": a game's score or a team's record
SCORE_NOUNS = {"victory": "win", "win": "win", "triumph": "win", "rout": "win", "loss": "loss", "defeat": "loss",
               "setback": "loss", "lead": "lead", "run": "run", "record": "record", "start": "record",
               "score": "score", "decision": "decision", "draw": "draw", "tie": "draw"}
_SCORE_PAIR = re.compile(r"(\d{1,3})\s*[-–]\s*(\d{1,3})\b(?!\s*[-–]\s*\d)")
_SCORE_BEFORE = re.compile(r"\b(fell|falls|fall|dropped|drops|slipped|improved|improves|moved|moves|climbed|rose|"
                           r"went|goes|stand|stands|stood|sit|sits|is|are|was|were)\s+(to\s+)?$", re.I)


def _score(sent: Span, i: int) -> Optional[Quantity]:
    """A score or record written 'N-M' before a noun that names one, or after 'fell to': one figure of two
    numbers (both must match for two reports to agree)."""
    doc = sent.doc
    t = doc[i]
    text = text_of(doc)
    m = _SCORE_PAIR.match(text, t.idx)
    if m is None or m.end() > sent.end_char or (i > sent.start and doc[i - 1].text in ("-", "–")):
        return None
    end_tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if end_tok is None:
        return None
    nxt = doc[end_tok.end] if end_tok.end < sent.end else None
    noun = SCORE_NOUNS.get(nxt.lemma_.lower()) if nxt is not None else None
    before = _SCORE_BEFORE.search(text[max(sent.start_char, t.idx - 25):t.idx])
    if noun is None and before and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "NUM", "SYM")):
        # "the vote was 52-48", "fell to 15-17"; never "temperatures were 20-25 degrees", a range
        noun = "score" if before.group(1).lower() in ("is", "are", "was", "were") else "record"
    if noun is None:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    return Quantity(start=m.start(), end=m.end(), text=m.group(0), amount=float(a),
                    unit="score" if noun == "score" else f"score {noun}",
                    noun=noun, head=nxt.i if nxt is not None and noun != "record" else end_tok.root.i,
                    tokens=(i, end_tok.end), extra={"score": [a, b]})


def _numeric(t: Token) -> bool:
    lw = t.lower_
    if lw in VAGUE:
        return t.pos_ in ("NOUN", "NUM")
    if lw in ("a", "an"):
        return False
    if lw == "one":
        return t.dep_ == "nummod"
    return (t.like_num or lw in WORD_NUMBERS) and t.pos_ in ("NUM", "NOUN", "PROPN", "ADJ", "X")


def _in_skip(t: Token, skip: list[tuple[int, int]]) -> bool:
    return any(s <= t.idx < e for s, e in skip)


def _is_date_like(t: Token) -> bool:
    """Years, clock times, ordinals and figures inside a date entity are not counts."""
    rest = text_of(t.doc)[t.idx + len(t.text):t.idx + len(t.text) + 24]
    if (_AGE_AFTER.match(rest) or _MEASURE_AFTER.match(rest) or _CLOCK_SIZE_AFTER.match(rest)) and t.like_num:
        return False  # "33-year-old", "a 10-year deal", "a 37 second runoff": an age, a size
    if _length_of_time(t):
        return False  # "for the next 75 years", "10 seconds ran off": a length of time is a count
    if t.ent_type_ in ("ORDINAL", "TIME"):
        return True
    if re.fullmatch(r"(1[89]|20)\d\d", t.text) and not (t.dep_ == "nummod" and t.head.pos_ == "NOUN"
                                                        and not MONTHS.search(t.head.text)):
        return True
    if re.fullmatch(r"\d+(st|nd|rd|th)", t.lower_) or ":" in t.text or "/" in t.text:
        return True
    if t.ent_type_ == "DATE":
        if MONTHS.search(_entity_around(t).text):
            return True
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if nxt is not None and (nxt.text in ("-", "–") or MONTHS.search(nxt.text) and nxt.lower_ not in ("may",)):
        return True  # "3-day", "7 October"
    prv = t.doc[t.i - 1] if t.i > 0 else None
    if prv is not None and t.text[:1].isdigit() and prv.i > t.sent.start and prv.text[:1].isupper() \
            and prv.pos_ in ("PROPN", "NOUN") and (nxt is None or nxt.is_punct or nxt.pos_ not in ("NOUN", "PROPN")
                                                   or nxt.text[:1].isupper() or (nxt.tag_ == "NN" and t.text != "1")):
        return True  # "Pier 3", "Gate 2", "the Pier 3 terminal": a name's number, not a count
    if prv is not None and t.text[:1].isdigit() and prv.pos_ == "PROPN" and prv.text[:1].isupper() \
            and prv.dep_ in ("compound", "nmod", "conj", "appos") and nxt is not None and nxt.tag_ == "NNS":
        return True  # "Internet Explorer 9 releases", "Windows 2000 users": a name's number ("in Gaza 30 people")
    if t.text[:1].isdigit() and t.dep_ == "nummod" and t.head.i < t.i and t.head.pos_ in ("PROPN", "NOUN") \
            and t.head.text[:1].isupper():
        return True  # "Internet Explorer 5.01, 6": a count comes before its noun; a name governing it is labelled
    if re.fullmatch(r"0\d+", t.text):
        return True  # "4, 051" split by the tokenizer: the tail is no figure of its own
    if prv is not None and MONTHS.search(prv.text) and prv.lower_ != "may":
        return True  # "October 7"
    return False


def _entity_around(t: Token) -> Span:
    """The named entity `t` is part of, read from the IOB tags next to it: `Doc.ents` would build every entity
    of the document for each figure."""
    doc = t.doc
    start, end = t.i, t.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _length_of_time(t: Token) -> bool:
    """'for the next 75 years', '10 minutes later': a figure counting the unit of time it governs. 'Three
    years ago' is a date, not a count: it names when, and moves with the day the report was written."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if nxt is None or not TIME_UNITS.match(nxt.text) or not t.like_num or t.head.i != nxt.i:
        return False
    text = text_of(t.doc)
    after = nxt.idx + len(nxt.text)
    return not (_AGO.match(text, after) or _CLOCK_READING_BEFORE.search(text[max(0, t.idx - 16):t.idx])
                or nxt.lower_.startswith(("minute", "second")) and _CLOCK_READING_AFTER.match(text, after))


# a time on a clock, not a length: "at 09:10 hours", "with 4 minutes 48 seconds remaining" (but "39 days left
# in office" counts days)
_CLOCK_READING_AFTER = re.compile(r"\s*(,?\s*\d+\s*(second|minute)s?\b|(remaining|left|to go|to play)\b)", re.I)
_AGO = re.compile(r"\s*ago\b")
_CLOCK_READING_BEFORE = re.compile(r"(:\s*|\d\s*(hour|minute)s?,?\s*)$", re.I)


def _quantity(sent: Span, i: int, j: int) -> Optional[Quantity]:
    doc = sent.doc
    toks = [doc[k] for k in range(i, j + 1)]
    before = text_of(doc)[max(sent.start_char, toks[0].idx - 40):toks[0].idx]
    if LABEL_BEFORE.search(before) or (_PAIR_NAMED_BEFORE.search(before) and [t.lower_ for t in toks] == ["two"]):
        return None
    after = text_of(doc)[toks[-1].idx + len(toks[-1].text):toks[-1].idx + len(toks[-1].text) + 30]
    if _RANGE_BEFORE.search(before) and not _restated(before, toks, after=False) \
            or _RANGE_AFTER.match(after) and not _restated(after, toks, after=True) \
            or _CLOCK_AFTER.match(after) or _ADDRESS_AFTER.match(after):
        return None   # "between 140 and 150", "$140-$150", "6 : 40 a.m.", "the 12000 block of"
    if _house_number(toks[-1]):
        return _address(toks)
    measure = _MEASURE_AFTER.match(after) or _CLOCK_SIZE_AFTER.match(after)
    if measure and parse_number([t.lower_ for t in toks]) is not None:
        return _measure(sent, toks, measure)
    age = _AGE_AFTER.match(after)
    if age and parse_number([t.lower_ for t in toks]) is not None:
        return _age(sent, toks, age)
    bare = _bare_age(toks, before, after)
    if bare is not None:
        return bare
    words = [t.text for t in toks]
    low = [w.lower() for w in words]
    said_from = toks[0].idx     # where the figure's words begin ('several hundred' begins at 'several')
    if len(low) == 1 and low[0] in SCALE_WORDS:
        if re.search(r"\bmulti\s*-?\s*$", before, re.I):
            return None   # 'a multi-million dollar lawsuit': no amount stated
        vague = re.search(r"\b(several|(?:a\s+)?few|many)\s*$", before, re.I)
        if vague:
            low = [low[0] + "s"]   # 'several hundred', 'a few thousand': as vague as 'hundreds', not 100
            said_from -= len(before) - vague.start()
    amount: Optional[float] = None
    lo = hi = None
    if low[-1] in VAGUE:
        lo, hi = VAGUE[low[-1]]
        if len(low) == 1 and before.lower().rstrip().endswith("tens of") and low[-1] in VAGUE_TENS:
            lo, hi = VAGUE_TENS[low[-1]]
        elif len(low) > 1:   # "several thousands" is rare; treat "two thousands" as a number
            amount = parse_number(low[:-1] + [low[-1][:-1]])
    else:
        amount = parse_number(low)
        if amount is None:
            return None
    start_tok, end_tok = toks[0], toks[-1]
    # currency sign before the figure ("$716 billion", "US$ 5")
    currency = None
    prev = doc[i - 1] if i > sent.start else None
    if prev is not None and prev.text.lower() in CURRENCIES:
        currency, start_tok = CURRENCIES[prev.text.lower()], prev
    qual = None
    qm = _QUAL_RE.search(text_of(doc)[max(sent.start_char, start_tok.idx - 25):start_tok.idx])
    start_char = start_tok.idx
    if qm and amount is not None:
        qual = _QUAL[qm.group(1).lower()]
        if qm.group(1).lower() == "just" and qm.group(0).lower().strip() != "just":
            qual = None
        start_char = start_tok.idx - (len(text_of(doc)[max(sent.start_char, start_tok.idx - 25):start_tok.idx]) - qm.start(1))
    nxt = doc[j + 1] if j + 1 < sent.end else None
    end_char = end_tok.idx + len(end_tok.text)
    noun, role, head = counted(sent, toks)
    if nxt is not None and nxt.lower_ in ("%", "percent", "pct"):
        unit = "percent"
        end_char = nxt.idx + len(nxt.text)
        noun = None
    elif nxt is not None and nxt.lower_ == "per" and j + 2 < sent.end and doc[j + 2].lower_ == "cent":
        unit, noun = "percent", None
        end_char = doc[j + 2].idx + len(doc[j + 2].text)
    elif noun == "pound" and not currency and _WEIGHT_BEFORE.search(text_of(doc)[sent.start_char:start_char]):
        unit = noun
    elif currency or (noun and noun in CURRENCIES):
        unit = currency or CURRENCIES[noun or ""]
        if noun in CURRENCIES:
            noun = None
    else:
        if noun is None or noun in NOT_UNITS:
            return None
        unit = noun
    if low == ["one"] and not role and unit not in CURRENCY_UNITS:
        return None   # 'in one memo', 'one of the men': a singular, not a count (but 'one man was killed' counts)
    if role and unit not in CURRENCY_UNITS:
        unit = f"{unit} {role}" if role != unit else unit
    start_char = min(start_char, said_from)
    q = Quantity(start=start_char, end=end_char, text=text_of(doc)[start_char:end_char], amount=amount,
                 qualifier=qual if amount is not None else None, min=lo if amount is None else None,
                 max=hi if amount is None else None, unit=unit, noun=noun, role=role, head=head,
                 tokens=(i, j + 1))
    return q


def _measure(sent: Span, toks: list[Token], m: re.Match) -> Quantity:
    """'a 10-year deal', 'a 225-page report': a size given to the noun it modifies."""
    doc = sent.doc
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text) + m.end()
    span = doc.char_span(start, end, alignment_mode="expand")
    head = span.root.head if span is not None else toks[-1]
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    noun = norm_noun(head) if head.pos_ in ("NOUN", "PROPN") else None
    measure = m.group(1).lower()
    unit = f"{measure} {noun}" if noun and noun != measure else measure
    return Quantity(start=start, end=end, text=text_of(doc)[start:end], amount=parse_number([t.lower_ for t in toks]),
                    unit=unit, noun=noun, head=head.i, tokens=(toks[0].i, toks[-1].i + 1))


def _house_number(t: Token) -> bool:
    """A number that modifies a street's name is its address: 'died at 9 Main Street' (not '3 Wall Street traders',
    where the number counts the traders)."""
    return t.dep_ == "nummod" and t.head.pos_ == "PROPN" and t.head.lower_ in STREET_WORDS and t.head.i > t.i


def _address(toks: list[Token]) -> Quantity:
    """A house number counts nothing; it says where, on its street: 'address on main street' is what it gives, so
    two reports giving two numbers on one street differ on where ('200 W. Elm Blvd.' / '407 W. Elm Blvd.')."""
    t, street = toks[-1], toks[-1].head
    name = " ".join(w.lower_ for w in street.doc[t.i + 1:street.i + 1])     # 'w. american blvd.'
    return Quantity(start=toks[0].idx, end=t.idx + len(t.text), text=t.text, amount=parse_number([t.lower_]),
                    unit=f"{ADDRESS} on {name}", noun=ADDRESS, head=street.i, tokens=(toks[0].i, t.i + 1))


def _age(sent: Span, toks: list[Token], m: re.Match) -> Quantity:
    """'the 33-year-old actress', 'Reid, 33 years old': an age, which belongs to one person."""
    doc = sent.doc
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text) + m.end()
    amount = parse_number([t.lower_ for t in toks])
    last = doc.char_span(start, end, alignment_mode="expand")
    head = last.root.head if last is not None and last.root.head.pos_ in ("NOUN", "PROPN") else toks[-1]
    return Quantity(start=start, end=end, text=text_of(doc)[start:end], amount=amount, unit="years old",
                    noun="age", head=head.i, tokens=(toks[0].i, toks[-1].i + 1))


def _age_word(t: Token) -> Optional[Token]:
    """The word that makes a number an age: 'aged 85', 'age 85', 'the age of 85'."""
    if t.head.lower_ == "aged" and t.dep_ in ("dobj", "oprd", "npadvmod", "attr", "pobj"):
        return t.head
    if t.head.lower_ == "age" and t.dep_ in ("nummod", "appos", "npadvmod", "compound"):
        return t.head
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "age":
        return t.head.head
    return None


def _bare_age(toks: list[Token], before: str, after: str) -> Optional[Quantity]:
    """'Jane Roe, 33, of Fenwick', closing a sentence about a person, 'He was 95.', and 'dies at 91': news gives ages
    bare."""
    # no upper bound: "He was 197." still states an age, and an impossible one is what a reader must see
    if len(toks) != 1 or not re.fullmatch(r"\d{1,3}", toks[0].text) or not 0 < int(toks[0].text):
        return None
    t = toks[0]
    owner = None
    if t.dep_ == "appos" and t.head.pos_ == "PROPN" and before.rstrip().endswith(",") \
            and re.match(r"\s*([,;.)]|$)", after):
        owner = t.head
    elif t.dep_ == "attr" and t.head.lemma_ == "be" and re.match(r"\s*[.;]", after):
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and (subj.lower_ in ("he", "she") or subj.ent_type_ == "PERSON"):
            owner = subj
    elif t.dep_ == "pobj" and t.head.lower_ == "at" and predicate_class(t.head.head.lemma_) == "die":
        # 'Esther Williams dies at 91': the number a death is 'at' is the age it came at, not a toll ('four people
        # died at 9 Main Street' counts the people, and the number there modifies the street)
        owner = subject_of(t.head.head) or t.head.head     # whose age: the one who died (a relative clause's head)
    elif (word := _age_word(t)) is not None:
        # 'died at the age of 85', 'died Thursday at age 85', 'has died, aged 85', 'Reid, aged 33': one's age now, or
        # at death; 'moved here at age 13' is an age once, which no later age contradicts (left a count of 'age')
        top = word.head if word.head.lower_ == "at" else word
        owner = top.head if top.head.pos_ in ("PROPN", "NOUN") and top.head.lower_ != "age" \
            else (subject_of(top.head) or top.head) if predicate_class(top.head.lemma_) == "die" else None
    if owner is None:
        return None
    return Quantity(start=t.idx, end=t.idx + len(t.text), text=t.text, amount=float(t.text), unit="years old",
                    noun="age", head=owner.i, tokens=(t.i, t.i + 1))
