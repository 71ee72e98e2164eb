from reader_sample import build

from newsprism.present.counts import outlet_count, story_count, storyline_title

A = build()


def test_stories_are_counted_as_storylines_of_events():
    assert story_count(A) == "1 storyline of 2 events"
    one = A.model_copy(update={"stories": [A.stories[0].model_copy(update={"parent": None})]})
    assert story_count(one) == "1 story"


def test_a_storyline_named_like_one_of_its_events_says_what_it_is():
    line, events = A.stories[2], A.stories[:2]
    assert storyline_title(line, events) == "Storyline of 2 events"
    assert storyline_title(line.model_copy(update={"title": "Harbour week"}), events) == "Harbour week"


def test_outlets_are_counted_by_the_name_a_reader_sees():
    assert outlet_count(A) == "1 outlet (2 documents without one)"     # a title is not an outlet
    bare = A.model_copy(update={"documents": [d.model_copy(update={"url": None, "source": None}) for d in A.documents]})
    assert outlet_count(bare) == "no outlet named"
