"""The report's framing section: which labels and loaded words are the outlet's own, and which are
words it quotes from someone else, shown in quotation marks under that speaker.

A label inside a ministry's quoted statement is the ministry's label, not the outlet's: only the outlet's
own labels decide whether outlets differ on an actor.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Optional

from ..model import Actor, Analysis, Framing, LoadedTerm
from .speakers import Speakers, is_pronoun

QUOTED = ";quoted"
SOURCE_NAMES = {"news": "newsprism's news list", "vader": "VADER's sentiment lexicon",
                "textblob": "TextBlob's subjectivity lexicon"}


@dataclass
class Cell:
    own: list[str] = field(default_factory=list)
    quoted: dict[str, list[str]] = field(default_factory=dict)   # speaker -> labels in their words

    def add_own(self, label: str) -> None:
        if label not in self.own:
            self.own.append(label)

    def add_quoted(self, speaker: str, label: str) -> None:
        got = self.quoted.setdefault(speaker, [])
        if label not in got:
            got.append(label)


def _speaker_of_span(sp: Speakers, doc: str, start: int, by: Optional[str]) -> str:
    return sp.name(doc, start, by, by) or "someone quoted"


def actor_cell(sp: Speakers, doc: str, actor: Actor, cell: Cell) -> None:
    """Each label of an actor in one document, as the outlet's own or as a quoted speaker's."""
    for label in actor.labels:
        spans = [s for s in actor.label_spans if label.lower() in s.text.lower()]
        if spans and all(s.attributed_to for s in spans):
            for s in spans:
                cell.add_quoted(_speaker_of_span(sp, doc, s.start, s.attributed_to), label)
        else:
            cell.add_own(label)


def label_rows(a: Analysis, sp: Speakers) -> list[dict[str, Any]]:
    cells: dict[str, dict[str, Cell]] = defaultdict(dict)
    names: dict[str, str] = {}
    for f in a.framing:
        for actor in f.actors:
            if not actor.labels:
                continue
            key = actor.entity or "name:" + actor.name.lower()
            ent = a.entity(actor.entity) if actor.entity else None
            names.setdefault(key, ent.name if ent else actor.name)
            actor_cell(sp, f.doc, actor, cells[key].setdefault(f.doc, Cell()))
    rows = []
    for key, by_doc in cells.items():
        own = {d: tuple(sorted(set(c.own))) for d, c in by_doc.items() if c.own}
        rows.append({"name": names[key], "cells": by_doc,
                     "disagree": len(own) > 1 and len(set(own.values())) > 1})
    rows.sort(key=lambda r: (not r["disagree"], -len(r["cells"]), r["name"].lower()))
    return rows


def source_of(category: Optional[str]) -> str:
    """'vader/negative;quoted' -> "VADER's sentiment lexicon (negative)"."""
    cat = (category or "").replace(QUOTED, "")
    src, _, kind = cat.partition("/")
    name = SOURCE_NAMES.get(src, src or "lexicon")
    return f"{name} ({kind.replace('_', ' ')})" if kind else name


def _voice_at(sp: Speakers, fr: Framing, doc: str, t: LoadedTerm) -> str:
    for v in fr.voices:
        for s in v.spans:
            if s.start <= t.start and t.end <= s.end:
                return voice_name(sp, doc, v.speaker, v.entity, s.start) or "someone quoted"
    return "someone quoted"


def voice_name(sp: Speakers, doc: str, speaker: str, entity: Optional[str], at: int) -> Optional[str]:
    if is_pronoun(speaker):
        return sp.name(doc, at, entity, speaker)
    return speaker


def loaded_words(sp: Speakers, fr: Framing) -> dict[str, Any]:
    """The outlet's own loaded words, and quoted ones under their speakers; each word once, with its source."""
    own: dict[str, str] = {}
    quoted: dict[str, dict[str, str]] = defaultdict(dict)
    for t in fr.loaded_terms:
        word = t.text
        if (t.category or "").endswith(QUOTED):
            quoted[_voice_at(sp, fr, fr.doc, t)].setdefault(word, source_of(t.category))
        else:
            own.setdefault(word, source_of(t.category))
    return {"own": own, "quoted": dict(quoted)}


def voices(sp: Speakers, fr: Framing) -> list[tuple[str, int]]:
    out = []
    for v in fr.voices:
        at = v.spans[0].start if v.spans else 0
        name = voice_name(sp, fr.doc, v.speaker, v.entity, at)
        if name:
            out.append((name, v.quotes))
    return out


def framing_view(a: Analysis, sp: Optional[Speakers] = None) -> dict[str, Any]:
    """Labels per actor and document (rows where outlets' own labels differ first), voices, loaded words."""
    sp = sp or Speakers(a)
    docs = [d for d in a.documents if a.framing_of(d.id)]
    rows = label_rows(a, sp)
    per_doc = {d.id: {"voices": voices(sp, a.framing_of(d.id)), "loaded": loaded_words(sp, a.framing_of(d.id))}
               for d in docs}
    return {"docs": docs, "rows": rows, "per_doc": per_doc,
            "columns": [d for d in docs if any(d.id in r["cells"] for r in rows)]}
