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
