"""Finding a document's entity mentions: spaCy's named entities over the one parse, repaired the way
news text needs (titles and possessives out of the name, headline fragments out), and the names
spaCy's small model misses where news grammar marks them (organisation phrases, a name after a
title, a place after "Port of"). Each mention gets one label, voted over its surface form.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from spacy.tokens import Doc, Token

from ..parse import text_of
from .names import ORG_HEADS, country_code, demonym_code, fold, is_known_place, nationality_code, parse_person, translit
from .titles import (
    NOT_BEFORE_NAMES,
    ORG_MODIFIERS,
    PORTFOLIO_TITLES,
    TITLES,
    Candidate,
    is_titleish,
    norm_word,
    person_like,
    trim,
)

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
# Nationalities, religions and political groups that spaCy tags NORP and that are kept even at
# the start of a sentence (where an ordinary adjective is also capitalised).
GROUP_WORDS = frozenset({
    "jew", "jewish", "muslim", "christian", "catholic", "protestant", "orthodox", "sunni", "shia", "shiite",
    "islamist", "islamic", "hindu", "buddhist", "sikh", "arab", "kurd", "kurdish", "druze", "alawite",
    "democrat", "democratic", "republican", "conservative", "liberal", "labour", "socialist", "communist",
    "tory", "tories", "zionist", "jihadist", "salafist", "european", "western", "african", "asian", "latino",
    "hispanic", "persian", "pashtun", "tamil", "uighur", "uyghur", "rohingya", "yazidi", "evangelical",
})

# Head nouns of a place named "<Head> of <Name>": the Port of Constanta is where Constanta is.
PLACE_HEADS = frozenset({"Port", "City", "Province", "Region", "District", "County", "Municipality",
                         "Governorate", "Prefecture", "Oblast"})


def find_candidates(sdoc: Doc, text: str) -> list[Candidate]:
    """The document's mentions in text order, before clustering."""
    cands = _ner_candidates(sdoc)
    cands = _split_glued(sdoc, cands)
    cands = _org_phrases(sdoc, cands)
    cands = _missed_names(sdoc, cands)
    _vote_labels(text, cands)
    return cands


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


def _ner_candidates(sdoc: Doc) -> list[Candidate]:
    out: list[Candidate] = []
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
                c = trim(sdoc, piece, ent.label_)
                if c is not None and _keep(sdoc, c):
                    out.append(c)
    return out


def _keep(sdoc: Doc, c: Candidate) -> bool:
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
    if span is not None and span.end < len(sdoc) and norm_word(sdoc[span.end]) in PORTFOLIO_TITLES \
            and all(is_titleish(t) for t in span) and not all(nationality_code(t.text) for t in span):
        # "Transport" or "Romanian Transport" before "Minister": the start of a role, not a name
        return False
    if c.label in ("PERSON", "ORG") and " " not in text and _common_word(sdoc, c, text):
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


def _common_word(sdoc: Doc, c: Candidate, word: str) -> bool:
    """A single word tagged a person or a body that is an ordinary word: an adjective ('Olympic' in 'Olympic
    swimmer'), or a word capitalised only because it opens a sentence or sits in a headline that the report
    also writes in lower case ('Actress and champion swimmer ...' where the report says 'the actress')."""
    span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
    if c.label == "PERSON" and span is not None and len(span) == 1 and (span[0].tag_, span[0].dep_) == ("JJ", "amod"):
        return True
    if not word[:1].isupper() or word.isupper() or not (c.sent_start or _heading_line(text_of(sdoc), c.start)):
        return False
    # in lower case in the report's prose: a noun or adjective after a word, not a piece of an address
    # ('www.microsoft.com', '/vincent-gigante-dies'); and never capitalised inside a sentence of prose ('the Navy')
    where = _token_positions(sdoc)

    def after_word(i: int) -> bool:
        return i > 0 and sdoc[i - 1].is_alpha

    if any(after_word(i) and not sdoc[i].is_sent_start and not _heading_line(text_of(sdoc), sdoc[i].idx)
           for i in where.get(word, ())):
        return False
    return any(sdoc[i].tag_ in COMMON_TAGS and after_word(i) for i in where.get(word.lower(), ()))


def _token_positions(sdoc: Doc) -> dict[str, list[int]]:
    """Where each token text occurs in the document, indexed once per parse."""
    index = sdoc.user_data.get(POSITIONS_KEY)
    if index is None:
        index = sdoc.user_data[POSITIONS_KEY] = {}
        for t in sdoc:
            index.setdefault(t.text, []).append(t.i)
    return index


