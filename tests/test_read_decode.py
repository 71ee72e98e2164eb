"""Bytes become NFC text or a one-line reason; nothing else about the text changes."""
import codecs
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from newsprism.read.decode import DecodeError, binary_kind, declared_charset, decode_bytes, decode_text, head_text

TEXT = "The minister’s “final” offer — rejected on Tuesday — would have cost €3 million, café owners said.\n"


def test_utf8_passes_through_unchanged():
    assert decode_bytes(TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                           (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le")])
def test_byte_order_marks_choose_the_encoding_and_are_dropped(bom, encoding):
    assert decode_bytes(bom + TEXT.encode(encoding)) == TEXT


def test_utf16_without_bom_is_recognised():
    assert decode_bytes(TEXT.encode("utf-16-le")) == TEXT


def test_windows_1252_is_guessed_for_western_text():
    text = "Le président a déclaré mardi que l’essai coûterait « environ » 1,2 million d’euros. Les pêcheurs étaient partagés.\n"
    assert decode_bytes(text.encode("cp1252")) == text


def test_cyrillic_code_page_is_guessed():
    text = "Министр заявил во вторник, что переговоры с профсоюзом зашли в тупик и продолжатся позже.\n"
    assert decode_bytes(text.encode("cp1251")) == text


def test_declared_charset_is_used_when_bytes_are_not_utf8():
    data = "<meta charset='iso-8859-1'><p>Caf\u00e9 fa\u00e7ade</p>".encode("latin-1")
    assert declared_charset(data) == "iso8859-1"
    assert "Café façade" in decode_bytes(data, declared=declared_charset(data))


def test_unknown_declared_charset_is_ignored():
    assert declared_charset(b'<meta charset="no-such-charset">') is None


def test_text_is_normalised_to_nfc():
    decomposed = "Cafe\u0301 owners"
    assert decode_bytes(decomposed.encode("utf-8")) == unicodedata.normalize("NFC", decomposed) == "Café owners"


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"some words\x00\x00\x01 more words", "NUL bytes"),
])
def test_binary_files_are_named(data, kind):
    assert binary_kind(data) == kind
    with pytest.raises(DecodeError, match=rf"^binary file \({kind}\)$"):
        decode_bytes(data)


def test_plain_text_is_not_binary():
    assert binary_kind(TEXT.encode("utf-8")) is None
    assert binary_kind(TEXT.encode("utf-16")) is None


def test_head_text_never_raises_and_drops_the_bom():
    assert head_text(codecs.BOM_UTF8 + b"<rss") == "<rss"
    assert head_text(b"\xff\xfe<\x00r\x00") == "<r"
    assert head_text(b"\xc3") == "\ufffd"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_decode_or_give_a_one_line_reason(data):
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert text == unicodedata.normalize("NFC", text)
    head_text(data)


def test_valid_utf8_and_declared_charsets_carry_no_note():
    assert decode_text(TEXT.encode("utf-8")).note is None
    assert decode_text(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")).note is None
    assert decode_text("Caf\u00e9".encode("latin-1") * 20, declared="latin-1").note is None


def test_utf8_with_a_few_bad_bytes_keeps_its_accents_and_says_where_it_was_repaired():
    data = TEXT[:40].encode("utf-8") + b"\xff\xfe" + TEXT[40:].encode("utf-8")
    decoded = decode_text(data)
    assert decoded.text == TEXT[:40] + "\ufffd\ufffd" + TEXT[40:]
    assert decoded.note == "not valid UTF-8 in 2 places: replaced with U+FFFD"


def test_a_legacy_code_page_is_a_guess_and_says_so():
    decoded = decode_text("Caf\u00e9 owners in S\u00e3o Tom\u00e9 said the plan was na\u00efve.\n".encode("cp1252"))
    assert "Café owners in São Tomé" in decoded.text
    assert decoded.note == "not valid UTF-8 and no charset declared: decoded as cp1252 (a guess)"


def test_utf16_without_a_bom_says_it_was_recognised_by_its_bytes():
    assert decode_text(TEXT.encode("utf-16-le")).note == "decoded as UTF-16-LE without a byte-order mark"


def test_a_few_stray_nul_bytes_are_removed_from_text_and_noted():
    data = TEXT.encode()[:30] + b"\x00" + TEXT.encode()[30:] + b"\x00\x00"
    assert binary_kind(data) is None
    decoded = decode_text(data)
    assert decoded.text == TEXT and decoded.note == "3 NUL bytes removed"
