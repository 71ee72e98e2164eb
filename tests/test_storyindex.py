"""The story index places a batch as one: IDF over the whole batch, a second look, retirement after the batch.
Every setting it reads is a described field of StoriesConfig."""
from __future__ import annotations

import ast
import inspect
import json
import random
from types import SimpleNamespace

from newsprism.align import storyevents, storyindex, storylines, storyvectors
from newsprism.align.storyindex import StoryIndex
from newsprism.config import Config, StoriesConfig

from test_stories import events_of, feats

CFG = Config()


def words(terms: list[str], extra: list[str], names: dict[str, int] | None = None) -> dict:
    counts = {w: 2 for w in terms + extra}
    return {"terms": counts, "names": names or {}, "title": None, "title_terms": [], "published": None, "dates": []}


def test_reports_that_share_a_protagonist_but_not_an_occasion_stay_apart_in_a_batch() -> None:
    # six occasions, three reports each, every report naming the same leader; undated and shuffled
    rows = []
    for occ in range(6):
        own = [f"occ{occ}word{j}" for j in range(4)]
        for v in range(3):
            f = words(own, ["president", "solberg", "solberg", "government", f"detail{occ}{v}"], {"solberg": 4})
            rows.append((f"o{occ}-{v}", f, None, None))
    random.Random(1).shuffle(rows)
    batch = StoryIndex(CFG)
    batch.add_many(rows)
    assert events_of(batch) == [[f"o{occ}-{v}" for v in range(3)] for occ in range(6)]
    # one at a time, the first reports are weighed by an IDF of a handful of texts, on which the leader's
    # name looks rare: the first event swallows the others
    streamed = StoryIndex(CFG)
    for row in rows:
        streamed.add(*row)
    assert len(events_of(streamed)) < 6


HARBOR = ["harbor", "crane", "dock", "ship", "cargo", "berth"]
STRIKE = ["strike", "union", "wage", "picket", "walkout", "pay"]


def test_the_second_look_moves_a_report_placed_before_its_event_existed() -> None:
    rows = [("h1", words(HARBOR, ["h1x"]), None, None), ("h2", words(HARBOR, ["h2x"]), None, None),
            ("x", words(HARBOR[:2] + STRIKE[:3], ["xx", "xy"]), None, None),    # dockers' strike, told early
            ("s1", words(STRIKE, ["s1x"]), None, None), ("s2", words(STRIKE, ["s2x"]), None, None),
            ("s3", words(STRIKE, ["s3x"]), None, None)]
    batch = StoryIndex(CFG)
    ids = batch.add_many(rows)
    assert events_of(batch) == [["h1", "h2"], ["s1", "s2", "s3", "x"]]
    assert ids[2] == ids[3]                        # add_many answers with the event after the second look
    streamed = StoryIndex(CFG)
    for row in rows:
        streamed.add(*row)
    assert events_of(streamed) == [["h1", "h2", "x"], ["s1", "s2", "s3"]]


def test_an_undated_report_in_a_batch_can_join_an_event_months_before_the_batch_ends() -> None:
    rows = [("old1", feats("flood", "2020-01-01"), "2020-01-01", None),
            ("old2", feats("flood", "2020-01-02", 1), "2020-01-02", None),
            ("new1", feats("strike", "2020-06-01"), "2020-06-01", None),
            ("new2", feats("strike", "2020-06-02", 1), "2020-06-02", None),
            ("undated", feats("flood", None, 2), None, None)]
    batch = StoryIndex(CFG)
    batch.add_many(rows)
    assert events_of(batch) == [["new1", "new2"], ["old1", "old2", "undated"]]
    assert not batch.events[0].active              # retired after the batch all the same
    streamed = StoryIndex(CFG)
    for row in rows:
        streamed.add(*row)
    assert ["undated"] in events_of(streamed)      # one at a time, the flood had left the index


def test_a_few_reports_of_one_story_form_one_event() -> None:
    # in a small collection about one story its own words are in every document; they still count
    story = ["ferry", "delegation", "port", "lease", "terminal", "protest"]
    rows = [(f"r{i}", words(story[: 4 + i % 3], [f"own{i}a", f"own{i}b", f"own{i}c"]), "2025-03-04", None) for i in range(5)]
    index = StoryIndex(CFG)
    index.add_many(rows)
    assert events_of(index) == [[f"r{i}" for i in range(5)]]


