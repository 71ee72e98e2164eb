"""Per-document entity clusters: ids in order of first mention, exact offsets, an acronym joined to the
name it spells."""
from __future__ import annotations

from mention_texts import ARTICLE, by_name, record  # noqa: F401 (fixtures)


def test_offsets_are_exact_and_ids_follow_first_mention(record):
    firsts = []
    for n, e in enumerate(record.entities):
        assert e.id == f"d1@{n}"
        assert e.documents == ["d1"]
        for m in e.mentions:
            assert ARTICLE[m.start:m.end] == m.text
        firsts.append(min(m.start for m in e.mentions))
    assert firsts == sorted(firsts)


def test_acronym_joins_the_spelled_out_name(record):
    nato = by_name(record, "North Atlantic Treaty Organization")
    assert {m.text for m in nato.mentions} == {"NATO", "North Atlantic Treaty Organization"}



OBITUARY = (
    "Former senator R. Harold Benton Sr., who chaired the budget committee, died on Tuesday. He was 91.\n\n"
    "Harold Benton served in the Senate for thirty years. His son, Harold Benton Jr., said his father died "
    "peacefully. Benton had been ill for months, his family said."
)


def test_father_and_son_of_one_name_are_two_clusters_and_the_bare_names_are_the_fathers(nlp):
    from newsprism.config import Config
    from newsprism.model import Document
    from newsprism.records import DocRecord
    from newsprism.resolve.mentions import component

    rec = DocRecord(doc="d2")
    component(Document(id="d2", text=OBITUARY), nlp(OBITUARY), rec, Config())
    people = {e.name: {m.text for m in e.mentions} for e in rec.entities if e.type == "PERSON"}
    father = next(v for k, v in people.items() if k.startswith("R. Harold Benton"))
    assert {"Harold Benton", "Benton"} <= father               # the initial set apart; 'Sr.' is the bare name
    assert people["Harold Benton Jr."] == {"Harold Benton Jr."}


def _people(nlp, text):
    from newsprism.config import Config
    from newsprism.model import Document
    from newsprism.records import DocRecord
    from newsprism.resolve.mentions import component

    rec = DocRecord(doc="d3")
    component(Document(id="d3", text=text), nlp(text), rec, Config())
    return sorted(sorted({m.text for m in e.mentions}) for e in rec.entities if e.type == "PERSON")


def test_a_bare_name_after_a_later_generation_is_that_person_unless_the_suffix_is_written_again(nlp):
    # introduced with the suffix, then called by the short name: one person
    assert ["Hallam", "Robert Hallam", "Robert T. Hallam III"] in _people(nlp, (
        "Special counsel Robert T. Hallam III was appointed on Friday to lead the inquiry.\n\n"
        "Robert Hallam is a former prosecutor. Hallam declined to comment."))
    # the bare name named first, or the suffix written again after it: the father and the son
    assert ["Harold Benton"] in _people(nlp, (
        "Harold Benton Jr. met donors on Tuesday.\n\n"
        "His father, Harold Benton, did not attend. Harold Benton Jr. said the meeting went well."))


def test_a_bare_surname_is_the_one_named_in_full_before_it(nlp):
    """Two people of one surname with different given names: 'Mr. Hale' is the one the report named in full
    before it ('Tomas Hale Jr.'), not a 'Marcus Hale' named only later, whatever their generations."""
    from newsprism.config import Config
    from newsprism.model import Document
    from newsprism.records import DocRecord
    from newsprism.resolve.mentions import component

    text = ("Former congressman Tomas Hale Jr. pleaded guilty on Wednesday. Mr. Hale wept in court, and Hale's "
            "lawyer asked for mercy.\n\nAmong the items he bought were two hats that once belonged to singer "
            "Marcus Hale.")
    rec = DocRecord(doc="d7")
    component(Document(id="d7", text=text), nlp(text), rec, Config())
    tomas = [e for e in rec.entities if any(m.text == "Tomas Hale Jr." for m in e.mentions)][0]
    assert sorted(m.text for m in tomas.mentions) == ["Hale", "Hale", "Tomas Hale Jr."]
    marcus = [e for e in rec.entities if any(m.text == "Marcus Hale" for m in e.mentions)][0]
    assert [m.text for m in marcus.mentions] == ["Marcus Hale"]


def test_a_bare_surname_after_two_full_names_of_it_is_whom_its_title_says(nlp):
    """After both 'Tomas Hale' and 'his wife, Greta Hale' were named, a bare 'Hale' may be either and stays alone;
    'Mr. Hale' is not the one the report calls a wife."""
    from newsprism.config import Config
    from newsprism.model import Document
    from newsprism.records import DocRecord
    from newsprism.resolve.mentions import component

    def mentions_of_tomas(later: str) -> list[str]:
        text = f"Senator Tomas Hale spoke in Ohio on Friday. His wife, Greta Hale, stood beside him. Later {later}"
        rec = DocRecord(doc="d8")
        component(Document(id="d8", text=text), nlp(text), rec, Config())
        greta = [e for e in rec.entities if any(m.text == "Greta Hale" for m in e.mentions)][0]
        assert [m.text for m in greta.mentions] == ["Greta Hale"]
        return [m.text for e in rec.entities if any(m.text == "Tomas Hale" for m in e.mentions) for m in e.mentions]
    assert mentions_of_tomas("Hale thanked the crowd.") == ["Tomas Hale"]
    assert mentions_of_tomas("Mr. Hale thanked the crowd.") == ["Tomas Hale", "Hale"]


def test_a_given_name_joined_to_a_full_name_shares_its_surname(nlp):
    """'Greta and Tomas Hale': Greta is Greta Hale, so a later bare 'Hale' has two people of that name before it and
    stays alone, rather than going to Tomas as the only one named in full."""
    from newsprism.config import Config
    from newsprism.model import Document
    from newsprism.records import DocRecord
    from newsprism.resolve.mentions import component

    text = "Greta and Tomas Hale earned $4 million last year. Hale told reporters the tax was fair."
    rec = DocRecord(doc="d9")
    component(Document(id="d9", text=text), nlp(text), rec, Config())
    tomas = [e for e in rec.entities if any(m.text == "Tomas Hale" for m in e.mentions)][0]
    assert [m.text for m in tomas.mentions] == ["Tomas Hale"]
    greta = [e for e in rec.entities if any(m.text == "Greta" for m in e.mentions)][0]
    assert greta.type == "PERSON" and [m.text for m in greta.mentions] == ["Greta"]
