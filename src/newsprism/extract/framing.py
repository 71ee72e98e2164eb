"""Framing of one document: actor labels, loaded language, genre and voices, side by side.

A pure per-document component. It runs after entities and claims on the same parse and only
describes what the text does (which words it uses, whom it quotes); it never scores an outlet.
The work lives in voices.py (who speaks), labels.py (what actors are called), loaded.py (loaded
words) and genre.py (news, opinion, ...); this module puts the results into `record.framing`.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..config import Config
from ..model import Document, Framing
from ..records import DocRecord
from . import genre as genre_mod
from .labels import actors_of, find_labels
from .loaded import density, lexicon, loaded_terms, word_count
from .quotes import quote_spans
from .voices import speeches, voices_of


def framing_of(document: Document, sdoc: Doc, record: DocRecord, cfg: Config) -> Framing:
    """The document's Framing; local entity ids (`<doc>@<n>`) in actors, voices and label attributions."""
    fc = cfg.framing
    quotes = quote_spans(document.text)
    found = speeches(document, sdoc, record)
    labels = find_labels(document, sdoc, record, found, quotes, fc.max_label_words)
    lex = lexicon(tuple(fc.lexicons), fc.vader_min_valence, fc.textblob_min_subjectivity, fc.textblob_min_polarity)
    terms = loaded_terms(document, sdoc, lex, quotes)
    feats = genre_mod.features(document, sdoc, found, terms, quotes)
    feats["opinion_score"] = genre_mod.opinion_score(feats)
    return Framing(
        doc=document.id,
        genre=genre_mod.classify(feats),  # type: ignore[arg-type]
        genre_features=feats,
        actors=actors_of(document, record, labels, fc.max_label_words),
        loaded_terms=terms,
        loaded_density=density(terms, word_count(sdoc)),
        voices=voices_of(document, found),
    )


def component(document: Document, sdoc: Doc, record: DocRecord, cfg: Config) -> None:
    """Per-document stage: set `record.framing`."""
    record.framing = framing_of(document, sdoc, record, cfg)
