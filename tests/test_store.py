"""The DuckDB store: one transaction per document, texts stored once, BM25 search, crash safety."""
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from newsprism.model import Document, NearDuplicate, Removed
from newsprism.store import Store, fts_extension_path


def doc(id, text, source=None, **kw):
    return Document(id=id, source=source or f"{id}.txt", sources=[source or f"{id}.txt"], text=text, **kw)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.duckdb") as s:
        yield s


def test_add_then_merge_then_unchanged(store):
    assert store.add(doc("a", "Ferries resume on Monday.")) == "added"
    copy = doc("b", "Ferries resume on Monday.", source="mirror/a.txt")
    assert store.add(copy) == "merged"
    assert copy.id == "a"  # the caller learns which stored document holds its text
    assert store.get("a").sources == ["a.txt", "mirror/a.txt"]
    assert store.get("b") is None and store.count() == 1
    assert store.add(doc("a", "Ferries resume on Monday.")) == "unchanged"
    assert store.add(doc("b", "Ferries resume on Monday.", source="mirror/a.txt")) == "unchanged"
    assert store.has_source("mirror/a.txt") and not store.has_source("elsewhere.txt")


def test_a_taken_id_with_another_text_gets_a_distinct_id(store):
    store.add(doc("a", "Ferries resume on Monday."))
    other = doc("a", "A different article.", source="other/a.txt")
    assert store.add(other) == "added"
    assert other.id.startswith("a_") and store.get(other.id).text == "A different article."
    assert store.get("a").text == "Ferries resume on Monday."


def test_documents_come_back_equal_after_reopening(tmp_path):
    path = tmp_path / "news.duckdb"
    originals = [
        Document(id="x1", source="x1.html", sources=["x1.html"], title="Night ferries", author="Mira Okonkwo",
                 outlet="Elwyn Gazette", published="2024-02-06T18:30:00+01:00", language="en", url="https://e.org/x1",
                 text="The board approved night ferries.\n\nThey start in March — “soon”.",
                 removed=[Removed(text="Share this", reason="boilerplate")],
                 near_duplicates=[NearDuplicate(doc="x2", similarity=0.91)], notes=["kept"]),
        doc("x2", "Fishermen were divided over the plan."),
    ]
    with Store(path) as store:
        for d in originals:
            store.add(d)
    with Store(path) as store:
        assert list(store.documents()) == originals
        assert store.get("x1") == originals[0] and store.count() == 2


def test_documents_are_listed_in_insertion_order(store):
    for id in ["m", "c", "x", "a"]:
        store.add(doc(id, f"Article {id}."))
    assert [d.id for d in store.documents()] == ["m", "c", "x", "a"]


def test_search_ranks_by_bm25_over_title_and_text_and_follows_new_documents(store):
    store.add(doc("storm", "Waves flooded the harbour road overnight.", title="Storm closes coast road"))
    store.add(doc("budget", "Parliament passed the budget after a long debate."))
    assert [id for id, _ in store.search("storms")] == ["storm"]  # stemmed, and the title counts
    assert store.search("budget")[0][0] == "budget"
    assert store.search("ferry") == []
    store.add(doc("ferry", "Ferry ferries ferry: the new ferry route opens.", title="Ferry route"))
    store.add(doc("storm2", "A ferry was delayed by the storm.", title="Delays"))
    hits = store.search("ferry")
    assert [id for id, _ in hits] == ["ferry", "storm2"] and hits[0][1] > hits[1][1] > 0
    assert len(store.search("ferry", limit=1)) == 1


def test_search_on_an_empty_store_finds_nothing(store):
    assert store.search("anything") == [] and store.search("  ") == []


def test_stage_state_is_saved_and_replaced(store):
    assert store.load_state("stories") is None
    store.save_state("stories", {"events": [{"id": "s1", "docs": ["a"]}]})
    store.save_state("stories", {"events": [{"id": "s1", "docs": ["a", "b"]}]})
    assert store.load_state("stories") == {"events": [{"id": "s1", "docs": ["a", "b"]}]}


