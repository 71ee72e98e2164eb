"""WARC archives: each HTML response is an article named by its URL; the rest is skipped."""
import gzip

from newsprism.config import Config
from newsprism.read import RawItem, ReadError, read_inputs
from newsprism.read.warc import WarcReader

PAGE = "<html><head><title>Caf\u00e9 strike</title></head><body><p>Caf\u00e9 workers in Port Elwyn walked out on Friday.</p></body></html>"


def http_response(body: bytes, content_type: str, status: str = "200 OK") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


def warc_record(url: str, block: bytes, kind: str = "response", n: int = 1) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-02-09T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode("ascii") + block + b"\r\n\r\n"


def archive() -> list[bytes]:
    return [
        warc_record("https://news.example.org/strike", http_response(PAGE.encode("cp1252"), "text/html; charset=windows-1252"), n=1),
        warc_record("https://news.example.org/logo.png", http_response(b"\x89PNG\r\n\x1a\n", "image/png"), n=2),
        warc_record("https://news.example.org/old", http_response(b"", "text/html", "301 Moved Permanently"), n=3),
        warc_record("https://news.example.org/strike", b"GET /strike HTTP/1.1\r\nHost: news.example.org\r\n\r\n", "request", n=4),
        warc_record("https://news.example.org/ferry", http_response("<p>Ferries \u2014 late again.</p>".encode(), "text/html"), n=5),
    ]


def check(results):
    assert [type(r) for r in results] == [RawItem, RawItem]
    strike, ferry = results
    assert (strike.source, strike.url, strike.kind) == ("https://news.example.org/strike",) * 2 + ("html",)
    assert "Café workers" in strike.html  # the HTTP header's charset
    assert ferry.html == "<p>Ferries \u2014 late again.</p>"
    assert strike.extra["crawled"] == "2024-02-09T10:00:00Z"


def test_html_responses_become_items(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(archive()))
    check(list(read_inputs([path], Config())))


def test_a_gzipped_warc_is_read_record_by_record(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in archive()))  # one gzip member per record, as crawlers write
    check(list(read_inputs([path], Config())))


def test_an_archive_without_pages_says_so():
    data = warc_record("https://news.example.org/logo.png", http_response(b"\x89PNG", "image/png"))
    assert list(WarcReader().read(data, "x.warc", None, Config())) == [
        ReadError("x.warc", "no HTML pages in WARC (1 HTTP responses)")]


def test_sniffed_by_its_version_line():
    assert WarcReader().sniff(b"WARC/1.1\r\n", None)
    assert not WarcReader().sniff(b"WARC is a format", None)


def _page_record(n: int) -> bytes:
    page = f"<html><body><p>Ferry workers in Port Elwyn met the operator on Monday, report {n} said.</p></body></html>"
    return warc_record(f"https://news.example.org/{n}", http_response(page.encode(), "text/html"), n=n)


def test_a_truncated_record_is_skipped_with_a_reason_and_the_rest_kept(tmp_path):
    last = _page_record(3)
    path = tmp_path / "cut.warc"
    path.write_bytes(_page_record(1) + _page_record(2) + last[: len(last) - 60])
    out = list(read_inputs([path], Config()))
    assert [r.source for r in out if isinstance(r, RawItem)] == ["https://news.example.org/1", "https://news.example.org/2"]
    (error,) = [r for r in out if isinstance(r, ReadError)]
    assert error.source == "https://news.example.org/3" and error.reason.startswith("truncated record (")


def test_a_truncated_gzipped_archive_keeps_the_records_before_the_cut(tmp_path):
    members = [gzip.compress(_page_record(n)) for n in range(1, 4)]
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(members[0] + members[1] + members[2][: len(members[2]) // 2])
    out = list(read_inputs([path], Config()))
    assert [r.source for r in out if isinstance(r, RawItem)] == ["https://news.example.org/1", "https://news.example.org/2"]
    assert isinstance(out[-1], ReadError)


def test_an_archive_larger_than_the_limit_is_streamed_and_each_response_held_to_it(tmp_path):
    cfg = Config.load(overrides={"read.max_bytes": 2000})
    big = warc_record("https://news.example.org/big", http_response(b"<p>" + b"word " * 1000 + b"</p>", "text/html"), n=9)
    image = warc_record("https://news.example.org/photo.jpg", http_response(b"\xff\xd8\xff" + b"\0" * 5000, "image/jpeg"), n=8)
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(_page_record(n) for n in range(1, 8)) + big + image)
    assert path.stat().st_size > 2000
    out = list(read_inputs([path], cfg))
    assert sum(isinstance(r, RawItem) for r in out) == 7
    assert [r for r in out if isinstance(r, ReadError)] == [  # the image is simply not a page
        ReadError("https://news.example.org/big", "record too large (5.1 kB > 2.0 kB limit; set read.max_bytes)")]
