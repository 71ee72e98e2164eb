"""JSON Lines: one article per line with its metadata; a bad line costs only itself."""
from pathlib import Path

from newsprism.config import Config
from newsprism.read import RawItem, ReadError, read_inputs
from newsprism.read.jsonl import JsonlReader, record_to_item

FIX = Path(__file__).parent / "fixtures" / "read"


def test_good_lines_are_read_and_each_bad_line_is_one_error():
    path = str(FIX / "records.jsonl")
    results = list(read_inputs([path], Config()))
    items = [r for r in results if isinstance(r, RawItem)]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert [i.source for i in items] == [f"{path}:1", f"{path}:2", f"{path}:6"]
    assert [e.reason for e in errors] == ["line 4: invalid JSON (Unterminated string starting at)",
                                        "line 5: neither text nor html"]
    assert all(e.source == path for e in errors)


def test_given_fields_are_copied_and_the_rest_kept_as_extra():
    first, second, third = [r for r in read_inputs([FIX / "records.jsonl"], Config()) if isinstance(r, RawItem)]
    assert (first.id, first.title, first.author, first.published, first.outlet, first.url) == (
        "r1", "Ferry trial approved", "Mira Okonkwo", "2024-02-06", "Elwyn Gazette", "https://example.org/ferry")
    assert first.kind == "jsonl" and first.extra == {"section": "Local"}
    assert second.id == "2" and second.html.startswith("<p>") and second.text is None
    assert third.text.endswith("long overdue.\u2028A second line.")  # U+2028 inside a string is not a line break


def test_a_pretty_printed_json_array_is_read_too():
    data = b'[\n  {"id": "a", "text": "First article."},\n  {"id": "b", "title": "nothing"}\n]\n'
    results = list(JsonlReader().read(data, "batch.json", Path("batch.json"), Config()))
    assert results[0].source == "batch.json:1" and results[0].text == "First article."
    assert results[1] == ReadError("batch.json", "record 2: neither text nor html")


def test_records_must_be_objects_with_string_bodies():
    assert record_to_item([1, 2], "x") == "not a JSON object (list)"
    assert record_to_item({"text": 5}, "x") == "text is not a string (int)"
    assert record_to_item({"text": "  "}, "x") == "neither text nor html"
    assert record_to_item({"text": "ok", "title": {"a": 1}}, "x") == "title is not a single value"


def test_sniffing_needs_an_object_on_the_first_line():
    reader = JsonlReader()
    assert reader.sniff(b'\n\n{"text": "a"}\n', None)
    assert not reader.sniff(b'["text"]\n', None)
    assert not reader.sniff(b"Dear editor,\n", None)
    assert reader.sniff(b'{"html": "' + b"x" * 70000, None)  # a first line longer than the sniffed head


def test_a_json_file_without_articles_is_one_error_not_one_per_record():
    data = b"\n".join(b'{"label": "x", "n": %d}' % i for i in range(50))
    assert list(JsonlReader().read(data, "gold.jsonl", None, Config())) == [
        ReadError("gold.jsonl", "no articles in 50 records (first: line 1: neither text nor html)")]


def test_many_bad_lines_among_good_ones_are_listed_up_to_a_limit():
    lines = [b'{"text": "A good article."}'] + [b"not json"] * 9
    results = list(JsonlReader().read(b"\n".join(lines), "mixed.jsonl", None, Config()))
    assert isinstance(results[0], RawItem)
    assert [e.reason for e in results[1:]] == [f"line {n}: invalid JSON (Expecting value)" for n in range(2, 7)] + [
        "4 more bad records not listed"]
