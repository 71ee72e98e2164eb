"""Titles, roles and possessives cut off a name: the role goes to the mention, the name stays exact."""
from __future__ import annotations

from newsprism.config import Config
from newsprism.model import Document
from newsprism.records import DocRecord
from newsprism.resolve.mentions import component

from mention_texts import by_name, record, titled  # noqa: F401 (fixtures)


def test_title_goes_to_role_and_surname_joins_full_name(record):
    alvarez = by_name(record, "Rodrigo Alvarez")
    assert [m.text for m in alvarez.mentions] == ["Rodrigo Alvarez", "Alvarez", "Alvarez"]
    assert "Deputy Foreign Minister of Chile" in alvarez.roles
    assert "Mr" in alvarez.roles
    lula = by_name(record, "Lula da Silva")
    assert lula.roles == ["Then-President"]
    hua = by_name(record, "Hua Chunying")
    assert any("spokeswoman" in r for r in hua.roles)


def test_possessive_is_outside_the_mention_and_type_is_voted(record):
    kuleba = by_name(record, "Dmytro Kuleba")
    assert [m.text for m in kuleba.mentions] == ["Dmytro Kuleba", "Kuleba"]
    assert kuleba.type == "PERSON"          # even where the surname alone was tagged otherwise
    assert "Hezbollah" in {m.text for e in record.entities for m in e.mentions}


def test_leading_the_is_excluded(record):
    strip = by_name(record, "Caprivi Strip")
    assert strip.mentions[0].text == "Caprivi Strip"


def test_no_all_lowercase_or_title_only_mentions(record):
    for e in record.entities:
        for m in e.mentions:
            assert m.text[0].isupper() or m.text in ("ministry",)
            assert m.text not in ("President", "Mr", "Then-President")


def test_portfolio_words_tagged_into_a_name_go_to_the_role(titled):
    sargsyan = by_name(titled, "Gor Sargsyan")           # spaCy: "Economy Gor Sargsyan"
    assert sargsyan.type == "PERSON" and [m.text for m in sargsyan.mentions] == ["Gor Sargsyan"]
    assert sargsyan.roles == ["Armenia’s Deputy Minister of Economy"]
    assert by_name(titled, "Nino Kapanadze").roles == ["Georgian Transport Minister"]
    assert by_name(titled, "Ines Olmedo").type == "PERSON"   # tagged LOC after "Mayor"


def test_a_role_prefix_is_no_entity_and_a_nationality_alone_is_norp(titled):
    texts = {m.text for e in titled.entities for m in e.mentions}
    assert "Georgian Transport" not in texts and "Transport" not in texts
    kyrgyz = [e for e in titled.entities if "Kyrgyz" in e.aliases]
    assert len(kyrgyz) == 1 and kyrgyz[0].type == "NORP"
    assert by_name(titled, "Armenia").type == "GPE"        # "Armenia’s" tagged ORG


def test_a_single_name_after_the_is_not_a_person(titled):
    assert by_name(titled, "Danube").type != "PERSON"


def test_title_words_that_begin_other_names_are_left_alone(nlp):
    text = ("The team flew to St Petersburg on Monday. Major League Baseball said the game was off. "
            "Officials in Santiago said Gen. Ana Ruiz would attend.")
    rec = DocRecord(doc="d4")
    component(Document(id="d4", text=text), nlp(text), rec, Config())
    assert by_name(rec, "Major League Baseball").type == "ORG"
    assert by_name(rec, "St Petersburg").type == "GPE"
    assert by_name(rec, "Ana Ruiz").roles == ["Gen."]

