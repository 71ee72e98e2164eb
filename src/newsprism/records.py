"""Compact per-document records: what the per-document stages hand to the cross-document ones.

A `DocRecord` is everything found in one document after its single parse. It is plain,
picklable data (no spaCy objects), so a worker process or a Spark task can produce it and a
group-by can consume it.

Entity references inside a record are *local ids* of the form ``"<doc id>@<n>"``: the
document's own entity clusters. The resolve stage maps them to corpus-wide entity ids
(``"e7"``); a reference that is not a local id is plain words and stays as it is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .model import Claim, Entity, Framing, Time

LOCAL_SEP = "@"


def local_id(doc_id: str, n: int) -> str:
    return f"{doc_id}{LOCAL_SEP}{n}"


def is_local_id(ref: Optional[str]) -> bool:
    return bool(ref) and LOCAL_SEP in ref and ref.rsplit(LOCAL_SEP, 1)[1].isdigit()


@dataclass
class DocRecord:
    doc: str
    language: Optional[str] = None
    published: Optional[str] = None
    # within-document entity clusters; ids from local_id(); mentions carry exact offsets
    entities: list[Entity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    # claim ids are local too ("<doc>#c<n>"), renumbered corpus-wide by the pipeline
    claims: list[Claim] = field(default_factory=list)
    framing: Optional[Framing] = None
    # features for story clustering: lemma counts of content words, title lemmas, ...
    features: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def entity_at(record: DocRecord, start: int, end: int) -> Optional[str]:
    """Local id of the entity whose mention overlaps [start, end) the most, else None."""
    best: Optional[str] = None
    best_overlap = 0
    for e in record.entities:
        for m in e.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = e.id, overlap
    return best
