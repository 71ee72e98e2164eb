"""Actor labels: the descriptions a text attaches to each actor, from the parse."""
from __future__ import annotations

from newsprism.config import Config
from newsprism.extract.framing import framing_of
from newsprism.model import Document
from newsprism.records import DocRecord
from newsprism.resolve import mentions


def frame(nlp, text: str):
    doc = Document(id="t", text=text)
    sdoc = nlp(text)
    record = DocRecord(doc="t")
    mentions.component(doc, sdoc, record, Config())
    return doc, record, framing_of(doc, sdoc, record, Config())


def labels_of(framing, name: str) -> list[str]:
    return [l for a in framing.actors if name in a.name for l in a.labels]


def spans_of(framing, name: str):
    return [s for a in framing.actors if name in a.name for s in a.label_spans]


def test_apposition_after_the_name(nlp):
    _, _, f = frame(nlp, "The Northern Front, the armed separatist movement that controls the valley, seized a bridge.")
    assert "armed separatist movement" in labels_of(f, "Northern Front")


def test_apposition_before_the_name(nlp):
    _, _, f = frame(nlp, "Police questioned members of the radical environmental organization, the Green Earth Alliance, after the protest.")
    assert "radical environmental organization" in labels_of(f, "Green Earth Alliance")


def test_pre_modifiers_and_member_nouns(nlp):
    text = ("Envoys from the armed Andean group Sendero Rojo reached Quito. "
            "After a raid by Sendero Rojo gunmen, the truce collapsed.")
    _, _, f = frame(nlp, text)
    labels = labels_of(f, "Sendero Rojo")
    assert "armed andean group" in labels
    assert "gunmen" in labels


def test_copular_predicate_and_negation(nlp):
    text = ("The Iron Brotherhood is a criminal gang. The Iron Brotherhood is not a charity. "
            "Rangers say the Iron Brotherhood is not a hunting club, but ivory poachers and arms dealers.")
    _, _, f = frame(nlp, text)
    labels = labels_of(f, "Iron Brotherhood")
    assert "criminal gang" in labels
    assert "ivory poachers" in labels and "arms dealers" in labels
    # a negated predicate is not a label; the "but" flips it back
    assert "charity" not in labels and "hunting club" not in labels


def test_label_given_by_someone_else_keeps_who_gives_it(nlp):
    text = "The Iron Brotherhood is considered a criminal network by Interpol, though not by its members."
    doc, record, f = frame(nlp, text)
    span = next(s for s in spans_of(f, "Iron Brotherhood") if s.text == "criminal network")
    giver = next(e for e in record.entities if e.id == span.attributed_to)
    assert "Interpol" in giver.name
    assert doc.text[span.start:span.end] == span.text


def test_negated_labelling_verb_gives_no_label(nlp):
    text = "In Portugal, the Iron Brotherhood is not considered a criminal network. The Iron Brotherhood agrees."
    _, _, f = frame(nlp, text)
    assert "criminal network" not in labels_of(f, "Iron Brotherhood")


def test_definite_descriptions_corefer_with_the_salient_group(nlp):
    text = ("The Northern Front attacked a convoy on Sunday. The Northern Front later released a video. "
            "The group said the movement would continue. Police blamed the insurgent group for the ambush.")
    _, _, f = frame(nlp, text)
    labels = labels_of(f, "Northern Front")
    assert {"group", "movement", "insurgent group"} <= set(labels)


def test_label_inside_a_quote_is_attributed_to_the_speaker(nlp):
    text = '"The Iron Brotherhood is a criminal gang," said Minister Anna Varga. The Iron Brotherhood rejected that.'
    doc, record, f = frame(nlp, text)
    span = next(s for s in spans_of(f, "Iron Brotherhood") if s.text == "criminal gang")
    assert span.attributed_to is not None
    speaker = next(e for e in record.entities if e.id == span.attributed_to)
    assert speaker.name == "Anna Varga"


def test_offsets_are_exact_and_labels_short(nlp):
    text = ("The Northern Front, the armed separatist movement that holds the valley, "
            "is considered a criminal network by Interpol.")
    doc, _, f = frame(nlp, text)
    for a in f.actors:
        assert all(len(l.split()) <= Config().framing.max_label_words for l in a.labels)
        for s in a.label_spans:
            assert doc.text[s.start:s.end] == s.text


def test_titles_and_later_references_to_the_one_title_holder(nlp):
    text = ("Hungarian Prime Minister Karl Oster met Mayor Julia Brandt on Monday. "
            "The prime minister later said the talks went well.")
    _, _, f = frame(nlp, text)
    oster = spans_of(f, "Karl Oster")
    # the title before the name, and "the prime minister" that refers back to its one holder
    assert [s.text.lower() for s in oster][-1] == "prime minister"
    assert len(oster) >= 2 and oster[-1].start > text.index("Monday")
    assert "mayor" in labels_of(f, "Julia Brandt")
    assert not any("minister" in l for l in labels_of(f, "Julia Brandt"))


def test_the_head_noun_of_a_named_organisation_refers_to_it(nlp):
    text = ("The Gazprom board met the Harbour Workers Coalition on Monday. Gazprom said the talks failed. "
            "Gazprom will appeal. The coalition said it would strike.")
    _, _, f = frame(nlp, text)
    assert "coalition" in labels_of(f, "Harbour Workers Coalition")
    assert "coalition" not in labels_of(f, "Gazprom")


def test_a_dateline_is_not_an_apposition(nlp):
    _, _, f = frame(nlp, "BUCHAREST, Romania — A Kazakh government delegation arrived on Tuesday for talks.")
    assert labels_of(f, "BUCHAREST") == [] and labels_of(f, "Romania") == []


def test_a_news_organisation_is_not_the_group_whatever_its_name(nlp):
    # the agency is named more often than the group, but the text introduces it as press
    text = ("Sendero Rojo left the valley on Friday, the news agency Meridia reported. Meridia said the retreat "
            "began at dawn. Meridia added that Sendero Rojo fighters had burned a bridge. The group denied it.")
    _, _, f = frame(nlp, text)
    assert "group" in labels_of(f, "Sendero Rojo")
    assert "group" not in labels_of(f, "Meridia")
