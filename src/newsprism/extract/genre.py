"""Genre of one document — news | opinion | analysis | press_release | other — from visible features.

Every feature is a plain count or rate a reader can check, kept in `genre_features` beside the verdict;
the verdict is a transparent weighted sum, no trained model. Opinion writing speaks in its own voice:
first person outside quotes, rhetorical questions, exclamations, "should"/"must", evaluative words,
"it is obvious that". News reports what others say: a high share of attributed sentences pulls the
score down. Press releases carry their own furniture ("For immediate release", "About <company>",
"Media contact"); analysis pieces announce themselves ("Analysis:", "explainer", "what it means").
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from ..model import Document, LoadedTerm
from .loaded import QUOTED
from .quotes import inside
from .voices import Speech

FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
OBLIGATION = frozenset({"should", "must", "ought"})
EVALUATIVE_OPENER = re.compile(
    r"^\s*(it\s+(is|was|seems|appears|should\s+be)\s+(quite\s+|very\s+|abundantly\s+)?"
    r"(obvious|clear|evident|plain|noted|shameful|outrageous|absurd|telling|striking|undeniable)|"
    r"(clearly|obviously|undoubtedly|surely|of course|sadly|tragically|regrettably|frankly|unfortunately),)", re.I)
PRESS_RELEASE = re.compile(
    r"for immediate release|media contact|press contact|investor relations|forward-looking statements|"
    r"\bis (pleased|proud|delighted|excited) to (announce|introduce|launch)|^about [A-Z][\w&.-]+( [A-Z][\w&.-]+)*\s*$|"
    r"^#{3}\s*$|\((nyse|nasdaq|lse|tsx)\s*:\s*[a-z.]+\)|\bpr newswire\b|\bbusiness wire\b|\bglobenewswire\b",
    re.I | re.M)
ANALYSIS = re.compile(r"^\s*(analysis|news analysis|explainer|explained|the big picture)\s*[:|—-]|"
                      r"\b(what it means|why it matters|what we know|what to know|explained)\b", re.I)
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,40}(,\s*[A-Z][A-Za-z. ]{1,30})?\s*(\([A-Za-z ]+\))?\s*[—–-]{1,2}\s")

# Weights of the opinion score (each feature a rate per sentence unless named otherwise).
OPINION_WEIGHTS: dict[str, float] = {
    "first_person_singular": 3.0,
    "first_person_plural": 2.0,
    "rhetorical_questions": 3.0,
    "exclamations": 2.0,
    "obligation_modals": 3.0,
    "evaluative_openers": 3.0,
    "own_loaded_per_100_words": 0.1,
    "headline_question": 0.3,
    "attributed_share": -1.0,
}
OPINION_THRESHOLD = 0.35
MIN_WORDS = 60


def features(document: Document, sdoc: Doc, speeches: list[Speech], terms: list[LoadedTerm],
             quotes: list[tuple[int, int]]) -> dict[str, float]:
    """The visible features of the document's genre, as numbers."""
    text = document.text
    sents = [s for s in sdoc.sents if any(t.is_alpha for t in s)]
    n = max(len(sents), 1)
    words = sum(1 for t in sdoc if t.is_alpha)
    own = [s for s in sents if not inside(quotes, s.start_char, s.end_char)]

    def outside(tok) -> bool:
        return not inside(quotes, tok.idx, tok.idx + len(tok.text))

    fp1 = sum(1 for t in sdoc if t.lower_ in FIRST_SINGULAR and t.pos_ == "PRON" and outside(t))
    fp2 = sum(1 for t in sdoc if t.lower_ in FIRST_PLURAL and t.pos_ == "PRON" and outside(t))
    questions = sum(1 for s in own if s.text.rstrip().rstrip(" \"'”’»)").endswith("?"))
    exclaims = sum(1 for s in own if s.text.rstrip().rstrip(" \"'”’»)").endswith("!"))
    attributed = sum(1 for s in sents if any(sp.start < s.end_char and s.start_char < sp.end for sp in speeches)
                     or inside(quotes, s.start_char, s.end_char))
    attributed_sents = {s.start for s in sents if any(sp.start < s.end_char and s.start_char < sp.end and not sp.quoted
                                                      for sp in speeches)}
    modals = sum(1 for t in sdoc if t.lower_ in OBLIGATION and t.tag_ == "MD" and outside(t)
                 and t.sent.start not in attributed_sents)
    openers = sum(1 for s in own if EVALUATIVE_OPENER.match(s.text))
    imperatives = sum(1 for s in own if s.root.tag_ == "VB" and s.root.i == s.start
                      and not any(c.dep_.startswith("nsubj") for c in s.root.children))
    own_loaded = sum(1 for t in terms if not (t.category or "").endswith(QUOTED))
    title = (document.title or "").strip()
    return {
        "words": float(words),
        "sentences": float(len(sents)),
        "first_person_singular": round(fp1 / n, 3),
        "first_person_plural": round(fp2 / n, 3),
        "rhetorical_questions": round(questions / n, 3),
        "exclamations": round(exclaims / n, 3),
        "obligation_modals": round(modals / n, 3),
        "evaluative_openers": round(openers / n, 3),
        "imperatives": round(imperatives / n, 3),
        "own_loaded_per_100_words": round(100.0 * own_loaded / words, 3) if words else 0.0,
        "attributed_share": round(attributed / n, 3),
        "headline_question": 1.0 if title.endswith("?") else 0.0,
        "byline": 1.0 if document.author else 0.0,
        "dateline": 1.0 if (document.published or DATELINE.match(text)) else 0.0,
        "press_release_markers": float(len(PRESS_RELEASE.findall(text[:400] + "\n" + text[-1500:]))),
        "analysis_markers": float(bool(ANALYSIS.search(title)) + bool(ANALYSIS.search(text[:200]))),
    }


def opinion_score(f: dict[str, float]) -> float:
    return round(sum(w * f.get(k, 0.0) for k, w in OPINION_WEIGHTS.items()), 3)


def classify(f: dict[str, float], threshold: Optional[float] = None) -> str:
    """The verdict from the features: press release and analysis markers first, then the opinion score."""
    if f.get("words", 0.0) < MIN_WORDS:
        return "other"
    if f.get("press_release_markers", 0.0) >= 2:
        return "press_release"
    score = opinion_score(f)
    if score >= (OPINION_THRESHOLD if threshold is None else threshold):
        return "opinion"
    if f.get("analysis_markers", 0.0) >= 1:
        return "analysis"
    return "news"
