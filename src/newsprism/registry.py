"""The pipeline's order, stated once: its phases, the steps the run loop does itself, and the named
stages, built-in and plugged in. docs/architecture.md shows `order_markdown()` (a test keeps it so).

Two kinds of stage, as in spaCy's pipeline of components:

- ``document`` stages run once per document on its single spaCy parse, in worker processes:
  ``fn(document, sdoc, record, cfg) -> None`` fills the document's `DocRecord`. They are pure
  functions of their inputs, so a Spark job can map them unchanged.
- ``corpus`` stages run once over the compact records of all documents:
  ``fn(corpus) -> None`` reads `corpus.records` / `corpus.analysis` and fills a section of the analysis.

Every document stage runs before every corpus stage; within a kind, stages run in phase order.
Plugins add stages through the ``newsprism.stages`` entry-point group: each entry point loads a
`Stage` (or a zero-argument callable returning one). A plugin stage runs right after the stage
named in its ``after`` (a `ValueError` names the valid ones), else after every stage of its kind.
"""
from __future__ import annotations

import importlib
import logging
import warnings
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Callable, Literal, Optional

log = logging.getLogger(__name__)

# The phases in run order; each is the package (or module) of the same name that holds its code.
PHASES: dict[str, str] = {
    "read": "bytes in, raw articles out: one reader per input kind",
    "clean": "the text and metadata of one article; duplicates across the batch",
    "parse": "one spaCy parse per document",
    "resolve": "who is who: entity mentions within a document, entities across documents",
    "extract": "what one document says: times, claims, framing",
    "align": "across documents: stories, facts, the timeline",
    "present": "views of the analysis: the brief, Markdown, the HTML report",
}
KINDS = ("document", "corpus")

# Import layers, lowest first: a module imports its own layer and the layers below it, never one above
# (tests/test_imports.py walks every import, lazy ones too). The phases are layers in their run order:
# each builds on what the earlier ones made. Names are modules or packages under `newsprism`.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("lexicon",),                                      # words and numbers of news language
    ("disjoint", "config", "model", "schema"),         # the contract and the settings
    ("records",),                                      # what per-document stages hand on
    *((phase,) for phase in PHASES),
    ("registry", "stages", "store", "pipeline", "api"),   # running the phases
    ("scale",),                                        # the same run on Spark
    ("cli", "__main__", "web", "newsprism"),          # applications and the package's front door
)


@dataclass(frozen=True)
class Stage:
    name: str
    kind: Literal["document", "corpus"]
    target: str | Callable[..., Any]       # "module:function" (imported when first run) or the callable
    phase: str = "extract"
    switch: Optional[str] = None           # Config.stages attribute that turns the stage off
    after: Optional[str] = None            # plugins: run right after this stage
    description: str = ""
    requires: tuple[str, ...] = field(default=())  # switches that must be on too

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"stage {self.name!r}: kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if self.phase not in PHASES:
            raise ValueError(f"stage {self.name!r}: phase {self.phase!r} is not one of {', '.join(PHASES)}")

    def load(self) -> Callable[..., Any]:
        if callable(self.target):
            return self.target
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)

    def enabled(self, cfg: Any) -> bool:
        switches = ([self.switch] if self.switch else []) + list(self.requires)
        return all(getattr(cfg.stages, s, True) for s in switches)


# What pipeline.py does itself, in this order, before any stage: not pluggable.
STEPS: list[Stage] = [
    Stage("read", "document", "newsprism.read:read_inputs", "read",
          description="every input (file, directory, JSONL, WARC, feed, stdin, Article) as raw articles"),
    Stage("clean", "document", "newsprism.clean:clean_item", "clean",
          description="boilerplate removed, text normalized, title, author, date and outlet read"),
    Stage("dedup", "corpus", "newsprism.clean.dedup:dedup", "clean", "dedup",
          description="exact duplicates merged, near duplicates linked, across the batch"),
    Stage("parse", "document", "newsprism.parse:load_nlp", "parse",
          description="one spaCy parse per document, in worker processes"),
]

