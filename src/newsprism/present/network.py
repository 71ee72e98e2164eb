"""Who appears with whom: entity co-occurrence in sentences, laid out in Python for inline SVG.

Sentences are found with a punctuation rule (the report reads only the Analysis, which keeps
no parse). The layout is a fixed-iteration force layout from fixed starting points, so the
same analysis always gives the same picture.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Analysis

LABEL_LINE = 20             # characters on one label line
CHAR_WIDTH = 6.6            # average width of a 12px character, for keeping labels apart
LINE_HEIGHT = 14
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n\s*\n")


@dataclass
class Node:
    id: str
    name: str
    type: str
    mentions: int
    x: float = 0.0
    y: float = 0.0
    r: float = 6.0

    @property
    def label(self) -> str:
        return " ".join(self.lines)

    @property
    def lines(self) -> list[str]:
        """The name on at most two lines of LABEL_LINE characters, broken between words; never cut."""
        words, lines = self.name.split(), [""]
        for w in words:
            if lines[-1] and len(lines[-1]) + 1 + len(w) > LABEL_LINE and len(lines) < 2:
                lines.append(w)
            else:
                lines[-1] = (lines[-1] + " " + w).strip()
        return lines

    def box(self) -> tuple[float, float, float, float]:
        """The label's box (left, top, right, bottom) beside the node, in drawing units."""
        left = self.x + self.r + 3
        return (left, self.y - LINE_HEIGHT + 3, left + CHAR_WIDTH * max(len(x) for x in self.lines),
                self.y + 4 + LINE_HEIGHT * (len(self.lines) - 1))


@dataclass
class Edge:
    a: str
    b: str
    weight: int


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    width: int
    height: int


def sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences of `text` (0 first)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def cooccurrence(a: Analysis) -> Counter[tuple[str, str]]:
    """How many sentences name both entities, for every pair of entity ids (sorted pair)."""
    by_doc: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for e in a.entities:
        for m in e.mentions:
            by_doc[m.doc].append((m.start, e.id))
    pairs: Counter[tuple[str, str]] = Counter()
    texts = {d.id: d.text for d in a.documents}
    for doc_id in sorted(by_doc):
        starts = sentence_starts(texts.get(doc_id, ""))
        sentences: dict[int, set[str]] = defaultdict(set)
        for start, ent in by_doc[doc_id]:
            sentences[bisect.bisect_right(starts, start) - 1].add(ent)
        for ents in sentences.values():
            ordered = sorted(ents)
            for i, x in enumerate(ordered):
                for y in ordered[i + 1:]:
                    pairs[(x, y)] += 1
    return pairs


def build_network(a: Analysis, max_nodes: int = 24, max_edges: int = 60,
                  width: int = 760, height: int = 460) -> Network:
    """The most-mentioned entities that share a sentence with another, and their strongest links."""
    pairs = cooccurrence(a)
    degree: Counter[str] = Counter()
    for (x, y), w in pairs.items():
        degree[x] += w
        degree[y] += w
    ents = {e.id: e for e in a.entities}
    ranked = sorted((e for e in ents.values() if degree[e.id]),
                    key=lambda e: (-len(e.documents), -len(e.mentions), e.name, e.id))[:max_nodes]
    keep = {e.id for e in ranked}
    edges = sorted((Edge(x, y, w) for (x, y), w in pairs.items() if x in keep and y in keep),
                   key=lambda e: (-e.weight, e.a, e.b))[:max_edges]
    linked = {n for e in edges for n in (e.a, e.b)}
    nodes = [Node(e.id, e.name, e.type, len(e.mentions)) for e in ranked if e.id in linked]
    _layout(nodes, edges, width, height)
    return Network(nodes, edges, width, height)


