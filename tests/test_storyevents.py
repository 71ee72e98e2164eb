"""Story clustering's records and key helpers: the heaviest keys, postings, an event's span and state."""
from newsprism.align.storyevents import (
    Event,
    drop_postings,
    drop_recent,
    event_state,
    post_recent,
    strongest,
    vote,
)


def test_the_heaviest_keys_with_ties_broken_by_key() -> None:
    weights = {"b": 2.0, "a": 2.0, "c": 5.0, "d": 0.5}
    assert strongest(weights, 3) == [("c", 5.0), ("a", 2.0), ("b", 2.0)]
    assert strongest(weights, 10) == sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))


def test_the_heaviest_keys_of_a_large_table_tied_at_the_cut_are_those_sorted_would_give() -> None:
    # many keys share the weight at the n-th place: the cut keeps them all, and the order picks by key
    weights = {f"k{i:03d}": (1.0 if i % 3 else 2.0) for i in range(300)}
    weights.update({"z": 5.0, "a": 0.5})
    for n in (5, 40, 120, 299):
        assert strongest(weights, n) == sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def test_an_event_leaves_its_postings_and_empty_lists_go() -> None:
    postings = {"1": {"flood": dict.fromkeys([0, 3, 5]), "river": {3: None}}, "2": {"flood": {3: None}}}
    drop_postings(postings, ["1", "2", "9"], ["flood", "river"], 3)
    assert postings == {"1": {"flood": {0: None, 5: None}}, "2": {}}
    assert list(postings["1"]["flood"]) == [0, 5]          # the others keep their order


def test_an_event_span_follows_its_members() -> None:
    ev = Event(num=1, docs=["a", "b"], days=[10, 14], nameds=[None, None])
    ev.refresh_span()
    assert (ev.first, ev.last, ev.named) == (10, 14, None)
    ev.days, ev.nameds = [None], [7]
    ev.refresh_span()
    assert (ev.first, ev.last, ev.named) == (None, None, [7, 7])


def test_a_state_without_embeddings_leaves_their_fields_out() -> None:
    assert "emb" not in event_state(Event(num=1)) and "emb_n" not in event_state(Event(num=1))
    assert event_state(Event(num=1, emb=[0.1], emb_n=1))["emb"] == [0.1]


def test_recency_postings_put_an_event_last_when_it_joins_again_and_drop_empty_keys() -> None:
    postings: dict[str, dict[int, None]] = {}
    for ev_i in (1, 2, 3):
        post_recent(postings, ["flood"], ev_i)
    drop_recent(postings, ["flood"], 1)
    post_recent(postings, ["flood", "river"], 1)          # event 1 joined again: now the most recent
    assert list(postings["flood"]) == [2, 3, 1] and list(postings["river"]) == [1]
    drop_recent(postings, ["flood", "river", "levee"], 1)
    assert postings == {"flood": {2: None, 3: None}}


def test_a_key_of_many_events_offers_its_latest_cap_from_a_list_or_a_recency_dict() -> None:
    as_list = {"flood": list(range(10)), "river": [2, 9]}
    as_dict = {"flood": dict.fromkeys(range(10)), "river": dict.fromkeys([2, 9])}
    query = [("flood", 1.0), ("river", 0.5)]
    for post in (as_list, as_dict):
        ranked = vote([post], query, 3)
        assert ranked == [(9, 1.5), (7, 1.0), (8, 1.0), (2, 0.5)]   # 0..6 are past the cap on "flood"
