"""Stories: per-document evidence for clustering, and the batch entry point over a `StoryIndex`.

`features_component` is a pure function of one parsed document; its result is a small dict of
plain data (strings, ints, lists) that a worker process can pickle and the story index
(align/storyindex.py) consumes without spaCy. `cluster_stories` groups a batch into events and
storylines.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any, Iterable, Optional

from unidecode import unidecode

from ..lexicon.dates import MONTH, MONTHS
from ..model import Story
from .storyindex import Row, StoryIndex

__all__ = ["features_component", "cluster_stories", "StoryIndex", "document_features", "name_key", "mentioned_dates"]

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB"})
# Named-entity labels that identify who and where, not quantities.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
MAX_TERMS = 250          # the record stays small; the long tail carries little signal
MAX_NAMES = 80

_MONTH = rf"({MONTH})\.?"     # the lexicon's month words, captured (MONTHS reads them)
_YEAR = r"((?:19|20)\d\d)(?!\d)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# "October 29, 2023", "Oct.26 - 2023", "September 11 2022"
_MDY = re.compile(rf"\b{_MONTH}\s*{_DAY}\b[\s,\-–]*{_YEAR}", re.I)
# "10 September 2022", "29th of October, 2023"
_DMY = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}[\s,]+{_YEAR}", re.I)
# "October 2023"
_MY = re.compile(rf"\b{_MONTH}[\s,]+{_YEAR}", re.I)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_BARE_YEAR = re.compile(_YEAR.replace("(?!\\d)", r"\b"))
_KEY_JUNK = re.compile(r"[^a-z0-9 ]+")
_LEADING_THE = re.compile(r"^the ")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.U)


def name_key(text: str) -> str:
    """A name folded for matching: ASCII, lower case, no punctuation, no leading 'the', no possessive."""
    s = unidecode(text).lower()
    s = re.sub(r"['’]s\b", "", s)
    s = _KEY_JUNK.sub(" ", s)
    s = _LEADING_THE.sub("", " ".join(s.split()))
    return s


def iso_day(value: Optional[str]) -> Optional[str]:
    """The YYYY-MM-DD prefix of an ISO date or timestamp, or None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", str(value))
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _valid(y: int, m: int, d: int = 1) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def mentioned_dates(text: str, date_ent_texts: Iterable[str] = ()) -> list[str]:
    """Explicit calendar dates the text writes out with a year, as ISO prefixes (YYYY-MM-DD or YYYY-MM),
    then bare years found inside DATE entities (YYYY). Relative dates ("on Sunday") are left out on
    purpose: without a publication date they cannot be placed."""
    found: list[str] = []
    covered: list[tuple[int, int]] = []
    for rx, order in ((_MDY, "mdy"), (_DMY, "dmy")):
        for m in rx.finditer(text):
            if order == "mdy":
                mon, day, yr = m.group(1), m.group(2), m.group(3)
            else:
                day, mon, yr = m.group(1), m.group(2), m.group(3)
            mo = MONTHS.get(mon.lower().rstrip("."))
            if mo and _valid(int(yr), mo, int(day)):
                found.append(f"{int(yr):04d}-{mo:02d}-{int(day):02d}")
                covered.append(m.span())
    for m in _ISO.finditer(text):
        if _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            found.append(m.group(0))
            covered.append(m.span())
    for m in _MY.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        mo = MONTHS.get(m.group(1).lower().rstrip("."))
        if mo:
            found.append(f"{int(m.group(2)):04d}-{mo:02d}")
    for t in date_ent_texts:
        for m in _BARE_YEAR.finditer(t):
            found.append(m.group(1))
    return found


def _content_lemma(tok: Any) -> Optional[str]:
    if tok.pos_ not in CONTENT_POS or tok.is_stop or not tok.is_alpha or len(tok.text) < 2:
        return None
    # proper nouns keep their surface form: the lemmatizer mangles unknown names
    lemma = tok.text if tok.pos_ == "PROPN" else tok.lemma_
    lemma = unidecode(lemma).lower()
    return lemma if len(lemma) > 1 and lemma.isalpha() else None


