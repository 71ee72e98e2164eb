"""Cross-document resolution on hand-made records: merges with evidence, and the pairs that must
stay apart (same given name, other country's ministry, ambiguous bare surname)."""
from __future__ import annotations

from newsprism.config import Config
from newsprism.model import Entity, Mention
from newsprism.records import DocRecord, local_id
from newsprism.resolve.entities import resolve


def record(doc: str, *ents: tuple[str, str, list[str]]) -> DocRecord:
    """A record whose entities are (name, type, surface forms); offsets are synthetic but consistent."""
    out = []
    pos = 0
    for n, (name, etype, forms) in enumerate(ents):
        mentions = []
        for f in forms:
            mentions.append(Mention(doc=doc, start=pos, end=pos + len(f), text=f, label=etype))
            pos += len(f) + 1
        out.append(Entity(id=local_id(doc, n), name=name, type=etype, aliases=list(dict.fromkeys(forms)),
                          documents=[doc], mentions=mentions))
    return DocRecord(doc=doc, entities=out)


def resolved(*records: DocRecord):
    ents, mapping = resolve(list(records), Config())
    return ents, mapping


def same(mapping, *local_ids: str) -> bool:
    return len({mapping[i] for i in local_ids}) == 1


def test_transliterations_merge_with_evidence():
    a = record("a", ("Yevgeny Prigozhin", "PERSON", ["Yevgeny Prigozhin", "Prigozhin"]))
    b = record("b", ("Yevgeniy Prigozhin", "PERSON", ["Yevgeniy Prigozhin"]))
    c = record("c", ("Khaled Mashaal", "PERSON", ["Khaled Mashaal"]))
    d = record("d", ("Khalid Meshaal", "PERSON", ["Khalid Meshaal"]))
    ents, m = resolved(a, b, c, d)
    assert same(m, "a@0", "b@0") and same(m, "c@0", "d@0") and not same(m, "a@0", "c@0")
    meshaal = next(e for e in ents if e.id == m["c@0"])
    assert meshaal.evidence and meshaal.evidence[0].confidence >= Config().entities.min_confidence
    assert set(meshaal.aliases) == {"Khaled Mashaal", "Khalid Meshaal"}


def test_same_given_name_different_surname_stays_apart():
    a = record("a", ("Nikolai Patrushev", "PERSON", ["Nikolai Patrushev"]))
    b = record("b", ("Nikolai Yermakov", "PERSON", ["Nikolai Yermakov"]))
    _, m = resolved(a, b)
    assert not same(m, "a@0", "b@0")


def test_bare_surname_merges_only_when_unambiguous():
    a = record("a", ("Ismail Abu Shanab", "PERSON", ["Ismail Abu Shanab"]), ("Hamas", "ORG", ["Hamas"]))
    b = record("b", ("Abu Shanab", "PERSON", ["Abu Shanab", "Shanab"]), ("Hamas", "ORG", ["Hamas"]))
    c = record("c", ("Yahya Sinwar", "PERSON", ["Yahya Sinwar"]))
    d = record("d", ("Mohammed Sinwar", "PERSON", ["Mohammed Sinwar"]))
    e = record("e", ("Sinwar", "PERSON", ["Sinwar"]))
    ents, m = resolved(a, b, c, d, e)
    assert same(m, "a@0", "b@0")
    assert not same(m, "c@0", "d@0")
    assert not same(m, "e@0", "c@0") and not same(m, "e@0", "d@0")   # two Sinwars: leave the bare one
    shanab = next(x for x in ents if x.id == m["a@0"])
    assert shanab.name == "Ismail Abu Shanab"
    assert any("surname" in ev.reason for ev in shanab.evidence)


def test_bare_name_needs_company_to_join_a_full_name():
    # the only 'James' in the corpus is a basketball player; a boy called James in a story about a
    # shooting, with no person or organisation in common, stays himself
    a = record("a", ("Dominic James", "PERSON", ["Dominic James"]), ("Marquette", "ORG", ["Marquette"]))
    b = record("b", ("James", "PERSON", ["James"]), ("Mark Mattei", "PERSON", ["Mark Mattei"]))
    _, m = resolved(a, b)
    assert not same(m, "b@0", "a@0")
    c = record("c", ("James", "PERSON", ["James"]), ("Marquette", "ORG", ["Marquette"]))
    _, m = resolved(a, c)
    assert same(m, "c@0", "a@0")     # beside Marquette again: the same player


def test_no_chain_through_a_partial_name_joins_two_full_names():
    a = record("a", ("Kim Yo-jong", "PERSON", ["Kim Yo-jong"]))
    b = record("b", ("Kim Jong-un", "PERSON", ["Kim Jong-un"]))
    c = record("c", ("Kim", "PERSON", ["Kim"]))
    _, m = resolved(a, b, c)
    assert not same(m, "a@0", "b@0")
    assert not same(m, "c@0", "a@0") and not same(m, "c@0", "b@0")