def test_a_document_leaving_an_event_takes_its_share_with_it() -> None:
    index = StoryIndex(CFG)
    index.add_many([("s1", words(STRIKE, ["a"]), "2024-01-02", None), ("s2", words(STRIKE, ["b"]), "2024-01-04", None)])
    ev = index.events[index.doc_event["s1"]]
    before = (dict(ev.centroid), ev.first, ev.last)
    arrival = index._arrival("s3", words(STRIKE, ["c"]), "2024-01-09", None)
    index.n_docs += 1
    index._place(arrival)
    assert index.doc_event["s3"] == index.doc_event["s1"] and ev.last == index.events[0].days[-1]
    index._leave(index.doc_event["s3"], arrival)
    assert (ev.first, ev.last) == before[1:]
    assert ev.centroid.keys() == before[0].keys()
    assert all(abs(ev.centroid[k] - w) < 1e-9 for k, w in before[0].items())


# the modules StoryIndex is made of (the index, its vector and storyline halves, its records)
INDEX_MODULES = (storyindex, storyvectors, storylines, storyevents)


def _settings_read(source: str) -> set[str]:
    """Attribute names read as `self.s.<name>` (the index's StoriesConfig), or as `settings.<name>` in the
    per-document functions that take the StoriesConfig as `settings` (a Spark executor calls them without an index), in a module's source."""
    return {node.attr for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and (
                (isinstance(node.value, ast.Attribute) and node.value.attr == "s"
                 and isinstance(node.value.value, ast.Name) and node.value.value.id == "self")
                or (isinstance(node.value, ast.Name) and node.value.id == "settings"))}


def test_every_setting_the_index_reads_is_a_described_field_of_the_config() -> None:
    sources = [inspect.getsource(m) for m in INDEX_MODULES]
    read = set().union(*(_settings_read(src) for src in sources))
    fields = StoriesConfig.model_fields
    assert read, "the walk found the settings"
    assert read <= set(fields), f"read but not in StoriesConfig: {sorted(read - set(fields))}"
    assert set(fields) <= read, f"in StoriesConfig but never read: {sorted(set(fields) - read)}"
    assert all(f.description for f in fields.values())
    for src in sources:
        assert "getattr" not in src                         # no setting read with a fallback default
        assert "s = self.s" not in src                      # read only as self.s.<name>
    assert sum(src.count("self.s = ") for src in sources) == 1


class _Recording:
    """A StoriesConfig that notes every attribute read from it."""

    def __init__(self, inner: StoriesConfig) -> None:
        object.__setattr__(self, "inner", inner)
        object.__setattr__(self, "read", set())

    def __getattr__(self, name: str):
        self.read.add(name)
        return getattr(self.inner, name)


def test_a_run_reads_no_setting_the_config_lacks() -> None:
    # dated, undated and date-naming documents, storylines, retirement, a state round trip: every path
    recording = _Recording(Config().stories)
    cfg = SimpleNamespace(stories=recording)
    index = StoryIndex(cfg)
    index.add_many([("a1", feats("flood", "2020-01-01"), "2020-01-01", ["e1"]),
                    ("a2", feats("flood", "2020-01-03", 1), "2020-01-03", None),
                    ("b1", feats("strike", "2020-05-01"), "2020-05-01", None),
                    ("u1", feats("flood", None, 2), None, None)])
    index.add("u2", dict(feats("strike", None, 3), dates=["2020-05-02"]))
    index = StoryIndex.from_state(json.loads(json.dumps(index.to_state())), cfg)
    index.add("a3", feats("flood", "2020-09-01", 4), "2020-09-01")
    assert index.stories()
    assert recording.read, "the run read its settings"
    assert recording.read <= set(StoriesConfig.model_fields), sorted(recording.read - set(StoriesConfig.model_fields))


def test_settings_come_from_the_config_given() -> None:
    cfg = Config.load(overrides={"stories.event_threshold": 0.99})
    index = StoryIndex(cfg)
    index.add_many([("s1", words(STRIKE, ["a"]), None, None), ("s2", words(STRIKE, ["b"]), None, None)])
    assert events_of(index) == [["s1"], ["s2"]]


