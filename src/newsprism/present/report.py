"""The self-contained HTML report (`--html`): every piece of article text is escaped."""
from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Analysis

_env = Environment(loader=PackageLoader("newsprism", "present/templates"), autoescape=select_autoescape(default=True))


def render_html(a: Analysis) -> str:
    return _env.get_template("report.html.j2").render(a=a)
