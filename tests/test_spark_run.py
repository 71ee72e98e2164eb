"""scale/run.py end to end on Spark local[2] (UI off, loopback only): the same analysis as the local run.

Marked `spark`; `make test` installs the extra and Java first. Without PySpark (a bare venv) they skip.
"""
import json
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="PySpark is not installed (make spark installs the extra and Java 17)")

from newsprism.config import Config  # noqa: E402
from newsprism.pipeline import run  # noqa: E402
from newsprism.scale.compare import differences  # noqa: E402
from newsprism.scale.run import analyze  # noqa: E402
from newsprism.schema import validate  # noqa: E402

pytestmark = pytest.mark.spark
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def spark():
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from newsprism.scale.session import spark_session

    session = spark_session("local[2]")
    assert session.conf.get("spark.ui.enabled") == "false"
    yield session
    session.stop()


@pytest.fixture(scope="module")
def sample_run(spark, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark-out")
    return analyze([str(SAMPLES)], Config(), out=str(out), spark=spark), out


def _plain(analysis) -> dict:
    data = json.loads(analysis.to_json())
    data.pop("generated", None)
    return data


def test_the_sample_corpus_gives_the_local_analysis(sample_run, sample_analysis):
    result, _ = sample_run
    assert differences(sample_analysis, result.analysis) == {}
    assert _plain(result.analysis) == _plain(sample_analysis)   # the ids come out the same too
    assert result.problems == []
    validate(json.loads(result.analysis.to_json()))


def test_the_tables_hold_every_object_with_exact_offsets(sample_run, spark):
    result, out = sample_run
    a = result.analysis
    expected = {"documents": len(a.documents), "entities": len(a.entities), "claims": len(a.claims),
                "facts": len(a.facts), "stories": len(a.stories), "timeline": len(a.timeline),
                "mentions": sum(len(e.mentions) for e in a.entities)}
    assert result.tables == expected
    assert {name: spark.read.parquet(str(out / name)).count() for name in expected} == expected
    texts = {d.id: d.text for d in a.documents}
    mentions = spark.read.parquet(str(out / "mentions")).collect()
    assert mentions and all(texts[m.doc][m.start:m.end] == m.text for m in mentions)
    claims = spark.read.parquet(str(out / "claims")).select("doc", "start", "end", "text").collect()
    assert all(texts[c.doc][c.start:c.end] == c.text for c in claims)


def test_one_json_per_storyline_each_in_the_contract(sample_run):
    result, out = sample_run
    roots = [s.id for s in result.analysis.stories if s.parent is None]
    assert sorted(p.stem for p in (out / "json").glob("*.json")) == sorted(roots)
    for path in (out / "json").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        validate(data)
        assert data["stories"] and {s["id"] for s in data["stories"]} >= {path.stem}
    assert json.loads((out / "analysis.json").read_text(encoding="utf-8"))["documents"]


# A text written for this test: long enough for five-word shingles to tell a copy from an edit.
BASE = ("The harbour authority of the fictional town of Veldmoor reopened the northern quay on Tuesday after "
        "three weeks of repairs to the sea wall, which storms had cracked in two places. Engineers replaced "
        "forty metres of stone facing and raised the parapet by half a metre, the authority said in a statement. "
        "Ferry operators had moved their boats to the southern basin during the works, and two of them said "
        "they would return to the northern quay by the end of the month. The repairs cost about 2.4 million, "
        "shared between the town council and the regional fisheries fund, according to the statement. ")
OTHER = ("A choir from the hill villages of Ostrava Vale won the regional song contest on Saturday with a "
         "programme of folk songs arranged by its conductor, who founded the group eleven years ago. ")


def test_duplicates_merge_and_link_as_the_local_dedup_does(spark, tmp_path):
    (tmp_path / "a.txt").write_text(BASE + BASE.replace("Engineers", "Workers"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(BASE + BASE.replace("Engineers", "Workers"), encoding="utf-8")   # a copy
    (tmp_path / "c.txt").write_text(BASE + BASE.replace("half a metre", "a full metre"), encoding="utf-8")
    (tmp_path / "d.txt").write_text(OTHER * 3, encoding="utf-8")
    cfg = Config.load(overrides={"stages.framing": False})
    result = analyze([str(tmp_path)], cfg, spark=spark)
    local = run([str(tmp_path)], cfg)
    spark_docs = {d.id: (d.sources, [(n.doc, n.similarity) for n in d.near_duplicates]) for d in result.analysis.documents}
    local_docs = {d.id: (d.sources, [(n.doc, n.similarity) for n in d.near_duplicates]) for d in local.documents}
    assert spark_docs == local_docs
    assert spark_docs["a"][0] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert [n for n, _ in spark_docs["a"][1]] == ["c"] and spark_docs["d"][1] == []
    assert differences(local, result.analysis) == {}


def test_the_command_line_writes_the_tables(spark, tmp_path):
    from typer.testing import CliRunner

    from newsprism.cli import app

    r = CliRunner().invoke(app, ["spark", "analyze", str(SAMPLES / "feed.jsonl"), "--out", str(tmp_path / "o"), "--quiet"])
    assert r.exit_code == 0, r.output
    assert spark.read.parquet(str(tmp_path / "o" / "documents")).count() == 2


def test_the_spark_submit_entry_runs_in_the_session_it_is_given(spark, tmp_path):
    from newsprism.scale.submit import main

    assert main([str(SAMPLES / "feed.jsonl"), "--out", str(tmp_path / "o"), "--set", "stages.framing=false"]) == 0
    assert spark.read.parquet(str(tmp_path / "o" / "documents")).count() == 2


def test_parquet_rows_are_articles(spark, tmp_path):
    rows = [{"id": "quay", "title": "Quay reopens", "text": BASE * 2}, {"id": "choir", "title": "Choir wins", "text": OTHER * 3}]
    spark.createDataFrame(rows).write.parquet(str(tmp_path / "news.parquet"))
    cfg = Config.load(overrides={"stages.framing": False})
    result = analyze([str(tmp_path / "news.parquet")], cfg, spark=spark)
    assert sorted(d.id for d in result.analysis.documents) == ["choir", "quay"]
    assert {d.title for d in result.analysis.documents} == {"Quay reopens", "Choir wins"}
    assert all(d.source.startswith(str(tmp_path / "news.parquet") + ":") for d in result.analysis.documents)


@pytest.mark.parametrize("which", ["samples", "handmade"])
def test_entity_resolution_as_group_bys_gives_the_local_entities(spark, which):
    """scale/entities.py on records that arrive reversed and scattered over partitions: the local resolver's
    entities (names, types, mentions, evidence, ids) and its map from local ids."""
    from test_resolve_split import handmade

    from newsprism import pipeline
    from newsprism.registry import stages
    from newsprism.resolve.entities import resolve
    from newsprism.scale.codec import pack
    from newsprism.scale.entities import resolve_on_spark

    cfg = Config()
    if which == "samples":
        docs = pipeline.dedup_documents(list(pipeline.iter_cleaned([SAMPLES], cfg, lambda m: None)), cfg)
        found = pipeline.annotate(docs, cfg, stages("document", cfg))
        records = [found[d.id] for d in docs if d.id in found]
    else:
        records = handmade()
    rows = spark.createDataFrame([(r.doc, pack(r)) for r in reversed(records)], "id string, record binary").repartition(3)
    entities, mapping = resolve_on_spark(spark, rows, [r.doc for r in records], cfg)
    local, local_mapping = resolve(records, cfg)
    assert [e.model_dump() for e in entities] == [e.model_dump() for e in local]
    assert mapping == local_mapping and len(local) > 4


def test_entity_resolution_on_spark_of_records_without_entities(spark):
    from newsprism.records import DocRecord
    from newsprism.scale.codec import pack
    from newsprism.scale.entities import resolve_on_spark

    rows = spark.createDataFrame([(d, pack(DocRecord(doc=d))) for d in "ab"], "id string, record binary")
    assert resolve_on_spark(spark, rows, ["a", "b"], Config()) == ([], {})


def _analyze_samples_forbidding(spark, monkeypatch, module, name: str):
    """`spark analyze` of the sample feed with the local function `module.name` failing if the driver calls it."""
    def on_the_driver(*args, **kwargs):
        raise AssertionError(f"spark analyze called the driver's {name}()")

    monkeypatch.setattr(module, name, on_the_driver)
    return analyze([str(SAMPLES / "feed.jsonl")], Config.load(overrides={"stages.framing": False}), spark=spark)


def test_spark_analyze_resolves_entities_on_spark_not_on_the_driver(spark, monkeypatch):
    import newsprism.resolve.entities as local_resolver

    result = _analyze_samples_forbidding(spark, monkeypatch, local_resolver, "resolve")
    assert result.analysis.entities and all(e.mentions for e in result.analysis.entities)


def _story_set(which: str, cfg: Config):
    """Documents, their records, the entities and the map from local ids, as the stories stage gets them."""
    from newsprism import pipeline
    from newsprism.model import Document
    from newsprism.records import DocRecord
    from newsprism.registry import stages
    from newsprism.resolve.entities import resolve

    if which == "samples":
        docs = pipeline.dedup_documents(list(pipeline.iter_cleaned([SAMPLES], cfg, lambda m: None)), cfg)
        found = pipeline.annotate(docs, cfg, stages("document", cfg))
        records = [found[d.id] for d in docs if d.id in found]
        entities, mapping = resolve(records, cfg)
        return docs, records, entities, mapping
    # nine occasions, four reports each, on three subjects over three months: some dated (published on the
    # record, on the document, or only in the features), the rest undated, some of those naming the day
    import random

    rng = random.Random(7)
    docs, records = [], []
    for occ in range(9):
        own = [f"subject{occ % 3}w{j}" for j in range(4)] + [f"occ{occ}w{j}" for j in range(2)]   # 3 subjects a month
        for v in range(4):
            day = f"2024-{1 + occ // 3:02d}-{1 + 3 * (occ % 3) + v:02d}"
            dated = (occ + v) % 3
            terms = {w: rng.randint(1, 3) for w in own + ["council", "minister", f"extra{occ}{v}"]}
            features = {"terms": terms, "names": {"ana lima": 2} if occ % 2 else {}, "title": f"Report {occ}-{v}",
                        "title_terms": own[:2], "published": day if dated == 0 else None,
                        "dates": [day] if dated == 2 and v % 2 else []}
            doc_id = f"d{occ}{v}"
            docs.append(Document(id=doc_id, source=f"{doc_id}.txt", text="x" * 40,
                                 published=day if dated == 1 and v < 2 else None))
            records.append(DocRecord(doc=doc_id, features=features, published=day if dated == 1 and v >= 2 else None))
    return docs, records, [], {}


@pytest.mark.parametrize("which", ["samples", "handmade"])
def test_story_clustering_on_spark_gives_the_local_stories(spark, which):
    """scale/stories.py on records that arrive reversed and scattered over partitions: the local stage's
    events and storylines (documents, titles, days, parents and ids)."""
    from newsprism.model import Analysis
    from newsprism.pipeline import Corpus
    from newsprism.scale.codec import pack
    from newsprism.scale.stories import stories_on_spark
    from newsprism.stages import cluster_stories

    cfg = Config()
    docs, records, entities, mapping = _story_set(which, cfg)
    corpus = Corpus(cfg, {r.doc: r for r in records}, Analysis(documents=docs, entities=entities))
    corpus.entity_map = mapping
    cluster_stories(corpus)
    local = corpus.analysis.stories
    rows = spark.createDataFrame([(r.doc, pack(r)) for r in reversed(records)], "id string, record binary").repartition(3)
    stories = stories_on_spark(spark, rows, docs, entities, mapping, cfg)
    assert [s.model_dump() for s in stories] == [s.model_dump() for s in local]
    assert len(local) > 3 and any(s.parent for s in local) or which == "samples"


def test_spark_analyze_clusters_stories_on_spark_not_on_the_driver(spark, monkeypatch):
    import newsprism.align.stories as local_stories

    result = _analyze_samples_forbidding(spark, monkeypatch, local_stories, "add_documents")
    assert result.analysis.stories and all(s.documents for s in result.analysis.stories)


def test_the_link_step_on_spark_gives_the_local_claims_times_and_framing(spark):
    """scale/link.py on records that arrive reversed and scattered over partitions: the local link step's
    claims, times and framing, ids included."""
    from newsprism.model import Analysis
    from newsprism.pipeline import Corpus
    from newsprism.scale.codec import pack
    from newsprism.scale.link import link_on_spark
    from newsprism.stages import link_records

    cfg = Config()
    docs, records, entities, mapping = _story_set("samples", cfg)
    corpus = Corpus(cfg, {r.doc: r for r in records}, Analysis(documents=docs, entities=entities))
    corpus.entity_map = mapping
    link_records(corpus)
    local = corpus.analysis
    rows = spark.createDataFrame([(r.doc, pack(r)) for r in reversed(records)], "id string, record binary").repartition(3)
    claims, times, framing = link_on_spark(spark, rows, [d.id for d in docs], mapping, entities)
    for ours, theirs in ((claims, local.claims), (times, local.times), (framing, local.framing)):
        assert [x.model_dump() for x in ours] == [x.model_dump() for x in theirs]
    assert len(local.claims) > 10 and len(local.times) > 5 and any(a.entity for f in local.framing for a in f.actors)


def test_spark_analyze_links_on_spark_not_on_the_driver(spark, monkeypatch):
    import newsprism.stages as local_stages

    result = _analyze_samples_forbidding(spark, monkeypatch, local_stages, "link_records")
    assert result.analysis.claims and result.analysis.claims[0].id == "c1"


def test_the_driver_collects_the_records_only_for_a_stage_that_reads_them(spark):
    from newsprism.registry import Stage, stages
    from newsprism.scale.corpus import driver_needs_records

    cfg = Config.load(overrides={"stages.framing": False})
    assert not driver_needs_records(stages("corpus", cfg))
    seen = {}

    def count_records(corpus):
        seen["records"] = len(corpus.record_list())

    extra = [Stage("count_records", "corpus", count_records, "present", after="summary")]
    assert driver_needs_records(stages("corpus", cfg, extra))
    result = analyze([str(SAMPLES / "feed.jsonl")], cfg, spark=spark, extra_stages=extra)
    assert seen["records"] == len(result.analysis.documents) > 0


def test_the_link_and_story_steps_ship_each_document_only_its_own_map_rows(spark):
    """scale/link.py and scale/stories.py join the entity map with the documents instead of broadcasting it: the
    rows received are the ones each document's lookups name, far fewer than the whole map sent to every partition."""
    from newsprism.scale.codec import pack
    from newsprism.scale.link import link_on_spark, map_rows
    from newsprism.scale.stories import stories_on_spark
    from newsprism.stages import link_lookups, story_entity_keys

    cfg = Config()
    docs, records, entities, mapping = _story_set("samples", cfg)
    rows = spark.createDataFrame([(r.doc, pack(r)) for r in records], "id string, record binary").repartition(3)
    link_seconds, story_seconds = {}, {}
    link_on_spark(spark, rows, [d.id for d in docs], mapping, entities, link_seconds)
    names = {e.id for e in entities}
    asked = [link_lookups(r) for r in records]
    assert link_seconds["map_rows"] == sum(len(m & mapping.keys()) + len(n & names) for m, n in asked)
    assert 0 < link_seconds["map_rows"] < len(map_rows(mapping, entities)) / 2
    stories_on_spark(spark, rows, docs, entities, mapping, cfg, story_seconds)
    keys = story_entity_keys(entities, mapping, {})
    assert story_seconds["map_rows"] == len(keys) > 0       # each key row goes to the one document it names


def test_a_record_naming_another_documents_entity_stops_story_clustering_on_spark():
    from newsprism.model import Entity
    from newsprism.records import DocRecord
    from newsprism.scale.stories import key_rows, own_keys

    record = DocRecord(doc="a", entities=[Entity(id="a@1", name="Mira Sand", type="PERSON")])
    assert key_rows({"a@1": "ent:mira sand", "b@x@2": "ent:x"}) == [("a", "a@1", "ent:mira sand"),
                                                                     ("b@x", "b@x@2", "ent:x")]
    assert own_keys("a", record, [{"local": "a@1", "key": "ent:mira sand"}]) == {"a@1": "ent:mira sand"}
    assert own_keys("a", record, None) == {}
    record.entities.append(Entity(id="b@1", name="Paul Brandt", type="PERSON"))
    with pytest.raises(ValueError, match="b@1"):
        own_keys("a", record, None)
