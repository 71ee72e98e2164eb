"""Article text becomes HTML only through escaped pieces; offsets stay exact."""
from lxml import html as lhtml
from markupsafe import Markup

from newsprism.present.highlight import Mark, choose, highlight, js_offset, safe_url


def test_marks_wrap_exact_spans_and_text_is_unchanged():
    text = "Ferries resume on Monday, officials said."
    out = highlight(text, [Mark(0, 7, "loaded", title="loaded word"), Mark(18, 24, "label", data=(("x", "1"),))])
    assert isinstance(out, Markup)
    root = lhtml.fragment_fromstring(f"<div>{out}</div>")
    assert root.text_content() == text
    marks = root.findall("mark")
    assert [(m.get("class"), m.text) for m in marks] == [("loaded", "Ferries"), ("label", "Monday")]
    assert marks[1].get("data-x") == "1"


def test_article_markup_is_escaped_piece_by_piece():
    text = 'a <script>alert(1)</script> "onclick="x" & b'
    out = str(highlight(text, [Mark(2, 10, "loaded")]))
    assert "<script>" not in out and "&lt;script&gt;" in out and "&#34;onclick=&#34;" in out
    root = lhtml.fragment_fromstring(f"<div>{out}</div>")
    assert root.text_content() == text
    assert root.find(".//script") is None


def test_hostile_titles_in_marks_are_escaped():
    out = str(highlight("word", [Mark(0, 4, "loaded", title='"><script>x</script>')]))
    assert "<script>" not in out
    assert lhtml.fragment_fromstring(f"<div>{out}</div>").find("mark").get("title") == '"><script>x</script>'


def test_overlapping_marks_keep_the_preferred_one():
    marks = [Mark(0, 10, "label", priority=2), Mark(5, 8, "loaded", priority=1), Mark(9, 20, "label", priority=2)]
    assert [(m.start, m.cls) for m in choose(marks, 30)] == [(5, "loaded"), (9, "label")]
    assert choose([Mark(5, 50, "x")], 10) == []  # outside the text: never trusted


def test_carriage_returns_survive_html_parsing():
    text = "line one\r\nline two"
    root = lhtml.fragment_fromstring(f"<div>{highlight(text, [])}</div>")
    assert root.text_content() == text


def test_js_offsets_count_utf16_units():
    text = "ship 🚢 here"
    assert js_offset(text, 5) == 5
    assert js_offset(text, 7) == 8  # the emoji is two UTF-16 units


def test_only_http_urls_become_links():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("http://example.org") == "http://example.org"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<b>",
                "java\tscript:alert(1)", "//evil.example/x", "vbscript:x", "", None, "samples/a.txt"):
        assert safe_url(bad) is None, bad
