"""The built-in cross-document stages: thin adapters from the pipeline's `Corpus` to each module.

Each takes the `Corpus` and fills one section of `corpus.analysis`. The work itself lives in the
modules named for it (resolve/entities.py, align/stories.py, align/facts.py, ...).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .model import Actor, Claim, Framing, Time, Voice
from .records import DocRecord, is_local_id

if TYPE_CHECKING:
    from .pipeline import Corpus


def resolve_entities(corpus: "Corpus") -> None:
    from .resolve.entities import resolve

    entities, mapping = resolve(corpus.record_list(), corpus.config)
    corpus.analysis.entities = entities
    corpus.entity_map = mapping


def _local_name(record: DocRecord, ref: str) -> str:
    for e in record.entities:
        if e.id == ref:
            return e.name
    return ref


def _map(entity_map: dict[str, str], record: DocRecord, ref: Optional[str]) -> Optional[str]:
    """A local entity id becomes the corpus id; unresolved local ids fall back to the entity's name."""
    if not ref or not is_local_id(ref):
        return ref
    return entity_map.get(ref) or _local_name(record, ref)


def link_records(corpus: "Corpus") -> None:
    """Gather per-document results into the analysis, with corpus-wide ids."""
    names = {e.id: e.name for e in corpus.analysis.entities}
    claims: list[Claim] = []
    times: list[Time] = []
    framing: list[Framing] = []
    for record in corpus.record_list():
        c, t, f = link_record(record, corpus.entity_map, names, len(claims), len(times))
        claims += c
        times += t
        if f is not None:
            framing.append(f)
    corpus.analysis.claims = claims
    corpus.analysis.times = times
    corpus.analysis.framing = framing


def link_record(record: DocRecord, entity_map: dict[str, str], names: dict[str, str], claims_before: int,
                times_before: int) -> tuple[list[Claim], list[Time], Optional[Framing]]:
    """One document's claims, times and framing with corpus-wide ids: its claims numbered after the
    `claims_before` of the documents before it (times likewise), local entity ids mapped by `entity_map`,
    and actors that resolved to one entity merged (`names`: corpus entity id -> name)."""
    time_ids: dict[str, str] = {}
    times: list[Time] = []
    for t in record.times:
        time_ids[t.id or ""] = f"t{times_before + len(times) + 1}"
        times.append(t.model_copy(update={"id": time_ids[t.id or ""]}))
    claims = [c.model_copy(update={
        "id": f"c{claims_before + k}",
        "subject": _map(entity_map, record, c.subject),
        "object": _map(entity_map, record, c.object),
        "attribution": _map(entity_map, record, c.attribution),
        "time": time_ids.get(c.time or ""),
    }) for k, c in enumerate(record.claims, 1)]
    framing = None
    if record.framing is not None:
        f = record.framing
        framing = _merge_actors(f.model_copy(update={
            "actors": [a.model_copy(update={
                "entity": _map(entity_map, record, a.entity),
                "label_spans": [s.model_copy(update={"attributed_to": _map(entity_map, record, s.attributed_to)})
                                for s in a.label_spans],
            }) for a in f.actors],
            "voices": [v.model_copy(update={"entity": _map(entity_map, record, v.entity)}) for v in f.voices],
        }), names)
    return claims, times, framing


def link_lookups(record: DocRecord) -> tuple[set[str], set[str]]:
    """What `link_record` reads of its two maps for this record: the local ids it looks up in `entity_map`, and
    the keys it may look up in `names` other than the corpus ids those give (an actor's words, an unresolved
    local id's fallback, "" for none). The record's link needs only these rows of the corpus-wide maps."""
    refs = [r for c in record.claims for r in (c.subject, c.object, c.attribution)]
    actors: list = []
    if record.framing is not None:
        actors = [a.entity for a in record.framing.actors]
        refs += actors + [s.attributed_to for a in record.framing.actors for s in a.label_spans]
        refs += [v.entity for v in record.framing.voices]
    return {r for r in refs if is_local_id(r)}, {_map({}, record, r) or "" for r in actors}


