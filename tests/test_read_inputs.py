"""read_inputs: paths, directories, stdin, items and dicts in; RawItems and one-line ReadErrors out."""
import gzip
import json
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


# -- folders: only regular files are read, and every skipped path has its line --------------------------

GOOD = "Harbour pilots in Port Ellis ended their strike on Friday, the union said."


def _read_in_thread(paths, cfg, seconds: float = 30):
    """read_inputs in a thread, so that a read that blocks fails the test instead of hanging it."""
    import threading

    out: list = []
    thread = threading.Thread(target=lambda: out.extend(read_inputs(paths, cfg)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading blocked"
    return out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_a_folder_is_skipped_not_waited_for(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "z.txt").write_text(GOOD + " Ships sailed.")
    out = _read_in_thread([tmp_path], Config())
    assert [type(r) for r in out] == [RawItem, ReadError, RawItem]
    assert out[1] == ReadError(str(tmp_path / "pipe.txt"), "not a regular file (a FIFO)")


def test_an_unreadable_sub_folder_gets_its_line(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path="."):  # as for a folder without read permission (root would read it anyway)
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = list(read_inputs([tmp_path], Config()))
    assert [type(r) for r in out] == [RawItem, ReadError]
    assert out[1] == ReadError(str(locked), "cannot open folder (Permission denied)")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
def test_an_unreadable_sub_folder_for_real(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "a.txt").write_text(GOOD)
    locked.chmod(0)
    try:
        out = list(read_inputs([tmp_path], Config()))
    finally:
        locked.chmod(0o755)
    assert ReadError(str(locked), "cannot open folder (Permission denied)") in out


def test_a_linked_folder_is_named_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.txt").write_text(GOOD)
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.txt").write_text(GOOD)
    (root / "link").symlink_to(outside, target_is_directory=True)
    out = list(read_inputs([root], Config()))
    assert out[1] == ReadError(str(root / "link"), "a symbolic link to a folder (not followed)") and len(out) == 2


# -- per-record limits: files of records stream, each record held to read.max_bytes -----------------------

def _jsonl(n: int, size: int = 300) -> str:
    return "".join(json.dumps({"id": f"r{i}", "text": f"Record {i}. " + "w" * size}) + "\n" for i in range(n))


@pytest.mark.parametrize("compress", [False, True])
def test_a_jsonl_file_larger_than_the_limit_is_streamed_record_by_record(tmp_path, compress):
    cfg = Config.load(overrides={"read.max_bytes": 2000})
    body = _jsonl(40) + json.dumps({"id": "huge", "text": "x" * 5000}) + "\n" + _jsonl(2)
    assert len(body) > 9 * 2000
    path = tmp_path / ("big.jsonl.gz" if compress else "big.jsonl")
    path.write_bytes(gzip.compress(body.encode()) if compress else body.encode())
    out = list(read_inputs([path], cfg))
    items = [r for r in out if isinstance(r, RawItem)]
    assert len(items) == 42 and items[0].source == f"{path}:1"
    assert [r for r in out if isinstance(r, ReadError)] == [
        ReadError(str(path), "line 41: record too large (5.0 kB > 2.0 kB limit; set read.max_bytes)")]


def test_a_truncated_gzip_jsonl_keeps_the_records_before_the_cut(tmp_path):
    data = gzip.compress(_jsonl(200).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    out = list(read_inputs([path], Config()))
    items = [r for r in out if isinstance(r, RawItem)]
    assert 50 < len(items) < 200
    assert isinstance(out[-1], ReadError) and out[-1].reason.startswith("unreadable after line")


def test_a_single_document_file_keeps_the_file_limit(tmp_path):
    cfg = Config.load(overrides={"read.max_bytes": 2000})
    (tmp_path / "big.txt").write_text(GOOD * 100)
    assert list(read_inputs([tmp_path / "big.txt"], cfg)) == [
        ReadError(str(tmp_path / "big.txt"), "too large (7.4 kB > 2.0 kB limit; set read.max_bytes)")]


def test_a_feed_is_read_whole_up_to_the_container_limit_and_each_entry_to_the_record_limit(tmp_path):
    entry = "<item><title>T{n}</title><link>https://news.example.org/{n}</link><description>{body}</description></item>"
    items = "".join(entry.format(n=n, body="Ferries sailed again on Monday. " * (200 if n == 3 else 20)) for n in range(5))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Daily</title>{items}</channel></rss>'
    path = tmp_path / "feed.rss"
    path.write_text(feed)
    cfg = Config.load(overrides={"read.max_bytes": 2000, "read.max_container_bytes": 100_000})
    out = list(read_inputs([path], cfg))
    assert sum(isinstance(r, RawItem) for r in out) == 4
    assert [r for r in out if isinstance(r, ReadError)] == [
        ReadError("https://news.example.org/3", "record too large (6.4 kB > 2.0 kB limit; set read.max_bytes)")]
    small = Config.load(overrides={"read.max_container_bytes": 5_000})
    (error,) = read_inputs([path], small)
    assert "read.max_container_bytes" in error.reason
