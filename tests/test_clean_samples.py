"""The bundled sample corpus, cleaned as the pipeline cleans it, against its expected reading.

tests/fixtures/samples_expected.json says, for every sample article, which lines are page
chrome (they must be gone from the text), which phrases are the article's (they must stay),
and the metadata a reader takes from the page (title, author, published, outlet). Lines the
page prints twice must appear once.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.config import Config
from newsprism.model import Document
from newsprism.pipeline import iter_cleaned

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "tests" / "fixtures" / "samples_expected.json").read_text(encoding="utf-8"))
DOC_IDS = sorted(EXPECTED["documents"])
META_FIELDS = ("title", "author", "published", "outlet")


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Document]:
    warnings: list[str] = []
    docs = {doc.id: doc for doc in iter_cleaned([ROOT / "samples"], Config(), warn=warnings.append)}
    assert warnings == []
    return docs


def _lines(doc: Document) -> list[str]:
    return [line.strip() for line in doc.text.split("\n") if line.strip()]


def test_every_expected_sample_is_cleaned(cleaned):
    assert sorted(cleaned) == DOC_IDS


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_page_chrome_is_removed(cleaned, doc_id):
    doc = cleaned[doc_id]
    lines = _lines(doc)
    for chrome in EXPECTED["documents"][doc_id]["boilerplate"]:
        assert chrome not in lines, f"{doc_id}: chrome line kept: {chrome!r}"
        assert chrome not in doc.text, f"{doc_id}: chrome left inside the text: {chrome!r}"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_article_phrases_are_kept(cleaned, doc_id):
    text = " ".join(cleaned[doc_id].text.split())
    for phrase in EXPECTED["documents"][doc_id]["keep"]:
        assert " ".join(phrase.split()) in text, f"{doc_id}: body text lost: {phrase!r}"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_metadata_is_read_from_the_page(cleaned, doc_id):
    want = EXPECTED["documents"][doc_id]
    got = cleaned[doc_id]
    for name in META_FIELDS:
        if name in want:
            assert getattr(got, name) == want[name], f"{doc_id}.{name}"


@pytest.mark.parametrize("doc_id", sorted(EXPECTED["duplicate_lines"]))
def test_a_repeated_line_appears_once(cleaned, doc_id):
    lines = _lines(cleaned[doc_id])
    for line in EXPECTED["duplicate_lines"][doc_id]:
        assert lines.count(line) == 1, f"{doc_id}: {line!r} appears {lines.count(line)} times"
