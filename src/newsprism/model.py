"""Typed results that mirror the analysis contract (shared/CONTRACT.md).

One `Document` owns its cleaned `text`; everything found in it is a span of that text
(`doc`, `start`, `end`, `text`), as in spaCy's Doc/Span. Cross-document objects (Entity,
Fact, Story) refer to spans and documents by id. An `Analysis` binds every object it holds
to itself, so navigation (`claim.document`, `position.claim_objects`, ...) needs no id
look-ups by hand. The JSON Schema shipped in `newsprism/schema/` is generated from here.
"""
from __future__ import annotations

import math
from typing import Any, Callable, ForwardRef, Iterator, Literal, Optional, TypeVar, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_serializer

SCHEMA_ID = "newsprism/analysis@1"

Verdict = Literal["corroborated", "compatible", "contested", "single_source"]
Modality = Literal["asserted", "reported", "hedged", "denied", "question", "opinion"]
Genre = Literal["news", "opinion", "analysis", "press_release", "other"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"]


class Model(BaseModel):
    """Base of every result object: strict field names, bound to the Analysis that holds it."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)
    _analysis: Optional["Analysis"] = PrivateAttr(default=None)

    def _bound(self) -> "Analysis":
        analysis = self.__pydantic_private__["_analysis"]   # `self._analysis`, without pydantic's __getattr__
        if analysis is None:
            raise LookupError(f"{type(self).__name__} is not part of an Analysis")
        return analysis


class Span(Model):
    """A stretch of one document's cleaned text: `document.text[start:end] == text`."""

    doc: str
    start: int
    end: int
    text: str

    @property
    def document(self) -> "Document":
        return self._bound().document(self.doc)


class Removed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    reason: str


class NearDuplicate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc: str
    similarity: float


class Document(Model):
    id: str
    source: Optional[str] = None
    sources: list[str] = Field(default_factory=list)
    near_duplicates: list[NearDuplicate] = Field(default_factory=list)
    title: Optional[str] = None
    author: Optional[str] = None
    authors: list[str] = Field(default_factory=list, description="person names of the byline, in order")
    outlet: Optional[str] = None
    published: Optional[str] = None
    language: Optional[str] = None
    url: Optional[str] = None
    metadata_source: dict[str, str] = Field(
        default_factory=dict,
        description="where each of title, author, published and outlet came from: input, json-ld, "
                    "opengraph, meta, byline, dateline, url or text")
    text: str = ""
    removed: list[Removed] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="what a stage skipped here, and why")

    def span(self, start: int, end: int) -> Span:
        """A span of this document's text; offsets are checked, never trusted."""
        if not (0 <= start <= end <= len(self.text)):
            raise ValueError(f"span {start}:{end} outside document {self.id!r} of {len(self.text)} chars")
        s = Span(doc=self.id, start=start, end=end, text=self.text[start:end])
        s._analysis = self._analysis
        return s


class Story(Model):
    id: str
    title: Optional[str] = None
    documents: list[str] = Field(default_factory=list)
    parent: Optional[str] = None
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None

    @property
    def document_objects(self) -> list[Document]:
        a = self._bound()
        return [a.document(d) for d in self.documents]

    @property
    def children(self) -> list["Story"]:
        return [s for s in self._bound().stories if s.parent == self.id]


class Mention(Span):
    label: Optional[str] = None          # the NER label this mention was found with
    role: Optional[str] = None           # title or office stripped from the name ("Foreign Minister")


class MergeEvidence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    names: list[str]
    reason: str
    confidence: float


class Entity(Model):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    confidence: float = 1.0
    evidence: list[MergeEvidence] = Field(default_factory=list)

    @property
    def document_objects(self) -> list[Document]:
        a = self._bound()
        return [a.document(d) for d in self.documents]


Number = int | float


