"""Whether a report tells a person as a man or a woman, so that 'she' in it does not stand for 'Mr. Obama'.

Read from the report's own words only (a pronoun's antecedent is in its own report): a courtesy title right before
the name ('Mr. Jackson', 'Ms. Brewer'), a word for a man or a woman set before it ('his wife, Sandra Jackson', 'the
actress Tara Reid'), and the pronouns after the name in the sentences that name this person and no other ('Brewer
said she would sign it'; in 'She said Obama had a chance' she is someone named before). A title or a word counts
more than a pronoun, since a pronoun in such a sentence may still be someone unnamed's, and nothing is told without
a clear majority (`FactsConfig.gender_*`). No list of given names: a name says nothing here that the
report does not.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ...config import FactsConfig
from ...resolve.titles import sex_before
from .words import SENTENCE_END_PAST_TITLES

# the sex a personal pronoun tells of whom it stands for ('they' and 'it' tell none)
PRONOUN_SEX = {**dict.fromkeys(["he", "him", "his", "himself"], "m"),
               **dict.fromkeys(["she", "her", "hers", "herself"], "f")}
_PRONOUN = re.compile(r"\b(?:" + "|".join(PRONOUN_SEX) + r")\b", re.I)


def genders(text: str, mentions: list[tuple[int, int, str]], people: frozenset[str],
            cfg: Optional[FactsConfig] = None) -> dict[str, str]:
    """Entity -> 'm' or 'f' for the people of one report whose gender it tells. `mentions`: (start, end, entity)
    in text order; `people`: which of those entities are persons."""
    cfg = cfg or FactsConfig()
    weight = cfg.gender_word_weight
    votes: dict[str, Counter[str]] = {}
    for start, _, ref in mentions:
        if ref in people and (sex := sex_before(text, start)):
            votes.setdefault(ref, Counter())[sex] += weight
    bounds = [0] + [m.end() for m in SENTENCE_END_PAST_TITLES.finditer(text)] + [len(text)]
    i = 0
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        named: dict[str, int] = {}     # person -> where the sentence first names them
        while i < len(mentions) and mentions[i][0] < hi:
            if mentions[i][0] >= lo and mentions[i][2] in people:
                named.setdefault(mentions[i][2], mentions[i][1])
            i += 1
        if len(named) != 1:
            continue
        ref, at = next(iter(named.items()))
        found = list(_PRONOUN.finditer(text, lo, hi))
        if found and found[0].start() < at:
            continue     # 'She said Obama had an opportunity': a pronoun before the name is someone before it
        for p in found:
            votes.setdefault(ref, Counter())[PRONOUN_SEX[p.group(0).lower()]] += 1
    return {ref: told for ref, v in votes.items() if (told := _told(v, cfg))}


def _told(v: Counter[str], cfg: FactsConfig) -> Optional[str]:
    for side, other in (("m", "f"), ("f", "m")):
        if v[side] >= cfg.gender_min_votes and v[side] >= cfg.gender_margin * v[other]:
            return side
    return None
