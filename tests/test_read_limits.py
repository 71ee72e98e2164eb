"""Bounded reading: over-long lines are measured and skipped, never held; a cut-off stream gives up
what came before the cut."""
import gzip
import io

import pytest

from newsprism.read.limits import UntilCut, bounded_lines, file_head, open_maybe_gzip, size_text, too_large_record


def test_lines_are_yielded_and_an_over_long_one_is_only_measured():
    data = b"short\n" + b"x" * 5000 + b"\n" + b"tail"
    assert list(bounded_lines(io.BytesIO(data), 100)) == [b"short", 5000, b"tail"]
    assert list(bounded_lines(io.BytesIO(b"a\n\nb\n"), 10)) == [b"a", b"", b"b"]
    assert list(bounded_lines(io.BytesIO(b"y" * 300), 100)) == [300]


def test_a_gzip_file_is_inflated_on_the_fly_and_its_head_sniffed_even_when_cut(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    data = b"".join(b'{"text": "line %d"}\n' % i for i in range(5000))
    whole = gzip.compress(data)
    path.write_bytes(whole)
    with open_maybe_gzip(path) as fh:
        assert fh.read() == data
    path.write_bytes(whole[: len(whole) // 2])
    assert data.startswith(file_head(path, 1000)) and len(file_head(path, 1000)) == 1000


def test_until_cut_hands_over_the_bytes_before_the_error_then_raises_it(tmp_path):
    data = bytes(range(256)) * 4000
    whole = gzip.compress(data)
    path = tmp_path / "cut.gz"
    path.write_bytes(whole[: len(whole) * 3 // 4])
    got = bytearray()
    with UntilCut(open_maybe_gzip(path)) as fh:
        with pytest.raises(EOFError):
            while True:
                chunk = fh.read(1 << 20)
                if not chunk:
                    break
                got += chunk
    assert len(got) > 0 and data.startswith(bytes(got))


def test_sizes_read_as_people_write_them():
    assert [size_text(n) for n in (999, 2000, 132_100_000)] == ["999 bytes", "2.0 kB", "132.1 MB"]
    assert too_large_record(5000, 2000) == "record too large (5.0 kB > 2.0 kB limit; set read.max_bytes)"