class Compact(BaseModel):
    """A value object written with only the fields that say something (no nulls, no empty lists)."""

    model_config = ConfigDict(extra="forbid")

    @model_serializer(mode="wrap")
    def _compact(self, handler: Any) -> Any:
        return {k: v for k, v in handler(self).items() if v not in (None, False, [], {})}


class SlotArg(BaseModel):
    """An argument of a figure's slot: its lemma and the character offset of its head (to find the entity there)."""

    model_config = ConfigDict(extra="forbid")
    lemma: str
    at: int


class FigureSlot(Compact):
    """The parse around a figure, so outlets that word one count differently still line up: the counted noun's
    modifiers, the governing verb (lemma and class), its doer and object, the prepositions hanging off noun and
    verb ('of budget', 'in crash') and, for an age or a person's figure, whose it is."""

    model_config = ConfigDict(extra="forbid")
    mods: list[str] = Field(default_factory=list)
    verb: Optional[str] = None
    pred: Optional[str] = None
    subj: Optional[SlotArg] = None
    obj: Optional[SlotArg] = None
    preps: list[str] = Field(default_factory=list)
    owner: Optional[SlotArg] = None


class FigureValue(Compact):
    """A figure a claim states: an amount with its qualifier ('more than 1,400'), or a range ('thousands'), or a
    score or record ('17-14'); always its unit and the words it was read from."""
    amount: Optional[Number] = None
    qualifier: Optional[str] = None      # > >= < <= ~ or None for exact
    close: bool = False                  # "nearly 300": below the figure but close to it
    min: Optional[Number] = None
    max: Optional[Number] = None
    unit: str = ""
    text: str = ""
    score: Optional[list[Number]] = None
    role: Optional[str] = None           # what happened to the counted: killed, injured, ...
    noun: Optional[str] = None           # the counted noun itself, where the unit adds to it
    slot: Optional[FigureSlot] = None

    def interval(self) -> tuple[float, float]:
        """The numbers it allows: exact -> [a, a]; '>' -> (a, inf); '~' -> [0.8a, 1.2a]; ranges as given."""
        if self.amount is None:
            return (float(self.min) if self.min is not None else 0.0,
                    float(self.max) if self.max is not None else math.inf)
        a, q = float(self.amount), self.qualifier
        eps = 1e-9 * max(1.0, abs(a))
        bounds = {">": (a + eps, math.inf), ">=": (a, math.inf), "<=": (0.0, a), "<~": (0.8 * a, a),
                  "~": (0.8 * a, 1.2 * a), "<": (0.8 * a, a - eps) if self.close else (0.0, a - eps)}
        return bounds.get(q or "", (a, a))

    @property
    def exact(self) -> bool:
        return self.amount is not None and self.qualifier in (None, "=")

    def compatible(self, other: "FigureValue") -> bool:
        """Both can be true: their intervals meet; two scores only when they are the same."""
        if self.score or other.score:
            return self.score == other.score
        (alo, ahi), (blo, bhi) = self.interval(), other.interval()
        return alo <= bhi and blo <= ahi


class Claim(Span):
    id: str
    subject: Optional[str] = None        # entity id where it resolves, else the words
    predicate: Optional[str] = None      # normalized class: lead, visit, meet, say, kill, ...
    object: Optional[str] = None
    value: Optional[FigureValue] = None  # the figure it states: more than 1,400 people killed, thousands, 17-14
    when: Optional[str] = None           # ISO prefix of the event's time
    time: Optional[str] = None           # id of the time expression that gives `when`
    attribution: Optional[str] = None    # who the text says is the source; None = the outlet itself
    modality: Modality = "asserted"
    tense: Optional[Tense] = None        # past | present | future ("is slated to visit" is no visit yet)
    subject_text: Optional[str] = None
    object_text: Optional[str] = None
    attribution_text: Optional[str] = None

    def _entity(self, ref: Optional[str]) -> Optional[Entity]:
        return self._bound().entity(ref) if ref else None

    @property
    def subject_entity(self) -> Optional[Entity]:
        return self._entity(self.subject)

    @property
    def object_entity(self) -> Optional[Entity]:
        return self._entity(self.object)

    @property
    def attribution_entity(self) -> Optional[Entity]:
        return self._entity(self.attribution)

    @property
    def entities(self) -> list[Entity]:
        return [e for e in (self.subject_entity, self.object_entity, self.attribution_entity) if e]

    @property
    def time_object(self) -> Optional["Time"]:
        """The time expression that dates this claim."""
        return self._bound().time(self.time)


