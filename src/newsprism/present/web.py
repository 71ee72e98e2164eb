"""The local web app (`newsprism serve`): add articles, follow the ingest, browse stories, search.

Uploads are read into memory (never more than `cfg.read.max_bytes` per request) and go
straight to the readers and the cleaner; the only file written is the store itself. One
background worker ingests and then analyzes; pages poll `/api/ingest/{job}` for progress.
The analysis of everything stored is cached until the store changes; every report page and
JSON section is served from that cache.
"""
from __future__ import annotations

import json
import re
import threading
import uuid
from contextlib import asynccontextmanager
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, AsyncIterator, Callable, Optional
from urllib.parse import parse_qsl

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel
from starlette.datastructures import UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.formparsers import MultiPartParser

from ..config import Config
from ..model import Analysis, Document, Entity, Fact, Framing, Story, TimelineEntry
from ..read.base import RawItem, ReadError
from ..store import Store
from .report import render_html, report_csp, static_text
from .subset import restrict

APP_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
FORM_SLACK = 64 * 1024           # room for multipart headers around the files themselves
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}

_env = Environment(loader=PackageLoader("newsprism", "present/templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)


# -- uploads -------------------------------------------------------------------------------------

class TooLarge(Exception):
    pass


def safe_name(filename: Optional[str]) -> str:
    """An upload's name reduced to a bare file name: no folders, no '..', no control characters."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip().lstrip(".")
    name = re.sub(r"[^\w.\- ]+", "_", name)[:120].strip()
    return name or "upload"


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with TooLarge as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge
    return bytes(body)


class _MemoryMultiPart(MultiPartParser):
    """Starlette's parser, told to keep every part in memory (the body is already capped)."""

    def __init__(self, headers: Any, body: bytes, limit: int) -> None:
        async def once() -> AsyncIterator[bytes]:
            yield body

        super().__init__(headers, once(), max_files=1000, max_fields=100, max_part_size=limit)
        self.spool_max_size = limit + 1


@dataclass
class Submission:
    files: list[tuple[str, bytes]] = field(default_factory=list)
    texts: list[dict[str, Optional[str]]] = field(default_factory=list)


async def parse_submission(request: Request, limit: int) -> Submission:
    """Files and pasted texts from a multipart or urlencoded form, or a JSON body."""
    body = await read_body(request, limit + FORM_SLACK)
    ctype = request.headers.get("content-type", "")
    sub = Submission()
    fields: dict[str, str] = {}
    if ctype.startswith("multipart/form-data"):
        form = await _MemoryMultiPart(request.headers, body, limit + FORM_SLACK).parse()
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                data = await value.read()
                if len(data) > limit:
                    raise TooLarge
                if data or value.filename:
                    sub.files.append((safe_name(value.filename), data))
            elif isinstance(value, str) and key not in fields:
                fields[key] = value
    elif ctype.startswith("application/x-www-form-urlencoded"):
        for key, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
            fields.setdefault(key, value)
    elif ctype.startswith("application/json"):
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            raise HTTPException(400, "the body is not valid JSON") from None
        records = data if isinstance(data, list) else [data]
        for r in records:
            if not isinstance(r, dict) or not isinstance(r.get("text"), str):
                raise HTTPException(400, 'each JSON record needs a "text" string')
            sub.texts.append({k: (str(r[k]) if r.get(k) is not None else None)
                              for k in ("text", "title", "author", "outlet", "published", "url")})
    else:
        raise HTTPException(415, "send a form (multipart or urlencoded) or JSON")
    if (fields.get("text") or "").strip():
        if len(fields["text"].encode("utf-8")) > limit:
            raise TooLarge
        sub.texts.append({"text": fields["text"], "title": (fields.get("title") or "").strip() or None,
                          "outlet": (fields.get("outlet") or "").strip() or None})
    return sub


# -- jobs and the cached analysis ------------------------------------------------------------------

@dataclass
class Job:
    id: str
    state: str = "queued"            # queued | reading | storing | analyzing | done | failed
    phase: str = ""
    done: int = 0
    total: int = 0
    added: int = 0
    merged: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


class IngestStatus(BaseModel):
    id: str
    state: str
    phase: str
    done: int
    total: int
    added: int
    merged: int
    unchanged: int
    errors: list[str]
    documents: list[str]
    finished: bool


class Service:
    """The store, the background worker, jobs, and the analysis cached per store generation."""

    def __init__(self, db_path: Path, cfg: Config) -> None:
        db_path = Path(db_path)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        self.store = Store(db_path)
        # Worker processes are forked only from a single-threaded program; the web server is not one.
        self.cfg = cfg.model_copy(update={"parse": cfg.parse.model_copy(update={"processes": 1})})
        self.generation = 0
        self.jobs: dict[str, Job] = {}
        self._lock = threading.Lock()          # jobs and generation
        self._analysis_lock = threading.Lock()  # one analysis at a time
        self._analysis: Optional[tuple[int, Analysis]] = None
        self._cache: dict[tuple, Any] = {}
        self._pending = False                  # an analysis is queued for the index page
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-ingest")

    def close(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)
        self.store.close()

    # analysis -------------------------------------------------------------------------------
    def analysis(self, report: Optional[Callable[[str, int, Optional[int]], None]] = None) -> Analysis:
        """The analysis of everything stored, computed once per store generation."""
        from ..pipeline import analyze_documents

        with self._analysis_lock:
            gen = self.generation
            if self._analysis and self._analysis[0] == gen:
                return self._analysis[1]
            docs = list(self.store.documents())
            a = analyze_documents(docs, self.cfg, report, store=self.store) if docs else Analysis()
            self._analysis = (gen, a)
            self._cache = {k: v for k, v in self._cache.items() if k[0] == gen}
            return a

    def ready(self) -> Optional[Analysis]:
        """The cached analysis when it is current; otherwise None (and the worker is asked for it)."""
        cached = self._analysis
        if cached and cached[0] == self.generation:
            return cached[1]
        with self._lock:
            if not self._pending and not any(not j.finished for j in self.jobs.values()):
                self._pending = True
                self._worker.submit(self._refresh)
        return None

    def _refresh(self) -> None:
        try:
            self.analysis()
        finally:
            self._pending = False

    def peek(self, key: tuple) -> Any:
        """What `cached` holds for `key` when the analysis is current, without waiting; else None."""
        cached = self._analysis
        if cached is None or cached[0] != self.generation:
            return None
        return self._cache.get((cached[0],) + key)

    def cached(self, key: tuple, make: Callable[[Analysis], Any]) -> Any:
        """`make(analysis)` once per store generation (rendered pages, JSON sections)."""
        a = self.analysis()
        full = (self._analysis[0] if self._analysis else 0,) + key
        if full not in self._cache:
            self._cache[full] = make(a)
        return self._cache[full]

    # ingest -----------------------------------------------------------------------------------
    def submit(self, sub: Submission) -> Job:
        job = Job(id=uuid.uuid4().hex[:12], total=len(sub.files) + len(sub.texts))
        with self._lock:
            self.jobs[job.id] = job
        self._worker.submit(self._ingest, job, sub)
        return job

    def _ingest(self, job: Job, sub: Submission) -> None:
        from ..pipeline import IdAssigner, iter_cleaned
        from ..read.inputs import read_bytes

        try:
            job.state = "reading"
            items: list[RawItem] = []
            for name, data in sub.files:
                # the name is only sniffed for its suffix and stem: nothing is opened or written
                for r in read_bytes(data, f"upload:{name}", Path(PurePosixPath(name).name), self.cfg):
                    if isinstance(r, ReadError):
                        job.errors.append(str(r))
                    else:
                        items.append(r)
                job.done += 1
            for i, t in enumerate(sub.texts, 1):
                items.append(RawItem(source=f"pasted:{i}", kind="text", text=t["text"], title=t.get("title"),
                                     author=t.get("author"), outlet=t.get("outlet"), published=t.get("published"),
                                     url=t.get("url")))
                job.done += 1
            job.state, job.done, job.total = "storing", 0, len(items)
            ids = IdAssigner(d.id for d in self.store.documents())
            for doc in iter_cleaned(items, self.cfg, job.errors.append, ids=ids):
                status = self.store.add(doc)
                setattr(job, status, getattr(job, status) + 1)
                job.documents.append(doc.id)
                job.done += 1
            job.done = job.total
            if job.added or job.merged:
                with self._lock:
                    self.generation += 1
            job.state = "analyzing"

            def progress(phase: str, done: int, total: Optional[int]) -> None:
                job.phase, job.done, job.total = phase, done, total or 0

            self.analysis(progress)
            job.state, job.phase = "done", ""
        except Exception as e:  # the job reports it; the app keeps serving
            job.errors.append(f"ingest failed: {type(e).__name__}: {e}")
            job.state = "failed"


# -- pages ---------------------------------------------------------------------------------------

def _html(body: str, csp: str = APP_CSP, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers={
        "Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"})


def _json(payload: str) -> Response:
    return Response(payload, media_type="application/json", headers={"X-Content-Type-Options": "nosniff"})


def _dump(objs: Any) -> str:
    if isinstance(objs, BaseModel):
        return objs.model_dump_json(by_alias=True)
    return "[" + ",".join(o.model_dump_json(by_alias=True) for o in objs) + "]"


def _doc_story(a: Analysis) -> dict[str, str]:
    """Each document's narrowest story (an event rather than its storyline)."""
    out: dict[str, str] = {}
    for s in sorted(a.stories, key=lambda s: (len(s.documents), s.id)):
        for d in s.documents:
            out.setdefault(d, s.id)
    return out


def _snippet(text: str, query: str, width: int = 220) -> str:
    words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 2]
    low = text.lower()
    at = min((i for i in (low.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - width // 3)
    return ("…" if start else "") + text[start:start + width].strip() + ("…" if start + width < len(text) else "")


def create_app(db_path: Path, cfg: Config) -> FastAPI:
    """The app over the store at `db_path` (created when missing). The CLI binds it to 127.0.0.1."""
    svc = Service(Path(db_path), cfg)
    limit = cfg.read.max_bytes
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        svc.close()

    app = FastAPI(title="newsprism", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Many articles about one story: what outlets agree on, where they differ, "
                              "who is who, when, and how each frames it. Every section is also JSON.")
    app.state.service = svc

    def story_or_404(a: Analysis, story: Optional[str]) -> Analysis:
        if story is None:
            return a
        try:
            return restrict(a, story)
        except KeyError:
            raise HTTPException(404, f"no story {story!r}") from None

    # pages ------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(job: Optional[str] = None) -> HTMLResponse:
        a = svc.ready()
        running = [j for j in svc.jobs.values() if not j.finished]
        shown = svc.jobs.get(job) if job else None
        roots = []
        if a is not None:
            for s in a.stories:
                if not s.parent:
                    roots.append((s, [c for c in a.stories if c.parent == s.id],
                                  sorted({a.document(d).outlet or d for d in s.documents})))
        body = _env.get_template("app.html.j2").render(
            count=svc.store.count(), analysis=a, roots=roots, running=running, job=shown, limit=limit,
            refresh=bool(shown and not shown.finished))
        return _html(body)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = "") -> HTMLResponse:
        hits = search(q, 30) if q.strip() else []
        body = _env.get_template("search.html.j2").render(q=q, hits=hits)
        return _html(body)

    @app.get("/report", response_class=HTMLResponse, include_in_schema=False)
    def whole_report() -> HTMLResponse:
        return _html(svc.cached(("report",), lambda a: render_html(a, title="Everything stored", home="/")),
                     csp=report_csp() + "; frame-ancestors 'none'")

    def make_story_page(story_id: str) -> str:
        a = svc.analysis()
        if story_id not in {s.id for s in a.stories}:
            raise HTTPException(404, f"no story {story_id!r}")
        return svc.cached(("story", story_id), lambda a: render_html(restrict(a, story_id), home="/"))

    # Hot pages are served from the cache on the event loop; only a miss goes to a worker thread.
    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: str) -> HTMLResponse:
        page = svc.peek(("story", story_id)) or await run_in_threadpool(make_story_page, story_id)
        return _html(page, csp=report_csp() + "; frame-ancestors 'none'")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC:
            raise HTTPException(404)
        return Response(static_text(name), media_type=STATIC[name],
                        headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        spec = app.openapi()
        ops = [(method.upper(), path, op.get("summary", ""), op.get("description", ""))
               for path, item in spec["paths"].items() for method, op in item.items()]
        return _html(_env.get_template("docs.html.j2").render(spec=spec, ops=ops))

    # ingest -----------------------------------------------------------------------------------
    @app.post("/api/ingest", status_code=202, response_model=IngestStatus, tags=["ingest"],
              summary="Add articles: files (multipart `files`), pasted `text` with a `title`, or JSON records")
    async def ingest(request: Request) -> Response:
        """Size-limited (read.max_bytes per request); nothing is written outside the store. Returns the job
        to poll at /api/ingest/{job}. A browser form (Accept: text/html) is redirected to the page instead."""
        try:
            sub = await parse_submission(request, limit)
        except TooLarge:
            raise HTTPException(413, f"upload larger than {limit} bytes (read.max_bytes)") from None
        if not sub.files and not sub.texts:
            raise HTTPException(400, "nothing to ingest: add files or paste a text")
        job = svc.submit(sub)
        if "text/html" in request.headers.get("accept", "") and "application/json" not in request.headers.get("accept", ""):
            return RedirectResponse(f"/?job={job.id}", status_code=303)
        return JSONResponse(status(job.id).model_dump(), status_code=202)

    @app.get("/api/ingest/{job_id}", response_model=IngestStatus, tags=["ingest"], summary="Progress of an ingest job")
    def status(job_id: str) -> IngestStatus:
        job = svc.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no job {job_id!r}")
        return IngestStatus(**asdict(job), finished=job.finished)

    @app.get("/api/status", tags=["ingest"], summary="Documents stored and whether their analysis is ready")
    def app_status() -> dict[str, Any]:
        cached = svc._analysis
        return {"documents": svc.store.count(), "generation": svc.generation,
                "analysis_ready": bool(cached and cached[0] == svc.generation),
                "running_jobs": sorted(j.id for j in svc.jobs.values() if not j.finished)}

    # JSON API ---------------------------------------------------------------------------------
    @app.get("/api/search", tags=["documents"], summary="Full-text (BM25) search over titles and texts")
    def search(q: str = Query(..., description="words to look for"),
               limit: int = Query(20, ge=1, le=200)) -> list[dict[str, Any]]:
        a = svc._analysis[1] if svc._analysis else None
        where = _doc_story(a) if a else {}
        out = []
        for doc_id, score in svc.store.search(q, limit):
            d = svc.store.get(doc_id)
            if d is not None:
                out.append({"id": d.id, "score": round(score, 4), "title": d.title, "outlet": d.outlet,
                            "published": d.published, "snippet": _snippet(d.text, q), "story": where.get(d.id)})
        return out

    @app.get("/api/documents", tags=["documents"], summary="Stored documents (metadata; the text with ?text=true)")
    def documents(limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0),
                  text: bool = False) -> dict[str, Any]:
        rows = []
        for i, d in enumerate(svc.store.documents()):
            if i < offset:
                continue
            if len(rows) >= limit:
                break
            rows.append(d.model_dump(exclude=None if text else {"text", "removed"}))
        return {"total": svc.store.count(), "offset": offset, "documents": rows}

    @app.get("/api/documents/{doc_id}", response_model=Document, tags=["documents"], summary="One stored document")
    def document(doc_id: str) -> Document:
        d = svc.store.get(doc_id)
        if d is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return d

    def section(name: str, pick: Callable[[Analysis], Any]) -> Callable[[Optional[str]], Response]:
        def make(story: Optional[str]) -> str:
            return svc.cached(("json", name, story), lambda a: _dump(pick(story_or_404(a, story))))

        async def handler(story: Optional[str] = Query(None, description="only this story (an id from /api/stories)")) -> Response:
            return _json(svc.peek(("json", name, story)) or await run_in_threadpool(make, story))
        return handler

    sections: list[tuple[str, Any, Callable[[Analysis], Any], str]] = [
        ("stories", list[Story], lambda a: a.stories, "Stories: events, and storylines (`parent`) that group them"),
        ("entities", list[Entity], lambda a: a.entities, "Entities resolved across documents, with every mention"),
        ("facts", list[Fact], lambda a: a.facts, "The fact ledger: positions, claims and verdicts"),
        ("timeline", list[TimelineEntry], lambda a: a.timeline, "Dated events with the documents behind them"),
        ("framing", list[Framing], lambda a: a.framing, "Per document: genre, actors' labels, loaded words, voices"),
        ("analysis", Analysis, lambda a: a, "The whole analysis document (the JSON contract)"),
    ]
    for name, model, pick, summary in sections:
        app.add_api_route(f"/api/{name}", section(name, pick), methods=["GET"], response_model=model,
                          tags=["analysis"], summary=summary, name=name)
    return app
