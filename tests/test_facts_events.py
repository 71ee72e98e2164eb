"""Events in the fact ledger: two documents corroborate each other only when they tell one happening —
the same sense, the same standing (done, not planned), the same participants in the same roles."""
from __future__ import annotations

from test_facts import CFG, Corpus, facts_of

from newsprism.align.facts import align_facts
from newsprism.align.facts.events import standing_of
from newsprism.model import Claim, Story


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


def test_a_fact_of_what_did_not_happen_or_is_to_come_says_so():
    """Three outlets agreeing that Tarn never visited Lisbon corroborate a denial; its heading must not read as
    the visit. A visit still planned reads as one."""
    c = Corpus()
    tarn, lisbon = c.entity("e1", "Ilse Tarn"), c.entity("e2", "Lisbon", "GPE")
    for doc in ("a", "b"):
        c.claim(doc, "Ilse Tarn never visited Lisbon.", predicate="visit", subject=tarn, subject_text="Ilse Tarn",
                object=lisbon, object_text="Lisbon", tense="past", modality="denied")
    for doc in ("d", "e"):
        c.claim(doc, "Ilse Tarn will visit Lisbon.", predicate="visit", subject=tarn, subject_text="Ilse Tarn",
                object=lisbon, object_text="Lisbon", tense="future")
    assert sorted(about for about, _ in agreed(c)) == ["Ilse Tarn not visit Lisbon", "Ilse Tarn to visit Lisbon"]


def test_a_condition_on_the_past_tells_no_act():
    """'If Tarn had visited Lisbon' (two outlets) says the visit did not happen, or nothing: no visit agreed."""
    c = Corpus()
    tarn, lisbon = c.entity("e1", "Ilse Tarn"), c.entity("e2", "Lisbon", "GPE")
    for doc, text in (("a", "If Ilse Tarn had visited Lisbon"), ("b", "Ilse Tarn visited Lisbon.")):
        c.claim(doc, text, predicate="visit", subject=tarn, subject_text="Ilse Tarn", object=lisbon,
                object_text="Lisbon", tense="past")
    assert agreed(c) == []
    # an indirect question asks; what someone said opening on 'if' was still said
    asked = Claim(id="c1", doc="a", start=0, end=28, text="if he understood the charges", predicate="understand",
                  tense="past")
    said = Claim(id="c2", doc="a", start=0, end=32, text="\u201cIf we wait, we lose,\u201d Tarn said", predicate="say",
                 tense="past")
    whether = Claim(id="c3", doc="a", start=0, end=28, text="whether he supports the plan", predicate="support",
                    tense="present")
    assert (standing_of(asked), standing_of(whether), standing_of(said)) == (None, None, "actual")


def test_a_guess_at_the_past_is_not_the_act():
    """'Tarn may have visited Lisbon' guesses; 'Tarn visited Lisbon' tells: two standings, no agreement. Two outlets
    that both guess agree on the guess, and the heading says so."""
    c = Corpus()
    tarn, lisbon = c.entity("e1", "Ilse Tarn"), c.entity("e2", "Lisbon", "GPE")
    for doc, text in (("a", "Ilse Tarn may have visited Lisbon in secret."), ("b", "Ilse Tarn visited Lisbon."),
                      ("d", "Ilse Tarn might have visited Lisbon.")):
        c.claim(doc, text, predicate="visit", subject=tarn, subject_text="Ilse Tarn", object=lisbon,
                object_text="Lisbon", tense="past", modality="hedged" if "have" in text else "asserted")
    assert agreed(c) == [("Ilse Tarn may visit Lisbon", ["a", "d"])]
    # 'reportedly visited' still tells the visit; a modal without the perfect is read by its tense as before
    told = Claim(id="c1", doc="a", start=0, end=32, text="Ilse Tarn reportedly visited Lisbon", predicate="visit",
                 tense="past", modality="hedged")
    assert standing_of(told) == "actual"


def test_a_rejection_is_an_act_and_not_rejecting_is_none():
    """'rejected the visit' (modality denied: the visit is refused) tells a rejection that took place, so two
    outlets telling it corroborate 'Valdor deny visit', not 'Valdor not deny visit'; an outlet saying Valdor did
    not reject it tells the opposite and joins neither."""
    c = Corpus()
    valdor = c.entity("e1", "Valdor", "GPE")
    for doc, text in (("a", "Valdor rejected the visit."), ("b", "Valdor firmly rejected the visit."),
                      ("d", "Valdor did not reject the visit.")):
        c.claim(doc, text, predicate="deny", subject=valdor, subject_text="Valdor", object_text="the visit",
                tense="past", modality="denied")
    assert agreed(c) == [("Valdor deny visit", ["a", "b"])]


def test_a_guess_at_what_may_come_is_neither_the_act_nor_the_plan():
    """'could face charges' guesses; 'faced charges' tells it happened and 'will face charges' that it is set: three
    standings. Two outlets guessing alike corroborate the guess, and its heading says it may come."""
    c = Corpus()
    oda = c.entity("e1", "Pell Oda")
    for doc, text, tense, modality in (("a", "Pell Oda could face charges.", "future", "hedged"),
                                       ("b", "Pell Oda might face charges.", "future", "hedged"),
                                       ("d", "Pell Oda faced charges.", "past", "asserted"),
                                       ("e", "Pell Oda will face charges.", "future", "asserted")):
        c.claim(doc, text, predicate="face", subject=oda, subject_text="Pell Oda", object_text="charges",
                tense=tense, modality=modality)
    assert agreed(c) == [("Pell Oda may face charge", ["a", "b"])]


def test_what_a_clause_says_will_happen_once_or_before_something_has_not_happened():
    """'once the negotiations are concluded' (three outlets) is no conclusion of the negotiations: it is told
    as still to come, and its heading says so."""
    c = Corpus()
    for doc in ("a", "b", "d"):
        c.claim(doc, "once the negotiations are concluded", predicate="conclude", object_text="the negotiations",
                tense="present")
    assert agreed(c) == [("to conclude negotiation", ["a", "b", "d"])]
    c = Corpus()     # 'after' opening a phrase, not a clause: what the officials say is said now
    lumo = c.entity("e1", "Vera Lumo")
    for doc in ("a", "b"):
        c.claim(doc, "After the vote, Vera Lumo says the harbour tax is unfair", predicate="say", subject=lumo,
                subject_text="Vera Lumo", tense="present")
    assert [about for about, _ in agreed(c)] == ["Vera Lumo say"]


def test_a_clause_opened_by_when_in_the_present_tells_what_is_to_come():
    """'when she arrives in Lisbon on July 13' is her visit to come, which 'Ilse Tarn will visit Lisbon' tells too;
    'when she arrived' is a visit that happened."""
    c = Corpus()
    tarn, lisbon = c.entity("e1", "Ilse Tarn"), c.entity("e2", "Lisbon", "GPE")
    c.claim("a", "when Ilse Tarn arrives in Lisbon on July 13", predicate="visit", subject=tarn,
            subject_text="Ilse Tarn", object=lisbon, object_text="Lisbon", tense="present")
    c.claim("b", "Ilse Tarn will visit Lisbon in July.", predicate="visit", subject=tarn, subject_text="Ilse Tarn",
            object=lisbon, object_text="Lisbon", tense="future")
    c.claim("d", "when Ilse Tarn arrived in Lisbon", predicate="visit", subject=tarn, subject_text="Ilse Tarn",
            object=lisbon, object_text="Lisbon", tense="past")
    assert agreed(c) == [("Ilse Tarn to visit Lisbon", ["a", "b"])]


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


