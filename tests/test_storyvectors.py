"""Story clustering's document vectors: keys and their weights, IDF with a prior, cosines with an event."""
import math

from newsprism.align.storyindex import StoryIndex
from newsprism.config import Config

from test_stories import feats


def test_keys_are_words_title_words_and_written_months() -> None:
    index = StoryIndex(Config())
    f = dict(feats("flood", None), dates=["2024-03-02", "2024-03", "2024"])
    raw = index._raw(f, ["e1"])
    assert raw["w:flood"] == 1.0 + math.log(3)                    # log term frequency
    assert raw["t:flood"] == 2.0                                   # a headline word, title_weight 2
    assert raw["d:2024-03"] == (1.0 + math.log(2)) * 0.5            # two mentions of March 2024; a bare year is no month
    assert not any(k.startswith(("n:", "i:")) for k in raw)        # a name counts once, through its words


def test_idf_starts_from_a_prior_of_documents_without_the_key() -> None:
    index = StoryIndex(Config())
    index.add_many([(f"d{i}", feats("flood", None, i), None, None) for i in range(3)])
    prior = Config().stories.idf_prior_docs
    assert index._idf("w:flood") == math.log((3 + prior) / 4) > 0   # in every document, still some weight
    assert index._idf("w:never") == math.log(3 + prior)


def test_a_document_is_most_similar_to_the_event_of_its_own_words() -> None:
    index = StoryIndex(Config())
    index.add_many([("f1", feats("flood", None), None, None), ("s1", feats("strike", None), None, None)])
    vec = index._vector(index._raw(feats("flood", None, 1), None))
    query = {k: w * index._idf(k) for k, w in vec.items()}
    flood, strike = (index.events[index.doc_event[d]] for d in ("f1", "s1"))
    assert abs(sum(w * w for w in vec.values()) - 1.0) < 1e-9       # a unit vector
    assert index._similarity(query, flood) > 0.5 > index._similarity(query, strike)
