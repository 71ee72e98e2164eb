"""Story clustering's storylines: events of one subject far apart in time share a parent story."""
from newsprism.align.storyindex import StoryIndex
from newsprism.config import Config

from test_stories import feats


def test_one_subject_months_apart_is_two_events_of_one_storyline_and_another_subject_is_not() -> None:
    index = StoryIndex(Config())
    index.add_many([("f1", feats("flood", "2024-01-02"), "2024-01-02", None),
                    ("f2", feats("flood", "2024-01-03", 1), "2024-01-03", None),
                    ("g1", feats("flood", "2024-06-02", 2), "2024-06-02", None),
                    ("s1", feats("strike", "2024-06-03"), "2024-06-03", None)])
    stories = {s.id: s for s in index.stories()}
    events = {d: s for s in stories.values() if s.parent or not any(x.parent == s.id for x in stories.values())
              for d in s.documents}
    assert events["f1"].id == events["f2"].id != events["g1"].id
    line = stories[events["f1"].parent]
    assert events["g1"].parent == line.id and sorted(line.documents) == ["f1", "f2", "g1"]
    assert events["s1"].parent is None
    assert (line.first_seen, line.last_seen) == ("2024-01-02", "2024-06-02")


def test_an_undated_event_links_to_the_dated_events_most_recently_linked_under_its_keys() -> None:
    index = StoryIndex(Config())
    rows = [("f1", feats("flood", "2012-01-02"), "2012-01-02", None),
            ("f2", feats("flood", "2012-01-03", 1), "2012-01-03", None),
            ("s1", feats("strike", "2019-06-03"), "2019-06-03", None),
            ("u1", feats("flood", None, 2), None, None)]
    index.add_many(rows)
    # the undated flood report's event (or the event it joined) shares the flood storyline across years
    flood = index._find(index.doc_event["f1"])
    assert index._find(index.doc_event["u1"]) == flood
    assert index._find(index.doc_event["s1"]) != flood
    # the storyline index of dated events keeps only active ones: a retired event leaves it
    assert all(index.events[i].lkeys for lst in index._ldated.values() for i in lst)
