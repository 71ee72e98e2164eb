"""read_inputs: paths, directories, stdin, items and dicts in; RawItems and one-line ReadErrors out."""
import gzip
import io
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsprism.config import Config
from newsprism.read import RawItem, ReadError, read_bytes, read_inputs
from newsprism.read import inputs as inputs_module

FIX = Path(__file__).parent / "fixtures" / "read"
ARTICLE = "The harbour board approved a night ferry trial on Tuesday, its chair said.\n"


def reasons(results):
    return [r.reason for r in results if isinstance(r, ReadError)]


def test_a_directory_is_walked_recursively_in_sorted_order_skipping_hidden(tmp_path):
    for rel in ["b.txt", "a/z.txt", "a/c.txt", ".hidden.txt", ".git/config.txt", "a/.cache/x.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(ARTICLE)
    results = list(read_inputs([str(tmp_path)], Config()))
    assert [r.source for r in results] == [os.path.join(str(tmp_path), p) for p in ("a/c.txt", "a/z.txt", "b.txt")]
    assert [r.stem for r in results] == ["c", "z", "b"]


def test_an_empty_directory_is_one_error(tmp_path):
    assert list(read_inputs([tmp_path], Config())) == [ReadError(str(tmp_path), "empty directory (no visible files)")]


def test_stdin_is_sniffed_like_a_file():
    [text] = read_inputs(["-"], Config(), stdin=io.BytesIO(ARTICLE.encode()))
    assert (text.source, text.kind, text.text, text.stem) == ("<stdin>", "text", ARTICLE, None)
    [page] = read_inputs(["-"], Config(), stdin=io.BytesIO(b"<!doctype html><p>Ferries.</p>"))
    assert page.kind == "html"
    jsonl = list(read_inputs(["-"], Config(), stdin=io.BytesIO(b'{"text": "One."}\n{"text": "Two."}\n')))
    assert [r.source for r in jsonl] == ["<stdin>:1", "<stdin>:2"]


def test_stdin_defaults_to_the_process_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    [item] = read_inputs(["-"], Config())
    assert item.text == ARTICLE


def test_raw_items_pass_through_and_dicts_become_items():
    given = RawItem(source="mine", kind="text", text=ARTICLE)
    results = list(read_inputs([given, {"text": ARTICLE, "title": "Ferries", "id": 7}, {"title": "no body"}], Config()))
    assert results[0] is given
    assert (results[1].source, results[1].title, results[1].id, results[1].text) == ("<input>:2", "Ferries", "7", ARTICLE)
    assert results[2] == ReadError("<input>:3", "neither text nor html")


def test_a_gzipped_file_is_sniffed_inside_and_named_without_gz(tmp_path):
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "page.gz").write_bytes(gzip.compress(b"<html><body><p>Ferries.</p></body></html>"))
    page, story = read_inputs([tmp_path], Config())
    assert (story.kind, story.stem, story.text) == ("text", "story", ARTICLE)
    assert page.kind == "html" and page.source.endswith("page.gz")


def test_one_bad_input_never_stops_the_batch(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "dump.bin").write_bytes(b"abc\x00\x00def")
    (tmp_path / "huge.txt").write_bytes(b"x" * 2_500)
    rng = random.Random(0)
    (tmp_path / "junk.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(400)))  # no charset fits
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"y" * 5_000))
    (tmp_path / "cut.gz").write_bytes(gzip.compress(ARTICLE.encode())[:20])
    cfg = Config.load(overrides={"read.max_bytes": 2_000})
    results = {Path(r.source).name: r for r in read_inputs([tmp_path, str(tmp_path / "missing.txt")], cfg)}
    assert isinstance(results["good.txt"], RawItem)
    assert {name: r.reason for name, r in results.items() if isinstance(r, ReadError)} == {
        "empty.txt": "empty file",
        "logo.png": "binary file (PNG image)",
        "dump.bin": "binary file (NUL bytes)",
        "huge.txt": "too large (2.5 kB > 2.0 kB limit; set read.max_bytes)",
        "junk.txt": "undecodable text",
        "bomb.txt.gz": "too large when decompressed (> 2.0 kB limit; set read.max_bytes)",
        "cut.gz": "corrupt gzip (truncated)",
        "missing.txt": "no such file or directory",
    }


def test_the_size_limit_message_names_the_setting_and_the_file_is_not_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: 25.3 MB on paper, nothing on disk
        fh.truncate(25_300_000)
    monkeypatch.setattr(inputs_module, "read_bytes", lambda *a: pytest.fail("a too-large file was read"))
    assert list(read_inputs([big], Config())) == [
        ReadError(str(big), "too large (25.3 MB > 20.0 MB limit; set read.max_bytes)")]


def test_oversized_stdin_is_refused_without_reading_it_all():
    cfg = Config.load(overrides={"read.max_bytes": 100})
    stream = io.BytesIO(b"z" * 10_000)
    assert reasons(read_inputs(["-"], cfg, stdin=stream)) == ["too large (> 100 bytes limit; set read.max_bytes)"]
    assert stream.tell() == 101


def test_empty_stdin_is_one_error():
    assert list(read_inputs(["-"], Config(), stdin=io.BytesIO(b""))) == [ReadError("<stdin>", "empty input")]


def test_unsupported_input_types_are_errors_not_crashes():
    assert list(read_inputs([42], Config())) == [ReadError("<input>:1", "unsupported input type int")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda s: s.encode("utf-8")),
    st.sampled_from([b"WARC/1.0\r\n", b"<rss>", b"<feed>", b"<!doctype html>", b'{"text":', b"\x1f\x8b\x08\x00",
                     b"\xef\xbb\xbf", b"\xff\xfe", b"<?xml version='1.0'?><!DOCTYPE x ["]).flatmap(
        lambda prefix: st.binary(max_size=300).map(lambda rest: prefix + rest)),
))
def test_arbitrary_bytes_yield_items_or_one_line_errors(data):
    for result in read_bytes(data, "<fuzz>", None, Config()):
        assert isinstance(result, (RawItem, ReadError))
        if isinstance(result, ReadError):
            assert result.reason and "\n" not in result.reason
        else:
            assert (result.text or result.html or "").strip()