BUILTIN: list[Stage] = [
    # per document, on the one parse
    Stage("mentions", "document", "newsprism.resolve.mentions:component", "resolve", "entities",
          description="named-entity mentions and within-document clusters"),
    Stage("times", "document", "newsprism.extract.times:component", "extract", "times",
          description="temporal expressions, normalized against the publication date"),
    Stage("claims", "document", "newsprism.extract.claims:component", "extract", "claims",
          description="checkable statements: who did what, how many, when, according to whom"),
    Stage("framing", "document", "newsprism.extract.framing:component", "extract", "framing",
          description="actor labels, loaded terms, genre and voices of one document"),
    Stage("story_features", "document", "newsprism.align.stories:features_component", "align", "stories",
          description="terms, names and dates of one document for story clustering"),
    # across documents, on compact records
    Stage("entities", "corpus", "newsprism.stages:resolve_entities", "resolve", "entities",
          description="one entity per real-world referent across documents"),
    Stage("link", "corpus", "newsprism.stages:link_records", "resolve",
          description="map local ids to corpus ids; gather claims, times and framing"),
    Stage("stories", "corpus", "newsprism.stages:cluster_stories", "align", "stories",
          description="events and storylines"),
    Stage("facts", "corpus", "newsprism.stages:align_facts", "align", "facts", requires=("claims",),
          description="claims aligned across outlets with a verdict"),
    Stage("timeline", "corpus", "newsprism.stages:build_timeline", "align", "timeline",
          description="dated events, sorted"),
    Stage("summary", "corpus", "newsprism.stages:summarize", "present", "summary",
          description="a neutral brief built from facts"),
]

_plugins: Optional[list[Stage]] = None


def plugin_stages() -> list[Stage]:
    """Stages from installed plugins (entry-point group ``newsprism.stages``), loaded once."""
    global _plugins
    if _plugins is None:
        _plugins = []
        for ep in sorted(entry_points(group="newsprism.stages"), key=lambda e: e.name):
            try:
                obj = ep.load()
                stage = obj if isinstance(obj, Stage) else obj()
                if not isinstance(stage, Stage):
                    raise TypeError(f"{ep.value} gave {type(stage).__name__}, not a Stage")
                _plugins.append(stage)
            except Exception as e:  # a broken plugin must not break the analysis
                warnings.warn(f"newsprism: plugin stage {ep.name!r} not loaded: {e}", stacklevel=2)
    return _plugins


def ordered(kind: str, extra: Optional[list[Stage]] = None) -> list[Stage]:
    """Every stage of one kind, on or off, in run order: plugins placed right after their `after`."""
    out = [s for s in BUILTIN if s.kind == kind]
    for p in plugin_stages() + list(extra or []):
        if p.kind != kind:
            continue
        names = [s.name for s in out]
        if p.after is None:
            out.append(p)
        elif p.after in names:
            out.insert(names.index(p.after) + 1, p)
        else:
            raise ValueError(f"stage {p.name!r}: after={p.after!r} is not a {kind} stage; "
                             f"valid names: {', '.join(names)}")
    return out


def stages(kind: str, cfg: Any, extra: Optional[list[Stage]] = None) -> list[Stage]:
    """The enabled stages of one kind, in run order."""
    return [s for s in ordered(kind, extra) if s.enabled(cfg)]


def run_order(extra: Optional[list[Stage]] = None) -> list[Stage]:
    """Everything a run does, in order: the run loop's own steps, the document stages, the corpus stages."""
    return STEPS + ordered("document", extra) + ordered("corpus", extra)


def describe(cfg: Any) -> list[dict[str, Any]]:
    """Every step and stage with its phase, kind and whether it is on, in run order (`newsprism config show`)."""
    return [{"name": s.name, "phase": s.phase, "kind": s.kind, "enabled": s.enabled(cfg), "description": s.description}
            for s in run_order()]


def order_markdown() -> str:
    """The phases, the built-in run order and the import layers as Markdown, for docs/architecture.md."""
    runs_on = {"document": "each document", "corpus": "all documents"}
    lines = [" → ".join(PHASES), "", "| phase | package holds |", "| --- | --- |"]
    lines += [f"| {name} | {job} |" for name, job in PHASES.items()]
    lines += ["", "| # | step | phase | runs on | what it does |", "| --- | --- | --- | --- | --- |"]
    for i, s in enumerate(STEPS + [s for s in BUILTIN if s.kind == "document"]
                          + [s for s in BUILTIN if s.kind == "corpus"], start=1):
        lines.append(f"| {i} | `{s.name}` | {s.phase} | {runs_on[s.kind]} | {s.description} |")
    lines += ["", "Import layers, lowest first: " + " < ".join(", ".join(f"`{m}`" for m in layer) for layer in LAYERS) + "."]
    return "\n".join(lines) + "\n"
