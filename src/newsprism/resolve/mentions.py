"""Entity mentions of one document and their within-document clusters.

A pure per-document component: spaCy's named entities over the one parse, repaired the way
news text needs (titles and possessives out of the name, headline fragments out, organisation
phrases spaCy misses in), then clustered: a surname joins the full name used before or after,
a definite description ("the ministry") joins the one ministry named, and each cluster's type
is voted over its mentions. Offsets are always exact: `text[start:end] == mention.text`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..config import Config
from ..model import Document, Entity, Mention
from ..records import DocRecord, local_id
from .names import (
    ORG_HEADS,
    country_code,
    demonym_code,
    fold,
    initials,
    is_known_place,
    nationality_code,
    org_key,
    parse_person,
    place_key,
    translit,
    words,
)
from ..parse import text_of

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

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
# Nationalities, religions and political groups that spaCy tags NORP and that are kept even at
# the start of a sentence (where an ordinary adjective is also capitalised).
GROUP_WORDS = frozenset({
    "jew", "jewish", "muslim", "christian", "catholic", "protestant", "orthodox", "sunni", "shia", "shiite",
    "islamist", "islamic", "hindu", "buddhist", "sikh", "arab", "kurd", "kurdish", "druze", "alawite",
    "democrat", "democratic", "republican", "conservative", "liberal", "labour", "socialist", "communist",
    "tory", "tories", "zionist", "jihadist", "salafist", "european", "western", "african", "asian", "latino",
    "hispanic", "persian", "pashtun", "tamil", "uighur", "uyghur", "rohingya", "yazidi", "evangelical",
})
DEFINITE_HEADS = ORG_HEADS
# Lowercase words that may qualify an organisation's head noun ("the Chilean foreign ministry").
ORG_MODIFIERS = frozenset({
    "foreign", "defence", "defense", "interior", "health", "justice", "finance", "education", "state",
    "intelligence", "security", "energy", "trade", "economy", "economic", "environment", "transport",
    "agriculture", "culture", "labour", "labor", "treasury", "homeland", "emergency", "emergencies",
    "information", "communications", "prosecutor's", "prosecutor", "press", "presidential", "federal",
})


@dataclass
class _Cand:
    start: int
    end: int
    label: str
    role: Optional[str] = None
    sent_start: bool = False
    cluster: int = -1


@dataclass
class _Cluster:
    kind: str                      # PERSON, ORG, PLACE, NORP or the label of other types
    key: str
    members: list[_Cand] = field(default_factory=list)


def _norm_word(t: Token) -> str:
    return t.lower_.replace(".", "").replace("’", "'")


def _is_titleish(t: Token) -> bool:
    """A word of a title or its qualifiers: 'Deputy', 'Minister', 'of', 'Transport', 'Chilean', "Chile's"."""
    w = _norm_word(t)
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
        if not _is_titleish(t):
            # an institution right before the title words ("Elysee spokesman"), up to three words
            if has_title and institutions < 3 and _is_institution(t):
                institutions += 1
                j -= 1
                continue
            break
        if institutions:
            break
        if _norm_word(t) in {"'s", "'"}:
            # "Chile's ambassador" reads as a role; "Acme's director" too
            if j - 2 >= 0 and (nationality_code(sdoc[j - 2].text) or sdoc[j - 2].text[:1].isupper()):
                j -= 1
                continue
            break
        has_title = has_title or _norm_word(t) in TITLES
        j -= 1
    # the role never starts with glue words
    while j < i and _norm_word(sdoc[j]) in {"of", "the", "-", "to", "for", "at", "'s", "'"}:
        j += 1
    if not has_title or j >= i:
        return sdoc[i].idx, None
    return sdoc[j].idx, sdoc[j:i].text


def _heading_line(text: str, pos: int) -> bool:
    """A title-case line without sentence punctuation: a headline or subheading."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a: b if b >= 0 else len(text)].strip()
    if not line or line[-1] in ".!?\"”:;" or len(line) > 120:
        return False
    toks = re.findall(r"[A-Za-z][\w'’-]*", line)
    caps = sum(1 for w in toks if w[0].isupper())
    return len(toks) >= 2 and caps / len(toks) >= 0.6


