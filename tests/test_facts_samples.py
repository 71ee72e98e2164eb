"""The fact ledger on the bundled sample corpus, judged the way the seeds scorer judges it.

`tests/fixtures/samples_expected.json` lists, for the sample articles, the disputes an analysis must find
(`contested`: each side's documents and a pattern for its value), the agreements it must not turn into disputes
(`must_not_contest`) and the agreements it must report (`corroborated`).
"""
from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES

EXPECTED = json.loads((FIXTURES / "samples_expected.json").read_text(encoding="utf-8"))
LUMP_CLAIMS_PER_DOC = 2     # a position with more claims of one document than this lumps unrelated statements
LUMP_CHARS = 1200           # ... or with more claim text than this


def rx(pattern: str, text: str) -> bool:
    return re.search(pattern, text or "", re.I) is not None


class Ledger:
    """The analysis' facts read as the scorer reads them: positions by their claims' documents and texts."""

    def __init__(self, analysis):
        self.facts = analysis.facts
        self.claims = {c.id: c for c in analysis.claims}

    def docs(self, pos) -> set[str]:
        return {self.claims[c].doc for c in pos.claims} if pos.claims else set(pos.documents)

    def text(self, pos) -> str:
        return " ".join([str(pos.value), str(pos.normalized)] + [self.claims[c].text for c in pos.claims])

    def value(self, pos) -> str:
        v = " ".join(str(x) for x in (pos.value, pos.normalized) if x not in (None, ""))
        return v or self.text(pos)

    def lumped(self, pos) -> bool:
        per_doc: dict[str, int] = {}
        for c in pos.claims:
            per_doc[self.claims[c].doc] = per_doc.get(self.claims[c].doc, 0) + 1
        chars = sum(len(self.claims[c].text) for c in pos.claims)
        return any(n > LUMP_CLAIMS_PER_DOC for n in per_doc.values()) or chars > LUMP_CHARS

    def of(self, *verdicts: str):
        return [f for f in self.facts if f.verdict in verdicts]


@pytest.fixture(scope="module")
def ledger(sample_analysis):
    return Ledger(sample_analysis)


@pytest.mark.parametrize("gold", EXPECTED["contested"], ids=lambda g: g["about"])
def test_each_planted_dispute_is_a_contested_fact_with_both_sides_apart(ledger, gold):
    a, b = gold["sides"]
    found = []
    for f in ledger.of("contested"):
        pos = [p for p in f.positions if not ledger.lumped(p)]
        side_a = [i for i, p in enumerate(pos) if ledger.docs(p) & set(a["docs"])
                  and rx(a["value_regex"], ledger.text(p)) and not rx(b["value_regex"], ledger.text(p))]
        side_b = [i for i, p in enumerate(pos) if ledger.docs(p) & set(b["docs"])
                  and rx(b["value_regex"], ledger.text(p)) and not rx(a["value_regex"], ledger.text(p))]
        if any(i != j for i in side_a for j in side_b):
            found.append(f)
    assert found, f"no contested fact separates {a['value_regex']!r} from {b['value_regex']!r}"
    assert all(len(f.positions) <= 5 for f in found)


@pytest.mark.parametrize("gold", EXPECTED["must_not_contest"], ids=lambda g: g["about"])
def test_values_that_agree_are_never_contested(ledger, gold):
    for f in ledger.of("contested"):
        hits = sum(rx(gold["value_regex"], ledger.value(p)) for p in f.positions)
        assert len(f.positions) < 2 or hits < 2, f"{f.about}: {[p.value for p in f.positions]}"


@pytest.mark.parametrize("gold", EXPECTED["corroborated"], ids=lambda g: g["about"])
def test_agreements_are_reported_by_two_documents(ledger, gold):
    need = min(2, len(gold["docs"]))
    for f in ledger.of("corroborated", "compatible"):
        pos = [p for p in f.positions if not ledger.lumped(p)]
        docs = set().union(*[ledger.docs(p) for p in pos]) if pos else set()
        if len(docs & set(gold["docs"])) >= need and rx(gold["value_regex"], " ".join(ledger.text(p) for p in pos)):
            return
    pytest.fail(f"no agreed fact of two documents says {gold['value_regex']!r}")


def test_one_person_spelled_two_ways_is_one_position(ledger):
    """'Yevgeny Saparov' and a mention read with a stray word in front are one value, never a dispute."""
    for f in ledger.of("contested"):
        saparov = [p for p in f.positions if rx("Saparov", str(p.value))]
        assert len(saparov) <= 1, [p.value for p in f.positions]
