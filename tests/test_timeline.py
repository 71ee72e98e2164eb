"""The timeline: dated claims become events, the same event from several outlets is one entry."""
from __future__ import annotations

from newsprism.align.timeline import build_timeline, granularity
from newsprism.config import Config
from newsprism.model import Analysis, Claim, Document, Time


def corpus(rows):
    """rows: (doc, clause, predicate, when, time words or None)."""
    texts: dict[str, str] = {}
    claims, times = [], []
    for doc, clause, pred, when, words in rows:
        body = texts.get(doc, "")
        start = len(body) + (1 if body else 0)
        texts[doc] = (body + " " if body else "") + clause
        time = f"t{len(times) + 1}" if words else None   # the expression that dates the claim
        claims.append(Claim(id=f"c{len(claims) + 1}", doc=doc, start=start, end=start + len(clause), text=clause,
                            predicate=pred, when=when, time=time))
        if words:
            at = start + clause.index(words)
            times.append(Time(id=time, doc=doc, start=at, end=at + len(words), text=words, value=when or ""))
    docs = [Document(id=d, text=t, published="2024-03-07") for d, t in sorted(texts.items())]
    return Analysis(documents=docs, claims=claims, times=times)


def test_granularity_of_iso_prefixes():
    assert [granularity(v) for v in ("2006", "2023-10", "2023-W43", "2023-10-07", "2023-10-26T20:39", "PRESENT_REF")] \
        == ["year", "month", "week", "day", "minute", None]


def test_entries_are_sorted_and_merge_one_event_across_outlets():
    a = corpus([
        ("b", "the council summoned the envoy on Sunday", "summon", "2024-03-03", "on Sunday"),
        ("a", "Varga won the 2006 election", "win", "2006", "2006"),
        ("a", "the ferry sank on 3 March 2024", "disaster", "2024-03-03", "3 March 2024"),
        ("c", "the envoy was summoned on 3 March", "summon", "2024-03-03", "3 March"),
        ("c", "the port closed", "close", None, None),
    ])
    entries = build_timeline(a, Config())
    assert [(e.date, e.granularity) for e in entries] == [("2006", "year"), ("2024-03-03", "day"), ("2024-03-03", "day")]
    [summon] = [e for e in entries if "summon" in e.text]
    assert summon.documents == ["b", "c"] and len(summon.claims) == 2
    assert summon.resolved_from in ("on Sunday", "3 March")   # no year written: resolved against publication


def test_explicit_dates_are_not_marked_relative():
    a = corpus([("a", "the ferry sank on 3 March 2024", "disaster", "2024-03-03", "3 March 2024")])
    [entry] = build_timeline(a, Config())
    assert entry.resolved_from is None and entry.text == "the ferry sank on 3 March 2024"


def test_long_clauses_are_shortened_and_claims_capped():
    rows = [(d, "the strike began " + "after long talks " * 20, "strike", "2024-03-01", None) for d in "abcde"]
    [entry] = build_timeline(corpus(rows), Config())
    assert len(entry.text) <= 200 and len(entry.claims) == 3 and len(entry.documents) == 5
