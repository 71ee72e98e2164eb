"""Who does the act a verb names, read from the parse."""
from newsprism.extract.subjects import clause_subject, subject_of


def verb(doc, word):
    return next(t for t in doc if t.text == word)


def test_the_subject_is_the_doer(nlp):
    doc = nlp("The minister visited the port on Monday.")
    assert subject_of(verb(doc, "visited")).text == "minister"


def test_a_passive_names_its_agent_as_the_doer(nlp):
    doc = nlp("The bridge was destroyed by the storm.")
    assert subject_of(verb(doc, "destroyed")).text == "storm"


def test_an_agentless_passive_has_no_doer(nlp):
    doc = nlp("The bridge was destroyed on Sunday.")
    assert subject_of(verb(doc, "destroyed")) is None


def test_one_noun_phrase_split_into_two_subjects_means_its_head(nlp):
    # the parser reads 'Toronto Owls' and 'goalie Pete Karlsson' as two subjects of one verb
    doc = nlp("Reports came in.\n\nToronto Owls goalie Pete Karlsson scored twice on Sunday.")
    scored = verb(doc, "scored")
    assert clause_subject(list(scored.children), ("nsubj",)).text == "Karlsson"
    assert subject_of(scored).text == "Karlsson"


def test_a_split_phrase_before_a_passive_is_not_a_doer(nlp):
    doc = nlp("Reports came in.\n\nToronto Owls goalie Pete Karlsson was suspended Monday for two games.")
    suspended = verb(doc, "suspended")
    assert subject_of(suspended) is None
    assert clause_subject(list(suspended.children), ("nsubjpass",)).text == "Karlsson"


def test_a_complement_borrows_the_raised_subject(nlp):
    doc = nlp("The envoy is slated to visit Oslo.")
    assert subject_of(verb(doc, "visit")).text == "envoy"
