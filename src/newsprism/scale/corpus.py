"""The cross-document stages of a Spark run, in the local run's order (`registry.stages("corpus")`).

The fact ledger compares claims only within a storyline (its blocking buckets all start with the storyline
or one of its stories), so it runs per storyline: a cogroup on the storyline key, each group calling the local
`align.facts.align_facts` on its storyline's documents, stories and claims, carrying the mentions in its own
documents, and receiving as stubs (names only) just the other entities it can read: those its claims name and
the people a leader named in passing may be, found by joins on ids and name keys (`scale.stubs`). The facts
are then put in the order the local ledger gives them and numbered.

Entity resolution runs as group-bys on its keys (`scale.entities.resolve_on_spark`: the local resolver's
steps, the pass over keys on the driver over one row per key) when the records are a DataFrame; story
clustering likewise (`scale.stories.stories_on_spark`: each document's row and vectors on the executors, the
key counts a group-by, the order-dependent placing on the driver over one compact row per document), and the
link step (`scale.link.link_on_spark`: `link_record` per document, its ids from running sums of the counts).
The timeline and the summary run on the driver, by the local functions unchanged (docs/scale.md says why and
what that bounds).
"""
from __future__ import annotations

import logging
import time
from collections import defaultdict
from typing import TYPE_CHECKING, Callable, Optional

from ..config import Config
from ..model import Analysis, Document, Fact
from ..pipeline import Corpus, generated_now
from ..records import DocRecord
from ..registry import Stage, stages
from .codec import pack, unpack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

    from ..align.facts.context import Context

log = logging.getLogger(__name__)
BUILTIN_FACTS = "newsprism.stages:align_facts"
BUILTIN_ENTITIES = "newsprism.stages:resolve_entities"
BUILTIN_STORIES = "newsprism.stages:cluster_stories"
BUILTIN_LINK = "newsprism.stages:link_records"
# the corpus stages that read no record on the driver of a Spark run: those run on Spark, and those that read
# only the analysis
RECORDS_APART = frozenset({BUILTIN_ENTITIES, BUILTIN_LINK, BUILTIN_STORIES, BUILTIN_FACTS,
                           "newsprism.stages:build_timeline", "newsprism.stages:summarize"})


def driver_needs_records(corpus_stages: list[Stage]) -> bool:
    """Whether a corpus stage of a Spark run reads the records on the driver (a plugin's, or a built-in one
    replaced): only then are they collected there."""
    return any(s.target not in RECORDS_APART for s in corpus_stages)


def storyline_groups(analysis: Analysis, cfg: Config, ctx: Optional["Context"] = None) -> dict[str, Analysis]:
    """The analysis cut by storyline (the ledger's blocking key): each part holds the storyline's documents,
    its stories, the claims and times of its documents, and the entities named in them with only those
    documents' mentions (the ledger reads mentions by document; the other entities it reads come as stubs,
    `scale.stubs`). `ctx`: the whole analysis's ledger context, where the caller has built it."""
    from ..align.facts.context import build_context

    if ctx is None:
        ctx = build_context(analysis, cfg.facts)
    mentions: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))   # storyline -> entity -> mentions
    for e in analysis.entities:
        for m in e.mentions:
            mentions[ctx.root_of(m.doc)][e.id].append(m)
    by_id = {e.id: e for e in analysis.entities}
    docs: dict[str, list[Document]] = defaultdict(list)
    for d in analysis.documents:
        docs[ctx.root_of(d.id)].append(d)
    claims = defaultdict(list)
    for c in analysis.claims:
        claims[ctx.root_of(c.doc)].append(c)
    times = defaultdict(list)
    for t in analysis.times:
        times[ctx.root_of(t.doc)].append(t)
    stories = defaultdict(list)
    for s in analysis.stories:
        stories[ctx.storyline.get(s.id, s.id)].append(s)
    return {key: Analysis(documents=docs[key], stories=stories.get(key, []), claims=claims[key], times=times.get(key, []),
                          entities=[by_id[e].model_copy(update={"mentions": ms}) for e, ms in mentions[key].items()])
            for key in docs if claims.get(key)}


def name_stubs(analysis: Analysis) -> list:
    """Every entity as a stub (without its mentions), in the corpus order."""
    from .stubs import stub

    return [stub(e) for e in analysis.entities]


def with_stubs(part: Analysis, stubs: list) -> list:
    """The part's entities (its mentions) in the places of their stubs, the other stubs kept: `stubs` in the
    corpus order holding the part's own entities gives the part's entities in that order."""
    own = {e.id: e for e in part.entities}
    return [own.get(s.id, s) for s in stubs]


def fact_order(f: Fact) -> tuple:
    """The order `align_facts` gives the ledger (verdict, story, support, what, first claim)."""
    from ..align.facts import VERDICT_ORDER

    return (VERDICT_ORDER[f.verdict], f.story or "", -len({d for p in f.positions for d in p.documents}),
            f.about, f.positions[0].claims[0] if f.positions and f.positions[0].claims else "")


