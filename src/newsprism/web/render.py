"""What the routers share: templates, security headers, JSON serialization, the app's static files."""
from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel

APP_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
RETRY_AFTER = 2                  # seconds a client is asked to wait while the analysis is computed
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}

env = Environment(loader=PackageLoader("newsprism.web", "templates"),
                  autoescape=select_autoescape(default=True, default_for_string=True),
                  trim_blocks=True, lstrip_blocks=True)


def page(body: str, csp: str = APP_CSP, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers={
        "Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"})


def json_text(payload: str) -> Response:
    return Response(payload, media_type="application/json", headers={"X-Content-Type-Options": "nosniff"})


def dump(objs: Any) -> str:
    """A model or a list of models as JSON, by alias, the way the contract writes them."""
    if isinstance(objs, BaseModel):
        return objs.model_dump_json(by_alias=True)
    return "[" + ",".join(o.model_dump_json(by_alias=True) for o in objs) + "]"


def static_text(name: str) -> str:
    """A file shipped in web/static."""
    return resources.files("newsprism.web").joinpath("static", name).read_text("utf-8")
