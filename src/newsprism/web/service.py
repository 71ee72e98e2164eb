"""The app's state: the store, one background worker, ingest jobs, and the cached analysis.

One background worker ingests and then analyzes; pages poll `/api/ingest/{job}` for progress.
The analysis of everything stored is cached until the store changes; every report page and
JSON section is served from that cache.
"""
from __future__ import annotations

import logging
import threading
import time
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

log = logging.getLogger(__name__)
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


class NotReady(Exception):
    """The analysis of what is stored is still being computed."""


class Superseded(Exception):
    """An analysis gave way: a newer ingest is queued (it analyzes next), or the app is closing."""


class AnalysisFailed(RuntimeError):
    """The analysis of this store generation raised; requests say so (500) instead of waiting for it."""


class Service:
    """The store, the background worker, jobs, and the analysis cached per store generation.

    Only the worker analyzes. Requests wait for the current analysis a bounded time (NotReady after
    that), and a running analysis gives way to a newly queued ingest or to shutdown at its next
    progress step, so a paste never waits behind an analysis that is already out of date.
    """

    def __init__(self, db_path: Path, cfg: Config, wait: float = 30.0, wait_lock: float = 0.0) -> None:
        db_path = Path(db_path)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        self.store = Store(db_path, wait=wait_lock)
        # Worker processes are forked only from a single-threaded program; the web server is not one.
        self.cfg = cfg.model_copy(update={"parse": cfg.parse.model_copy(update={"processes": 1})})
        self.wait = wait                       # seconds a request waits for the analysis
        self.generation = 0
        self.jobs: dict[str, Job] = {}
        self._lock = threading.Lock()          # jobs, generation, the cached analysis
        self._changed = threading.Condition(self._lock)
        self._analysis_lock = threading.Lock()  # one analysis at a time
        self._analysis: Optional[tuple[int, Analysis]] = None
        self._cache: dict[tuple, Any] = {}
        self._failed: Optional[tuple[int, str]] = None   # the generation whose analysis raised, and why
        self._pending = False                  # a refresh is queued on the worker
        self._closing = False
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-ingest")

    def close(self) -> None:
        self._closing = True                   # a running analysis stops at its next progress step
        self._worker.shutdown(wait=True, cancel_futures=True)
        self.store.close()

    # analysis (the worker) --------------------------------------------------------------------
    def analysis(self, report: Optional[Progress] = None) -> Analysis:
        """The analysis of everything stored, computed once per store generation; raises Superseded
        when a newer ingest is queued or the app is closing."""
        from ..pipeline import analyze_documents

        def progress(phase: str, done: int, total: Optional[int]) -> None:
            if self._closing or any(j.state == "queued" for j in list(self.jobs.values())):
                raise Superseded
            if report is not None:
                report(phase, done, total)

        with self._analysis_lock:
            gen = self.generation
            if self._analysis and self._analysis[0] == gen:
                return self._analysis[1]
            docs = list(self.store.documents())
            try:
                a = analyze_documents(docs, self.cfg, progress, store=self.store) if docs else Analysis()
            except Superseded:
                raise
            except Exception as exc:
                with self._changed:
                    self._failed = (gen, f"{type(exc).__name__}: {exc}")
                    self._changed.notify_all()
                raise
            with self._changed:
                self._analysis = (gen, a)
                self._cache = {k: v for k, v in self._cache.items() if k[0] == gen}
                self._changed.notify_all()
            return a

    def _refresh(self) -> None:
        try:
            self.analysis()
        except Superseded:
            pass
        except Exception:  # kept in self._failed: requests answer with it
            log.exception("the analysis failed")
        finally:
            self._pending = False

    # analysis (requests) ----------------------------------------------------------------------
    def current(self) -> Optional[Analysis]:
        """The cached analysis when there is one (current or not), without waiting."""
        return self._analysis[1] if self._analysis else None

    def is_current(self) -> bool:
        cached = self._analysis
        return bool(cached and cached[0] == self.generation)

    def running(self) -> list[Job]:
        return [j for j in self.jobs.values() if not j.finished]

    def settled(self, timeout: float) -> Optional[tuple[int, Analysis]]:
        """(generation, analysis) once the analysis is current, waiting at most `timeout` seconds;
        None when it is not ready by then. The worker is asked for it when nothing else will."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                cached = self._analysis
                if cached and cached[0] == self.generation:
                    return cached
                if self._failed and self._failed[0] == self.generation:
                    raise AnalysisFailed(self._failed[1])
                if not self.running() and self.store.count() == 0:
                    self._analysis = (self.generation, Analysis())   # nothing stored: nothing to wait for
                    continue
                if not self._pending and not self.running():
                    self._pending = True
                    self._worker.submit(self._refresh)
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._changed.wait(min(left, 1.0))

    def ready(self) -> Optional[Analysis]:
        """The current analysis without waiting, or None (and the worker is asked for it)."""
        settled = self.settled(0)
        return settled[1] if settled else None

    def peek(self, key: tuple) -> Any:
        """What `cached` holds for `key` when the analysis is current, without waiting; else None."""
        cached = self._analysis
        if cached is None or cached[0] != self.generation:
            return None
        return self._cache.get((cached[0],) + key)

    def cached(self, key: tuple, make: Callable[[Analysis], Any]) -> Any:
        """`make(analysis)` once per store generation (rendered pages, JSON sections); NotReady when the
        analysis is not current within the wait."""
        settled = self.settled(self.wait)
        if settled is None:
            raise NotReady
        gen, a = settled
        full = (gen,) + key
        if full in self._cache:
            return self._cache[full]
        value = make(a)
        if value is not None:  # nothing kept for what does not exist (a flood of unknown ids)
            self._cache[full] = value
        return value

    # ingest -----------------------------------------------------------------------------------
    def submit(self, sub: Submission) -> Job:
        job = Job(id=uuid.uuid4().hex[:12], total=len(sub.files) + len(sub.records))
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

            try:
                self.analysis(progress)
            except Superseded:  # stored; the queued ingest after it analyzes everything
                pass
            job.state, job.phase = "done", ""
        except Exception as e:  # the job reports it; the app keeps serving
            job.errors.append(f"ingest failed: {type(e).__name__}: {e}")
            job.state = "failed"

    def _read(self, job: Job, sub: Submission) -> list[RawItem]:
        from ..read.inputs import read_bytes
        from ..read.jsonl import record_to_item

        items: list[RawItem] = []
        for name, data in sub.files:
            # the name is only sniffed for its suffix and stem: nothing is opened or written
            for r in read_bytes(data, f"upload:{name}", Path(PurePosixPath(name).name), self.cfg):
                if isinstance(r, ReadError):
                    job.errors.append(str(r))
                else:
                    items.append(r)
            job.done += 1
        for i, record in enumerate(sub.records, 1):
            item = record_to_item(record, f"pasted:{i}", kind="text")
            if isinstance(item, RawItem):
                items.append(item)
            else:
                job.errors.append(f"pasted:{i}: {item}")
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
            with self._changed:
                self.generation += 1
                self._changed.notify_all()


def service(request: Request) -> Service:
    """The app's Service (a FastAPI dependency)."""
    return request.app.state.service
