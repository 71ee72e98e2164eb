"""One story cut out of a whole-store analysis, so the web app can show it as its own report.

Nothing is recomputed: the story's documents are kept with everything found in them, and
every cross-document object is kept only as far as it rests on those documents.
"""
from __future__ import annotations

from ..model import Analysis, Fact, Story


def story_family(a: Analysis, story_id: str) -> list[Story]:
    """The story and the events under it (a storyline's children, recursively), in analysis order."""
    by_id = {s.id: s for s in a.stories}
    if story_id not in by_id:
        raise KeyError(f"no story {story_id!r}")
    keep = [by_id[story_id]]
    seen = {story_id}
    i = 0
    while i < len(keep):
        for s in a.stories:
            if s.parent == keep[i].id and s.id not in seen:
                seen.add(s.id)
                keep.append(s)
        i += 1
    return [s for s in a.stories if s.id in seen]


def restrict(a: Analysis, story_id: str) -> Analysis:
    """A new Analysis holding only what belongs to story `story_id` (KeyError when unknown)."""
    stories = story_family(a, story_id)
    story_ids = {s.id for s in stories}
    docs = {d for s in stories for d in s.documents}
    claims = [c for c in a.claims if c.doc in docs]
    claim_ids = {c.id for c in claims}
    facts = []
    for f in a.facts:
        if f.story not in story_ids and not (f.story is None and _fact_docs(f) <= docs):
            continue
        positions = []
        for p in f.positions:
            kept = [c for c in p.claims if c in claim_ids]
            if kept:
                positions.append(p.model_copy(update={"claims": kept, "documents": [d for d in p.documents if d in docs]}))
        if positions:
            facts.append(f.model_copy(update={"positions": positions}))
    entities = []
    for e in a.entities:
        mentions = [m for m in e.mentions if m.doc in docs]
        if mentions:
            entities.append(e.model_copy(update={"mentions": mentions, "documents": [d for d in e.documents if d in docs]}))
    timeline = []
    for t in a.timeline:
        kept = [c for c in t.claims if c in claim_ids]
        tdocs = [d for d in t.documents if d in docs]
        if tdocs:
            timeline.append(t.model_copy(update={"claims": kept, "documents": tdocs}))
    fact_ids = {f.id for f in facts}
    facts = [f.model_copy(update={"event": None}) if f.event and f.event not in fact_ids else f for f in facts]
    summary = [s for s in a.summary if set(s.documents) <= docs and set(s.facts) <= fact_ids]
    sub = Analysis.model_validate({
        "schema": a.schema_, "generated": a.generated,
        "documents": [d.model_dump() for d in a.documents if d.id in docs],
        "stories": [s.model_dump() for s in stories if s.id == story_id or s.parent in story_ids],
        "entities": [e.model_dump() for e in entities],
        "claims": [c.model_dump() for c in claims],
        "facts": [f.model_dump() for f in facts],
        "times": [t.model_dump() for t in a.times if t.doc in docs],
        "timeline": [t.model_dump() for t in timeline],
        "framing": [f.model_dump() for f in a.framing if f.doc in docs],
        "summary": [s.model_dump() for s in summary],
    })
    # the requested story is the root of the cut, even when it is an event under a storyline
    for s in sub.stories:
        if s.id == story_id:
            s.parent = None
    return sub.bind()


def _fact_docs(f: Fact) -> set[str]:
    return {d for p in f.positions for d in p.documents}
