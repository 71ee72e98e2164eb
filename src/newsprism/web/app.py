"""create_app: the FastAPI app over one store, with its service, its guard and its routers."""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator, Iterable, Optional

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from ..config import Config
from . import api, ingest, pages
from .csrf import FormTokens
from .guard import Guard, allowed_hosts
from .render import RETRY_AFTER
from .service import AnalysisFailed, NotReady, Service

log = logging.getLogger(__name__)

DESCRIPTION = ("Many articles about one story: what outlets agree on, where they differ, who is who, when, "
               "and how each frames it. Every section is also JSON. The app answers only its own host names "
               "(loopback, the bound address, --allow-host) and refuses cross-site writes.")


def not_ready(request: Request, _: Exception) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": "the analysis is still being computed; retry shortly"}, status_code=503,
                            headers={"Retry-After": str(RETRY_AFTER)})
    return pages.waiting_page()


def analysis_failed(request: Request, exc: Exception) -> Response:
    return JSONResponse({"detail": f"the analysis of the stored documents failed ({exc})"}, status_code=500)


def server_error(request: Request, exc: Exception) -> Response:
    """A bug answers 500 with a one-line reason (the traceback goes to the log), nosniff included."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": f"internal error ({type(exc).__name__})"}, status_code=500,
                        headers={"X-Content-Type-Options": "nosniff"})


def create_app(db_path: Path, cfg: Config, bind: Optional[str] = None, allow_hosts: Iterable[str] = (),
               wait_lock: float = 0.0) -> FastAPI:
    """The app over the store at `db_path` (created when missing; StoreLocked when another process holds
    it after `wait_lock` seconds). It answers requests for loopback names, for `bind` (the address it is
    served on, unless a wildcard) and for `allow_hosts`."""
    svc = Service(Path(db_path), cfg, wait_lock=wait_lock)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        svc.close()

    app = FastAPI(title="newsprism", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description=DESCRIPTION)
    app.state.service = svc
    app.state.tokens = FormTokens()
    for router in (pages.router, ingest.router, api.router):
        app.include_router(router)
    app.add_exception_handler(NotReady, not_ready)
    app.add_exception_handler(AnalysisFailed, analysis_failed)
    app.add_exception_handler(Exception, server_error)
    app.add_middleware(Guard, hosts=allowed_hosts(bind, allow_hosts))
    return app
