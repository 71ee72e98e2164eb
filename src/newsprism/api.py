"""The library's front door: `analyze()` and `iter_documents()`, and `Article` (from `read`) for text you hold."""
from __future__ import annotations

import logging
import os
from typing import Any, Iterable, Iterator, Optional

from .config import Config
from .model import Analysis, Document
from .read.base import Article

__all__ = ["Article", "analyze", "iter_documents"]

log = logging.getLogger("newsprism")


def _config(config: Optional[Config | str | os.PathLike], overrides: dict[str, Any]) -> Config:
    if isinstance(config, Config):
        return config.model_copy(deep=True) if not overrides else Config.load(overrides=overrides, **config.model_dump())
    return Config.load(config, overrides=overrides)


def analyze(inputs: Iterable[Any], config: Optional[Config | str | os.PathLike] = None, **overrides: Any) -> Analysis:
    """Analyze paths (files, directories), `Article`s or dicts with the JSONL fields.

    A plain string is a path only if it exists; text goes in an `Article`. `config` is a `Config`
    or a TOML file; keyword overrides take dotted names with `__`: ``dedup__near_threshold=0.9``.
    Inputs that cannot be used are logged (logger "newsprism") and skipped.
    """
    from .pipeline import run

    if isinstance(inputs, (str, os.PathLike, Article, dict)):
        inputs = [inputs]
    cfg = _config(config, {k.replace("__", "."): v for k, v in overrides.items()})
    return run(inputs, cfg, warn=lambda msg: log.warning("skipped %s", msg))


def iter_documents(inputs: Iterable[Any], config: Optional[Config | str | os.PathLike] = None) -> Iterator[Document]:
    """Cleaned documents, one at a time (memory bounded by the largest), for corpora larger than memory.
    Exact and near duplicates are not merged here: that needs the whole corpus."""
    from .pipeline import iter_cleaned

    if isinstance(inputs, (str, os.PathLike, Article, dict)):
        inputs = [inputs]
    yield from iter_cleaned(inputs, _config(config, {}), warn=lambda msg: log.warning("skipped %s", msg))
