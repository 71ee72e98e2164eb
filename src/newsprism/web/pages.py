"""The HTML pages: the index (stories, add articles, progress), search, reports, API docs."""
from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from ..model import Analysis
from ..present.report import render_html, report_csp
from ..present.subset import restrict
from .api import search_hits
from .render import RETRY_AFTER, STATIC, env, page, static_text
from .service import Service, service

router = APIRouter(include_in_schema=False)
Svc = Annotated[Service, Depends(service)]


def story_roots(a: Analysis) -> list[tuple]:
    """Each storyline with its events and outlets, for the index page."""
    roots = []
    for s in a.stories:
        if not s.parent:
            roots.append((s, [c for c in a.stories if c.parent == s.id],
                          sorted({a.document(d).outlet or d for d in s.documents})))
    return roots


@router.get("/", response_class=HTMLResponse)
def index(request: Request, svc: Svc, job: Optional[str] = None) -> HTMLResponse:
    a = svc.ready()
    shown = svc.jobs.get(job) if job else None
    tokens = request.app.state.tokens
    token, fresh = tokens.issue(request)
    body = env.get_template("app.html.j2").render(
        count=svc.store.count(), analysis=a, roots=story_roots(a) if a is not None else [],
        running=svc.running(), job=shown, limit=svc.cfg.read.max_bytes, refresh=bool(shown and not shown.finished),
        csrf=token)
    return tokens.remember(page(body), fresh)


def waiting_page() -> HTMLResponse:
    """The answer while the analysis is computed: 503, retry shortly (the page reloads itself)."""
    response = page(env.get_template("waiting.html.j2").render(refresh=True), status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER)
    return response


@router.get("/search", response_class=HTMLResponse)
def search_page(svc: Svc, q: str = "") -> HTMLResponse:
    hits = search_hits(svc, q, 30) if q.strip() else []
    return page(env.get_template("search.html.j2").render(q=q, hits=hits))


def report_page(body: str) -> HTMLResponse:
    return page(body, csp=report_csp() + "; frame-ancestors 'none'")


@router.get("/report", response_class=HTMLResponse)
def whole_report(svc: Svc) -> HTMLResponse:
    return report_page(svc.cached(("report",), lambda a: render_html(a, title="Everything stored", home="/")))


def make_story_page(svc: Service, story_id: str) -> Optional[str]:
    """The story's report, rendered once per store generation; None when there is no such story."""
    def make(a: Analysis) -> Optional[str]:
        return render_html(restrict(a, story_id), home="/") if story_id in {s.id for s in a.stories} else None

    return svc.cached(("story", story_id), make)


# Hot pages are served from the cache on the event loop; only a miss goes to a worker thread.
@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(svc: Svc, story_id: str) -> HTMLResponse:
    body = svc.peek(("story", story_id)) or await run_in_threadpool(make_story_page, svc, story_id)
    if body is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return report_page(body)


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in STATIC:
        raise HTTPException(404)
    return Response(static_text(name), media_type=STATIC[name],
                    headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"})


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    ops = [(method.upper(), path, op.get("summary", ""), op.get("description", ""))
           for path, item in spec["paths"].items() for method, op in item.items()]
    return page(env.get_template("docs.html.j2").render(spec=spec, ops=ops))
