"""In a real browser (Debian's Chromium driven by Playwright): evidence opens the article with
the claim's exact words highlighted and visible, in the report file and in the served app, and
hostile article text never runs.

Without /usr/bin/chromium these tests are skipped, except under CI (the CI variable set), where
they fail: `make test` installs chromium first (the Makefile's `browser` target).
"""
from __future__ import annotations

import base64
import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SAMPLES = Path(__file__).resolve().parent.parent / "samples"

from playwright.sync_api import Page, sync_playwright

from present_sample import XSS_AUTHOR, XSS_OUTLET, XSS_TITLE, build


def require_chromium() -> None:
    """Skip without Chromium; under CI (the CI variable set) a missing browser is a failure instead."""
    if os.access(CHROMIUM, os.X_OK):
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing under CI: run `make browser` (apt-get install chromium)", pytrace=False)
    pytest.skip(f"{CHROMIUM} is not installed (make browser installs it)")


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A page on which any dialog (alert, confirm, prompt) or script error fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    events: list[str] = []
    pg.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("pageerror", lambda e: events.append(f"page error: {e}"))
    yield pg
    context.close()
    assert events == [], events


def open_evidence(page: Page, link_selector: str, claim_text: str) -> None:
    """Click an evidence link and check the highlighted span: one, visible, exactly the claim's words."""
    link = page.locator(link_selector).first
    claim_id = link.get_attribute("data-claim")
    link.click()
    mark = page.locator(f'mark.evidence[data-claim="{claim_id}"]')
    assert mark.count() == 1
    mark.wait_for(state="visible")
    assert mark.is_visible() and mark.text_content() == claim_text
    box = mark.bounding_box()
    height = page.viewport_size["height"]
    assert box is not None and box["y"] < height and box["y"] + box["height"] > 0  # scrolled into view


def contested_claim(a):
    facts = a.facts_by_verdict("contested") or a.facts
    assert facts, "the sample analysis has no facts at all"
    return facts[0], facts[0].positions[-1].claim_objects[0]


def test_report_file_highlights_contested_evidence(page, sample_analysis, tmp_path):
    report = tmp_path / "report.html"
    report.write_text(sample_analysis.to_html(), encoding="utf-8")
    page.goto(report.as_uri())
    fact, claim = contested_claim(sample_analysis)
    open_evidence(page, f'#fact-{fact.id} a.evidence-link[data-claim="{claim.id}"]', claim.text)
    # a second click elsewhere moves the single highlight
    other = fact.positions[0].claim_objects[0]
    open_evidence(page, f'#fact-{fact.id} a.evidence-link[data-claim="{other.id}"]', other.text)
    assert page.locator("mark.evidence[data-claim]").count() == 1


def test_hostile_text_is_shown_literally_and_never_runs(page, tmp_path):
    a = build()
    report = tmp_path / "xss.html"
    report.write_text(a.to_html(), encoding="utf-8")
    page.goto(report.as_uri())
    page.locator("#doc-quay > summary").click()
    assert page.evaluate("window.__xss") is None
    assert page.locator("#doc-quay .doc-title").text_content() == XSS_TITLE
    meta = page.locator("#doc-quay dl.docmeta").text_content()
    assert XSS_AUTHOR in meta and XSS_OUTLET in meta
    assert page.locator("#doc-quay a[href^='javascript']").count() == 0
    # evidence after an emoji (two UTF-16 units) still lands on the exact words
    open_evidence(page, 'a.evidence-link[data-claim="c6"]', a.claim("c6").text)
    open_evidence(page, 'a.evidence-link[data-claim="c5"]', a.claim("c5").text)
    assert page.evaluate("window.__xss") is None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, nlp):
    """The app on 127.0.0.1 and a free port, in a thread; stopped after the module's tests."""
    import uvicorn

    from newsprism.config import Config
    from newsprism.web import create_app

    app = create_app(tmp_path_factory.mktemp("served") / "news.duckdb", Config())
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=30)


def test_served_app_ingests_uploads_and_highlights_evidence(page, server):
    page.goto(server + "/")
    files = [str(p) for p in sorted(SAMPLES.iterdir()) if p.is_file() and p.suffix != ".md"]
    page.set_input_files("#files", files)
    page.fill("#title", XSS_TITLE)
    page.fill("#text", "Harbour pilots in Port Ellis went on strike on Friday, the union said, "
                       "and ships waited outside the breakwater. <img src=x onerror=alert(1)>")
    page.click("form#ingest button[type=submit]")
    page.locator("#progress").wait_for(state="visible")
    page.locator("ul.story-list").wait_for(timeout=180_000)  # the page reloads when the analysis is ready
    assert page.evaluate("window.__xss") is None

    import httpx

    from newsprism.model import Analysis

    a = Analysis.from_json(httpx.get(server + "/api/analysis", timeout=60).content)
    fact, claim = contested_claim(a)
    page.goto(f"{server}/stories/{fact.story}" if fact.story else f"{server}/report")
    open_evidence(page, f'#fact-{fact.id} a.evidence-link[data-claim="{claim.id}"]', claim.text)

    page.goto(server + "/report")
    title = page.locator(".doc-title", has_text="window.__xss")
    assert title.count() == 1 and title.text_content() == XSS_TITLE
    assert page.evaluate("window.__xss") is None


