"""Loaded language: words and phrases that carry a judgment, with their exact offsets.

Two sources, merged:
  - newsprism's own news-specific list (`newsprism/data/loaded_terms.txt`, documented in docs/framing.md):
    verbs of attribution that cast doubt ("claimed", "admitted"), intensifiers ("blatant", "so-called"),
    labels ("terrorists", "regime"), emotive words ("slaughtered", "atrocities"), and a `neutral` list of
    words a sentiment lexicon scores but news uses as plain report ("killed", "war", "hostages");
  - maintained lexicons, when their packages are installed (read from the files they ship, never
    downloaded): VADER's valence lexicon (vaderSentiment) for strongly valenced words and TextBlob's
    subjectivity lexicon of adjectives (textblob's en-sentiment.xml) for strongly subjective ones.
Words inside quotations are kept, their category marked ";quoted": the outlet chose to quote them.
"""
from __future__ import annotations

import functools
import importlib.resources
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from ..model import Document, LoadedTerm
from .quotes import inside

QUOTED = ";quoted"


@dataclass(frozen=True)
class Entry:
    category: str          # e.g. "news/intensifier", "vader/negative", "textblob/subjective"
    pos: Optional[str] = None


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, Entry]                 # single words: token text or lemma, lower-cased
    phrases: dict[str, Entry]               # several words, matched in sequence
    neutral: frozenset[str]


def _news_list() -> tuple[dict[str, Entry], dict[str, Entry], set[str]]:
    words: dict[str, Entry] = {}
    phrases: dict[str, Entry] = {}
    neutral: set[str] = set()
    text = importlib.resources.files("newsprism").joinpath("data", "loaded_terms.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        term, category = parts[0].strip().lower(), parts[1].strip()
        pos = parts[2].strip() if len(parts) > 2 and parts[2].strip() else None
        if category == "neutral":
            neutral.add(term)
        elif re.search(r"[\s-]", term):
            phrases[term] = Entry("news/" + category, pos)
        else:
            words[term] = Entry("news/" + category, pos)
    return words, phrases, neutral


def _package_file(package: str, *parts: str) -> Optional[Path]:
    """A data file shipped inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        p = Path(base).joinpath(*parts)
        if p.is_file():
            return p
    return None


def _vader(min_valence: float) -> dict[str, Entry]:
    path = _package_file("vaderSentiment", "vader_lexicon.txt")
    out: dict[str, Entry] = {}
    if path is None:
        return out
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"[a-z][a-z'-]+", parts[0]):
            continue   # emoticons and abbreviations are not news words
        try:
            valence = float(parts[1])
        except ValueError:
            continue
        if abs(valence) >= min_valence:
            out[parts[0]] = Entry("vader/" + ("negative" if valence < 0 else "positive"))
    return out


def _textblob(min_subjectivity: float, min_polarity: float) -> dict[str, Entry]:
    path = _package_file("textblob", "en", "en-sentiment.xml")
    out: dict[str, Entry] = {}
    if path is None:
        return out
    from defusedxml import ElementTree

    senses: dict[str, list[tuple[float, float]]] = {}
    for w in ElementTree.parse(str(path)).getroot().iter("word"):
        if w.get("pos") != "JJ":
            continue
        form = (w.get("form") or "").lower()
        try:
            senses.setdefault(form, []).append((float(w.get("subjectivity", 0)), float(w.get("polarity", 0))))
        except ValueError:
            continue
    for form, vals in senses.items():
        subj = sum(s for s, _ in vals) / len(vals)
        pol = sum(p for _, p in vals) / len(vals)
        if subj >= min_subjectivity and abs(pol) >= min_polarity and re.fullmatch(r"[a-z][a-z'-]+", form):
            out[form] = Entry("textblob/subjective", "ADJ")
    return out


@functools.lru_cache(maxsize=8)
def lexicon(sources: tuple[str, ...] = ("news", "vader", "textblob"), min_valence: float = 2.5,
            min_subjectivity: float = 0.8, min_polarity: float = 0.5) -> Lexicon:
    """The merged lexicon; the news list wins over the general lexicons, `neutral` removes words from both."""
    words, phrases, neutral = _news_list()
    merged: dict[str, Entry] = {}
    if "textblob" in sources:
        merged.update(_textblob(min_subjectivity, min_polarity))
    if "vader" in sources:
        merged.update(_vader(min_valence))
    if "news" in sources:
        merged.update(words)
    else:
        phrases = {}
    for w in neutral:
        merged.pop(w, None)
    return Lexicon(merged, phrases, frozenset(neutral))


def available_lexicons() -> list[str]:
    """Which general lexicons this installation can read."""
    out = []
    if _package_file("vaderSentiment", "vader_lexicon.txt"):
        out.append("vader")
    if _package_file("textblob", "en", "en-sentiment.xml"):
        out.append("textblob")
    return out


def loaded_terms(document: Document, sdoc: Doc, lex: Lexicon, quotes: list[tuple[int, int]]) -> list[LoadedTerm]:
    """Every loaded word or phrase in the document, in text order, with exact offsets."""
    text = document.text
    found: dict[tuple[int, int], str] = {}
    covered: set[int] = set()
    for phrase, entry in lex.phrases.items():
        pat = r"(?<!\w)" + r"[\s-]+".join(re.escape(p) for p in re.split(r"[\s-]+", phrase)) + r"(?!\w)"
        for m in re.finditer(pat, text, re.I):
            found[(m.start(), m.end())] = entry.category
            covered.update(range(m.start(), m.end()))
    for t in sdoc:
        if not t.is_alpha or t.idx in covered:
            continue
        low, lemma = t.lower_, t.lemma_.lower()
        if low in lex.neutral or lemma in lex.neutral:
            continue
        entry = lex.words.get(low) or lex.words.get(lemma)
        if entry is None or (entry.pos and t.pos_ != entry.pos):
            continue
        if t.pos_ == "PROPN" and t.ent_type_:
            continue   # part of a name ("Radical Party", "Liberty Party") is not the outlet's word
        found[(t.idx, t.idx + len(t.text))] = entry.category
    out = []
    for (s, e), cat in sorted(found.items()):
        if inside(quotes, s, e):
            cat += QUOTED
        out.append(LoadedTerm(doc=document.id, start=s, end=e, text=text[s:e], category=cat))
    return out


def word_count(sdoc: Doc) -> int:
    return sum(1 for t in sdoc if t.is_alpha)


def density(terms: list[LoadedTerm], words: int) -> float:
    """Loaded terms per 100 words."""
    return round(100.0 * len(terms) / words, 3) if words else 0.0
