"""One registry of named stages, built-in and plugged in.

Two kinds of stage, as in spaCy's pipeline of components:

- ``document`` stages run once per document on its single spaCy parse, in worker processes:
  ``fn(document, sdoc, record, cfg) -> None`` fills the document's `DocRecord`. They are pure
  functions of their inputs, so a Spark job can map them unchanged.
- ``corpus`` stages run once over the compact records of all documents:
  ``fn(corpus) -> None`` reads `corpus.records` / `corpus.analysis` and fills a section of the analysis.

Plugins add stages through the ``newsprism.stages`` entry-point group: each entry point loads a
`Stage` (or a zero-argument callable returning one). A plugin stage runs after the built-in stage
named in its ``after`` (default: after every built-in stage of its kind).
"""
from __future__ import annotations

import importlib
import logging
import warnings
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Callable, Literal, Optional

log = logging.getLogger(__name__)

PHASES = ("read", "clean", "parse", "resolve", "extract", "align", "present")

# Import layers, lowest first: a module imports its own layer and the layers below it, never one above
# (tests/test_imports.py walks every import, lazy ones too). The phases are layers in their run order:
# each builds on what the earlier ones made. Names are modules or packages under `newsprism`.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("lexicon",),                                      # words and numbers of news language
    ("disjoint", "config", "model", "schema"),         # the contract and the settings
    ("records",),                                      # what per-document stages hand on
    *((phase,) for phase in PHASES),
    ("registry", "stages", "store", "pipeline", "api"),   # running the phases
    ("cli", "web", "present.web", "newsprism"),        # applications and the package's front door
)


@dataclass(frozen=True)
class Stage:
    name: str
    kind: Literal["document", "corpus"]
    target: str | Callable[..., Any]       # "module:function" (imported when first run) or the callable
    phase: str = "extract"
    switch: Optional[str] = None           # Config.stages attribute that turns the stage off
    after: Optional[str] = None            # plugins: run after this stage
    description: str = ""
    requires: tuple[str, ...] = field(default=())  # switches that must be on too

    def load(self) -> Callable[..., Any]:
        if callable(self.target):
            return self.target
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)

    def enabled(self, cfg: Any) -> bool:
        switches = ([self.switch] if self.switch else []) + list(self.requires)
        return all(getattr(cfg.stages, s, True) for s in switches)


BUILTIN: list[Stage] = [
    # per document, on the one parse, in this order
    Stage("mentions", "document", "newsprism.resolve.mentions:component", "extract", "entities",
          description="named-entity mentions and within-document clusters"),
    Stage("times", "document", "newsprism.extract.times:component", "extract", "times",
          description="temporal expressions, normalized against the publication date"),
    Stage("claims", "document", "newsprism.extract.claims:component", "extract", "claims",
          description="checkable statements: who did what, how many, when, according to whom"),
    Stage("framing", "document", "newsprism.extract.framing:component", "extract", "framing",
          description="actor labels, loaded terms, genre and voices of one document"),
    Stage("story_features", "document", "newsprism.align.stories:features_component", "extract", "stories",
          description="terms and names for story clustering"),
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


def stages(kind: str, cfg: Any, extra: Optional[list[Stage]] = None) -> list[Stage]:
    """The enabled stages of one kind, in run order, plugins placed after their `after` stage."""
    ordered = [s for s in BUILTIN if s.kind == kind]
    for p in plugin_stages() + list(extra or []):
        if p.kind != kind:
            continue
        names = [s.name for s in ordered]
        at = names.index(p.after) + 1 if p.after in names else len(ordered)
        ordered.insert(at, p)
    return [s for s in ordered if s.enabled(cfg)]


def describe(cfg: Any) -> list[dict[str, Any]]:
    """Every stage with its phase, kind and whether it is on (for `newsprism config show`)."""
    out = []
    for s in BUILTIN + plugin_stages():
        out.append({"name": s.name, "phase": s.phase, "kind": s.kind, "enabled": s.enabled(cfg),
                    "description": s.description})
    return out