def test_one_killed_with_no_killer_told_died_and_an_issued_patch_was_released():
    """'Ilse Tarn was killed in the crash', 'Ilse Tarn died in the crash' and 'Pavel Bors killed Ilse Tarn' tell
    one death, headed by who killed where a report says; a second killer named is a second killing. 'Issued a
    patch' is 'released a patch'."""
    c = Corpus()
    tarn, bors = c.entity("e1", "Ilse Tarn"), c.entity("e2", "Pavel Bors")
    c.claim("a", "Ilse Tarn was killed in the crash.", predicate="kill", object=tarn, object_text="Ilse Tarn",
            tense="past")
    c.claim("b", "Ilse Tarn died in the crash.", predicate="die", subject=tarn, subject_text="Ilse Tarn",
            tense="past")
    c.claim("d", "Pavel Bors killed Ilse Tarn.", predicate="kill", subject=bors, subject_text="Pavel Bors",
            object=tarn, object_text="Ilse Tarn", tense="past")
    assert agreed(c) == [("Pavel Bors kill Ilse Tarn", ["a", "b", "d"])]
    vos = c.entity("e3", "Dora Vos")
    c.claim("e", "Dora Vos killed Ilse Tarn.", predicate="kill", subject=vos, subject_text="Dora Vos",
            object=tarn, object_text="Ilse Tarn", tense="past")
    assert all(not {"d", "e"} <= set(docs) for _, docs in agreed(c))
    c = Corpus()
    lumo = c.entity("e1", "Lumo Systems", "ORG")
    c.claim("a", "Lumo Systems issued a patch for the flaw.", predicate="issue", subject=lumo,
            subject_text="Lumo Systems", object_text="a patch", tense="past")
    c.claim("b", "Lumo Systems released a patch on Tuesday.", predicate="release", subject=lumo,
            subject_text="Lumo Systems", object_text="a patch", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]


def test_what_killed_without_being_a_killer_tells_a_death():
    """'A bomb explosion killed Ilse Tarn' tells what 'Ilse Tarn died' does: the doer is what killed her, not who,
    and heads nothing; 'a gunman killed Ilse Tarn' names a killer, who heads the death."""
    c = Corpus()
    tarn = c.entity("e1", "Ilse Tarn")
    c.claim("a", "A bomb explosion killed Ilse Tarn at the bank.", predicate="kill",
            subject_text="A bomb explosion", object=tarn, object_text="Ilse Tarn", tense="past")
    c.claim("b", "Ilse Tarn died at the bank.", predicate="die", subject=tarn, subject_text="Ilse Tarn", tense="past")
    assert agreed(c) == [("Ilse Tarn die", ["a", "b"])]
    c.claim("d", "A gunman killed Ilse Tarn.", predicate="kill", subject_text="A gunman", object=tarn,
            object_text="Ilse Tarn", tense="past")
    assert agreed(c) == [("gunman kill Ilse Tarn", ["a", "b", "d"])]


def test_a_finding_of_no_thing_found_is_what_someone_came_to_hold():
    """'Police found the body' / 'police discovered the body': one discovery. 'Officials discovered that the plan
    would fail' / 'officials found the plan lawful' found no thing: like statements, one only where they say the
    same."""
    c = Corpus()
    police = c.entity("e1", "Harbour Police", "ORG")
    c.claim("a", "Harbour Police found the body of Ilse Tarn.", predicate="find", subject=police,
            subject_text="Harbour Police", object_text="the body of Ilse Tarn", tense="past")
    c.claim("b", "Harbour Police discovered the body of Ilse Tarn.", predicate="find", subject=police,
            subject_text="Harbour Police", object_text="the body of Ilse Tarn", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]
    c = Corpus()
    office = c.entity("e1", "the Budget Office", "ORG")
    c.claim("a", "the Budget Office discovered that the plan would fail.", predicate="find", subject=office,
            subject_text="the Budget Office", tense="past")
    c.claim("b", "the Budget Office found the merger lawful.", predicate="find", subject=office,
            subject_text="the Budget Office", tense="past")
    assert agreed(c) == []


def test_a_report_that_names_the_venue_once_tells_its_bare_clauses_of_that_venue():
    """A report that says 'checked into the Harbour Clinic' and then 'she checked into rehab on Thursday' tells one
    stay: its bare clause is not the other report's stay at Elm Recovery. A report naming both venues leaves its
    bare clause open."""
    c = Corpus()
    ivo = c.entity("e1", "Lena Ivo")
    harbour, elm = c.entity("e2", "the Harbour Clinic", "ORG"), c.entity("e3", "Elm Recovery", "ORG")
    c.claim("a", "Lena Ivo checked into the Harbour Clinic.", predicate="enter", subject=ivo,
            subject_text="Lena Ivo", tense="past")
    c.mention("a", "Harbour Clinic", harbour)
    c.claim("a", "Lena Ivo checked into rehab on Thursday.", predicate="enter", subject=ivo,
            subject_text="Lena Ivo", object_text="rehab", tense="past")
    c.claim("b", "Lena Ivo checked into rehab at Elm Recovery.", predicate="enter", subject=ivo,
            subject_text="Lena Ivo", object_text="rehab", tense="past")
    c.mention("b", "Elm Recovery", elm)
    c.claim("d", "Lena Ivo checked into rehab.", predicate="enter", subject=ivo, subject_text="Lena Ivo",
            object_text="rehab", tense="past")
    c.claim("d", "Lena Ivo checked into the Harbour Clinic and then into Elm Recovery.", predicate="enter",
            subject=ivo, subject_text="Lena Ivo", tense="past")
    c.mention("d", "Harbour Clinic", harbour)
    c.mention("d", "Elm Recovery", elm)
    groups = [docs for _, docs in agreed(c)]
    assert ["a", "b"] not in groups and all(not ({"a", "b"} <= set(g)) for g in groups)


def test_two_people_of_one_surname_are_two_doers():
    """'Mario Williams was serving a sentence' / 'Esther Williams was serving a sentence': two people, whose
    names end alike; nothing of one corroborates the other."""
    c = Corpus()
    m, e = c.entity("e1", "Mario Williams"), c.entity("e2", "Esther Williams")
    c.claim("a", "Mario Williams was serving a sentence in Dorn.", predicate="serve", subject=m,
            subject_text="Mario Williams", object_text="a sentence", tense="past")
    c.claim("b", "Esther Williams was serving a sentence in Dorn.", predicate="serve", subject=e,
            subject_text="Esther Williams", object_text="a sentence", tense="past")
    assert agreed(c) == []


