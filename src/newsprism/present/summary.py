"""A neutral brief: corroborated facts first, contested ones as "A reports …; B reports …".

Extractive and template-built only: every sentence either quotes a document's own words or
names the values the documents give, and cites the documents it rests on. Nothing is stated
that no document states.
"""
from __future__ import annotations

import re
from typing import Any

from ..config import Config
from ..model import Analysis, Claim, Fact, Position, SummarySentence

MAX_CORROBORATED = 6
MAX_CONTESTED = 5
MIN_QUOTE_WORDS = 5          # shorter claims are fragments, not sentences a reader can take alone

_QUOTES = "\"'“”‘’«»„"
_QUALIFIERS = {">": "more than ", ">=": "at least ", "<": "fewer than ", "<=": "up to ", "~": "about "}


def format_value(value: Any) -> str:
    """A position's value in words: entity names, quantities with qualifiers, dates."""
    if isinstance(value, dict):
        unit = value.get("unit") or ""
        if "amount" in value:
            q = _QUALIFIERS.get(value.get("qualifier") or "", "")
            amount = value["amount"]
            amount = f"{amount:,}" if isinstance(amount, int) else str(amount)
            return f"{q}{amount} {unit}".strip()
        if "min" in value and "max" in value:
            lo, hi = value["min"], value["max"]
            lo = f"{lo:,}" if isinstance(lo, int) else str(lo)
            hi = f"{hi:,}" if isinstance(hi, int) else str(hi)
            return f"{lo}–{hi} {unit}".strip()
    return "" if value is None else str(value)


def position_words(a: Analysis, p: Position) -> str:
    """What a position says, as words: an entity id becomes the entity's name."""
    if isinstance(p.value, str) and p.value:
        ent = a.entity(p.value)
        return ent.name if ent else p.value
    return format_value(p.value)


def outlets_phrase(a: Analysis, docs: list[str]) -> str:
    """"A", "A and B", "A, B and C": the outlets (or document ids) behind `docs`, in order."""
    names = list(dict.fromkeys(a.document(d).outlet or d for d in docs))
    if not names:
        return "No document"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def quote(text: str) -> str:
    """A claim's words inside quotation marks: its own outer marks dropped, inner ones made single."""
    words = re.sub(r"\s+", " ", text).strip().strip(_QUOTES + " ").rstrip(",;:")
    return "“" + words.replace("“", "‘").replace("”", "’") + "”"


def _best_claim(claims: list[Claim]) -> Claim | None:
    """The shortest claim that is still a sentence; the shortest of all when none is."""
    ranked = sorted(claims, key=lambda c: (len(c.text.split()) < MIN_QUOTE_WORDS, len(c.text), c.doc, c.start))
    return ranked[0] if ranked else None


def contested_sentence(a: Analysis, f: Fact) -> SummarySentence:
    parts = [f"{outlets_phrase(a, p.documents)} report{'s' if len(_outlets(a, p.documents)) == 1 else ''} "
             f"{position_words(a, p)}" for p in f.positions if p.documents]
    about = (f.about or "On this point").rstrip(".?! ")
    text = f"{about[:1].upper()}{about[1:]}: " + "; ".join(parts) + "."
    return SummarySentence(text=text, facts=[f.id], documents=sorted({d for p in f.positions for d in p.documents}))


def corroborated_sentence(a: Analysis, f: Fact) -> SummarySentence | None:
    best = _best_claim(f.claim_objects)
    if best is None:
        return None
    docs = sorted({c.doc for c in f.claim_objects})
    text = f"{outlets_phrase(a, docs)} report{'s' if len(_outlets(a, docs)) == 1 else ''}: {quote(best.text)}."
    return SummarySentence(text=text, facts=[f.id], documents=docs)


def _outlets(a: Analysis, docs: list[str]) -> list[str]:
    return list(dict.fromkeys(a.document(d).outlet or d for d in docs))


def summarize(a: Analysis, cfg: Config) -> list[SummarySentence]:
    """Up to MAX_CORROBORATED agreed facts (most widely reported first), then the contested ones."""
    def reach(f: Fact) -> tuple:
        return (-len({d for p in f.positions for d in p.documents}), f.id)

    out: list[SummarySentence] = []
    seen_text: set[str] = set()
    used_claims: set[str] = set()
    for f in sorted(a.facts_by_verdict("corroborated"), key=reach):
        if len(out) >= MAX_CORROBORATED:
            break
        claims = {c for p in f.positions for c in p.claims}
        s = corroborated_sentence(a, f)
        key = s.text.split(": ", 1)[-1].lower() if s else ""
        if s is None or key in seen_text or claims & used_claims:
            continue  # the same words or the same sentences already carry an earlier line
        seen_text.add(key)
        used_claims |= claims
        out.append(s)
    out += [contested_sentence(a, f) for f in sorted(a.facts_by_verdict("contested"), key=reach)[:MAX_CONTESTED]]
    return out