def document_features(text: str, title: Optional[str], published: Optional[str], sdoc: Any,
                      entity_names: Iterable[tuple[str, int]] = ()) -> dict[str, Any]:
    """The features of one parsed document (see `features_component`)."""
    terms: Counter[str] = Counter()
    lemma_of: dict[str, str] = {}
    for tok in sdoc:
        lemma = _content_lemma(tok)
        if lemma:
            terms[lemma] += 1
            lemma_of.setdefault(tok.lower_, lemma)
    names: Counter[str] = Counter()
    date_texts: list[str] = []
    for ent in sdoc.ents:
        if ent.label_ == "DATE":
            date_texts.append(ent.text)
        if ent.label_ not in NAME_LABELS:
            continue
        key = name_key(ent.text)
        if len(key) < 2:
            continue
        names[key] += 1
        parts = key.split()
        if ent.label_ == "PERSON" and len(parts) > 1:
            names[parts[-1]] += 1          # "Ana Lima" and "Lima" are the same person
    for name, count in entity_names:
        key = name_key(name)
        if len(key) > 1:
            names[key] += max(1, count)
    title_terms: list[str] = []
    for w in _WORD.findall(title or ""):
        lemma = lemma_of.get(w.lower())
        if lemma is None:
            folded = unidecode(w).lower()
            lemma = folded if folded.isalpha() and len(folded) > 2 and folded in terms else None
        if lemma and lemma not in title_terms:
            title_terms.append(lemma)
    return {
        "terms": dict(sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]),
        "names": dict(sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NAMES]),
        "title": title or None,
        "title_terms": title_terms,
        "published": iso_day(published),
        "dates": sorted(set(mentioned_dates(text, date_texts))),
    }


def features_component(document: Any, sdoc: Any, record: Any, cfg: Any) -> None:
    """Fill `record.features` with what story clustering needs (compact, picklable).

    Runs after the entities component: the names of the document's own entity clusters
    (`record.entities`) are added to the name keys, weighted by their mention counts.
    """
    entity_names = [(e.name, len(e.mentions) or 1) for e in (record.entities or []) if getattr(e, "name", None)]
    record.features = document_features(
        document.text or "", document.title, record.published or document.published, sdoc, entity_names)
    if getattr(getattr(cfg, "stories", None), "embeddings", False):
        _add_embedding(document, sdoc, record)


def _add_embedding(document: Any, sdoc: Any, record: Any) -> None:
    """`features["embedding"]`: the unit vector of the headline and first sentences (optional extra).
    Without the extra the document keeps its other features and says why it has no vector."""
    from .embeddings import EmbeddingsUnavailable, embed, lead_text   # only when asked: keeps torch out

    text = document.text or ""
    sentences = [(s.start_char, s.end_char) for s in sdoc.sents] if sdoc.has_annotation("SENT_START") else []
    try:
        record.features["embedding"] = embed([lead_text(document.title, text, sentences)])[0]
    except EmbeddingsUnavailable as e:
        record.notes.append(f"story embeddings skipped: {e}")


def document_row(doc_id: str, doc_published: Optional[str], record: Any,
                 entity_map: dict[str, str]) -> tuple[tuple[int, str, str], Row]:
    """One document's place in the batch order (publication day, ties by id; undated ones after the dated
    ones) and its index row (id, features, day, the corpus keys of its resolved entities, one per mention, so
    frequent ones weigh more). `entity_map` maps local entity ids ("<doc>@<n>") to corpus-level keys; it
    needs only this record's own ids."""
    features = record.features or {}
    day = features.get("published") or iso_day(record.published or doc_published)
    ids: list[str] = []
    for ent in record.entities or []:
        corpus_id = entity_map.get(ent.id)
        if corpus_id:
            ids.extend([corpus_id] * max(1, len(ent.mentions)))
    return ((0, day, doc_id) if day else (1, "", doc_id)), (doc_id, features, day, ids)


def add_documents(index: StoryIndex, documents: list[Any], records: list[Any], entity_map: dict[str, str]) -> StoryIndex:
    """Feed the documents the index does not hold yet as one batch, in publication order (ties by id),
    undated ones last (`document_row`); a document's resolved entities are its strongest evidence."""
    by_doc = {r.doc: r for r in records}
    keyed = [document_row(d.id, d.published, by_doc[d.id], entity_map)
             for d in documents if d.id in by_doc and d.id not in index.doc_event]
    index.add_many(row for _, row in sorted(keyed, key=lambda kr: kr[0]))
    return index


def cluster_stories(documents: list[Any], records: list[Any], entity_map: dict[str, str], cfg: Any) -> list[Story]:
    """Events and storylines of a batch: documents fed in publication order into a fresh `StoryIndex`."""
    return add_documents(StoryIndex(cfg), documents, records, entity_map).stories()
