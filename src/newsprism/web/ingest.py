"""Adding articles: a background job per request, whose progress is polled.

POST /api/ingest is the JSON API (application/json only: no cross-site form can send it). POST /ingest
is the page's form (files and a pasted text); it needs the page's session token. Both answer 202 with
the job, or a browser form a redirect to the page that follows it.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from .csrf import FIELD
from .service import IngestStatus, Job, Service, service
from .uploads import FORM_BODY, INGEST_BODY, Submission, TooLarge, read_form, read_json

router = APIRouter(tags=["ingest"])
Svc = Annotated[Service, Depends(service)]


class Problem(BaseModel):
    detail: str


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses for the errors an endpoint can answer, each a one-line `detail`."""
    what = {400: "malformed request (the detail says what)", 403: "cross-site request or wrong form token",
            404: "no such item", 413: "larger than read.max_bytes", 415: "wrong content type",
            503: "the analysis is still being computed (retry after the Retry-After seconds)"}
    return {c: {"model": Problem, "description": what[c]} for c in codes}


def job_status(job: Job) -> IngestStatus:
    return IngestStatus(**asdict(job), finished=job.finished)


def wants_page(request: Request) -> bool:
    """A browser form (Accept: text/html, not JSON) is answered with a redirect to the page."""
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept


def start(request: Request, svc: Service, sub: Submission) -> Response:
    if not sub:
        raise HTTPException(400, "nothing to ingest: add files or paste a text")
    job = svc.submit(sub)
    if wants_page(request):
        return RedirectResponse(f"/?job={job.id}", status_code=303)
    return JSONResponse(job_status(job).model_dump(), status_code=202)


def too_large(svc: Service) -> HTTPException:
    return HTTPException(413, f"upload larger than {svc.cfg.read.max_bytes} bytes (read.max_bytes)")


@router.post("/api/ingest", status_code=202, response_model=IngestStatus, responses=problems(400, 403, 413, 415),
             openapi_extra={"requestBody": INGEST_BODY},
             summary="Add articles: JSON records with a text, an HTML page, or a whole file in base64")
async def ingest(request: Request, svc: Svc) -> Response:
    """One record or an array of them. Size-limited (read.max_bytes per text or file); nothing is
    written outside the store. Returns the job to poll at /api/ingest/{job}."""
    try:
        sub = await read_json(request, svc.cfg.read.max_bytes)
    except TooLarge:
        raise too_large(svc) from None
    return start(request, svc, sub)


@router.post("/ingest", status_code=202, response_model=IngestStatus, responses=problems(400, 403, 413, 415),
             openapi_extra={"requestBody": FORM_BODY},
             summary="The page's form: files (`files`), or a pasted `text` with `title` and `outlet`; needs `csrf`")
async def ingest_form(request: Request, svc: Svc) -> Response:
    """The form on the app's page (multipart or urlencoded), with the page's session token in `csrf`.
    A browser is redirected to the page that follows the job; `Accept: application/json` gets the job."""
    try:
        sub = await read_form(request, svc.cfg.read.max_bytes)
    except TooLarge:
        raise too_large(svc) from None
    if not request.app.state.tokens.valid(request, sub.fields.get(FIELD)):
        raise HTTPException(403, "the form token is missing or out of date: reload the page and send it again")
    return start(request, svc, sub)


@router.get("/api/ingest/{job_id}", response_model=IngestStatus, responses=problems(404),
            summary="Progress of an ingest job")
def status(job_id: str, svc: Svc) -> IngestStatus:
    job = svc.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return job_status(job)


@router.get("/api/status", summary="Documents stored and whether their analysis is ready")
def app_status(svc: Svc) -> dict[str, Any]:
    return {"documents": svc.store.count(), "generation": svc.generation, "analysis_ready": svc.is_current(),
            "running_jobs": sorted(j.id for j in svc.running())}
