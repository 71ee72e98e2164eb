"""The brief, the fact ledger and the timeline as Markdown (`--md`)."""
from __future__ import annotations

import re

from ..model import Analysis

VERDICT_ORDER = ("contested", "corroborated", "compatible", "single_source")


def md_escape(text: str) -> str:
    """Article text is hostile: neutralise Markdown and HTML syntax so it shows literally."""
    text = re.sub(r"\s+", " ", text or "").strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", text)


def _source(a: Analysis, doc_id: str) -> str:
    d = a.document(doc_id)
    return md_escape(d.outlet or d.title or doc_id)


def render_markdown(a: Analysis) -> str:
    out: list[str] = ["# newsprism analysis", ""]
    out.append(f"{len(a.documents)} documents, {len(a.stories)} stories, {len(a.entities)} entities, "
               f"{len(a.facts)} facts ({len(a.facts_by_verdict('contested'))} contested).")
    out.append("")
    if a.summary:
        out += ["## Brief", ""]
        for s in a.summary:
            cites = ", ".join(_source(a, d) for d in s.documents)
            out.append(f"- {md_escape(s.text)}" + (f" ({cites})" if cites else ""))
        out.append("")
    if a.facts:
        out += ["## Fact ledger", ""]
        for verdict in VERDICT_ORDER:
            group = a.facts_by_verdict(verdict)
            if not group:
                continue
            out += [f"### {verdict.replace('_', ' ').capitalize()} ({len(group)})", ""]
            for f in group:
                out.append(f"**{md_escape(f.about)}**" + (f" — {md_escape(f.explanation)}" if f.explanation else ""))
                out.append("")
                for p in f.positions:
                    out.append(f"- {md_escape(str(p.value))}")
                    for c in p.claim_objects:
                        out.append(f"  - {_source(a, c.doc)}: “{md_escape(c.text)}”")
                out.append("")
    if a.timeline:
        out += ["## Timeline", "", "| date | event | sources |", "| --- | --- | --- |"]
        for t in a.timeline:
            out.append(f"| {md_escape(t.date)} | {md_escape(t.text)} | {', '.join(_source(a, d) for d in t.documents)} |")
        out.append("")
    out += ["## Documents", ""]
    for d in a.documents:
        meta = ", ".join(md_escape(x) for x in (d.outlet, d.author, d.published) if x)
        out.append(f"- `{d.id}` {md_escape(d.title or '(untitled)')}" + (f" — {meta}" if meta else ""))
    out.append("")
    return "\n".join(out)
