"""Request bodies, malformed on purpose: each is a 4xx with a one-line reason, never a 500."""
import base64
import json
import re
import time

import pytest
from fastapi.testclient import TestClient

from newsprism.config import Config
from newsprism.web import create_app
from newsprism.web.uploads import IngestRecord

ARTICLE = ("Harbour pilots in Port Ellis ended their strike on Friday after the port authority agreed to hire "
           "twelve more pilots, the union said.")
HERE = "http://localhost"


@pytest.fixture()
def client(tmp_path):
    app = create_app(tmp_path / "u.duckdb", Config.load(overrides={"read.max_bytes": 300_000}))
    with TestClient(app, base_url=HERE) as c:
        yield c


def token(client: TestClient) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)


def refused(r, status: int) -> str:
    assert r.status_code == status, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and detail and "\n" not in detail
    return detail


def finished(client: TestClient, job: str) -> dict:
    for _ in range(600):
        status = client.get(f"/api/ingest/{job}").json()
        if status["finished"]:
            return status
        time.sleep(0.1)
    raise AssertionError("job did not finish")


def test_multipart_without_a_boundary_is_a_400(client):
    r = client.post("/ingest", content=b"--x\r\n\r\nhello\r\n--x--\r\n", headers={"Content-Type": "multipart/form-data"})
    assert "boundary" in refused(r, 400).lower()
    r = client.post("/ingest", content=b"garbage", headers={"Content-Type": "multipart/form-data; boundary=zz"})
    assert r.status_code in (400, 403)  # an unparseable form never reaches the token check as a 500


def test_json_nested_100000_deep_is_a_400(client):
    deep = b"[" * 100_000 + b"]" * 100_000
    r = client.post("/api/ingest", content=deep, headers={"Content-Type": "application/json"})
    assert refused(r, 400) == "the JSON body is nested too deeply"
    deep_object = b'{"text": ' * 20_000 + b'"x"' + b"}" * 20_000
    refused(client.post("/api/ingest", content=deep_object, headers={"Content-Type": "application/json"}), 400)


@pytest.mark.parametrize("body, words", [
    (b"{no", "not valid JSON"),
    (b"[]", "empty"),
    (b"42", "record 1"),
    (b'{"text": 7}', "record 1: text"),
    (b'{"text": "   "}', "non-empty"),
    (b'{"text": "a", "colour": "red"}', "colour"),
    (b'[{"text": "ok text"}, {"html": ["x"]}]', "record 2: html"),
    (b'{"content_base64": "***"}', "not valid base64"),
    (b'{"content_base64": "aGk=", "text": "x"}', "alone"),
    (b"\xff\xfe", "not valid JSON"),
])
def test_bad_json_records_are_400s_that_say_what(client, body, words):
    r = client.post("/api/ingest", content=body, headers={"Content-Type": "application/json"})
    assert words in refused(r, 400)


def test_limits_apply_to_each_text_and_file(client):
    refused(client.post("/api/ingest", json={"text": "y" * 300_001}), 413)
    big = base64.b64encode(b"z " * 150_001).decode()   # the body fits; the file inside it does not
    refused(client.post("/api/ingest", json={"content_base64": big, "name": "big.txt"}), 413)
    refused(client.post("/ingest", data={"text": "x" * 300_001, "csrf": token(client)}), 413)
    assert client.get("/api/status").json()["documents"] == 0


def test_records_carry_text_html_or_whole_files(client):
    jsonl = "\n".join(json.dumps({"id": f"wire-{i}", "text": f"{ARTICLE} Ferry {i} sailed."}) for i in range(2))
    r = client.post("/api/ingest", json=[
        {"text": ARTICLE, "title": "Pilots end strike", "outlet": "Harbour Daily"},
        {"html": f"<html><head><title>Ferries</title></head><body><article><p>{ARTICLE} Ferries sailed again."
                 "</p></article></body></html>"},
        {"content_base64": base64.b64encode(jsonl.encode()).decode(), "name": "wire.jsonl"},
    ])
    assert r.status_code == 202, r.text
    status = finished(client, r.json()["id"])
    assert status["state"] == "done" and status["added"] == 4, status
    docs = client.get("/api/documents").json()["documents"]
    assert {"wire-0", "wire-1"} <= {d["id"] for d in docs}
    assert any(d["title"] == "Pilots end strike" and d["outlet"] == "Harbour Daily" for d in docs)


def test_the_record_model_is_what_the_openapi_document_declares(client):
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/ingest"]["post"]["requestBody"]
    assert list(body["content"]) == ["application/json"]
    record = body["content"]["application/json"]["schema"]["anyOf"][0]
    assert set(record["properties"]) == set(IngestRecord.model_fields) and record["additionalProperties"] is False
    form = spec["paths"]["/ingest"]["post"]["requestBody"]["content"]
    assert set(form) == {"multipart/form-data", "application/x-www-form-urlencoded"}
    for path, method, codes in [("/api/ingest", "post", {"202", "400", "403", "413", "415"}),
                                ("/ingest", "post", {"202", "400", "403", "413", "415"}),
                                ("/api/ingest/{job_id}", "get", {"200", "404"}),
                                ("/api/documents/{doc_id}", "get", {"200", "404"}),
                                ("/api/facts", "get", {"200", "404", "503"})]:
        assert codes <= set(spec["paths"][path][method]["responses"]), path
