"""The brief, the fact ledger and the timeline as Markdown (`--md`).

Article text is hostile: every piece of it goes through `md_escape`, which neutralises HTML
and the Markdown characters that could make links, images, emphasis, code or table cells.
"""
from __future__ import annotations

import re

from .ledger import LedgerEntry, ledger_groups
from .summary import brief_lines, inner_words
from ..model import Analysis
from .highlight import safe_url
from .counts import story_count
from .names import doc_name, plural



def md_escape(text: object) -> str:
    """One line of literal text: whitespace folded, HTML escaped, Markdown syntax backslashed."""
    s = re.sub(r"\s+", " ", str(text or "")).strip()
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = re.sub(r"([\\`*_\[\]|~#!])", r"\\\1", s)
    return re.sub(r"^(\d+)\.", r"\1\\.", s)  # "1." would start a numbered list


def _outlet(a: Analysis, doc_id: str) -> str:
    d = a.document(doc_id)
    return md_escape(doc_name(d))


def _entry(a: Analysis, e: LedgerEntry) -> list[str]:
    head = f"**{md_escape(e.heading)}**" + (f" — {md_escape(e.explanation)}" if e.explanation else "")
    out = [head, ""] + ([f"A figure of: {md_escape(e.event[1])}", ""] if e.event else [])
    for v in e.values:
        indent = ""
        if v.value:
            out.append(f"- {md_escape(v.value)}")
            indent = "  "
        for c in v.claims:
            tag = f" ({md_escape(c.modality)})" if c.modality != "asserted" else ""
            out.append(f"{indent}- {_outlet(a, c.doc)}{tag}: “{md_escape(inner_words(c.text))}”")
    out.append("")
    return out


def render_markdown(a: Analysis) -> str:
    roots = [s for s in a.stories if not s.parent]
    title = roots[0].title if len(roots) == 1 and roots[0].title else ""
    out: list[str] = ["# newsprism analysis" + (f" — {md_escape(title)}" if title else ""), ""]
    dates = sorted(d.published[:10] for d in a.documents if d.published)
    span = f", published {dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1] else (f", published {dates[0]}" if dates else "")
    out += [f"{plural(len(a.documents), 'document')}{span}; {story_count(a)}, "
            f"{plural(len(a.entities), 'entity', 'entities')}, {plural(len(a.facts), 'fact')} "
            f"({len(a.facts_by_verdict('contested'))} contested).", ""]

    out += ["## Brief", ""]
    if a.summary:
        known = {x.id for x in a.documents}
        for text, docs in brief_lines(a.summary):
            cites = ", ".join(_outlet(a, d) for d in docs if d in known)
            out.append(f"- {md_escape(text)}" + (f" [{cites}]" if cites else ""))
    else:
        out.append("Nothing to summarize.")
    out.append("")

    out += ["## Fact ledger", ""]
    if a.facts:
        for g in ledger_groups(a):
            out += [f"### {g['label']} ({len(g['entries'])})", ""]
            for e in g["entries"]:
                out += _entry(a, e)
    else:
        out += ["No facts found.", ""]

    out += ["## Timeline", ""]
    if a.timeline:
        out += ["| date | event | sources |", "| --- | --- | --- |"]
        for t in sorted(a.timeline, key=lambda t: t.date):
            out.append(f"| {md_escape(t.date)} | {md_escape(t.text)} | {', '.join(_outlet(a, d) for d in t.documents)} |")
    else:
        out.append("No dated events found.")
    out.append("")

    out += ["## Documents", ""]
    for d in a.documents:
        meta = ", ".join(md_escape(x) for x in (d.outlet, d.author, (d.published or "")[:10]) if x)
        url = safe_url(d.url)
        link = f" <{url}>" if url and not re.search(r"[<>\s]", url) else ""
        out.append(f"- {md_escape(d.title or '(untitled)')}" + (f" — {meta}" if meta else "") + link)
    if not a.documents:
        out.append("No documents.")
    out.append("")
    return "\n".join(out)