def _components(nodes: list[Node], edges: list[Edge]) -> list[list[int]]:
    """Connected groups of node indexes, largest first (ties in rank order)."""
    index = {nd.id: i for i, nd in enumerate(nodes)}
    adj: dict[int, set[int]] = defaultdict(set)
    for e in edges:
        adj[index[e.a]].add(index[e.b])
        adj[index[e.b]].add(index[e.a])
    seen: set[int] = set()
    groups = []
    for i in range(len(nodes)):
        if i in seen:
            continue
        group, stack = [], [i]
        seen.add(i)
        while stack:
            j = stack.pop()
            group.append(j)
            for k in sorted(adj[j] - seen):
                seen.add(k)
                stack.append(k)
        groups.append(sorted(group))
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def _force(n: int, links: list[tuple[int, int, float]], iterations: int = 300) -> list[list[float]]:
    """Fruchterman–Reingold in the unit square from points on a circle; deterministic."""
    if n == 1:
        return [[0.5, 0.5]]
    pos = [[0.5 + 0.4 * math.cos(2 * math.pi * i / n), 0.5 + 0.4 * math.sin(2 * math.pi * i / n)] for i in range(n)]
    k = 0.8 * math.sqrt(1.0 / n)
    temp = 0.1
    for _ in range(iterations):
        disp = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                d = max(math.hypot(dx, dy), 1e-4)
                f = k * k / d
                disp[i][0] += dx / d * f; disp[i][1] += dy / d * f
                disp[j][0] -= dx / d * f; disp[j][1] -= dy / d * f
        for i, j, w in links:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d = max(math.hypot(dx, dy), 1e-4)
            f = d * d / k * w
            disp[i][0] -= dx / d * f; disp[i][1] -= dy / d * f
            disp[j][0] += dx / d * f; disp[j][1] += dy / d * f
        for i in range(n):
            d = max(math.hypot(*disp[i]), 1e-9)
            step = min(d, temp)
            pos[i][0] += disp[i][0] / d * step
            pos[i][1] += disp[i][1] / d * step
        temp = max(0.002, temp * 0.985)
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    sx, sy = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    return [[(x - min(xs)) / sx, (y - min(ys)) / sy] for x, y in pos]


def _overlap(a: Node, b: Node) -> bool:
    """Whether a's label box meets b's label box or b's circle."""
    l1, t1, r1, b1 = a.box()
    l2, t2, r2, b2 = b.box()
    boxes = l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1
    circle = l1 < b.x + b.r and b.x - b.r < r1 and t1 < b.y + b.r and b.y - b.r < b1
    return boxes or circle


def _layout(nodes: list[Node], edges: list[Edge], width: int, height: int) -> None:
    """Each connected group laid out on its own; the largest gets the left of the frame, the rest
    are stacked on the right. Then nodes too close for their labels are nudged apart."""
    if not nodes:
        return
    top = max(nd.mentions for nd in nodes) or 1
    for nd in nodes:
        nd.r = round(5 + 8 * math.sqrt(nd.mentions / top), 1)
    index = {nd.id: i for i, nd in enumerate(nodes)}
    groups = _components(nodes, edges)
    mx, my, label = 20, 25, round(CHAR_WIDTH * LABEL_LINE) + 20  # margins; room for a label right of each node
    frames: list[tuple[float, float, float, float]] = []
    if len(groups) == 1:
        frames.append((mx, my, width - mx - label, height - my))
    else:
        share = max(0.55, len(groups[0]) / len(nodes))
        split = min(mx + (width - 2 * mx) * share, width - mx - label - 60)  # the rest keep room for labels
        frames.append((mx, my, split - label, height - my))
        rest = sum(len(g) for g in groups[1:])
        y = my
        for g in groups[1:]:
            h = (height - 2 * my) * len(g) / rest
            frames.append((split, y + 10, width - mx - label, y + h - 10))
            y += h
    for g, (x0, y0, x1, y1) in zip(groups, frames):
        local = {n: i for i, n in enumerate(g)}
        links = [(local[index[e.a]], local[index[e.b]], min(2.0, 1 + math.log(e.weight) / 2))
                 for e in edges if index[e.a] in local]
        for n, (x, y) in zip(g, _force(len(g), links)):
            nodes[n].x = x0 + x * max(x1 - x0, 0)
            nodes[n].y = y0 + y * max(y1 - y0, 0)
    for _ in range(80):  # keep labels legible: no two labels (or a label and a node) overlap
        moved = False
        for i in range(len(nodes)):
            for j in range(i + 1, len(nodes)):
                a, b = nodes[i], nodes[j]
                if _overlap(a, b) or _overlap(b, a):
                    ha = a.box()[3] - a.box()[1]
                    push = min(ha, LINE_HEIGHT) / 2 + 1
                    if a.y <= b.y:
                        a.y, b.y = a.y - push, b.y + push
                    else:
                        a.y, b.y = a.y + push, b.y - push
                    moved = True
        for nd in nodes:
            nd.y = min(max(nd.y, my), height - my - LINE_HEIGHT * (len(nd.lines) - 1))
        if not moved:
            break
    for nd in nodes:
        nd.x, nd.y = round(nd.x, 1), round(nd.y, 1)
