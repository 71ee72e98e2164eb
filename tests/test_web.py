"""The local web app: uploads (size-limited, never written outside the store), background ingest
with progress, stories as reports, search, and a JSON API documented offline."""
import re
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.config import Config
from newsprism.model import Analysis
from newsprism.web import create_app, safe_name

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def wait(client: TestClient, job: str, timeout: float = 120) -> dict:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        status = client.get(f"/api/ingest/{job}").json()
        if status["finished"]:
            return status
        time.sleep(0.2)
    raise AssertionError(f"job {job} did not finish")


def form_token(client: TestClient) -> str:
    """The session token the app's page puts in its form (the page also sets the session cookie)."""
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)


def upload(client: TestClient, files=None, data=None, accept: str = "application/json", **kw):
    """Post the page's form, as the page would: with its token, from its own origin."""
    return client.post("/ingest", files=files, data={**(data or {}), "csrf": form_token(client)},
                       headers={"Accept": accept, "Origin": str(client.base_url).rstrip("/")}, **kw)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, nlp):
    """An app whose store holds the sample corpus, uploaded through the API."""
    folder = tmp_path_factory.mktemp("store")
    app = create_app(folder / "news.duckdb", Config())
    files = [("files", (p.name, p.read_bytes())) for p in sorted(SAMPLES.iterdir()) if p.is_file() and p.suffix != ".md"]
    with TestClient(app, base_url="http://localhost") as client:
        r = upload(client, files=files)
        assert r.status_code == 202, r.text
        status = wait(client, r.json()["id"])
        assert status["state"] == "done", status
        yield client, folder, status


def test_upload_stores_documents_and_reports_progress(loaded):
    client, _, status = loaded
    assert status["added"] >= 8 and status["errors"] == []
    listing = client.get("/api/documents").json()
    assert listing["total"] == status["added"]
    assert all("text" not in d for d in listing["documents"])
    one = client.get(f"/api/documents/{listing['documents'][0]['id']}").json()
    assert one["text"] and one["sources"][0].startswith("upload:")


def test_stories_open_as_reports(loaded):
    client, _, _ = loaded
    stories = client.get("/api/stories").json()
    assert stories and all(s["id"] and s["documents"] for s in stories)
    biggest = max(stories, key=lambda s: len(s["documents"]))
    r = client.get(f"/stories/{biggest['id']}")
    assert r.status_code == 200 and r.text.startswith("<!doctype html>")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert 'href="/"' in r.text  # back to the app
    for doc in biggest["documents"]:
        assert f'id="text-{doc}"' in r.text
    assert client.get("/stories/nope").status_code == 404
    index = client.get("/").text
    assert f'href="/stories/{biggest["id"]}"' in index


def test_every_section_has_a_json_endpoint(loaded):
    client, _, _ = loaded
    whole = Analysis.from_json(client.get("/api/analysis").content)
    assert whole.documents and whole.facts
    for name in ("stories", "entities", "facts", "timeline", "framing"):
        r = client.get(f"/api/{name}")
        assert r.status_code == 200 and r.json() == whole.to_dict()[name], name
    story = whole.stories[0].id
    facts = client.get("/api/facts", params={"story": story}).json()
    assert {f["story"] for f in facts} <= {s.id for s in whole.stories}
    assert client.get("/api/facts", params={"story": "nope"}).status_code == 404


def test_search_finds_documents(loaded):
    client, _, _ = loaded
    hits = client.get("/api/search", params={"q": "ferry delegation"}).json()
    assert hits and hits[0]["score"] >= hits[-1]["score"]
    assert all(h["snippet"] and h["story"] for h in hits)
    page = client.get("/search", params={"q": "ferry"})
    assert page.status_code == 200 and "/stories/" in page.text
    assert "No document matches" in client.get("/search", params={"q": "zzzqqq"}).text


