"""eval/ledger_read.py: a fact is the same fact across two runs when it says the same and rests on the same claims,
found by document and offset (claim ids shift when a document gains or loses a claim)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import ledger_read as L  # noqa: E402


def analysis(facts, claims):
    return {"claims": [{"id": i, "doc": d, "start": s, "text": t} for i, d, s, t in claims],
            "facts": [{"id": f"f{n}", "about": a, "verdict": v, "claims": cs} for n, (a, v, cs) in enumerate(facts)]}


def test_a_fact_on_the_same_claims_is_unchanged_whatever_their_ids():
    old = analysis([("Tarn visit Lisbon", "corroborated", ["c1", "c2"])],
                   [("c1", "a", 0, "Tarn visited Lisbon."), ("c2", "b", 4, "Tarn visited Lisbon.")])
    new = analysis([("Tarn visit Lisbon", "corroborated", ["c7", "c9"]), ("Number of ship", "corroborated", ["c8"])],
                   [("c7", "a", 0, "Tarn visited Lisbon."), ("c8", "a", 30, "two ships"),
                    ("c9", "b", 4, "Tarn visited Lisbon.")])
    gained, lost = L.changed(old, new)
    assert [f["about"] for f in gained] == ["Number of ship"] and lost == []


def test_a_fact_that_lost_a_claim_is_gone_and_its_narrower_self_is_new():
    old = analysis([("Tarn say", "corroborated", ["c1", "c2", "c3"])],
                   [("c1", "a", 0, "x"), ("c2", "b", 0, "y"), ("c3", "b", 9, "z")])
    new = analysis([("Tarn say", "corroborated", ["c1", "c2"])], [("c1", "a", 0, "x"), ("c2", "b", 0, "y")])
    gained, lost = L.changed(old, new)
    assert len(gained) == len(lost) == 1
    assert list(L.lines(new, gained, "NEW "))[0] == "NEW == f0 Tarn say [corroborated]"
