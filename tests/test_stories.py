"""Stories: documents are grouped into events (same occasion, days apart) and events into storylines."""
from __future__ import annotations

import json
from types import SimpleNamespace

from newsprism.align.stories import StoryIndex, add_documents, cluster_stories, features_component, mentioned_dates
from newsprism.config import Config
from newsprism.model import Document, Entity, Mention
from newsprism.records import DocRecord, local_id

CFG = Config()

# Fictional occasions, each with its own words and names.
TOPICS = {
    "flood": (["flood", "river", "evacuate", "rain", "levee", "rescue", "water", "resident"], ["Rivertown", "Anna Kovac"]),
    "strike": (["strike", "union", "wage", "worker", "walkout", "factory", "negotiate", "picket"], ["Steelco", "Boris Lind"]),
    "summit": (["summit", "leader", "trade", "agreement", "tariff", "sign", "delegation", "talk"], ["Valdoria", "Mira Sol"]),
    "launch": (["rocket", "launch", "orbit", "satellite", "payload", "engine", "countdown", "mission"], ["Skyport", "Ivo Tern"]),
}


def feats(topic: str, published: str | None, variant: int = 0, dates: list[str] | None = None) -> dict:
    words, names = TOPICS[topic]
    terms = {w: 3 for w in words}
    terms.update({f"{topic}detail{variant % 3}": 1, "say": 2, "official": 1})
    return {"terms": terms, "names": {n.lower(): 2 for n in names}, "title": f"{words[0].title()} news {variant}",
            "title_terms": words[:3], "published": published, "dates": dates or []}


def stream() -> list[tuple[str, dict, str | None]]:
    """Twelve reports of four occasions over three weeks, in publication order."""
    rows = [
        ("a1", "flood", "2024-03-01"), ("b1", "strike", "2024-03-01"), ("a2", "flood", "2024-03-02"),
        ("b2", "strike", "2024-03-03"), ("c1", "summit", "2024-03-08"), ("a3", "flood", "2024-03-04"),
        ("c2", "summit", "2024-03-09"), ("d1", "launch", "2024-03-15"), ("c3", "summit", "2024-03-10"),
        ("d2", "launch", "2024-03-16"), ("b3", "strike", "2024-03-04"), ("d3", "launch", "2024-03-17"),
    ]
    return [(doc, feats(topic, day, i), day) for i, (doc, topic, day) in enumerate(rows)]


def events_of(index: StoryIndex) -> list[list[str]]:
    parents = {s.parent for s in index.stories() if s.parent}
    return sorted(sorted(s.documents) for s in index.stories() if s.id not in parents)


def test_reports_of_one_occasion_form_one_event() -> None:
    index = StoryIndex(CFG)
    for doc, f, day in stream():
        index.add(doc, f, day)
    assert events_of(index) == [["a1", "a2", "a3"], ["b1", "b2", "b3"], ["c1", "c2", "c3"], ["d1", "d2", "d3"]]
    flood = next(s for s in index.stories() if "a1" in s.documents)
    assert (flood.first_seen, flood.last_seen) == ("2024-03-01", "2024-03-04")
    assert flood.title and flood.title.startswith("Flood news")


def test_add_returns_the_event_it_joined() -> None:
    index = StoryIndex(CFG)
    first = index.add("a1", feats("flood", "2024-03-01"), "2024-03-01")
    assert index.add("a2", feats("flood", "2024-03-02", 1), "2024-03-02") == first
    assert index.add("b1", feats("strike", "2024-03-02"), "2024-03-02") != first
    assert index.add("a1", feats("flood", "2024-03-01"), "2024-03-01") == first   # seen before: same answer


def test_the_same_subject_a_year_later_is_another_event_of_the_same_storyline() -> None:
    index = StoryIndex(CFG)
    index.add("x1", feats("summit", "2023-05-01"), "2023-05-01")
    index.add("x2", feats("summit", "2023-05-02", 1), "2023-05-02")
    index.add("y1", feats("summit", "2024-06-10", 2), "2024-06-10")
    stories = index.stories()
    events = [s for s in stories if "x1" in s.documents or "y1" in s.documents]
    line = [s for s in events if s.parent is None and len(s.documents) == 3]
    assert len(line) == 1 and sorted(line[0].documents) == ["x1", "x2", "y1"]
    leaves = sorted(sorted(s.documents) for s in stories if s.parent == line[0].id)
    assert leaves == [["x1", "x2"], ["y1"]]
    assert (line[0].first_seen, line[0].last_seen) == ("2023-05-01", "2024-06-10")


def test_incremental_adds_give_the_same_events_as_one_batch() -> None:
    batch = StoryIndex(CFG)
    for doc, f, day in stream():
        batch.add(doc, f, day)
    incremental = StoryIndex(CFG)
    for doc, f, day in stream():
        incremental.add(doc, f, day)
        incremental.stories()           # reading results in between changes nothing
    assert incremental.stories() == batch.stories()


def test_a_late_article_for_an_old_event_joins_it() -> None:
    index = StoryIndex(CFG)
    for doc, f, day in stream():
        index.add(doc, f, day)
    # three weeks after the flood, a report dated the day after it arrives
    flood_id = next(s.id for s in index.stories() if "a1" in s.documents)
    assert index.add("a-late", feats("flood", "2024-03-03", 7), "2024-03-03") == flood_id