def test_two_of_a_kind_are_not_one_of_that_kind():
    """'Two climbers were killed on the ridge' / 'A climber died on the ridge': the heads agree, the number
    does not; 'a climber' / 'the climber' may be one."""
    c = Corpus()
    c.claim("a", "Two climbers were killed on the ridge.", predicate="kill", object_text="Two climbers", tense="past")
    c.claim("b", "A climber died on the ridge.", predicate="die", subject_text="A climber", tense="past")
    assert agreed(c) == []
    c.claim("d", "The climber died on the ridge.", predicate="die", subject_text="The climber", tense="past")
    assert [docs for _, docs in agreed(c)] == [["b", "d"]]


def test_people_counted_as_several_are_not_one_person_of_another_description():
    """'Two climbers were killed on the ridge' / 'A 36-year-old man died on the ridge': the heads differ and so
    does the number; joined through a clause naming neither ('the deaths on the ridge'), they made one death of
    two events. Bodies keep their number loosely ('police' / 'officers')."""
    c = Corpus()
    c.claim("a", "Two climbers were killed on the ridge.", predicate="kill", object_text="Two climbers", tense="past")
    c.claim("b", "A 36-year-old man died on the ridge.", predicate="die", subject_text="A 36-year-old man",
            tense="past")
    c.claim("d", "There were deaths on the ridge.", predicate="die", tense="past")
    assert all(not {"a", "b"} <= set(docs) for _, docs in agreed(c))
    bodies = Corpus()
    bodies.claim("a", "Police arrested the driver.", predicate="arrest", subject_text="Police",
                 object_text="the driver", tense="past")
    bodies.claim("b", "Officers arrested the driver.", predicate="arrest", subject_text="Officers",
                 object_text="the driver", tense="past")
    assert [docs for _, docs in agreed(bodies)] == [["a", "b"]]


def test_a_state_of_mind_is_one_only_where_it_says_the_same_thing():
    """'I don't know who that is' / 'he had not known about the messages': two states of mind, no happening; the
    same belief named on both sides and stated alike is one."""
    c = Corpus()
    c.claim("a", "I don't know who that is", predicate="know", subject_text="I", tense="present",
            modality="denied")
    c.claim("b", "he had not known about the messages", predicate="know", subject_text="he", tense="past",
            modality="denied")
    assert agreed(c) == []
    c = Corpus()
    lumo = c.entity("e1", "Vera Lumo")
    for doc in ("a", "b"):
        c.claim(doc, "Vera Lumo believes the harbour tax is unfair", predicate="believe", subject=lumo,
                subject_text="Vera Lumo", tense="present")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]


def test_two_pronouns_and_nothing_else_are_no_one_act_unless_the_words_are_the_same():
    """'he could win' / 'he needs to win over': nothing says they are one act. 'She should apologize to the
    court for her remarks', word for word in two reports, is one quoted line. 'I said' / 'As I said yesterday'
    says nothing."""
    c = Corpus()
    c.claim("a", "he could win", predicate="win", subject_text="he", tense="present")
    c.claim("b", "he needs to win over", predicate="win", subject_text="he", tense="present")
    assert agreed(c) == []
    c = Corpus()
    for doc in ("a", "b"):
        c.claim(doc, "she should apologize to the court for her remarks", predicate="apologize",
                subject_text="she", tense="present")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]
    c = Corpus()
    lumo = c.entity("e1", "Vera Lumo")
    c.claim("a", "I said", predicate="say", subject=lumo, subject_text="Vera Lumo", tense="past")
    c.claim("b", "As I said yesterday", predicate="say", subject=lumo, subject_text="Vera Lumo", tense="past")
    assert agreed(c) == []


def test_going_and_coming_alone_name_no_act_and_a_reflexive_is_the_doer():
    """'that was going on' / 'had gone from the streets' tell nothing; 'cast Tarn as his deputy' / 'cast himself
    as a hawk' are two castings: the thing done to in the second is the doer."""
    c = Corpus()
    c.claim("a", "that was going on", predicate="go", subject_text="that", tense="past")
    c.claim("b", "that energy had gone from the streets", predicate="go", subject_text="that energy", tense="past")
    assert agreed(c) == []
    c = Corpus()
    bors, tarn = c.entity("e1", "Pavel Bors"), c.entity("e2", "Ilse Tarn")
    c.claim("a", "Pavel Bors cast Ilse Tarn as his deputy", predicate="cast", subject=bors, subject_text="Pavel Bors",
            object=tarn, object_text="Ilse Tarn", tense="past")
    c.claim("b", "Pavel Bors cast himself as a hawk", predicate="cast", subject=bors, subject_text="Pavel Bors",
            object_text="himself", tense="past")
    assert agreed(c) == []


def test_a_time_read_as_the_doer_is_no_doer():
    """The parser may take 'the day' for who sentenced Pavel Bors; a time does nothing, so it does not part
    that clause from 'Judge Ana Holm sentenced Pavel Bors'."""
    c = Corpus()
    bors, holm = c.entity("e1", "Pavel Bors"), c.entity("e2", "Ana Holm")
    c.claim("a", "the day Pavel Bors was sentenced", predicate="sentence", subject_text="the day", object=bors,
            object_text="Pavel Bors", tense="past")
    c.claim("b", "Judge Ana Holm sentenced Pavel Bors.", predicate="sentence", subject=holm,
            subject_text="Judge Ana Holm", object=bors, object_text="Pavel Bors", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]


def test_a_time_that_arrives_is_no_visit():
    """'Then arrived the day of the vote' tells no act: it does not meet 'when Ilse Tarn arrived'."""
    c = Corpus()
    tarn = c.entity("e1", "Ilse Tarn")
    c.claim("a", "Then arrived the day of the vote", predicate="visit", subject_text="the day of the vote",
            tense="past")
    c.claim("b", "when Ilse Tarn arrived", predicate="visit", subject=tarn, subject_text="Ilse Tarn", tense="past")
    assert agreed(c) == []


def test_she_may_stand_for_a_description_of_a_person_in_two_parts():
    """'The film actress and former model checked into the Harbour Clinic' / 'she checked into the Harbour
    Clinic': one of the description's heads is a person's."""
    c = Corpus()
    harbour = c.entity("e1", "the Harbour Clinic", "ORG")
    c.claim("a", "The film actress and former model checked into the Harbour Clinic.", predicate="enter",
            subject_text="The film actress and former model", object=harbour, object_text="the Harbour Clinic",
            tense="past")
    c.claim("b", "She checked into the Harbour Clinic.", predicate="enter", subject_text="She", object=harbour,
            object_text="the Harbour Clinic", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]


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


def test_a_title_the_coverage_sets_before_a_name_describes_a_person():
    """'Rovers lineman Dane Pell' makes 'the lineman' a description of a person, who may be Dane Pell; where no
    report sets 'lineman' before a name, the word is of no known kind and cannot be the person named."""
    def corpus(titled: bool) -> Corpus:
        c = Corpus()
        pell = c.entity("e1", "Dane Pell")
        words = "Rovers lineman Dane Pell" if titled else "Dane Pell"
        c.claim("a", f"{words} blocked the final kick.", predicate="block", subject=pell, subject_text=words,
                object_text="the final kick", tense="past")
        c.entities[pell].mentions.clear()
        c.mention("a", "Dane Pell", pell)    # the name alone, its title before it
        c.claim("b", "The lineman blocked the final kick.", predicate="block", subject_text="The lineman",
                object_text="the final kick", tense="past")
        return c
    assert [docs for _, docs in agreed(corpus(titled=True))] == [["a", "b"]]
    assert agreed(corpus(titled=False)) == []


