"""What a figure counts: the noun it numbers, what happened to it, read from the figure's own sentence."""
from __future__ import annotations

from newsprism.extract.counted import _chunk_at, counted, norm_noun


def counted_after(nlp, text, figure):
    """counted() for the first token of `text` equal to `figure`."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == figure)
    return counted(tok.sent, [tok])


def test_a_figure_counts_the_noun_it_numbers_and_what_the_verb_did_to_it(nlp):
    noun, role, head = counted_after(nlp, "The raid killed 40 villagers near the border.", "40")
    assert (noun, role) == ("villager", "killed")
    assert head == 4   # "villagers"


def test_a_casualty_noun_counts_the_nationality_or_people(nlp):
    assert counted_after(nlp, "The shelling caused 12 Israeli casualties.", "12")[:2] == ("israeli", "killed")
    assert counted_after(nlp, "Officials reported 30 deaths on Tuesday.", "30")[:2] == ("people", "killed")


def test_a_bare_figure_under_a_role_verb_counts_people(nlp):
    noun, role, _ = counted_after(nlp, "Police arrested 25 after the march.", "25")
    assert (noun, role) == ("people", "arrested")


def test_people_who_acted_did_not_suffer_the_verb(nlp):
    noun, role, _ = counted_after(nlp, "Yesterday 50 protesters attacked the station.", "50")
    assert (noun, role) == ("protester", None)


def test_norm_noun_keeps_nationalities_and_folds_people(nlp):
    doc = nlp("Three Israelis and four persons were hurt.")
    assert norm_noun(doc[1]) == "israeli"
    assert norm_noun(doc[4]) == "people"


def test_chunk_at_gives_the_noun_chunk_that_starts_there_in_that_sentence_only(nlp):
    doc = nlp("Some 40 fire crews came. The old stone bridge fell into the river! Nobody saw it.")
    for sent in doc.sents:
        for i in range(sent.start, sent.end + 1):
            expected = next(((c.start, c.end) for c in sent.noun_chunks if c.start == i), None)
            got = _chunk_at(sent, i)
            assert ((got.start, got.end) if got is not None else None) == expected
    first = next(iter(doc.sents))
    assert _chunk_at(first, first.end) is None   # the next sentence's first chunk is not this one's


def test_a_figure_ending_a_paragraph_counts_nothing_in_the_next(nlp):
    # a page's address or story number ends one paragraph, a headline starts the next: the parser joins them
    assert counted_after(nlp, "Story 1333220\n\nRebels seize the northern town", "1333220")[0] is None
    assert counted_after(nlp, "Posted at 20130504\n\nVillagers gather at the dam", "20130504")[0] is None
    # a hard-wrapped line stays one paragraph
    assert counted_after(nlp, "Rebels seized 12\nvillages, officials said.", "12")[0] == "village"


def test_a_mother_of_twelve_counts_her_children_and_a_crew_of_nineteen_the_crew(nlp):
    assert counted_after(nlp, "Ana Vel, a mother of 12, was shot on Tuesday.", "12")[:2] == ("child", None)
    assert counted_after(nlp, "The ship sailed with a crew of 19.", "19")[0] == "crew"
