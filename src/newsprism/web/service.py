"""The app's state: the store, one background worker, ingest jobs, and the cached analysis.

One background worker ingests and then analyzes; pages poll `/api/ingest/{job}` for progress.
The analysis of everything stored is cached until the store changes; every report page and
JSON section is served from that cache.
"""
from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Optional

from fastapi import Request
from pydantic import BaseModel

from ..config import Config
from ..model import Analysis
from ..read.base import RawItem, ReadError
from ..store import Store
from .uploads import Submission

Progress = Callable[[str, int, Optional[int]], None]


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
    def analysis(self, report: Optional[Progress] = None) -> Analysis:
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

    def current(self) -> Optional[Analysis]:
        """The cached analysis when there is one (current or not), without waiting."""
        return self._analysis[1] if self._analysis else None

    def is_current(self) -> bool:
        cached = self._analysis
        return bool(cached and cached[0] == self.generation)

    def ready(self) -> Optional[Analysis]:
        """The cached analysis when it is current; otherwise None (and the worker is asked for it)."""
        cached = self._analysis
        if cached and cached[0] == self.generation:
            return cached[1]
        with self._lock:
            if not self._pending and not self.running():
                self._pending = True
                self._worker.submit(self._refresh)
        return None

    def running(self) -> list[Job]:
        return [j for j in self.jobs.values() if not j.finished]

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
        try:
            job.state = "reading"
            items = self._read(job, sub)
            job.state, job.done, job.total = "storing", 0, len(items)
            self._store(job, items)
            job.state = "analyzing"

            def progress(phase: str, done: int, total: Optional[int]) -> None:
                job.phase, job.done, job.total = phase, done, total or 0

            self.analysis(progress)
            job.state, job.phase = "done", ""
        except Exception as e:  # the job reports it; the app keeps serving
            job.errors.append(f"ingest failed: {type(e).__name__}: {e}")
            job.state = "failed"

    def _read(self, job: Job, sub: Submission) -> list[RawItem]:
        from ..read.inputs import read_bytes

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
        return items

    def _store(self, job: Job, items: list[RawItem]) -> None:
        from ..pipeline import IdAssigner, iter_cleaned

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


def service(request: Request) -> Service:
    """The app's Service (a FastAPI dependency)."""
    return request.app.state.service