def test_ministry_variants_merge_within_a_country_only():
    a = record("a", ("French Ministry of Defence", "ORG", ["French Ministry of Defence"]))
    b = record("b", ("French Defense Ministry", "ORG", ["French Defense Ministry"]))
    c = record("c", ("French defence ministry", "ORG", ["French defence ministry"]))
    d = record("d", ("German Defence Ministry", "ORG", ["German Defence Ministry"]))
    _, m = resolved(a, b, c, d)
    assert same(m, "a@0", "b@0", "c@0")
    assert not same(m, "a@0", "d@0")


def test_places_by_official_name_and_generic_suffix():
    a = record("a", ("Islamic Republic of Iran", "GPE", ["Islamic Republic of Iran"]),
               ("Caprivi Strip", "GPE", ["Caprivi Strip"]))
    b = record("b", ("Iran", "GPE", ["Iran", "Iran"]), ("Caprivi", "GPE", ["Caprivi"]),
               ("Iranian", "NORP", ["Iranian"]))
    ents, m = resolved(a, b)
    assert same(m, "a@0", "b@0") and same(m, "a@1", "b@1")
    assert not same(m, "b@0", "b@2")                     # the demonym is not the country
    iran = next(e for e in ents if e.id == m["b@0"])
    assert iran.name == "Iran"                           # a place is named by its most frequent form


def test_acronym_joins_the_only_organisation_with_those_initials():
    a = record("a", ("International Atomic Energy Agency", "ORG", ["International Atomic Energy Agency"]))
    b = record("b", ("IAEA", "ORG", ["IAEA"]))
    _, m = resolved(a, b)
    assert same(m, "a@0", "b@0")


def test_a_name_without_its_home_place_joins_the_only_one_with_it():
    a = record("a", ("New Orleans Saints", "ORG", ["New Orleans Saints"]), ("Boston Red Sox", "ORG", ["Boston Red Sox"]))
    b = record("b", ("Saints", "ORG", ["Saints"]), ("Red Sox", "ORG", ["Red Sox"]), ("Sox", "ORG", ["Sox"]))
    _, m = resolved(a, b)
    assert same(m, "a@0", "b@0") and same(m, "a@1", "b@1")
    assert not same(m, "a@0", "a@1") and not same(m, "b@2", "a@1")   # 'Sox' is no place's name
    # two towns' papers share the bare name: which one 'the Times' is stays unsaid
    c = record("c", ("New York Times", "ORG", ["New York Times"]), ("Los Angeles Times", "ORG", ["Los Angeles Times"]))
    d = record("d", ("Times", "ORG", ["Times"]))
    _, m = resolved(c, d)
    assert not same(m, "d@0", "c@0") and not same(m, "d@0", "c@1")


def test_ids_are_deterministic_and_every_local_id_maps():
    recs = [record("a", ("Oslo", "GPE", ["Oslo"]), ("Jonas Gahr Store", "PERSON", ["Jonas Gahr Store"])),
            record("b", ("Oslo", "GPE", ["Oslo"]))]
    ents1, m1 = resolved(*recs)
    ents2, m2 = resolved(*reversed(recs))
    assert m1 == m2
    assert [e.id for e in ents1] == ["e1", "e2"]
    assert ents1[0].name == "Oslo" and ents1[0].documents == ["a", "b"]
    assert set(m1) == {"a@0", "a@1", "b@0"}
    assert all(e.mentions == sorted(e.mentions, key=lambda x: (x.doc, x.start)) for e in ents1)


def test_type_is_voted_over_mentions():
    a = record("a", ("Tbilisi", "GPE", ["Tbilisi", "Tbilisi", "Tbilisi"]))
    b = record("b", ("Tbilisi", "LOC", ["Tbilisi"]))
    ents, m = resolved(a, b)
    assert same(m, "a@0", "b@0")
    assert ents[0].type == "GPE"


def test_a_full_name_tagged_as_another_type_joins_the_person():
    a = record("a", ("Greta Thunberg", "PERSON", ["Greta Thunberg", "Thunberg"]))
    b = record("b", ("Greta Thunberg", "ORG", ["Greta Thunberg"]))
    c = record("c", ("Thunberg", "ORG", ["Thunberg", "Thunberg"]))
    ents, m = resolved(a, b, c)
    assert same(m, "a@0", "b@0", "c@0")
    reasons = {ev.reason for e in ents for ev in e.evidence}
    assert "same name tagged as another type" in reasons


