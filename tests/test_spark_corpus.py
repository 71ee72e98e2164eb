"""scale/corpus.py: the analysis cut by storyline (the fact ledger's blocking key) and the ledger's order."""
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
