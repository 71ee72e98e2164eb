"""A small hand-built Analysis for the presentation tests: every verdict, a contested fact with
claims from two outlets, a timeline, framing, and hostile text in every field a page shows."""
from __future__ import annotations

from newsprism.model import Analysis

XSS_TITLE = "<script>window.__xss=1;alert('title')</script>"
XSS_AUTHOR = '"><img src=x onerror="window.__xss=2;alert(2)">'
XSS_OUTLET = "Daily <b onmouseover=alert(3)>Quay</b>"
XSS_URL = "javascript:alert(4)"

HARBOR = ("PORT ELLIS — Mayor Ana Pop said on Monday that the north pier will close for repairs. "
          "The Harbor Times counted 40 ships waiting outside the breakwater. "
          "Critics called the plan a reckless gamble.")
QUAY = ("Mayor Ana Pop announced the north pier closure on Monday. Officials said 55 ships were waiting. "
        "<script>window.__xss=5;alert(5)</script> \"onfocus=\"alert(6)\" [link](javascript:alert(7)) "
        "The harbour master 🚢 Ion Vale said the works would last three weeks.")


def span(text: str, words: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words}


def claim(cid: str, doc: str, text: str, words: str, **kw) -> dict:
    return {"id": cid, "doc": doc, **span(text, words), **kw}


def build() -> Analysis:
    claims = [
        claim("c1", "harbor", HARBOR, "Mayor Ana Pop said on Monday that the north pier will close for repairs", predicate="say"),
        claim("c2", "quay", QUAY, "Mayor Ana Pop announced the north pier closure on Monday", predicate="say"),
        claim("c3", "harbor", HARBOR, "The Harbor Times counted 40 ships waiting outside the breakwater",
              value={"amount": 40, "unit": "ships"}),
        claim("c4", "quay", QUAY, "Officials said 55 ships were waiting", value={"amount": 55, "unit": "ships"},
              modality="reported"),
        claim("c5", "quay", QUAY, "<script>window.__xss=5;alert(5)</script>"),
        claim("c6", "quay", QUAY, "The harbour master 🚢 Ion Vale said the works would last three weeks"),
        claim("c7", "harbor", HARBOR, "Critics called the plan a reckless gamble", modality="opinion"),
    ]
    return Analysis.model_validate({
        "generated": "2025-01-01T00:00:00Z",
        "documents": [
            {"id": "harbor", "source": "https://harbor.example/pier", "url": "https://harbor.example/pier",
             "title": "North pier to close", "author": "Lena Stone", "outlet": "Harbor Times",
             "published": "2025-03-03T10:00:00+00:00", "language": "en", "text": HARBOR,
             "removed": [{"text": "Subscribe <now>", "reason": "boilerplate"}]},
            {"id": "quay", "source": "uploads/quay.html", "url": XSS_URL, "title": XSS_TITLE, "author": XSS_AUTHOR,
             "outlet": XSS_OUTLET, "published": "2025-03-04", "language": "en", "text": QUAY,
             "removed": [{"text": "<iframe src=javascript:alert(8)>", "reason": "chrome"}]},
        ],
        "stories": [
            {"id": "s1", "title": "Port Ellis pier closure", "documents": ["harbor", "quay"], "parent": "s2",
             "first_seen": "2025-03-03", "last_seen": "2025-03-04"},
            {"id": "s2", "title": "Port Ellis harbour works", "documents": ["harbor", "quay"], "parent": None,
             "first_seen": "2025-03-03", "last_seen": "2025-03-04"},
        ],
        "entities": [
            {"id": "e1", "name": "Ana Pop", "type": "PERSON", "aliases": ["Ana Pop", "Pop"], "documents": ["harbor", "quay"],
             "mentions": [{"doc": "harbor", **span(HARBOR, "Ana Pop")}, {"doc": "quay", **span(QUAY, "Ana Pop")}]},
            {"id": "e2", "name": "Port Ellis", "type": "GPE", "aliases": ["PORT ELLIS"], "documents": ["harbor"],
             "mentions": [{"doc": "harbor", **span(HARBOR, "PORT ELLIS")}]},
            {"id": "e3", "name": "Harbor Times", "type": "ORG", "documents": ["harbor"],
             "mentions": [{"doc": "harbor", **span(HARBOR, "Harbor Times")}]},
            {"id": "e4", "name": "<svg onload=alert(9)>", "type": "PERSON", "documents": ["quay"],
             "mentions": [{"doc": "quay", **span(QUAY, "Ion Vale")}]},
        ],
        "claims": claims,
        "facts": [
            {"id": "f1", "story": "s1", "about": "How many ships were waiting", "verdict": "contested",
             "positions": [{"value": "40 ships", "claims": ["c3"], "documents": ["harbor"], "normalized": 40},
                           {"value": "55 ships", "claims": ["c4"], "documents": ["quay"], "normalized": 55}],
             "explanation": "Different numbers of ships."},
            {"id": "f2", "story": "s1", "about": "The mayor announced the closure", "verdict": "corroborated",
             "positions": [{"value": "e1", "claims": ["c1", "c2"], "documents": ["harbor", "quay"]}]},
            {"id": "f3", "story": "s1", "about": "When the works end", "verdict": "compatible",
             "positions": [{"value": "three weeks", "claims": ["c6"], "documents": ["quay"]}]},
            {"id": "f4", "story": "s1", "about": "<script>alert(10)</script>", "verdict": "single_source",
             "positions": [{"value": "<b>x</b>", "claims": ["c5"], "documents": ["quay"]}]},
        ],
        "times": [{"doc": "harbor", **span(HARBOR, "on Monday"), "type": "DATE", "value": "2025-03-03"}],
        "timeline": [
            {"date": "2025-03-03", "granularity": "day", "text": "Mayor Ana Pop announces the pier closure",
             "documents": ["harbor", "quay"], "claims": ["c1", "c2"], "resolved_from": "on Monday"},
            {"date": "2025-03", "granularity": "month", "text": "<script>alert(11)</script>", "documents": ["quay"], "claims": ["c6"]},
        ],
        "framing": [
            {"doc": "harbor", "genre": "news",
             "actors": [{"entity": "e1", "name": "Ana Pop", "labels": ["mayor"],
                         "label_spans": [{"doc": "harbor", **span(HARBOR, "Mayor"), "attributed_to": None}]}],
             "loaded_terms": [{"doc": "harbor", **span(HARBOR, "reckless"), "category": "emotive"}],
             "voices": [{"speaker": "Ana Pop", "entity": "e1", "quotes": 1}]},
            {"doc": "quay", "genre": "opinion",
             "actors": [{"entity": "e1", "name": "Ana Pop", "labels": ["<i>tyrant</i>"], "label_spans": []}],
             "loaded_terms": [], "voices": [{"speaker": "<script>alert(12)</script>", "quotes": 2}]},
        ],
        "summary": [
            {"text": "Harbor Times and <script>alert(13)</script> report: “the pier will close”.", "facts": ["f2"],
             "documents": ["harbor", "quay"]},
        ],
    })
