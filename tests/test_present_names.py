from types import SimpleNamespace

from newsprism.present.names import doc_name, names_phrase, plural, short_title, site_of


def doc(**kw):
    return SimpleNamespace(**{"outlet": None, "url": None, "source": None, "title": None, **kw})


def test_outlet_then_site_then_short_title():
    assert doc_name(doc(outlet="  Harbor  Times ", url="https://www.x.example/a")) == "Harbor Times"
    assert doc_name(doc(url="https://www.bay-gazette.example/a/b", title="T")) == "bay-gazette.example"
    assert doc_name(doc(source="https://news.example/x", title="T")) == "news.example"
    assert doc_name(doc(source="uploads/000_9a1c.txt", title="A short title")) == "A short title"
    assert doc_name(doc()) == "untitled document"
    assert doc_name(None) == "unknown document"


def test_short_title_cuts_between_words():
    t = short_title("Harbour council demands the expulsion of smugglers after a week of protests")
    assert t.endswith("…") and len(t) <= 49 and not t[:-1].endswith(" ")
    assert "expulsion of…" in t or t.split()[-1].endswith("…")


def test_site_of_only_reads_web_addresses():
    assert site_of("ftp://x.example/a") == "" and site_of(None) == "" and site_of("http://[bad") == ""


def test_plural_and_phrase():
    assert plural(1, "document") == "1 document" and plural(2, "document") == "2 documents"
    assert plural(3, "story", "stories") == "3 stories"
    assert names_phrase(["A", "B", "A", "C"]) == "A, B and C" and names_phrase([]) == ""


def test_doc_ref_quotes_a_title_used_as_a_name():
    from newsprism.present.names import doc_ref

    assert doc_ref(doc(title="Talks end early")) == "“Talks end early”"
    assert doc_ref(doc(outlet="Harbor Times", title="Talks end early")) == "Harbor Times"
    assert doc_ref(doc(url="https://x.example/a", title="T")) == "x.example"
