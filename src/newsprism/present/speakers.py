"""Who a claim or a label is credited to, in words a reader can use: never a bare pronoun.

An attribution that is an entity id is that entity's name. One that is a pronoun ('He', 'they') is
named from its paragraph: the nearest earlier entity of the pronoun's kind named in the same paragraph
(or the paragraph before, where news often names a speaker and quotes them in the next one). When
none is found the attribution is left out rather than shown as 'He'.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from ..model import Analysis

PRONOUNS = {"he": {"PERSON"}, "she": {"PERSON"}, "him": {"PERSON"}, "her": {"PERSON"},
            "it": {"ORG", "GPE", "NORP"}, "they": {"PERSON", "ORG", "GPE", "NORP"},
            "we": {"PERSON", "ORG", "GPE", "NORP"}, "i": {"PERSON"}, "them": {"PERSON", "ORG", "GPE", "NORP"}}


def is_pronoun(words: Optional[str]) -> bool:
    return bool(words) and words.strip().lower() in PRONOUNS


class Speakers:
    """Names for attributions in one Analysis (mention positions indexed once per document)."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        self._mentions: dict[str, list[tuple[int, str, str]]] = {}
        for e in a.entities:
            for m in e.mentions:
                self._mentions.setdefault(m.doc, []).append((m.start, e.name, e.type))
        for ms in self._mentions.values():
            ms.sort()

    def _paragraph_start(self, doc: str, at: int) -> int:
        """The start of the paragraph before the one holding `at`."""
        d = self.a.document(doc)
        text = d.text if d else ""
        starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n", text[:at])]
        return starts[-2] if len(starts) >= 2 else 0

    def from_paragraph(self, doc: str, at: int, pronoun: str) -> Optional[str]:
        kinds = PRONOUNS.get(pronoun.strip().lower(), set())
        ms = self._mentions.get(doc, [])
        lo = self._paragraph_start(doc, at)
        i = bisect.bisect_left(ms, (at, "", ""))
        for start, name, typ in reversed(ms[:i]):
            if start < lo:
                break
            if typ in kinds:
                return name
        return None

    def name(self, doc: str, at: int, entity: Optional[str], words: Optional[str]) -> Optional[str]:
        """The speaker's name, or None when only a pronoun is known and its paragraph names nobody fitting."""
        if entity:
            e = self.a.entity(entity)
            if e is not None:
                return e.name
        if words and is_pronoun(words):
            return self.from_paragraph(doc, at, words)
        if entity and not words:
            return None if is_pronoun(entity) else entity
        return words or None
