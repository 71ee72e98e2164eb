"""Entity resolution on the bundled sample corpus, written independently of the resolver: the
gold clusters of `fixtures/samples_expected.json` scored the way `eval/score.py` scores the seeds
(B-cubed over (document, mention text) items, and must-not-merge pairs)."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest

from conftest import FIXTURES

EXPECTED = json.loads((FIXTURES / "samples_expected.json").read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """As the scorer: NFKC, lower case, runs of white space as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def b_cubed(pred_of: dict, gold_of: dict) -> tuple[float, float, float]:
    """As the scorer: an item the system did not produce adds nothing to precision and zero to recall."""
    found = [i for i in gold_of if i in pred_of]
    if not gold_of or not found:
        return 0.0, 0.0, 0.0
    p = sum(sum(gold_of[j] == gold_of[i] for j in found if pred_of[j] == pred_of[i])
            / sum(pred_of[j] == pred_of[i] for j in found) for i in found) / len(found)
    r = sum(sum(pred_of.get(j) == pred_of[i] for j in gold_of if gold_of[j] == gold_of[i])
            / sum(gold_of[j] == gold_of[i] for j in gold_of) for i in found) / len(gold_of)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@pytest.fixture(scope="module")
def where(sample_analysis) -> dict[tuple[str, str], set[str]]:
    """(document, normalized mention text) -> the ids of the entities that have such a mention."""
    out: dict[tuple[str, str], set[str]] = {}
    for e in sample_analysis.entities:
        for m in e.mentions:
            out.setdefault((m.doc, norm(m.text)), set()).add(e.id)
    return out


def gold_items() -> dict[tuple[str, str], int]:
    return {(doc, norm(v)): n for n, g in enumerate(EXPECTED["entities"])
            for doc, variants in g["variants"].items() for v in variants}


def test_gold_clusters_score_at_least_0_90_b_cubed_f1(where):
    gold_of = gold_items()
    pred_of = {item: sorted(where[item])[0] for item in gold_of if item in where}
    missing = sorted(set(gold_of) - set(pred_of))
    p, r, f = b_cubed(pred_of, gold_of)
    assert f >= 0.90, (round(p, 3), round(r, 3), missing)


def test_every_gold_variant_is_one_entity_in_its_document(where):
    split = {item: sorted(where[item]) for item in gold_items() if len(where.get(item, ())) > 1}
    assert not split


def test_no_must_not_merge_pair_shares_an_entity(where):
    by_name = {g["name"]: g for g in EXPECTED["entities"]}

    def ids(name: str) -> set[str]:
        if name in by_name:   # the gold variants of a listed entity
            return {i for doc, vs in by_name[name]["variants"].items() for v in vs
                    for i in where.get((doc, norm(v)), ())}
        return {i for (_, text), found in where.items() if text == norm(name) for i in found}

    violations = [(a, b) for a, b in EXPECTED["must_not_merge"] if ids(a) & ids(b)]
    assert violations == []


def test_titles_stay_out_of_names_and_go_to_roles(sample_analysis):
    for e in sample_analysis.entities:
        if e.type != "PERSON":
            continue
        for m in e.mentions:
            first = m.text.split()[0].lower()
            assert first not in {"minister", "deputy", "transport", "ambassador", "mayor"}, m.text
    saparov = next(e for e in sample_analysis.entities if e.name == "Yevgeny Saparov")
    assert any("Deputy Minister of Transport" in r for r in saparov.roles)


def test_a_nationality_alone_is_a_nationality(sample_analysis):
    for e in sample_analysis.entities:
        if {m.text for m in e.mentions} == {"Kazakh"}:
            assert e.type == "NORP"
