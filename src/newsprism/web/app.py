"""create_app: the FastAPI app over one store, with its service and routers."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from fastapi import FastAPI

from ..config import Config
from . import api, ingest, pages
from .service import Service

DESCRIPTION = ("Many articles about one story: what outlets agree on, where they differ, who is who, when, "
               "and how each frames it. Every section is also JSON.")


def create_app(db_path: Path, cfg: Config) -> FastAPI:
    """The app over the store at `db_path` (created when missing). The CLI binds it to 127.0.0.1."""
    svc = Service(Path(db_path), cfg)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        svc.close()

    app = FastAPI(title="newsprism", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description=DESCRIPTION)
    app.state.service = svc
    for router in (pages.router, ingest.router, api.router):
        app.include_router(router)
    return app
