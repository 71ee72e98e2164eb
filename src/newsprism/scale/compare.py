"""Two analyses compared by what they group, ids aside: the equivalence check of a Spark run against the
local one (tests/test_spark_run.py, bench/spark.py).

Every grouping is spelled in document ids and character offsets, which both runs share: an entity is the
set of its mentions, a story the set of its documents, a fact the set of its claims' spans per position.

    >>> from newsprism.model import Analysis
    >>> differences(Analysis(), Analysis())
    {}
"""
from __future__ import annotations

from typing import Any

from ..model import Analysis


def groupings(a: Analysis) -> dict[str, Any]:
    span = {c.id: (c.doc, c.start, c.end) for c in a.claims}
    return {
        "documents": sorted((d.id, tuple(d.sources), tuple((n.doc, n.similarity) for n in d.near_duplicates))
                            for d in a.documents),
        "entities": sorted((e.type, tuple(sorted((m.doc, m.start, m.end) for m in e.mentions))) for e in a.entities),
        "claims": sorted((c.doc, c.start, c.end, c.predicate or "") for c in a.claims),
        "stories": sorted(tuple(sorted(s.documents)) for s in a.stories),
        "facts": sorted((f.verdict, tuple(sorted(tuple(sorted(span[c] for c in p.claims if c in span))
                                                 for p in f.positions))) for f in a.facts),
        "timeline": sorted((t.date, t.granularity, t.text, tuple(sorted(t.documents)),
                            tuple(sorted(span[c] for c in t.claims if c in span))) for t in a.timeline),
    }


def differences(a: Analysis, b: Analysis) -> dict[str, tuple[int, int, int]]:
    """Per grouping that differs: (only in a, only in b, in both)."""
    ga, gb = groupings(a), groupings(b)
    out = {}
    for key in ga:
        x, y = ga[key], gb[key]
        if x != y:
            sx, sy = set(x), set(y)
            out[key] = (len(sx - sy), len(sy - sx), len(sx & sy))
    return out
