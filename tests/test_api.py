"""The library, end to end on the sample corpus: typed results, exact spans, schema, round trips."""
import json
import pathlib

import pytest

import newsprism
from newsprism import Analysis, Article, Config
from newsprism.schema import validate

from conftest import SAMPLES, SHARED


def test_every_span_of_every_kind_points_at_its_exact_text(sample_analysis):
    spans = list(sample_analysis.spans())
    assert len(spans) > 100
    kinds = {type(s).__name__ for s in spans}
    assert {"Mention", "Claim", "Time"} <= kinds
    for s in spans:
        assert sample_analysis.document(s.doc).text[s.start:s.end] == s.text, (type(s).__name__, s)


def test_the_sample_analysis_follows_the_shipped_schema(sample_analysis):
    validate(json.loads(sample_analysis.to_json()))


def test_from_json_round_trips_exactly(sample_analysis):
    text = sample_analysis.to_json()
    assert Analysis.from_json(text).to_json() == text


def test_navigation_without_id_lookups(sample_analysis):
    a = sample_analysis
    for fact in a.facts:
        for p in fact.positions:
            for c in p.claim_objects:
                assert c.document.id == c.doc
    for e in a.entities[:5]:
        assert all(m.document.id == m.doc for m in e.mentions)


def test_articles_and_dicts_are_inputs_but_plain_strings_are_not_text():
    body = ("Harbor officials in Valletta said on Tuesday that the new ferry terminal would open in June. "
            "The port authority expects 40 sailings a week.")
    a = newsprism.analyze([Article(text=body, id="art", published="2024-03-05"),
                           {"text": body.replace("June", "July"), "id": "row", "outlet": "Wire"}],
                          stages__dedup=False)
    assert [d.id for d in a.documents] == ["art", "row"]
    assert a.document("row").outlet == "Wire"
    b = newsprism.analyze(["this is not a file and must not be read as text"])
    assert b.documents == []


def test_article_needs_text_or_html():
    with pytest.raises(ValueError):
        Article()


def test_a_config_threshold_changes_the_output():
    base = ("The council of Bergen approved a plan on Monday to expand the harbor, adding 300 berths by 2027, "
            "after a debate that lasted four hours and ended with a vote of 31 to 12. ")
    twin = base.replace("four hours", "five hours")
    arts = [Article(text=base * 3, id="a"), Article(text=twin * 3, id="b")]
    linked = newsprism.analyze(arts, dedup__near_threshold=0.5)
    apart = newsprism.analyze(arts, dedup__near_threshold=0.99)
    assert linked.document("a").near_duplicates and not apart.document("a").near_duplicates


def test_iter_documents_streams_cleaned_documents():
    docs = newsprism.iter_documents([SAMPLES])
    first = next(docs)
    assert first.text and first.id


@pytest.mark.skipif(not (SHARED / "corpus" / "seeds").is_dir(), reason="shared seeds not present")
def test_library_and_cli_write_the_same_analysis(tmp_path):
    import subprocess
    import sys

    seeds = SHARED / "corpus" / "seeds"
    a = newsprism.analyze([pathlib.Path(seeds)])
    validate(json.loads(a.to_json()))
    out = tmp_path / "seeds.json"
    exe = pathlib.Path(sys.executable).with_name("newsprism")
    subprocess.run([str(exe), "analyze", str(seeds), "--json", str(out), "--quiet"], check=True)
    cli = json.loads(out.read_text())
    lib = json.loads(a.to_json())
    cli.pop("generated"), lib.pop("generated")
    assert cli == lib