def test_what_exists_is_one_fact_only_where_the_same_thing_is_said_of_it():
    """'there is no room for prejudice' told twice is one statement; 'there is a connection' and 'there were plans'
    share no thing, and 'there is a chance' twice says nothing more in common."""
    def exist(c: Corpus, doc: str, text: str, what: str) -> None:
        c.claim(doc, text, predicate="exist", subject_text=what, tense="present")
    c = Corpus()
    exist(c, "a", "When you open your heart, there is no room for prejudice in Harlow.", "no room for prejudice")
    exist(c, "b", "There is no room for prejudice, the mayor said.", "no room for prejudice")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]
    other = Corpus()
    exist(other, "a", "There is a connection between the two fires.", "a connection between the two fires")
    exist(other, "b", "There were plans to rebuild the dairy.", "plans to rebuild the dairy")
    exist(other, "c", "There is a chance of rain on Sunday.", "a chance of rain on Sunday")
    exist(other, "d", "There is a chance the mill reopens.", "a chance")
    assert agreed(other) == []
    lot = Corpus()
    exist(lot, "a", "There’s a whole lot of anger", "a whole lot of anger")
    exist(lot, "b", "there’s a lot of soul-searching", "a lot of soul-searching")
    assert agreed(lot) == []


def test_an_attempt_is_one_only_where_it_is_at_the_same_act():
    """'sought to win over unions' / 'sought to set herself apart from rivals': one doer, two attempts; 'they tried to
    board a vessel off Harlow' and 'the raiders tried to board a cargo vessel off Harlow' tell one attempt, whoever
    'they' are."""
    c = Corpus()
    ann = c.entity("e1", "Ann Vale")
    c.claim("a", "Vale sought to win over the unions at the rally.", predicate="try", subject=ann,
            subject_text="Vale", tense="past")
    c.claim("b", "Vale sought to set herself apart from her rivals.", predicate="try", subject=ann,
            subject_text="Vale", tense="past")
    assert agreed(c) == []
    raid = Corpus()
    raid.claim("a", "they tried to board a vessel off Harlow", predicate="try", subject_text="they", tense="past")
    raid.claim("b", "the raiders tried to board a cargo vessel off Harlow", predicate="try",
               subject_text="the raiders", tense="past")
    assert [docs for _, docs in agreed(raid)] == [["a", "b"]]


def test_calling_something_something_is_one_only_where_it_is_called_the_same():
    """'Vale called the meeting wonderful' / 'Vale called the ruling a disgrace': one speaker, two namings; 'Vale
    called Hart a reckless coward' twice is one."""
    c = Corpus()
    vale, hart = c.entity("e1", "Ann Vale"), c.entity("e2", "Tom Hart")
    c.claim("a", "Vale called the meeting wonderful and thanked the mayor.", predicate="call", subject=vale,
            subject_text="Vale", object_text="the meeting", tense="past")
    c.claim("b", "Vale called the ruling a disgrace for the town.", predicate="call", subject=vale,
            subject_text="Vale", object_text="the ruling", tense="past")
    c.claim("c", "Vale called Hart a reckless coward on Sunday.", predicate="call", subject=vale, subject_text="Vale",
            object=hart, object_text="Hart", tense="past")
    c.claim("d", "Calling Hart a reckless coward, Vale left the stage.", predicate="call", subject=vale,
            subject_text="Vale", object=hart, object_text="Hart", tense="past")
    assert [docs for _, docs in agreed(c)] == [["c", "d"]]


def _beat(c: Corpus, outer: Claim, opponent: str) -> None:
    """Another act of the same doer told inside `outer` ('stopped X in the sixth round to retain ...')."""
    c.claims.append(Claim(id=f"c{len(c.claims) + 1}", doc=outer.doc, start=outer.start, end=outer.end, text=outer.text,
                          predicate="stop", subject=outer.subject, subject_text=outer.subject_text, object=opponent,
                          object_text=c.entities[opponent].name, tense="past"))


def test_one_act_told_with_two_different_opponents_is_two_occasions():
    """A champion retains his title each time he wins: the man he beat in the telling says which night it was."""
    c = Corpus()
    varga = c.entity("e1", "Milan Varga")
    ott, pell = c.entity("e2", "Rufus Ott"), c.entity("e3", "Dane Pell")
    a = c.claim("a", "Milan Varga stopped Rufus Ott in the fifth round to retain his belts.", predicate="retain",
                subject=varga, subject_text="Milan Varga", object_text="his belts", tense="past")
    _beat(c, a, ott)
    b = c.claim("b", "Milan Varga beat Dane Pell on points to retain his belts.", predicate="retain", subject=varga,
                subject_text="Milan Varga", object_text="his belts", tense="past")
    _beat(c, b, pell)
    assert [docs for about, docs in agreed(c) if "retain" in about] == []
    d = c.claim("d", "Milan Varga retained his belts by stopping Rufus Ott.", predicate="retain", subject=varga,
                subject_text="Milan Varga", object_text="his belts", tense="past")
    _beat(c, d, ott)
    assert [docs for about, docs in agreed(c) if "retain" in about] == [["a", "d"]]


def test_a_habit_is_no_event():
    """'typically releases updates on the second Tuesday' tells a schedule, not the release both others report."""
    c = Corpus()
    soft = c.entity("e1", "Ardent Soft", "ORG")
    c.claim("a", "Ardent Soft typically releases updates on the second Tuesday.", predicate="release", subject=soft,
            subject_text="Ardent Soft", object_text="updates", tense="present")
    c.claim("b", "Ardent Soft usually releases updates once a month.", predicate="release", subject=soft,
            subject_text="Ardent Soft", object_text="updates", tense="present")
    assert agreed(c) == []
    c.claim("c", "Ardent Soft released emergency updates.", predicate="release", subject=soft,
            subject_text="Ardent Soft", object_text="emergency updates", tense="past")
    assert agreed(c) == []


def test_two_weekdays_for_one_act_are_two_occasions():
    """Undated reports: 'released a patch on Wednesday' and '... on Tuesday' are two releases; the same day joins."""
    c = Corpus()
    soft = c.entity("e1", "Ardent Soft", "ORG")
    for doc, day, value in (("a", "Wednesday", "XXXX-WXX-3"), ("b", "Tuesday", "XXXX-WXX-2"),
                            ("d", "Wednesday", "XXXX-WXX-3")):
        claim = c.claim(doc, f"Ardent Soft released an emergency patch on {day}.", predicate="release", subject=soft,
                        subject_text="Ardent Soft", object_text="an emergency patch", tense="past")
        c.time(doc, day, value)
        claim.time = c.times[-1].id
    assert agreed(c) == [("Ardent Soft release patch", ["a", "d"])]


