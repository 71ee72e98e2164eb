"""Finding mentions: organisation phrases and names spaCy misses, groups kept or dropped, one type per surface."""
from __future__ import annotations

from newsprism.config import Config
from newsprism.model import Document
from newsprism.records import DocRecord
from newsprism.resolve.mentions import component

from mention_texts import by_name, record, titled  # noqa: F401 (fixtures)


def test_missed_ministry_phrase_is_added_and_the_ministry_links_to_it(record):
    ministry = by_name(record, "Chilean foreign ministry")
    assert ministry.type == "ORG"
    assert [m.text for m in ministry.mentions] == ["Chilean foreign ministry", "ministry"]


def test_demonyms_stay_apart_from_the_country(record):
    chile = by_name(record, "Chile")
    assert chile.type == "GPE"
    assert all(m.text == "Chile" for m in chile.mentions)
    ukrainian = [e for e in record.entities if "Ukrainians" in e.aliases]
    assert ukrainian and ukrainian[0].type == "NORP"
    assert "Ukraine" not in ukrainian[0].aliases


def test_sentence_initial_adjective_tagged_as_group_is_dropped(nlp):
    text = "Unrepentant, the smugglers left at dawn. Jewish and Muslim leaders met in Haifa."
    rec = DocRecord(doc="d2")
    component(Document(id="d2", text=text), nlp(text), rec, Config())
    names = {e.name for e in rec.entities}
    assert "Unrepentant" not in names
    assert "Haifa" in names


def test_one_surface_one_type_within_a_document(nlp):
    text = ("Greta Thunberg spoke in Davos. Thunberg said the summit had failed. "
            "Critics of Thunberg replied within hours, and Thunberg answered them.")
    rec = DocRecord(doc="d3")
    component(Document(id="d3", text=text), nlp(text), rec, Config())
    greta = [e for e in rec.entities if "Greta Thunberg" in e.aliases]
    assert len(greta) == 1 and greta[0].type == "PERSON"
    assert [m.text for m in greta[0].mentions].count("Thunberg") == 3


def test_a_name_after_a_title_is_found_even_untagged_and_its_surname_follows(titled):
    tokonov = by_name(titled, "Almaz Tokonov")
    assert [m.text for m in tokonov.mentions] == ["Almaz Tokonov", "Tokonov", "Tokonov"]
    assert tokonov.roles == ["Kyrgyzstan's Deputy Minister of Transport"]


def test_port_of_a_place_and_a_ministry_named_by_its_country(titled):
    port = by_name(titled, "Port of Valparaiso")
    assert port.type in ("FAC", "GPE") and port.mentions[0].text == "Port of Valparaiso"
    ministry = by_name(titled, "Ministry of Trade of Peru")
    assert [m.text for m in ministry.mentions] == ["Ministry of Trade of Peru", "Peruvian ministry"]


def _names(nlp, text: str) -> set[str]:
    rec = DocRecord(doc="d9")
    component(Document(id="d9", text=text), nlp(text), rec, Config())
    return {a for e in rec.entities for a in e.aliases}


def test_a_headline_verb_is_no_part_of_the_name(nlp):
    names = _names(nlp, "Marta Quell Dies\n\nThe singer Marta Quell died on Friday in her home, her family said.")
    assert "Marta Quell Dies" not in names
    assert "Marta Quell" in names


def test_an_ordinary_word_opening_a_sentence_is_no_name(nlp):
    text = ("Mara Voss, Olympic swimmer turned actress, dies at 88\n\n"
            "Mara Voss, Swimming Champion, Actress, Pin-Up Icon Dies; Fans Mourn\n\n"
            "Coach and former rower Tomas Reyn said on Monday that the actress had been his coach.")
    names = _names(nlp, text)
    assert not {"Olympic", "Actress", "Coach"} & names
    assert {"Mara Voss", "Tomas Reyn"} <= names


def test_two_names_a_heading_sets_side_by_side_are_two_mentions(nlp):
    names = _names(nlp, "Marta Quell - Marta Quell: Singer Of The Year\n\nMarta Quell sang in Lisbon on Friday.")
    assert "Marta Quell - Marta Quell" not in names
    assert "Marta Quell" in names
