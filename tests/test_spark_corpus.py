"""scale/corpus.py: the analysis cut by storyline (the fact ledger's blocking key) and the ledger's order."""
import os
import sys

import pytest

from newsprism.align.facts import align_facts
from newsprism.config import Config
from newsprism.model import Analysis, Claim, Document, Story
from newsprism.scale.corpus import fact_order, storyline_groups


def test_documents_claims_and_stories_go_to_their_storyline_and_unstoried_ones_together():
    docs = [Document(id=d, source=f"{d}.txt", text="x" * 40) for d in ("a", "b", "c", "d")]
    stories = [Story(id="s1", documents=["a"], parent="s3"), Story(id="s2", documents=["b"], parent="s3"),
               Story(id="s3", documents=["a", "b"]), Story(id="s4", documents=["c"])]
    claims = [Claim(id=f"c{k}", doc=d, start=0, end=5, text="xxxxx") for k, d in enumerate("abcd")]
    groups = storyline_groups(Analysis(documents=docs, stories=stories, claims=claims).bind(), Config())
    assert {k: [d.id for d in g.documents] for k, g in groups.items()} == {"s3": ["a", "b"], "s4": ["c"], "": ["d"]}
    assert [s.id for s in groups["s3"].stories] == ["s1", "s2", "s3"]
    assert [c.doc for c in groups["s3"].claims] == ["a", "b"]


def test_fact_order_is_the_order_the_ledger_gives(sample_analysis):
    facts = align_facts(sample_analysis, Config())
    assert len(facts) > 3 and sorted(facts, key=fact_order) == facts


def test_a_group_names_every_entity_but_holds_only_its_own_documents_mentions(sample_analysis):
    from newsprism.scale.corpus import name_stubs, with_stubs

    groups = storyline_groups(sample_analysis, Config())
    stubs = name_stubs(sample_analysis)
    for part in groups.values():
        docs = {d.id for d in part.documents}
        entities = with_stubs(part, stubs)
        assert [e.id for e in entities] == [e.id for e in sample_analysis.entities]
        assert all(m.doc in docs for e in entities for m in e.mentions)
        assert sum(len(e.mentions) for e in entities) == sum(
            1 for e in sample_analysis.entities for m in e.mentions if m.doc in docs)


def test_the_ledger_per_storyline_gives_the_ledgers_facts(sample_analysis):
    from newsprism.scale.corpus import name_stubs, with_stubs

    cfg = Config()
    stubs = name_stubs(sample_analysis)
    facts = []
    for part in storyline_groups(sample_analysis, cfg).values():
        part.entities = with_stubs(part, stubs)
        facts += unnumbered(align_facts(part.bind(), cfg))
    whole = align_facts(sample_analysis, cfg)
    assert in_order(facts) == in_order(unnumbered(whole))


def unnumbered(facts: list) -> list[tuple]:
    """One ledger's facts without the numbers it gave them: a figure's event is named by what it is about and its
    claims. Each storyline's ledger numbers its facts from f1."""
    by_id = {f.id: f for f in facts}
    return [(fact_order(f), f.model_dump(exclude={"id", "event"}),
             f.event and (by_id[f.event].about, by_id[f.event].claims)) for f in facts]


def in_order(rows: list[tuple]) -> list[tuple]:
    return [row[1:] for row in sorted(rows, key=lambda row: row[0])]


def _lineman_in_two_storylines():
    """'Rovers lineman Ari Voss' (one storyline) makes 'lineman' a word for a person of this coverage, so 'The
    lineman' of another storyline may be Dane Pell, who blocked the same kick."""
    from test_facts import Corpus

    c = Corpus()
    pell, voss = c.entity("e1", "Dane Pell"), c.entity("e2", "Ari Voss")
    c.claim("a", "Dane Pell blocked the final kick.", predicate="block", subject=pell, subject_text="Dane Pell",
            object_text="the final kick", tense="past")
    c.claim("b", "The lineman blocked the final kick.", predicate="block", subject_text="The lineman",
            object_text="the final kick", tense="past")
    for doc in ("c", "d"):
        c.claim(doc, "Rovers lineman Ari Voss signed a new contract.", predicate="sign", subject=voss,
                subject_text="Rovers lineman Ari Voss", object_text="a new contract", tense="past")
    c.entities[voss].mentions.clear()
    for doc in ("c", "d"):
        c.mention(doc, "Ari Voss", voss)     # the name alone, its title before it
    return c.analysis(stories=[Story(id="s1", documents=["a", "b"]), Story(id="s2", documents=["c", "d"])]).bind()


def test_a_storyline_reads_the_words_for_a_person_of_the_whole_coverage():
    from newsprism.align.facts.context import build_context
    from newsprism.scale.corpus import name_stubs, with_stubs

    cfg = Config()
    whole = _lineman_in_two_storylines()
    facts = align_facts(whole, cfg)
    assert [f.positions[0].documents for f in facts if f.verdict == "corroborated"] == [["a", "b"], ["c", "d"]]
    titles = build_context(whole, cfg.facts).person_titles
    assert "lineman" in titles
    for given, same in ((None, False), (titles, True)):
        parts = []
        for part in storyline_groups(whole, cfg).values():
            part.entities = with_stubs(part, name_stubs(whole))
            parts += unnumbered(align_facts(part.bind(), cfg, given))
        whole.bind()
        assert (in_order(parts) == in_order(unnumbered(facts))) is same


def _ledgers_on_spark_and_here(whole) -> tuple[list[dict], list[dict]]:
    """The ledger per storyline on Spark `local[2]`, and the local ledger of the whole analysis."""
    pytest.importorskip("pyspark", reason="PySpark is not installed (make spark installs the extra and Java 17)")
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from newsprism.scale.corpus import facts_by_storyline
    from newsprism.scale.session import spark_session

    expected = [f.model_dump() for f in align_facts(whole, Config())]
    whole.bind()
    spark = spark_session("local[2]")
    try:
        return [f.model_dump() for f in facts_by_storyline(spark, whole, Config())], expected
    finally:
        spark.stop()


@pytest.mark.spark
def test_the_ledger_on_spark_reads_the_words_for_a_person_of_the_whole_coverage():
    on_spark, here = _ledgers_on_spark_and_here(_lineman_in_two_storylines())
    assert on_spark == here


@pytest.mark.spark
def test_a_figures_event_on_spark_names_the_event_by_its_number_in_the_whole_ledger():
    """Each storyline's ledger numbers its own facts; a figure's `event` must name its event by the number the
    whole ledger gives it, as the local ledger does."""
    from test_facts import sentencing

    c = sentencing(("d",))
    sentencing(("w",), c, judge="Ivo Brand", convict="Lee Oster", docs="pqrs")
    whole = c.analysis(stories=[Story(id="s1", documents=["a", "b", "d", "e", "g"]),
                                Story(id="s2", documents=["p", "q", "r", "s", "w"])]).bind()
    on_spark, here = _ledgers_on_spark_and_here(whole)
    assert sum(1 for f in here if f["event"]) == 2 and on_spark == here