def test_a_report_alone_in_its_storyline_may_tell_an_event_of_any_storyline():
    """Story clustering leaves a short report it cannot place alone: that says nothing about its events, so its
    clauses join the event they tell; two reports the clustering put in two storylines stay apart."""
    c = Corpus()
    tarn, lisbon = c.entity("e1", "Ilse Tarn"), c.entity("e2", "Lisbon", "GPE")
    for doc in ("a", "b", "c", "d"):
        c.claim(doc, "Ilse Tarn visited Lisbon.", predicate="visit", subject=tarn, subject_text="Ilse Tarn",
                object=lisbon, object_text="Lisbon", tense="past")
    lines = [Story(id="s1", documents=["a", "b"]), Story(id="s2", documents=["c"]), Story(id="s3", documents=["d"])]
    facts = [f for f in align_facts(c.analysis(stories=lines), CFG) if f.verdict == "corroborated"]
    assert [sorted(d for p in f.positions for d in p.documents) for f in facts] == [["a", "b", "c", "d"]]
    lines = [Story(id="s1", documents=["a", "b"]), Story(id="s2", documents=["c", "d"])]
    facts = [f for f in align_facts(c.analysis(stories=lines), CFG) if f.verdict == "corroborated"]
    assert sorted(sorted(d for p in f.positions for d in p.documents) for f in facts) == [["a", "b"], ["c", "d"]]


def test_one_persons_death_told_in_two_event_stories_is_one_death():
    """Story clustering may split a storyline's reports into two events; a clause with a doer alone does not cross
    them ('Tarn spoke' in two events may be two speeches), but a person dies once."""
    c = Corpus()
    tarn = c.entity("e1", "Ilse Tarn")
    for doc in ("a", "b", "c", "d"):
        c.claim(doc, "Ilse Tarn died at her home.", predicate="die", subject=tarn, subject_text="Ilse Tarn",
                tense="past")
        c.claim(doc, "Ilse Tarn spoke at length.", predicate="speak", subject=tarn, subject_text="Ilse Tarn",
                tense="past")
    lines = [Story(id="L", documents=["a", "b", "c", "d"]), Story(id="s1", documents=["a", "b"], parent="L"),
             Story(id="s2", documents=["c", "d"], parent="L")]
    facts = [f for f in align_facts(c.analysis(stories=lines), CFG) if f.verdict == "corroborated"]
    assert sorted((f.about, sorted({d for p in f.positions for d in p.documents})) for f in facts) == [
        ("Ilse Tarn die", ["a", "b", "c", "d"]), ("Ilse Tarn speak", ["a", "b"]), ("Ilse Tarn speak", ["c", "d"])]


def test_a_description_of_the_named_doers_kind_does_not_part_two_reports():
    """'the police arrested Dane Pell' and 'the Harbour Constabulary arrested Dane Pell': a description of a body
    may be the body another report names; a thing ('a report') may not be a doer named elsewhere."""
    c = Corpus()
    force, pell = c.entity("e1", "the Harbour Constabulary", "ORG"), c.entity("e2", "Dane Pell")
    c.claim("a", "The police arrested Dane Pell at his home.", predicate="arrest", subject_text="The police",
            object=pell, object_text="Dane Pell", tense="past")
    c.claim("b", "the Harbour Constabulary arrested Dane Pell", predicate="arrest", subject=force,
            subject_text="the Harbour Constabulary", object=pell, object_text="Dane Pell", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]
    other = Corpus()
    force, pell = other.entity("e1", "the Harbour Constabulary", "ORG"), other.entity("e2", "Dane Pell")
    other.claim("b", "the Harbour Constabulary arrested Dane Pell", predicate="arrest", subject=force,
                subject_text="the Harbour Constabulary", object=pell, object_text="Dane Pell", tense="past")
    other.claim("d", "a warrant issued last year led to Dane Pell's arrest", predicate="arrest",
                subject_text="a warrant", object=pell, object_text="Dane Pell", tense="past")
    assert agreed(other) == []


def test_two_named_venues_of_one_act_are_two_occasions():
    """'checked into the Harbour Clinic' / 'checked into Elm Recovery': two stays, though the doer is one; a
    town is no venue ('in Faro' may lie inside 'in the Algarve')."""
    c = Corpus()
    ivo = c.entity("e1", "Lena Ivo")
    harbour, elm = c.entity("e2", "the Harbour Clinic", "ORG"), c.entity("e3", "Elm Recovery", "ORG")
    c.claim("a", "Lena Ivo checked into the Harbour Clinic.", predicate="check", subject=ivo,
            subject_text="Lena Ivo", tense="past")
    c.mention("a", "Harbour Clinic", harbour)
    c.claim("b", "Lena Ivo checked into Elm Recovery.", predicate="check", subject=ivo, subject_text="Lena Ivo",
            tense="past")
    c.mention("b", "Elm Recovery", elm)
    assert agreed(c) == []
    c.claim("d", "Lena Ivo checked into the Harbour Clinic on Friday.", predicate="check", subject=ivo,
            subject_text="Lena Ivo", tense="past")
    c.mention("d", "Harbour Clinic", harbour)
    assert [docs for _, docs in agreed(c)] == [["a", "d"]]


def test_a_place_entered_is_a_venue_whatever_its_tag_and_a_shared_facility_word_names_none():
    """'checked into the Larch Center' (the place is the thing entered) / 'checked into Birch Recovery Center',
    which the tagger took for a person: two stays, though both names end in 'Center'; 'entered rehab' may be
    either, being a description of a place of that kind, so it corroborates neither."""
    c = Corpus()
    ivo = c.entity("e1", "Lena Ivo")
    larch, birch = c.entity("e2", "the Larch Center", "ORG"), c.entity("e3", "Birch Recovery Center", "PERSON")
    c.claim("a", "Lena Ivo checked into the Larch Center.", predicate="enter", subject=ivo, subject_text="Lena Ivo",
            object=larch, object_text="the Larch Center", tense="past")
    c.mention("a", "Larch Center", larch)
    c.claim("b", "Lena Ivo checked into Birch Recovery Center.", predicate="enter", subject=ivo,
            subject_text="Lena Ivo", object=birch, object_text="Birch Recovery Center", tense="past")
    c.mention("b", "Birch Recovery Center", birch)
    assert agreed(c) == []
    c.claim("d", "Lena Ivo entered rehab.", predicate="enter", subject=ivo, subject_text="Lena Ivo",
            object_text="rehab", tense="past")
    assert agreed(c) == []
    c.claim("e", "Lena Ivo checked into the Larch Center.", predicate="enter", subject=ivo, subject_text="Lena Ivo",
            object=larch, object_text="the Larch Center", tense="past")
    c.mention("e", "Larch Center", larch)
    assert [docs for _, docs in agreed(c)] == [["a", "e"]]


def test_a_clause_naming_no_venue_tells_the_one_stay_there_is():
    """With one clinic named in all the coverage, 'entered rehab' tells that stay; it is withheld only where two
    stays are told."""
    c = Corpus()
    ivo = c.entity("e1", "Lena Ivo")
    larch = c.entity("e2", "the Larch Center", "ORG")
    c.claim("a", "Lena Ivo checked into the Larch Center.", predicate="enter", subject=ivo, subject_text="Lena Ivo",
            object=larch, object_text="the Larch Center", tense="past")
    c.mention("a", "Larch Center", larch)
    c.claim("d", "Lena Ivo entered rehab.", predicate="enter", subject=ivo, subject_text="Lena Ivo",
            object_text="rehab", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "d"]]


