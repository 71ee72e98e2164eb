"""The framing component: one Framing per document, every span exact, deterministic."""
from __future__ import annotations

from newsprism.config import Config
from newsprism.extract.framing import component
from newsprism.model import Document
from newsprism.records import DocRecord
from newsprism.resolve import mentions

TEXT = ("The Northern Front, the armed separatist movement that holds the valley, is considered a criminal network "
        "by Interpol. \"Northern Front fighters are brutal thugs,\" said Minister Anna Varga. "
        "The group rejected the claim, according to Radio Kestrel. The movement said it would respond.")


def run(nlp):
    doc = Document(id="d1", text=TEXT)
    sdoc = nlp(TEXT)
    record = DocRecord(doc="d1")
    mentions.component(doc, sdoc, record, Config())
    component(doc, sdoc, record, Config())
    return doc, record


def test_component_fills_record_framing(nlp):
    doc, record = run(nlp)
    f = record.framing
    assert f is not None and f.doc == "d1"
    front = next(a for a in f.actors if "Northern Front" in a.name)
    assert {"armed separatist movement", "criminal network", "fighters", "group", "movement"} <= set(front.labels)
    assert front.entity is not None and front.entity.startswith("d1@")
    assert any(v.speaker == "Anna Varga" for v in f.voices)
    assert {"brutal", "thugs"} <= {t.text for t in f.loaded_terms}
    assert f.loaded_density > 0


def test_every_span_is_exact(nlp):
    doc, record = run(nlp)
    f = record.framing
    spans = [s for a in f.actors for s in a.label_spans] + list(f.loaded_terms) + [s for v in f.voices for s in v.spans]
    assert spans
    for s in spans:
        assert s.doc == "d1" and doc.text[s.start:s.end] == s.text


def test_deterministic(nlp):
    a = run(nlp)[1].framing.model_dump()
    b = run(nlp)[1].framing.model_dump()
    assert a == b