def test_served_search_links_to_the_story(page, server):
    import httpx

    if not httpx.get(server + "/api/status").json()["documents"]:  # run on its own: store something first
        files = [{"name": p.name, "content_base64": base64.b64encode(p.read_bytes()).decode()}
                 for p in sorted(SAMPLES.iterdir()) if p.is_file() and p.suffix != ".md"]
        job = httpx.post(server + "/api/ingest", json=files).json()["id"]
        while not httpx.get(f"{server}/api/ingest/{job}").json()["finished"]:
            time.sleep(0.3)
    page.goto(server + "/search?q=ferry")
    first = page.locator("ol.hits a.story-title").first
    first.click()
    page.wait_for_load_state()
    assert "/stories/" in page.url
    doc = page.url.split("#doc-", 1)[1]
    assert page.locator(f'[id="text-{doc}"]').is_visible()  # the linked document opens


# -- what a reader sees first, at a desktop and a phone width ----------------------------------------

WIDTHS = (1400, 390)
QUESTION = r"^(How many|How much|Who|When|What|Where|Which)\b"


def _has_verb(heading: str) -> bool:
    import re

    from newsprism.present.inflect import IRREGULAR

    forms = {f for past, part in IRREGULAR.values() for f in (past, part)}
    words = re.findall(r"[a-z]+", heading.lower())
    # a past form, or what did not happen or is to come ('did not visit', 'is to halve')
    return bool(re.match(QUESTION, heading)) or any(w.endswith("ed") or w in forms for w in words) \
        or bool(re.search(r"\b(did not|is to)\b", heading.lower()))


def _visible_text(page: Page) -> str:
    """The page's text with every collapsible opened; a local file's path (the reader's own file
    name) is left out, since files are often named by id."""
    return page.evaluate("""() => {
        document.querySelectorAll('details').forEach(d => d.open = true);
        document.querySelectorAll('.source-path').forEach(e => e.remove());
        return document.body.innerText; }""")


def _overflow(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def _check_report(page: Page, a, path: Path, width: int) -> None:
    path.write_text(a.to_html(), encoding="utf-8")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path.as_uri())
    assert _overflow(page) <= 0, f"the page scrolls sideways at {width} px"
    text = _visible_text(page)
    assert _overflow(page) <= 0, f"opened, the page scrolls sideways at {width} px"
    shown = [d.id for d in a.documents if d.id in text]
    assert shown == [], f"document ids in the visible text: {shown}"
    headings = page.locator("article.fact h4 .heading").all_text_contents()
    assert headings, "no fact headings"
    assert [h for h in headings if not _has_verb(h)] == []


@pytest.mark.parametrize("width", WIDTHS)
def test_reader_report_names_documents_fits_and_has_readable_headings(page, tmp_path, width):
    from reader_sample import build

    _check_report(page, build(), tmp_path / "reader.html", width)
    text = _visible_text(page)
    assert "bay-gazette.example" in text and "Harbour council demands the expulsion of…" in text
    ledger = page.locator("#facts").inner_text()
    assert "attributed to Ana Pop" in ledger and "attributed to He" not in ledger
    assert "‘We will not wait,’ said Ion Vale" in ledger and "““" not in ledger


@pytest.mark.parametrize("width", WIDTHS)
def test_sample_report_fits_and_has_readable_headings(page, sample_analysis, tmp_path, width):
    _check_report(page, sample_analysis, tmp_path / "samples.html", width)


def test_entity_graph_labels_do_not_overlap(page, sample_analysis, tmp_path):
    report = tmp_path / "graph.html"
    report.write_text(sample_analysis.to_html(), encoding="utf-8")
    page.goto(report.as_uri())
    boxes = page.evaluate("""() => [...document.querySelectorAll('figure.network svg text')].map(t => {
        const b = t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height, t.textContent]; })""")
    view = page.evaluate("document.querySelector('figure.network svg').viewBox.baseVal.width")
    assert boxes and all(b[2] <= view + 1 for b in boxes), "a label runs out of the graph"
    assert not any("…" in b[4] for b in boxes)
    clashes = [(a[4], b[4]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
               if a[0] < b[2] - 2 and b[0] < a[2] - 2 and a[1] < b[3] - 2 and b[1] < a[3] - 2]
    assert clashes == []


def test_served_app_fits_a_phone(page, server):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(server + "/")
    assert _overflow(page) <= 0
    box = page.locator("form#ingest").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    for field in ("#files", "#title", "#text", "form#ingest button[type=submit]"):
        b = page.locator(field).bounding_box()
        assert b is not None and b["x"] + b["width"] <= 390, field