def _facts_of_group(cfg: Config, titles: frozenset[str]):
    def run(group: "pd.DataFrame", stubs: "pd.DataFrame") -> "pd.DataFrame":
        import pandas as pd

        from ..align.facts import align_facts

        if group.empty:
            return pd.DataFrame({"key": [], "facts": []})
        part: Analysis = unpack(group["part"].iloc[0])
        part.entities = with_stubs(part, [unpack(b) for b in stubs.sort_values("place")["stub"]])
        facts = align_facts(part.bind(), cfg, titles)
        return pd.DataFrame({"key": [group["key"].iloc[0]], "facts": [pack(facts)]})
    return run


def facts_by_storyline(spark: "SparkSession", analysis: Analysis, cfg: Config) -> list[Fact]:
    """The ledger per storyline: each group cogrouped with the stubs it needs (`scale.stubs`), its ledger run on
    an executor with the whole coverage's words for a person (`Context.person_titles`, read over every claim on
    the driver: a set of nouns); the facts in the local ledger's order, numbered."""
    from ..align.facts.context import build_context
    from .stubs import stubs_by_group

    ctx = build_context(analysis, cfg.facts)
    groups = storyline_groups(analysis, cfg, ctx)
    if not groups:
        return []
    titles = ctx.person_titles
    parts = max(1, min(len(groups), spark.sparkContext.defaultParallelism * 4))
    rows = spark.createDataFrame([(k, pack(part)) for k, part in groups.items()], "key string, part binary")
    stubs = stubs_by_group(spark, groups, analysis)
    out = (rows.repartition(parts, "key").groupBy("key")
           .cogroup(stubs.repartition(parts, "key").groupBy("key"))
           .applyInPandas(_facts_of_group(cfg, titles), "key string, facts binary").collect())
    by_group = [unpack(r.facts) for r in out]
    event: dict[int, Fact] = {}     # a figure's event fact, read by the ids of its own group before renumbering
    for fs in by_group:
        mine = {f.id: f for f in fs}
        event.update((id(f), mine[f.event]) for f in fs if f.event)
    facts = sorted((f for fs in by_group for f in fs), key=fact_order)
    for k, f in enumerate(facts, 1):
        f.id = f"f{k}"
    for f in facts:
        if id(f) in event:
            f.event = event[id(f)].id
    return facts


def run_corpus_stages(spark: "SparkSession", documents: list[Document], records: Optional[dict[str, DocRecord]],
                      cfg: Config, report: Optional[Callable[[str, int, Optional[int]], None]] = None,
                      extra_stages: Optional[list[Stage]] = None, record_rows: Optional["DataFrame"] = None,
                      record_ids: Optional[set[str]] = None) -> tuple[Analysis, dict[str, float]]:
    """The analysis, as `pipeline.analyze_documents` builds it after its document stages; and seconds per stage.
    With `record_rows` (the records as Spark rows: id, record), entity resolution, the link step and story
    clustering run on Spark (story clustering's order-dependent pass on the driver, over one compact row per
    document). `records` may then be None, when no stage reads them on the driver (`driver_needs_records`),
    and `record_ids` says which documents have one."""
    report = report or (lambda *a: None)
    analysis = Analysis(generated=generated_now(), documents=documents)
    corpus = Corpus(cfg, records if records is not None else {}, analysis)
    have = set(records) if records is not None else (record_ids or set())
    seconds: dict[str, float] = {}
    corpus_stages = stages("corpus", cfg, extra_stages)
    for i, stage in enumerate(corpus_stages):
        report(stage.name, i, len(corpus_stages))
        t0 = time.perf_counter()
        analysis.bind()
        if stage.name == "entities" and stage.target == BUILTIN_ENTITIES and record_rows is not None:
            from .entities import resolve_on_spark

            order = [d.id for d in corpus.documents if d.id in have]
            analysis.entities, corpus.entity_map = resolve_on_spark(spark, record_rows, order, cfg)
        elif stage.name == "link" and stage.target == BUILTIN_LINK and record_rows is not None:
            from .link import link_on_spark

            order = [d.id for d in corpus.documents if d.id in have]
            analysis.claims, analysis.times, analysis.framing = link_on_spark(
                spark, record_rows, order, corpus.entity_map, analysis.entities)
        elif stage.name == "stories" and stage.target == BUILTIN_STORIES and record_rows is not None:
            from .stories import stories_on_spark

            analysis.stories = stories_on_spark(spark, record_rows, analysis.documents, analysis.entities,
                                                corpus.entity_map, cfg)
            record_rows.unpersist()     # no later stage reads them on Spark
        elif stage.name == "facts" and stage.target == BUILTIN_FACTS:
            analysis.facts = facts_by_storyline(spark, analysis, cfg)
        else:
            stage.load()(corpus)
        seconds[stage.name] = time.perf_counter() - t0
    report("done", len(corpus_stages), len(corpus_stages))
    return analysis.bind(), seconds