def test_state_round_trip_then_more_adds_equals_one_batch() -> None:
    rows = stream()
    batch = StoryIndex(CFG)
    for doc, f, day in rows:
        batch.add(doc, f, day)
    first = StoryIndex(CFG)
    for doc, f, day in rows[:7]:
        first.add(doc, f, day)
    state = json.loads(json.dumps(first.to_state()))       # what a store writes and reads back
    resumed = StoryIndex.from_state(state, CFG)
    for doc, f, day in rows[7:]:
        resumed.add(doc, f, day)
    assert resumed.stories() == batch.stories()
    assert resumed.to_state() == batch.to_state()


def test_old_events_leave_the_candidate_index_but_stay_in_the_results() -> None:
    index = StoryIndex(CFG)
    index.add("old", feats("launch", "2020-01-01"), "2020-01-01")
    index.add("new", feats("strike", "2020-06-01"), "2020-06-01")
    assert not index.events[0].active and index.events[0].centroid == {}
    assert ["old"] in events_of(index)
    # the same subject months later cannot join the retired event: a new one starts
    assert index.add("again", feats("launch", "2020-06-02"), "2020-06-02") != "s1"


def test_undated_documents_cluster_by_content_and_by_the_days_they_name() -> None:
    index = StoryIndex(CFG)
    index.add("u1", feats("flood", None, 0, ["2024-03-01"]), None)
    index.add("u2", feats("flood", None, 1, ["2024-03-02"]), None)
    index.add("u3", feats("strike", None, 2), None)
    # same words, but the text names a day two years later: another occasion
    index.add("u4", feats("flood", None, 3, ["2026-04-01"]), None)
    assert events_of(index) == [["u1", "u2"], ["u3"], ["u4"]]
    assert all(s.first_seen is None for s in index.stories())


def test_an_undated_report_joins_the_dated_event_it_matches() -> None:
    index = StoryIndex(CFG)
    index.add("d1", feats("summit", "2023-10-26"), "2023-10-26")
    index.add("d0", feats("summit", "2022-09-11", 1), "2022-09-11")
    joined = index.add("u1", feats("summit", None, 2, ["2023-10", "2023-10-29"]), None)
    assert joined == index.add("d1", feats("summit", "2023-10-26"), "2023-10-26")


def test_dates_written_out_with_a_year_are_found() -> None:
    text = "Talks began on March 3, 2021 and ended 5 April 2021; the plan dates from May 2019."
    assert mentioned_dates(text, ["since 2006"]) == ["2021-03-03", "2021-04-05", "2019-05", "2006"]


def test_features_component_fills_a_compact_record(nlp) -> None:
    text = ("Valdoria signs trade deal with Ostmark\n\n"
            "Valdoria and Ostmark signed a trade agreement in Porto on March 3, 2021. "
            "President Mira Sol said the agreement cuts tariffs on steel. Ostmark negotiators praised the deal.")
    document = Document(id="n1", title="Valdoria signs trade deal with Ostmark", text=text, published="2021-03-04T10:00:00Z")
    record = DocRecord(doc="n1", published=document.published)
    features_component(document, nlp(text), record, CFG)
    f = record.features
    assert f["published"] == "2021-03-04"
    assert "2021-03-03" in f["dates"]
    assert {"agreement", "tariff", "sign"} <= set(f["terms"]) and "the" not in f["terms"]
    assert "valdoria" in f["names"]
    assert "deal" in f["title_terms"] and "with" not in f["title_terms"]
    json.dumps(f)                                           # plain data only


def test_cluster_stories_feeds_the_batch_in_publication_order_with_resolved_entities() -> None:
    docs, records = [], []
    for i, (topic, day) in enumerate([("flood", "2024-03-02"), ("flood", "2024-03-01"), ("strike", None)]):
        doc_id = f"n{i}"
        docs.append(Document(id=doc_id, published=day, text="x"))
        ent = Entity(id=local_id(doc_id, 0), name="Anna Kovac", type="PERSON",
                     mentions=[Mention(doc=doc_id, start=0, end=1, text="x")])
        records.append(DocRecord(doc=doc_id, published=day, entities=[ent], features=feats(topic, day, i)))
    entity_map = {"n0@0": "e1", "n1@0": "e1", "n2@0": "e2"}
    stories = cluster_stories(docs, records, entity_map, CFG)
    assert [s.documents for s in stories] == [["n1", "n0"], ["n2"]]      # n1 was published first
    assert stories[0].id == "s1" and stories[0].first_seen == "2024-03-01"
    # resolved entities reach the index as one key per entity when weighted (off by default: a name
    # already counts through its words)
    weighted = add_documents(StoryIndex(Config.load(overrides={"stories.entity_weight": 1.0})), docs, records, entity_map)
    assert (weighted.df.get("i:e1"), weighted.df.get("i:e2")) == (2, 1)
    assert not any(k.startswith("i:") for k in add_documents(StoryIndex(CFG), docs, records, entity_map).df)
