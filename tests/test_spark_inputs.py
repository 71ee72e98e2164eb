"""scale/inputs.py: the driver lists files as the local run walks them, and settles ids as the local run does."""
from pathlib import Path

from newsprism.pipeline import IdAssigner
from newsprism.read import RawItem
from newsprism.scale.inputs import is_local, is_parquet, list_files, settle_ids


def test_a_directory_is_listed_in_the_local_walk_order_with_the_local_names(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.")
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / ".hidden.txt").write_text("Never read.")
    files, remote, parquet, problems = list_files([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [f.source for f in files] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]
    assert [(f.i_in, f.i_file) for f in files] == [(0, 0), (0, 1)]
    assert remote == [] and parquet == []
    assert problems == [f"{tmp_path / 'missing.txt'}: no such file or directory"]


def test_uris_and_parquet_are_left_to_sparks_readers(tmp_path):
    (tmp_path / "part-0.parquet").write_bytes(b"PAR1")
    assert not is_local("s3a://bucket/news/") and is_local("samples") and is_local("file:/tmp/x")
    assert is_parquet(str(tmp_path)) and is_parquet("hdfs://nn/news.parquet") and not is_parquet("samples")
    files, remote, parquet, _ = list_files(["s3a://bucket/warc/", str(tmp_path)])
    assert files == [] and remote == [(0, "s3a://bucket/warc/")] and parquet == [(1, str(tmp_path))]


def test_ids_are_the_local_assigners_in_input_order_whatever_order_rows_arrive_in():
    rows = [(1, 0, 0, "report", "b/report.txt"), (0, 0, 0, "report", "a/report.txt"), (0, 1, 3, "feed-7", "f.jsonl:4")]
    ids = IdAssigner()
    expected = {(0, 0, 0): ids.assign(RawItem(source="a/report.txt", kind="text", stem="report"), "x"),
                (0, 1, 3): ids.assign(RawItem(source="f.jsonl:4", kind="jsonl", id="feed-7"), "y"),
                (1, 0, 0): ids.assign(RawItem(source="b/report.txt", kind="text", stem="report"), "z")}
    assert settle_ids(rows) == expected
    assert expected[(0, 0, 0)] == "report" and expected[(1, 0, 0)].startswith("report_")
