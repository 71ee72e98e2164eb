"""The run loop: ids, one parse per document, both cores, and stages that fail or are switched off."""
import pytest

from newsprism.config import Config
from newsprism.model import Document
from newsprism.pipeline import IdAssigner, analyze_documents
from newsprism.read.base import RawItem
from newsprism.registry import Stage


def test_ids_are_stems_then_stem_plus_path_hash_on_collision():
    ids = IdAssigner()
    a = ids.assign(RawItem(source="x/report.txt", kind="text", stem="report"), "one")
    b = ids.assign(RawItem(source="y/report.txt", kind="text", stem="report"), "two")
    assert a == "report" and b.startswith("report_") and b != a


def test_ids_from_the_input_or_a_stable_text_hash():
    assert IdAssigner().assign(RawItem(source="f.jsonl:1", kind="jsonl", id="wire-7"), "t") == "wire-7"
    h1 = IdAssigner().assign(RawItem(source="<stdin>", kind="text"), "same text")
    h2 = IdAssigner().assign(RawItem(source="<other>", kind="text"), "same text")
    assert h1 == h2 and h1.startswith("doc_")


def _docs(n):
    return [Document(id=f"d{i}", text=f"Mayor Lena Ortiz of Porto visited Lisbon on Monday, meeting {i} officials. "
                     "She said the talks went well.", published="2024-05-08") for i in range(n)]


def test_parallel_and_in_process_runs_give_the_same_analysis():
    docs = _docs(12)
    one = Config.load(overrides={"parse.processes": 1, "stages.dedup": False})
    two = Config.load(overrides={"parse.processes": 2, "parse.parallel_min_docs": 2, "stages.dedup": False})
    a = analyze_documents([d.model_copy(deep=True) for d in docs], one)
    b = analyze_documents([d.model_copy(deep=True) for d in docs], two)
    a.generated = b.generated = None
    assert a.to_json() == b.to_json()


def test_documents_parsed_while_cleaning_goes_on_give_the_same_analysis_duplicates_and_all():
    from newsprism.pipeline import run
    from newsprism.read.base import Article

    texts = [d.text for d in _docs(9)]
    arts = [Article(text=t, id=f"a{i}") for i, t in enumerate(texts + [texts[2], texts[5] + " Talks resume today."])]
    one = Config.load(overrides={"parse.processes": 1})
    two = Config.load(overrides={"parse.processes": 2, "parse.parallel_min_docs": 3})
    a, b = run(arts, one), run(arts, two)   # run(): the workers start at the third document and parse ahead
    a.generated = b.generated = None
    assert a.to_json() == b.to_json()
    assert len(b.documents) == 10 and len(b.documents[2].sources) == 2     # the copy of a2 merged, its parse dropped
    assert [n.doc for n in b.documents[5].near_duplicates] == ["a10"]


def test_a_failing_stage_leaves_a_note_and_loses_nothing():
    def broken(document, sdoc, record, cfg):
        raise RuntimeError("boom")

    a = analyze_documents(_docs(2), Config(), extra_stages=[Stage("broken", "document", broken)])
    assert len(a.documents) == 2
    assert any("broken failed: RuntimeError: boom" in n for n in a.documents[0].notes)


def test_each_document_is_parsed_once(monkeypatch):
    import newsprism.parse as parse

    calls = []
    nlp = parse.load_nlp()
    real_pipe = nlp.pipe

    class Counting:
        def __getattr__(self, name):
            return getattr(nlp, name)

        def pipe(self, texts, **kw):
            texts = list(texts)
            calls.extend(texts)
            return real_pipe(texts, **kw)

    monkeypatch.setattr(parse, "load_nlp", lambda model=None: Counting())
    analyze_documents(_docs(3), Config.load(overrides={"parse.processes": 1, "stages.dedup": False}))
    assert len(calls) == 3


@pytest.fixture(scope="module")
def sample_documents():
    from newsprism.pipeline import iter_cleaned

    from conftest import SAMPLES

    return list(iter_cleaned([SAMPLES], Config(), warn=print))


