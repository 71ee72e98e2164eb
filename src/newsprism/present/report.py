"""The self-contained HTML report (`--html`): one file, inline CSS and JS, no network.

The report reads only the `Analysis`. Python prepares each section (grouping, ordering, layout);
the Jinja2 template only prints, with autoescaping on. Article text reaches the page through
`highlight.highlight`, which escapes every piece; nothing from the data is ever marked safe.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .summary import brief_lines, position_words
from ..model import Analysis, Document, Fact, Story
from .highlight import Mark, highlight, js_offset, safe_url
from .network import build_network

VERDICTS = ("contested", "corroborated", "compatible", "single_source")
VERDICT_LABEL = {"contested": "Contested", "corroborated": "Corroborated", "compatible": "Compatible",
                 "single_source": "Single source"}
OPEN_GROUP_MAX = 8          # verdict groups larger than this start collapsed (contested never does)
TABLE_ROWS = 40             # longer tables show their first rows and the rest on request

_env = Environment(loader=PackageLoader("newsprism", "present/templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """A file shipped in present/static (CSS and JS inlined into pages)."""
    return resources.files("newsprism.present").joinpath("static", name).read_text("utf-8")


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def report_csp() -> str:
    """Nothing may load and only the report's own style and script may run (matched by hash)."""
    return ("default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
            f"style-src {csp_hash(static_text('report.css'))}; script-src {csp_hash(static_text('report.js'))}")


# -- small helpers the template uses ---------------------------------------------------------

def outlet_of(d: Document) -> str:
    return d.outlet or d.id


def day(iso: Optional[str]) -> str:
    return (iso or "")[:10]


def date_ordinal(value: str) -> Optional[int]:
    """A TIMEX-style date prefix as a day number for drawing (a year at its start, a week at its Monday)."""
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?", value or "")
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(4):
            return date.fromisocalendar(year, max(1, min(53, int(m.group(4)))), 1).toordinal()
        return date(year, int(m.group(2) or 1), int(m.group(3) or 1)).toordinal()
    except ValueError:
        return None


# -- sections --------------------------------------------------------------------------------

@dataclass
class StoryView:
    story: Story
    outlets: list[Document]
    events: list["StoryView"] = field(default_factory=list)


def overview(a: Analysis) -> dict[str, Any]:
    docs_of = {d.id: d for d in a.documents}
    by_id = {s.id: s for s in a.stories}

    def view(s: Story) -> StoryView:
        return StoryView(s, [docs_of[d] for d in s.documents if d in docs_of],
                         [view(c) for c in a.stories if c.parent == s.id and c.id != s.id])

    roots = [view(s) for s in a.stories if not s.parent or s.parent not in by_id]
    outlets: dict[str, list[Document]] = defaultdict(list)
    for d in a.documents:
        outlets[outlet_of(d)].append(d)
    dates = sorted(day(d.published) for d in a.documents if d.published)
    return {
        "storylines": [r for r in roots if r.events],
        "events": [r for r in roots if not r.events],
        "outlets": sorted(outlets.items(), key=lambda kv: (-len(kv[1]), kv[0].lower())),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "counts": [("documents", len(a.documents)), ("outlets", len(outlets)), ("stories", len(a.stories)),
                   ("entities", len(a.entities)), ("claims", len(a.claims)), ("facts", len(a.facts))],
        "verdicts": [(v, VERDICT_LABEL[v], len(a.facts_by_verdict(v))) for v in VERDICTS],
    }


def ledger(a: Analysis) -> list[dict[str, Any]]:
    """Facts grouped by verdict, contested first; within a group the most widely reported first."""
    def reach(f: Fact) -> tuple:
        return (-len({d for p in f.positions for d in p.documents}), _fact_number(f.id), f.id)

    groups = []
    for v in VERDICTS:
        facts = sorted(a.facts_by_verdict(v), key=reach)
        groups.append({"verdict": v, "label": VERDICT_LABEL[v], "facts": facts,
                       "open": v == "contested" or len(facts) <= OPEN_GROUP_MAX})
    return [g for g in groups if g["facts"]]


def _fact_number(fid: str) -> int:
    m = re.search(r"\d+", fid)
    return int(m.group()) if m else 0


