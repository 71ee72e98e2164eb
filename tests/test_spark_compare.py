"""scale/compare.py: analyses compared by what they group, whatever the ids."""
from newsprism.model import Analysis, Claim, Entity, Mention, Story
from newsprism.scale.compare import differences


def _analysis(entity_id: str, story_id: str, claim_id: str, split: bool = False) -> Analysis:
    mentions = [Mention(doc="d1", start=0, end=4, text="Mira"), Mention(doc="d2", start=5, end=9, text="Mira")]
    entities = ([Entity(id=entity_id, name="Mira", type="PERSON", mentions=mentions)] if not split else
                [Entity(id=f"{entity_id}{k}", name="Mira", type="PERSON", mentions=[m]) for k, m in enumerate(mentions)])
    return Analysis(entities=entities, stories=[Story(id=story_id, documents=["d2", "d1"])],
                    claims=[Claim(id=claim_id, doc="d1", start=0, end=20, text="Mira opened the bridge")])


def test_the_same_groupings_under_other_ids_are_equal():
    assert differences(_analysis("e1", "s1", "c1"), _analysis("e9", "s4", "c7")) == {}


def test_an_entity_split_in_two_is_a_difference_counted_both_ways():
    assert differences(_analysis("e1", "s1", "c1"), _analysis("e1", "s1", "c1", split=True)) == {"entities": (1, 2, 0)}
