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
