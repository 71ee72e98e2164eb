"""Cross-document stage adapters: ids rewritten corpus-wide, stories persisted in the store."""
from newsprism.config import Config
from newsprism.pipeline import analyze_documents, iter_cleaned
from newsprism.store import Store

from conftest import SAMPLES


def _events(analysis):
    parents = {s.parent for s in analysis.stories if s.parent}
    return sorted(sorted(s.documents) for s in analysis.stories if s.id not in parents)


def test_claims_get_corpus_ids_and_entity_references(sample_analysis):
    a = sample_analysis
    assert [c.id for c in a.claims] == [f"c{i}" for i in range(1, len(a.claims) + 1)]
    assert not any("@" in (c.subject or "") for c in a.claims)
    ids = {e.id for e in a.entities}
    assert any(c.subject in ids for c in a.claims)


def test_stories_persist_in_the_store_and_later_documents_join_them(tmp_path):
    cfg = Config()
    docs = sorted(iter_cleaned([SAMPLES], cfg, warn=print), key=lambda d: (d.published or "9999", d.id))
    batch = analyze_documents([d.model_copy(deep=True) for d in docs], cfg)
    with Store(tmp_path / "s.duckdb") as store:
        half = len(docs) // 2
        for d in docs[:half]:
            store.add(d.model_copy(deep=True))
        first = analyze_documents(list(store.documents()), cfg, store=store)
        assert store.load_state("stories")["index"]["n_docs"] == half
        for d in docs[half:]:
            store.add(d.model_copy(deep=True))
        second = analyze_documents(list(store.documents()), cfg, store=store)
        assert store.load_state("stories")["index"]["n_docs"] == len(docs)
    assert sum(len(e) for e in _events(first)) == half
    assert _events(second) == _events(batch)


def test_a_records_link_needs_only_the_map_rows_it_names():
    """`link_lookups` names every row of the corpus-wide maps `link_record` reads: with only those rows it gives
    what the whole maps give (the Spark link step ships a document just these rows)."""
    from newsprism import pipeline
    from newsprism.registry import stages
    from newsprism.resolve.entities import resolve
    from newsprism.stages import link_lookups, link_record

    cfg = Config()
    docs = pipeline.dedup_documents(list(iter_cleaned([SAMPLES], cfg, lambda m: None)), cfg)
    found = pipeline.annotate(docs, cfg, stages("document", cfg))
    records = [found[d.id] for d in docs if d.id in found]
    entities, mapping = resolve(records, cfg)
    names = {e.id: e.name for e in entities}
    asked = 0
    for r in records:
        local, words = link_lookups(r)
        own_map = {k: v for k, v in mapping.items() if k in local}
        own_names = {k: v for k, v in names.items() if k in words or k in own_map.values()}
        whole, own = link_record(r, mapping, names, 0, 0), link_record(r, own_map, own_names, 0, 0)
        assert [[x.model_dump() for x in part] for part in whole[:2]] == \
            [[x.model_dump() for x in part] for part in own[:2]]
        assert (whole[2] and whole[2].model_dump()) == (own[2] and own[2].model_dump())
        asked += len(own_map)
        assert len(own_map) <= len(mapping) // 2        # a document reads a small share of the map
    assert asked > 20 and any(a.entity in names for r in records if r.framing for a in link_record(
        r, mapping, names, 0, 0)[2].actors)