def test_a_full_name_tagged_with_its_nationality_joins_the_person():
    """'American Hasim Rahman' tagged ORG is the person 'Hasim Rahman'; 'American Airlines' is no one."""
    a = record("a", ("Ivo Brandt", "PERSON", ["Ivo Brandt"]))
    b = record("b", ("German Ivo Brandt", "ORG", ["German Ivo Brandt"]), ("German Airlines", "ORG", ["German Airlines"]))
    _, m = resolved(a, b)
    assert same(m, "a@0", "b@0") and not same(m, "a@0", "b@1")


def test_a_bare_word_tagged_org_stays_apart_without_a_person_called_by_it():
    a = record("a", ("Henry Ford", "PERSON", ["Henry Ford"]))
    b = record("b", ("Ford", "ORG", ["Ford"]))
    _, m = resolved(a, b)
    assert not same(m, "a@0", "b@0")    # nobody calls the person just "Ford" here


def test_a_place_is_one_entity_whatever_spacy_tagged_it_in_each_document():
    a = record("a", ("Brasov", "GPE", ["Brasov", "Brasov"]))
    b = record("b", ("Brașov", "ORG", ["Brașov"]))               # diacritic, tagged ORG
    c = record("c", ("Brasov", "PERSON", ["Brasov"]))            # inside a quotation, tagged PERSON
    d = record("d", ("Brasov", "LOC", ["Brasov"]), ("Port of Brasov", "FAC", ["Port of Brasov"]))
    ents, m = resolved(a, b, c, d)
    assert same(m, "a@0", "b@0", "c@0", "d@0", "d@1")
    assert next(e for e in ents if e.id == m["a@0"]).type == "GPE"


def test_a_place_name_that_is_also_a_persons_name_stays_a_person():
    a = record("a", ("Michael Jordan", "PERSON", ["Michael Jordan"]), ("Jordan", "GPE", ["Jordan"]),
               ("Chicago Bulls", "ORG", ["Chicago Bulls"]))
    b = record("b", ("Jordan", "PERSON", ["Jordan", "Jordan"]), ("Chicago Bulls", "ORG", ["Chicago Bulls"]))
    _, m = resolved(a, b)
    assert same(m, "a@0", "b@0") and not same(m, "a@1", "b@0")


def test_a_building_named_for_who_works_in_it_is_the_organisation_most_reports_tag():
    """'the White House said': tagged FAC in one report and ORG in two, it is one organisation."""
    a = record("a", ("Halden House", "ORG", ["Halden House", "Halden House"]))
    b = record("b", ("Halden House", "FAC", ["Halden House"]))
    c = record("c", ("Halden House", "ORG", ["Halden House"]))
    ents, m = resolved(a, b, c)
    assert same(m, "a@0", "b@0", "c@0")
    assert next(e for e in ents if e.id == m["a@0"]).type == "ORG"


def test_a_known_place_tagged_as_an_organisation_stays_a_place():
    a = record("a", ("Lisbon", "ORG", ["Lisbon", "Lisbon"]))
    b = record("b", ("Lisbon", "GPE", ["Lisbon"]))
    ents, m = resolved(a, b)
    assert same(m, "a@0", "b@0") and next(e for e in ents if e.id == m["a@0"]).type == "GPE"


def test_an_organisation_never_tagged_as_a_place_stays_an_organisation():
    a = record("a", ("Chelsea", "ORG", ["Chelsea", "Chelsea"]))    # a known place name, a club here
    b = record("b", ("Chelsea", "ORG", ["Chelsea"]))
    ents, m = resolved(a, b)
    assert same(m, "a@0", "b@0") and ents[0].type == "ORG"


def test_a_surname_tagged_as_a_product_joins_the_one_person_called_by_it():
    a = record("a", ("Ana Ruiz", "PERSON", ["Ana Ruiz", "Ruiz"]))
    b = record("b", ("Ruiz", "PRODUCT", ["Ruiz", "Ruiz"]))
    _, m = resolved(a, b)
    assert same(m, "a@0", "b@0")


def test_a_countrys_ministry_without_portfolio_joins_its_one_named_ministry():
    a = record("a", ("Ministry of Transport of Peru", "ORG", ["Ministry of Transport of Peru"]))
    b = record("b", ("Peruvian ministry", "ORG", ["Peruvian ministry"]))
    c = record("c", ("Peru's transport ministry", "ORG", ["Peru's transport ministry"]))
    d = record("d", ("Chilean transport ministry", "ORG", ["Chilean transport ministry"]),
               ("Chilean ministry", "ORG", ["Chilean ministry"]))
    e = record("e", ("Chilean finance ministry", "ORG", ["Chilean finance ministry"]))
    _, m = resolved(a, b, c, d, e)
    assert same(m, "a@0", "b@0", "c@0")
    assert not same(m, "a@0", "d@0")                       # another country's ministry
    assert not same(m, "d@1", "d@0") and not same(m, "d@1", "e@0")   # two Chilean ministries: ambiguous