# A nationality or name glued to a participle is an attribute, not a name: "Kazakh-run", "Saudi-led".
_COMPOUND_TAIL = re.compile(
    r"-(?:run|backed|owned|led|based|born|funded|controlled|made|allied|aligned|held|occupied|speaking|"
    r"style|era|linked|affiliated|sponsored|brokered|bound|built|flagged|registered|friendly)$")
# Titles that take a portfolio word before them: "Transport Minister", "Labor Secretary".
PORTFOLIO_TITLES = frozenset({"minister", "ministers", "secretary", "commissioner", "ministry"})


def _person_like(toks: Sequence[Token]) -> bool:
    """Two to four capitalised proper nouns, none a title word, an acronym or a nationality: how
    news writes a person's name after a title ("Deputy Minister of Transport Ana Ruiz")."""
    if not 2 <= len(toks) <= 4:
        return False
    for t in toks:
        if not (t.text[:1].isupper() and t.pos_ == "PROPN" and t.text[:1].isalpha() and not t.text.isupper()):
            return False
        if _is_titleish(t) or t.lower_ in ORG_HEADS or nationality_code(t.text):
            return False
    return True


def _trim(sdoc: Doc, tokens: Sequence[Token], label: str) -> Optional[_Cand]:
    """Cut an entity span down to the name: no leading 'the', no title, no possessive. A span of
    any type that is a title followed by a person's name ("Transport Ana Ruiz" after "Minister of",
    tagged ORG) becomes that person, the title words going to the role."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or toks[0].is_space or _norm_word(toks[0]) in {"the", "a", "an"}):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space or _norm_word(toks[-1]) in {"'s", "'"}):
        toks = toks[:-1]
    if not toks:
        return None
    role: Optional[str] = None
    role_start: Optional[int] = None
    # leading title words: "Foreign Minister Ana Ruiz", "Mr Kim", "Senate Majority Leader Ana Ruiz"
    k = 0
    while k < len(toks) - 1 and (_is_titleish(toks[k]) or (
            k + 1 < len(toks) - 1 and _is_institution(toks[k]) and _is_titleish(toks[k + 1]))):
        k += 1
    titled = k > 0 and any(_norm_word(t) in TITLES for t in toks[:k])
    if label != "PERSON" and _norm_word(toks[0]) in _NOT_BEFORE_NAMES:
        k = 0   # "Major League Baseball", "Crown Estate Commissioners": a name, not a title
    if k and (label == "PERSON" or not any(t.lower_ in ORG_HEADS for t in toks)):
        before_start, before = _role_before(sdoc, toks[0].i)
        rest = toks[k:]
        if (label == "PERSON" and (titled or (before and _person_like(rest)))) or \
                (label != "PERSON" and (titled or before) and _person_like(rest)):
            role_start = before_start if before else toks[0].idx
            role = "title"
            toks = rest
            label = "PERSON"
    elif label != "PERSON" and toks[0].i > 0 and _norm_word(sdoc[toks[0].i - 1]) in TITLES \
            and sdoc[toks[0].i - 1].text[:1].isupper() and _person_like(toks) \
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
    if all(_norm_word(t) in TITLES for t in toks):
        return None  # "President", "the Ambassador": a role without a name
    if label == "PERSON" and all(_norm_word(t) in TITLES or _norm_word(t) in ROLE_MODIFIERS for t in toks):
        return None
    if " " not in text and demonym_code(text) and not country_code(text):
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
    return _Cand(start, end, label, role or None, bool(sent_start))


def _ner_candidates(sdoc: Doc) -> list[_Cand]:
    out: list[_Cand] = []
    for ent in sdoc.ents:
        if ent.label_ not in LABELS:
            continue
        # a span across a line break is two fragments (headline + body); keep the pieces
        pieces: list[list[Token]] = [[]]
        for t in ent:
            if "\n" in t.text:
                pieces.append([])
                continue
            pieces[-1].append(t)
            if "\n" in t.whitespace_:
                pieces.append([])
        for piece in pieces:
            if piece:
                c = _trim(sdoc, piece, ent.label_)
                if c is not None and _keep(sdoc, c):
                    out.append(c)
    return out


def _keep(sdoc: Doc, c: _Cand) -> bool:
    text = text_of(sdoc)[c.start:c.end]
    if not re.search(r"[A-Za-z]", text) or text.isdigit():
        return False
    if c.label == "NORP":
        w = fold(text).rstrip("s")
        known = demonym_code(text) is not None or w in GROUP_WORDS or fold(text) in GROUP_WORDS
        if not known:
            if c.sent_start or _heading_line(text_of(sdoc), c.start):
                return False
            if any(not t.text[:1].isupper() for t in sdoc.char_span(c.start, c.end, alignment_mode="expand")):
                return False
    span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
    if span is not None and span.end < len(sdoc) and _norm_word(sdoc[span.end]) in PORTFOLIO_TITLES \
            and all(_is_titleish(t) for t in span) and not all(nationality_code(t.text) for t in span):
        # "Transport" or "Romanian Transport" before "Minister": the start of a role, not a name
        return False
    if c.label == "PERSON" and " " in text:
        # "Comey Memos": a name ending in a plural common noun is a thing named after a person
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        last = span[-1]
        if last.tag_ == "NNS" or (last.tag_ == "NNPS" and last.lemma_.lower() != last.lower_):
            return False
        # "the Comey Memos": a person's name takes no article
        if span[0].i > 0 and sdoc[span[0].i - 1].lower_ == "the" and c.role is None:
            return False
    if c.label == "PERSON" and _heading_line(text_of(sdoc), c.start):
        # "Chile Signs" in a headline: a country followed by a capitalised verb is not a person
        first = text.split()[0]
        if country_code(first) and len(text.split()) == 2:
            return False
    return True


def _org_phrases(sdoc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Organisation noun phrases spaCy misses: 'Chilean foreign ministry', "Chile's transport
    ministry", 'the Ministry of Foreign Affairs' — a head noun (ministry, department, ...) named by a nationality, a place,
    or capitalised words."""
    found: list[_Cand] = []
    n = len(sdoc)
    for t in sdoc:
        if t.lower_ not in ORG_HEADS:
            continue
        i = t.i
        # left modifiers
        j = i
        nationality = False
        while j > 0:
            p = sdoc[j - 1]
            if "\n" in p.whitespace_ or "\n" in p.text:
                break
            w = p.lower_
            if _norm_word(p) == "'s" and j - 2 >= 0 and sdoc[j - 2].text[:1].isupper() \
                    and country_code(sdoc[j - 2].text) and "\n" not in sdoc[j - 2].whitespace_:
                nationality = True   # "Chile's transport ministry": the possessive country leads
                j -= 2
                break
            if nationality_code(p.text) and p.text[:1].isupper():
                nationality = True
                j -= 1
            elif w in ORG_MODIFIERS or (p.text[:1].isupper() and p.pos_ in ("PROPN", "ADJ", "NOUN") and not p.is_sent_start
                                        and w not in TITLES):
                j -= 1
            else:
                break
        # right: "of" + capitalised words ("Ministry of Foreign Affairs")
        k = i + 1
        if k + 1 < n and sdoc[k].lower_ == "of" and t.text[:1].isupper():
            m = k + 1
            if m < n and sdoc[m].lower_ == "the":
                m += 1
            last = None
            while m < n and (sdoc[m].text[:1].isupper() or (sdoc[m].lower_ == "and" and last is not None)) \
                    and "\n" not in sdoc[m].text:
                if sdoc[m].text[:1].isupper():
                    last = m
                    if nationality_code(sdoc[m].text):
                        nationality = True
                m += 1
            if last is not None:
                k = last + 1
        capitalised = t.text[:1].isupper() and (k > i + 1 or j < i)
        if not (nationality and (j < i or k > i + 1)) and not capitalised:
            continue
        if j == i and k == i + 1:
            continue
        start, end = sdoc[j].idx, sdoc[k - 1].idx + len(sdoc[k - 1].text)
        found.append(_Cand(start, end, "ORG", None, sdoc[j].is_sent_start))
    return _merge_found(cands, found)