def timeline_view(a: Analysis, width: int = 760) -> dict[str, Any]:
    """Entries in date order, and their places on a proportional axis drawn as SVG."""
    entries = sorted(enumerate(a.timeline), key=lambda it: (it[1].date, it[0]))
    days = [date_ordinal(t.date) for _, t in entries]
    known = [d for d in days if d is not None]
    margin = 30
    points = []
    if known:
        lo, hi = min(known), max(known)
        span = (hi - lo) or 1
        lane: Counter[int] = Counter()
        for (i, t), d in zip(entries, days):
            if d is None:
                continue
            x = round(margin + (d - lo) / span * (width - 2 * margin), 1) if hi > lo else width / 2
            slot = lane[round(x / 12)]  # entries on the same spot stack upwards
            lane[round(x / 12)] += 1
            points.append({"i": i, "x": x, "y": 70 - min(slot, 4) * 12, "entry": t,
                           "r": 4 + min(len(t.documents), 6)})
        ticks = []
        first, last = date.fromordinal(lo), date.fromordinal(hi)
        step_months = 1 if (hi - lo) < 400 else 12
        y, m = first.year, (first.month if step_months == 1 else 1)
        while date(y, m, 1).toordinal() <= hi and len(ticks) < 40:
            o = date(y, m, 1).toordinal()
            if o >= lo:
                x = round(margin + (o - lo) / span * (width - 2 * margin), 1) if hi > lo else width / 2
                ticks.append({"x": x, "label": f"{y}" if step_months == 12 or m == 1 else f"{y}-{m:02d}"})
            m += step_months
            if m > 12:
                y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        if not ticks:
            ticks = [{"x": margin, "label": first.isoformat()}, {"x": width - margin, "label": last.isoformat()}]
    else:
        ticks = []
    return {"entries": [{"i": i, "entry": t} for i, t in entries], "points": points, "ticks": ticks,
            "width": width, "height": 110}


def entity_rows(a: Analysis) -> list[Any]:
    return sorted(a.entities, key=lambda e: (-len(e.documents), -len(e.mentions), e.name.lower(), e.id))


def framing_view(a: Analysis) -> dict[str, Any]:
    """Labels per actor and document (rows where outlets disagree first), voices and genres."""
    docs = [d for d in a.documents if a.framing_of(d.id)]
    labels: dict[str, dict[str, list[str]]] = defaultdict(dict)
    names: dict[str, str] = {}
    for f in a.framing:
        for actor in f.actors:
            if not actor.labels:
                continue
            key = actor.entity or "name:" + actor.name.lower()
            names.setdefault(key, (a.entity(actor.entity).name if actor.entity and a.entity(actor.entity) else actor.name))
            cell = labels[key].setdefault(f.doc, [])
            cell.extend(lab for lab in actor.labels if lab not in cell)
    rows = []
    for key, cells in labels.items():
        distinct = {tuple(sorted(set(v))) for v in cells.values()}
        rows.append({"name": names[key], "cells": cells, "disagree": len(cells) > 1 and len(distinct) > 1})
    rows.sort(key=lambda r: (not r["disagree"], -len(r["cells"]), r["name"].lower()))
    return {"docs": docs, "rows": rows,
            "columns": [d for d in docs if any(d.id in r["cells"] for r in rows)]}


def document_marks(a: Analysis, d: Document) -> list[Mark]:
    """Loaded words and actor labels of one document, to highlight in its text."""
    f = a.framing_of(d.id)
    if f is None:
        return []
    marks = [Mark(t.start, t.end, "loaded", title="loaded word" + (f" ({t.category})" if t.category else ""), priority=1)
             for t in f.loaded_terms if d.text[t.start:t.end] == t.text]
    for actor in f.actors:
        for s in actor.label_spans:
            if d.text[s.start:s.end] == s.text:
                marks.append(Mark(s.start, s.end, "label", title=f"label for {actor.name}", priority=2))
    return marks


def render_html(a: Analysis, title: Optional[str] = None, home: Optional[str] = None) -> str:
    """The whole report as one HTML string; `home` adds a link back (the web app sets it)."""
    if title is None:
        roots = sorted((s for s in a.stories if not s.parent and s.title), key=lambda s: (-len(s.documents), s.id))
        title = roots[0].title if roots else "newsprism report"  # the widest story names the report
    return _env.get_template("report.html.j2").render(
        a=a, title=title, home=home, # our own shipped CSS/JS (never data) go in verbatim so the CSP hashes match
        csp=report_csp(), css=Markup(static_text("report.css")), js=Markup(static_text("report.js")),
        ov=overview(a), ledger=ledger(a), timeline=timeline_view(a), entities=entity_rows(a),
        network=build_network(a), framing=framing_view(a), docs={d.id: d for d in a.documents},
        outlet_of=outlet_of, day=day, highlight=highlight, document_marks=document_marks, js_offset=js_offset,
        safe_url=safe_url, position_words=lambda p: position_words(a, p), table_rows=TABLE_ROWS,
        network_colors=NETWORK_COLORS, brief=brief_lines(a.summary))


NETWORK_COLORS = {"PERSON": "#1f5fa8", "ORG": "#9a4d00", "GPE": "#2d7a3a", "NORP": "#7a3a8c", "LOC": "#2d7a6f"}
