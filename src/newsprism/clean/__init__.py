"""Cleaning: turn one raw item (plain text or HTML) into a Document with its metadata.

    normalize_text  -> one spelling of spaces and line ends (normalize.py)
    clean_lines     -> body lines kept, chrome dropped with reasons, head metadata (lines.py;
                       each line's features in chrome.py, datelines and headlines in metadata.py,
                       bylines and source lines in bylines.py); lighter on text an HTML extractor
                       already chose (repeats, links, foot stay)
    detect_language -> ISO 639-1 or None (language.py)

Metadata the input gives (title, author, published, outlet, url) wins over what the text
or HTML states.
"""
from __future__ import annotations

import re
from typing import Optional

from newsprism.clean.consent import only_chrome
from newsprism.clean.language import detect_language
from newsprism.clean.lines import CleanedText, clean_lines
from newsprism.clean.normalize import normalize_text
from newsprism.clean.visible import visible_text
from newsprism.config import Config
from newsprism.model import Document
from newsprism.read.base import RawItem, ReadError

__all__ = ["clean_item", "clean_lines", "normalize_text", "detect_language", "CleanedText"]


def _first(*values: Optional[str]) -> Optional[str]:
    """The first value that says something (empty strings say nothing)."""
    for v in values:
        if v is not None and str(v).strip():
            return str(v).strip()
    return None


def _split_names(author: Optional[str]) -> list[str]:
    """"Jane Doe and John Roe" -> both names; a byline read from text or given by the input."""
    if not author:
        return []
    return [n for n in re.split(r"\s*(?:,|;|&|\band\b)\s*", author) if n]


def _chosen(field: str, given: Optional[str], extracted: object, cleaned: Optional[str],
            sources: dict[str, str]) -> Optional[str]:
    """The first value of `field` that says something (input, page, text), its source noted."""
    page_value = getattr(extracted, field, None)
    for value, source in ((given, "input"), (page_value, (getattr(extracted, "metadata_source", {}) or {}).get(field)),
                          (cleaned, "text")):
        value = _first(value)
        if value:
            sources[field] = source or "text"
            return value
    return None


def clean_item(item: RawItem, cfg: Config) -> Document | ReadError:
    """The cleaned Document for one raw item, or a ReadError when no article text remains."""
    extracted = None
    raw = item.text or ""
    notes = list(item.notes)
    by_extractor = False
    if item.html is not None and (item.kind == "html" or not item.text):
        from newsprism.clean.html import extract_html  # lazily: HTML parsing libraries load only when needed

        try:
            extracted = extract_html(item.html or "", item.url, cfg.clean.headline_overlap,
                                     cfg.clean.min_sentence_chars)
        except Exception as exc:  # a broken page is one input's problem, not the run's
            return ReadError(item.source, f"could not extract text from HTML ({type(exc).__name__}: {exc})")
        raw = getattr(extracted, "text", None) or ""
        by_extractor = bool(raw)
        if not raw:  # nested too deep, a <title> never closed...: what a reader of the page would see
            raw, seen_title = visible_text(item.html)
            if raw:
                notes.append("no article found by the HTML extractor: the page's visible text was cleaned instead")
                extracted.title = seen_title or (extracted.title if "<" not in (extracted.title or "") else None)

    given_title = _first(item.title, getattr(extracted, "title", None))
    cleaned = clean_lines(normalize_text(raw), cfg.clean, known_title=given_title, extracted=by_extractor)
    if len(cleaned.text) < max(cfg.read.min_chars, 1):
        return ReadError(item.source, f"no article text after cleaning ({len(cleaned.text)} chars)")
    chrome = only_chrome(cleaned.text, cfg.clean.min_sentence_chars, cfg.clean.gate_max_chars)
    if chrome:
        return ReadError(item.source, f"only {chrome}, no article text")

    language = None
    if cfg.language.detect:
        language = detect_language(cleaned.text, cfg.language.languages)
    language = language or _first(getattr(extracted, "language", None))

    sources: dict[str, str] = {}
    author = _chosen("author", item.author, extracted, cleaned.author, sources)
    page_authors = list(getattr(extracted, "authors", None) or [])
    return Document(
        id=item.id or "",
        source=item.source,
        sources=[item.source],
        url=_first(item.url, getattr(extracted, "url", None)),
        title=_chosen("title", item.title, extracted, cleaned.title, sources),
        author=author,
        authors=page_authors if sources.get("author") not in (None, "input", "text") else _split_names(author),
        outlet=_chosen("outlet", item.outlet, extracted, cleaned.outlet, sources),
        published=_chosen("published", item.published, extracted, cleaned.published, sources),
        metadata_source=sources,
        language=language,
        text=cleaned.text,
        removed=list(getattr(extracted, "removed", None) or []) + cleaned.removed,
        notes=notes,
    )