def test_a_name_entered_is_a_venue_where_the_tagger_missed_it_and_another_one_is_not_the_report_s():
    """'checked in to the Elm Recovery rehab facility', with no entity tagged there, is a stay at Elm Recovery,
    not at the Harbour Clinic; a flaw that lets hackers 'into Lumo Browser' enters nothing. A report's 'a
    different rehab' is not the venue that report names."""
    c = Corpus()
    ivo = c.entity("e1", "Lena Ivo")
    harbour = c.entity("e2", "the Harbour Clinic", "ORG")
    c.claim("a", "Lena Ivo checked into rehab at the Harbour Clinic.", predicate="enter", subject=ivo,
            subject_text="Lena Ivo", object_text="rehab", tense="past")
    c.mention("a", "Harbour Clinic", harbour)
    c.claim("b", "Lena Ivo checked in to the Elm Recovery rehab facility.", predicate="enter", subject=ivo,
            subject_text="Lena Ivo", object_text="rehab", tense="past")
    assert agreed(c) == []
    c.claim("b", "Lena Ivo has since checked into a different rehab.", predicate="enter", subject=ivo,
            subject_text="Lena Ivo", object_text="a different rehab", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]
    c = Corpus()
    lumo = c.entity("e1", "Lumo Systems", "ORG")
    for doc in ("a", "b"):
        text = "Lumo Systems released a patch" + (" for a flaw that lets hackers into Lumo Browser" if doc == "a" else "")
        c.claim(doc, text, predicate="release", subject=lumo, subject_text="Lumo Systems", object_text="a patch",
                tense="past")
    c.claim("b", "Lumo Systems released it into Oak Market stores", predicate="release", subject=lumo,
            subject_text="Lumo Systems", object_text="it", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]


def test_the_ledger_cut_by_storyline_attaches_a_lone_report_as_the_whole_ledger_does():
    """The Spark run answers each storyline apart: a lone report goes to the storyline it is attached to, so the
    per-storyline ledgers give the whole ledger's events."""
    from newsprism.scale.corpus import fact_order, name_stubs, storyline_groups, with_stubs

    c = Corpus()
    tarn, lisbon = c.entity("e1", "Ilse Tarn"), c.entity("e2", "Lisbon", "GPE")
    bors, faro = c.entity("e3", "Pavel Bors"), c.entity("e4", "Faro", "GPE")
    for doc, who, where in (("a", tarn, lisbon), ("b", tarn, lisbon), ("c", tarn, lisbon),
                            ("d", bors, faro), ("e", bors, faro), ("f", bors, faro)):
        names = {tarn: "Ilse Tarn", bors: "Pavel Bors", lisbon: "Lisbon", faro: "Faro"}
        c.claim(doc, f"{names[who]} visited {names[where]}.", predicate="visit", subject=who, subject_text=names[who],
                object=where, object_text=names[where], tense="past")
    lines = [Story(id="s1", documents=["a", "b"]), Story(id="s2", documents=["c"]),
             Story(id="s3", documents=["d", "e"]), Story(id="s4", documents=["f"])]
    whole = c.analysis(stories=lines).bind()
    facts = align_facts(whole, CFG)
    assert sorted(sorted(f.positions[0].documents) for f in facts if f.verdict == "corroborated") == \
        [["a", "b", "c"], ["d", "e", "f"]]
    stubs, parts = name_stubs(whole), []
    for part in storyline_groups(whole, CFG).values():
        part.entities = with_stubs(part, stubs)
        parts += align_facts(part.bind(), CFG)
    strip = lambda fs: [f.model_dump(exclude={"id"}) for f in sorted(fs, key=fact_order)]  # noqa: E731
    assert strip(parts) == strip(facts)


def test_a_person_described_through_another_is_not_that_other():
    """'Tarn's mentor, Oskar Lind, had died' tells Lind's death, not Tarn's; 'Tarn's lawyer said' is not Tarn
    speaking. A thing described through a person stays theirs ('Newton's record')."""
    c = Corpus()
    tarn = c.entity("e1", "Ilse Tarn")
    c.claim("a", "Ilse Tarn's mentor had died the month before.", predicate="die",
            subject_text="Ilse Tarn's mentor", tense="past")
    c.mention("a", "Ilse Tarn", tarn)
    c.claim("b", "Ilse Tarn died on Thursday at her home.", predicate="die", subject=tarn, subject_text="Ilse Tarn",
            tense="past")
    assert [f for f in facts_of(c) if f.verdict == "corroborated"] == []


def _lede_and_body(c: Corpus, doc: str, lede: str, body: str, **fields) -> None:
    """A report that tells the clause in its first sentence (its lede), or in `body` below another lede."""
    if body:
        c.claim(doc, "The council met on a wet Tuesday in the old hall by the harbour.")
    c.claim(doc, body or lede, **fields)


def test_two_reports_leading_with_one_act_tell_one_event_though_nothing_names_it_alike():
    """'A woman has died ...' and 'A 59-year-old mother of two died ...' lead two reports of one event story:
    a report leads with its news, so their ledes tell one death, where no name or date parts them."""
    c = Corpus()
    _lede_and_body(c, "a", "A woman has died after a car hit her at a crossing in Harrow.", "",
                   predicate="die", subject_text="A woman", tense="past")
    _lede_and_body(c, "b", "A 59-year-old mother of two died when a van struck her on Sunday.", "",
                   predicate="die", subject_text="A 59-year-old mother of two", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]


def test_the_same_clauses_deeper_in_a_report_are_no_evidence_of_one_event():
    """Further down a report tells background and earlier events: two deaths of undescribed people there are
    not one death, nor is one in a lede and one in the body."""
    woman = "A woman has died after a car hit her at a crossing in Harrow."
    mother = "A 59-year-old mother of two died when a van struck her on Sunday."
    for a_leads in (False, True):     # both below the lede, or one in its lede and the other below
        c = Corpus()
        _lede_and_body(c, "a", woman if a_leads else "", "" if a_leads else woman,
                       predicate="die", subject_text="A woman", tense="past")
        _lede_and_body(c, "b", "", mother, predicate="die", subject_text="A 59-year-old mother of two", tense="past")
        assert agreed(c) == []


def test_ledes_of_two_event_stories_or_naming_two_people_stay_two_events():
    c = Corpus()
    for doc, who in (("a", "A woman"), ("b", "A cyclist")):
        _lede_and_body(c, doc, f"{who} has died after a car hit her at a crossing in Harrow.", "",
                       predicate="die", subject_text=who, tense="past")
    two = [Story(id="L", documents=["a", "b"]), Story(id="s1", documents=["a"], parent="L"),
           Story(id="s2", documents=["b"], parent="L")]
    assert [f for f in align_facts(c.analysis(stories=two), CFG) if f.verdict == "corroborated"] == []
    c = Corpus()
    mora, lind = c.entity("e1", "Ada Mora"), c.entity("e2", "Lea Lind")
    for doc, who, ref in (("a", "Ada Mora", mora), ("b", "Lea Lind", lind)):
        _lede_and_body(c, doc, f"{who} has died after a car hit her at a crossing in Harrow.", "",
                       predicate="die", subject=ref, subject_text=who, tense="past")
    assert agreed(c) == []


