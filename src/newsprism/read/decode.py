"""Bytes to text: refuse binaries, honour BOMs and declared charsets, guess the rest, then NFC.

Text is otherwise left exactly as found (cleaning folds spaces later), so offsets computed on
the cleaned text never depend on how a reader happened to decode. When a fallback was needed
(bytes that are not valid UTF-8 and declare nothing, stray NUL bytes) the text carries a note
that says so, which the document keeps.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

import charset_normalizer

SNIFF_BYTES = 65536  # how much of an input the sniffers see

# Leading bytes of common non-text formats, so the reason can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip compressed"),
    (b"BZh", "bzip2 compressed"),
    (b"\xfd7zXZ\x00", "xz compressed"),
    (b"\x28\xb5\x2f\xfd", "zstd compressed"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"\x00asm", "WebAssembly module"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),   # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Controls that never occur in text (tab, newline, form feed, carriage return and escape do).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_CONTROL_BUT_NUL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")
# Text with a few stray NUL bytes (padding, a damaged copy) is still text: up to one byte in twenty.
# Binary formats without a magic number also carry other control bytes, which the check below counts.
MAX_NUL_SHARE = 0.05
# UTF-8 with at most this many bad sequences per valid non-ASCII character is read as damaged UTF-8.
DAMAGED_UTF8_RATIO = 4
_NON_ASCII_CHAR = re.compile("[^\x00-\x7f\ufffd]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


class DecodeError(ValueError):
    """Bytes that are not text; the message is the one-line reason a ReadError carries."""


@dataclass
class Decoded:
    """Decoded text, and how a fallback decoded it (None when the bytes were plain UTF-8 or declared)."""

    text: str
    note: Optional[str] = None


def binary_kind(data: bytes) -> Optional[str]:
    """What binary format `data` is ("PNG image", "NUL bytes", ...), or None for text-like bytes."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[4:8] == b"ftyp":
        return "MP4 media"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[data[8:12]]
    if _bom(data) is None and _utf16_guess(data) is None:
        sample = data[:SNIFF_BYTES]
        if sample.count(0) > MAX_NUL_SHARE * len(sample):
            return "NUL bytes"
        if sample and len(_CONTROL_BUT_NUL.findall(sample)) > max(2, len(sample) // 100):
            return "control bytes"
    return None


def decode_text(data: bytes, declared: Optional[str] = None) -> Decoded:
    """Decode text bytes to an NFC string (with a note when a fallback was needed), or raise
    DecodeError with the reason.

    Order: byte-order mark, then UTF-8 (valid UTF-8 is almost never anything else), then a
    charset the document declares, then UTF-8 with its few bad bytes replaced (when most of the
    non-ASCII bytes are valid UTF-8), then charset-normalizer's guess.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise DecodeError(f"binary file ({kind})")
    notes = []
    if b"\x00" in data and _bom(data) is None and _utf16_guess(data) is None:
        nuls = data.count(0)
        data = data.replace(b"\x00", b"")
        notes.append(f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed")
    decoded = _decode(data, declared)
    if decoded is None:
        raise DecodeError("undecodable text")
    text, fallback = decoded
    if fallback:
        notes.append(fallback)
    return Decoded(unicodedata.normalize("NFC", text.lstrip("\ufeff")), "; ".join(notes) or None)


def decode_bytes(data: bytes, declared: Optional[str] = None) -> str:
    """`decode_text` without its note."""
    return decode_text(data, declared).text


def text_or_error(data: bytes, source: str) -> "Decoded | ReadError":
    """Decoded text with something in it, or the one-line error that says why not."""
    from .base import ReadError

    try:
        decoded = decode_text(data)
    except DecodeError as exc:
        return ReadError(source, str(exc))
    return decoded if decoded.text.strip() else ReadError(source, "no text (only whitespace)")


def head_text(head: bytes) -> str:
    """A lenient decoding of the first bytes, for sniffers: never raises, may contain U+FFFD."""
    encoding = _bom(head) or _utf16_guess(head) or "utf-8"
    return head.decode(encoding, errors="replace").lstrip("\ufeff")


def declared_charset(head: bytes) -> Optional[str]:
    """The charset an HTML <meta> or XML declaration names, if Python knows it."""
    m = _META_CHARSET.search(head[:8192]) or _XML_ENCODING.search(head[:1024])
    return valid_encoding(m.group(1).decode("ascii")) if m else None


def valid_encoding(name: Optional[str]) -> Optional[str]:
    """Python's name for an encoding label, or None when Python does not know it."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def wide_encoding(head: bytes) -> Optional[str]:
    """UTF-16 or UTF-32, by byte-order mark or by its NUL pattern: text that cannot be split into lines
    on the byte b"\\n"."""
    bom = _bom(head)
    return bom if bom not in (None, "utf-8") else _utf16_guess(head)


def _bom(data: bytes) -> Optional[str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_guess(data: bytes) -> Optional[str]:
    """UTF-16 without a BOM: Latin-script text has a NUL in nearly every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _decode(data: bytes, declared: Optional[str]) -> Optional[tuple[str, Optional[str]]]:
    """(text, the note on a fallback decoding or None), or None when nothing decodes the bytes."""
    bom = _bom(data)
    encoding = bom or _utf16_guess(data)
    if encoding:
        try:
            return data.decode(encoding), None if bom else f"decoded as {encoding.upper()} without a byte-order mark"
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    declared = valid_encoding(declared)
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return data.decode(declared), None
        except UnicodeDecodeError:
            pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    guess = _guess(data)
    if guess is None:
        return None
    text, charset = guess
    return text, f"not valid UTF-8 and no charset declared: decoded as {charset} (a guess)"


def _damaged_utf8(data: bytes) -> Optional[tuple[str, str]]:
    """UTF-8 with a few bad bytes (a damaged copy, a stray byte of another charset). Text in a legacy code
    page almost never holds a valid UTF-8 sequence by chance, so valid sequences that outnumber a quarter
    of the bad ones say UTF-8; decoding it as a code page would garble every accented letter."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    valid = len(_NON_ASCII_CHAR.findall(text))
    if not valid or bad > DAMAGED_UTF8_RATIO * valid:
        return None
    return text, f"not valid UTF-8 in {bad} place{'s' if bad > 1 else ''}: replaced with U+FFFD"


def _guess(data: bytes) -> Optional[tuple[str, str]]:
    """charset-normalizer's decoding and the name of the charset it chose."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    # charset-normalizer cannot tell Western code pages apart on short texts and often picks
    # cp1250; among equally clean decodings prefer cp1252, the web's usual legacy charset.
    least = min(m.percent_chaos for m in matches)
    for m in matches:
        if m.percent_chaos <= least and "cp1252" in m.could_be_from_charset:
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                break
    return str(best), best.encoding
