"""HTML pages: sniffed by content, decoded as declared, passed on whole (cleaning extracts)."""
from pathlib import Path

import pytest

from newsprism.config import Config
from newsprism.read import RawItem, read_inputs
from newsprism.read.html import HtmlReader, looks_like_html

FIX = Path(__file__).parent / "fixtures" / "read"


def test_a_page_is_one_html_item():
    [item] = read_inputs([FIX / "page.html"], Config())
    assert isinstance(item, RawItem)
    assert (item.kind, item.stem, item.text) == ("html", "page", None)
    assert item.html == (FIX / "page.html").read_text(encoding="utf-8")


def test_the_meta_charset_decodes_a_latin1_page():
    [item] = read_inputs([FIX / "page_latin1.htm"], Config())
    assert "Café owners" in item.html and "façade-lined" in item.html


def test_malformed_html_still_yields_an_item():
    [item] = read_inputs([FIX / "broken.html"], Config())
    assert item.kind == "html" and "Unclosed paragraph" in item.html


@pytest.mark.parametrize("text", [
    "<!DOCTYPE html><title>x</title>",
    "  <!doctype HTML>\n<html>",
    "<?xml version='1.0'?>\n<!-- generated -->\n<html xmlns='http://www.w3.org/1999/xhtml'>",
    "<div><p>A paragraph</p><p>Another</p></div>",
    "<span class='x'></span><span class='y'></span><em>hi</em><b></b>",
])
def test_html_is_recognised_by_content(text):
    assert looks_like_html(text)
    assert HtmlReader().sniff(text.encode(), None)


@pytest.mark.parametrize("text", [
    "Plain words about a <b> tag mentioned in passing.",
    "<rss version='2.0'><channel></channel></rss>",
    '{"html": "<p>in JSON</p>"}',
    "",
])
def test_other_text_is_not_html(text):
    assert not looks_like_html(text)
