"""Plain text files: one article each, decoded and otherwise untouched."""
from pathlib import Path

from newsprism.config import Config
from newsprism.read import RawItem, ReadError, read_inputs
from newsprism.read.text import TextReader

FIX = Path(__file__).parent / "fixtures" / "read"


def test_a_text_file_is_one_item_named_by_its_stem():
    [item] = read_inputs([str(FIX / "article.txt")], Config())
    assert isinstance(item, RawItem)
    assert (item.kind, item.stem, item.source) == ("text", "article", str(FIX / "article.txt"))
    assert item.text == (FIX / "article.txt").read_text(encoding="utf-8")
    assert item.html is None


def test_legacy_and_utf16_encodings_are_decoded():
    [western] = read_inputs([FIX / "article_cp1252.txt"], Config())
    assert "approuvé" in western.text and "l’île" in western.text and "« un investissement" in western.text
    [wide] = read_inputs([FIX / "article_utf16.txt"], Config())
    assert wide.text == (FIX / "article.txt").read_text(encoding="utf-8")


def test_text_reader_never_claims_by_content_it_is_the_fallback():
    assert TextReader().sniff(b"Just some words.", None) is False


def test_whitespace_only_is_refused():
    [err] = TextReader().read(b" \n\t\n", "blank.txt", Path("blank.txt"), Config())
    assert err == ReadError("blank.txt", "no text (only whitespace)")
