"""newsprism: many articles about one story — what they agree on, where they differ, who is who,
when, and how each outlet frames it, every statement traced to the exact characters.

    >>> import newsprism
    >>> a = newsprism.analyze([newsprism.Article(text="...", id="x")])   # doctest: +SKIP
"""
from .api import Article, analyze, iter_documents
from .config import Config
from .model import (Actor, Analysis, Claim, Document, Entity, Fact, Framing, LabelSpan, LoadedTerm, Mention,
                    Position, Span, Story, SummarySentence, Time, TimelineEntry, Voice, json_schema)
from .registry import Stage
from . import present  # noqa: F401  registers the views Analysis.to_markdown() and Analysis.to_html()

__version__ = "0.1.0"
__all__ = ["Article", "analyze", "iter_documents", "Config", "Analysis", "Document", "Span", "Mention", "Entity",
           "Claim", "Position", "Fact", "Time", "TimelineEntry", "Framing", "Actor", "LabelSpan", "LoadedTerm",
           "Voice", "Story", "SummarySentence", "Stage", "json_schema"]
