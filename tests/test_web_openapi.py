"""Schemathesis against the served OpenAPI document: every operation, valid and invalid requests
generated from the schema, and not one server error (5xx)."""
import re
import socket
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("schemathesis")

from newsprism.config import Config  # noqa: E402
from newsprism.web import create_app  # noqa: E402

ARTICLE = ("Harbour pilots in Port Ellis ended their strike on Friday after the port authority agreed to hire "
           "twelve more pilots, the union said.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The app on 127.0.0.1 (uvicorn in a thread), holding one analyzed article."""
    import httpx
    import uvicorn

    app = create_app(tmp_path_factory.mktemp("fuzz") / "news.duckdb", Config(), bind="127.0.0.1")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    job = httpx.post(base + "/api/ingest", json={"text": ARTICLE, "title": "Pilots end strike"}).json()["id"]
    while not httpx.get(f"{base}/api/ingest/{job}").json()["finished"]:
        time.sleep(0.2)
    yield base
    server.should_exit = True
    thread.join(timeout=30)


def test_schemathesis_finds_no_server_error(served, tmp_path):
    """Coverage, fuzzing and stateful phases over all 13 operations, valid and invalid data (mode all)."""
    run = subprocess.run([sys.executable, "-m", "schemathesis.cli", "run", served + "/openapi.json",
                          "--checks", "not_a_server_error", "--max-examples", "25", "--seed", "1", "--no-color",
                          "--request-timeout", "60"], capture_output=True, text=True, timeout=900,
                         cwd=tmp_path)  # its example database goes there, not into the tree
    summary = re.search(r"(\d+) generated, (\d+) passed", run.stdout)
    assert run.returncode == 0 and summary, run.stdout[-3000:]
    assert int(summary.group(1)) > 300 and summary.group(1) == summary.group(2)
    assert "13/13" in run.stdout  # every operation was selected
