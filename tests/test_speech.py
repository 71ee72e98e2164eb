"""Who said it: sources from the grammar of reporting, for claims and voices alike."""
from __future__ import annotations

from newsprism.extract.speech import quote_speaker, source_for, sources_in


def main_verb_source(nlp, text, verb):
    sent = next(nlp(text).sents)
    tok = next(t for t in sent if t.text == verb)
    src = source_for(tok, sources_in(sent))
    return src.text if src else None


def test_according_to_covers_the_sentence(nlp):
    assert main_verb_source(nlp, "According to Tass, the envoy arrived in Valdora on Monday.", "arrived") == "Tass"


def test_as_reported_by_names_the_publisher(nlp):
    text = "Councillor Brandt was among those who attended the hearing, as reported by the Harbour Gazette."
    assert main_verb_source(nlp, text, "was") == "the Harbour Gazette"


def test_reporting_verb_covers_its_complement_not_itself(nlp):
    text = "Mayor Ilse Varga said that the port would close for a week."
    assert main_verb_source(nlp, text, "close") == "Mayor Ilse Varga"
    assert main_verb_source(nlp, text, "said") is None


def test_inverted_reporting_after_a_quote(nlp):
    text = "\u201cThe lease was signed in secret,\u201d said a statement from the ministry."
    assert main_verb_source(nlp, text, "signed") == "a statement from the ministry"


def test_according_to_inside_a_relative_clause_covers_only_that_clause(nlp):
    text = "The council vowed to respond to the fire, which, according to the police, destroyed six homes."
    assert main_verb_source(nlp, text, "destroyed") == "the police"
    assert main_verb_source(nlp, text, "vowed") is None


def only_source(nlp, text):
    srcs = sources_in(next(nlp(text).sents))
    assert len(srcs) == 1, srcs
    return srcs[0]


def test_a_quoting_verb_names_who_speaks_and_who_published(nlp):
    text = "Two engineers were quoted by the newspaper as warning that the pier could collapse."
    doc = nlp(text)
    src = only_source(nlp, text)
    assert doc[src.speaker].text == "engineers"   # a voice is who speaks
    assert src.text == "the newspaper"            # a claim is credited to the publisher


def test_an_active_quoting_verb_names_the_quoted_person_as_speaker(nlp):
    text = "The newspaper quoted the mayor as saying that the pier would reopen."
    doc = nlp(text)
    src = only_source(nlp, text)
    assert doc[src.speaker].text == "mayor"
    assert src.text == "The newspaper"


def test_a_negated_reporting_verb_is_marked(nlp):
    assert only_source(nlp, "The mayor did not say that the pier would reopen.").negated
    assert not only_source(nlp, "The mayor said that the pier would reopen.").negated


def test_verbs_beyond_say_report_speech(nlp):
    for verb in ("urged", "denied", "responded", "promised"):
        text = f"The union {verb} that the strike would end on Monday."
        assert main_verb_source(nlp, text, "end") == "The union", verb


def test_the_content_of_a_reporting_clause_is_its_complement(nlp):
    text = "The union said that the strike would end on Monday."
    src = only_source(nlp, text)
    assert text[src.content[0]:src.content[1]] == "that the strike would end on Monday"


def _quote_speaker(nlp, text, quote):
    doc = nlp(text)
    sents = list(doc.sents)
    qs = text.index(quote)
    src = quote_speaker(doc, (qs, qs + len(quote)), sents, [sources_in(s) for s in sents])
    return src.text if src else None


def test_a_quotation_is_spoken_by_the_source_of_the_sentence_that_closes_it(nlp):
    text = "\u201cWe will not sign,\u201d the union leader Lena Ortiz told reporters on Friday."
    assert _quote_speaker(nlp, text, "\u201cWe will not sign,\u201d") == "the union leader Lena Ortiz"


def test_a_quotation_opened_by_its_speaker(nlp):
    text = "The harbour master added: \u201cThe channel stays closed until the divers finish.\u201d"
    quote = "\u201cThe channel stays closed until the divers finish.\u201d"
    assert _quote_speaker(nlp, text, quote) == "The harbour master"


def test_a_source_inside_the_quote_does_not_speak_it(nlp):
    text = "\u201cThe council said it would pay, and it never did.\u201d"
    assert _quote_speaker(nlp, text, text) is None
