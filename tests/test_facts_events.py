"""Events in the fact ledger: two documents corroborate each other only when they tell one happening —
the same sense, the same standing (done, not planned), the same participants in the same roles."""
from __future__ import annotations

from test_facts import Corpus, facts_of


def agreed(corpus: Corpus) -> list[tuple[str, list[str]]]:
    return [(f.about, f.positions[0].documents) for f in facts_of(corpus) if f.verdict == "corroborated"]


def test_the_same_visit_from_two_outlets_is_one_fact():
    c = Corpus()
    tarn = c.entity("e1", "Ilse Tarn")
    lisbon = c.entity("e2", "Lisbon", "GPE")
    c.claim("a", "Ilse Tarn visited Lisbon on Monday.", predicate="visit", subject=tarn, subject_text="Ilse Tarn",
            object=lisbon, object_text="Lisbon", tense="past")
    c.claim("b", "The minister, Ilse Tarn, is visiting Lisbon.", predicate="visit", subject=tarn,
            subject_text="The minister, Ilse Tarn", object=lisbon, object_text="Lisbon", tense="present")
    assert agreed(c) == [("Ilse Tarn visit Lisbon", ["a", "b"])]


def test_a_planned_visit_is_not_the_visit_that_happened():
    """'is slated to visit' tells what is to come; 'visited' what happened: two events, whoever the visitor."""
    c = Corpus()
    tarn = c.entity("e1", "Ilse Tarn")
    lisbon = c.entity("e2", "Lisbon", "GPE")
    c.claim("a", "Ilse Tarn is slated to visit Lisbon shortly.", predicate="visit", subject=tarn,
            subject_text="Ilse Tarn", object=lisbon, object_text="Lisbon", tense="future")
    c.claim("b", "Ilse Tarn visited Lisbon.", predicate="visit", subject=tarn, subject_text="Ilse Tarn",
            object=lisbon, object_text="Lisbon", tense="past")
    assert agreed(c) == []


def test_two_visitors_to_one_city_are_two_visits_and_a_doerless_clause_does_not_bridge_them():
    c = Corpus()
    tarn, bors = c.entity("e1", "Ilse Tarn"), c.entity("e3", "Pavel Bors")
    lisbon = c.entity("e2", "Lisbon", "GPE")
    c.claim("a", "Ilse Tarn is visiting Lisbon.", predicate="visit", subject=tarn, subject_text="Ilse Tarn",
            object=lisbon, object_text="Lisbon", tense="present")
    c.claim("b", "Pavel Bors is also visiting Lisbon.", predicate="visit", subject=bors, subject_text="Pavel Bors",
            object=lisbon, object_text="Lisbon", tense="present")
    c.claim("c", "Lisbon was visited this week.", predicate="visit", object=lisbon, object_text="Lisbon",
            tense="past")
    groups = agreed(c)
    assert all(not {"a", "b"} <= set(docs) for _, docs in groups), groups
    assert len(groups) == 1     # the doerless clause joins one of the two visits, never both


def test_a_light_verb_means_its_noun():
    """'expressed outrage over a riot' and 'expressed discontent over a visit' are two things Valdor did."""
    c = Corpus()
    valdor = c.entity("e1", "Valdor", "GPE")
    c.claim("a", "Valdor expressed outrage over the riot.", predicate="express", subject=valdor,
            subject_text="Valdor", object_text="outrage", tense="past")
    c.claim("b", "Valdor expressed discontent over the visit.", predicate="express", subject=valdor,
            subject_text="Valdor", object_text="discontent", tense="past")
    assert agreed(c) == []
    c.claim("c", "Valdor also expressed its outrage at the rioters.", predicate="express", subject=valdor,
            subject_text="Valdor", object_text="its outrage", tense="past")
    assert agreed(c) == [("Valdor express outrage", ["a", "c"])]


def test_different_doers_of_one_act_are_two_events():
    """A state condemning a visit is not a council resolution condemning a movement."""
    c = Corpus()
    valdor, council = c.entity("e1", "Valdor", "GPE"), c.entity("e2", "the Harbour Council", "ORG")
    tarn = c.entity("e3", "the Tarn movement", "ORG")
    c.claim("a", "The visit of the Tarn movement was condemned by Valdor.", predicate="condemn", subject=valdor,
            subject_text="Valdor", object_text="The visit of the Tarn movement", tense="past")
    c.claim("b", "the Harbour Council passed a resolution condemning the Tarn movement", predicate="condemn",
            subject=council, subject_text="the Harbour Council", object=tarn, object_text="the Tarn movement",
            tense="past")
    assert agreed(c) == []


def test_a_state_and_its_own_ministry_are_one_doer():
    """News names a state for its government: 'Valdor called for ...' and 'the Valdorian foreign ministry asked ...'."""
    c = Corpus()
    valdor = c.entity("e1", "Valdor", "GPE")
    ministry = c.entity("e2", "the Valdorian foreign ministry", "ORG")
    c.claim("a", "Valdor called for the expulsion of the delegation.", predicate="call for expel", subject=valdor,
            subject_text="Valdor", object_text="the delegation", tense="past")
    c.claim("b", "the Valdorian foreign ministry asked Norland to expel the delegation", predicate="call for expel",
            subject=ministry, subject_text="the Valdorian foreign ministry", object_text="the delegation",
            tense="past")
    assert agreed(c) == [("Valdor call for expel delegation", ["a", "b"])]


def test_dates_that_never_meet_are_two_events():
    c = Corpus()
    tarn = c.entity("e1", "Ilse Tarn")
    for doc, when in (("a", "2023-03-02"), ("b", "2023-05-19")):
        c.claim(doc, "Ilse Tarn met the mayor.", predicate="meet", subject=tarn, subject_text="Ilse Tarn",
                object_text="the mayor", when=when, tense="past")
    assert agreed(c) == []


def test_a_definite_description_may_stand_for_the_person_named_elsewhere():
    """'The actress checked into the clinic' tells Lena Ivo's check-in; 'a resolution condemning ...' is no one named."""
    c = Corpus()
    ivo = c.entity("e1", "Lena Ivo")
    c.claim("a", "Lena Ivo checked into a clinic in Faro.", predicate="check", subject=ivo, subject_text="Lena Ivo",
            object_text="a clinic", tense="past")
    c.claim("b", "The actress checked into a clinic on Tuesday.", predicate="check", subject_text="The actress",
            object_text="a clinic", tense="past")
    assert agreed(c) == [("Lena Ivo check clinic", ["a", "b"])]
    council = Corpus()
    valdor = council.entity("e1", "Valdor", "GPE")
    council.claim("a", "The visit was condemned by Valdor.", predicate="condemn", subject=valdor,
                  subject_text="Valdor", object_text="The visit", tense="past")
    council.claim("b", "a resolution condemning the visit", predicate="condemn", subject_text="a resolution",
                  object_text="the visit", tense="past")
    assert agreed(council) == []
