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


def test_a_figure_of_an_event_links_to_it_in_every_view():
    """An agreed figure that names its event (`Fact.event`) says so under its heading: the ledger entry carries the
    event's id and heading, the Markdown names it, the HTML report links to it; a cut without the event drops it."""
    from test_facts import CFG, sentencing

    from newsprism.align.facts import align_facts
    from newsprism.model import Story
    from newsprism.present.markdown import render_markdown
    from newsprism.present.report import render_html
    from newsprism.present.subset import restrict

    a = sentencing(("d",)).analysis()
    a.facts = align_facts(a, CFG)
    a.bind()
    figure = next(f for f in a.facts if f.event)
    by_fact = {e.id: e for g in ledger_groups(a) for e in g["entries"]}
    event = by_fact[figure.event]
    assert by_fact[figure.id].event == (event.id, event.heading) and event.event is None
    assert f"A figure of: {event.heading}" in render_markdown(a)
    assert f'A figure of <a href="#fact-{event.id}">{event.heading}</a>.' in render_html(a)
    a.stories = [Story(id="s1", documents=["a", "b", "d", "e", "g"]), Story(id="s2", documents=["a", "b", "d"], parent="s1")]
    for f in a.facts:
        f.story = "s2" if f.id == figure.id else "s1"
    a.bind()
    cut = restrict(a, "s2")
    assert [f.event for f in cut.facts] == [None]