class Position(Model):
    value: Optional[str] = None          # the value in words, as a reader sees it
    claims: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    # the value as compared: an amount, [min, max], a score, an entity id or an ISO date
    normalized: Optional[Number | str | list[Optional[Number]]] = None

    @property
    def claim_objects(self) -> list[Claim]:
        a = self._bound()
        return [a.claim(c) for c in self.claims]

    @property
    def document_objects(self) -> list[Document]:
        a = self._bound()
        return [a.document(d) for d in self.documents]


class Fact(Model):
    id: str
    story: Optional[str] = None
    about: str = ""
    verdict: Verdict = "single_source"
    positions: list[Position] = Field(default_factory=list)
    explanation: str = ""
    claims: list[str] = Field(default_factory=list,
                              description="every claim that states it; the positions quote a readable few")
    event: Optional[str] = Field(None, description="the id of the event fact whose clauses give this agreed figure")

    @property
    def claim_objects(self) -> list[Claim]:
        return [c for p in self.positions for c in p.claim_objects]


class Time(Span):
    id: Optional[str] = None             # "t4": what a claim dated by this expression names in `time`
    type: TimeType = "DATE"
    value: str = ""


class TimelineEntry(Model):
    date: str
    granularity: Literal["year", "month", "week", "day", "minute"] = "day"
    text: str = ""
    documents: list[str] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)
    resolved_from: Optional[str] = None

    @property
    def claim_objects(self) -> list[Claim]:
        a = self._bound()
        return [a.claim(c) for c in self.claims]


class LabelSpan(Span):
    attributed_to: Optional[str] = None  # entity id or words of who gives the label; None = the outlet


class Actor(Model):
    entity: Optional[str] = None
    name: str
    labels: list[str] = Field(default_factory=list)
    label_spans: list[LabelSpan] = Field(default_factory=list)


class LoadedTerm(Span):
    category: Optional[str] = None       # which lexicon or list it came from


class Voice(Model):
    speaker: str
    entity: Optional[str] = None
    quotes: int = 0
    stance: Optional[str] = None
    spans: list[Span] = Field(default_factory=list)


class Framing(Model):
    doc: str
    genre: Genre = "news"
    genre_features: dict[str, float] = Field(default_factory=dict)
    actors: list[Actor] = Field(default_factory=list)
    loaded_terms: list[LoadedTerm] = Field(default_factory=list)
    loaded_density: float = 0.0
    voices: list[Voice] = Field(default_factory=list)


class SummarySentence(Model):
    text: str
    facts: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)


