"""eval/evaldata.py: where the sets are, and the progress bar long evaluations show on standard error."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

import evaldata  # noqa: E402


def test_progress_yields_every_item_in_order_from_lists_and_generators():
    assert list(evaldata.progress([3, 1, 2], "items")) == [3, 1, 2]
    assert list(evaldata.progress((x * 2 for x in range(4)), "gen")) == [0, 2, 4, 6]
    assert list(evaldata.progress(zip("ab", "cd"), "pairs", total=2)) == [("a", "c"), ("b", "d")]


def test_progress_writes_nothing_to_standard_output(capsys):
    list(evaldata.progress(range(5), "quiet"))
    assert capsys.readouterr().out == ""