def test_openapi_and_docs_work_offline(loaded):
    client, _, _ = loaded
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/documents", "/api/stories", "/api/entities", "/api/facts", "/api/timeline", "/api/framing",
              "/api/analysis", "/api/ingest", "/api/search"):
        assert p in paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/facts" in docs.text
    assert "cdn" not in docs.text.lower() and 'src="http' not in docs.text
    assert 'id="security"' in docs.text and "--host 0.0.0.0" in docs.text and "--allow-host" in docs.text
    assert 'href="/docs#security"' in client.get("/").text
    assert client.get("/redoc").status_code == 404


def test_nothing_is_written_outside_the_store_folder(loaded, tmp_path, monkeypatch):
    client, folder, _ = loaded
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in folder.iterdir())
    name = "../../../../tmp/evil\\..\\x/../escape.txt"
    r = upload(client, files=[("files", (name, b"The harbour of Port Ellis reopened on Friday after three weeks of repairs, "
                                            b"officials said, and the first ferry sailed at noon."))])
    status = wait(client, r.json()["id"])
    assert status["state"] == "done" and status["added"] == 1
    doc = client.get(f"/api/documents/{status['documents'][0]}").json()
    assert doc["id"] == "escape" and doc["sources"] == ["upload:escape.txt"]
    assert list(tmp_path.iterdir()) == []
    assert not Path("/tmp/evil").exists() and not (folder.parent / "escape.txt").exists()
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.parametrize("given, expected", [
    ("../../etc/passwd", "passwd"), ("..\\..\\boot.ini", "boot.ini"), ("/abs/path/a.html", "a.html"),
    ("..", "upload"), ("", "upload"), (None, "upload"), ("a\x00b.txt", "ab.txt"), ("we<ird>|name?.txt", "we_ird_name_.txt"),
])
def test_upload_names_lose_their_folders(given, expected):
    assert safe_name(given) == expected


@pytest.fixture()
def small(tmp_path):
    app = create_app(tmp_path / "s.duckdb", Config.load(overrides={"read.max_bytes": 2000}))
    with TestClient(app, base_url="http://localhost") as client:
        yield client, tmp_path


def test_uploads_over_the_limit_are_refused(small):
    client, folder = small
    big = b"word " * 1000  # 5,000 bytes > 2,000
    r = upload(client, files=[("files", ("big.txt", big))])
    assert r.status_code == 413 and "read.max_bytes" in r.json()["detail"]
    r = upload(client, data={"text": "x" * 3000})
    assert r.status_code == 413
    r = client.post("/api/ingest", json={"text": "y" * 100_000})
    assert r.status_code == 413
    assert client.get("/api/documents").json()["total"] == 0
    assert all(p.name.startswith("s.duckdb") for p in folder.iterdir())  # the store (and its WAL) only


def test_bad_requests_are_plain_errors(small):
    client, _ = small
    assert upload(client, data={"text": "   "}).status_code == 400
    assert client.post("/api/ingest", content=b"hello", headers={"Content-Type": "text/plain"}).status_code == 415
    assert client.post("/api/ingest", content=b"{no", headers={"Content-Type": "application/json"}).status_code == 400
    assert client.get("/api/ingest/nope").status_code == 404
    assert client.get("/static/../web.py").status_code == 404
    assert client.get("/static/report.js").status_code == 404  # only the app's own files are served


def test_empty_store_pages(small):
    client, _ = small
    page = client.get("/")
    assert page.status_code == 200 and "No stories yet" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/api/stories").json() == []
    assert Analysis.from_json(client.get("/api/analysis").content).documents == []


def test_a_browser_form_is_redirected_to_the_progress_page(small):
    client, _ = small
    r = upload(client, data={"text": "Ferries resumed on Monday between the two ports, the operator said. " * 3,
                             "title": "<script>alert(1)</script>"}, accept="text/html", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/?job=")
    job = r.headers["location"].split("=", 1)[1]
    status = wait(client, job)
    assert status["added"] == 1
    page = client.get(f"/?job={job}").text
    assert "done" in page
    report = client.get("/report").text
    assert "<script>alert(1)</script>" not in report and "&lt;script&gt;alert(1)&lt;/script&gt;" in report
