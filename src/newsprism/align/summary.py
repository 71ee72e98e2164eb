"""A neutral brief: corroborated facts first, contested ones as "A reports …; B reports …".

Extractive and template-built only: every sentence quotes or names what the documents say and
cites them; nothing is stated that no document states.
"""
from __future__ import annotations

from typing import Any

from ..config import Config
from ..model import Analysis, Fact, Position, SummarySentence

MAX_CORROBORATED = 6
MAX_CONTESTED = 5


def format_value(value: Any) -> str:
    """A position's value in words: entity names, quantities with qualifiers, dates."""
    if isinstance(value, dict):
        unit = value.get("unit") or ""
        if "amount" in value:
            q = {">": "more than ", ">=": "at least ", "<": "fewer than ", "<=": "up to ", "~": "about "}.get(value.get("qualifier") or "", "")
            amount = value["amount"]
            amount = f"{amount:,}" if isinstance(amount, int) else str(amount)
            return f"{q}{amount} {unit}".strip()
        if "min" in value and "max" in value:
            return f"{value['min']:,}–{value['max']:,} {unit}".strip()
    return str(value)


def _outlets(a: Analysis, docs: list[str]) -> str:
    names = list(dict.fromkeys(a.document(d).outlet or d for d in docs))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _position_words(a: Analysis, p: Position) -> str:
    if isinstance(p.value, str) and p.value:
        ent = a.entity(p.value)
        return ent.name if ent else p.value
    return format_value(p.value)


def _contested(a: Analysis, f: Fact) -> SummarySentence:
    parts = [f"{_outlets(a, p.documents)} report{'s' if len(p.documents) == 1 else ''} {_position_words(a, p)}"
             for p in f.positions if p.documents]
    text = f"{f.about.rstrip('.?')}: " + "; ".join(parts) + "."
    return SummarySentence(text=text, facts=[f.id], documents=sorted({d for p in f.positions for d in p.documents}))


def _corroborated(a: Analysis, f: Fact) -> SummarySentence:
    claims = sorted(f.claim_objects, key=lambda c: (len(c.text), c.doc, c.start))
    docs = sorted({c.doc for c in f.claim_objects})
    quote = claims[0].text.strip() if claims else f.about
    text = f"{_outlets(a, docs)} agree: “{quote}”"
    return SummarySentence(text=text, facts=[f.id], documents=docs)


def summarize(a: Analysis, cfg: Config) -> list[SummarySentence]:
    def weight(f: Fact) -> tuple:
        return (-len({d for p in f.positions for d in p.documents}), f.id)

    out = [_corroborated(a, f) for f in sorted(a.facts_by_verdict("corroborated"), key=weight)[:MAX_CORROBORATED]]
    out += [_contested(a, f) for f in sorted(a.facts_by_verdict("contested"), key=weight)[:MAX_CONTESTED]]
    return out