@pytest.mark.parametrize("stage", ["dedup", "entities", "times", "claims", "stories", "facts", "timeline", "framing", "summary"])
def test_turning_any_stage_off_on_the_sample_corpus_never_raises(stage, sample_documents):
    a = analyze_documents([d.model_copy(deep=True) for d in sample_documents], Config.load(overrides={f"stages.{stage}": False}))
    assert len(a.documents) >= 6
    section = {"entities": a.entities, "times": a.times, "claims": a.claims, "stories": a.stories, "facts": a.facts,
               "timeline": a.timeline, "framing": a.framing, "summary": a.summary}.get(stage)
    if section is not None:
        assert section == []
    assert not [n for d in a.documents for n in d.notes if "failed" in n]


def test_non_english_documents_are_kept_and_skipped_by_english_stages():
    doc = Document(id="ru", text="Министр иностранных дел прибыл в Москву в понедельник.", language="ru")
    a = analyze_documents([doc], Config())
    assert a.documents[0].language == "ru"
    assert any("English-only stages skipped" in n for n in a.documents[0].notes)
    assert not [c for c in a.claims if c.doc == "ru"]


def test_stages_see_no_more_text_than_was_parsed():
    seen = []

    def spy(document, sdoc, record, cfg):
        seen.append((len(document.text), len(sdoc.text)))

    doc = Document(id="long", text="Ferries resume on Monday, the operator said. " * 100)
    cfg = Config.load(overrides={"parse.max_chars": 1000, "stages.dedup": False})
    a = analyze_documents([doc], cfg, extra_stages=[Stage("spy", "document", spy)])
    assert seen == [(1000, 1000)]
    assert len(a.documents[0].text) == len(doc.text)  # the document itself keeps all its text
    assert any("parse.max_chars" in n for n in a.documents[0].notes)


def test_a_document_over_its_time_budget_skips_the_stages_left_with_a_note():
    import time

    def slow(document, sdoc, record, cfg):
        end = time.thread_time() + 0.2
        while time.thread_time() < end:  # CPU time, as the budget counts it
            pass

    ran = []
    cfg = Config.load(overrides={"parse.doc_seconds": 0.05, "stages.dedup": False})
    a = analyze_documents(_docs(1), cfg, extra_stages=[
        Stage("slow", "document", slow), Stage("after", "document", lambda *args: ran.append(1), after="slow")])
    assert ran == []
    assert any(n.startswith("stage after skipped: the document used its 0.05 s budget") for n in a.documents[0].notes)


def test_one_long_unpunctuated_line_is_analyzed_beside_the_good_files(tmp_path):
    """A 300 KB single line: read, cleaned and kept; its sentences are bounded; the good files are analyzed."""
    import newsprism.pipeline as pipeline

    words = "ferry workers port city talks operator monday officials capital safety rules harbour union".split()
    (tmp_path / "long.txt").write_text(" ".join(words[i % len(words)] for i in range(60_000))[:300_000])
    (tmp_path / "good.txt").write_text("Harbour pilots in Port Ellis ended their strike on Friday after the port "
                                       "authority agreed to hire twelve more pilots, the union said.")
    longest = {}

    def sentences(document, sdoc, record, cfg):
        longest[document.id] = max(len(s) for s in sdoc.sents)

    cfg = Config.load(overrides={"parse.max_chars": 60_000, "parse.max_sentence_tokens": 120})
    warnings = []
    a = pipeline.analyze_documents(list(pipeline.iter_cleaned([tmp_path], cfg, warnings.append)), cfg,
                                   extra_stages=[Stage("sentences", "document", sentences)])
    assert warnings == [] and {d.id for d in a.documents} == {"long", "good"}
    assert len(a.document("long").text) >= 299_990  # all of it (a trailing space trimmed)
    assert longest["long"] <= 120
    assert any(c.doc == "good" for c in a.claims)
