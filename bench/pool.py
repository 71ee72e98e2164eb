"""N distinct documents for a throughput bench, when the real articles are fewer than N: the real articles
first, then "recombined" articles, each made of whole paragraphs of three different real articles.

A recombined article is not news anyone wrote: it is real sentences in an order no outlet published, there
only so a bench can reach a size the dev data does not hold (bench/spark.py --pool) without copies, which
near-duplicate detection would link and exact-duplicate detection merge. Each takes a run of about a third of
the paragraphs of each of its three sources, and no run is more than `MAX_SHARE` of its characters (a draw
that breaks this is drawn again): it shares at most that with any one article and at most twice that with
another recombined article, under the near-duplicate threshold (0.8). Deterministic: the same rows, N and
seed give the same documents.
"""
from __future__ import annotations

import random

SEED = "newsprism-bench-pool"
PREFIX = "recombined/"
MAX_SHARE = 0.4     # of a recombined article's characters, from any one source


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs: blocks between blank lines, or its lines when it has no blank line."""
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    if len(parts) == 1:
        parts = [p.strip() for p in text.splitlines() if p.strip()]
    return parts


def _run(paras: list[str], rng: random.Random) -> tuple[int, list[str]]:
    """(first index, paragraphs) of a contiguous run of about a third of `paras` (at least one)."""
    size = max(1, round(len(paras) / 3))
    start = rng.randrange(len(paras) - size + 1)
    return start, paras[start:start + size]


def recombined(rows: list[dict], count: int, seed: str = SEED) -> list[dict]:
    """`count` recombined articles from the rows that have a plain `text` (HTML rows are not split).

    Each row: `id` (`recombined/<n>`), `title` (`Recombined <n>: ` and its first source's title, if any),
    `text` (the three runs, blank lines between) and `recombined_from` (the three source ids and runs, as
    `id#first-last` paragraph indexes), for the record; no two articles take the same three runs."""
    sources = [(r["id"], r.get("title"), paragraphs(r["text"])) for r in rows if r.get("text")]
    sources = [s for s in sources if s[2]]
    if len(sources) < 3:
        raise ValueError("need at least three articles with text to recombine")
    rng = random.Random(seed)
    out: list[dict] = []
    seen: set[tuple[str, ...]] = set()
    draws = 0
    while len(out) < count:
        draws += 1
        if draws > 1000 + 100 * count:
            raise ValueError(f"no more recombinations under MAX_SHARE after {draws - 1} draws: too few or too uneven rows")
        picked = rng.sample(sources, 3)
        parts, used, runs = [], [], []
        for sid, _, paras in picked:
            start, run = _run(paras, rng)
            parts += run
            runs.append(run)
            used.append(f"{sid}#{start}-{start + len(run) - 1}")
        sizes = [len("\n\n".join(p)) for p in runs]
        if max(sizes) > MAX_SHARE * sum(sizes) or tuple(sorted(used)) in seen:
            continue
        seen.add(tuple(sorted(used)))
        n = len(out) + 1
        title = picked[0][1]
        out.append({"id": f"{PREFIX}{n:06d}", "title": f"Recombined {n}: {title}" if title else f"Recombined {n}",
                    "text": "\n\n".join(parts), "recombined_from": used})
    return out


def pool(rows: list[dict], n: int, real: int | None = None, seed: str = SEED) -> list[dict]:
    """`n` documents: the first `real` rows (default all; fewer if `n` is smaller), then recombined
    articles built from those same rows up to `n`."""
    base = rows[:real] if real is not None else list(rows)
    if n <= len(base):
        return base[:n]
    return base + recombined(base, n - len(base), seed)
