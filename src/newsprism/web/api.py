"""The JSON API: stored documents, full-text search, and each section of the analysis."""
from __future__ import annotations

import re
from typing import Annotated, Any, Callable, Optional

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ..model import Analysis, Document, Entity, Fact, Framing, Story, TimelineEntry
from ..present.subset import restrict
from .ingest import problems
from .render import dump, json_text
from .service import Service, service

router = APIRouter()
Svc = Annotated[Service, Depends(service)]


def doc_story(a: Analysis) -> dict[str, str]:
    """Each document's narrowest story (an event rather than its storyline)."""
    out: dict[str, str] = {}
    for s in sorted(a.stories, key=lambda s: (len(s.documents), s.id)):
        for d in s.documents:
            out.setdefault(d, s.id)
    return out


def snippet(text: str, query: str, width: int = 220) -> str:
    words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 2]
    low = text.lower()
    at = min((i for i in (low.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - width // 3)
    return ("…" if start else "") + text[start:start + width].strip() + ("…" if start + width < len(text) else "")


def search_hits(svc: Service, q: str, limit: int) -> list[dict[str, Any]]:
    """BM25 hits with a snippet and the story each document sits in (when an analysis is cached)."""
    a = svc.current()
    where = doc_story(a) if a else {}
    out = []
    for doc_id, score in svc.store.search(q, limit):
        d = svc.store.get(doc_id)
        if d is not None:
            out.append({"id": d.id, "score": round(score, 4), "title": d.title, "outlet": d.outlet,
                        "published": d.published, "snippet": snippet(d.text, q), "story": where.get(d.id)})
    return out


@router.get("/api/search", tags=["documents"], summary="Full-text (BM25) search over titles and texts")
def search(svc: Svc, q: str = Query(..., description="words to look for"),
           limit: int = Query(20, ge=1, le=200)) -> list[dict[str, Any]]:
    return search_hits(svc, q, limit)


@router.get("/api/documents", tags=["documents"], summary="Stored documents (metadata; the text with ?text=true)")
def documents(svc: Svc, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0),
              text: bool = False) -> dict[str, Any]:
    rows = []
    for i, d in enumerate(svc.store.documents()):
        if i < offset:
            continue
        if len(rows) >= limit:
            break
        rows.append(d.model_dump(exclude=None if text else {"text", "removed"}))
    return {"total": svc.store.count(), "offset": offset, "documents": rows}


@router.get("/api/documents/{doc_id}", response_model=Document, tags=["documents"], responses=problems(404),
            summary="One stored document")
def document(svc: Svc, doc_id: str) -> Document:
    d = svc.store.get(doc_id)
    if d is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return d


def story_or_404(a: Analysis, story: Optional[str]) -> Analysis:
    if story is None:
        return a
    try:
        return restrict(a, story)
    except KeyError:
        raise HTTPException(404, f"no story {story!r}") from None


def _section(name: str, pick: Callable[[Analysis], Any]) -> Callable[..., Any]:
    """The handler of one analysis section: served from the cache, computed in a thread on a miss."""
    async def handler(svc: Svc, story: Optional[str] = Query(None, description="only this story (an id from /api/stories)")) -> Response:
        def make() -> str:
            return svc.cached(("json", name, story), lambda a: dump(pick(story_or_404(a, story))))

        return json_text(svc.peek(("json", name, story)) or await run_in_threadpool(make))
    return handler


SECTIONS: list[tuple[str, Any, Callable[[Analysis], Any], str]] = [
    ("stories", list[Story], lambda a: a.stories, "Stories: events, and storylines (`parent`) that group them"),
    ("entities", list[Entity], lambda a: a.entities, "Entities resolved across documents, with every mention"),
    ("facts", list[Fact], lambda a: a.facts, "The fact ledger: positions, claims and verdicts"),
    ("timeline", list[TimelineEntry], lambda a: a.timeline, "Dated events with the documents behind them"),
    ("framing", list[Framing], lambda a: a.framing, "Per document: genre, actors' labels, loaded words, voices"),
    ("analysis", Analysis, lambda a: a, "The whole analysis document (the JSON contract)"),
]
for _name, _model, _pick, _summary in SECTIONS:
    router.add_api_route(f"/api/{_name}", _section(_name, _pick), methods=["GET"], response_model=_model,
                         tags=["analysis"], summary=_summary, name=_name, responses=problems(404, 503))