def test_the_shipped_fts_extension_is_found():
    path = fts_extension_path()
    assert path.is_file() and path.name == "fts.duckdb_extension"


def test_a_closed_store_says_so(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.close()
    store.close()
    with pytest.raises(RuntimeError, match="closed"):
        store.count()


BATCH = textwrap.dedent("""
    import sys
    from newsprism.model import Document
    from newsprism.store import Store
    store = Store(sys.argv[1])
    for i in range(int(sys.argv[2])):
        text = f"Article {i}. " + ("The harbour board met again. " * 400)
        for source in (f"in/{i}.txt", f"mirror/{i}.txt"):  # every other add is a merge
            store.add(Document(id=f"d{i}", source=source, sources=[source], title=f"Title {i}", text=text))
        print(i, flush=True)
    store.close()
""")


def run_batch(db, n, kill_after=None):
    proc = subprocess.Popen([sys.executable, "-c", BATCH, str(db), str(n)], stdout=subprocess.PIPE, text=True)
    if kill_after is None:
        assert proc.wait(timeout=120) == 0
        return n
    for _ in range(kill_after):
        assert proc.stdout.readline(), "the batch ended before it could be killed"
    time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return kill_after


def check_whole(db):
    with Store(db) as store:
        docs = list(store.documents())
        for d in docs:
            i = int(d.id[1:])
            assert d.title == f"Title {i}" and d.text.startswith(f"Article {i}. ") and d.text.endswith("met again. ")
            stored = {s for s in (f"in/{i}.txt", f"mirror/{i}.txt") if store.has_source(s)}
            assert set(d.sources) == stored  # the document and its source rows were written together
        assert len({d.id for d in docs}) == len(docs)
        return docs


def test_killed_mid_batch_keeps_whole_documents_and_a_rerun_completes_it(tmp_path):
    db = tmp_path / "crash.duckdb"
    n = 60
    done = run_batch(db, n, kill_after=15)
    survivors = check_whole(db)
    assert done <= len(survivors) < n
    run_batch(db, n)
    docs = check_whole(db)
    assert [int(d.id[1:]) for d in docs] == list(range(n))  # each exactly once, in insertion order
    assert all(d.sources == [f"in/{d.id[1:]}.txt", f"mirror/{d.id[1:]}.txt"] for d in docs)


def test_threads_can_share_one_store(store):
    from concurrent.futures import ThreadPoolExecutor

    def add_some(t):
        return [store.add(doc(f"t{t}-{i}", f"Thread {t} article {i}.")) for i in range(20)]

    with ThreadPoolExecutor(4) as pool:
        statuses = [s for batch in pool.map(add_some, range(4)) for s in batch]
    assert statuses.count("added") == 80 and store.count() == 80


def _holder(path, seconds: float):
    """Another process that opens the store and keeps it for `seconds` (prints once it holds it)."""
    code = ("import sys, time; from newsprism.store import Store; s = Store(sys.argv[1]); print('held', flush=True); "
            "time.sleep(float(sys.argv[2])); s.close()")
    proc = subprocess.Popen([sys.executable, "-c", code, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_store_held_by_another_process_names_the_holder(tmp_path):
    from newsprism.store import StoreLocked

    path = tmp_path / "held.duckdb"
    proc = _holder(path, 30)
    try:
        with pytest.raises(StoreLocked) as caught:
            Store(path)
        message = str(caught.value)
        assert f"PID {proc.pid}" in message and "python" in message and "--wait" in message
        assert "\n" not in message
    finally:
        proc.kill()
        proc.wait()


def test_waiting_for_a_held_store_opens_it_once_released(tmp_path):
    path = tmp_path / "held.duckdb"
    proc = _holder(path, 1.5)
    try:
        with Store(path, wait=30) as store:
            assert store.count() == 0
    finally:
        proc.wait()
