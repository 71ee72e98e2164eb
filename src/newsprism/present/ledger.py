"""The fact ledger as every view shows it: readable headings, value lines that say what differs, one
entry for one document's restatements, and counts that say which documents are copies.

The Analysis keeps every fact as the ledger made it; this module only groups and words them for reading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Analysis, Claim, Fact
from .headings import fact_heading, shows_value
from .names import doc_ref, plural
from .summary import position_words

VERDICTS = ("contested", "corroborated", "compatible", "single_source")
VERDICT_LABEL = {"contested": "Contested", "corroborated": "Corroborated", "compatible": "Compatible",
                 "single_source": "Single source"}


@dataclass
class ValueLine:
    value: Optional[str]                 # None: the heading already says it
    claims: list[Claim]
    key: object = None                   # the normalized value: wordings of one figure share it


@dataclass
class LedgerEntry:
    id: str                              # the first fact's id (an anchor, never shown)
    heading: str
    verdict: str
    explanation: str
    values: list[ValueLine] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    event: Optional[tuple[str, str]] = None   # an agreed figure's event: (its fact id, its heading)

    @property
    def documents(self) -> set[str]:
        return {c.doc for v in self.values for c in v.claims}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def copies_note(a: Analysis, docs: set[str]) -> str:
    """'Y carries X's text': documents among `docs` that are near-copies of an earlier one, named."""
    order = {d.id: i for i, d in enumerate(a.documents)}
    said = []
    for d in sorted(docs, key=lambda x: order.get(x, 0)):
        doc = a.document(d)
        if doc is None:
            continue
        for n in doc.near_duplicates:
            if n.doc in docs and order.get(n.doc, 0) < order.get(d, 0):
                first, copy = doc_ref(a.document(n.doc)), doc_ref(doc)
                said.append(f"the two documents named {first} are copies of each other" if copy == first
                            else f"{copy} carries the text of {first}")
                break
    if not said:
        return ""
    return _cap("; ".join(said)) + ", so each copy counts once."


def _explanation(a: Analysis, f: Fact) -> str:
    docs = {c.doc for c in f.claim_objects}
    why = f.explanation or ""
    m = re.match(r"^(\d+) independent documents state the same\.$", why)
    if m:
        why = f"{plural(int(m.group(1)), 'independent document')} state the same."
    if f.verdict == "single_source" and docs:
        names = list(dict.fromkeys(doc_ref(a.document(d)) for d in sorted(docs)))
        why = f"Only {names[0]} states this." if len(names) == 1 else why
    note = copies_note(a, docs)
    return (why + " " + note).strip() if note else why


def entry(a: Analysis, f: Fact) -> LedgerEntry:
    values = [ValueLine(position_words(a, p) if shows_value(f, p) else None, list(p.claim_objects),
                        repr(p.normalized) if p.normalized is not None else None)
              for p in f.positions]
    try:
        event = a.fact(f.event) if f.event else None
    except KeyError:
        event = None     # a cut of the analysis without the figure's event
    return LedgerEntry(f.id, fact_heading(a, f), f.verdict, _explanation(a, f), values, [f.id],
                       (event.id, fact_heading(a, event)) if event is not None else None)


def _merge_restatements(a: Analysis, entries: list[LedgerEntry]) -> list[LedgerEntry]:
    """Single-source entries with one heading from one document are that document's restatements of one
    thing: one entry, each of its values once."""
    out: list[LedgerEntry] = []
    by_key: dict[tuple, LedgerEntry] = {}
    for e in entries:
        key = (e.heading, frozenset(e.documents))
        if e.verdict != "single_source" or len(key[1]) != 1:
            out.append(e)
            continue
        first = by_key.get(key)
        if first is None:
            by_key[key] = e
            out.append(e)
            continue
        first.facts += e.facts
        for v in e.values:
            same = next((x for x in first.values
                         if x.value == v.value or (x.key is not None and x.key == v.key)), None)
            if same is None:
                first.values.append(ValueLine(v.value, list(v.claims), v.key))
                continue
            if v.value and same.value and v.value not in same.value.split(" / "):
                same.value += " / " + v.value      # 'at least 23 / 23': one figure, worded twice
            same.claims += [c for c in v.claims if c not in same.claims]
        doc = a.document(next(iter(key[1])))
        n = sum(len(x.claims) for x in first.values)
        first.explanation = (f"Only {doc_ref(doc)} gives these {len(first.values)} figures."
                             if len(first.values) > 1 else f"Only {doc_ref(doc)} states this, in {n} places.")
    return out


def ledger_groups(a: Analysis) -> list[dict]:
    """Entries grouped by verdict, contested first; within a group the most widely reported first."""
    def reach(f: Fact) -> tuple:
        return (-len({d for p in f.positions for d in p.documents}), _fact_number(f.id), f.id)

    groups = []
    for v in VERDICTS:
        entries = _merge_restatements(a, [entry(a, f) for f in sorted(a.facts_by_verdict(v), key=reach)])
        if entries:
            groups.append({"verdict": v, "label": VERDICT_LABEL[v], "entries": entries})
    return groups


def _fact_number(fid: str) -> int:
    m = re.search(r"\d+", fid)
    return int(m.group()) if m else 0

