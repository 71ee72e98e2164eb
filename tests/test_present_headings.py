import re

from reader_sample import build

from newsprism.model import Analysis
from newsprism.present.headings import event_heading, fact_heading, shows_value

A = build()


def heading(fid):
    return fact_heading(A, A.fact(fid))


def test_counts_become_how_many_questions_that_keep_the_modifier():
    assert heading("f3") == "How many Valerian sailors were killed"
    assert heading("f5") == "How many ships"


def test_events_are_clauses_in_the_past_tense():
    assert heading("f1") == "Port Ellis hosted the delegation"
    assert heading("f2") == "The council called for expelling the smugglers"


def test_what_did_not_happen_or_is_to_come_reads_so():
    assert event_heading(A, "Ana Pop not visit Port Ellis", "visit") == "Ana Pop did not visit Port Ellis"
    assert event_heading(A, "Ana Pop to visit Port Ellis", "visit") == "Ana Pop is to visit Port Ellis"
    assert event_heading(A, "council not call for expel smugglers", "call for expel") == \
        "The council did not call for expelling the smugglers"
    assert event_heading(A, "to host delegation", "host") == "The delegation is to be hosted"
    assert event_heading(A, "not host delegation", "host") == "The delegation was not hosted"
    f = A.fact("f1").model_copy(update={"about": "Ana Pop die"})   # 'Ana Pop was killed': no killer told
    assert fact_heading(A, f) == "Ana Pop died"


def test_statements_ask_what_was_said():
    assert heading("f6") == "What Ana Pop said"


def test_no_doer_gives_a_passive_clause_and_questions_stay():
    assert event_heading(A, "perturbing host delegation", "host") == "The delegation was hosted"
    assert event_heading(A, "Ministry of Ports say", "say") == "What the Ministry of Ports said"
    f = A.fact("f1").model_copy(update={"about": "Who led the delegation"})
    assert fact_heading(A, f) == "Who led the delegation"


def test_every_heading_has_a_verb_or_a_question_form():
    for f in A.facts:
        h = fact_heading(A, f)
        assert re.match(r"^(How many|How much|Who|When|What)\b", h) or re.search(r"\w+ed\b|\bwas\b", h), h


def test_a_value_line_that_repeats_the_heading_is_not_shown():
    f1, f3 = A.fact("f1"), A.fact("f3")
    assert not shows_value(f1, f1.positions[0]) and shows_value(f3, f3.positions[0])


def test_a_house_number_asks_where_on_its_street():
    """An address is no count: two reports' numbers on one street ask which number, not 'how many'."""
    text = "The fire began at 200 W. Elm Blvd. on Sunday."
    a = Analysis.model_validate({
        "generated": "", "documents": [{"id": "d1", "text": text}],
        "claims": [{"id": "c1", "doc": "d1", "start": 0, "end": len(text) - 1, "text": text[:-1],
                    "value": {"amount": 200, "unit": "address on w. elm blvd.", "noun": "address", "text": "200"}}],
        "facts": [{"id": "f1", "about": "Number of address on w. elm blvd.", "claims": ["c1"],
                   "positions": [{"value": "200", "claims": ["c1"], "documents": ["d1"], "normalized": 200}]}]})
    assert fact_heading(a, a.fact("f1")) == "Which number on W. Elm Blvd."
