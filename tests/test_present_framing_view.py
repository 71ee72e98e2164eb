from reader_sample import IDS, build

from newsprism.present.framing_view import framing_view, source_of

A = build()


def test_a_quoted_label_is_the_speakers_not_the_outlets():
    view = framing_view(A)
    row = next(r for r in view["rows"] if r["name"] == "smugglers")
    quoted = row["cells"][IDS[0]]
    assert quoted.own == [] and quoted.quoted == {"Harbour Ministry": ["smuggling cartel"]}
    assert row["cells"][IDS[1]].own == ["smugglers"]
    assert not row["disagree"]      # only one outlet labels them in its own words


def test_quoted_loaded_words_and_pronoun_voices_are_named():
    pd = framing_view(A)["per_doc"][IDS[0]]
    assert pd["loaded"]["own"] == {} and "cartel" in pd["loaded"]["quoted"]["Harbour Ministry"]
    assert ("Ana Pop", 1) in pd["voices"] and all(n != "He" for n, _ in pd["voices"])


def test_source_names_the_lexicon():
    assert source_of("vader/negative;quoted") == "VADER's sentiment lexicon (negative)"
    assert source_of("news/attribution_verb") == "newsprism's news list (attribution verb)"
