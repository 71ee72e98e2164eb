"""Which language an article is written in (ISO 639-1), or None when the detector is unsure.

lingua is built once per process and per language set, restricted to the languages the
configuration expects (fewer candidates: faster and fewer confusions), in low-accuracy
mode, which is plenty for whole articles and much faster.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Optional, Sequence

# The opening paragraphs settle an article's language as well as the whole text does
# (same answers on the extraction benchmark and the BBC set); a short sample keeps it cheap.
_SAMPLE_CHARS = 1000
# With fewer letters than this the text is numbers or symbols: no language to report.
_MIN_LETTERS = 20
_LETTER = re.compile(r"[^\W\d_]")
# The best language must beat the runner-up by this much confidence, or we say None.
_MIN_MARGIN = 0.2


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = []
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            languages.append(Language.from_iso_code_639_1(iso))
    if len(languages) < 2:  # lingua needs two candidates; a one-language setup has nothing to decide
        return None
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _default_languages() -> tuple[str, ...]:
    from newsprism.config import LanguageConfig

    return tuple(LanguageConfig().languages)


def _sample(text: str) -> str:
    """The first _SAMPLE_CHARS characters, cut back to a word boundary."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", 0, _SAMPLE_CHARS + 1)
    return text[:cut] if cut > _SAMPLE_CHARS // 2 else text[:_SAMPLE_CHARS]


def detect_language(text: str, languages: Optional[Sequence[str]] = None) -> Optional[str]:
    """ISO 639-1 code of the text's language among `languages` (default: the configured set).

    >>> detect_language("The minister said on Monday that the talks would resume next week.")
    'en'
    >>> detect_language("12 345 678") is None
    True
    """
    codes = tuple(sorted({c.lower() for c in (languages or _default_languages())}))
    sample = _sample(text)
    if sum(1 for _ in islice(_LETTER.finditer(sample), _MIN_LETTERS)) < _MIN_LETTERS:
        return None
    if len(codes) == 1:
        return codes[0]
    detector = _detector(codes)
    if detector is None:
        return None
    ranked = detector.compute_language_confidence_values(sample)
    if not ranked or ranked[0].value <= 0:
        return None
    runner_up = ranked[1].value if len(ranked) > 1 else 0.0
    if ranked[0].value - runner_up < _MIN_MARGIN:
        return None
    return ranked[0].language.iso_code_639_1.name.lower()
