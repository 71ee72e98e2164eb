"""The local web app (`newsprism serve`): an application beside the CLI, over a DuckDB store.

    app.py      create_app: the FastAPI app, its service and its routers
    service.py  the store, the single background worker, ingest jobs, the cached analysis
    uploads.py  request bodies (forms and JSON) read into memory under the size limit
    pages.py    the HTML pages (index, search, report, stories, API docs) and their static files
    ingest.py   POST /api/ingest and the job status endpoints
    api.py      the JSON API: documents, search, and every analysis section
    render.py   templates, response headers and JSON serialization shared by the routers
"""
from __future__ import annotations

from .app import create_app
from .uploads import safe_name

__all__ = ["create_app", "safe_name"]
