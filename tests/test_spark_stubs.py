"""scale/stubs.py: each storyline group of the Spark ledger receives only the entity stubs it can read (those its
claims name and the people a leader named in passing may be), and its ledger gives the whole ledger's facts."""
import os
import sys
from pathlib import Path

import pytest
from test_facts import CFG, Corpus

from newsprism.align.facts import align_facts
from newsprism.align.facts.name_index import PersonIndex
from newsprism.config import Config
from newsprism.model import Analysis, Story
from newsprism.scale.corpus import fact_order, name_stubs, storyline_groups, with_stubs
from newsprism.scale.stubs import needed, wants


def _needed(whole: Analysis):
    """`needed` for each group of this analysis."""
    people = PersonIndex((e.id, sorted({e.name, *e.aliases})) for e in whole.entities if e.type == "PERSON")
    ids = {e.id for e in whole.entities}
    return lambda part: needed(part, ids, people)


def _ledger_per_group(whole: Analysis, cfg: Config, pick) -> list:
    """The ledger run per storyline, each group given the stubs `pick(part)` names (in the corpus order)."""
    facts = []
    for part in storyline_groups(whole, cfg).values():
        keep = pick(part)
        part.entities = with_stubs(part, [s for s in name_stubs(whole) if s.id in keep])
        facts += align_facts(part.bind(), cfg)
    return sorted(facts, key=fact_order)


def _strip(facts: list) -> list:
    return [f.model_dump(exclude={"id"}) for f in sorted(facts, key=fact_order)]


def _three_storylines() -> Analysis:
    """A delegation led by 'Minister Nurlan Rakhimow' (no entity there: a leader named in passing, spelled with a
    w) and one by 'Envoy Paul Brandt'; Nurlan Rakhimov and Paul Brandt are entities of other storylines, and
    Mira Sand of a third one that no lookup can reach."""
    c = Corpus()
    rakhimov, brandt = c.entity("e1", "Nurlan Rakhimov"), c.entity("e2", "Paul Brandt")
    sand = c.entity("e3", "Mira Sand")
    c.claim("a", "The delegation, led by Minister Nurlan Rakhimow, arrived.", predicate="lead",
            subject_text="Minister Nurlan Rakhimow", object_text="The delegation")
    c.claim("b", "A trade mission led by Envoy Paul Brandt", predicate="lead", subject_text="Envoy Paul Brandt",
            object_text="A trade mission")
    for doc in ("c", "d"):
        c.claim(doc, "Nurlan Rakhimov visited Astana.", predicate="visit", subject=rakhimov,
                subject_text="Nurlan Rakhimov", object_text="Astana", tense="past")
    for doc in ("e", "f"):
        c.claim(doc, "Paul Brandt met Mira Sand.", predicate="meet", subject=brandt, subject_text="Paul Brandt",
                object=sand, object_text="Mira Sand", tense="past")
    return c.analysis(stories=[Story(id="s1", documents=["a", "b"]), Story(id="s2", documents=["c", "d"]),
                               Story(id="s3", documents=["e", "f"])]).bind()


def test_a_group_receives_the_people_its_leader_named_in_passing_may_be_and_no_one_else():
    whole = _three_storylines()
    groups = storyline_groups(whole, CFG)
    got = {key: _needed(whole)(part) for key, part in groups.items()}
    assert got["s1"] == {"e1", "e2"}         # Rakhimow found by the surname's spelling, Brandt by his name's keys
    assert got["s2"] == {"e1"} and got["s3"] == {"e2", "e3"}    # their own entities, no lookup
    facts = align_facts(whole, CFG)
    assert [p.normalized for f in facts if f.about == "Who led the delegation" for p in f.positions] == ["e1"]
    assert _strip(_ledger_per_group(whole, CFG, _needed(whole))) == _strip(facts)
    # without the people its lookups may be, the group would keep the leader as a bare name
    apart = _ledger_per_group(whole, CFG, wants)
    assert [p.normalized for f in apart if f.about == "Who led the delegation" for p in f.positions] == \
        ["Nurlan Rakhimow"]


def test_the_sample_corpus_ledger_per_storyline_with_only_the_needed_stubs_is_the_ledger(sample_analysis):
    cfg = Config()
    assert _strip(_ledger_per_group(sample_analysis, cfg, _needed(sample_analysis))) == \
        _strip(align_facts(sample_analysis, cfg))


def test_the_ledgers_only_lookup_by_name_is_the_one_the_stubs_answer():
    """`Context.person_index` (every person of the analysis) is read only by the functional slots, whose names
    `functional.person_lookups` lists: another reader would need stubs the groups do not receive."""
    src = Path(__file__).resolve().parent.parent / "src" / "newsprism" / "align"
    readers = sorted(p.name for p in src.rglob("*.py") if "person_index" in p.read_text())
    assert readers == ["context.py", "functional.py"]
    assert sum(1 for p in (src / "facts").glob("*.py") for line in p.read_text().splitlines()
               if "analysis.entities" in line) == 2    # in context.py: the mentions (own entities), the person index


# -- on Spark -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="PySpark is not installed (make spark installs the extra and Java 17)")
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from newsprism.scale.session import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


def _stub_ids(spark, whole: Analysis, cfg: Config) -> dict[str, list[tuple[int, str]]]:
    from newsprism.scale.codec import unpack
    from newsprism.scale.stubs import stubs_by_group

    out: dict[str, list[tuple[int, str]]] = {}
    for r in stubs_by_group(spark, storyline_groups(whole, cfg), whole).collect():
        out.setdefault(r.key, []).append((r.place, unpack(r.stub).id))
    return {k: sorted(v) for k, v in out.items()}


@pytest.mark.spark
def test_the_join_gives_each_group_the_stubs_it_needs_in_the_corpus_order(spark, sample_analysis):
    for whole, cfg in ((_three_storylines(), CFG), (sample_analysis, Config())):
        place = {e.id: k for k, e in enumerate(whole.entities)}
        expected = {key: sorted((place[r], r) for r in _needed(whole)(part))
                    for key, part in storyline_groups(whole, cfg).items()}
        assert _stub_ids(spark, whole, cfg) == {k: v for k, v in expected.items() if v}
    assert {k: [r for _, r in v] for k, v in _stub_ids(spark, _three_storylines(), CFG).items()} == \
        {"s1": ["e1", "e2"], "s2": ["e1"], "s3": ["e2", "e3"]}


@pytest.mark.spark
def test_the_ledger_on_spark_finds_a_leader_of_another_storyline(spark):
    from newsprism.scale.corpus import facts_by_storyline

    whole = _three_storylines()
    facts = facts_by_storyline(spark, whole, CFG)
    assert [f.model_dump() for f in facts] == [f.model_dump() for f in align_facts(whole, CFG)]
    assert [p.normalized for f in facts if f.about == "Who led the delegation" for p in f.positions] == ["e1"]
