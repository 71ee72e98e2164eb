"""A neutral brief: corroborated facts first, contested ones as "A reports …; B reports …".

Extractive and template-built only: every sentence either quotes a document's own words or
names the values the documents give, and cites the documents it rests on. Nothing is stated
that no document states, and no outlet is credited with words it did not write: an agreed fact is
quoted outlet by outlet, one sentence for each quotation, citing exactly the documents whose text
holds those words ("A reports: “…”." then "B and C report: “…”." when B and C carry the same wire
copy). The views show a fact's sentences on one line (`brief_lines`).
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


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def outlets_phrase(a: Analysis, docs: list[str]) -> str:
    """"A", "A and B", "A, B and C": the outlets (or document ids) behind `docs`, in order."""
    names = list(dict.fromkeys(a.document(d).outlet or d for d in docs))
    if not names:
        return "No document"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def quoted_words(text: str) -> str:
    """The words of a claim that go inside quotation marks: white space folded, its own outer marks
    and trailing commas dropped."""
    return _folded(text).strip(_QUOTES + " ").rstrip(",;:")


def quote(text: str) -> str:
    """A claim's words inside quotation marks: its own outer marks dropped, inner ones made single."""
    return "“" + quoted_words(text).replace("“", "‘").replace("”", "’") + "”"


def _best_claim(claims: list[Claim]) -> Claim | None:
    """The shortest claim that is still a sentence; the shortest of all when none is."""
    ranked = sorted(claims, key=lambda c: (len(c.text.split()) < MIN_QUOTE_WORDS, len(c.text), c.doc, c.start))
    return ranked[0] if ranked else None


def _reports(a: Analysis, docs: list[str]) -> str:
    return f"{outlets_phrase(a, docs)} report{'s' if len(_outlets(a, docs)) == 1 else ''}"


def contested_sentence(a: Analysis, f: Fact) -> SummarySentence:
    parts = [f"{_reports(a, p.documents)} {position_words(a, p)}" for p in f.positions if p.documents]
    return SummarySentence(text=f"{_about(f)}: " + "; ".join(parts) + ".", facts=[f.id],
                           documents=sorted({d for p in f.positions for d in p.documents}))


def _about(f: Fact) -> str:
    about = (f.about or "On this point").rstrip(".?! ")
    return about[:1].upper() + about[1:]


def corroborated_sentences(a: Analysis, f: Fact) -> list[SummarySentence]:
    """An agreed fact quoted outlet by outlet: each outlet's shortest sentence-like claim, citing
    every document whose text holds those words and no other."""
    docs = sorted({c.doc for c in f.claim_objects})
    out: list[SummarySentence] = []
    left = docs
    while left:
        best = _best_claim([c for c in f.claim_objects if c.doc in left])
        if best is None:
            break
        words = quoted_words(best.text)
        holds = [d for d in left if d == best.doc or words in _folded(a.document(d).text)]
        out.append(SummarySentence(text=f"{_reports(a, holds)}: {quote(best.text)}.", facts=[f.id], documents=holds))
        left = [d for d in left if d not in holds]
    return out


def _outlets(a: Analysis, docs: list[str]) -> list[str]:
    return list(dict.fromkeys(a.document(d).outlet or d for d in docs))


def brief_lines(summary: list[SummarySentence]) -> list[tuple[str, list[str]]]:
    """The brief as a reader sees it: consecutive sentences of one fact (one quotation per outlet)
    on one line, with every document they cite."""
    lines: list[tuple[list[str], list[str], list[str]]] = []   # (facts, texts, documents)
    for s in summary:
        if lines and s.facts and lines[-1][0] == s.facts:
            lines[-1][1].append(s.text)
            lines[-1][2].extend(d for d in s.documents if d not in lines[-1][2])
        else:
            lines.append((s.facts, [s.text], list(s.documents)))
    return [(" ".join(texts), docs) for _, texts, docs in lines]


def summarize(a: Analysis, cfg: Config) -> list[SummarySentence]:
    """Up to MAX_CORROBORATED agreed facts (most widely reported first), then the contested ones."""
    def reach(f: Fact) -> tuple:
        return (-len({d for p in f.positions for d in p.documents}), f.id)

    out: list[SummarySentence] = []
    seen_words: set[str] = set()
    used_claims: set[str] = set()
    agreed = 0
    for f in sorted(a.facts_by_verdict("corroborated"), key=reach):
        if agreed >= MAX_CORROBORATED:
            break
        claims = {c for p in f.positions for c in p.claims}
        if claims & used_claims:
            continue  # the same sentences already carry an earlier line
        lines = [s for s in corroborated_sentences(a, f) if s.text.split(": ", 1)[-1].lower() not in seen_words]
        if not lines:
            continue  # nothing an earlier line has not said in the same words
        seen_words |= {s.text.split(": ", 1)[-1].lower() for s in lines}
        used_claims |= claims
        out += lines
        agreed += 1
    out += [contested_sentence(a, f) for f in sorted(a.facts_by_verdict("contested"), key=reach)[:MAX_CONTESTED]]
    return out
