"""bench/pool.py: the bench's documents beyond the real articles, recombined from whole paragraphs."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import pool  # noqa: E402


def _rows(k: int = 8) -> list[dict]:
    rows = [{"id": f"a/{i}", "title": f"Title {i}",
             "text": "\n\n".join(f"Article {i} paragraph {j} says something." for j in range(6))}
            for i in range(k)]
    rows.append({"id": "a/lines", "text": "First line of a one-block text.\nSecond line of it.\nThird line."})
    rows.append({"id": "a/html", "html": "<p>not split</p>"})
    return rows


def test_paragraphs_split_on_blank_lines_else_lines():
    assert pool.paragraphs("one\n\n two \n\n\nthree") == ["one", "two", "three"]
    assert pool.paragraphs("a\nb\n\n") == ["a", "b"]


def test_pool_is_the_real_rows_then_n_recombined_with_distinct_ids():
    rows = _rows()
    docs = pool.pool(rows, 40)
    assert len(docs) == 40 and docs[:len(rows)] == rows
    assert len({d["id"] for d in docs}) == 40
    made = docs[len(rows):]
    assert all(d["id"].startswith("recombined/") and d["title"].startswith("Recombined ") for d in made)
    assert len({d["text"] for d in made}) == len(made)


def test_each_recombined_article_is_whole_paragraphs_of_three_different_articles():
    rows = _rows()
    by_id = {r["id"]: r for r in rows}
    for d in pool.recombined(rows, 30):
        used = [u.split("#")[0] for u in d["recombined_from"]]
        assert len(set(used)) == 3 and "a/html" not in used
        expected = []
        for u in d["recombined_from"]:
            sid, span = u.split("#")
            first, last = map(int, span.split("-"))
            expected += pool.paragraphs(by_id[sid]["text"])[first:last + 1]
        assert pool.paragraphs(d["text"]) == expected


def test_no_source_gives_more_than_its_share_of_a_recombined_article():
    rows = _rows() + [{"id": "a/long", "text": "Short lead.\n\n" + "A very long paragraph. " * 200}]
    docs = pool.recombined(rows, 40)
    assert not any("a/long#1-1" in u for d in docs for u in d["recombined_from"])
    for d in docs:
        runs = d["text"].split("\n\n")
        assert len(runs) >= 3
    try:
        pool.recombined(rows[:2] + rows[-1:], 5)
    except ValueError as e:
        assert "MAX_SHARE" in str(e)
    else:
        raise AssertionError("three uneven rows cannot give five recombinations under the cap")


def test_recombination_is_deterministic_and_seeded():
    rows = _rows()
    assert pool.recombined(rows, 20) == pool.recombined(rows, 20)
    assert pool.recombined(rows, 20) != pool.recombined(rows, 20, seed="other")
    assert pool.pool(rows, 25)[:20] == pool.pool(rows, 20)


def test_fewer_than_the_real_rows_is_a_prefix_and_real_limits_the_sources():
    rows = _rows()
    assert pool.pool(rows, 3) == rows[:3]
    docs = pool.pool(rows, 10, real=4)
    assert docs[:4] == rows[:4]
    assert {u.split("#")[0] for d in docs[4:] for u in d["recombined_from"]} <= {r["id"] for r in rows[:4]}
