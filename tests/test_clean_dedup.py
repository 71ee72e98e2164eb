"""dedup: exact copies become one document with all their sources; near-copies are linked, never dropped."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsprism.clean.dedup import dedup, jaccard, minhash, shingles, text_key
from newsprism.config import Config
from newsprism.model import Document

BBC = Path(__file__).resolve().parent.parent.parent / "shared" / "evaldata" / "bbc" / "bbc.jsonl.gz"

HEADLINE = "Flood barrier on the River Tamsin finished two years late"
BODY = [
    "Engineers closed the last gate of the new flood barrier on the River Tamsin on Wednesday, two years after the date first promised.",
    "The barrier, which spans the river just below the old mill at Cresswick, is meant to protect about 2,000 homes from winter surges.",
    "Work began in the spring of 2019 but stopped twice, first when the contractor went into administration and again when a pier cracked during testing.",
    "The regional water board said the final cost was 48 million, nearly double the original estimate.",
    "Board chair Rosalind Penhallow said the delays had been painful for residents who spent two more winters behind sandbags.",
    "She said the barrier had passed its load tests and would be raised for the first time during next month's spring tides.",
    "Local councillor Amos Treloar welcomed the news but said the board still owed residents an explanation for the overspend.",
    "Insurance premiums in the valley have risen sharply since the floods of 2016, when the river burst its banks in three places.",
    "Several households said they had been unable to find any insurer willing to cover them at all.",
    "The board expects premiums to fall once insurers have seen the barrier operate through a full winter.",
    "A public open day at the control house is planned for the first weekend of April.",
    "Visitors will be able to watch a test lift of the central gate from a viewing platform on the east bank.",
    "The board also plans a footpath along the top of the new embankment, linking Cresswick with the village of Lower Fenn.",
    "That path is not expected to open before the autumn because the surface still has to settle.",
    "Fishing clubs upstream have asked for a survey of how the barrier affects salmon moving up the river to spawn.",
    "The board said a fish pass built into the western pier had been designed with the national angling trust.",
    "Monitoring equipment will record every fish that uses it for the first three years of operation.",
    "Residents of Mill Lane, the street closest to the river, said they would believe the barrier worked when they saw it.",
]
CHANGED = "The water board put the final bill at 48 million, close to twice what was budgeted when work began."
UNRELATED = (
    "The city orchestra announced its new season on Tuesday, with a cycle of Sibelius symphonies and two premieres "
    "by young local composers. Tickets go on sale next month, and the hall will offer cheaper seats to students "
    "on weekday evenings. The conductor said she wanted the programme to bring in listeners who had never been "
    "to a concert before, and that rehearsals would open to schools for the first time."
)


def article(headline: str = HEADLINE, body: list[str] = BODY) -> str:
    return headline + "\n\n" + "\n\n".join(body)


def near_copy() -> str:
    body = list(BODY)
    body[3] = CHANGED
    return article("Tamsin flood barrier completed after two-year delay", body)


def doc(id: str, text: str, *sources: str) -> Document:
    return Document(id=id, source=sources[0] if sources else None, sources=list(sources), text=text)


@pytest.fixture
def cfg() -> Config:
    return Config()


def test_text_key_ignores_case_punctuation_quotes_and_spacing():
    a = "The mayor said: \u201cWe will rebuild.\u201d\n\nWork starts   Monday."
    b = 'the MAYOR said "We will rebuild"\nwork starts monday'
    assert text_key(a) == text_key(b)
    assert text_key(a) != text_key("The mayor said: \u201cWe will not rebuild.\u201d Work starts Monday.")


def test_minhash_is_a_pure_function_of_the_text(cfg):
    first, again = minhash(article(), cfg), minhash(article(), cfg)
    assert (first.hashvalues == again.hashvalues).all()
    assert len(first.hashvalues) == cfg.dedup.num_perm
    # its estimate tracks the true Jaccard of the shingle sets
    true = jaccard(shingles(article(), 5), shingles(near_copy(), 5))
    assert abs(first.jaccard(minhash(near_copy(), cfg)) - true) < 0.1


def test_shingles_are_runs_of_words():
    assert shingles("One two three four five six.", 5) == {"one two three four five", "two three four five six"}
    assert shingles("Too short.", 5) == {"too short"}
    assert shingles("", 5) == set()


def test_exact_duplicates_become_the_first_document_with_all_sources(cfg):
    docs = [
        doc("a", article(), "feeds/a.html"),
        doc("b", UNRELATED, "b.txt"),
        doc("c", article().upper().replace("\n\n", " "), "mirror/a.html", "feeds/a.html"),
        doc("d", "  " + article() + "  ", "archive.warc:17"),
    ]
    out = dedup(docs, cfg)
    assert [d.id for d in out] == ["a", "b"]
    assert out[0].sources == ["feeds/a.html", "mirror/a.html", "archive.warc:17"]
    assert out[0].text == article()  # the first copy's text is kept as it was
    assert out[1].sources == ["b.txt"]
    assert docs[0].sources == ["feeds/a.html"]  # inputs are not changed


def test_near_duplicate_is_linked_both_ways_with_its_similarity(cfg):
    out = dedup([doc("wire", article(), "wire.txt"), doc("other", UNRELATED), doc("reprint", near_copy(), "r.txt")], cfg)
    by_id = {d.id: d for d in out}
    assert [d.id for d in out] == ["wire", "other", "reprint"]  # nothing dropped, order kept
    expected = round(jaccard(shingles(article(), 5), shingles(near_copy(), 5)), 3)
    assert cfg.dedup.near_threshold <= expected < 1.0
    assert [(n.doc, n.similarity) for n in by_id["wire"].near_duplicates] == [("reprint", expected)]
    assert [(n.doc, n.similarity) for n in by_id["reprint"].near_duplicates] == [("wire", expected)]


def test_unrelated_and_same_topic_documents_are_not_linked(cfg):
    rewrite = (
        "Two years behind schedule, the Cresswick flood defence is finally complete. Residents who spent winters "
        "behind sandbags say the water board must explain why the scheme cost almost twice its budget, while the "
        "board promises the gates will rise for the first time at next month's spring tides."
    )
    out = dedup([doc("a", article()), doc("b", UNRELATED), doc("c", rewrite)], cfg)
    assert all(d.near_duplicates == [] for d in out)


def test_links_are_sorted_most_similar_first(cfg):
    closer = near_copy()
    further_body = list(BODY)
    further_body[3], further_body[10] = CHANGED, "An open day is planned for April."
    out = dedup([doc("a", article()), doc("far", article(HEADLINE, further_body)), doc("near", closer)], cfg)
    links = out[0].near_duplicates
    assert [n.doc for n in links] == ["near", "far"]
    assert links[0].similarity > links[1].similarity


def test_pairs_just_above_the_threshold_are_not_missed_by_the_lsh_buckets(cfg):
    # each version rewrites a different sentence: similarity about 0.85 with the original
    versions = []
    for k in range(len(BODY)):
        body = list(BODY)
        body[k] = f"This sentence was rewritten by the desk for version {k} of the story."
        versions.append(doc(f"v{k:02d}", article(HEADLINE, body)))
    out = dedup([doc("original", article())] + versions, cfg)
    linked = {n.doc for n in out[0].near_duplicates}
    expected = {v.id for v in versions if jaccard(shingles(article(), 5), shingles(v.text, 5)) >= cfg.dedup.near_threshold}
    assert len(expected) >= 10
    assert linked == expected


def test_threshold_comes_from_config():
    strict = Config.load(overrides={"dedup.near_threshold": 0.99})
    out = dedup([doc("a", article()), doc("b", near_copy())], strict)
    assert all(d.near_duplicates == [] for d in out)


def test_documents_without_words_are_neither_merged_nor_linked(cfg):
    out = dedup([doc("e1", "", "x"), doc("e2", " ... ", "y"), doc("a", article())], cfg)
    assert [(d.id, d.sources, d.near_duplicates) for d in out] == [("e1", ["x"], []), ("e2", ["y"], []), ("a", [], [])]


def test_same_input_same_output(cfg):
    docs = [doc(str(i), t) for i, t in enumerate([article(), near_copy(), UNRELATED, article(), near_copy()])]
    first = [d.model_dump() for d in dedup(docs, cfg)]
    assert first == [d.model_dump() for d in dedup(docs, cfg)]


@pytest.mark.skipif(not BBC.exists(), reason="shared BBC evaluation set not present")
def test_bbc_news_set_holds_exact_and_near_duplicates(cfg):
    rows = [json.loads(line) for line in gzip.open(BBC, "rt", encoding="utf-8")]
    out = dedup([doc(r["id"], r["text"], r["id"]) for r in rows], cfg)
    exact = sum(len(d.sources) - 1 for d in out)
    pairs = {tuple(sorted((d.id, n.doc))) for d in out for n in d.near_duplicates}
    print(f"\nBBC: {len(rows)} articles -> {len(out)} documents; {exact} exact copies merged; {len(pairs)} near-duplicate pairs")
    assert exact > 0 and pairs
    assert len({text_key(d.text) for d in out}) == len(out)
    by_id = {d.id: d for d in out}
    for d in out:
        for n in d.near_duplicates:
            assert n.similarity >= cfg.dedup.near_threshold
            assert any(back.doc == d.id and back.similarity == n.similarity for back in by_id[n.doc].near_duplicates)


def test_a_signature_fed_in_batches_equals_one_fed_at_once(cfg, monkeypatch):
    """Batches keep memory flat for a text of millions of shingles; the signature does not change."""
    import newsprism.clean.dedup as dedup_module

    text = " ".join(f"w{i % 997} x{i % 13}" for i in range(5000))
    whole = dedup_module.minhash(text, cfg)
    monkeypatch.setattr(dedup_module, "_BATCH", 64)
    assert (dedup_module.minhash(text, cfg).hashvalues == whole.hashvalues).all()
