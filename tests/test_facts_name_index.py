"""The person index finds every person `same_person` matches to a name, as comparing with every person did."""
from __future__ import annotations

from newsprism.align.facts.context import same_person
from newsprism.align.facts.name_index import PersonIndex, Surnames, asked_keys, filed_keys, spellings
from newsprism.resolve import names

PEOPLE = {
    "p1": ["Sergei Lavrov", "Lavrov"],
    "p2": ["Sergey Lavrow"],                 # a transliteration of the surname's last letter
    "p3": ["Abdel Rahman"],
    "p4": ["Abdelrahman"],                   # the same name spelled together
    "p5": ["Ivanov"],
    "p6": ["Anna Yvanov"],                   # another first letter, one surname
    "p7": ["Mira Sand"],
    "p8": ["J. Okafor", "Jide Okafor"],      # an initial
    "p9": ["Yevgeny Saparov"],
    "p10": ["Khaled Mashal", "Haled Meshal"],
    "p11": ["Tom Hart"],
}
QUERIES = ["Sergei Lavrov", "Lavrow", "S. Lavrov", "Abdelrahman", "Abdel Rahman", "Ivanov", "Yvanov",
           "Mira Sand", "Jide Okafor", "J. Okafor", "Okafor", "Yevgeny Saparov", "Transport Yevgeny Saparov",
           "Evgeny Saparov", "Khalid Meshaal", "Tom Hart", "Tom Hurt", "Ann Lee", "Mira", "Saparov Yevgeny"]


def scan(name: str) -> set[str]:
    """What `functional._leader_ref` did before the index: every person, every name."""
    return {ref for ref, aliases in PEOPLE.items() if any(same_person(name, n) for n in aliases)}


def test_the_index_finds_what_the_scan_of_every_person_found():
    index = PersonIndex(PEOPLE.items())
    found = {q: {ref for ref in index.candidates(q) if any(same_person(q, n) for n in PEOPLE[ref])} for q in QUERIES}
    assert found == {q: scan(q) for q in QUERIES}
    # and the cases this test is about are there
    assert found["Lavrow"] == {"p1", "p2"}
    assert found["Abdelrahman"] == {"p3", "p4"}
    assert found["Transport Yevgeny Saparov"] == {"p9"}   # a stray word in front
    assert found["J. Okafor"] == {"p8"}


def test_a_surname_spelled_with_another_first_letter_is_found():
    """'Ivanov' / 'Yvanov' match (Jaro-Winkler 0.89 without a common first letter): no first-letter key would do."""
    assert names.person_match("Ivanov", "Yvanov") is not None
    assert {"p5", "p6"} <= set(PersonIndex(PEOPLE.items()).candidates("Ivanov"))


def test_candidates_are_a_block_not_everyone():
    index = PersonIndex(PEOPLE.items())
    assert "p7" not in index.candidates("Sergei Lavrov")
    assert "p1" not in index.candidates("Mira Sand")
    assert index.candidates("Nobody Elsewhere") == []


def test_two_people_share_a_key_whenever_one_name_of_each_matches():
    index = PersonIndex(PEOPLE.items())
    for a in PEOPLE:
        for b in PEOPLE:
            if any(same_person(x, y) for x in PEOPLE[a] for y in PEOPLE[b]):
                assert index.keys(a) & index.keys(b), (a, b)
    assert not index.keys("p7") & index.keys("p11")


def test_spellings_are_the_name_and_its_last_words():
    assert spellings("Minister Yevgeny Saparov") == ["Minister Yevgeny Saparov", "yevgeny saparov",
                                                     "minister yevgeny saparov"]


def test_a_join_on_the_filed_and_asked_keys_gives_the_candidates():
    """What `scale.stubs` joins on: a person is a candidate for a name exactly when one of its filed keys is one
    the name asks for, its surname keys widened by `Surnames.near` over every filed surname key."""
    filed = {ref: {k for n in aliases for k in filed_keys(n)} for ref, aliases in PEOPLE.items()}
    surnames = Surnames(k for ks in filed.values() for kind, k in ks if kind == "s")
    index = PersonIndex(PEOPLE.items())
    for q in QUERIES + ["J. Hart", "S. Lavrov Jr."]:
        exact, asked = asked_keys(q)
        wanted = exact | {("s", near) for s in asked for near in surnames.near(s)}
        assert {ref for ref, ks in filed.items() if ks & wanted} == set(index.candidates(q)), q


def test_surname_keys_split_in_parts_are_near_what_they_are_near_together():
    """`Surnames.near` judges each indexed key alone, so over keys split across machines it is the union of each
    part's answers."""
    keys = sorted({k for aliases in PEOPLE.values() for n in aliases for kind, k in filed_keys(n) if kind == "s"}
                  | {"j", "s", "lavrin"})
    whole = Surnames(keys)
    parts = [keys[i::3] for i in range(3)]
    for q in ["lavrov", "lavrow", "yvanov", "j", "s", "okafor", "hart", "zzzz"]:
        split = set().union(*(Surnames(p).near(q) & set(p) for p in parts))
        assert split == whole.near(q) & set(keys), q
    assert {"lavrov", "lavrow", "lavrin"} <= whole.near("lavrov") and "j" in whole.near("jide")
