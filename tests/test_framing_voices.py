"""Voices: who is quoted or paraphrased, with the speaker on either side of the quote."""
from __future__ import annotations

from newsprism.config import Config
from newsprism.extract.voices import introduced_as_press, speeches, voices_of
from newsprism.model import Document
from newsprism.records import DocRecord
from newsprism.resolve import mentions


def voices(nlp, text: str):
    doc = Document(id="v", text=text)
    sdoc = nlp(text)
    record = DocRecord(doc="v")
    mentions.component(doc, sdoc, record, Config())
    return doc, voices_of(doc, speeches(doc, sdoc, record))


def speakers(vs) -> list[str]:
    return [v.speaker for v in vs]


def test_speaker_after_the_quote(nlp):
    text = ('"The ferry will resume on Monday," the harbour office announced. '
            '"No passengers were hurt," said a note from the coast guard.')
    doc, vs = voices(nlp, text)
    assert speakers(vs) == ["the harbour office", "the coast guard"]
    assert vs[0].spans[0].text == '"The ferry will resume on Monday,"'
    for v in vs:
        for s in v.spans:
            assert doc.text[s.start:s.end] == s.text


def test_speaker_before_the_quote_and_pronoun(nlp):
    text = ('Mayor Julia Brandt spoke to reporters on Friday. She stressed, "The budget is balanced and the schools are safe."')
    _, vs = voices(nlp, text)
    assert speakers(vs) == ["Julia Brandt"]
    assert vs[0].entity == "v@0" or vs[0].entity is not None


def test_paraphrase_according_to_and_reported_by(nlp):
    text = ("Finance Minister Karl Oster said that the deficit would shrink. "
            "The plan was delayed, according to Reuters. "
            "The vote was postponed, as reported by the state broadcaster.")
    _, vs = voices(nlp, text)
    names = speakers(vs)
    assert "Karl Oster" in names and "Reuters" in names
    assert any("broadcaster" in n for n in names)


def test_counts_quotes_per_speaker(nlp):
    text = ('"We will not sign," said Karl Oster. Oster met the unions later. '
            '"The offer is final," Karl Oster told reporters.')
    _, vs = voices(nlp, text)
    oster = next(v for v in vs if v.speaker == "Karl Oster")
    assert oster.quotes == 2 and len(oster.spans) == 2


def test_unnamed_sources_quoted_by_a_newspaper(nlp):
    text = "Two harbour engineers were quoted by a local newspaper predicting a collapse of the old pier."
    _, vs = voices(nlp, text)
    assert speakers(vs) == ["Two harbour engineers"]


def test_evidence_is_not_a_voice(nlp):
    _, vs = voices(nlp, "Official figures showed that exports fell. The survey said that most farmers were worried.")
    assert vs == []


def test_press_introduced_by_what_it_is():
    text = "as the news agency Meridia put it; the Harbour Gazette newspaper; the farmers' union Terra Viva"
    span = lambda name: (text.index(name), text.index(name) + len(name))  # noqa: E731
    assert introduced_as_press(text, *span("Meridia"))
    assert introduced_as_press(text, *span("Harbour Gazette"))
    assert not introduced_as_press(text, *span("Terra Viva"))
