"""The app's worker is never tied up: an analysis gives way to a newer ingest and to shutdown, and a
request waits a bounded time for the analysis (503 with Retry-After after that)."""
import time

import pytest
from fastapi.testclient import TestClient

import newsprism.pipeline as pipeline
from newsprism.config import Config
from newsprism.model import Analysis
from newsprism.web import create_app
from newsprism.web.service import Service
from newsprism.web.uploads import Submission

ARTICLE = "Harbour pilots in Port Ellis ended their strike on Friday, the union said, and ships entered the port."


@pytest.fixture()
def slow_analysis(monkeypatch):
    """An analysis that would take a minute, reporting progress every 50 ms as the real one does per chunk."""
    runs = []

    def analyze_documents(docs, cfg, report=None, store=None, extra_stages=None):
        runs.append(len(docs))
        for i in range(1200):
            report("parse", i, 1200)
            time.sleep(0.05)
        return Analysis(documents=docs)

    monkeypatch.setattr(pipeline, "analyze_documents", analyze_documents)
    return runs


def wait_for(condition, timeout: float = 20.0) -> float:
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < timeout, "timed out"
        time.sleep(0.02)
    return time.monotonic() - start


def test_a_running_analysis_gives_way_to_a_new_ingest_and_to_shutdown(tmp_path, slow_analysis):
    svc = Service(tmp_path / "s.duckdb", Config())
    first = svc.submit(Submission(records=[{"text": ARTICLE}]))
    wait_for(lambda: first.state == "analyzing")
    second = svc.submit(Submission(records=[{"text": ARTICLE + " Ferries sailed too."}]))
    assert wait_for(lambda: first.finished) < 2  # not the minute the analysis would take
    assert first.state == "done" and first.added == 1
    wait_for(lambda: second.state == "analyzing")
    wait_for(lambda: slow_analysis == [1, 2], timeout=5)   # the job says so before the run records itself
    assert second.added == 1
    t0 = time.monotonic()
    svc.close()
    assert time.monotonic() - t0 < 2 and second.state == "done"


def test_requests_wait_a_bounded_time_then_say_503(tmp_path, slow_analysis):
    app = create_app(tmp_path / "a.duckdb", Config())
    with TestClient(app, base_url="http://localhost") as client:
        app.state.service.wait = 0.3
        job = client.post("/api/ingest", json={"text": ARTICLE}).json()["id"]
        wait_for(lambda: client.get(f"/api/ingest/{job}").json()["state"] == "analyzing")
        for path in ("/api/facts", "/api/analysis", "/report", "/stories/s1"):
            t0 = time.monotonic()
            r = client.get(path)
            assert r.status_code == 503 and r.headers["retry-after"] == "2", path
            assert time.monotonic() - t0 < 5
        assert "being computed" in client.get("/api/facts").json()["detail"]
        page = client.get("/report")
        assert "Analyzing" in page.text and 'http-equiv="refresh"' in page.text
        assert client.get("/api/status").json()["analysis_ready"] is False
        assert client.get("/").status_code == 200  # the index says it is analyzing, without waiting


def test_an_empty_store_answers_at_once(tmp_path):
    app = create_app(tmp_path / "e.duckdb", Config())
    with TestClient(app, base_url="http://localhost") as client:
        app.state.service.wait = 0
        assert client.get("/api/stories").json() == []
        assert client.get("/report").status_code == 200


def test_a_failed_analysis_is_a_500_that_says_so_not_a_wait(tmp_path, monkeypatch):
    def broken(docs, cfg, report=None, store=None, extra_stages=None):
        raise ValueError("stage exploded")

    monkeypatch.setattr(pipeline, "analyze_documents", broken)
    app = create_app(tmp_path / "f.duckdb", Config())
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as client:
        job = client.post("/api/ingest", json={"text": ARTICLE}).json()["id"]
        wait_for(lambda: client.get(f"/api/ingest/{job}").json()["finished"])
        assert "stage exploded" in client.get(f"/api/ingest/{job}").json()["errors"][-1]
        t0 = time.monotonic()
        r = client.get("/api/facts")
        assert r.status_code == 500 and "stage exploded" in r.json()["detail"] and time.monotonic() - t0 < 5