def test_name_and_entity_keys_are_off_by_default_and_on_when_weighted() -> None:
    f = words(STRIKE, [], {"boris lind": 2})
    assert not any(k[:2] in ("n:", "i:") for k in StoryIndex(CFG)._raw(f, ["e1"]))
    weighted = StoryIndex(Config.load(overrides={"stories.name_weight": 1.0, "stories.entity_weight": 1.0}))
    assert {"n:boris lind", "i:e1"} <= set(weighted._raw(f, ["e1"]))


def _dated_batch(n: int) -> list[tuple]:
    """One harbour report every three weeks, `n` of them: each its own event, all sharing the harbour words."""
    from datetime import date
    start = date(2000, 1, 3).toordinal()
    return [(f"h{w}", words(HARBOR, [f"week{w}a", f"week{w}b", f"week{w}c"]),
             date.fromordinal(start + 21 * w).isoformat(), None) for w in range(n)]


KEEP_ALL = Config.load(overrides={"stories.retention_days": 100_000})    # nothing retires after the batch


def test_a_text_that_says_nothing_of_when_it_was_written_looks_at_a_bounded_number_of_events() -> None:
    # the dated events spread over many time buckets; an undated text looks up the dated events most recently
    # joined under each of its keys, at most max_candidates of them a key, not every bucket the index holds
    for weeks in (20, 120):
        index = StoryIndex(KEEP_ALL)
        index.add_many(_dated_batch(weeks))
        assert len(index._post) == weeks                            # one active bucket a report
        posts = index._query_posts(None, None)
        assert posts == [index._dated]                              # one posting, whatever the weeks held
        cap = int(CFG.stories.max_candidates)
        assert all(len(lst) <= weeks for lst in index._dated.values())
        lookup = [("w:harbor", 1.0), ("w:crane", 1.0)]
        ranked = storyevents.vote(posts, lookup, cap)
        assert len({index.doc_event[f"h{w}"] for w in range(weeks)}) == weeks
        recent = sorted(index.doc_event[f"h{w}"] for w in range(weeks))[-cap:]
        assert sorted(ev for ev, _ in ranked) == recent             # the most recently joined, capped
    # a dated text still looks only at the buckets around its day
    day = index.events[0].first
    assert index._dated not in index._query_posts(day, None)


def test_an_undated_text_joins_the_dated_event_that_most_recently_took_up_its_words() -> None:
    rows = _dated_batch(60)
    rows.append(("u", words(HARBOR, ["week59a", "week59b", "other"]), None, None))
    index = StoryIndex(KEEP_ALL)
    index.add_many(rows)
    assert index.doc_event["u"] == index.doc_event["h59"]


def test_the_second_look_revisits_only_documents_near_a_move_and_places_as_a_full_look_would() -> None:
    # the dockers' strike told early (the second look moves it), beside unrelated occasions that never move
    rows = [("h1", words(HARBOR, ["h1x"]), None, None), ("h2", words(HARBOR, ["h2x"]), None, None),
            ("x", words(HARBOR[:2] + STRIKE[:3], ["xx", "xy"]), None, None),
            ("s1", words(STRIKE, ["s1x"]), None, None), ("s2", words(STRIKE, ["s2x"]), None, None),
            ("s3", words(STRIKE, ["s3x"]), None, None)]
    for occ in range(4):
        own = [f"occ{occ}word{j}" for j in range(6)]
        rows += [(f"o{occ}-{v}", words(own, [f"d{occ}{v}"]), None, None) for v in range(3)]
    looks: list[str] = []

    class Counting(StoryIndex):
        def _reconsider(self, arr):                 # type: ignore[no-untyped-def]
            looks.append(arr.doc_id)
            return super()._reconsider(arr)

    class Full(StoryIndex):
        def _unchanged(self, arr, since):            # type: ignore[no-untyped-def]
            return False                             # every document looks again on every pass

    index = Counting(CFG)
    index.add_many(rows)
    full = Full(CFG)
    full.add_many(rows)
    assert events_of(index) == events_of(full)
    assert [s.model_dump() for s in index.stories()] == [s.model_dump() for s in full.stories()]
    assert ["s1", "s2", "s3", "x"] in events_of(index)
    later = looks[len(rows):]                        # the passes after the first
    assert later and not any(d.startswith("o") for d in later)   # the unrelated occasions did not look again


def _in_order(postings: dict) -> dict:
    return {k: list(events) for k, events in postings.items()}


def _in_buckets(postings: dict) -> dict:
    return {b: _in_order(post) for b, post in postings.items() if post}    # a bucket left empty offers nothing