def test_a_name_without_its_generation_joins_the_elder_never_the_son():
    # the father is written 'J. Ellis Varn Sr.' and 'Ellis Varn'; the son always 'Ellis Varn Jr.'
    a = record("a", ("J. Ellis Varn Sr.", "PERSON", ["J. Ellis Varn Sr.", "Varn"]),
               ("Ostrava Mills", "ORG", ["Ostrava Mills"]))
    b = record("b", ("Ellis Varn", "PERSON", ["Ellis Varn"]), ("Ostrava Mills", "ORG", ["Ostrava Mills"]))
    c = record("c", ("Ellis Varn Jr.", "PERSON", ["Ellis Varn Jr."]), ("Ostrava Mills", "ORG", ["Ostrava Mills"]))
    d = record("d", ("J. Ellis Varn", "PERSON", ["J. Ellis Varn"]))
    e = record("e", ("Varn", "PERSON", ["Varn"]), ("Ostrava Mills", "ORG", ["Ostrava Mills"]))
    ents, m = resolved(a, b, c, d, e)
    assert same(m, "a@0", "b@0", "d@0")
    assert not same(m, "a@0", "c@0")
    assert same(m, "e@0", "a@0")          # a bare surname is not the son, who is written with his 'Jr.'
    father = next(x for x in ents if x.id == m["a@0"])
    assert any(ev.reason == "the elder of this name" for ev in father.evidence)


def test_a_name_without_its_generation_is_the_one_generation_the_corpus_names():
    a = record("a", ("Dorian Pell Jr.", "PERSON", ["Dorian Pell Jr."]))
    b = record("b", ("Dorian Pell", "PERSON", ["Dorian Pell"]))
    _, m = resolved(a, b)
    assert same(m, "a@0", "b@0")
    # ... unless one document names the two apart: the bare name is then the father
    c = record("c", ("Dorian Pell", "PERSON", ["Dorian Pell"]), ("Dorian Pell Jr.", "PERSON", ["Dorian Pell Jr."]))
    _, m = resolved(a, b, c)
    assert not same(m, "c@0", "c@1") and not same(m, "b@0", "a@0")
    assert same(m, "a@0", "c@1") and same(m, "b@0", "c@0")


def test_two_later_generations_leave_the_bare_name_alone():
    a = record("a", ("Dorian Pell Jr.", "PERSON", ["Dorian Pell Jr."]))
    b = record("b", ("Dorian Pell III", "PERSON", ["Dorian Pell III"]))
    c = record("c", ("Dorian Pell", "PERSON", ["Dorian Pell"]))
    _, m = resolved(a, b, c)
    assert len({m["a@0"], m["b@0"], m["c@0"]}) == 3


def test_a_bare_name_joins_its_generation_written_with_a_middle_initial():
    a = record("a", ("Harlan T. Prewitt III", "PERSON", ["Harlan T. Prewitt III", "Prewitt"]))
    b = record("b", ("Harlan Prewitt", "PERSON", ["Harlan Prewitt", "Prewitt"]))
    c = record("c", ("Harlan T. Prewitt Sr.", "PERSON", ["Harlan T. Prewitt Sr."]))
    _, m = resolved(a, b)
    assert same(m, "a@0", "b@0")
    _, m = resolved(a, b, c)       # the elder named too: the bare name is his
    assert same(m, "b@0", "c@0") and not same(m, "a@0", "c@0")


def test_a_surname_tagged_as_another_type_joins_the_elder_beside_his_son():
    a = record("a", ("Corwin Brask", "PERSON", ["Corwin Brask", "Brask"]),
               ("Corwin Brask Jr.", "PERSON", ["Corwin Brask Jr."]))
    b = record("b", ("Brask", "ORG", ["Brask"]))
    _, m = resolved(a, b)
    assert same(m, "b@0", "a@0") and not same(m, "a@0", "a@1")


def test_a_bare_name_other_organisations_end_with_is_not_the_one_with_a_home_place():
    """'the House' where 'White House' is named too is not 'Cordoba House' (Cordoba is a city): which house it is,
    if either, is unsaid. Without another name ending so, 'the Saints' are still the New Orleans Saints."""
    a = record("a", ("Cordoba House", "ORG", ["Cordoba House"]), ("White House", "ORG", ["White House"]))
    b = record("b", ("House", "ORG", ["House"]))
    _, m = resolved(a, b)
    assert not same(m, "a@0", "b@0") and not same(m, "a@1", "b@0")
    _, m = resolved(record("e", ("New Orleans Saints", "ORG", ["New Orleans Saints"])),
                    record("f", ("Saints", "ORG", ["Saints"])))
    assert same(m, "e@0", "f@0")
