"""Adding articles: POST /api/ingest starts a background job; its progress is polled."""
from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from .service import IngestStatus, Job, Service, service
from .uploads import TooLarge, parse_submission

router = APIRouter(tags=["ingest"])
Svc = Annotated[Service, Depends(service)]


def job_status(job: Job) -> IngestStatus:
    return IngestStatus(**asdict(job), finished=job.finished)


def wants_page(request: Request) -> bool:
    """A browser form (Accept: text/html, not JSON) is answered with a redirect to the page."""
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept


@router.post("/api/ingest", status_code=202, response_model=IngestStatus,
             summary="Add articles: files (multipart `files`), pasted `text` with a `title`, or JSON records")
async def ingest(request: Request, svc: Svc) -> Response:
    """Size-limited (read.max_bytes per request); nothing is written outside the store. Returns the job
    to poll at /api/ingest/{job}. A browser form (Accept: text/html) is redirected to the page instead."""
    limit = svc.cfg.read.max_bytes
    try:
        sub = await parse_submission(request, limit)
    except TooLarge:
        raise HTTPException(413, f"upload larger than {limit} bytes (read.max_bytes)") from None
    if not sub.files and not sub.texts:
        raise HTTPException(400, "nothing to ingest: add files or paste a text")
    job = svc.submit(sub)
    if wants_page(request):
        return RedirectResponse(f"/?job={job.id}", status_code=303)
    return JSONResponse(job_status(job).model_dump(), status_code=202)


@router.get("/api/ingest/{job_id}", response_model=IngestStatus, summary="Progress of an ingest job")
def status(job_id: str, svc: Svc) -> IngestStatus:
    job = svc.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return job_status(job)


@router.get("/api/status", summary="Documents stored and whether their analysis is ready")
def app_status(svc: Svc) -> dict[str, Any]:
    return {"documents": svc.store.count(), "generation": svc.generation, "analysis_ready": svc.is_current(),
            "running_jobs": sorted(j.id for j in svc.running())}