def _org_phrases(sdoc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Organisation noun phrases spaCy misses: 'Chilean foreign ministry', "Chile's transport
    ministry", 'the Ministry of Foreign Affairs' — a head noun (ministry, department, ...) named by a nationality, a place,
    or capitalised words."""
    found: list[Candidate] = []
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
            if norm_word(p) == "'s" and j - 2 >= 0 and sdoc[j - 2].text[:1].isupper() \
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
        found.append(Candidate(start, end, "ORG", None, sdoc[j].is_sent_start))
    return _merge_found(cands, found)


def _merge_found(cands: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """Add phrases found by rule: one already inside an entity or crossing an entity's boundary is
    left out (spaCy's reading stands); one that contains entities replaces them. Linear: spaCy's
    entities do not overlap, so a bisection finds each phrase's neighbours."""
    if not found:
        return cands
    cands = sorted(cands, key=lambda c: (c.start, c.end))
    starts = [c.start for c in cands]
    removed: set[int] = set()
    added: list[Candidate] = []
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


POSITIONS_KEY = "newsprism.token_positions"
# the tags of a common noun or adjective
COMMON_TAGS = frozenset({"NN", "NNS", "JJ"})
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")


def _names_side_by_side(label: str, parts: list[str]) -> bool:
    """One name repeated, or full names of people, where a spaced dash parts them."""
    if len({fold(p) for p in parts}) == 1:
        return True
    return label == "PERSON" and all((p := parse_person(x)) is not None and p.full for x in parts)


def _split_glued(sdoc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'handed Ruiz Chile's reply' tagged as one ORG: a known person's surname followed by a
    country is two entities."""
    surnames = set()
    for c in cands:
        if c.label == "PERSON":
            p = parse_person(text_of(sdoc)[c.start:c.end])
            if p and p.full:
                surnames.add(translit(p.surname))
    out: list[Candidate] = []
    for c in cands:
        text = text_of(sdoc)[c.start:c.end]
        parts = text.split(" ")
        dashed = [m.span() for m in _SPACED_DASH.finditer(text)]
        if c.label != "PERSON" and len(parts) == 2 and translit(parts[0]) in surnames and country_code(parts[1]):
            cut = c.start + len(parts[0])
            out.append(Candidate(c.start, cut, "PERSON", None, c.sent_start))
            out.append(Candidate(cut + 1, c.end, "GPE", None, False))
        elif dashed and _names_side_by_side(c.label, _SPACED_DASH.split(text)):
            # 'Esther Williams - Esther Williams': a site's heading sets names side by side; a spaced dash inside
            # one name joins single words ('Jean - Paul Sartre' in tokenised text)
            bounds = [0] + [x for span in dashed for x in span] + [len(text)]
            out += [Candidate(c.start + a, c.start + b, c.label, None, c.sent_start and not a)
                    for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
        else:
            out.append(c)
    return out


def covered_tokens(sdoc: Doc, cands: list[Candidate]) -> bytearray:
    """One flag per token: inside some candidate."""
    flags = bytearray(len(sdoc))
    for c in cands:
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            flags[span.start:span.end] = b"\x01" * (span.end - span.start)
    return flags


def same_line(a: Token, b: Token) -> bool:
    return "\n" not in a.whitespace_ and "\n" not in b.text


def _missed_names(sdoc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Names spaCy's small model leaves untagged where news grammar marks them: a person's name
    right after a title ("Minister of Transport Ana Ruiz", "Ambassador Ruiz"), and a place after a
    place head ("the Port of Valparaiso"). One pass over the tokens."""
    covered = covered_tokens(sdoc, cands)
    found: list[Candidate] = []
    n = len(sdoc)

    def run_from(j: int, limit: int, place: bool = False) -> int:
        """End of the run of untagged capitalised proper nouns from j (for a place, tagged ones too:
        the phrase then replaces the entity it contains)."""
        k = j
        while k < n and k - j < limit and sdoc[k].text[:1].isupper() and sdoc[k].is_alpha \
                and sdoc[k].pos_ == "PROPN" and not is_titleish(sdoc[k]) \
                and (place or (not covered[k] and sdoc[k].ent_type_ in ("", "PERSON"))) \
                and (k == j or same_line(sdoc[k - 1], sdoc[k])):
            k += 1
        return k

    for t in sdoc:
        i = t.i
        if covered[i] or i + 1 >= n or not same_line(t, sdoc[i + 1]):
            continue
        if t.text in PLACE_HEADS and sdoc[i + 1].lower_ == "of" and i + 2 < n:
            k = run_from(i + 2, 3, place=True)
            if k > i + 2:
                label = "FAC" if t.text == "Port" else "GPE"
                found.append(Candidate(t.idx, sdoc[k - 1].idx + len(sdoc[k - 1].text), label, None, t.is_sent_start))
            continue
        if norm_word(t) not in TITLES or norm_word(t) in NOT_BEFORE_NAMES \
                or not t.text.rstrip(".").isalpha():
            continue
        j = i + 1
        if j < n and sdoc[j].text == "." and len(t.text) <= 4:
            j += 1   # "Gen. Ana Ruiz" tokenized "Gen", "."
        while j < n and not covered[j] and is_titleish(sdoc[j]) and norm_word(sdoc[j]) not in {"'s", "'"} \
                and same_line(sdoc[j - 1], sdoc[j]):
            j += 1
        if j >= n or not t.text[:1].isupper() or not same_line(sdoc[j - 1], sdoc[j]):
            continue
        k = run_from(j, 4)
        if k == j:
            continue
        name = sdoc[j:k]
        if len(name) == 1:
            word = name[0]
            if is_known_place(word.text) or nationality_code(word.text) or word.is_sent_start:
                continue
        elif not person_like(list(name)):
            continue
        c = trim(sdoc, list(name), "PERSON")
        if c is not None and c.label == "PERSON":
            found.append(c)
    return _merge_found(cands, found)


def _vote_labels(text: str, cands: list[Candidate]) -> None:
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
