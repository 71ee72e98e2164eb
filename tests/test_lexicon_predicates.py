"""The predicate lexicon: news verbs grouped by the act they name; a verb with two senses in news stays apart."""
from __future__ import annotations

from newsprism.lexicon.predicates import EVENT_NOUNS, predicate_class


def test_verbs_of_one_act_share_a_sense_class():
    assert predicate_class("slay") == predicate_class("Murder") == "kill"
    assert predicate_class("detain") == predicate_class("apprehend") == "arrest"


def test_a_formal_charge_is_no_blame_and_receiving_is_no_hosting():
    assert predicate_class("indict") == predicate_class("charge") == "charge" != predicate_class("accuse")
    assert predicate_class("receive") == "receive" != predicate_class("host")


def test_a_verb_outside_every_group_is_its_own_class():
    assert predicate_class("wander") == "wander"


def test_event_nouns_name_the_classes_the_verbs_use():
    assert [EVENT_NOUNS[n] for n in ("robbery", "indictment", "slaying")] == [predicate_class(v) for v in
                                                                             ("rob", "indict", "slay")]


def test_a_headline_verb_read_as_a_plural_noun_keeps_its_class():
    # 'Office shooting kills 1': the tagger may read 'kills' as a noun and leave the '-s' on its lemma
    assert predicate_class("kills") == "kill" and predicate_class("dies") == "die"
    assert predicate_class("news") == "news"     # no verb of a group under it: left as it is


def test_thwarting_and_fixing_are_one_act_however_worded():
    assert predicate_class("thwart") == predicate_class("foil") == predicate_class("avert") == "foil"
    assert predicate_class("patch") == predicate_class("repair") == "fix"
    assert predicate_class("spark") == predicate_class("trigger") == "trigger"


def test_finding_keeping_and_plugging_are_one_act_however_worded():
    assert predicate_class("discover") == predicate_class("locate") == predicate_class("find") == "find"
    assert predicate_class("keep") == predicate_class("retain") == "retain"
    assert predicate_class("plug") == "fix"


def test_placing_and_putting_and_remedying_are_one_act_however_worded():
    assert predicate_class("put") == predicate_class("place") == "place"
    assert predicate_class("remedy") == predicate_class("rectify") == predicate_class("fix") == "fix"


def test_damage_of_any_degree_is_one_act():
    """One fire 'badly damaged', 'gutted' or 'nearly destroyed' a church: one act, its degree told differently."""
    assert predicate_class("damage") == predicate_class("gut") == predicate_class("devastate") == "destroy"
