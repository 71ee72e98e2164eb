"""Load on the web app: N concurrent clients browse one story over loopback for a fixed time.

    python bench/load.py                     # 50 clients, 30 s, the sample corpus in a fresh store
    python bench/load.py --clients 20 --seconds 10 --db news.duckdb

The app runs in its own process (`newsprism serve` semantics: uvicorn on 127.0.0.1, a free port),
so the clients' event loop does not share a GIL with the server. Each client loops over the
story page and the story's JSON sections. Prints the median and p99 latency and the error
count; the exit status is 1 when any request failed. The run is bounded (at most 600 s) and
stops by itself.

Data: no public set: the bundled sample corpus (samples/).
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator, Optional

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MAX_SECONDS = 600

_SERVER = """
import sys, uvicorn
from pathlib import Path
from newsprism.config import Config
from newsprism.web import create_app
uvicorn.run(create_app(Path(sys.argv[1]), Config()), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve_app(db: Optional[Path] = None, timeout: float = 60) -> Iterator[str]:
    """The app in a child process on 127.0.0.1; yields its base URL and stops it afterwards."""
    with tempfile.TemporaryDirectory(prefix="newsprism-load-") as tmp:
        db = db or Path(tmp) / "news.duckdb"
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-c", _SERVER, str(db), str(port)])
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    httpx.get(base + "/api/status", timeout=2)
                    break
                except httpx.HTTPError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("the app did not start")
                    time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def ensure_documents(base: str, timeout: float = 300) -> None:
    """Upload the sample corpus when the store is empty, and wait until its analysis is ready."""
    if not httpx.get(base + "/api/status").json()["documents"]:
        files = [{"name": p.name, "content_base64": base64.b64encode(p.read_bytes()).decode()}
                 for p in sorted(SAMPLES.iterdir()) if p.is_file() and p.suffix != ".md"]
        httpx.post(base + "/api/ingest", json=files, timeout=60).raise_for_status()
    deadline = time.monotonic() + timeout
    while not httpx.get(base + "/api/status").json()["analysis_ready"]:
        if time.monotonic() > deadline:
            raise RuntimeError("the analysis did not finish")
        httpx.get(base + "/", timeout=30)  # asks for the analysis when nothing is running
        time.sleep(0.5)


def story_urls(base: str) -> list[str]:
    stories = httpx.get(base + "/api/stories", timeout=300).json()
    if not stories:
        raise RuntimeError("no stories to browse")
    sid = max(stories, key=lambda s: (len(s["documents"]), s["id"]))["id"]
    return [f"/stories/{sid}"] + [f"/api/{name}?story={sid}" for name in ("facts", "timeline", "entities", "framing")]


async def client(base: str, urls: list[str], until: float, latencies: list[float], errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        i = 0
        while time.monotonic() < until:
            url = urls[i % len(urls)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = await http.get(url)
                if r.status_code != 200:
                    errors.append(f"{url}: HTTP {r.status_code}")
            except httpx.HTTPError as e:
                errors.append(f"{url}: {type(e).__name__}")
            latencies.append(time.perf_counter() - t0)


async def hammer(base: str, urls: list[str], clients: int, seconds: float) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.monotonic() + seconds
    await asyncio.wait_for(asyncio.gather(*(client(base, urls, until, latencies, errors) for _ in range(clients))),
                           timeout=seconds + 60)
    return latencies, errors


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--db", type=Path, default=None, help="an existing store (default: a fresh one with the samples)")
    args = ap.parse_args(argv)
    seconds = max(1.0, min(args.seconds, MAX_SECONDS))
    with serve_app(args.db) as base:
        ensure_documents(base)
        urls = story_urls(base)
        for url in urls:  # warm the caches so the run measures serving, not the first render
            httpx.get(base + url, timeout=120).raise_for_status()
        latencies, errors = asyncio.run(hammer(base, urls, max(1, args.clients), seconds))
    lat = sorted(latencies)
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else float("nan")
    print(f"clients {args.clients}  seconds {seconds:.0f}  requests {len(lat)}  ({len(lat) / seconds:.0f}/s)")
    print(f"median {statistics.median(lat) * 1000:.1f} ms  p99 {p99 * 1000:.1f} ms  errors {len(errors)}")
    for e in sorted(set(errors))[:10]:
        print("  " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
