"""Views of an `Analysis`: Markdown, the HTML report, the brief. They read the Analysis and nothing else.

Importing this package registers `Analysis.to_markdown()` and `Analysis.to_html()`; each view's
module (and its templates) loads only when first used.
"""
from __future__ import annotations

from ..model import Analysis, register_view


def _markdown(a: Analysis) -> str:
    from .markdown import render_markdown

    return render_markdown(a)


def _html(a: Analysis) -> str:
    from .report import render_html

    return render_html(a)


register_view("markdown", _markdown)
register_view("html", _html)
