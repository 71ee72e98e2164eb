"""Texts and fixtures shared by the tests of the mention modules (candidates, titles, mentions):
each test runs the whole per-document component and reads the part its module decides."""
from __future__ import annotations

import pytest

from newsprism.config import Config
from newsprism.model import Document
from newsprism.records import DocRecord
from newsprism.resolve.mentions import component

ARTICLE = (
    "Chile and Ukraine Sign Grain Pact\n\n"
    "Deputy Foreign Minister of Chile Rodrigo Alvarez met Ukrainian Foreign Minister Dmytro Kuleba in Kyiv "
    "on Monday. Kuleba's spokesman said the talks had gone well. The Chilean foreign ministry confirmed the "
    "visit, and the ministry later published photographs of the meeting.\n\n"
    "Mr Alvarez also met officials from the Caprivi Strip and from Hezbollah’s political wing. Alvarez told "
    "reporters that Chile would send wheat. Ukrainians welcomed the deal.\n\n"
    "Then-President Lula da Silva met the Kenyan envoy. NATO, the North Atlantic Treaty Organization, "
    "also spoke. Foreign ministry spokeswoman Hua Chunying said Hua's remarks were clear."
)


@pytest.fixture(scope="module")
def record(nlp):
    doc = Document(id="d1", text=ARTICLE)
    rec = DocRecord(doc="d1")
    component(doc, nlp(ARTICLE), rec, Config())
    return rec


def by_name(record, name):
    found = [e for e in record.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in record.entities]}"
    return found[0]


# Sentences where spaCy's small model tags titles, nationalities and names the wrong way round.
TITLED = (
    "The delegation, led by Kyrgyzstan's Deputy Minister of Transport Almaz Tokonov, arrived on Monday. "
    "Tokonov, who oversees logistics, met Uzbek Transport Minister Rustam Karimbekov. "
    "A Kyrgyz delegation visited 40 Kyrgyz firms. Tokonov is scheduled to travel to Tashkent on Wednesday.\n\n"
    "The talks, led by Armenia’s Deputy Minister of Economy Gor Sargsyan, ended late. "
    "Georgian Transport Minister Nino Kapanadze flew home, where Mayor Ines Olmedo met her. "
    "The new route is a bridge between the Caspian and the Danube. "
    "Quays at the Port of Valparaiso and the Ministry of Trade of Peru were busy; the Peruvian ministry said so."
)


@pytest.fixture(scope="module")
def titled(nlp):
    rec = DocRecord(doc="t")
    component(Document(id="t", text=TITLED), nlp(TITLED), rec, Config())
    return rec
