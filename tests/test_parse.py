"""spaCy loading and the bounded parse: one long unpunctuated line never makes one endless sentence."""
from newsprism.parse import bounded_doc, load_nlp, text_of

WORDS = "harbour pilots said the ferry would sail again after talks with the port authority on monday".split()


def unpunctuated(n_words: int) -> str:
    return " ".join(WORDS[i % len(WORDS)] for i in range(n_words))


def test_ordinary_text_is_left_to_the_parser(nlp):
    text = ("Harbour pilots ended their strike on Friday. The port authority agreed to hire twelve more pilots, "
            "the union said.\n\nShips waited outside the breakwater for four days.")
    doc = bounded_doc(nlp, text, 250)
    preset = [t.text for t in doc[1:] if t.is_sent_start is not None]
    assert preset == ["Ships"]      # only the paragraph's start; the rest is the parser's
    assert [s.text for s in nlp(text).sents] == [s.text for s in nlp(doc).sents]


def test_a_paragraph_break_ends_a_sentence(nlp):
    # a page address or a headline without a full stop is no part of the paragraph below it
    text = "example . com / 2013 / may / 03 / reed - rehab - 20130504\n\nDana Reed checks into Pine Ridge Center"
    sents = [s.text.strip() for s in nlp(bounded_doc(nlp, text, 250)).sents]
    assert sents[-1] == "Dana Reed checks into Pine Ridge Center"
    assert not any("20130504" in s and "Dana" in s for s in sents)


def test_a_long_unpunctuated_run_is_cut_every_max_tokens(nlp):
    doc = bounded_doc(nlp, unpunctuated(1000), 100)
    starts = [t.i for t in doc[1:] if t.is_sent_start]
    assert starts == list(range(100, 1000, 100))
    parsed = nlp(doc)
    assert parsed.text == unpunctuated(1000)  # the text (and so every offset) is unchanged
    assert max(len(s) for s in parsed.sents) <= 100


def test_punctuation_and_line_breaks_restart_the_count(nlp):
    text = unpunctuated(80) + ". " + unpunctuated(80) + "\n" + unpunctuated(80)
    assert not any(t.is_sent_start for t in bounded_doc(nlp, text, 100)[1:])
    assert any(t.is_sent_start for t in bounded_doc(nlp, unpunctuated(160), 100)[1:])


def test_a_bound_of_zero_turns_it_off(nlp):
    assert not any(t.is_sent_start for t in bounded_doc(nlp, unpunctuated(600), 0)[1:])


def test_text_of_is_the_doc_text(nlp):
    doc = nlp("Ferries resume on Monday.")
    assert text_of(doc) == doc.text


def test_a_contraction_with_a_typographic_apostrophe_gets_the_lemma_of_the_straight_one():
    """"that’s a failure" is "that is a failure": the verb is 'be', as for "that's"; a possessive stays one."""
    nlp = load_nlp()

    def lemmas(text: str) -> list[tuple[str, str]]:
        return [(t.text.replace("’", "'"), t.lemma_.replace("’", "'")) for t in nlp(text) if "’" in t.text or "'" in t.text]

    curly = lemmas("It’s over, they’re home and I’m sure we’ve won; don’t ask about Lee’s car.")
    assert curly == lemmas("It's over, they're home and I'm sure we've won; don't ask about Lee's car.")
    assert curly == [("'s", "be"), ("'re", "be"), ("'m", "be"), ("'ve", "have"), ("n't", "not"), ("'s", "'s")]
