"""The typed model: spans that check their offsets, navigation without id look-ups, exact JSON round-trips."""
import pytest

from newsprism.model import Analysis, Claim, Document, Entity, Fact, Mention, Position, json_schema


def small_analysis() -> Analysis:
    text = "Ana Ruiz led the delegation. Ruiz arrived on Monday."
    doc = Document(id="d1", text=text, outlet="The Harbor Times")
    ruiz = Entity(id="e1", name="Ana Ruiz", type="PERSON", aliases=["Ana Ruiz", "Ruiz"], documents=["d1"],
                  mentions=[Mention(doc="d1", start=0, end=8, text="Ana Ruiz"), Mention(doc="d1", start=29, end=33, text="Ruiz")])
    claim = Claim(id="c1", doc="d1", start=0, end=28, text=text[:28], subject="e1", predicate="lead", object="the delegation")
    fact = Fact(id="f1", about="Who led the delegation", verdict="single_source",
                positions=[Position(value="e1", claims=["c1"], documents=["d1"], normalized="e1")])
    return Analysis(documents=[doc], entities=[ruiz], claims=[claim], facts=[fact])


def test_document_span_takes_its_text_from_the_document():
    doc = Document(id="d", text="Hello world")
    assert doc.span(6, 11).text == "world"
    with pytest.raises(ValueError):
        doc.span(3, 40)


def test_navigation_from_fact_to_claims_to_document_and_entities():
    a = small_analysis()
    fact = a.facts_by_verdict("single_source")[0]
    claim = fact.positions[0].claim_objects[0]
    assert claim.document.outlet == "The Harbor Times"
    assert claim.subject_entity.name == "Ana Ruiz"
    assert claim.object_entity is None  # plain words, not an entity
    assert [m.text for m in claim.entities[0].mentions] == ["Ana Ruiz", "Ruiz"]
    assert a.entity("e1").document_objects[0].id == "d1"


def test_every_span_points_at_its_text():
    a = small_analysis()
    spans = list(a.spans())
    assert len(spans) == 3
    for s in spans:
        assert a.document(s.doc).text[s.start:s.end] == s.text


def test_json_round_trip_is_exact():
    a = small_analysis()
    again = Analysis.from_json(a.to_json())
    assert again.to_json() == a.to_json()
    assert again.facts[0].positions[0].claim_objects[0].text == "Ana Ruiz led the delegation."


def test_contract_names_are_kept():
    d = small_analysis().to_dict()
    assert d["schema"] == "newsprism/analysis@1"
    assert set(d) >= {"documents", "stories", "entities", "claims", "facts", "times", "timeline", "framing", "summary"}
    assert set(d["facts"][0]["positions"][0]) >= {"value", "claims", "documents", "normalized"}


def test_an_unbound_object_says_so():
    claim = Claim(id="c", doc="d", start=0, end=1, text="x")
    with pytest.raises(LookupError):
        claim.document


def test_schema_is_generated_from_the_models():
    schema = json_schema()
    assert schema["$id"] == "newsprism/analysis@1"
    assert "Claim" in schema["$defs"] and "Fact" in schema["$defs"]


def test_figure_intervals_decide_what_can_both_be_true():
    from newsprism.model import FigureValue as F

    over, at_least = F(amount=1400, qualifier=">"), F(amount=1400, qualifier=">=")
    assert over.compatible(at_least)
    assert F(amount=200, qualifier=">").compatible(F(amount=224))
    assert F(min=1000, max=9999).compatible(F(amount=7000))
    assert not F(amount=12).compatible(F(amount=19))
    assert F(amount=12).exact and not over.exact


def test_a_figure_is_written_with_only_what_it_says():
    from newsprism.model import FigureValue, FigureSlot, SlotArg

    v = FigureValue(amount=36, unit="years old", text="36", slot=FigureSlot(owner=SlotArg(lemma="rait", at=12)))
    assert v.model_dump(mode="json") == {"amount": 36, "unit": "years old", "text": "36",
                                         "slot": {"owner": {"lemma": "rait", "at": 12}}}
    assert FigureValue.model_validate(v.model_dump(mode="json")) == v