def test_a_place_in_the_description_of_one_who_died_is_no_second_occasion():
    """A person dies once: 'Mora, the No. 2 official at the Harbour Authority, died' and 'Mora, who worked at the
    Tarn Museum, died' tell one death, though each names a building at which something was done."""
    c = Corpus()
    mora = c.entity("e1", "Ada Mora")
    authority, museum = c.entity("e2", "Harbour Authority", "ORG"), c.entity("e3", "Tarn Museum", "ORG")
    c.claim("a", "Ada Mora, the No. 2 official at the Harbour Authority, died on Thursday.", predicate="die",
            subject=mora, subject_text="Ada Mora", tense="past")
    c.mention("a", "Harbour Authority", authority)
    c.claim("b", "Ada Mora, who worked at the Tarn Museum for years, died at home.", predicate="die", subject=mora,
            subject_text="Ada Mora", tense="past")
    c.mention("b", "Tarn Museum", museum)
    assert agreed(c) == [("Ada Mora die", ["a", "b"])]


def _one_act(predicate: str, thing: str, tense: str, *tellings: tuple[str, str]) -> Corpus:
    """One act done to one thing, told by documents a, b, ... each as (its clause, its doer)."""
    c = Corpus()
    for k, (text, doer) in enumerate(tellings):
        c.claim("abcd"[k], text, predicate=predicate, subject_text=doer, object_text=thing, tense=tense)
    return c


def test_a_pronoun_and_a_description_it_may_be_are_no_evidence_either_way():
    """'she slipped from the north ridge' / 'a woman slipped from the north ridge': the pronoun's antecedent is in
    its own report, so an indefinite description of a person neither ties nor parts them; the ridge ties them.
    'he' and the police, or 'it' and the climbers, cannot be one referent."""
    c = _one_act("slip", "the north ridge", "past", ("after she slipped from the north ridge", "she"),
                 ("a woman slipped from the north ridge on Sunday", "a woman"))
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]
    apart = _one_act("fire", "a rifle", "past", ("he fired a rifle at the crowd", "he"),
                     ("the police fired a rifle at the crowd", "the police"))
    assert agreed(apart) == []
    climbers = _one_act("fall", "the gully", "past", ("it fell down the gully", "it"),
                        ("two climbers fell down the gully", "two climbers"))
    assert agreed(climbers) == []


def test_it_may_be_a_thing_or_a_body_described_without_a_name():
    """'it could allow businesses to refuse service' / 'a new law could allow businesses to refuse service': 'it'
    may be the law; 'it' is never a person."""
    told_by_it = ("that it could allow businesses to refuse service", "it")
    c = _one_act("allow", "businesses", "present", told_by_it,
                 ("a new law could allow businesses to refuse service", "a new law"))
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]
    person = _one_act("allow", "businesses", "present", told_by_it,
                      ("the senator could allow businesses to refuse service", "the senator"))
    assert agreed(person) == []


def test_a_person_told_by_a_tie_to_someone_unnamed_may_be_the_one_named():
    """'his grandfather died at home' / 'Olaf Brandt died at home': a relation noun describes a person, which may
    be the one the other report names; 'Brandt's mentor' names Brandt as someone else."""
    c = Corpus()
    brandt = c.entity("e1", "Olaf Brandt")
    c.claim("a", "his grandfather died at his home in Vigo", predicate="die", subject_text="his grandfather",
            tense="past")
    c.claim("b", "Olaf Brandt died at his home in Vigo", predicate="die", subject=brandt, subject_text="Olaf Brandt",
            tense="past")
    c.claim("c", "Olaf Brandt, 91, died at his home in Vigo on Friday", predicate="die", subject=brandt,
            subject_text="Olaf Brandt, 91", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "b", "c"]]
    mentor = Corpus()
    brandt = mentor.entity("e1", "Olaf Brandt")
    mentor.claim("a", "Olaf Brandt's mentor died at his home in Vigo", predicate="die",
                 subject_text="Olaf Brandt's mentor", tense="past")
    mentor.mention("a", "Olaf Brandt", brandt)
    mentor.claim("b", "Olaf Brandt died at his home in Vigo", predicate="die", subject=brandt,
                 subject_text="Olaf Brandt", tense="past")
    assert agreed(mentor) == []


def test_two_descriptions_part_only_where_they_name_two_of_one_kind():
    """'broke Ilse Tarn's scoring record' / 'broke Harlow College's scoring mark': a person and a body named in
    two descriptions of one record may both be its; 'Valdor's envoy' / 'Carth's ambassador' name two states, two
    people."""
    c = Corpus()
    lind = c.entity("e1", "Oskar Lind")
    owners = {"Ilse Tarn": c.entity("e2", "Ilse Tarn"), "Harlow College": c.entity("e3", "Harlow College", "ORG")}
    for doc, doer, owner, record in (("a", "Oskar Lind", "Ilse Tarn", "scoring record"),
                                     ("b", "Oskar Lind", "Harlow College", "scoring mark"),
                                     ("c", "a player", "Harlow College", "scoring mark")):
        thing = f"{owner}'s {record}"
        c.claim(doc, f"{doer} broke {thing}", predicate="break", subject=lind if doer == "Oskar Lind" else None,
                subject_text=doer, object_text=thing, tense="past")
        c.mention(doc, owner, owners[owner])
    assert [docs for _, docs in agreed(c)] == [["a", "b", "c"]]
    envoys = Corpus()
    valdor, carth = envoys.entity("e1", "Valdor", "GPE"), envoys.entity("e2", "Carth", "GPE")
    envoys.claim("a", "Valdor's envoy arrived in Lisbon", predicate="arrive", subject_text="Valdor's envoy",
                 object_text="Lisbon", tense="past")
    envoys.mention("a", "Valdor", valdor)
    envoys.claim("b", "Carth's ambassador arrived in Lisbon", predicate="arrive", subject_text="Carth's ambassador",
                 object_text="Lisbon", tense="past")
    envoys.mention("b", "Carth", carth)
    assert agreed(envoys) == []


def test_a_past_habit_is_no_act_of_using():
    """'used to be important' / 'than we used to produce' tell a habit; 'was used to buy' still tells a use."""
    c = Corpus()
    for doc, text in (("a", "The accord used to be important to the party."), ("b", "than the mills used to produce")):
        c.claim(doc, text, predicate="use", tense="past")
    assert agreed(c) == []
    c = Corpus()
    vault = c.entity("e1", "Arden Vault", "ORG")
    for doc in ("a", "b"):
        c.claim(doc, "The Arden Vault money was used to buy arms.", predicate="use", object=vault,
                object_text="The Arden Vault money", tense="past")
    assert [about for about, _ in agreed(c)] == ["use Arden Vault"]