def _merge_found(cands: list[_Cand], found: list[_Cand]) -> list[_Cand]:
    """Add phrases found by rule: one already inside an entity or crossing an entity's boundary is
    left out (spaCy's reading stands); one that contains entities replaces them. Linear: spaCy's
    entities do not overlap, so a bisection finds each phrase's neighbours."""
    if not found:
        return cands
    cands = sorted(cands, key=lambda c: (c.start, c.end))
    starts = [c.start for c in cands]
    removed: set[int] = set()
    added: list[_Cand] = []
    for f in sorted(found, key=lambda c: (c.start, c.end)):
        if added and added[-1].end > f.start:
            continue  # overlaps a phrase just added
        lo = max(0, bisect_left(starts, f.start) - 1)
        hi = bisect_left(starts, f.end)
        overlapping = [i for i in range(lo, hi) if cands[i].start < f.end and f.start < cands[i].end]
        if any(cands[i].start <= f.start and f.end <= cands[i].end for i in overlapping):
            continue  # already covered by an entity
        if any(cands[i].start < f.start or cands[i].end > f.end for i in overlapping):
            continue  # crosses another entity's boundary: leave spaCy's reading
        removed.update(overlapping)
        added.append(f)
    out = [c for i, c in enumerate(cands) if i not in removed] + added
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _split_glued(sdoc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """'handed Ruiz Chile's reply' tagged as one ORG: a known person's surname followed by a
    country is two entities."""
    surnames = set()
    for c in cands:
        if c.label == "PERSON":
            p = parse_person(text_of(sdoc)[c.start:c.end])
            if p and p.full:
                surnames.add(translit(p.surname))
    out: list[_Cand] = []
    for c in cands:
        text = text_of(sdoc)[c.start:c.end]
        parts = text.split(" ")
        if c.label != "PERSON" and len(parts) == 2 and translit(parts[0]) in surnames and country_code(parts[1]):
            cut = c.start + len(parts[0])
            out.append(_Cand(c.start, cut, "PERSON", None, c.sent_start))
            out.append(_Cand(cut + 1, c.end, "GPE", None, False))
        else:
            out.append(c)
    return out


# Head nouns of a place named "<Head> of <Name>": the Port of Constanta is where Constanta is.
PLACE_HEADS = frozenset({"Port", "City", "Province", "Region", "District", "County", "Municipality",
                         "Governorate", "Prefecture", "Oblast"})


# Title words that also begin other names ("St Petersburg", "Major League", "Crown Estate") or
# that news does not set before a bare name: no untagged name is looked for after them.
_NOT_BEFORE_NAMES = frozenset({"st", "saint", "head", "member", "official", "leader", "chief", "crown",
                               "chair", "general", "major", "justice", "speaker", "officer", "founder"})


def _covered(sdoc: Doc, cands: list[_Cand]) -> bytearray:
    """One flag per token: inside some candidate."""
    flags = bytearray(len(sdoc))
    for c in cands:
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            flags[span.start:span.end] = b"\x01" * (span.end - span.start)
    return flags


def _same_line(a: Token, b: Token) -> bool:
    return "\n" not in a.whitespace_ and "\n" not in b.text


def _missed_names(sdoc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Names spaCy's small model leaves untagged where news grammar marks them: a person's name
    right after a title ("Minister of Transport Ana Ruiz", "Ambassador Ruiz"), and a place after a
    place head ("the Port of Valparaiso"). One pass over the tokens."""
    covered = _covered(sdoc, cands)
    found: list[_Cand] = []
    n = len(sdoc)

    def run_from(j: int, limit: int, place: bool = False) -> int:
        """End of the run of untagged capitalised proper nouns from j (for a place, tagged ones too:
        the phrase then replaces the entity it contains)."""
        k = j
        while k < n and k - j < limit and sdoc[k].text[:1].isupper() and sdoc[k].is_alpha \
                and sdoc[k].pos_ == "PROPN" and not _is_titleish(sdoc[k]) \
                and (place or (not covered[k] and sdoc[k].ent_type_ in ("", "PERSON"))) \
                and (k == j or _same_line(sdoc[k - 1], sdoc[k])):
            k += 1
        return k

    for t in sdoc:
        i = t.i
        if covered[i] or i + 1 >= n or not _same_line(t, sdoc[i + 1]):
            continue
        if t.text in PLACE_HEADS and sdoc[i + 1].lower_ == "of" and i + 2 < n:
            k = run_from(i + 2, 3, place=True)
            if k > i + 2:
                label = "FAC" if t.text == "Port" else "GPE"
                found.append(_Cand(t.idx, sdoc[k - 1].idx + len(sdoc[k - 1].text), label, None, t.is_sent_start))
            continue
        if _norm_word(t) not in TITLES or _norm_word(t) in _NOT_BEFORE_NAMES \
                or not t.text.rstrip(".").isalpha():
            continue
        j = i + 1
        if j < n and sdoc[j].text == "." and len(t.text) <= 4:
            j += 1   # "Gen. Ana Ruiz" tokenized "Gen", "."
        while j < n and not covered[j] and _is_titleish(sdoc[j]) and _norm_word(sdoc[j]) not in {"'s", "'"} \
                and _same_line(sdoc[j - 1], sdoc[j]):
            j += 1
        if j >= n or not t.text[:1].isupper() or not _same_line(sdoc[j - 1], sdoc[j]):
            continue
        k = run_from(j, 4)
        if k == j:
            continue
        name = sdoc[j:k]
        if len(name) == 1:
            word = name[0]
            if is_known_place(word.text) or nationality_code(word.text) or word.is_sent_start:
                continue
        elif not _person_like(list(name)):
            continue
        c = _trim(sdoc, list(name), "PERSON")
        if c is not None and c.label == "PERSON":
            found.append(c)
    return _merge_found(cands, found)


def _vote_labels(text: str, cands: list[_Cand]) -> None:
    """One surface, one type: 'Page' tagged PERSON twice and ORG once is a PERSON throughout.
    Ties go to PERSON (spaCy's small model often tags a person's name ORG); places, nationalities
    and organisation phrases keep their own label ("Jordan" the country and the name differ)."""
    votes: dict[str, Counter] = {}
    for c in cands:
        votes.setdefault(fold(text[c.start:c.end]), Counter())[c.label] += 1
    for c in cands:
        v = votes[fold(text[c.start:c.end])]
        if len(v) < 2 or c.label in ("GPE", "NORP"):
            continue
        best = sorted(v.items(), key=lambda kv: (-kv[1], kv[0] != "PERSON", kv[0]))[0][0]
        if best not in ("GPE", "NORP"):
            c.label = best


def _kind(label: str) -> str:
    if label in PLACE_LABELS:
        return "PLACE"
    return label


def _cluster(text: str, cands: list[_Cand]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[str, int] = {}

    def add(c: _Cand, kind: str, key: str) -> None:
        idx = by_key.get(key)
        if idx is None:
            idx = len(clusters)
            by_key[key] = idx
            clusters.append(_Cluster(kind, key))
        clusters[idx].members.append(c)
        c.cluster = idx

    # 1. full person names first, so surnames can find them before or after
    persons_full: list[tuple[int, str, str]] = []   # (cluster idx, surname key, all core tokens)
    pending: list[_Cand] = []
    for c in cands:
        s = text[c.start:c.end]
        if c.label == "PERSON":
            p = parse_person(s)
            if p and p.full:
                key = "person:" + p.joined
                add(c, "PERSON", key)
                continue
        pending.append(c)
    for idx, cl in enumerate(clusters):
        p = parse_person(text[cl.members[0].start:cl.members[0].end])
        persons_full.append((idx, translit(p.surname), " ".join(translit(t) for t in p.tokens)))

    def person_for(s: str) -> Optional[int]:
        p = parse_person(s)
        if p is None or p.full:
            return None
        by_surname = {i for i, sk, _ in persons_full if sk == translit(p.surname)}
        if len(by_surname) == 1:
            return by_surname.pop()
        if by_surname:
            return None
        by_token = {i for i, _, toks in persons_full if translit(p.surname) in toks.split()}
        return by_token.pop() if len(by_token) == 1 else None

    # 2. the rest, in text order
    org_clusters: dict[str, list[int]] = {}
    for c in pending:
        s = text[c.start:c.end]
        if c.label == "PERSON":
            target = person_for(s)
            if target is not None:
                clusters[target].members.append(c)
                c.cluster = target
                continue
            p = parse_person(s)
            add(c, "PERSON", "person-part:" + (translit(p.surname) if p else fold(s)))
            continue
        # a single word that is a person's surname in this document, whatever spaCy tagged it
        if " " not in s and not is_known_place(s) and nationality_code(s) is None:
            target = person_for(s)
            if target is not None:
                clusters[target].members.append(c)
                c.cluster = target
                continue
        if c.label == "ORG":
            key = org_key(s)
            add(c, "ORG", key)
            continue
        if c.label in PLACE_LABELS:
            add(c, "PLACE", place_key(s))
            continue
        if c.label == "NORP":
            code = demonym_code(s)
            add(c, "NORP", "norp:" + (code or fold(s).rstrip("s")))
            continue
        add(c, c.label, c.label.lower() + ":" + " ".join(words(s)))

    # 3. a bare surname cluster met before its full name was also caught by person_for; an
    # acronym joins the one organisation whose initials it spells
    for key, idx in list(by_key.items()):
        cl = clusters[idx]
        if cl.kind != "ORG" or not cl.members:
            continue
        s = text[cl.members[0].start:cl.members[0].end]
        if re.fullmatch(r"[A-Z]{2,6}", s.replace(".", "")):
            acr = s.replace(".", "").lower()
            targets = [i for i, o in enumerate(clusters) if o.kind == "ORG" and i != idx and o.members
                       and len(text[o.members[0].start:o.members[0].end].split()) >= 2
                       and initials(text[o.members[0].start:o.members[0].end]) == acr]
            if len(targets) == 1:
                for m in cl.members:
                    m.cluster = targets[0]
                clusters[targets[0]].members.extend(cl.members)
                cl.members = []
    _ministries_by_country(clusters)
    return [cl for cl in clusters if cl.members]


def _ministries_by_country(clusters: list[_Cluster]) -> None:
    """'the Chilean ministry' (a country and a head, no portfolio) joins the one ministry of that
    country whose portfolio is named ('Chile's Ministry of Transport'), when there is exactly one."""
    named: dict[tuple[str, str], list[_Cluster]] = {}
    bare: list[_Cluster] = []
    for cl in clusters:
        parts = cl.key.split(":")
        if cl.kind != "ORG" or len(parts) != 4 or parts[1] == "-" or not cl.members:
            continue
        if parts[3]:
            named.setdefault((parts[1], parts[2]), []).append(cl)
        else:
            bare.append(cl)
    for cl in bare:
        parts = cl.key.split(":")
        targets = named.get((parts[1], parts[2]), [])
        if len(targets) == 1:
            targets[0].members.extend(cl.members)
            cl.members = []


def _untagged_surnames(sdoc: Doc, clusters: list[_Cluster], cands: list[_Cand]) -> None:
    """A person's surname (or full name) repeated where spaCy tagged nothing ("Ruiz, who oversees
    logistics, said") joins that person when one person in the document carries it. One pass."""
    text = text_of(sdoc)
    surname_of: dict[str, set[int]] = {}
    full_of: dict[tuple[str, str], int] = {}
    for idx, cl in enumerate(clusters):
        if cl.kind != "PERSON":
            continue
        for m in cl.members:
            parts = text[m.start:m.end].split()
            if len(parts) >= 2 and parts[-1][:1].isupper():
                surname_of.setdefault(parts[-1], set()).add(idx)
                if len(parts) == 2:
                    full_of[(parts[0], parts[1])] = idx
    if not surname_of:
        return
    covered = _covered(sdoc, cands)
    n = len(sdoc)
    for t in sdoc:
        if covered[t.i] or t.pos_ != "PROPN" or t.ent_type_ not in ("", "PERSON"):
            continue
        nxt = sdoc[t.i + 1] if t.i + 1 < n else None
        if nxt is not None and not covered[nxt.i] and (t.text, nxt.text) in full_of and _same_line(t, nxt):
            idx = full_of[(t.text, nxt.text)]
            clusters[idx].members.append(_Cand(t.idx, nxt.idx + len(nxt.text), "PERSON", None, t.is_sent_start))
            covered[nxt.i] = 1
            continue
        owners = surname_of.get(t.text)
        if owners is not None and len(owners) == 1 and not (nxt is not None and nxt.pos_ == "PROPN"
                                                              and nxt.text[:1].isupper() and _same_line(t, nxt)):
            idx = next(iter(owners))
            clusters[idx].members.append(_Cand(t.idx, t.idx + len(t.text), "PERSON", None, t.is_sent_start))


def _definite_descriptions(sdoc: Doc, clusters: list[_Cluster], taken: list[tuple[int, int]]) -> None:
    """'the ministry' after exactly one ministry was named joins that ministry."""
    heads: dict[str, list[tuple[int, _Cluster]]] = {}
    for cl in clusters:
        if cl.kind != "ORG" or not cl.key.startswith("org:") or cl.key.count(":") < 3:
            continue
        head = cl.key.split(":")[2]
        first = min(m.start for m in cl.members)
        heads.setdefault(head, []).append((first, cl))
    if not heads:
        return
    spans = sorted(taken)
    for t in sdoc:
        if t.text not in DEFINITE_HEADS or t.i == 0 or sdoc[t.i - 1].lower_ != "the":
            continue
        if t.i + 1 < len(sdoc) and sdoc[t.i + 1].lower_ == "of":
            continue  # "the ministry of ..." names another body
        start, end = t.idx, t.idx + len(t.text)
        if any(a < end and start < b for a, b in spans):
            continue
        named_before = [cl for first, cl in heads.get(t.text, []) if first < start]
        if len(named_before) == 1:
            named_before[0].members.append(_Cand(start, end, "ORG", None, False))


def _best_name(kind: str, surfaces: list[str]) -> str:
    """The fullest common form: for people and organisations the longest (the most frequent of
    those), for places and groups the most frequent."""
    counts = Counter(surfaces)
    order = {s: i for i, s in reversed(list(enumerate(surfaces)))}
    forms = [s for s in counts if any(ch.isupper() for ch in s)] or list(counts)
    if kind in ("PERSON", "ORG"):
        longest = max(len(words(s)) for s in forms)
        pool = [s for s in forms if len(words(s)) == longest]
        return sorted(pool, key=lambda s: (-counts[s], -len(s), order[s]))[0]
    return sorted(forms, key=lambda s: (-counts[s], -len(words(s)), order[s]))[0]


def entities_of(document: Document, sdoc: Doc) -> list[Entity]:
    """The document's entity clusters, numbered in order of first mention."""
    text = document.text
    cands = _ner_candidates(sdoc)
    cands = _split_glued(sdoc, cands)
    cands = _org_phrases(sdoc, cands)
    cands = _missed_names(sdoc, cands)
    _vote_labels(text, cands)
    clusters = _cluster(text, cands)
    _untagged_surnames(sdoc, clusters, cands)
    _definite_descriptions(sdoc, clusters, [(c.start, c.end) for c in cands])
    clusters.sort(key=lambda cl: min(m.start for m in cl.members))
    out: list[Entity] = []
    for n, cl in enumerate(clusters):
        members = sorted(cl.members, key=lambda m: (m.start, m.end))
        labels = Counter(m.label for m in members)
        if cl.kind == "PERSON":
            etype = "PERSON"
        else:
            etype = sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        surfaces = [text[m.start:m.end] for m in members]
        named = [s for s, m in zip(surfaces, members) if any(ch.isupper() for ch in s)]
        aliases = list(dict.fromkeys(named or surfaces))
        roles = list(dict.fromkeys(m.role for m in members if m.role))
        out.append(Entity(
            id=local_id(document.id, n),
            name=_best_name(cl.kind, named or surfaces),
            type=etype,
            aliases=aliases,
            roles=roles,
            documents=[document.id],
            mentions=[Mention(doc=document.id, start=m.start, end=m.end, text=text[m.start:m.end],
                              label=m.label, role=m.role) for m in members],
        ))
    return out


def component(document: Document, sdoc: Doc, record: DocRecord, cfg: Config) -> None:
    """Fill `record.entities` with the document's entity clusters (ids `<doc>@<n>`)."""
    record.entities = entities_of(document, sdoc)