def _merge_actors(f: Framing, names: dict[str, str]) -> Framing:
    """Two local clusters of one document can resolve to one entity: merge their actor rows."""
    merged: dict[str, Actor] = {}
    for a in f.actors:
        key = a.entity or a.name
        if key in merged:
            m = merged[key]
            m.labels = list(dict.fromkeys(m.labels + a.labels))
            m.label_spans = sorted(m.label_spans + a.label_spans, key=lambda s: (s.start, s.end))
        else:
            merged[key] = a.model_copy(update={"name": names.get(a.entity or "", a.name)})
    voices: dict[str, Voice] = {}
    for v in f.voices:
        key = v.entity or v.speaker
        if key in voices:
            voices[key].quotes += v.quotes
            voices[key].spans = voices[key].spans + v.spans
        else:
            voices[key] = v.model_copy()
    return f.model_copy(update={"actors": list(merged.values()), "voices": list(voices.values())})


def stable_entity_keys(entities: list, registry: dict[str, str]) -> dict[str, str]:
    """Corpus entity id -> a key that stays the same as the corpus grows.

    Entity ids are renumbered and canonical names can change ("Evgeny" -> "Yevgeny") when documents
    are added; an entity keeps the key first registered for any of its aliases. `registry`
    (folded alias -> key) is updated in place and persisted with the story index."""
    from .resolve.names import fold

    keys: dict[str, str] = {}
    for e in sorted(entities, key=lambda e: (-len(e.documents), e.name, e.id)):
        folds = sorted({fold(a) for a in [e.name, *e.aliases] if a})
        key = next((registry[f] for f in folds if f in registry), None) or f"ent:{fold(e.name)}"
        for f in folds:
            registry.setdefault(f, key)
        keys[e.id] = key
    return keys


def cluster_stories(corpus: "Corpus") -> None:
    """Events and storylines. With a store, the index persists there: documents added later join
    it without the earlier ones being clustered again."""
    import hashlib
    import json

    from .align.stories import StoryIndex, add_documents
    from .align.storyindex import STATE_VERSION

    docs, records, cfg = corpus.analysis.documents, corpus.record_list(), corpus.config
    fingerprint = hashlib.sha1(json.dumps(cfg.stories.model_dump(), sort_keys=True).encode()).hexdigest()
    saved = corpus.store.load_state("stories") if corpus.store is not None else None
    if not (saved and saved.get("config") == fingerprint and saved["index"].get("version") == STATE_VERSION):
        saved = None
    registry: dict[str, str] = dict(saved["entity_keys"]) if saved else {}
    stable = story_entity_keys(corpus.analysis.entities, corpus.entity_map, registry)
    index = StoryIndex.from_state(saved["index"], cfg) if saved else StoryIndex(cfg)
    add_documents(index, docs, records, stable)
    if corpus.store is not None:
        corpus.store.save_state("stories", {"config": fingerprint, "index": index.to_state(), "entity_keys": registry})
    corpus.analysis.stories = present_stories(index, docs)


def story_entity_keys(entities: list, entity_map: dict[str, str], registry: dict[str, str]) -> dict[str, str]:
    """Local entity id -> the stable key (`stable_entity_keys`) of the corpus entity it resolved to."""
    keys = stable_entity_keys(entities, registry)
    return {local: keys[g] for local, g in entity_map.items() if g in keys}


def present_stories(index, docs: list) -> list:
    """The index's stories cut to the batch's documents (a stored index also holds earlier ones)."""
    present = {d.id for d in docs}
    stories = []
    for s in index.stories():
        s.documents = [d for d in s.documents if d in present]
        if s.documents:
            stories.append(s)
    return stories


def align_facts(corpus: "Corpus") -> None:
    from .align.facts import align_facts as align

    corpus.analysis.facts = align(corpus.analysis, corpus.config)


def build_timeline(corpus: "Corpus") -> None:
    from .align.timeline import build_timeline as build

    corpus.analysis.timeline = build(corpus.analysis, corpus.config)


def summarize(corpus: "Corpus") -> None:
    from .present.summary import summarize as summary

    corpus.analysis.summary = summary(corpus.analysis, corpus.config)
