"""`make screenshots`: a PNG of each main view under out/, to look at the report and the app.

The report is made from the sample corpus (out/report.html); the app runs on 127.0.0.1 with
the samples uploaded through its API. Chromium is Debian's (/usr/bin/chromium), headless.

Data: no public set: the bundled sample corpus (samples/).

    python bench/screenshots.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import ROOT, SAMPLES, ensure_documents, serve_app  # noqa: E402

OUT = ROOT / "out"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
REPORT_VIEWS = ["overview", "brief", "facts", "timeline", "entities", "framing"]


def section(page: Page, sid: str, path: Path) -> None:
    page.evaluate("id => document.getElementById(id).scrollIntoView()", sid)
    page.screenshot(path=str(path))


def evidence(page: Page, path: Path) -> None:
    """Open the first contested fact's evidence (any fact's when none is contested)."""
    link = page.locator("#g-contested a.evidence-link")
    if link.count() == 0:
        link = page.locator("a.evidence-link")
    if link.count():
        link.first.click()
        page.wait_for_timeout(200)
    page.screenshot(path=str(path))


def main() -> None:
    import newsprism

    OUT.mkdir(exist_ok=True)
    report = OUT / "report.html"
    report.write_text(newsprism.analyze([SAMPLES]).to_html(), encoding="utf-8")
    shots: list[Path] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(report.as_uri())
        for sid in REPORT_VIEWS:
            shots.append(OUT / f"report-{sid}.png")
            section(page, sid, shots[-1])
        shots.append(OUT / "report-evidence.png")
        evidence(page, shots[-1])
        page.emulate_media(media="print")
        shots.append(OUT / "report-print.png")
        page.goto(report.as_uri())
        page.screenshot(path=str(shots[-1]))
        page.emulate_media(media="screen")

        with serve_app() as base:
            ensure_documents(base)
            stories = page.request.get(base + "/api/stories").json()
            biggest = max(stories, key=lambda s: (len(s["documents"]), s["id"]))["id"]
            for name, url in (("app-index", "/"), ("app-search", "/search?q=delegation"), ("app-api", "/docs"),
                              ("app-story", f"/stories/{biggest}")):
                page.goto(base + url)
                shots.append(OUT / f"{name}.png")
                page.screenshot(path=str(shots[-1]))
            shots.append(OUT / "app-story-evidence.png")
            evidence(page, shots[-1])
        browser.close()
    for s in shots:
        print(s.relative_to(ROOT))


if __name__ == "__main__":
    main()