def test_dismissed_is_neither_a_denial_nor_a_firing():
    """News dismisses a claim and dismisses a coach: 'dismiss' is read as its own verb, not as a denial."""
    from newsprism.lexicon.predicates import predicate_class
    assert predicate_class("dismiss") == "dismiss"
    assert predicate_class("reject") == "deny"


def test_a_condition_on_what_may_come_tells_no_act_either():
    """'if they kill him' and 'the gangs threatened to kill him' are not one killing planned by two outlets."""
    c = Corpus()
    for doc, text in (("a", "if the gangs kill him"), ("b", "after the gangs threatened to kill him")):
        c.claim(doc, text, predicate="kill", subject_text="the gangs", object_text="him", tense="future")
    assert agreed(c) == []


def _escape(c: Corpus, doc: str, text: str, **who) -> None:
    van = c.entity("e9", "Harlow Road", "FAC")
    c.claim(doc, text, predicate="escape", object=van, object_text="Harlow Road", tense="past", **who)


def test_a_nameless_description_parts_no_groups_a_bare_clause_ties():
    """Two reports name the escaper ('Oren Vask'), two describe him ('a convicted burglar', a noun the lexicon
    does not know for a person), a fifth names no one: the bare clause ties the groups, and a description that
    names no one is no second escaper, so one event. A second named escaper still parts them."""
    c = Corpus()
    vask = c.entity("e1", "Oren Vask")
    _escape(c, "a", "Oren Vask escaped at Harlow Road.", subject=vask, subject_text="Oren Vask")
    _escape(c, "b", "Vask escaped at Harlow Road.", subject=vask, subject_text="Vask")
    _escape(c, "d", "A convicted burglar escaped at Harlow Road.", subject_text="A convicted burglar")
    _escape(c, "e", "The burglar escaped at Harlow Road.", subject_text="The burglar")
    _escape(c, "g", "escaped at Harlow Road", subject_text=None)
    assert agreed(c) == [("Oren Vask escape Harlow Road", ["a", "b", "d", "e", "g"])]
    c = Corpus()
    vask, tarn = c.entity("e1", "Oren Vask"), c.entity("e2", "Ilse Tarn")
    _escape(c, "a", "Oren Vask escaped at Harlow Road.", subject=vask, subject_text="Oren Vask")
    _escape(c, "b", "Vask escaped at Harlow Road.", subject=vask, subject_text="Vask")
    _escape(c, "d", "Ilse Tarn escaped at Harlow Road.", subject=tarn, subject_text="Ilse Tarn")
    _escape(c, "e", "Tarn escaped at Harlow Road.", subject=tarn, subject_text="Tarn")
    _escape(c, "g", "escaped at Harlow Road", subject_text=None)
    assert sorted(docs for _, docs in agreed(c)) in ([["a", "b"], ["d", "e", "g"]], [["a", "b", "g"], ["d", "e"]])


def test_a_pronoun_stands_only_for_someone_its_own_report_names():
    """'She resigned on Monday' in a report that names Olaf Brandt and never Ilse Tarn is not Tarn's resignation
    (its antecedent is in its own report); where that report names Tarn too, it may be."""
    def resignation(named_in_b: tuple[str, str]) -> list:
        c = Corpus()
        tarn = c.entity("e1", "Ilse Tarn")
        other = c.entity(*named_in_b)
        c.claim("a", "Ilse Tarn resigned on Monday.", predicate="resign", subject=tarn, subject_text="Ilse Tarn",
                tense="past")
        c.claim("b", f"{c.entities[other].name} spoke to reporters outside the ministry in the capital early on Monday "
                     "morning.", predicate="speak", subject=other,
                subject_text=c.entities[other].name, tense="past")
        c.claim("b", "She resigned on Monday.", predicate="resign", subject_text="She", tense="past")
        return [docs for about, docs in agreed(c) if "resign" in about]
    assert resignation(("e2", "Olaf Brandt")) == []
    assert resignation(("e1", "Ilse Tarn")) == [["a", "b"]]


def test_what_came_after_what_is_no_act_and_following_someone_is():
    """'This followed a 97-1 vote' / 'the override followed the vote': a sequence, no happening to agree on;
    'police followed the suspect' (twice) is one."""
    c = Corpus()
    for doc, text, subj in (("a", "This followed a 97-1 vote in the Senate.", "This"),
                            ("b", "The override followed a 97-1 vote in the Senate.", "The override")):
        c.claim(doc, text, predicate="follow", subject_text=subj, object_text="a 97-1 vote", tense="past")
    assert agreed(c) == []
    c = Corpus()
    for doc in ("a", "b"):
        c.claim(doc, "Harbour police followed the suspect to the docks.", predicate="follow",
                subject_text="Harbour police", object_text="the suspect", tense="past")
    assert [docs for _, docs in agreed(c)] == [["a", "b"]]


def test_a_pronoun_never_stands_for_someone_its_report_tells_as_of_the_other_sex():
    """'she pleaded guilty' in a report that calls Hale 'Mr. Hale' is his wife's plea, not his; 'he would veto the
    bill' in a report of 'Ms. Vance' is not her veto. Where the report says nothing of it, the pronoun may still be."""
    def pleas(title: str) -> list:
        c = Corpus()
        hale = c.entity("e1", "Tomas Hale")
        c.claim("a", "Tomas Hale pleaded guilty in federal court on Wednesday.", predicate="plead", subject=hale,
                subject_text="Tomas Hale", tense="past")
        c.claim("b", f"{title}Hale wept as he read a statement to the judge.", predicate="weep", subject=hale,
                subject_text="Hale", tense="past")
        c.mention("b", "Hale", hale)
        c.claim("b", "Later in the day she pleaded guilty in federal court too.", predicate="plead",
                subject_text="she", tense="past")
        return [docs for about, docs in agreed(c) if "plead" in about]
    assert pleas("Mr. ") == []
    assert pleas("") == [["a", "b"]]


def test_he_and_she_are_two_people():
    c = Corpus()
    for doc, pronoun in (("a", "He"), ("b", "She")):
        c.claim(doc, f"{pronoun} resigned from the council on Monday, saying the budget was a disgrace.",
                predicate="resign", subject_text=pronoun, tense="past")
    assert agreed(c) == []


def test_a_person_named_as_the_head_is_who_the_argument_is_unless_joined_by_and():
    """'Tarn spokeswoman Ada Quist responded' is Quist's response, not Tarn's, though both clauses name Tarn; 'Quist
    and Tarn responded' tells Tarn's response too."""
    def told(words: str, head: str) -> list:
        c = Corpus()
        tarn, quist = c.entity("e1", "Ilse Tarn"), c.entity("e2", "Ada Quist")
        c.claim("a", "Tarn responded to the allegations in a statement on Friday.", predicate="respond",
                subject=tarn, subject_text="Tarn", tense="past")
        c.claim("b", f"{words} responded to the allegations on Friday.", predicate="respond",
                subject={"Quist": quist, "Tarn": tarn}[head], subject_text=words, tense="past")
        c.mention("b", "Tarn", tarn)
        return [docs for _, docs in agreed(c)]
    assert told("Tarn spokeswoman Ada Quist", "Quist") == []
    assert told("Ada Quist and Tarn", "Quist") == [["a", "b"]]