class Analysis(Model):
    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    generated: Optional[str] = None
    documents: list[Document] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    framing: list[Framing] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    _index: dict[str, dict[str, Model]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: Any) -> None:
        self.bind()

    # -- binding and look-up ------------------------------------------------
    def bind(self) -> "Analysis":
        """(Re)attach every object to this analysis and rebuild the id indexes; call after edits."""
        self._analysis = self
        for obj in self.walk():
            obj.__pydantic_private__["_analysis"] = self  # what `obj._analysis = self` sets, without pydantic's setattr
        self._index = {
            "document": {d.id: d for d in self.documents},
            "entity": {e.id: e for e in self.entities},
            "claim": {c.id: c for c in self.claims},
            "fact": {f.id: f for f in self.facts},
            "story": {s.id: s for s in self.stories},
            "time": {t.id: t for t in self.times if t.id},
        }
        return self

    def walk(self) -> Iterator[Model]:
        """Every model object held, depth first."""
        stack: list[Any] = [self]
        while stack:
            obj = stack.pop()
            if isinstance(obj, Model):
                if obj is not self:
                    yield obj
                names = _HOLDING.get(type(obj))
                if names is None:
                    names = _holding(type(obj))
                for name in names:
                    stack.append(getattr(obj, name))
            elif isinstance(obj, list):
                stack.extend(obj)

    def spans(self) -> Iterator[Span]:
        """Every span of every kind: mentions, claims, times, label spans, loaded terms, voices' quotes."""
        return (o for o in self.walk() if isinstance(o, Span))

    def _get(self, kind: str, key: str) -> Any:
        try:
            return self.__pydantic_private__["_index"][kind][key]
        except KeyError:
            raise KeyError(f"no {kind} {key!r} in this analysis") from None

    def document(self, id: str) -> Document:
        return self._get("document", id)

    def entity(self, id: str) -> Optional[Entity]:
        """The entity with this id, or None where the reference is plain words."""
        return self.__pydantic_private__["_index"]["entity"].get(id)

    def claim(self, id: str) -> Claim:
        return self._get("claim", id)

    def fact(self, id: str) -> Fact:
        return self._get("fact", id)

    def story(self, id: str) -> Story:
        return self._get("story", id)

    def time(self, id: Optional[str]) -> Optional[Time]:
        """The time expression with this id (what dates a claim: `claim.time`), or None."""
        return self.__pydantic_private__["_index"]["time"].get(id) if id else None

    def facts_by_verdict(self, verdict: str) -> list[Fact]:
        return [f for f in self.facts if f.verdict == verdict]

    def framing_of(self, doc: str) -> Optional[Framing]:
        return next((f for f in self.framing if f.doc == doc), None)

    # -- serialisation ---------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: Optional[int] = 1) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> "Analysis":
        return cls.model_validate_json(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        return cls.model_validate(data)

    def to_markdown(self) -> str:
        """The brief, the fact ledger and the timeline as Markdown (`newsprism.present.markdown`)."""
        return _view("markdown")(self)

    def to_html(self) -> str:
        """The self-contained HTML report (`newsprism.present.report`)."""
        return _view("html")(self)


# The fields of each model class that can hold a Model (directly or in lists), by their annotations: the
# only ones `Analysis.walk` needs to open. A Span's offsets or a Document's text never hold one.
_HOLDING: dict[type, tuple[str, ...]] = {}


def _may_hold_model(annotation: Any) -> bool:
    if get_origin(annotation) is Literal:
        return False
    if annotation is Any or isinstance(annotation, (str, ForwardRef, TypeVar)):
        return True   # unknown: open it
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return True
    return any(_may_hold_model(arg) for arg in get_args(annotation))


def _holding(cls: type) -> tuple[str, ...]:
    names = tuple(n for n, f in cls.model_fields.items() if _may_hold_model(f.annotation))  # type: ignore[attr-defined]
    _HOLDING[cls] = names
    return names


# Views of an Analysis live in `present`, above the model: present registers them here when the
# package is imported (`import newsprism` does), so the model never imports its views.
_VIEWS: dict[str, Callable[[Analysis], str]] = {}


def register_view(name: str, render: Callable[[Analysis], str]) -> None:
    """Make `render` the view `name` of every Analysis (`to_markdown` is "markdown", `to_html` "html")."""
    _VIEWS[name] = render


def _view(name: str) -> Callable[[Analysis], str]:
    try:
        return _VIEWS[name]
    except KeyError:
        raise RuntimeError(f"no {name} view registered: import newsprism.present first") from None


def json_schema() -> dict[str, Any]:
    """The contract's JSON Schema, generated from these models."""
    schema = Analysis.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_ID
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
