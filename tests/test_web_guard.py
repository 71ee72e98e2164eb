"""The app's outer wall, attacked: forged cross-site writes and DNS-rebinding reads are refused (403),
the page's form needs its session token, the API takes only JSON, and every response says nosniff."""
import re

import pytest
from fastapi.testclient import TestClient

from newsprism.config import Config
from newsprism.web import create_app
from newsprism.web.guard import allowed_hosts, host_name, same_origin

ARTICLE = "Harbour pilots in Port Ellis ended their strike on Friday, the union said, and ships entered the port."
HERE = "http://localhost"


@pytest.fixture()
def client(tmp_path):
    app = create_app(tmp_path / "g.duckdb", Config(), bind="127.0.0.1", allow_hosts=["news.example.org"])
    with TestClient(app, base_url=HERE) as c:
        yield c


def token(client: TestClient) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)


def stored(client: TestClient) -> int:
    return client.get("/api/status").json()["documents"]


# -- forged cross-site writes ------------------------------------------------------------------------

@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example"},
    {"Origin": "http://localhost.evil.example"},
    {"Origin": "http://localhost:9999"},            # another local service is another origin
    {"Origin": "null"},                             # sandboxed frames, data: URLs
    {"Referer": "https://evil.example/page.html"},  # no Origin: the Referer is checked instead
])
def test_cross_site_form_posts_are_refused_even_with_a_valid_token(client, headers):
    good = token(client)
    r = client.post("/ingest", data={"text": ARTICLE, "csrf": good}, headers=headers)
    assert r.status_code == 403 and "cross-site" in r.json()["detail"]
    r = client.post("/ingest", files=[("files", ("a.txt", ARTICLE.encode()))], data={"csrf": good}, headers=headers)
    assert r.status_code == 403
    r = client.post("/api/ingest", json={"text": ARTICLE}, headers=headers)
    assert r.status_code == 403
    assert stored(client) == 0


def test_a_form_post_without_the_session_token_is_refused(client):
    """What a cross-site form sends when the browser omits Origin: urlencoded or multipart, no token."""
    r = client.post("/ingest", data={"text": ARTICLE})
    assert r.status_code == 403 and "token" in r.json()["detail"]
    r = client.post("/ingest", files=[("files", ("a.txt", ARTICLE.encode()))])
    assert r.status_code == 403
    r = client.post("/ingest", data={"text": ARTICLE, "csrf": "0" * 64})
    assert r.status_code == 403
    assert stored(client) == 0


def test_a_token_works_only_with_its_own_session(client):
    theirs = token(client)
    other = TestClient(client.app, base_url=HERE)  # another browser (the app is already running)
    token(other)  # a session of its own
    r = other.post("/ingest", data={"text": ARTICLE, "csrf": theirs})
    assert r.status_code == 403
    r = client.post("/ingest", data={"text": ARTICLE, "csrf": theirs}, headers={"Origin": HERE})
    assert r.status_code == 202


def test_the_json_api_takes_only_json(client):
    """text/plain is what a cross-site form or a no-preflight fetch can send: refused with 415."""
    for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                  "application/jsonx", ""):
        r = client.post("/api/ingest", content=b'{"text": "' + ARTICLE.encode() + b'"}', headers={"Content-Type": ctype})
        assert r.status_code == 415, ctype
    assert stored(client) == 0
    r = client.post("/api/ingest", json={"text": ARTICLE}, headers={"Origin": HERE})
    assert r.status_code == 202


def test_the_session_cookie_is_http_only_and_same_site_strict(client):
    cookie = client.get("/").headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()


# -- DNS rebinding: only the app's own host names ------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/api/documents", "/api/analysis", "/api/status", "/openapi.json", "/static/app.js"])
def test_a_foreign_host_reads_nothing(client, path):
    r = client.get(path, headers={"Host": "evil.example"})
    assert r.status_code == 403 and "--allow-host" in r.json()["detail"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_a_foreign_host_cannot_write(client):
    r = client.post("/api/ingest", json={"text": ARTICLE}, headers={"Host": "evil.example:8000"})
    assert r.status_code == 403 and stored(client) == 0


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST",
                                  "news.example.org", "news.example.org:443"])
def test_the_app_answers_its_own_names(client, host):
    assert client.get("/api/status", headers={"Host": host}).status_code == 200


def test_a_rebound_name_with_a_same_origin_header_is_still_refused(client):
    r = client.post("/api/ingest", json={"text": ARTICLE},
                    headers={"Host": "rebind.evil.example", "Origin": "http://rebind.evil.example"})
    assert r.status_code == 403


def test_allowed_hosts_by_bind_address():
    assert allowed_hosts("127.0.0.1") == {"localhost", "127.0.0.1", "::1"}
    assert allowed_hosts("0.0.0.0") == {"localhost", "127.0.0.1", "::1"}  # a wildcard names no host
    assert "192.168.1.5" in allowed_hosts("192.168.1.5")
    assert "news.example.org" in allowed_hosts("0.0.0.0", ["News.Example.org."])
    assert [host_name(h) for h in ("[::1]:80", "Example.ORG:8000", "a.b.", "")] == ["::1", "example.org", "a.b", ""]
    assert same_origin("http://localhost:8000", "localhost:8000")
    assert not same_origin("http://localhost:8000", "localhost:8001")
    assert not same_origin("file:///x", "localhost") and not same_origin("null", "localhost")


# -- headers on every response --------------------------------------------------------------------------

def test_every_response_says_nosniff(client, monkeypatch):
    responses = [
        client.get("/"), client.get("/api/documents"), client.get("/api/stories"), client.get("/openapi.json"),
        client.get("/static/app.css"), client.get("/nope"), client.get("/api/documents/nope"),
        client.post("/api/ingest", content=b"x", headers={"Content-Type": "text/plain"}),
        client.post("/api/ingest", content=b"{", headers={"Content-Type": "application/json"}),
        client.post("/ingest", data={"text": "x"}),
        client.put("/api/ingest", json={}),
        client.get("/", headers={"Host": "evil.example"}),
    ]
    assert sorted({r.status_code for r in responses}) == [200, 400, 403, 404, 405, 415]
    for r in responses:
        assert r.headers.get("x-content-type-options") == "nosniff", (r.request.url, r.status_code)
    svc = client.app.state.service
    monkeypatch.setattr(svc.store, "count", lambda: 1 / 0)
    r = TestClient(client.app, base_url=HERE, raise_server_exceptions=False).get("/api/status")
    assert r.status_code == 500 and r.json() == {"detail": "internal error (ZeroDivisionError)"}
    assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_keep_their_origin_for_their_own_requests(client):
    """same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the page's own posts."""
    assert client.get("/").headers["referrer-policy"] == "same-origin"
    assert client.get("/api/status").headers["referrer-policy"] == "same-origin"