def test_a_run_saved_and_restored_halfway_places_undated_texts_as_one_continuous_run() -> None:
    # six harbour occasions three weeks apart, then late reports of the first: in one run the first occasion's
    # event is the one that most recently took up the harbour words, not the newest by number. A run saved and
    # restored in between must offer the undated texts of its second half the same latest events of each key.
    cfg = Config.load(overrides={"stories.retention_days": 100_000, "stories.max_candidates": 2})
    first = _dated_batch(6)
    day0 = first[0][2]
    first += [(f"late{j}", words(HARBOR, [f"late{j}x"]), day0, None) for j in range(2)]
    # an event linked into storylines while undated, then joined by a dated report (no new link at size 3)
    first += [("v0", words(STRIKE, ["v0x"]), None, None), ("v1", words(STRIKE, ["v1x"]), None, None),
              ("v2", words(STRIKE, ["v2x"]), day0, None)]
    second = [(f"u{j}", words(HARBOR, [f"u{j}x"]), None, None) for j in range(3)]
    second += [("u-week5", words(HARBOR, ["week5a", "week5b", "other"]), None, None)]

    continuous = StoryIndex(cfg)
    continuous.add_many(first)
    continuous.add_many(second)
    split = StoryIndex(cfg)
    split.add_many(first)
    split = StoryIndex.from_state(json.loads(json.dumps(split.to_state())), cfg)   # what a store writes and reads
    split.add_many(second)
    assert [s.model_dump() for s in split.stories()] == [s.model_dump() for s in continuous.stories()]
    assert split.to_state() == continuous.to_state()
    for name in ("_dated", "_ldated"):           # in the same order: a key offers its latest events
        assert _in_order(getattr(split, name)) == _in_order(getattr(continuous, name))
    for name in ("_post", "_lpost"):
        assert _in_buckets(getattr(split, name)) == _in_buckets(getattr(continuous, name))
    # the undated texts joined the late reports' occasion, which a key's latest events by number leave out
    assert continuous.doc_event["u0"] == continuous.doc_event["h0"] == continuous.doc_event["late0"]


def test_a_look_compares_again_only_the_events_that_changed_since_the_documents_last_look() -> None:
    # the dockers' strike told early (the second look moves it), beside occasions told dated and undated
    rows = [("h1", words(HARBOR, ["h1x"]), None, None), ("h2", words(HARBOR, ["h2x"]), None, None),
            ("x", words(HARBOR[:2] + STRIKE[:3], ["xx", "xy"]), None, None),
            ("s1", words(STRIKE, ["s1x"]), None, None), ("s2", words(STRIKE, ["s2x"]), None, None),
            ("s3", words(STRIKE, ["s3x"]), None, None)]
    for occ in range(5):
        own = [f"occ{occ}word{j}" for j in range(5)]
        rows += [(f"o{occ}-{v}", words(own[: 3 + v % 3], [f"d{occ}{v}", "harbor", "pay"]),
                  f"2020-03-0{1 + occ}" if v % 2 else None, None) for v in range(3)]
    compared: list[int] = []

    class Counting(StoryIndex):
        def _similarity(self, query, ev, dense=None):        # type: ignore[no-untyped-def]
            compared.append(1)
            return super()._similarity(query, ev, dense)

    class Fresh(StoryIndex):
        def _best(self, arr, query, dense, skip=-1):          # type: ignore[no-untyped-def]
            self._sims.pop(arr.doc_id, None)                  # every look compares every candidate again
            return super()._best(arr, query, dense, skip)

        def _stay(self, arr, here, dense):                    # type: ignore[no-untyped-def]
            return self._similarity_without(arr.query, self.events[here], arr, dense)

        def _similarity(self, query, ev, dense=None):        # type: ignore[no-untyped-def]
            fresh.append(1)
            return super()._similarity(query, ev, dense)

    fresh: list[int] = []
    index, full = Counting(CFG), Fresh(CFG)
    index.add_many(rows)
    full.add_many(rows)
    assert [s.model_dump() for s in index.stories()] == [s.model_dump() for s in full.stories()]
    assert ["s1", "s2", "s3", "x"] in events_of(index)        # a document moved
    assert 0 < len(compared) < len(fresh)
    assert index._sims == {} and index._stays == {}          # what the looks computed is dropped after the batch
