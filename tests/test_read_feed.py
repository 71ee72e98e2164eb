"""RSS and Atom: one article per entry with full text; entity declarations are refused."""
from pathlib import Path

import pytest

from newsprism.config import Config
from newsprism.read import RawItem, ReadError, read_inputs
from newsprism.read.feed import FeedReader

FIX = Path(__file__).parent / "fixtures" / "read"


def test_rss_entries_with_full_text_become_items():
    results = list(read_inputs([FIX / "feed.rss"], Config()))
    trial, timetable, note = results
    assert isinstance(trial, RawItem) and trial.kind == "html"
    assert (trial.source, trial.url) == ("https://gazette.example.org/ferry-trial",) * 2
    assert trial.html.startswith("<p>The Port Elwyn harbour board")  # content:encoded, not the teaser
    assert (trial.title, trial.author, trial.outlet) == ("Night ferry trial approved", "Mira Okonkwo", "Elwyn Gazette")
    assert trial.published == "2024-02-06T18:30:00+01:00"  # the feed's own offset is kept
    assert timetable.html.startswith("<p>The harbour board said") and timetable.published == "2024-02-07T09:00:00+00:00"
    assert note == ReadError(str(FIX / "feed.rss"), "1 of 3 entries have only a short summary, no full text")


def test_atom_entries_become_items():
    [entry] = read_inputs([FIX / "feed.atom"], Config())
    assert entry.url == "https://coastal.example.com/fishermen"
    assert (entry.author, entry.outlet, entry.published) == ("Jonas Pell", "Coastal Times", "2024-02-07T08:15:00-05:00")
    assert entry.html == "<p>Fishermen in Port Elwyn were divided over the night ferry trial approved on Tuesday.</p>"


def test_entity_declarations_are_refused():
    [err] = read_inputs([FIX / "entities.rss"], Config())
    assert err == ReadError(str(FIX / "entities.rss"), "XML entity declarations refused")


def test_external_entities_are_refused():
    data = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>'
    assert [e.reason for e in FeedReader().read(data, "x.rss", None, Config())] == ["XML entity declarations refused"]


def test_a_broken_feed_is_reported():
    [err] = FeedReader().read(b"<rss><channel><item><title>cut off", "cut.rss", None, Config())
    assert err.source == "cut.rss" and err.reason.startswith("malformed feed: ")


def test_the_summary_length_needed_is_configurable():
    cfg = Config.load(overrides={"read.feed_summary_min_chars": 5})
    results = list(read_inputs([FIX / "feed.rss"], cfg))
    assert [r.url for r in results] == ["https://gazette.example.org/ferry-trial", "https://gazette.example.org/timetable",
                                        "https://gazette.example.org/teaser"]


@pytest.mark.parametrize("head, claimed", [
    (b'<?xml version="1.0"?>\n<rss version="2.0">', True),
    (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">', True),
    (b'<?xml version="1.0"?><!-- a comment --><rdf:RDF xmlns:rdf="x">', True),
    (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss>', True),
    (b"<html><body><p>Subscribe to our <rss feed</p>", False),
])
def test_sniffed_by_the_root_element(head, claimed):
    assert FeedReader().sniff(head, None) is claimed
