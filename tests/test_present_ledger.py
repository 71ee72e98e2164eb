from reader_sample import IDS, build

from newsprism.present.ledger import copies_note, ledger_groups

A = build()


def entries():
    return {e.heading: e for g in ledger_groups(A) for e in g["entries"]}


def test_one_documents_restatements_of_a_figure_are_one_entry():
    e = entries()["How many Valerian sailors were killed"]
    assert e.facts == ["f3", "f4"] and len(e.values) == 1
    assert e.values[0].value == "at least 12 / 12" and {c.id for c in e.values[0].claims} == {"c3", "c4"}
    assert "bay-gazette.example" in e.explanation and "2 places" in e.explanation


def test_single_source_names_its_document_and_copies_are_said():
    e = entries()["The council called for expelling the smugglers"]
    assert "copies of each other" in e.explanation and "counts once" in e.explanation
    assert copies_note(A, {IDS[0]}) == ""
    assert entries()["How many ships"].explanation.startswith("Only “Harbour council")


def test_event_entries_print_no_value_line_and_groups_keep_verdict_order():
    groups = ledger_groups(A)
    assert [g["verdict"] for g in groups] == ["corroborated", "single_source"]
    assert all(v.value is None for v in entries()["Port Ellis hosted the delegation"].values)
